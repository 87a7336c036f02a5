//! html reader (work in progress).

use super::{Format, FormatError, TextView};

/// Read a html file into its view.
pub fn read(_bytes: &[u8]) -> Result<TextView, FormatError> {
    Err(FormatError::malformed(Format::Text, "not yet read"))
}
