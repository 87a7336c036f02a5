//! Arbitrary bytes through format detection and every reader (PDF excepted: it runs an
//! external tool): never panics, a view is well formed — one locator per line where there
//! are locators, every mapped offset inside the input.
#![no_main]

use gongwen::formats::{self, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let format = match formats::detect(data, "") {
        formats::Detected::Readable(Format::Pdf) | formats::Detected::Unsupported(_) => return,
        formats::Detected::Readable(f) => f,
    };
    if let Ok(v) = formats::read_as(format, data) {
        let lines = v.text.split('\n').count();
        assert!(v.locators.is_empty() || v.locators.len() == lines);
        assert!(v.numbering.is_empty() || v.numbering.len() == lines);
        if let Some(map) = &v.map {
            for (i, _) in v.text.char_indices() {
                assert!(map.orig(i) <= data.len());
            }
        }
    }
});
