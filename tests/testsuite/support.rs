//! A fixture site in a temporary directory, and the `factsite` executable run against it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// A site copied into a fresh temporary directory.
pub struct Site {
    _dir: tempfile::TempDir,
    pub root: PathBuf,
}

/// What a run of the executable did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// The `factsite` executable the integration tests run: the release build, the one the
/// README's first command builds and `cargo install` installs, brought up to date once per
/// test run with `cargo build --release` (nothing to do after that command; after an edit
/// of `src/`, the release build of factsite itself). The tests therefore run the program
/// users run, and `cargo test` compiles no second, optimised copy of the dependencies for
/// them. `FACTSITE_TEST_BINARY` names another executable instead: the debug build
/// (`target/debug/factsite`, with overflow checks and debug assertions) or an installed one.
pub fn factsite() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        if let Some(path) = std::env::var_os("FACTSITE_TEST_BINARY") {
            return PathBuf::from(path);
        }
        let built = Path::new(env!("CARGO_BIN_EXE_factsite"));
        let profile_dir = built.parent().expect("the binary's folder");
        if profile_dir
            .file_name()
            .is_some_and(|name| name == "release")
        {
            return built.to_path_buf();
        }
        let target = profile_dir.parent().expect("the target folder");
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let mut build = Command::new(cargo);
        build
            .args(["build", "--release", "--bin", "factsite", "--manifest-path"])
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
            .arg("--target-dir")
            .arg(target);
        // Without what cargo sets for a test process: a build script that watches one of
        // these (ring watches CARGO_MANIFEST_DIR) would see it changed since the README's
        // build, and the whole release build would run again.
        for (name, _) in std::env::vars_os() {
            if name.to_str().is_some_and(set_for_tests) {
                build.env_remove(name);
            }
        }
        let run = build.output().expect("run cargo build --release");
        assert!(
            run.status.success(),
            "cargo build --release failed:\n{}",
            String::from_utf8_lossy(&run.stderr)
        );
        target
            .join("release")
            .join(built.file_name().expect("the binary's name"))
    })
}

// The executable the tests run (`support::factsite()`: the release build, brought up to
// date once per test run) is newer than every source file it is built from, so no test
// passes on a program older than the code under test. The files are those cargo lists in
// the binary's dep-info (`factsite.d`, beside it), or for a binary without one (an
// installed one) every file of `src/`.
#[test]
fn the_tests_run_a_binary_built_from_this_source() {
    let binary = factsite();
    let built = std::fs::metadata(binary)
        .and_then(|m| m.modified())
        .unwrap_or_else(|e| panic!("{}: {e}", binary.display()));
    let sources: Vec<PathBuf> = match std::fs::read_to_string(binary.with_extension("d")) {
        Ok(dep_info) => dep_info
            .split_once(": ")
            .map(|(_, inputs)| inputs.replace("\\ ", "\0"))
            .unwrap_or_default()
            .split_whitespace()
            .map(|input| PathBuf::from(input.replace('\0', " ")))
            .collect(),
        Err(_) => walkdir::WalkDir::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(walkdir::DirEntry::into_path)
            .collect(),
    };
    assert!(
        !sources.is_empty(),
        "no sources listed for {}",
        binary.display()
    );
    let newer: Vec<String> = sources
        .iter()
        .filter(|path| {
            std::fs::metadata(path)
                .and_then(|m| m.modified())
                .is_ok_and(|changed| changed > built)
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(
        newer.is_empty(),
        "{} is older than {}",
        binary.display(),
        newer.join(", ")
    );
    if std::env::var_os("FACTSITE_TEST_BINARY").is_none() {
        assert!(
            binary.parent().is_some_and(|dir| dir.ends_with("release")),
            "not the release build: {}",
            binary.display()
        );
    }
}

/// Whether cargo sets this variable for the test process (and not for a build run from a
/// shell).
fn set_for_tests(name: &str) -> bool {
    name.starts_with("CARGO_PKG_")
        || name.starts_with("CARGO_BIN_EXE_")
        || matches!(
            name,
            "CARGO_MANIFEST_DIR"
                | "CARGO_MANIFEST_PATH"
                | "CARGO_CRATE_NAME"
                | "CARGO_BIN_NAME"
                | "CARGO_TARGET_TMPDIR"
                | "CARGO_PRIMARY_PACKAGE"
                | "OUT_DIR"
        )
}

/// One picture cache for every site of this test run. Pictures are stored under the
/// SHA-256 of everything they are drawn from (the drawing code's version included), and
/// written to a temporary file then renamed, so sites and builds running at once can share
/// it: a card two tests draw alike is drawn once. A test of the cache itself takes its
/// own (`Site::own_picture_cache`).
fn shared_pictures() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("picture cache dir"))
        .path()
}

/// Points the site's picture cache (`.factsite-cache/pictures`) at the run's shared one,
/// unless the site brought its own (a copy of the flagship's).
fn share_pictures(root: &Path) {
    let cache = root.join(".factsite-cache");
    if cache.join("pictures").exists() {
        return;
    }
    std::fs::create_dir_all(&cache).expect("create the cache dir");
    std::os::unix::fs::symlink(shared_pictures(), cache.join("pictures"))
        .expect("link the shared picture cache");
}

impl Site {
    /// A copy of the fixture folder `tests/testsuite/<path>`.
    pub fn fixture(path: &str) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("site");
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/testsuite")
                .join(path),
            &root,
        );
        share_pictures(&root);
        Self { _dir: dir, root }
    }

    /// This site with a picture cache of its own, empty, for a test that counts or removes
    /// what is cached.
    pub fn own_picture_cache(self) -> Self {
        let pictures = self.root.join(".factsite-cache/pictures");
        match std::fs::symlink_metadata(&pictures) {
            Ok(meta) if meta.is_symlink() => std::fs::remove_file(&pictures),
            Ok(_) => std::fs::remove_dir_all(&pictures),
            Err(_) => Ok(()),
        }
        .expect("empty the site's picture cache");
        self
    }

    /// A copy of this site as it stands, its output and picture cache included: a test
    /// that breaks a built site many ways builds it once and breaks a copy each time.
    pub fn copy(&self) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("site");
        copy_dir(&self.root, &root);
        Self { _dir: dir, root }
    }

    /// The smallest site that builds: site.toml and a home page, default templates.
    pub fn minimal() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("site");
        share_pictures(&root);
        let site = Self { _dir: dir, root };
        site.write(
            "site.toml",
            "title = \"Minimal\"\nbase_url = \"https://example.org/\"\n",
        );
        site.write("content/_index.md", "+++\ntitle = \"Home\"\n+++\nHello.\n");
        site
    }

    /// Writes a file (creating directories).
    pub fn write(&self, relative: &str, text: &str) {
        self.write_bytes(relative, text.as_bytes());
    }

    /// Writes raw bytes.
    pub fn write_bytes(&self, relative: &str, bytes: &[u8]) {
        let path = self.root.join(relative);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("create dirs");
        std::fs::write(path, bytes).expect("write fixture file");
    }

    /// Removes a file.
    pub fn remove(&self, relative: &str) {
        std::fs::remove_file(self.root.join(relative)).expect("remove fixture file");
    }

    /// Reads a file of the site as text.
    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.root.join(relative))
            .unwrap_or_else(|e| panic!("read {relative}: {e}"))
    }

    /// Whether a path exists.
    pub fn exists(&self, relative: &str) -> bool {
        self.root.join(relative).exists()
    }

    /// Runs `factsite` with these arguments in the site root.
    pub fn run(&self, args: &[&str]) -> Run {
        let output = Command::new(crate::support::factsite())
            .args(args)
            .current_dir(&self.root)
            .env("NO_COLOR", "1")
            .output()
            .expect("run factsite");
        let redact = |bytes: &[u8]| {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let root = self
                .root
                .canonicalize()
                .unwrap_or_else(|_| self.root.clone());
            text.replace(&root.display().to_string(), "[ROOT]")
                .replace(&self.root.display().to_string(), "[ROOT]")
        };
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: redact(&output.stdout),
            stderr: redact(&output.stderr),
        }
    }

    /// `factsite build`, which must succeed.
    pub fn build(&self) -> Run {
        self.run(&["build"]).success()
    }

    /// Every file under a directory of the site, by relative path.
    pub fn tree(&self, relative: &str) -> BTreeMap<String, Vec<u8>> {
        let base = self.root.join(relative);
        let mut files = BTreeMap::new();
        for entry in walkdir::WalkDir::new(&base).sort_by_file_name() {
            let entry = entry.expect("walk");
            if entry.file_type().is_file() {
                let name = entry
                    .path()
                    .strip_prefix(&base)
                    .expect("prefix")
                    .to_string_lossy()
                    .into_owned();
                files.insert(name, std::fs::read(entry.path()).expect("read"));
            }
        }
        files
    }

    /// Temporary directories a build left beside `public/` (there must never be any).
    pub fn leftovers(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.root)
            .expect("read dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|name| name.starts_with(".public."))
            .collect();
        names.sort();
        names
    }
}

impl Run {
    /// Asserts success (exit 0) and returns the run.
    #[track_caller]
    pub fn success(self) -> Self {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// Asserts failure with exit code 1 and returns the run.
    #[track_caller]
    pub fn failure(self) -> Self {
        assert_eq!(
            self.code, 1,
            "expected exit code 1\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk fixture");
        let target = to.join(entry.path().strip_prefix(from).expect("prefix"));
        if entry.file_type().is_symlink() {
            let link = std::fs::read_link(entry.path()).expect("read link");
            std::os::unix::fs::symlink(link, &target).expect("copy link");
        } else if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("create dir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy fixture");
        }
    }
}

/// HTML text with the entities the templates write turned back into characters.
pub fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&")
}

/// Every `href` and `src` attribute value in an HTML document.
pub fn urls_in(html: &str) -> Vec<String> {
    let mut urls = Vec::new();
    for attribute in [" href=\"", " src=\""] {
        let mut rest = html;
        while let Some(at) = rest.find(attribute) {
            rest = &rest[at + attribute.len()..];
            let end = rest.find('"').expect("closing quote");
            urls.push(rest[..end].to_string());
            rest = &rest[end..];
        }
    }
    urls
}

/// The flagship of this repository built into a temporary directory: the directory, the
/// output folder in it, and every HTML page of the output by its path.
pub fn built_flagship() -> (tempfile::TempDir, PathBuf, BTreeMap<String, String>) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("public");
    let run = Command::new(crate::support::factsite())
        .args(["build", "--quiet", "--root"])
        .arg(repo)
        .arg("--output")
        .arg(&out)
        .output()
        .expect("run factsite");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let pages = walkdir::WalkDir::new(&out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".html"))
        .map(|e| {
            let name = e.path().strip_prefix(&out).unwrap().display().to_string();
            (name, std::fs::read_to_string(e.path()).unwrap())
        })
        .collect();
    (dir, out, pages)
}
