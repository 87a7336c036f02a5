//! Line model + structure over arbitrary text: never panics; clauses lie inside the text
//! and their paths have as many components as their level.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let src = gongwen::text::SourceText::from_utf8(s);
    let analysis = gongwen::structure::analyse(&src);
    for doc in &analysis.documents {
        for n in &doc.nodes {
            assert!(n.start <= n.end && n.end <= s.len(), "span outside the text");
            assert!(n.line >= 1 && n.line <= src.line_count(), "line out of range");
            assert_eq!(n.path.split('/').count() as u32, n.level, "path vs level");
        }
    }
});
