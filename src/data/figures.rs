//! Sourced figures, `content/figures.toml`: numbers that are not chart positions
//! (views, box office, units, totals a source states).

use std::collections::HashMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::content::date::Date;
use crate::data::sources::Bibliography;
use crate::diagnostic::{self, Diagnostic};

/// How a figure was arrived at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum FigureBasis {
    /// The source states the number.
    #[default]
    Stated,
    /// Worked out from what the source states.
    Derived,
    /// An estimate (box-office weekends are estimates).
    Estimate,
}

impl FigureBasis {
    /// `stated`, `derived` or `estimate`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Stated => "stated",
            Self::Derived => "derived",
            Self::Estimate => "estimate",
        }
    }
}

/// One sourced number.
#[derive(Debug, Clone)]
pub struct Figure {
    /// The id used in paths: `figures/<id>`.
    pub id: String,
    /// What the number is, as published (marks removed).
    pub label: String,
    /// Where the label is in the file, quotes included.
    pub label_span: Range<usize>,
    /// The number, in `unit`.
    pub value: i64,
    /// `views`, `usd`, `units`, `weeks`, ...
    pub unit: String,
    /// The date the number refers to, if known.
    pub as_of: Option<Date>,
    /// The source id.
    pub source: String,
    /// Stated, derived or an estimate.
    pub basis: FigureBasis,
    /// Anything a reader should know.
    pub note: Option<String>,
    /// Where the figure's id is in the file.
    pub span: Range<usize>,
    /// Where the value is in the file.
    pub value_span: Range<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    figure: Vec<RawFigure>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFigure {
    id: Spanned<String>,
    label: Spanned<String>,
    value: Spanned<i64>,
    unit: String,

    #[serde(default)]
    as_of: Option<Date>,
    source: Spanned<String>,
    #[serde(default)]
    basis: FigureBasis,
    #[serde(default)]
    note: Option<String>,
}

/// All figures, by id.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    /// In file order.
    pub figures: Vec<Figure>,
    by_id: HashMap<String, usize>,
    /// The file shown in errors.
    pub file: String,
    /// Its text.
    pub text: String,
}

impl Figures {
    /// Parses and validates `content/figures.toml`.
    pub fn parse(
        file: &str,
        text: String,
        bibliography: &Bibliography,
    ) -> Result<Self, Vec<Diagnostic>> {
        let raw: File =
            toml::from_str(&text).map_err(|e| vec![diagnostic::from_toml(file, &text, 0, &e)])?;
        let mut errors = Vec::new();
        let mut by_id = HashMap::new();
        let mut figures = Vec::with_capacity(raw.figure.len());
        for (index, figure) in raw.figure.into_iter().enumerate() {
            let at =
                |range: Range<usize>, message: String| Diagnostic::at(file, &text, range, message);
            if !crate::data::dataset::valid_id(figure.id.get_ref()) {
                errors.push(
                    at(
                        figure.id.span(),
                        format!("invalid figure id `{}`", figure.id.get_ref()),
                    )
                    .with_help("ids are lowercase letters and digits joined by single hyphens"),
                );
            }
            if let Some(first) = by_id.insert(figure.id.get_ref().clone(), index) {
                let first: &Figure = &figures[first];
                let line = at(first.span.clone(), String::new()).line;
                errors.push(
                    at(
                        figure.id.span(),
                        format!("duplicate figure id `{}`", figure.id.get_ref()),
                    )
                    .with_note(format!("first defined on line {line}")),
                );
            }
            if bibliography.get(figure.source.get_ref()).is_none() {
                errors.push(
                    at(
                        figure.source.span(),
                        format!("unknown source `{}`", figure.source.get_ref()),
                    )
                    .with_help(bibliography.suggest(figure.source.get_ref())),
                );
            }
            figures.push(Figure {
                span: figure.id.span(),
                id: figure.id.into_inner(),
                label_span: figure.label.span(),
                label: crate::prose::mark::strip(figure.label.get_ref()).into_owned(),
                value_span: figure.value.span(),
                value: figure.value.into_inner(),
                unit: figure.unit,
                as_of: figure.as_of,
                source: figure.source.into_inner(),
                basis: figure.basis,
                note: figure.note,
            });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self {
            figures,
            by_id,
            file: file.to_string(),
            text,
        })
    }

    /// The figure with this id.
    pub fn get(&self, id: &str) -> Option<&Figure> {
        self.by_id.get(id).map(|&i| &self.figures[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bibliography() -> Bibliography {
        Bibliography::parse(
            "s",
            "[[source]]\nid = \"s\"\ntitle = \"t\"\npublisher = \"p\"\nurl = \"https://e.org/\"\npublished = 2025-01-01\naccessed = 2025-01-02\n".into(),
        )
        .unwrap()
    }

    const GOOD: &str = "[[figure]]\nid = \"views\"\nlabel = \"Views\"\nvalue = 266_000_000\nunit = \"views\"\nas_of = 2025-08-31\nsource = \"s\"\n";

    #[test]
    fn loads_figures() {
        let figures = Figures::parse("f", GOOD.into(), &bibliography()).unwrap();
        let views = figures.get("views").unwrap();
        assert_eq!(
            (views.value, views.basis),
            (266_000_000, FigureBasis::Stated)
        );
    }

    #[test]
    fn locates_bad_figures() {
        let errors = |text: &str| -> Vec<String> {
            Figures::parse("content/figures.toml", text.into(), &bibliography())
                .unwrap_err()
                .iter()
                .map(|e| format!("{}: {}", e.location(), e.message))
                .collect()
        };
        assert_eq!(
            errors(&GOOD.replace("\"s\"", "\"nope\"")),
            ["content/figures.toml:7:10: unknown source `nope`"]
        );
        assert_eq!(
            errors(&format!("{GOOD}{GOOD}")),
            ["content/figures.toml:9:6: duplicate figure id `views`"]
        );
        assert!(
            errors(&GOOD.replace("266_000_000", "19.2"))[0]
                .starts_with("content/figures.toml:4:9: invalid type: floating point")
        );
    }
}
