//! The page lay-out of PDF text (what `pdftotext -raw` hands over) on arbitrary text:
//! never panics; every line of the view has its `page N` locator.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(v) = gongwen::formats::pdf::view_of_pages(text) {
        assert_eq!(v.locators.len(), v.text.split('\n').count());
        assert!(v.locators.iter().all(|l| l.starts_with("page ")));
    }
});
