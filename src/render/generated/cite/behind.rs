//! The data behind a page: the records of `content/` its numbers, charts, citations and
//! claim rest on, closed over the sources those records name, and the date of its latest
//! data.

use std::collections::BTreeSet;

use crate::content::claim::ClaimMeta;
use crate::content::date::Date;
use crate::data::Data;
use crate::data::stats::ALL_CHARTS;

/// One record of the data, as the data version names it (`chart:hot-100`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Record {
    /// The audit log, `content/audit.toml`.
    Audit,
    /// A chart dataset, by id.
    Chart(String),
    /// A figure of `content/figures.toml`, by id.
    Figure(String),
    /// A source of `content/sources.toml`, by id.
    Source(String),
}

impl Record {
    /// `audit`, `chart:hot-100`, `figure:x`, `source:y`: how the data version lists it.
    pub fn label(&self) -> String {
        match self {
            Self::Audit => "audit".to_string(),
            Self::Chart(id) => format!("chart:{id}"),
            Self::Figure(id) => format!("figure:{id}"),
            Self::Source(id) => format!("source:{id}"),
        }
    }
}

/// What a page rests on, gathered while it renders.
#[derive(Debug, Clone, Default)]
pub struct Behind<'a> {
    records: BTreeSet<Record>,
    /// The claim of a claim page, with the page's site path: a record of its own.
    pub claim: Option<(&'a str, &'a ClaimMeta)>,
    /// The date of the latest data behind the page.
    pub as_of: Option<Date>,
}

impl<'a> Behind<'a> {
    /// Nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether the page rests on no data at all.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty() && self.claim.is_none()
    }

    /// The records, in the order the data version lists them.
    pub fn records(&self) -> impl Iterator<Item = &Record> {
        self.records.iter()
    }

    /// The data a stat path reads (`hot-100/golden/peak`, `figures/x`, `data/rows`,
    /// `audit/before/rows`), with the date of the value it gave.
    pub fn stat(&mut self, data: &Data, path: &str, as_of: Option<Date>) {
        self.date(as_of);
        let first = path.split(['/', '@']).next().unwrap_or_default();
        match first {
            "figures" => {
                let id = path.trim_start_matches("figures/");
                self.records.insert(Record::Figure(id.to_string()));
            }
            "audit" => {
                self.records.insert(Record::Audit);
            }
            ALL_CHARTS => {
                for dataset in &data.datasets {
                    self.records.insert(Record::Chart(dataset.id.clone()));
                }
            }
            chart => {
                self.records.insert(Record::Chart(chart.to_string()));
            }
        }
    }

    /// A chart drawn on the page.
    pub fn chart(&mut self, id: &str) {
        self.records.insert(Record::Chart(id.to_string()));
    }

    /// A figure shown on the page.
    pub fn figure(&mut self, id: &str) {
        self.records.insert(Record::Figure(id.to_string()));
    }

    /// A source the page cites.
    pub fn source(&mut self, id: &str) {
        self.records.insert(Record::Source(id.to_string()));
    }

    /// The claim of the claim page at `path`: the claim itself, its sources and the stats
    /// of its checks. Its data is as of the claim's `as_of`, the evidence cut-off.
    pub fn claim(&mut self, data: &Data, path: &'a str, claim: &'a ClaimMeta) {
        self.claim = Some((path, claim));
        for source in &claim.sources {
            self.source(source.get_ref());
        }
        for check in &claim.check {
            self.stat(data, check.stat.get_ref(), None);
        }
    }

    /// Takes `date` as the data's date if it is later than the dates so far.
    pub fn date(&mut self, date: Option<Date>) {
        self.as_of = self.as_of.max(date);
    }

    /// Adds the sources the records name (every source of a chart's rows, a figure's, the
    /// audit log's), and drops records the data does not have.
    pub fn close(&mut self, data: &Data) {
        let stats = data.stats();
        let mut sources: Vec<&str> = Vec::new();
        self.records.retain(|record| match record {
            Record::Audit => data.audit.as_ref().is_some_and(|log| {
                sources.extend(log.source_ids());
                true
            }),
            Record::Chart(id) => stats.dataset(id).is_ok_and(|dataset| {
                sources.extend(dataset.source_ids());
                true
            }),
            Record::Figure(id) => data.figures.get(id).is_some_and(|figure| {
                sources.push(&figure.source);
                true
            }),
            Record::Source(id) => data.bibliography.get(id).is_some(),
        });
        let named: Vec<Record> = sources
            .into_iter()
            .filter(|id| data.bibliography.get(id).is_some())
            .map(|id| Record::Source(id.to_string()))
            .collect();
        self.records.extend(named);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Text;
    use crate::data::Texts;

    fn data() -> Data {
        let text = |display: &str, text: &str| Text {
            display: display.to_string(),
            text: text.to_string(),
        };
        let sources = "[[source]]\nid = \"a\"\ntitle = \"A\"\npublisher = \"P\"\nurl = \"https://a.org/\"\npublished = 2025-07-01\naccessed = 2025-08-01\n\
                       [[source]]\nid = \"b\"\ntitle = \"B\"\npublisher = \"Q\"\nurl = \"https://b.org/\"\npublished = 2025-07-01\naccessed = 2025-08-01\n\
                       [[source]]\nid = \"c\"\ntitle = \"C\"\npublisher = \"R\"\nurl = \"https://c.org/\"\npublished = 2025-07-01\naccessed = 2025-08-01\n";
        let chart = "title = \"Hot 100\"\npublisher = \"Billboard\"\npositions = 100\ndated = \"Saturday\"\n\
                     [[entry]]\nid = \"golden\"\ntitle = \"Golden\"\nartist = \"HUNTR/X\"\nweeks = [\n  { date = 2025-07-05, pos = 81, source = \"a\" },\n]\n";
        let figures = "[[figure]]\nid = \"views\"\nlabel = \"Views\"\nvalue = 5\nunit = \"views\"\nsource = \"b\"\n";
        Data::parse(Texts {
            sources: Some(text("content/sources.toml", sources)),
            figures: Some(text("content/figures.toml", figures)),
            charts: vec![("hot-100".into(), text("content/charts/hot-100.toml", chart))],
            audit: None,
        })
        .unwrap()
    }

    #[track_caller]
    fn case(paths: &[&str], expected: &[&str]) {
        let data = data();
        let mut behind = Behind::new();
        for path in paths {
            behind.stat(&data, path, None);
        }
        behind.close(&data);
        let labels: Vec<String> = behind.records().map(Record::label).collect();
        assert_eq!(labels, expected);
    }

    // A stat brings its chart or figure and the sources that record names, nothing else.
    #[test]
    fn a_stat_rests_on_its_record_and_its_sources() {
        case(&["hot-100/golden/peak"], &["chart:hot-100", "source:a"]);
        case(
            &["hot-100/golden/pos@2025-07-05"],
            &["chart:hot-100", "source:a"],
        );
        case(&["figures/views"], &["figure:views", "source:b"]);
        case(&["data/rows"], &["chart:hot-100", "source:a"]);
        case(&["audit/before/rows"], &[]);
        case(&[], &[]);
    }

    // The data's date is the latest date of what the page reads.
    #[test]
    fn the_date_is_the_latest() {
        let data = data();
        let mut behind = Behind::new();
        behind.stat(&data, "hot-100/golden/peak", Date::new(2025, 7, 5));
        behind.stat(&data, "figures/views", Date::new(2025, 6, 1));
        behind.stat(&data, "figures/views", None);
        assert_eq!(behind.as_of, Date::new(2025, 7, 5));
    }
}
