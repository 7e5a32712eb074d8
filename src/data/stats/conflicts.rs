//! Stats that would change if a conflicting source were right.

use crate::content::date::Date;

use super::{Stats, Value};

/// A week where sources disagree and the disagreement changes a stat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sensitivity {
    /// The entry.
    pub entry: String,
    /// The chart date.
    pub date: Date,
    /// The source the data follows.
    pub source: String,
    /// The source that disagrees.
    pub other_source: String,
    /// What the stat would be if the other source were right (`None`: it would not resolve).
    pub other_value: Option<Value>,
}

impl Stats<'_> {
    /// The conflicting weeks that would change the stat at `path` if the other source were right.
    pub fn conflicts(&self, path: &str) -> Vec<Sensitivity> {
        let Ok(original) = self.resolve(path) else {
            return Vec::new();
        };
        let parts: Vec<&str> = path.split('/').collect();
        let (chart, only_entry) = match parts.as_slice() {
            [chart, _] => (*chart, None),
            [chart, entry, _] if *chart != "figures" => (*chart, Some(*entry)),
            _ => return Vec::new(),
        };
        let Some(index) = self.datasets.iter().position(|d| d.id == chart) else {
            return Vec::new();
        };
        let dataset = &self.datasets[index];
        let mut found = Vec::new();
        for (e, entry) in dataset.entries.iter().enumerate() {
            if only_entry.is_some_and(|id| id != entry.id) {
                continue;
            }
            for (w, week) in entry.weeks.iter().enumerate() {
                for conflict in &week.conflicts {
                    let mut datasets = self.datasets.to_vec();
                    datasets[index].entries[e].weeks[w].pos = conflict.pos;
                    let other = Stats {
                        datasets: &datasets,
                        figures: self.figures,
                        audit: self.audit,
                    }
                    .resolve(path)
                    .ok()
                    .map(|r| r.value);
                    if other != Some(original.value) {
                        found.push(Sensitivity {
                            entry: entry.id.clone(),
                            date: week.date,
                            source: week.source.clone(),
                            other_source: conflict.source.clone(),
                            other_value: other,
                        });
                    }
                }
            }
        }
        found
    }
}
