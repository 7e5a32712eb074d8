//! Reading the files a user wrote, with located errors.

use std::io::Read;
use std::path::Path;

use anyhow::Context;

use crate::diagnostic::Diagnostic;

use super::inputs::Inputs;

/// Files larger than this are refused: nothing a person writes by hand is this big.
pub const MAX_TEXT_FILE: u64 = 8 * 1024 * 1024;

/// Reads a UTF-8 text file of the site, without its byte order mark.
///
/// `display` is the path shown in errors. The file is opened under the input policy (see
/// [`Inputs::open`]). Invalid UTF-8 is reported at the line and column of the first bad
/// byte.
pub fn read_text(inputs: &Inputs, path: &Path, display: &str) -> anyhow::Result<String> {
    let bytes = read_limited(inputs, path, display, Some(MAX_TEXT_FILE))?;
    decode(bytes, display).map_err(Into::into)
}

/// Reads a file of the site as bytes, under the input policy, with no size limit.
pub fn read_bytes(inputs: &Inputs, path: &Path, display: &str) -> anyhow::Result<Vec<u8>> {
    read_limited(inputs, path, display, None)
}

fn read_limited(
    inputs: &Inputs,
    path: &Path,
    display: &str,
    limit: Option<u64>,
) -> anyhow::Result<Vec<u8>> {
    let file = inputs.open(path, display)?;
    let length = file
        .metadata()
        .with_context(|| format!("failed to read `{display}`"))?
        .len();
    if let Some(limit) = limit.filter(|&limit| length > limit) {
        return Err(too_large(display, length, limit).into());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(length).unwrap_or(0));
    // A file that grows while it is read stops at the limit too.
    file.take(limit.map_or(u64::MAX, |limit| limit + 1))
        .read_to_end(&mut bytes)
        .with_context(|| format!("failed to read `{display}`"))?;
    if let Some(limit) = limit.filter(|&limit| bytes.len() as u64 > limit) {
        return Err(too_large(display, bytes.len() as u64, limit).into());
    }
    Ok(bytes)
}

fn too_large(display: &str, length: u64, limit: u64) -> Diagnostic {
    Diagnostic::file(
        display,
        format!(
            "`{display}` is {:.1} MB; text files are limited to {} MB",
            length as f64 / 1_048_576.0,
            limit / 1_048_576
        ),
    )
    .with_help("split the page into several pages")
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
