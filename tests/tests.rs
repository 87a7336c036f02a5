//! The integration tests: one binary, one module per area.

mod check;
mod cli;
mod corpus;
mod extract_csv;
mod laws;
mod readme;
mod reliability;
mod schemas;
mod stream;
