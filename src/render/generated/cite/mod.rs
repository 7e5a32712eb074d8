//! "Cite this": every content page's and chart page's citation in three forms (a plain
//! sentence, BibTeX and CSL-JSON), made from the values the page shows (its title, dates
//! and URL, the site's organisation as in its JSON-LD) with the date of the data behind it
//! and that data's version, a short hash; and the `cite.bib` and `cite.json` beside it.

mod behind;
mod bibtex;
mod csl;
mod plain;
mod version;

use serde::Serialize;

use crate::content::config::Config;
use crate::content::date::Date;
use crate::content::page::Page;
use crate::data::audit::Audit;
use crate::data::dataset::Dataset;
use crate::render::views::summary::DateView;
use crate::site::Site;
use crate::typography;
use crate::verify::Used;

pub use behind::Behind;
pub use version::Versions;

/// What is cited: a page, or a chart's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An essay, a claim, a section: a web page.
    Page,
    /// A chart's page: a dataset.
    Dataset,
}

/// What a citation says, each value as the page shows it.
#[derive(Debug, Clone)]
pub struct Work<'a> {
    /// A page or a dataset.
    pub kind: Kind,
    /// The site's organisation (`author` in site.toml, else its title).
    pub author: &'a str,
    /// The title.
    pub title: &'a str,
    /// The site's title.
    pub site: &'a str,
    /// The page's absolute URL.
    pub url: &'a str,
    /// When it was published.
    pub date: Option<Date>,
    /// When it was last updated.
    pub updated: Option<Date>,
    /// The date of the latest data behind it.
    pub data_as_of: Option<Date>,
    /// The data's version (a short hash), when it rests on data.
    pub version: Option<&'a str>,
}

/// A page's citation as templates see it (`cite`).
#[derive(Debug, Clone, Serialize)]
pub struct CiteView {
    /// One sentence, plain text.
    pub plain: String,
    /// The BibTeX entry.
    pub bibtex: String,
    /// The CSL-JSON array.
    pub csl: String,
    /// The BibTeX key, also the CSL-JSON `id`.
    pub key: String,
    /// The data version (12 hex digits), when the page rests on data.
    pub hash: Option<String>,
    /// The date of the latest data behind the page.
    pub data_as_of: Option<DateView>,
    /// The BibTeX entry as a `data:` URL, for a download link: the page carries its own
    /// citation files, so a site of 100,000 pages writes no 200,000 extra files.
    pub bib_href: String,
    /// The CSL-JSON as a `data:` URL.
    pub csl_href: String,
    /// A file name for the downloads, without extension: the key with `-` for `:` and `+`
    /// (`example.org-kpdh-claims-golden-lead-song`).
    pub file_stem: String,
}

/// `text` as a `data:` URL of media type `mime`, ending in a newline as a file would.
/// Base64 makes it 4/3 of the text's length, where percent-encoding would make a
/// citation (mostly punctuation and spaces) more than twice its length.
fn data_url(mime: &str, text: &str) -> String {
    use std::io::Write as _;
    let mut url = String::with_capacity(mime.len() + 28 + (text.len() + 1).div_ceil(3) * 4);
    url.push_str("data:");
    url.push_str(mime);
    url.push_str(";charset=utf-8;base64,");
    // The text and its newline are encoded as one stream, without a copy of the text.
    let mut encoder = base64::write::EncoderStringWriter::from_consumer(
        &mut url,
        &base64::engine::general_purpose::STANDARD,
    );
    // Writing into a String cannot fail.
    let _ = encoder.write_all(text.as_bytes());
    let _ = encoder.write_all(b"\n");
    encoder.into_inner();
    url
}

/// The citation of content page `page`, from what it rests on (`behind`, closed); none
/// when `[share] cite` is off.
pub fn page(
    site: &Site,
    page: &Page,
    behind: &Behind<'_>,
    versions: &Versions<'_>,
) -> Option<CiteView> {
    if !site.config.share.cite {
        return None;
    }
    let smart = site.config.markdown.smart_punctuation;
    let typeset = |text: &str| {
        if smart {
            typography::curly(text)
        } else {
            text.to_string()
        }
    };
    let mut title = typeset(&page.meta.title);
    let mut date = page.meta.date;
    if let Some(claim) = &page.meta.claim {
        // Verdict first, as the page's own title and shares put it: a citation never
        // states the claim as fact.
        let verdict = crate::render::generated::json_ld::verdict_name(claim);
        title = format!("{verdict}: {title}");
        date = date.or(Some(claim.as_of));
    }
    let dated = Dated {
        date,
        updated: page.meta.updated,
    };
    view(
        site,
        &page.url,
        (Kind::Page, &title, dated),
        behind,
        versions,
    )
}

/// The citation of a chart's page, whose data is as of `as_of`; none when `[share] cite`
/// is off.
pub fn chart(
    site: &Site,
    dataset: &Dataset,
    (page_path, as_of): (&str, Option<Date>),
    versions: &Versions<'_>,
) -> Option<CiteView> {
    if !site.config.share.cite {
        return None;
    }
    let mut behind = Behind::new();
    behind.chart(&dataset.id);
    behind.date(as_of);
    behind.close(&site.data);
    let title = if site.config.markdown.smart_punctuation {
        typography::curly(&dataset.title)
    } else {
        dataset.title.clone()
    };
    let dated = Dated {
        date: as_of,
        updated: None,
    };
    view(
        site,
        page_path,
        (Kind::Dataset, &title, dated),
        &behind,
        versions,
    )
}

/// The citation of the audit page, which shows the audit log and counts every chart's
/// rows, dated by the audit; none when `[share] cite` is off.
pub fn audit(site: &Site, log: &Audit, versions: &Versions<'_>) -> Option<CiteView> {
    if !site.config.share.cite {
        return None;
    }
    let mut behind = Behind::new();
    // The page prints no date for the data it counts, so the citation gives none either:
    // its data version says which data it counted.
    behind.stat(&site.data, "audit", None);
    behind.stat(&site.data, "data/rows", None);
    behind.close(&site.data);
    let dated = Dated {
        date: Some(log.date),
        updated: None,
    };
    let path = crate::render::generated::audit::PATH;
    view(
        site,
        path,
        (Kind::Page, "Data audit", dated),
        &behind,
        versions,
    )
}

/// What a content page's rendering found it rests on.
#[derive(Debug, Clone, Copy)]
pub struct Bound<'b> {
    /// The stats its `stat` and `fact` shortcodes read.
    pub used: &'b [Used],
    /// The datasets its charts draw.
    pub charts: &'b [String],
    /// The date of the latest data its charts draw.
    pub charts_as_of: Option<Date>,
    /// The sources it cites.
    pub citations: &'b [String],
    /// Whether its template tabulates every chart and figure (`charts.html`).
    pub every_chart: bool,
}

/// What content page `page` rests on, closed over the sources of its records: what its
/// rendering found, its claim (a claim page's data is as of its `as_of`), and every chart
/// and figure when its template shows them all.
pub fn behind<'a>(site: &Site, page: &'a Page, bound: Bound<'_>) -> Behind<'a> {
    let data = &site.data;
    let mut behind = Behind::new();
    for used in bound.used {
        behind.stat(data, &used.path, used.resolved.as_of);
    }
    for id in bound.charts {
        behind.chart(id);
    }
    behind.date(bound.charts_as_of);
    for id in bound.citations {
        behind.source(id);
    }
    if bound.every_chart {
        for dataset in &data.datasets {
            behind.chart(&dataset.id);
            behind.date(dataset.as_of());
        }
        for figure in &data.figures.figures {
            behind.figure(&figure.id);
            behind.date(figure.as_of);
        }
    }
    if let Some(claim) = &page.meta.claim {
        behind.claim(data, &page.url, claim);
        behind.as_of = Some(claim.as_of);
    }
    behind.close(data);
    behind
}

/// A page's publication and update dates.
#[derive(Debug, Clone, Copy)]
struct Dated {
    date: Option<Date>,
    updated: Option<Date>,
}

fn view(
    site: &Site,
    page_path: &str,
    (kind, title, dated): (Kind, &str, Dated),
    behind: &Behind<'_>,
    versions: &Versions<'_>,
) -> Option<CiteView> {
    let config: &Config = &site.config;
    let url = config.absolute(page_path);
    let site_title = if config.markdown.smart_punctuation {
        typography::curly(&config.title)
    } else {
        config.title.clone()
    };
    let hash = versions.of(behind);
    let work = Work {
        kind,
        author: crate::render::generated::json_ld::publisher_name(config),
        title,
        site: &site_title,
        url: &url,
        date: dated.date,
        updated: dated.updated,
        data_as_of: behind.as_of,
        version: hash.as_deref(),
    };
    let key = bibtex::key(&url);
    let bibtex = bibtex::entry(&work, &key);
    let csl = csl::json(&work, &key);
    Some(CiteView {
        plain: plain::citation(&work),
        bib_href: data_url("application/x-bibtex", &bibtex),
        csl_href: data_url("application/vnd.citationstyles.csl+json", &csl),
        file_stem: key.replace([':', '+'], "-"),
        bibtex,
        csl,
        hash: hash.clone(),
        data_as_of: behind.as_of.map(DateView::from),
        key,
    })
}

/// `Data as of December 6, 2025; data version abc123def456`, as far as either is known.
fn data_note(work: &Work) -> Option<String> {
    match (work.data_as_of, work.version) {
        (Some(date), Some(version)) => Some(format!(
            "Data as of {}; data version {version}",
            date.long()
        )),
        (Some(date), None) => Some(format!("Data as of {}", date.long())),
        (None, Some(version)) => Some(format!("Data version {version}")),
        (None, None) => None,
    }
}

/// The note of BibTeX and CSL-JSON: the update, if any, then the data note.
fn note(work: &Work) -> Option<String> {
    let updated = work
        .updated
        .filter(|&u| Some(u) != work.date)
        .map(|u| format!("Updated {}.", u.long()));
    match (updated, data_note(work)) {
        (Some(updated), Some(data)) => Some(format!("{updated} {data}")),
        (updated, data) => updated.or(data),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use base64::Engine as _;

    /// The text a `data:` URL of `mime` carries.
    fn decoded(url: &str, mime: &str) -> String {
        let prefix = format!("data:{mime};charset=utf-8;base64,");
        let payload = url.strip_prefix(&prefix).expect("the data URL's head");
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(payload)
            .expect("base64");
        String::from_utf8(bytes).expect("UTF-8")
    }

    // A download link carries the whole text, whatever its characters, and a final
    // newline as a file would have; nothing in it needs escaping in an attribute.
    #[test]
    fn a_data_url_carries_the_text_and_a_final_newline() {
        let text = "Ünï \"code\" <a href='x'>\u{1F600}</a>\t\n~-._!*()0-9AZaz & 100%";
        let url = data_url("text/plain", text);
        assert_eq!(decoded(&url, "text/plain"), format!("{text}\n"));
        let payload = &url["data:text/plain;charset=utf-8;base64,".len()..];
        assert!(
            payload
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)),
            "{payload}"
        );
    }

    #[test]
    fn a_data_url_is_base64_of_the_text() {
        assert_eq!(
            data_url("application/x-bibtex", "@misc{a:b, title = {Été & 100%}}"),
            "data:application/x-bibtex;charset=utf-8;base64,QG1pc2N7YTpiLCB0aXRsZSA9IHvDiXTDqSAmIDEwMCV9fQo="
        );
    }

    // A citation's URL is a third longer than its text, no more.
    #[test]
    fn a_data_url_is_at_most_four_thirds_of_the_text() {
        let text = "[\n  {\n    \"id\": \"example.org:s00:p0\",\n    \"type\": \"webpage\"\n  }\n]";
        let url = data_url("application/json", text);
        let payload = url.len() - "data:application/json;charset=utf-8;base64,".len();
        assert_eq!(payload, (text.len() + 1).div_ceil(3) * 4);
    }
}
