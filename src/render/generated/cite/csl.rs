//! The citation as CSL-JSON, the format Zotero, Mendeley, Pandoc and citeproc read: an
//! array with one item, serialised by serde_json (so every string is escaped for JSON).

use serde_json::{Value, json};

use crate::content::date::Date;

use super::{Kind, Work};

/// The CSL-JSON of `work` under `id`: an array of one item, one field a line.
pub fn json(work: &Work, id: &str) -> String {
    let kind = match work.kind {
        Kind::Page => "webpage",
        Kind::Dataset => "dataset",
    };
    let mut fields: Vec<(&str, Value)> = vec![
        ("id", json!(id)),
        ("type", json!(kind)),
        ("title", json!(work.title)),
        ("author", json!([{ "literal": work.author }])),
        ("container-title", json!(work.site)),
        ("URL", json!(work.url)),
    ];
    if let Some(date) = work.date {
        fields.push(("issued", date_parts(date)));
    }
    if let Some(date) = work.updated.or(work.date) {
        fields.push(("accessed", date_parts(date)));
    }
    if let Some(version) = work.version {
        fields.push(("version", json!(version)));
    }
    if let Some(note) = super::note(work) {
        fields.push(("note", json!(note)));
    }
    // serde_json writes every key and value, so each is escaped as JSON needs.
    let lines: Vec<String> = fields
        .iter()
        .map(|(key, value)| format!("    {}: {value}", json!(key)))
        .collect();
    format!("[\n  {{\n{}\n  }}\n]", lines.join(",\n"))
}

/// `{"date-parts": [[2025, 10, 3]]}`.
fn date_parts(date: Date) -> Value {
    json!({ "date-parts": [[date.year(), date.month(), date.day()]] })
}

#[cfg(test)]
mod tests {
    use super::*;

    // The item has every field a reference manager needs, and text that would break JSON
    // comes back as written.
    #[test]
    fn one_item_with_its_fields() {
        let work = Work {
            kind: Kind::Dataset,
            author: "The \"desk\"",
            title: "Hot 100 \\ </script>",
            site: "Site",
            url: "https://e.org/charts/hot-100/",
            date: Date::new(2025, 12, 6),
            updated: None,
            data_as_of: Date::new(2025, 12, 6),
            version: Some("abc123def456"),
        };
        let text = json(&work, "e.org:charts:hot-100");
        assert!(
            text.contains("\n    \"issued\": {\"date-parts\":[[2025,12,6]]},\n"),
            "{text}"
        );
        let parsed: Value = serde_json::from_str(&text).unwrap();
        let items = parsed.as_array().unwrap();
        assert_eq!(items.len(), 1);
        let item = &items[0];
        assert_eq!(item["id"], "e.org:charts:hot-100");
        assert_eq!(item["type"], "dataset");
        assert_eq!(item["title"], "Hot 100 \\ </script>");
        assert_eq!(item["author"], json!([{ "literal": "The \"desk\"" }]));
        assert_eq!(item["container-title"], "Site");
        assert_eq!(item["URL"], "https://e.org/charts/hot-100/");
        assert_eq!(item["issued"], json!({ "date-parts": [[2025, 12, 6]] }));
        assert_eq!(item["version"], "abc123def456");
        assert_eq!(
            item["note"],
            "Data as of December 6, 2025; data version abc123def456"
        );
    }
}
