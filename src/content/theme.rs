//! Theme files, published under content-hashed names so they can be cached forever.

use std::collections::HashMap;

use sha2::{Digest, Sha256};

/// The theme used for any file a site's `theme/` does not provide.
pub const DEFAULTS: &[(&str, &[u8])] = &[
    ("charts.css", include_bytes!("../../theme/charts.css")),
    ("favicon.svg", include_bytes!("../../theme/favicon.svg")),
    // Inter 4.0 (OFL 1.1), from Debian's fonts-inter: the faces social cards are drawn in.
    (
        "fonts/Inter-Bold.otf",
        include_bytes!("../../theme/fonts/Inter-Bold.otf"),
    ),
    (
        "fonts/Inter-Regular.otf",
        include_bytes!("../../theme/fonts/Inter-Regular.otf"),
    ),
    ("fonts/LICENSE", include_bytes!("../../theme/fonts/LICENSE")),
    ("highlight.css", include_bytes!("../../theme/highlight.css")),
    ("print.css", include_bytes!("../../theme/print.css")),
    ("style.css", include_bytes!("../../theme/style.css")),
];

/// One file from `theme/`.
#[derive(Debug, Clone)]
pub struct Asset {
    /// The name as written in templates, relative to `theme/` (`style.css`).
    pub name: String,
    /// The fingerprinted output path (`style.3f2a9c1d0b.css`).
    pub path: String,
    /// The contents.
    pub bytes: Vec<u8>,
}

/// All theme files.
#[derive(Debug, Clone, Default)]
pub struct Assets {
    /// By name, sorted.
    pub files: Vec<Asset>,
    by_name: HashMap<String, usize>,
}

impl Assets {
    /// Assets from already-read files.
    pub fn from_files(files: Vec<Asset>) -> Self {
        let by_name = files
            .iter()
            .enumerate()
            .map(|(i, a)| (a.name.clone(), i))
            .collect();
        Self { files, by_name }
    }

    /// The asset with this name.
    pub fn get(&self, name: &str) -> Option<&Asset> {
        self.by_name
            .get(name.trim_start_matches('/'))
            .map(|&i| &self.files[i])
    }
}

/// `css/style.css` with these bytes -> `css/style.<10 hex digits>.css`.
pub fn fingerprint(name: &str, bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hash: String = digest.iter().take(5).map(|b| format!("{b:02x}")).collect();
    let (dir, file) = match name.rsplit_once('/') {
        Some((dir, file)) => (format!("{dir}/"), file),
        None => (String::new(), name),
    };
    match file.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => format!("{dir}{stem}.{hash}.{ext}"),
        _ => format!("{dir}{file}.{hash}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_names_from_contents() {
        assert_eq!(fingerprint("style.css", b"body{}"), "style.7c98040a54.css");
        assert_eq!(
            fingerprint("css/print.css", b"body{}"),
            "css/print.7c98040a54.css"
        );
        assert_eq!(fingerprint("LICENSE", b"x"), "LICENSE.2d711642b7");
        assert_ne!(
            fingerprint("style.css", b"body{ }"),
            fingerprint("style.css", b"body{}")
        );
    }
}
