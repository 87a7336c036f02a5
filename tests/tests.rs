//! The integration tests: one binary, one module per area.

/// The binary's allocator, so that tests can count what the pipeline allocates and the
/// memory budget is enforced here as in `gongwen` itself.
#[global_allocator]
static GLOBAL: gongwen::budget::CountingAlloc = gongwen::budget::CountingAlloc::MEASURING;

mod check;
mod cli;
mod corpus;
mod extract_csv;
mod formats;
mod laws;
mod readme;
mod reliability;
mod scaling;
mod schemas;
mod stream;
