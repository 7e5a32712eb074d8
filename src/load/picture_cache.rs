//! The picture cache in the site root, `.factsite-cache/pictures/`: every PNG the build
//! draws (social cards, chart downloads), named by the SHA-256 of what it is drawn from, so
//! that a build draws only what changed. Written to a temporary file and renamed, so a
//! reader never sees half a file; a missing or unreadable entry is drawn again.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::web::cache::{CACHE_DIR, mark};

/// The PNG signature every entry starts with.
const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// The picture cache of one site.
#[derive(Debug)]
pub struct PictureCache {
    dir: PathBuf,
    temp_counter: AtomicUsize,
}

impl PictureCache {
    /// The cache of the site at `root`.
    pub fn new(root: &Path) -> Self {
        Self {
            dir: root.join(CACHE_DIR).join("pictures"),
            temp_counter: AtomicUsize::new(0),
        }
    }

    /// The PNG stored under `key` (a hex digest), if there is a whole one.
    pub fn get(&self, key: &str) -> Option<Vec<u8>> {
        let bytes = std::fs::read(self.dir.join(format!("{key}.png"))).ok()?;
        bytes.starts_with(SIGNATURE).then_some(bytes)
    }

    /// Stores `png` under `key`. A cache that cannot be written only costs time, so the
    /// error is returned for the caller to ignore.
    pub fn put(&self, key: &str, png: &[u8]) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let _ = mark(self.dir.parent().unwrap_or(&self.dir));
        let temp = self.dir.join(format!(
            ".{key}.{}.{}.tmp",
            std::process::id(),
            self.temp_counter.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::write(&temp, png)?;
        std::fs::rename(&temp, self.dir.join(format!("{key}.png"))).inspect_err(|_| {
            let _ = std::fs::remove_file(&temp);
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // What is put is got back; a file that is not a PNG is a miss.
    #[test]
    fn keeps_whole_pngs_only() {
        let root = tempfile::tempdir().unwrap();
        let cache = PictureCache::new(root.path());
        assert_eq!(cache.get("abc"), None);
        let png = [SIGNATURE, b"rest"].concat();
        cache.put("abc", &png).unwrap();
        assert_eq!(cache.get("abc"), Some(png));
        std::fs::write(
            root.path().join(".factsite-cache/pictures/bad.png"),
            b"half",
        )
        .unwrap();
        assert_eq!(cache.get("bad"), None);
        assert!(root.path().join(".factsite-cache/CACHEDIR.TAG").exists());
    }
}
