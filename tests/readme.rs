//! The README's output example is real output: regenerated here from the record of
//! `EXAMPLE`, its lists cut down to one item, and compared with the README's JSON block (rewritten with
//! `GONGWEN_BLESS=1 cargo test readme`), so it cannot drift from what gongwen prints.

use std::path::Path;

use gongwen::batch::{Input, process_input};
use gongwen::model::Clause;
use gongwen::pipeline::Options;

/// The fixture the README shows, as the README's command names it.
const EXAMPLE: &str = "corpus/extract/accountability-damaged.txt";
/// The line just before the example's code block.
const INTRO: &str = "This is the real output";

/// Keep one clause of a list (the first with sub-clauses, else the first), cut the same
/// way below.
fn cut_clauses(clauses: &mut Vec<Clause>) {
    let keep = clauses
        .iter()
        .position(|c| !c.children.is_empty())
        .unwrap_or(0);
    if clauses.is_empty() {
        return;
    }
    let mut kept = clauses.swap_remove(keep);
    cut_clauses(&mut kept.children);
    *clauses = vec![kept];
}

/// The README example: the record of `EXAMPLE` with every list cut to one item, as
/// `extract` prints it (pretty-printed).
fn example() -> String {
    // Labelled as a run in the crate's folder labels it.
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE);
    let input = Input::file(file, EXAMPLE.to_string(), EXAMPLE.into());
    let mut record = process_input(&input, &Options::default());
    for doc in &mut record.documents {
        cut_clauses(&mut doc.clauses);
        doc.responsibilities.truncate(1);
        doc.accountability.conditions.truncate(1);
        doc.accountability.sanctions.truncate(1);
        doc.diagnostics.truncate(1);
    }
    serde_json::to_string_pretty(&record).expect("a record serialises")
}

#[test]
fn readme_output_example_is_real_output() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let intro = readme
        .find(INTRO)
        .expect("the README introduces its output example");
    let open = intro + readme[intro..].find("```json\n").expect("a JSON block") + 8;
    let close = open + readme[open..].find("```\n").expect("the block ends");
    let fresh = example() + "\n";
    if readme[open..close] == fresh {
        return;
    }
    if std::env::var_os("GONGWEN_BLESS").is_some_and(|v| v == "1") {
        let updated = format!("{}{fresh}{}", &readme[..open], &readme[close..]);
        std::fs::write(&path, updated).expect("rewrite README.md");
        return;
    }
    panic!(
        "the README's output example differs from real output; regenerate it with \
         `GONGWEN_BLESS=1 cargo test readme` and review the diff"
    );
}
