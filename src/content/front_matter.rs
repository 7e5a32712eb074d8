//! Front matter: TOML between `+++` lines at the top of a markdown file.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::content::claim::ClaimMeta;
use crate::content::date::Date;
use crate::content::{spellings, text};
use crate::diagnostic::{self, Diagnostic};
use crate::prose::mark;

/// The keys a page or section may set. Unknown keys are errors.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// The page title (required).
    pub title: String,
    /// A one-sentence summary for listings, feeds and meta tags.
    #[serde(default)]
    pub description: Option<String>,
    /// Publication date.
    #[serde(default)]
    pub date: Option<Date>,
    /// Date of the last substantive update.
    #[serde(default)]
    pub updated: Option<Date>,
    /// Order within the section: lower comes first.
    #[serde(default)]
    pub weight: Option<i64>,
    /// Drafts are built only with `--drafts`.
    #[serde(default)]
    pub draft: bool,
    /// Replaces the file name in the URL.
    #[serde(default)]
    pub slug: Option<String>,
    /// Old site paths of this page (`"/old/path/"`, `"/legacy/page.html"`), each written
    /// as a page that sends the reader here.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// How a section orders its pages (`_index.md` only); unset, by weight, then newest
    /// date, then title.
    #[serde(default)]
    pub sort_by: Option<SortBy>,
    /// How many pages each page of a section's listing shows (`_index.md` only); the rest
    /// go to `page/2/`, `page/3/`. Unset or 0: one page.
    #[serde(default)]
    pub paginate_by: Option<usize>,
    /// A template other than the default `page.html` or `section.html`.
    #[serde(default)]
    pub template: Option<String>,
    /// Which side of the argument an essay takes.
    #[serde(default)]
    pub stance: Option<Stance>,
    /// Topics such as `commercialization`.
    #[serde(default)]
    pub topics: Vec<String>,
    /// Terms of the taxonomies `site.toml` names under `[taxonomies]`, as Zola writes them
    /// (`[taxonomies] tags = ["a", "b"]`); `topics` here adds to `topics` above.
    #[serde(default)]
    pub taxonomies: BTreeMap<String, Vec<String>>,
    /// Dated corrections, shown on the page and the corrections page.
    #[serde(default)]
    pub corrections: Vec<Correction>,
    /// The checked claim (only for pages under `content/claims/`).
    #[serde(default)]
    pub claim: Option<ClaimMeta>,
    /// Free-form values for templates (`page.extra`).
    #[serde(default)]
    pub extra: toml::Table,
}

impl FrontMatter {
    /// Removes the braces of the marks (`{two}`) from the texts a reader sees: they are
    /// for the number audit, which reads them in the file.
    fn strip_marks(&mut self) {
        let strip = |text: &mut String| {
            if let Cow::Owned(stripped) = mark::strip(text) {
                *text = stripped;
            }
        };
        strip(&mut self.title);
        if let Some(description) = &mut self.description {
            strip(description);
        }
        if let Some(claim) = &mut self.claim {
            if let Some(summary) = &mut claim.summary {
                strip(summary);
            }
            for check in &mut claim.check {
                if let Some(note) = &mut check.note {
                    strip(note);
                }
            }
        }
    }
}

/// How a section orders its pages (`sort_by`), as in Zola.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SortBy {
    /// Newest first; undated pages last.
    Date,
    /// By title, ignoring case.
    Title,
    /// Lowest weight first; pages without a weight last.
    Weight,
    /// By file path.
    None,
}

/// The side an essay takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// Argues that the success means cultural reach.
    For,
    /// Argues that it means commercialization.
    Against,
    /// Background and data without a side.
    Context,
}

impl Stance {
    /// The label shown to readers.
    pub fn label(self) -> &'static str {
        match self {
            Self::For => "Argument for",
            Self::Against => "Argument against",
            Self::Context => "Context",
        }
    }
}

/// One dated correction.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// When the correction was made.
    pub date: Date,
    /// What was wrong and what changed.
    pub text: String,
}

/// A markdown file cut into its front matter and body.
#[derive(Debug, Clone, Copy)]
pub struct Split<'a> {
    /// The TOML text between the `+++` lines.
    pub toml: &'a str,
    /// Byte offset of `toml` in the file.
    pub toml_offset: usize,
    /// The markdown after the closing `+++` line.
    pub body: &'a str,
    /// Byte offset of `body` in the file.
    pub body_offset: usize,
}

/// Finds the front matter. `file` is the name shown in errors.
pub fn split<'a>(file: &str, text: &'a str) -> Result<Split<'a>, Diagnostic> {
    let first_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_end].trim_end() == "---" {
        return Err(spellings::yaml_front_matter(file, text));
    }
    if text[..first_end].trim_end() != "+++" {
        let shown = text[..first_end].trim_end().len();
        return Err(Diagnostic::at(file, text, 0..shown, "missing front matter")
            .with_help("start the file with a `+++` line, then TOML such as `title = \"...\"`, then another `+++` line"));
    }
    let mut offset = first_end;
    while offset < text.len() {
        let end = text[offset..]
            .find('\n')
            .map_or(text.len(), |i| offset + i + 1);
        if text[offset..end].trim_end() == "+++" {
            return Ok(Split {
                toml: &text[first_end..offset],
                toml_offset: first_end,
                body: &text[end..],
                body_offset: end,
            });
        }
        offset = end;
    }
    Err(
        Diagnostic::at(file, text, 0..3, "front matter is never closed")
            .with_help("add a line with only `+++` after the front matter"),
    )
}

/// Parses the front matter of `text`, returning it with the body's offset.
pub fn parse(file: &str, text: &str) -> Result<(FrontMatter, usize), Diagnostic> {
    let split = split(file, text)?;
    let mut front: FrontMatter = toml::from_str(split.toml).map_err(|error| {
        spellings::front_matter_key(diagnostic::from_toml(file, text, split.toml_offset, &error))
    })?;
    let toml_end = split.toml_offset + split.toml.len();
    text::check_toml(file, text, split.toml_offset..toml_end, one_line)?;
    front.strip_marks();
    if front.title.trim().is_empty() {
        let at = split.toml_offset + split.toml.find("title").unwrap_or(0);
        return Err(Diagnostic::at(
            file,
            text,
            at..at + 5,
            "`title` must not be empty",
        ));
    }
    check_dates(file, text, &split, &front)?;
    Ok((front, split.body_offset))
}

/// The front matter keys that hold one line of text: no tab or line break in them.
fn one_line(path: &[String]) -> bool {
    match path {
        [key] => matches!(key.as_str(), "title" | "slug" | "description" | "template"),
        [key, _] => key == "topics" || key == "aliases",
        [key, _, _] => key == "taxonomies",
        _ => false,
    }
}

/// A page is updated and corrected after it is published, never before.
fn check_dates(
    file: &str,
    text: &str,
    split: &Split<'_>,
    front: &FrontMatter,
) -> Result<(), Diagnostic> {
    let at = |range: std::ops::Range<usize>, message: String| {
        let range = split.toml_offset + range.start..split.toml_offset + range.end;
        Diagnostic::at(file, text, range, message)
    };
    if let (Some(date), Some(updated)) = (front.date, front.updated)
        && updated < date
    {
        return Err(at(
            key_at(split.toml, 0, "updated"),
            format!("`updated` ({updated}) is before the page's `date` ({date})"),
        )
        .with_help("`updated` is when the page last changed, on or after `date`"));
    }
    let mut from = 0;
    for correction in &front.corrections {
        let table = split.toml[from..]
            .find("[[corrections]]")
            .map_or(from, |i| from + i);
        from = table + 1;
        if let Some(date) = front.date
            && correction.date < date
        {
            return Err(at(
                key_at(split.toml, table, "date"),
                format!(
                    "this correction is dated {}, before the page's `date` ({date})",
                    correction.date
                ),
            )
            .with_help("a correction is made after the page is published; check both dates"));
        }
        if correction.text.trim().is_empty() {
            return Err(at(
                key_at(split.toml, table, "text"),
                "this correction has an empty `text`".to_string(),
            )
            .with_help("say what was wrong and what changed"));
        }
    }
    Ok(())
}

/// The range of `key` where it starts a line of `toml` at or after `from`; `from` itself
/// when no line does.
fn key_at(toml: &str, from: usize, key: &str) -> std::ops::Range<usize> {
    let mut offset = 0;
    for line in toml.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if offset >= from
            && let Some(rest) = trimmed.strip_prefix(key)
            && rest.trim_start().starts_with('=')
        {
            return offset + indent..offset + indent + key.len();
        }
        offset += line.len();
    }
    from..from
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn error(text: &str) -> String {
        match parse("content/x.md", text) {
            Ok(_) => panic!("expected an error"),
            Err(diagnostic) => format!("{}: {}", diagnostic.location(), diagnostic.message),
        }
    }

    #[test]
    fn splits_front_matter_and_body_with_any_line_ending() {
        let (front, body) = parse("x", "+++\ntitle = \"A\"\n+++\nHello").unwrap();
        assert_eq!((front.title.as_str(), body), ("A", 20));
        let (front, body) = parse("x", "+++\r\ntitle = \"B\"\r\n+++\r\nHi").unwrap();
        assert_eq!((front.title.as_str(), body), ("B", 23));
        let (_, body) = parse("x", "+++\ntitle = \"C\"\n+++").unwrap();
        assert_eq!(body, 19);
    }

    #[test]
    fn locates_front_matter_errors() {
        assert_eq!(error(""), "content/x.md:1:1: missing front matter");
        assert_eq!(error("# Title\n"), "content/x.md:1:1: missing front matter");
        assert_eq!(
            error("+++\ntitle = \"A\"\n"),
            "content/x.md:1:1: front matter is never closed"
        );
        assert_eq!(
            error("+++\ndate = 2025-01-01\n+++\n"),
            "content/x.md:2:1: missing field `title`"
        );
        assert!(
            error("+++\ntitle = \"A\"\ntitel = 1\n+++\n")
                .starts_with("content/x.md:3:1: unknown field `titel`")
        );
        assert_eq!(
            error("+++\ntitle = \"A\n+++\n"),
            "content/x.md:2:11: invalid basic string, expected `\"`"
        );
        assert!(
            error("+++\ntitle = \"A\"\nstance = \"maybe\"\n+++\n")
                .starts_with("content/x.md:3:10: unknown variant `maybe`")
        );
        assert_eq!(
            error("+++\ntitle = \" \"\n+++\n"),
            "content/x.md:2:1: `title` must not be empty"
        );
    }

    #[test]
    fn refuses_updates_and_corrections_before_publication() {
        assert_eq!(
            error("+++\ntitle = \"A\"\ndate = 2025-09-01\nupdated = 2025-08-31\n+++\n"),
            "content/x.md:4:1: `updated` (2025-08-31) is before the page's `date` (2025-09-01)"
        );
        let corrections = "+++\ntitle = \"A\"\ndate = 2025-09-01\n[[corrections]]\ndate = 2025-09-02\ntext = \"Fixed.\"\n[[corrections]]\ndate = 2025-08-01\ntext = \"Earlier.\"\n+++\n";
        assert_eq!(
            error(corrections),
            "content/x.md:8:1: this correction is dated 2025-08-01, before the page's `date` (2025-09-01)"
        );
        assert_eq!(
            error(&corrections.replace("\"Fixed.\"", "\" \"")),
            "content/x.md:6:1: this correction has an empty `text`"
        );
        assert!(
            parse(
                "x",
                "+++\ntitle = \"A\"\ndate = 2025-09-01\nupdated = 2025-09-01\n+++\n"
            )
            .is_ok()
        );
        assert!(parse("x", "+++\ntitle = \"A\"\nupdated = 2025-09-01\n+++\n").is_ok());
    }
}
