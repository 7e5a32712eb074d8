//! Reading `theme/`: every file, over the built-in defaults, fingerprinted by content.

use crate::content::theme::{Asset, Assets, DEFAULTS, fingerprint};
use crate::diagnostic::Diagnostic;

use super::inputs::Inputs;
use super::read::read_bytes;
use super::walk;

/// The longest file name an output may have: 255 bytes, as on ext4, XFS, APFS and NTFS.
const MAX_NAME: usize = 255;

/// Reads every file of `theme/`, over the built-in default theme.
pub(super) fn load(inputs: &Inputs) -> anyhow::Result<Assets> {
    let found = walk::folder(inputs, "theme")?;
    let mut files: Vec<Asset> = DEFAULTS
        .iter()
        .filter(|(name, _)| !found.iter().any(|f| f.relative == *name))
        .map(|(name, bytes)| Asset {
            name: (*name).to_string(),
            path: fingerprint(name, bytes),
            bytes: bytes.to_vec(),
        })
        .collect();
    for file in found {
        let display = format!("theme/{}", file.relative);
        let bytes = read_bytes(inputs, &file.path, &display)?;
        let path = fingerprint(&file.relative, &bytes);
        let published = path.rsplit('/').next().unwrap_or(&path);
        if published.len() > MAX_NAME {
            return Err(Diagnostic::file(
                &display,
                format!(
                    "`{display}` would be published as a file name of {} bytes (with its content hash), and file systems allow at most {MAX_NAME}",
                    published.len()
                ),
            )
            .with_help("shorten the file name")
            .into());
        }
        files.push(Asset {
            path,
            name: file.relative,
            bytes,
        });
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(Assets::from_files(files))
}
