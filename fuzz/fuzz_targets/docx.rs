//! The DOCX reader on arbitrary XML parts (the zip layer is exercised by `formats`): the
//! input is split at two NUL bytes into document.xml, numbering.xml and styles.xml. Never
//! panics; every numbered line starts with its label.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(3, '\0');
    let document = parts.next().unwrap_or("");
    let numbering = parts.next();
    let styles = parts.next();
    if let Ok(v) = gongwen::formats::docx::view_of_parts(document, numbering, styles) {
        for (line, &n) in v.text.split('\n').zip(&v.numbering) {
            assert!(line.is_char_boundary(n as usize) && n as usize <= line.len());
        }
    }
});
