//! Opening an input file without following a link on its path, and only if it is a
//! regular file, so what the walk checked is what is read.

use std::fs::File;
use std::io;
use std::path::Path;

use anyhow::Context;

/// Why a file was not opened.
#[derive(Debug)]
pub enum OpenError {
    /// A symbolic link is on the path (the file itself or a folder above it).
    Link,
    /// Not a regular file: a folder, a FIFO, a socket, a device.
    NotRegular,
    /// Anything else, such as the file not existing.
    Io(io::Error),
}

/// Opens `path` for reading if no component of it is a symbolic link and it is a regular
/// file. A FIFO is opened without blocking, then refused.
///
/// On Linux 5.6 and later one `openat2` with `RESOLVE_NO_SYMLINKS` checks the whole path
/// in the kernel, with no window between check and open. Elsewhere the last component
/// is opened with `O_NOFOLLOW` and the path compared with its canonical form.
pub fn open_regular(path: &Path) -> Result<File, OpenError> {
    let file = open_without_links(path)?;
    let metadata = file.metadata().map_err(OpenError::Io)?;
    if metadata.is_file() {
        Ok(file)
    } else {
        Err(OpenError::NotRegular)
    }
}

/// Reads a file the walk found, by its real path, as it is: refused if it has become a
/// link or something other than a file since (`serve`, or an edit during a build).
pub fn read_verbatim(path: &Path) -> anyhow::Result<Vec<u8>> {
    use std::io::Read;
    let mut file = match open_regular(path) {
        Ok(file) => file,
        Err(OpenError::Link) => anyhow::bail!(
            "`{}` became a symbolic link after the site was read; factsite publishes only what it checked",
            path.display()
        ),
        Err(OpenError::NotRegular) => {
            anyhow::bail!("`{}` is no longer a regular file", path.display())
        }
        Err(OpenError::Io(error)) => {
            return Err(error).with_context(|| format!("failed to read `{}`", path.display()));
        }
    };
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)
        .with_context(|| format!("failed to read `{}`", path.display()))?;
    Ok(bytes)
}

#[cfg(any(target_os = "linux", target_os = "android"))]
fn open_without_links(path: &Path) -> Result<File, OpenError> {
    use rustix::fs::{Mode, OFlags, ResolveFlags};
    let flags = OFlags::RDONLY | OFlags::CLOEXEC | OFlags::NONBLOCK | OFlags::NOCTTY;
    match rustix::fs::openat2(
        rustix::fs::CWD,
        path,
        flags,
        Mode::empty(),
        ResolveFlags::NO_SYMLINKS,
    ) {
        Ok(fd) => Ok(File::from(fd)),
        Err(rustix::io::Errno::LOOP) => Err(OpenError::Link),
        // Kernels before 5.6 (ENOSYS), and sandboxes that filter the call (EPERM).
        Err(rustix::io::Errno::NOSYS | rustix::io::Errno::PERM) => portable_open(path),
        Err(error) => Err(OpenError::Io(error.into())),
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn open_without_links(path: &Path) -> Result<File, OpenError> {
    portable_open(path)
}

fn portable_open(path: &Path) -> Result<File, OpenError> {
    use std::os::unix::fs::OpenOptionsExt;
    let flags = rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(i32::try_from(flags.bits()).unwrap_or(0))
        .open(path)
        .map_err(|error| {
            if error.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error()) {
                OpenError::Link
            } else {
                OpenError::Io(error)
            }
        })?;
    // O_NOFOLLOW guards the last component only: a link among the folders shows as a
    // difference from the canonical path.
    match path.canonicalize() {
        Ok(real) if real == path => Ok(file),
        Ok(_) => Err(OpenError::Link),
        Err(error) => Err(OpenError::Io(error)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_files_but_not_links_folders_or_fifos() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().canonicalize().expect("canonical");
        std::fs::write(root.join("a.txt"), "a").expect("write");
        std::fs::create_dir(root.join("sub")).expect("mkdir");
        std::fs::write(root.join("sub/b.txt"), "b").expect("write");
        std::os::unix::fs::symlink(root.join("a.txt"), root.join("link.txt")).expect("link");
        std::os::unix::fs::symlink(root.join("sub"), root.join("linked")).expect("link");
        assert!(open_regular(&root.join("a.txt")).is_ok());
        assert!(matches!(
            open_regular(&root.join("link.txt")),
            Err(OpenError::Link)
        ));
        assert!(matches!(
            open_regular(&root.join("linked/b.txt")),
            Err(OpenError::Link)
        ));
        assert!(matches!(
            open_regular(&root.join("sub")),
            Err(OpenError::NotRegular)
        ));
        assert!(matches!(
            open_regular(&root.join("missing")),
            Err(OpenError::Io(_))
        ));
        let fifo = root.join("fifo");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .expect("mkfifo")
                .success()
        );
        assert!(matches!(open_regular(&fifo), Err(OpenError::NotRegular)));
        assert!(portable_open(&root.join("linked/b.txt")).is_err());
        assert!(portable_open(&root.join("sub/b.txt")).is_ok());
    }
}
