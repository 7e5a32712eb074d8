//! The data version of a page: a short hash of the data behind it, which changes when that
//! data changes and only then. Each record is hashed from its canonical JSON (the fields a
//! reader relies on, in a fixed order); the page's version hashes the list of its records
//! with their hashes. AUTHORING.md ("Cite this") gives the definition.

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::Mutex;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::content::claim::ClaimMeta;
use crate::content::date::Date;
use crate::data::Data;
use crate::data::dataset::{Basis, Cadence, Dataset, Pos};
use crate::data::figures::Figure;
use crate::data::sources::{Published, Source};

use super::behind::{Behind, Record};

/// How many hex digits of the SHA-256 a citation prints.
pub const SHORT: usize = 12;

/// The hashes of the records of one build's data, each computed once.
#[derive(Debug)]
pub struct Versions<'a> {
    data: &'a Data,
    known: Mutex<HashMap<Record, String>>,
}

impl<'a> Versions<'a> {
    /// Nothing hashed yet.
    pub fn new(data: &'a Data) -> Self {
        Self {
            data,
            known: Mutex::new(HashMap::new()),
        }
    }

    /// The data version of a page (12 hex digits), or none when it rests on no data: the
    /// SHA-256 of one line per record, `label hash\n`, sorted by label (`Behind::close`
    /// must have run).
    pub fn of(&self, behind: &Behind<'_>) -> Option<String> {
        if behind.is_empty() {
            return None;
        }
        let mut lines: Vec<(String, String)> = behind
            .records()
            .map(|record| (record.label(), self.record(record)))
            .collect();
        if let Some((path, claim)) = behind.claim {
            lines.push((format!("claim:{path}"), claim_hash(claim)));
        }
        lines.sort();
        let mut list = String::new();
        for (label, hash) in &lines {
            let _ = writeln!(list, "{label} {hash}");
        }
        let mut short = hex(&Sha256::digest(list.as_bytes()));
        short.truncate(SHORT);
        Some(short)
    }

    fn record(&self, record: &Record) -> String {
        if let Some(hash) = self.lock().get(record) {
            return hash.clone();
        }
        // Hashed outside the lock, so that pages rendering in parallel do not wait on it.
        let hash = record_hash(self.data, record);
        self.lock().insert(record.clone(), hash.clone());
        hash
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Record, String>> {
        self.known
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The SHA-256 of a record's canonical JSON, in hex.
fn record_hash(data: &Data, record: &Record) -> String {
    let mut hasher = Sha256::new();
    let written = match record {
        Record::Audit => data
            .audit
            .as_ref()
            .map(|log| serde_json::to_writer(&mut hasher, &log.text)),
        Record::Chart(id) => data
            .stats()
            .dataset(id)
            .ok()
            .map(|dataset| serde_json::to_writer(&mut hasher, &ChartRecord::of(dataset))),
        Record::Figure(id) => data
            .figures
            .get(id)
            .map(|figure| serde_json::to_writer(&mut hasher, &FigureRecord::of(figure))),
        Record::Source(id) => data
            .bibliography
            .get(id)
            .map(|source| serde_json::to_writer(&mut hasher, &SourceRecord::of(source))),
    };
    // A record the data lacks, or one that cannot be written (neither happens after
    // `Behind::close`), hashes as `null`.
    if !matches!(written, Some(Ok(()))) {
        hasher = Sha256::new();
        hasher.update(b"null");
    }
    hex(&hasher.finalize())
}

/// The SHA-256 of a claim's `[claim]` table as JSON, in hex.
fn claim_hash(claim: &ClaimMeta) -> String {
    let mut hasher = Sha256::new();
    if serde_json::to_writer(&mut hasher, claim).is_err() {
        hasher = Sha256::new();
        hasher.update(b"null");
    }
    hex(&hasher.finalize())
}

fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        let _ = write!(out, "{byte:02x}");
    }
    out
}

/// A chart as hashed: what it is and every row with its sources; not its description,
/// labels or drawing styles, which are the site's words and looks.
#[derive(Serialize)]
struct ChartRecord<'a> {
    id: &'a str,
    title: &'a str,
    publisher: &'a str,
    positions: u32,
    cadence: &'static str,
    dated: &'a str,
    entries: Vec<EntryRecord<'a>>,
}

#[derive(Serialize)]
struct EntryRecord<'a> {
    id: &'a str,
    title: &'a str,
    artist: &'a str,
    starts_at_debut: bool,
    weeks: Vec<WeekRecord<'a>>,
}

#[derive(Serialize)]
struct WeekRecord<'a> {
    date: Date,
    /// The position, `null` when off the chart.
    pos: Option<u32>,
    source: &'a str,
    basis: &'static str,
    note: Option<&'a str>,
    also: &'a [String],
    conflicts: Vec<(Option<u32>, &'a str, Option<&'a str>)>,
}

impl<'a> ChartRecord<'a> {
    fn of(dataset: &'a Dataset) -> Self {
        let rank = |pos: Pos| pos.rank();
        let entries = dataset
            .entries
            .iter()
            .map(|entry| EntryRecord {
                id: &entry.id,
                title: &entry.title,
                artist: &entry.artist,
                starts_at_debut: entry.starts_at_debut,
                weeks: entry
                    .weeks
                    .iter()
                    .map(|week| WeekRecord {
                        date: week.date,
                        pos: rank(week.pos),
                        source: &week.source,
                        basis: match week.basis {
                            Basis::Stated => "stated",
                            Basis::Derived => "derived",
                        },
                        note: week.note.as_deref(),
                        also: &week.also,
                        conflicts: week
                            .conflicts
                            .iter()
                            .map(|c| (rank(c.pos), c.source.as_str(), c.note.as_deref()))
                            .collect(),
                    })
                    .collect(),
            })
            .collect();
        Self {
            id: &dataset.id,
            title: &dataset.title,
            publisher: &dataset.publisher,
            positions: dataset.positions,
            cadence: match dataset.cadence {
                Cadence::Weekly => "weekly",
                Cadence::Daily => "daily",
            },
            dated: &dataset.dated,
            entries,
        }
    }
}

/// A figure as hashed: every field of its `[[figure]]` table.
#[derive(Serialize)]
struct FigureRecord<'a> {
    id: &'a str,
    label: &'a str,
    value: i64,
    unit: &'a str,
    as_of: Option<Date>,
    source: &'a str,
    basis: &'static str,
    note: Option<&'a str>,
}

impl<'a> FigureRecord<'a> {
    fn of(figure: &'a Figure) -> Self {
        Self {
            id: &figure.id,
            label: &figure.label,
            value: figure.value,
            unit: &figure.unit,
            as_of: figure.as_of,
            source: &figure.source,
            basis: figure.basis.name(),
            note: figure.note.as_deref(),
        }
    }
}

/// A source as hashed: every field of its `[[source]]` table.
#[derive(Serialize)]
struct SourceRecord<'a> {
    id: &'a str,
    title: &'a str,
    publisher: &'a str,
    url: &'a str,
    /// `null` when undated.
    published: Option<Date>,
    accessed: Date,
    author: Option<&'a str>,
    original_publisher: Option<&'a str>,
    archive_url: Option<&'a str>,
    quote: Vec<&'a str>,
    language: Option<&'a str>,
    note: Option<&'a str>,
}

impl<'a> SourceRecord<'a> {
    fn of(source: &'a Source) -> Self {
        Self {
            id: source.id.get_ref(),
            title: &source.title,
            publisher: &source.publisher,
            url: source.url.get_ref(),
            published: match source.published.get_ref() {
                Published::Date(date) => Some(*date),
                Published::Undated => None,
            },
            accessed: *source.accessed.get_ref(),
            author: source.author.as_deref(),
            original_publisher: source.original_publisher.as_deref(),
            archive_url: source.archive_url.as_ref().map(|u| u.get_ref().as_str()),
            quote: source
                .quote
                .as_ref()
                .map(|q| q.snippets())
                .unwrap_or_default(),
            language: source.language.as_deref(),
            note: source.note.as_deref(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Text, Texts};

    const SOURCES: &str = "[[source]]\nid = \"a\"\ntitle = \"A\"\npublisher = \"P\"\nurl = \"https://a.org/\"\npublished = 2025-07-01\naccessed = 2025-08-01\n\
                           [[source]]\nid = \"b\"\ntitle = \"B\"\npublisher = \"Q\"\nurl = \"https://b.org/\"\npublished = 2025-07-01\naccessed = 2025-08-01\n";

    fn data(chart: &str, sources: &str) -> Data {
        let text = |display: &str, text: &str| Text {
            display: display.to_string(),
            text: text.to_string(),
        };
        let chart = format!(
            "title = \"Hot 100\"\npublisher = \"Billboard\"\npositions = 100\ndated = \"Saturday\"\n\
             [[entry]]\nid = \"golden\"\ntitle = \"Golden\"\nartist = \"HUNTR/X\"\nweeks = [\n{chart}]\n"
        );
        Data::parse(Texts {
            sources: Some(text("content/sources.toml", sources)),
            figures: None,
            charts: vec![(
                "hot-100".into(),
                text("content/charts/hot-100.toml", &chart),
            )],
            audit: None,
        })
        .unwrap()
    }

    fn version(data: &Data, stat: &str) -> Option<String> {
        let mut behind = Behind::new();
        behind.stat(data, stat, None);
        behind.close(data);
        Versions::new(data).of(&behind)
    }

    const ROW: &str = "  { date = 2025-07-05, pos = 81, source = \"a\" },\n";

    // A version is 12 hex digits, the same for the same data, different when a row, a row's
    // source or that source's record changes, and the same when another source changes.
    #[test]
    fn the_version_follows_the_data_behind_it_and_nothing_else() {
        let base = version(&data(ROW, SOURCES), "hot-100/golden/peak").unwrap();
        assert_eq!(base.len(), SHORT);
        assert!(base.chars().all(|c| c.is_ascii_hexdigit()), "{base}");
        assert_eq!(
            version(&data(ROW, SOURCES), "hot-100/golden/peak").as_deref(),
            Some(base.as_str())
        );
        let moved = ROW.replace("81", "80");
        let other_source = ROW.replace("\"a\"", "\"b\"");
        let retitled = SOURCES.replacen("title = \"A\"", "title = \"A2\"", 1);
        let other_retitled = SOURCES.replacen("title = \"B\"", "title = \"B2\"", 1);
        for changed in [
            data(&moved, SOURCES),
            data(&other_source, SOURCES),
            data(ROW, &retitled),
        ] {
            assert_ne!(version(&changed, "hot-100/golden/peak").unwrap(), base);
        }
        assert_eq!(
            version(&data(ROW, &other_retitled), "hot-100/golden/peak").unwrap(),
            base
        );
    }

    // A page with no data has no version.
    #[test]
    fn no_data_no_version() {
        let data = data(ROW, SOURCES);
        assert_eq!(Versions::new(&data).of(&Behind::new()), None);
    }
}
