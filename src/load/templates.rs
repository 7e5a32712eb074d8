//! Reading `templates/`: every template file by its name relative to the folder.

use std::collections::BTreeMap;
use std::path::Path;

use super::read::read_text;

pub(super) fn load(dir: &Path) -> anyhow::Result<BTreeMap<String, String>> {
    let mut templates = BTreeMap::new();
    if !dir.is_dir() {
        return Ok(templates);
    }
    for entry in walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
    {
        let entry = entry.map_err(|error| super::walk::walk_error(dir, &error))?;
        let name = entry.file_name().to_string_lossy();
        if !entry.file_type().is_file() || name.starts_with('.') || name.ends_with('~') {
            continue;
        }
        let relative = super::walk::relative_path(dir, entry.path())?;
        let text = read_text(entry.path(), &format!("templates/{relative}"))?;
        templates.insert(relative, text);
    }
    Ok(templates)
}
