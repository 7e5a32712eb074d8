//! The shape of `src/` that keeps it readable: top-level modules that never import each
//! other in a cycle, no file past 450 lines, and a `//!` line opening every module.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn sources() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let entry = entry.expect("walk src");
        let path: PathBuf = entry.path().to_path_buf();
        if path.extension().is_some_and(|e| e == "rs") {
            let relative = path
                .strip_prefix(&src)
                .expect("inside src")
                .to_string_lossy()
                .into_owned();
            files.push((relative, std::fs::read_to_string(&path).expect("read")));
        }
    }
    files
}

/// The top-level module a file belongs to (`render/page.rs` -> `render`).
fn top(relative: &str) -> String {
    let first = relative.split('/').next().unwrap_or(relative);
    first.trim_end_matches(".rs").to_string()
}

/// Top-level modules named after `crate::` in the code of a file, tests left out.
fn imports(text: &str) -> BTreeSet<String> {
    let code = text.find("#[cfg(test)]").map_or(text, |at| &text[..at]);
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '_')
            .collect();
        if !name.is_empty() {
            found.insert(name);
        }
    }
    found
}

fn is_test_file(relative: &str) -> bool {
    relative.ends_with("/tests.rs") || relative.contains("/tests/")
}

// A newcomer can read the pipeline one folder at a time: no two top-level modules depend
// on each other, directly or through others.
#[test]
fn top_level_modules_import_each_other_in_no_cycle() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (relative, text) in sources().iter().filter(|(r, _)| !is_test_file(r)) {
        let from = top(relative);
        for to in imports(text) {
            if to != from {
                graph.entry(from.clone()).or_default().insert(to);
            }
        }
    }
    let mut cycles = Vec::new();
    for start in graph.keys() {
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((node, path)) = stack.pop() {
            for next in graph.get(&node).into_iter().flatten() {
                if next == start {
                    cycles.push(format!("{} -> {start}", path.join(" -> ")));
                } else if seen.insert(next.clone()) {
                    let mut longer = path.clone();
                    longer.push(next.clone());
                    stack.push((next.clone(), longer));
                }
            }
        }
    }
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

// Files stay small enough to read whole; a longer one becomes a folder with parts.
#[test]
fn no_source_file_runs_past_450_lines() {
    let long: Vec<String> = sources()
        .iter()
        .map(|(relative, text)| (relative, text.lines().count()))
        .filter(|(_, lines)| *lines > 450)
        .map(|(relative, lines)| format!("src/{relative}: {lines} lines"))
        .collect();
    assert!(long.is_empty(), "{}", long.join("\n"));
}

// Every module says in its first line what it is for.
#[test]
fn every_module_opens_with_what_it_is_for() {
    let bare: Vec<String> = sources()
        .iter()
        .filter(|(_, text)| !text.starts_with("//!"))
        .map(|(relative, _)| format!("src/{relative}"))
        .collect();
    assert!(bare.is_empty(), "no `//!` line: {}", bare.join(", "));
}
