//! Reading `templates/`: every template file by its name relative to the folder.

use std::collections::BTreeMap;

use super::inputs::Inputs;
use super::read::read_text;
use super::walk;

pub(super) fn load(inputs: &Inputs) -> anyhow::Result<BTreeMap<String, String>> {
    let mut templates = BTreeMap::new();
    for found in walk::folder(inputs, "templates")? {
        let text = read_text(
            inputs,
            &found.path,
            &format!("templates/{}", found.relative),
        )?;
        templates.insert(found.relative, text);
    }
    Ok(templates)
}
