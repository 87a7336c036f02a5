//! Markdown blanking on arbitrary text: never panics, keeps every byte offset and line
//! break, and only ever replaces characters by white space.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let out = gongwen::formats::markdown::blank_markup(text);
    assert_eq!(out.len(), text.len());
    for (a, b) in text.char_indices().zip(out.char_indices()) {
        let i = a.0;
        if a.1 != b.1 {
            assert!(b.1.is_whitespace(), "byte {i}: {:?} became {:?}", a.1, b.1);
        }
        if matches!(a.1, '\n' | '\r') {
            assert_eq!(a.1, b.1);
        }
    }
});
