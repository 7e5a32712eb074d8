//! The citation as a BibTeX `@misc` entry: a key unique to the page's URL, the site's
//! organisation as a corporate author (in double braces, so it is never split into first
//! and last names), the title in braces (its capitals kept), the URL in `\url{}`, year and
//! month, the data's date and version in `note`. Text is escaped for BibTeX and LaTeX.

use std::fmt::Write;

use super::Work;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The entry of `work` under `key` (with no newline after its closing brace).
pub fn entry(work: &Work, key: &str) -> String {
    let mut fields: Vec<(&str, String)> = vec![
        ("author", format!("{{{{{}}}}}", text(work.author))),
        ("title", format!("{{{{{}}}}}", text(work.title))),
        ("howpublished", format!("{{\\url{{{}}}}}", url(work.url))),
    ];
    if work.site != work.author {
        fields.push(("organization", format!("{{{}}}", text(work.site))));
    }
    if let Some(date) = work.date {
        fields.push(("year", format!("{{{}}}", date.year())));
        // A month macro, unbraced, so that every style prints it in its own language.
        fields.push(("month", MONTHS[usize::from(date.month() - 1)].to_string()));
    }
    if let Some(note) = super::note(work) {
        fields.push(("note", format!("{{{}}}", text(&note))));
    }
    if let Some(version) = work.version {
        fields.push(("version", format!("{{{}}}", text(version))));
    }
    if let Some(date) = work.updated.or(work.date) {
        fields.push(("urldate", format!("{{{}}}", date.iso())));
    }
    let mut out = format!("@misc{{{key},\n");
    for (name, value) in fields {
        let _ = writeln!(out, "  {name} = {value},");
    }
    out.push('}');
    out
}

/// A key unique to the URL, in the characters every BibTeX and biber accepts: the URL
/// without its scheme, `/` as `:` and any character but letters, digits, `-`, `.` and `_`
/// as `+` and its bytes in hex (`https://e.org/kpdh/claims/x/` is `e.org:kpdh:claims:x`).
/// Two URLs never share a key.
pub fn key(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let mut key = String::with_capacity(rest.len());
    for c in rest.chars() {
        match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '-' | '.' | '_' => key.push(c),
            '/' => key.push(':'),
            _ => {
                let mut bytes = [0; 4];
                for byte in c.encode_utf8(&mut bytes).bytes() {
                    let _ = write!(key, "+{byte:02X}");
                }
            }
        }
    }
    key
}

/// Text for a field: BibTeX's and LaTeX's special characters (and `<`, `>`, which old font
/// encodings print as other glyphs) written as LaTeX commands,
/// braces included (BibTeX counts every brace, escaped or not, so `\{` would unbalance the
/// entry); line breaks as spaces.
pub fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '{' => out.push_str("\\textbraceleft{}"),
            '}' => out.push_str("\\textbraceright{}"),
            '\\' => out.push_str("\\textbackslash{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '<' => out.push_str("\\textless{}"),
            '>' => out.push_str("\\textgreater{}"),
            '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A URL inside `\url{}`: `%` and `#` escaped, as `\url` in another command's argument
/// needs. Absolute URLs are percent-encoded, so they hold no braces, backslashes or spaces.
fn url(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if matches!(c, '%' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::Kind;
    use super::*;
    use crate::content::date::Date;

    /// Whether every brace of `entry` is matched, as BibTeX counts them.
    fn balanced(entry: &str) -> bool {
        let mut depth = 0i32;
        for c in entry.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            if depth < 0 {
                return false;
            }
        }
        depth == 0
    }

    // The entry has the @misc fields, balanced braces, and a title whose special
    // characters are escaped.
    #[test]
    fn special_characters_are_escaped_and_braces_balance() {
        let work = Work {
            kind: Kind::Page,
            author: "R&D {Desk}",
            title: "50% of {x} & $y_#1 ~ ^ \\ <z>",
            site: "Site",
            url: "https://e.org/%C3%BCber/#top",
            date: Date::new(2025, 10, 3),
            updated: Date::new(2025, 12, 1),
            data_as_of: Date::new(2025, 12, 6),
            version: Some("abc123def456"),
        };
        let entry = entry(&work, &key(work.url));
        assert!(balanced(&entry), "{entry}");
        assert!(
            entry.starts_with("@misc{e.org:+25C3+25BCber:+23top,\n"),
            "{entry}"
        );
        for field in [
            "  author = {{R\\&D \\textbraceleft{}Desk\\textbraceright{}}},\n",
            "  title = {{50\\% of \\textbraceleft{}x\\textbraceright{} \\& \\$y\\_\\#1 \\textasciitilde{} \\textasciicircum{} \\textbackslash{} \\textless{}z\\textgreater{}}},\n",
            "  howpublished = {\\url{https://e.org/\\%C3\\%BCber/\\#top}},\n",
            "  organization = {Site},\n",
            "  year = {2025},\n",
            "  month = oct,\n",
            "  note = {Updated December 1, 2025. Data as of December 6, 2025; data version abc123def456},\n",
            "  version = {abc123def456},\n",
            "  urldate = {2025-12-01},\n",
        ] {
            assert!(entry.contains(field), "no {field:?} in\n{entry}");
        }
        assert!(entry.ends_with(",\n}"), "{entry}");
    }

    // Keys are the URL, in characters keys may hold; different URLs, different keys.
    #[test]
    fn keys_are_unique_to_the_url() {
        let keys = [
            "https://e.org/",
            "https://e.org/a-b/",
            "https://e.org/a/b/",
            "https://e.org/a:b/",
            "https://e.org/a+3Ab/",
            "http://e.org:8080/a/",
        ]
        .map(key);
        assert_eq!(keys[0], "e.org");
        assert_eq!(keys[1], "e.org:a-b");
        assert_eq!(keys[2], "e.org:a:b");
        assert_eq!(keys[3], "e.org:a+3Ab");
        assert_eq!(keys[4], "e.org:a+2B3Ab");
        assert_eq!(keys[5], "e.org+3A8080:a");
        let unique: std::collections::BTreeSet<&String> = keys.iter().collect();
        assert_eq!(unique.len(), keys.len());
    }
}
