//! The HTML reader on arbitrary bytes: never panics; every byte of the view maps into
//! the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(v) = gongwen::formats::html::read(data) {
        let map = v.map.expect("HTML keeps byte offsets");
        for (i, _) in v.text.char_indices() {
            assert!(map.orig(i) <= data.len());
        }
    }
});
