//! Tests of the whole audit: each class, each normalisation, each exemption, and real
//! sentences of the flagship site (`content/`), which must not give false alarms.

use std::ops::Range;

mod extraction;

use super::*;
use crate::content::config::MarkdownOptions;
use crate::data::Data;
use crate::data::sources::Bibliography;
use crate::diagnostic::Diagnostic;
use crate::markdown::call::{ArgValue, Call};
use crate::markdown::scan::{self, Item};
use crate::markdown::{self, Env, Expansion, Inner, LinkTarget, Locator};

/// Sources with the quotes the flagship's sentences below cite, verbatim.
const QUOTES: &[(&str, &str)] = &[
    (
        "z89-soundtrack-hits-no1-b200",
        "rising 2-1 on the chart dated Sept. 20, after seven nonconsecutive weeks in the runner-up slot.",
    ),
    (
        "sunny1063-2025-12-04-ophelia-eighth-week",
        "HUNTR/X's \\\"Golden\\\" held at No. 2 after eight weeks at No. 1 beginning in August",
    ),
    (
        "shropshirestar-2025-08-01-golden-uk-no1",
        "has gone to number one in the singles chart, the first K-pop number one in 13 years.",
    ),
    (
        "rollingstoneindia-ejae-golden-globe",
        "When I was a little girl, I worked tirelessly for 10 years to fulfill one dream",
    ),
    (
        "joongang-2025-11-10-netflix-sony-bonus",
        "Netflix's total payment for the first installment rose from $25 million to $40 million. Netflix had already fully financed the $100 million production budget",
    ),
    ("trade", "raking in US$18,000,000 over the weekend"),
];

pub(super) fn context() -> Context {
    let mut text = String::new();
    for (id, quote) in QUOTES {
        text.push_str(&format!(
            "[[source]]\nid = \"{id}\"\ntitle = \"T\"\npublisher = \"P\"\nurl = \"https://e.org/{id}\"\npublished = 2025-07-01\naccessed = 2026-11-21\nquote = \"{quote}\"\n\n"
        ));
    }
    let bibliography = Bibliography::parse("content/sources.toml", text).unwrap();
    let data = Data {
        bibliography,
        datasets: vec![crate::data::dataset::tests::hot_100()],
        figures: Default::default(),
        audit: None,
    };
    Context::new(&data, &["Squid Game 2".to_string()])
}

/// The pieces of one line of prose: `{{ fact(8, "...") }}` is bound, `[@id]` a citation,
/// `{two}` a mark, the rest words.
pub(super) fn pieces(text: &str) -> Vec<Piece> {
    let (found, errors) = scan::scan(text, 0, &[]);
    assert!(errors.is_empty(), "{errors:?}");
    let mut out = Vec::new();
    let mut pos = 0;
    for found in found {
        out.push(Piece::Words {
            text: text[pos..found.range.start].to_string(),
            at: pos..found.range.start,
        });
        pos = found.range.end;
        out.push(match found.item {
            Item::Shortcode(call) => bound(&call),
            Item::Citation(ids) => Piece::Cite(ids.into_iter().map(|(id, _)| id).collect()),
            Item::Mark(_) => Piece::Marked { at: found.range },
            Item::Literal(_) => Piece::Skip,
        });
    }
    out.push(Piece::Words {
        text: text[pos..].to_string(),
        at: pos..text.len(),
    });
    out
}

pub(super) fn bound(call: &Call) -> Piece {
    let value = match &call.args[0].value {
        ArgValue::Int(n) => Some(*n as f64),
        _ => None,
    };
    Piece::Bound {
        value,
        at: call.args[0].range.clone(),
    }
}

/// Each number of `text` as written, with its class.
pub(super) fn classes(text: &str) -> Vec<(String, Class)> {
    classify(&pieces(text), &Backing::default(), &context(), text)
        .into_iter()
        .map(|f| (f.text, f.class))
        .collect()
}

#[track_caller]
pub(super) fn case(text: &str, expected: &[(&str, Class)]) {
    let expected: Vec<(String, Class)> = expected
        .iter()
        .map(|(t, c)| ((*t).to_string(), c.clone()))
        .collect();
    assert_eq!(classes(text), expected, "{text}");
}

pub(super) fn cited(id: &str) -> Class {
    Class::Cited(id.to_string())
}

use Class::{Bound, Marked, Unbound};
const DATE: Class = Class::Exempt(Exemption::Date);
const YEAR: Class = Class::Exempt(Exemption::Year);
const NAME: Class = Class::Exempt(Exemption::Name);

#[test]
fn each_class() {
    case(
        "It spent {{ fact(8, \"x\") }} weeks at No. 1[@sunny1063-2025-12-04-ophelia-eighth-week], then two more, on the Billboard Hot 100 in {two} articles by Dec. 6, 2025.",
        &[
            ("8", Bound),
            ("No. 1", cited("sunny1063-2025-12-04-ophelia-eighth-week")),
            ("two", Unbound),
            ("100", NAME),
            ("{two}", Marked),
            ("6", DATE),
            ("2025", YEAR),
        ],
    );
}

#[test]
fn a_citation_covers_its_own_sentence_only() {
    case(
        "It rose 2-1. It was No. 2 before[@z89-soundtrack-hits-no1-b200]. It was No. 2 again.",
        &[
            ("2", Unbound),
            ("1", Unbound),
            ("No. 2", cited("z89-soundtrack-hits-no1-b200")),
            ("No. 2", Unbound),
        ],
    );
    // A citation after the full stop still belongs to its sentence.
    case(
        "It was No. 2 before.[@z89-soundtrack-hits-no1-b200] Then seven more.",
        &[
            ("No. 2", cited("z89-soundtrack-hits-no1-b200")),
            ("seven", Unbound),
        ],
    );
}

#[test]
fn each_normalisation_matches_a_quote() {
    for (text, number) in [
        ("It took $18 million[@trade].", "$18 million"),
        ("It took 18 million[@trade].", "18 million"),
        ("It took 18,000,000[@trade].", "18,000,000"),
        ("It took $18m[@trade].", "$18m"),
        (
            "It spent eight weeks at the top[@sunny1063-2025-12-04-ophelia-eighth-week].",
            "eight",
        ),
        ("It was second[@z89-soundtrack-hits-no1-b200].", "second"),
        ("It was 2nd[@z89-soundtrack-hits-no1-b200].", "2nd"),
        ("It was No. 2[@z89-soundtrack-hits-no1-b200].", "No. 2"),
        (
            "It spent seven weeks as runner-up[@z89-soundtrack-hits-no1-b200].",
            "seven",
        ),
        (
            "It trained for ten years[@rollingstoneindia-ejae-golden-globe].",
            "ten",
        ),
    ] {
        let found = classes(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].0, number, "{text}");
        assert!(matches!(found[0].1, Class::Cited(_)), "{text}: {found:?}");
    }
}

#[test]
fn a_count_is_not_cited_by_a_rank_of_the_same_value() {
    // "No. 8" is a rank; the quote counts "eight weeks".
    case(
        "It debuted at No. 8[@sunny1063-2025-12-04-ophelia-eighth-week].",
        &[("No. 8", Unbound)],
    );
    // An amount is not a count of weeks.
    case(
        "It spent $18 weeks[@sunny1063-2025-12-04-ophelia-eighth-week].",
        &[("$18", Unbound)],
    );
}

#[test]
fn each_exemption() {
    case(
        "On Sept. 20, on July 3 and 4, 2025, from November 21 to 27, on 5 January 2030, on 2025-07-05, in the 1990s and mid-2025.",
        &[
            ("20", DATE),
            ("3", DATE),
            ("4", DATE),
            ("2025", YEAR),
            ("21", DATE),
            ("27", DATE),
            ("5", DATE),
            ("2030", YEAR),
            ("2025-07-05", DATE),
            ("1990s", YEAR),
            ("2025", YEAR),
        ],
    );
    case(
        "The Hot 100 and the Billboard Hot 100 and Squid Game 2, but not the top 100.",
        &[("100", NAME), ("100", NAME), ("2", NAME), ("100", Unbound)],
    );
    case("Blackpink, 2NE1, TWICE and a second-hand report.", &[]);
}

#[test]
fn real_sentences_of_the_flagship_give_no_false_alarm() {
    // content/for/cultural-reach.md
    case(
        "By the chart dated Dec. 6, 2025, it had spent {{ fact(8, \"figures/hot-100-golden-weeks-at-no1\", style=\"word\") }} weeks at No. 1[@sunny1063-2025-12-04-ophelia-eighth-week].",
        &[
            ("6", DATE),
            ("2025", YEAR),
            ("8", Bound),
            ("No. 1", cited("sunny1063-2025-12-04-ophelia-eighth-week")),
        ],
    );
    case(
        "the PA news agency called it the first\nK-pop number one in 13 years[@shropshirestar-2025-08-01-golden-uk-no1].",
        &[
            (
                "number one",
                cited("shropshirestar-2025-08-01-golden-uk-no1"),
            ),
            ("13", cited("shropshirestar-2025-08-01-golden-uk-no1")),
        ],
    );
    case(
        "EJAE told the Golden Globes audience\nthat she had trained for ten years to become a K-pop idol and was turned away because her voice\nwas judged not good enough[@rollingstoneindia-ejae-golden-globe].",
        &[("ten", cited("rollingstoneindia-ejae-golden-globe"))],
    );
    // content/against/commercialization.md
    case(
        "Netflix paid the whole $100 million production budget to secure global distribution rights, plus a fee of $25 million that a later bonus raised to $40 million[@joongang-2025-11-10-netflix-sony-bonus].",
        &[
            (
                "$100 million",
                cited("joongang-2025-11-10-netflix-sony-bonus"),
            ),
            (
                "$25 million",
                cited("joongang-2025-11-10-netflix-sony-bonus"),
            ),
            (
                "$40 million",
                cited("joongang-2025-11-10-netflix-sony-bonus"),
            ),
        ],
    );
    // content/claims/b200-reached-no-1.md: the examples.
    case(
        "Billboard's chart report, reprinted by a radio station, says it rose from No. 2 to No. {{ fact(1, \"billboard-200/kpdh-soundtrack/pos@2025-09-20\") }} on the chart dated September 20, 2025, after {{ fact(7, \"figures/b200-weeks-at-no2-before-no1\", style=\"word\") }} nonconsecutive weeks as runner-up[@z89-soundtrack-hits-no1-b200].",
        &[
            ("No. 2", cited("z89-soundtrack-hits-no1-b200")),
            ("1", Bound),
            ("20", DATE),
            ("2025", YEAR),
            ("7", Bound),
        ],
    );
    case(
        "The album entered the Billboard 200 at No. {{ fact(8, \"billboard-200/kpdh-soundtrack/debut_pos\") }} on the chart dated {{ fact(2025-07-05, \"billboard-200/kpdh-soundtrack/debut_date\") }}, two weeks after its release, and then spent a long stretch just below the top.",
        &[
            ("200", Unbound),
            ("8", Bound),
            ("2025-07-05", Bound),
            ("two", Unbound),
        ],
    );
    // content/charts/_index.md
    case(
        "Spotify's daily chart is a snapshot of one day's listening. We have sources for only two\ndays, July 3 and 4, 2025.",
        &[("two", Unbound), ("3", DATE), ("4", DATE), ("2025", YEAR)],
    );
    // content/context/streaming-era.md
    case(
        "It recorded a tracking period of November 21 to 27, after the film's\n2025 release, and the tracking week ran from September 12 to 18 (we date it September 27).",
        &[
            ("21", DATE),
            ("27", DATE),
            ("2025", YEAR),
            ("12", DATE),
            ("18", DATE),
            ("27", DATE),
        ],
    );
    // content/for/industry.md
    case(
        "The sing-along screenings took $17 million to $20 million on the weekend of August 22 to 24, 2025, and Weapons was the official No. 1.",
        &[
            ("$17 million", Unbound),
            ("$20 million", Unbound),
            ("22", DATE),
            ("24", DATE),
            ("2025", YEAR),
            ("No. 1", Unbound),
        ],
    );
}

#[test]
fn a_title_is_backed_by_what_its_page_asserts_and_cites() {
    let text = "Golden spent eight weeks at No. 2 and 13 years as number one";
    let backing = Backing {
        sources: vec!["shropshirestar-2025-08-01-golden-uk-no1".to_string()],
        values: vec![8.0],
    };
    let found: Vec<(String, Class)> = classify(&pieces(text), &backing, &context(), text)
        .into_iter()
        .map(|f| (f.text, f.class))
        .collect();
    assert_eq!(
        found,
        [
            ("eight".to_string(), Bound),
            ("No. 2".to_string(), Unbound),
            (
                "13".to_string(),
                cited("shropshirestar-2025-08-01-golden-uk-no1")
            ),
            (
                "number one".to_string(),
                cited("shropshirestar-2025-08-01-golden-uk-no1")
            ),
        ]
    );
}

#[test]
fn an_unbound_number_is_located_in_its_file() {
    let text = "+++\ntitle = \"T\"\n+++\nIt spent \"two\" weeks there.";
    let findings = classify(
        &pieces(&text[19..])
            .into_iter()
            .map(|p| match p {
                Piece::Words { text, at } => Piece::Words {
                    text: text.replace('"', "\u{201c}"),
                    at: at.start + 19..at.end + 19,
                },
                other => other,
            })
            .collect::<Vec<_>>(),
        &Backing::default(),
        &context(),
        text,
    );
    let errors = unbound(
        "content/x.md",
        text,
        &findings,
        Place::Page { body_offset: 19 },
    );
    assert_eq!(
        errors[0].to_string(),
        "error: unbound number `two`: it is not bound to the data, no source cited with it quotes it, and it is not marked\n --> content/x.md:4:11\n  |\n4 | It spent \"two\" weeks there.\n  |           ^^^\nhelp: bind it to the data with {{ fact(...) }}, cite a source whose `quote` holds it in the same sentence ([@source-id]), or, if it is not a fact, mark it: {two}"
    );
}

/// Renders markdown and returns what the audit reads, for the extraction tests.
struct Prose;

impl Env for Prose {
    fn shortcode(
        &self,
        call: &Call,
        _: Locator<'_>,
        _: &mut dyn Inner,
    ) -> Result<Expansion, Diagnostic> {
        Ok(Expansion {
            html: "<span>8</span>".into(),
            text: "8".into(),
            prose: vec![bound(call)],
            ..Expansion::default()
        })
    }

    fn source(&self, _: &str) -> Result<(), String> {
        Ok(())
    }

    fn link(&self, dest: &str) -> Result<LinkTarget, String> {
        Ok(LinkTarget {
            href: dest.to_string(),
            web: true,
            check: None,
        })
    }
}

#[test]
fn numbers_of_parts_of_the_text_are_labels() {
    const LABEL: Class = Class::Exempt(Exemption::Label);
    case(
        "Part 2 and Chapter 3, as Figure 1 (see table 4) shows, found two more.",
        &[
            ("2", LABEL),
            ("3", LABEL),
            ("1", LABEL),
            ("4", LABEL),
            ("two", Unbound),
        ],
    );
    // A count of parts is still a number to check; so is a number a label word follows.
    case(
        "It has 3 parts; the third part ran 4 pages.",
        &[("3", Unbound), ("third", Unbound), ("4", Unbound)],
    );
}
