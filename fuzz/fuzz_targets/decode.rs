//! Decode arbitrary bytes: never panics, and every offset the map gives lies inside the
//! input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(d) = gongwen::ingest::decode(data) {
        for (i, _) in d.text.char_indices() {
            assert!(d.map.orig(i) <= data.len());
        }
        assert!(d.map.orig(d.text.len()) <= data.len());
    }
});
