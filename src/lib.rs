//! gongwen: turns archives of Chinese policy and party/government documents into
//! structured, verifiable JSON, and checks their clause numbering like a linter.
//!
//! The pipeline, one module per stage:
//! [`formats`] (bytes → format → one text view, decoded by [`ingest`] or read from a
//! container) → [`text`] (line model) →
//! [`normalize`] (compacted lines, paragraphs, cleaned text) →
//! [`structure`] (documents and clause trees) → [`segment`] (jieba-rs) →
//! [`extract`] (responsibilities, conditions, sanctions) → [`lint`] (numbering QA) →
//! [`model`] (the output records; [`error_record`] builds those of failed inputs) →
//! [`render`] (the printers of both commands). [`pipeline`] runs the stages over one
//! input, [`batch`] finds and reads the inputs, [`ordered`] runs them in parallel in input
//! order, [`stream`] answers JSON Lines requests (streaming mode), and [`cli`] wires the
//! command line.
//! [`budget`] bounds the memory one input may hold (and counts allocations).

pub mod batch;
pub mod budget;
pub mod cli;
pub mod error_record;
pub mod extract;
pub mod formats;
pub mod ingest;
pub mod lint;
pub mod metadata;
pub mod model;
pub mod normalize;
pub mod ordered;
pub mod outdir;
pub mod pipeline;
pub mod references;
pub mod render;
pub mod segment;
pub mod stream;
pub mod structure;
pub mod text;
