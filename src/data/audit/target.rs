//! What an audit change touched: a chart row, an entry, a chart, a figure or a page, written
//! as a path under `content/` (`charts/hot-100.toml#golden@2025-10-11`, `for/industry.md`).

use crate::content::date::Date;
use crate::data::dataset::Dataset;
use crate::data::figures::Figures;

/// The forms a target takes, for help lines.
pub const FORMS: &str = "a row (charts/hot-100.toml#golden@2025-07-05), an entry (charts/hot-100.toml#golden), a chart (charts/hot-100.toml), a figure (figures.toml#id), the figures (figures.toml) or a page (for/industry.md)";

/// What a change touched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// One week of an entry.
    Row {
        /// The chart id.
        chart: String,
        /// The entry id.
        entry: String,
        /// The chart date.
        date: Date,
    },
    /// An entry as a whole (its title, its debut label).
    Entry {
        /// The chart id.
        chart: String,
        /// The entry id.
        entry: String,
    },
    /// A chart file as a whole (a row removed from it).
    Chart {
        /// The chart id.
        chart: String,
    },
    /// One figure of `figures.toml`.
    Figure {
        /// The figure id.
        id: String,
    },
    /// `figures.toml` as a whole (a figure removed from it).
    Figures,
    /// A page, by its path under `content/`.
    Page {
        /// `for/industry.md`.
        relative: String,
    },
}

impl Target {
    /// Reads a target; the error says what is wrong with its form.
    pub fn parse(text: &str) -> Result<Self, String> {
        let bad = || format!("`{text}` is not a target");
        if text == "figures.toml" {
            return Ok(Self::Figures);
        }
        if let Some(id) = text.strip_prefix("figures.toml#") {
            return if id.is_empty() {
                Err(bad())
            } else {
                Ok(Self::Figure { id: id.to_string() })
            };
        }
        if let Some(rest) = text.strip_prefix("charts/").filter(|r| !r.ends_with(".md")) {
            let (file, anchor) = match rest.split_once('#') {
                Some((file, anchor)) => (file, Some(anchor)),
                None => (rest, None),
            };
            let chart = file
                .strip_suffix(".toml")
                .filter(|c| !c.is_empty() && !c.contains('/'))
                .ok_or_else(bad)?
                .to_string();
            let Some(anchor) = anchor else {
                return Ok(Self::Chart { chart });
            };
            let (entry, date) = match anchor.split_once('@') {
                Some((entry, date)) => (entry, Some(date)),
                None => (anchor, None),
            };
            if entry.is_empty() {
                return Err(bad());
            }
            let entry = entry.to_string();
            return match date {
                None => Ok(Self::Entry { chart, entry }),
                Some(date) => {
                    let date = Date::parse(date).ok_or_else(|| {
                        format!("`{date}` in target `{text}` is not a date like 2025-07-05")
                    })?;
                    Ok(Self::Row { chart, entry, date })
                }
            };
        }
        let page = text.ends_with(".md")
            && !text.starts_with('/')
            && !text.contains(['#', '\\'])
            && text
                .split('/')
                .all(|part| !part.is_empty() && part != "." && part != "..");
        if page {
            Ok(Self::Page {
                relative: text.to_string(),
            })
        } else {
            Err(bad())
        }
    }

    /// Checks that the data holds what the target names (pages are checked at render).
    pub fn check(&self, datasets: &[Dataset], figures: &Figures) -> Result<(), (String, String)> {
        match self {
            Self::Figures | Self::Page { .. } => Ok(()),
            Self::Figure { id } => figures.get(id).map(|_| ()).ok_or_else(|| {
                let known: Vec<&str> = figures
                    .figures
                    .iter()
                    .map(|f| f.id.as_str())
                    .take(8)
                    .collect();
                (
                    format!("unknown figure `{id}` in `target`"),
                    format!("figures include: {}", known.join(", ")),
                )
            }),
            Self::Chart { chart } => dataset(datasets, chart).map(|_| ()),
            Self::Entry { chart, entry } => {
                let dataset = dataset(datasets, chart)?;
                entry_of(dataset, entry).map(|_| ())
            }
            Self::Row { chart, entry, date } => {
                let dataset = dataset(datasets, chart)?;
                let found = entry_of(dataset, entry)?;
                if found.week(*date).is_some() {
                    Ok(())
                } else {
                    Err((
                        format!("`{entry}` has no row dated {date} in content/charts/{chart}.toml"),
                        "a change names a row the data holds; log a removed row against its chart (charts/<id>.toml) and say which in `what`".to_string(),
                    ))
                }
            }
        }
    }
}

fn dataset<'a>(datasets: &'a [Dataset], id: &str) -> Result<&'a Dataset, (String, String)> {
    datasets.iter().find(|d| d.id == id).ok_or_else(|| {
        let known: Vec<&str> = datasets.iter().map(|d| d.id.as_str()).collect();
        (
            format!("unknown chart `{id}` in `target`"),
            format!("charts: {}", known.join(", ")),
        )
    })
}

fn entry_of<'a>(
    dataset: &'a Dataset,
    id: &str,
) -> Result<&'a crate::data::dataset::Entry, (String, String)> {
    dataset.entry(id).ok_or_else(|| {
        let known: Vec<&str> = dataset.entries.iter().map(|e| e.id.as_str()).collect();
        (
            format!("unknown entry `{id}` in chart `{}`", dataset.id),
            format!("entries: {}", known.join(", ")),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(text: &str, expected: Result<Target, &str>) {
        assert_eq!(
            Target::parse(text),
            expected.map_err(str::to_string),
            "{text}"
        );
    }

    #[test]
    fn reads_every_form_of_target() {
        let date = Date::new(2025, 10, 11).unwrap();
        case(
            "charts/hot-100.toml#golden@2025-10-11",
            Ok(Target::Row {
                chart: "hot-100".into(),
                entry: "golden".into(),
                date,
            }),
        );
        case(
            "charts/global-200.toml#golden",
            Ok(Target::Entry {
                chart: "global-200".into(),
                entry: "golden".into(),
            }),
        );
        case(
            "charts/hot-100.toml",
            Ok(Target::Chart {
                chart: "hot-100".into(),
            }),
        );
        case(
            "figures.toml#netflix-views",
            Ok(Target::Figure {
                id: "netflix-views".into(),
            }),
        );
        case("figures.toml", Ok(Target::Figures));
        case(
            "claims/b200-reached-no-1.md",
            Ok(Target::Page {
                relative: "claims/b200-reached-no-1.md".into(),
            }),
        );
        case(
            "_index.md",
            Ok(Target::Page {
                relative: "_index.md".into(),
            }),
        );
        // The charts section page is a page, not a chart file.
        case(
            "charts/_index.md",
            Ok(Target::Page {
                relative: "charts/_index.md".into(),
            }),
        );
    }

    #[test]
    fn refuses_what_is_not_a_target() {
        for text in [
            "",
            "hot-100",
            "charts/hot-100",
            "charts/.toml",
            "charts/a/b.toml",
            "charts/hot-100.toml#",
            "charts/hot-100.toml#@2025-07-05",
            "figures.toml#",
            "/for/industry.md",
            "for/industry/",
            "for/../x.md",
            "for//x.md",
            "for/x.md#top",
            "sources.toml#id",
        ] {
            case(text, Err(&format!("`{text}` is not a target")));
        }
        case(
            "charts/hot-100.toml#golden@2025-7-5",
            Err(
                "`2025-7-5` in target `charts/hot-100.toml#golden@2025-7-5` is not a date like 2025-07-05",
            ),
        );
    }
}
