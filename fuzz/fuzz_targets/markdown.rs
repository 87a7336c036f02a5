//! Markdown blanking on arbitrary text: never panics, keeps every byte offset and line
//! break, and only ever replaces characters by white space.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let out = gongwen::formats::markdown::blank_markup(text);
    assert_eq!(out.len(), text.len());
    // Compared at the same byte offsets: a blanked character is white space of its byte
    // length (a two-byte character two spaces), so the characters need not line up.
    for (i, c) in text.char_indices() {
        let piece = &out[i..i + c.len_utf8()];
        if matches!(c, '\n' | '\r') {
            assert_eq!(piece, c.to_string(), "byte {i}: a line break was blanked");
        } else if piece != c.to_string() {
            assert!(piece.chars().all(char::is_whitespace), "byte {i}: {c:?} became {piece:?}");
        }
    }
});
