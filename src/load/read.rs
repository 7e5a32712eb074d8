//! Reading the files a user wrote, with located errors.

use std::path::Path;

use anyhow::Context;

use crate::diagnostic::Diagnostic;

/// Files larger than this are refused: nothing a person writes by hand is this big.
pub const MAX_TEXT_FILE: u64 = 8 * 1024 * 1024;

/// Reads a UTF-8 text file, without its byte order mark.
///
/// `display` is the path shown in errors. Invalid UTF-8 is reported at the line and
/// column of the first bad byte.
pub fn read_text(path: &Path, display: &str) -> anyhow::Result<String> {
    let metadata =
        std::fs::metadata(path).with_context(|| format!("failed to read `{display}`"))?;
    if metadata.len() > MAX_TEXT_FILE {
        return Err(Diagnostic::file(
            display,
            format!(
                "`{display}` is {:.1} MB; text files are limited to {} MB",
                metadata.len() as f64 / 1_048_576.0,
                MAX_TEXT_FILE / 1_048_576
            ),
        )
        .with_help("split the page into several pages")
        .into());
    }
    let bytes = std::fs::read(path).with_context(|| format!("failed to read `{display}`"))?;
    decode(bytes, display).map_err(Into::into)
}

/// Decodes bytes as UTF-8, dropping a leading byte order mark.
pub fn decode(bytes: Vec<u8>, display: &str) -> Result<String, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{FEFF}') {
                text.drain(..3);
            }
            Ok(text)
        }
        Err(error) => {
            let valid = error.utf8_error().valid_up_to();
            let bytes = error.into_bytes();
            let shown = String::from_utf8_lossy(&bytes).into_owned();
            let prefix = String::from_utf8_lossy(&bytes[..valid]).len();
            Err(Diagnostic::at(
                display,
                &shown,
                prefix..prefix + 1,
                "file is not valid UTF-8",
            )
            .with_help("save the file as UTF-8"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_the_byte_order_mark() {
        assert_eq!(decode(b"\xEF\xBB\xBF+++".to_vec(), "x").unwrap(), "+++");
    }

    #[test]
    fn locates_invalid_utf8() {
        let error = decode(b"+++\ntitle = \"caf\xE9\"\n".to_vec(), "content/x.md").unwrap_err();
        assert_eq!(error.location(), "content/x.md:2:13");
        assert_eq!(error.message, "file is not valid UTF-8");
    }
}
