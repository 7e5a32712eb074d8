//! The bibliography, `content/sources.toml`: every source a fact or citation rests on.

use std::collections::HashMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use toml::Spanned;

use crate::content::date::Date;
use crate::diagnostic::{self, Diagnostic};

/// One source: a page we read and the words in it that support our facts.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The id cited as `[@id]` and named by data rows.
    pub id: Spanned<String>,
    /// The headline of the page.
    pub title: String,
    /// The site the text was read on.
    pub publisher: String,
    /// The page's address.
    pub url: Spanned<String>,
    /// When it was published: a date, or `"undated"`.
    pub published: Spanned<Published>,
    /// When we last checked that it supports what we cite it for.
    pub accessed: Spanned<Date>,
    /// The byline, if any.
    #[serde(default)]
    pub author: Option<String>,
    /// Whose text it is, when the publisher reprinted it (Billboard copy on a radio site).
    #[serde(default)]
    pub original_publisher: Option<String>,
    /// A saved copy of the page.
    #[serde(default)]
    pub archive_url: Option<Spanned<String>>,
    /// The supporting words, verbatim: one string or several.
    #[serde(default)]
    pub quote: Option<Quote>,
    /// The page's language, when not English.
    #[serde(default)]
    pub language: Option<String>,
    /// Anything a reader should know about the source's reliability.
    #[serde(default)]
    pub note: Option<String>,
}

impl Source {
    /// Whose text it is: `original_publisher` for a reprint, else `publisher`. Two sources
    /// with the same origin are one report, not two.
    pub fn origin(&self) -> &str {
        self.original_publisher
            .as_deref()
            .unwrap_or(&self.publisher)
            .trim()
    }

    /// Whether two sources carry different outlets' reports (names compared ignoring case).
    pub fn independent_of(&self, other: &Source) -> bool {
        !self.origin().eq_ignore_ascii_case(other.origin())
    }
}

/// A publication date, or an explicit statement that the page has none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    /// The date printed on the page.
    Date(Date),
    /// `"undated"`: the page shows no date.
    Undated,
}

impl<'de> Deserialize<'de> for Published {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match toml::Value::deserialize(deserializer)? {
            toml::Value::Datetime(value) if value.time.is_none() => Date::from_toml(&value)
                .map(Self::Date)
                .ok_or_else(|| serde::de::Error::custom(format!("invalid date {value}"))),
            toml::Value::String(text) if text == "undated" => Ok(Self::Undated),
            other => Err(serde::de::Error::custom(format!(
                "expected a date like 2025-07-08 or the string \"undated\", found {other}"
            ))),
        }
    }
}

impl Published {
    /// `July 8, 2025`, or `undated`.
    pub fn long(self) -> String {
        match self {
            Self::Date(date) => date.long(),
            Self::Undated => "undated".to_string(),
        }
    }
}

/// One or several verbatim snippets.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(untagged)]
pub enum Quote {
    /// One snippet.
    One(String),
    /// Several snippets from the same page.
    Many(Vec<String>),
}

impl Quote {
    /// The snippets as a list.
    pub fn snippets(&self) -> Vec<&str> {
        match self {
            Self::One(one) => vec![one.as_str()],
            Self::Many(many) => many.iter().map(String::as_str).collect(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    source: Vec<Source>,
}

/// All sources, by id.
#[derive(Debug, Clone, Default)]
pub struct Bibliography {
    /// Sources in file order.
    pub sources: Vec<Source>,
    by_id: HashMap<String, usize>,
    /// The file shown in errors.
    pub file: String,
    /// The file's text, for locating errors found later.
    pub text: String,
}

impl Bibliography {
    /// Parses and validates `content/sources.toml`.
    pub fn parse(file: &str, text: String) -> Result<Self, Vec<Diagnostic>> {
        let parsed: File = toml::from_str(&text)
            .map_err(|error| vec![diagnostic::from_toml(file, &text, 0, &error)])?;
        let mut errors = Vec::new();
        let mut by_id: HashMap<String, usize> = HashMap::new();
        for (index, source) in parsed.source.iter().enumerate() {
            let at =
                |range: Range<usize>, message: String| Diagnostic::at(file, &text, range, message);
            if !valid_id(source.id.get_ref()) {
                errors.push(
                    at(
                        source.id.span(),
                        format!("invalid source id `{}`", source.id.get_ref()),
                    )
                    .with_help("ids use letters, digits, `-`, `_`, `.` and `:`"),
                );
            }
            if let Some(first) = by_id.insert(source.id.get_ref().clone(), index) {
                let first_line =
                    Diagnostic::at(file, &text, parsed.source[first].id.span(), "").line;
                errors.push(
                    at(
                        source.id.span(),
                        format!("duplicate source id `{}`", source.id.get_ref()),
                    )
                    .with_note(format!("first defined on line {first_line}")),
                );
            }
            for url in std::iter::once(&source.url).chain(source.archive_url.as_ref()) {
                if let Err(message) = check_url(url.get_ref()) {
                    errors.push(at(url.span(), message));
                }
            }
            blank_fields(&text, source, &mut |range, message| {
                errors.push(at(range, message));
            });
            if let Published::Date(published) = source.published.get_ref()
                && source.accessed.get_ref() < published
            {
                errors.push(at(
                    source.accessed.span(),
                    format!(
                        "accessed {} is before the publication date {published}",
                        source.accessed.get_ref()
                    ),
                ));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self {
            sources: parsed.source,
            by_id,
            file: file.to_string(),
            text,
        })
    }

    /// The source with this id.
    pub fn get(&self, id: &str) -> Option<&Source> {
        self.by_id.get(id).map(|&index| &self.sources[index])
    }

    /// A hint naming close ids, for an unknown one.
    pub fn suggest(&self, id: &str) -> String {
        let prefix: String = id.chars().take(6).collect();
        let mut close: Vec<&str> = self
            .sources
            .iter()
            .map(|s| s.id.get_ref().as_str())
            .filter(|known| known.starts_with(&prefix))
            .take(5)
            .collect();
        close.sort_unstable();
        if close.is_empty() {
            format!(
                "add the source to {} (it has {} sources)",
                self.file_or_default(),
                self.sources.len()
            )
        } else {
            format!("similar ids: {}", close.join(", "))
        }
    }

    fn file_or_default(&self) -> &str {
        if self.file.is_empty() {
            "content/sources.toml"
        } else {
            &self.file
        }
    }
}

/// Reports every text field of `source` that is present but empty or only spaces: a
/// source without a title, publisher or quote tells the reader nothing.
fn blank_fields(text: &str, source: &Source, report: &mut dyn FnMut(Range<usize>, String)) {
    let table = table_around(text, source.id.span().start);
    let id = source.id.get_ref();
    let mut check = |key: &str, value: Option<&str>| {
        if value.is_some_and(|v| v.trim().is_empty()) {
            report(
                key_range(text, table.clone(), key),
                format!("source `{id}` has an empty `{key}`"),
            );
        }
    };
    check("title", Some(&source.title));
    check("publisher", Some(&source.publisher));
    check("author", source.author.as_deref());
    check("original_publisher", source.original_publisher.as_deref());
    check("language", source.language.as_deref());
    check("note", source.note.as_deref());
    let quote_blank = source.quote.as_ref().is_some_and(|quote| {
        let snippets = quote.snippets();
        snippets.is_empty() || snippets.iter().any(|s| s.trim().is_empty())
    });
    if quote_blank {
        report(
            key_range(text, table, "quote"),
            format!("source `{id}` has an empty `quote`"),
        );
    }
}

/// The byte range of the `[[...]]` table holding the offset `at`: from its header to the
/// next header.
pub(crate) fn table_around(text: &str, at: usize) -> Range<usize> {
    let at = at.min(text.len());
    let start = text[..at].rfind("\n[[").map_or(0, |i| i + 1);
    let end = text[at..].find("\n[[").map_or(text.len(), |i| at + i);
    start..end
}

/// Where `key = ...` starts a line within `table`, or the table's start when it does not.
pub(crate) fn key_range(text: &str, table: Range<usize>, key: &str) -> Range<usize> {
    let mut offset = table.start;
    for line in text[table.clone()].split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if let Some(rest) = trimmed.strip_prefix(key)
            && rest.trim_start().starts_with('=')
        {
            return offset + indent..offset + indent + key.len();
        }
        offset += line.len();
    }
    table.start..table.start
}

/// Source ids: letters, digits, `-`, `_`, `.`, `:` (the characters citations accept).
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.starts_with(|c: char| c.is_ascii_alphanumeric())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
}

/// Checks that a URL is absolute http(s) with a host and no spaces.
pub fn check_url(url: &str) -> Result<(), String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("malformed URL `{url}`: it must start with https:// or http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || !host.contains('.') && !host.starts_with("localhost") {
        return Err(format!("malformed URL `{url}`: it has no host name"));
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || matches!(c, '"' | '<' | '>' | '\\'))
    {
        return Err(format!(
            "malformed URL `{url}`: it contains a space, quote, `<`, `>` or `\\`"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[[source]]
id = "a"
title = "T"
publisher = "P"
url = "https://example.org/a"
published = 2025-07-08
accessed = 2026-11-21

[[source]]
id = "b"
title = "T"
publisher = "P"
url = "https://example.org/b"
published = "undated"
accessed = 2026-11-21
quote = ["one", "two"]
"#;

    fn errors(text: &str) -> Vec<String> {
        match Bibliography::parse("content/sources.toml", text.to_string()) {
            Ok(_) => Vec::new(),
            Err(errors) => errors
                .iter()
                .map(|e| format!("{}: {}", e.location(), e.message))
                .collect(),
        }
    }

    #[test]
    fn loads_dated_and_undated_sources() {
        let bibliography = Bibliography::parse("s", GOOD.to_string()).unwrap();
        assert_eq!(
            bibliography.get("b").unwrap().published.get_ref(),
            &Published::Undated
        );
        assert_eq!(
            bibliography
                .get("b")
                .unwrap()
                .quote
                .as_ref()
                .unwrap()
                .snippets(),
            ["one", "two"]
        );
        assert!(bibliography.get("c").is_none());
    }

    #[test]
    fn locates_bad_sources() {
        let duplicate = GOOD.replace("id = \"b\"", "id = \"a\"");
        assert_eq!(
            errors(&duplicate),
            ["content/sources.toml:11:6: duplicate source id `a`"]
        );
        let bad_url = GOOD.replace("https://example.org/a", "example.org/a");
        assert_eq!(
            errors(&bad_url),
            [
                "content/sources.toml:6:7: malformed URL `example.org/a`: it must start with https:// or http://"
            ]
        );
        let bad_date = GOOD.replace("2025-07-08", "2025-07-32");
        assert_eq!(errors(&bad_date).len(), 1);
        assert!(
            errors(&bad_date)[0].starts_with("content/sources.toml:7:13:"),
            "{:?}",
            errors(&bad_date)
        );
        let missing = GOOD.replace(
            "publisher = \"P\"\nurl = \"https://example.org/a\"",
            "url = \"https://example.org/a\"",
        );
        assert!(
            errors(&missing)[0].contains("missing field `publisher`"),
            "{:?}",
            errors(&missing)
        );
        let early = GOOD.replace("accessed = 2026-11-21\n\n", "accessed = 2025-01-01\n\n");
        assert_eq!(
            errors(&early),
            [
                "content/sources.toml:8:12: accessed 2025-01-01 is before the publication date 2025-07-08"
            ]
        );
    }

    #[test]
    fn refuses_empty_titles_publishers_and_quotes() {
        let blank_title = GOOD.replacen("title = \"T\"", "title = \"  \"", 1);
        assert_eq!(
            errors(&blank_title),
            ["content/sources.toml:4:1: source `a` has an empty `title`"]
        );
        let blank_publisher = GOOD.replacen("publisher = \"P\"", "publisher = \"\"", 2);
        assert_eq!(
            errors(&blank_publisher),
            [
                "content/sources.toml:5:1: source `a` has an empty `publisher`",
                "content/sources.toml:13:1: source `b` has an empty `publisher`"
            ]
        );
        for quote in ["\"\"", "[]", "[\"one\", \" \"]"] {
            let text = GOOD.replace("quote = [\"one\", \"two\"]", &format!("quote = {quote}"));
            assert_eq!(
                errors(&text),
                ["content/sources.toml:17:1: source `b` has an empty `quote`"],
                "{quote}"
            );
        }
        let blank_author = GOOD.replace(
            "accessed = 2026-11-21\nquote",
            "accessed = 2026-11-21\nauthor = \"\"\nquote",
        );
        assert_eq!(
            errors(&blank_author),
            ["content/sources.toml:17:1: source `b` has an empty `author`"]
        );
    }
}
