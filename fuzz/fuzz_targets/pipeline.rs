//! The whole per-document pipeline over arbitrary bytes: never panics (a caught panic
//! would show as a `panic` error record, which is a bug too), byte offsets lie inside the
//! file and lines inside its line count.
#![no_main]

use gongwen::model::{Clause, ErrorKind, Status};
use gongwen::pipeline::{Options, process_bytes};
use libfuzzer_sys::fuzz_target;

fn check(c: &Clause, len: u64, lines: u64) {
    // Inside a container (DOCX, OFD) there are no byte offsets; elsewhere they lie in the file.
    if let (Some(start), Some(end)) = (c.byte_start, c.byte_end) {
        assert!(start <= end && end <= len, "offsets outside the file");
    }
    assert!(c.line >= 1 && c.line <= lines.max(1), "line out of range");
    assert_eq!(c.path.split('/').count() as u32, c.level, "path vs level");
    for k in &c.children {
        check(k, len, lines);
    }
}

fuzz_target!(|data: &[u8]| {
    let r = process_bytes("fuzz.txt", data, &Options::default());
    if let Some(e) = &r.error {
        assert_ne!(e.kind, ErrorKind::Panic, "{}", e.message);
    }
    if r.status == Status::Ok {
        for d in &r.documents {
            for c in &d.clauses {
                check(c, data.len() as u64, r.source.lines);
            }
        }
    }
});
