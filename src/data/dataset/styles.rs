//! Which drawing style (colour, marker, dash) each entry gets, once for the whole site.
//!
//! An entry is recognised across datasets by its id: `golden` in `hot-100.toml` and
//! `golden` in `uk-singles.toml` are the same song, so they get the same style on every
//! chart of the site. Styles are handed out in the order entries first appear, reading
//! the datasets in id order and each file top to bottom; an entry takes the lowest style
//! that no entry it shares a dataset with already has. Two entries of one dataset (and so
//! of one chart) never share a style, and the first styles, the most distinct, go to the
//! entries met first.

use std::collections::{BTreeSet, HashMap};

use super::Dataset;

/// Sets `style` on every entry of `datasets` (already in id order), site-wide.
pub fn assign(datasets: &mut [Dataset]) {
    let styles = styles(datasets);
    for (dataset, styles) in datasets.iter_mut().zip(styles) {
        for (entry, style) in dataset.entries.iter_mut().zip(styles) {
            entry.style = style;
        }
    }
}

/// The style of every entry of every dataset, by the rule in the module comment.
fn styles(datasets: &[Dataset]) -> Vec<Vec<usize>> {
    let mut order: Vec<&str> = Vec::new();
    let mut homes: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, dataset) in datasets.iter().enumerate() {
        for entry in &dataset.entries {
            let home = homes.entry(entry.id.as_str()).or_default();
            if home.is_empty() {
                order.push(entry.id.as_str());
            }
            home.push(index);
        }
    }
    let mut styles: HashMap<&str, usize> = HashMap::with_capacity(order.len());
    for id in order {
        let taken: BTreeSet<usize> = homes[id]
            .iter()
            .flat_map(|&d| &datasets[d].entries)
            .filter_map(|other| styles.get(other.id.as_str()).copied())
            .collect();
        let style = (0..).find(|s| !taken.contains(s)).unwrap_or(0);
        styles.insert(id, style);
    }
    datasets
        .iter()
        .map(|d| d.entries.iter().map(|e| styles[e.id.as_str()]).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::dataset::tests::bibliography;

    fn dataset(id: &str, entries: &[&str]) -> Dataset {
        let mut text = String::from(
            "title = \"T\"\npublisher = \"P\"\npositions = 100\ndated = \"Saturday\"\n",
        );
        for entry in entries {
            text.push_str(&format!(
                "[[entry]]\nid = \"{entry}\"\ntitle = \"{entry}\"\nartist = \"A\"\n\
                 weeks = [{{ date = 2025-07-05, pos = 1, source = \"billboard\" }}]\n"
            ));
        }
        super::super::parse(id, id, text, &bibliography()).expect("valid dataset")
    }

    fn styled(datasets: &mut [Dataset]) -> Vec<Vec<(String, usize)>> {
        assign(datasets);
        datasets
            .iter()
            .map(|d| d.entries.iter().map(|e| (e.id.clone(), e.style)).collect())
            .collect()
    }

    #[track_caller]
    fn case(datasets: &[(&str, &[&str])], expected: &[&[usize]]) {
        let mut parsed: Vec<Dataset> = datasets.iter().map(|(id, e)| dataset(id, e)).collect();
        let got: Vec<Vec<usize>> = styled(&mut parsed)
            .into_iter()
            .map(|d| d.into_iter().map(|(_, s)| s).collect())
            .collect();
        assert_eq!(got, expected);
    }

    // A song keeps one style on every chart, in whatever order each file lists it.
    #[test]
    fn keeps_a_song_in_one_style_across_datasets() {
        case(
            &[
                ("hot-100", &["golden", "your-idol", "soda-pop"]),
                ("spotify", &["your-idol", "golden", "soda-pop"]),
            ],
            &[&[0, 1, 2], &[1, 0, 2]],
        );
    }

    // Entries that never share a dataset may share a style; entries that do never do.
    #[test]
    fn reuses_styles_only_across_charts() {
        case(
            &[
                ("billboard-200", &["album"]),
                ("hot-100", &["golden", "your-idol"]),
                ("uk", &["golden", "takedown"]),
            ],
            &[&[0], &[0, 1], &[0, 1]],
        );
        // `takedown` meets `your-idol`'s style only where `your-idol` is absent; in a
        // third dataset holding both, it moves on to the next free style.
        case(
            &[
                ("a", &["golden", "your-idol"]),
                ("b", &["golden", "takedown"]),
                ("c", &["your-idol", "takedown"]),
            ],
            &[&[0, 1], &[0, 2], &[1, 2]],
        );
    }

    // However the datasets overlap, no dataset has two entries in one style, and styles
    // come out the same on every run.
    #[test]
    fn never_repeats_a_style_within_a_dataset() {
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"];
        for seed in 0..200_u64 {
            let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let mut next = |n: usize| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                (state >> 33) as usize % n
            };
            let mut datasets = Vec::new();
            for d in 0..1 + next(5) {
                let mut ids: Vec<&str> = names.iter().copied().filter(|_| next(3) == 0).collect();
                ids.dedup();
                datasets.push(dataset(&format!("d{d}"), &ids));
            }
            let first = styled(&mut datasets);
            for entries in &first {
                let mut styles: Vec<usize> = entries.iter().map(|(_, s)| *s).collect();
                let count = styles.len();
                styles.sort_unstable();
                styles.dedup();
                assert_eq!(styles.len(), count, "seed {seed}: {first:?}");
            }
            let mut ids: HashMap<&str, usize> = HashMap::new();
            for (id, style) in first.iter().flatten() {
                assert_eq!(*ids.entry(id).or_insert(*style), *style, "seed {seed}");
            }
            assert_eq!(styled(&mut datasets), first);
        }
    }
}
