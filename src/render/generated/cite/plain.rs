//! The citation as one plain sentence, in the author-date style of APA for web pages:
//! `Org. (2025, October 3). Title. Site. URL. Data as of …; data version ….`

use crate::content::date::Date;

use super::{Kind, Work};

/// The plain citation of `work`.
pub fn citation(work: &Work) -> String {
    let mut out = sentence(work.author);
    out.push_str(" (");
    out.push_str(&dates(work.date, work.updated));
    out.push_str("). ");
    match work.kind {
        Kind::Page => out.push_str(&sentence(work.title)),
        Kind::Dataset => out.push_str(&format!("{} [Data set].", work.title)),
    }
    if work.site != work.author {
        out.push(' ');
        out.push_str(&sentence(work.site));
    }
    out.push(' ');
    out.push_str(work.url);
    out.push('.');
    if let Some(data) = super::data_note(work) {
        out.push(' ');
        out.push_str(&data);
        out.push('.');
    }
    out
}

/// `2025, October 3`, `2025, October 3; updated 2025, December 1`, or `n.d.` (no date).
fn dates(date: Option<Date>, updated: Option<Date>) -> String {
    let published = date.map_or_else(|| "n.d.".to_string(), day);
    match updated.filter(|&u| Some(u) != date) {
        Some(updated) => format!("{published}; updated {}", day(updated)),
        None => published,
    }
}

fn day(date: Date) -> String {
    let long = date.long();
    let month_day = long.rsplit_once(", ").map_or(long.as_str(), |(md, _)| md);
    format!("{}, {month_day}", date.year())
}

/// `text` ending in a full stop, unless it already ends a sentence.
fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.ends_with(['.', '?', '!', '…']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn work<'a>(title: &'a str, date: Option<Date>, updated: Option<Date>) -> Work<'a> {
        Work {
            kind: Kind::Page,
            author: "The desk",
            title,
            site: "By the numbers",
            url: "https://e.org/a/",
            date,
            updated,
            data_as_of: Date::new(2025, 12, 6),
            version: Some("abc123def456"),
        }
    }

    #[track_caller]
    fn case(work: &Work, expected: &str) {
        assert_eq!(citation(work), expected);
    }

    // One sentence: author, date, title, site, URL, then the data's date and version.
    #[test]
    fn the_plain_citation_reads_as_one_sentence() {
        case(
            &work("Golden, charted", Date::new(2025, 10, 3), None),
            "The desk. (2025, October 3). Golden, charted. By the numbers. https://e.org/a/. Data as of December 6, 2025; data version abc123def456.",
        );
        case(
            &work(
                "Did it top the chart?",
                Date::new(2025, 10, 3),
                Date::new(2025, 12, 1),
            ),
            "The desk. (2025, October 3; updated 2025, December 1). Did it top the chart? By the numbers. https://e.org/a/. Data as of December 6, 2025; data version abc123def456.",
        );
        case(
            &work("Home", None, Date::new(2025, 12, 1)),
            "The desk. (n.d.; updated 2025, December 1). Home. By the numbers. https://e.org/a/. Data as of December 6, 2025; data version abc123def456.",
        );
        let mut undated = work("About", None, None);
        undated.data_as_of = None;
        undated.version = None;
        undated.site = "The desk";
        case(&undated, "The desk. (n.d.). About. https://e.org/a/.");
        let mut chart = work("Billboard Hot 100", Date::new(2025, 12, 6), None);
        chart.kind = Kind::Dataset;
        chart.data_as_of = None;
        case(
            &chart,
            "The desk. (2025, December 6). Billboard Hot 100 [Data set]. By the numbers. https://e.org/a/. Data version abc123def456.",
        );
    }
}
