//! What the fetched pages say about one source: ok, quote not found, gone, failing, moved,
//! or only in the archive.

use serde::Serialize;

use super::find::{Found, Page};
use crate::load::web::address::same_page;
use crate::load::web::{Answer, Body, Fetched};

/// The conclusion for one source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The page is at its URL and has every quote.
    Ok,
    /// The page has every quote, after a redirect to another URL.
    Moved,
    /// The live page is gone, and the archived copy has every quote.
    ArchiveOnly,
    /// No usable answer: 5xx, timeout, DNS, TLS, a refused request, a page type factsite
    /// cannot read. It may pass; nothing was concluded.
    Failing,
    /// The page answers 4xx.
    Gone,
    /// The page answers, and does not have a quote.
    QuoteNotFound,
}

impl Status {
    /// Every status, in the order the summary counts them.
    pub const ALL: [Self; 6] = [
        Self::Ok,
        Self::Moved,
        Self::ArchiveOnly,
        Self::Failing,
        Self::Gone,
        Self::QuoteNotFound,
    ];

    /// Gone and quote not found fail the check; the others are warnings (or fine).
    pub fn is_error(self) -> bool {
        matches!(self, Self::Gone | Self::QuoteNotFound)
    }

    /// How the report names it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Ok => "ok",
            Self::Moved => "moved",
            Self::ArchiveOnly => "archive only",
            Self::Failing => "failing",
            Self::Gone => "gone",
            Self::QuoteNotFound => "quote not found",
        }
    }
}

/// How one fetched URL stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// Its words were read: what was found of each quote, and where the page now is when
    /// a redirect took it to another URL.
    Read {
        /// One per quote, in order.
        found: Vec<Found>,
        /// The URL redirected to, when it is another page.
        moved_to: Option<String>,
    },
    /// A 4xx answer that says the page is not there.
    Gone {
        /// The status.
        status: u16,
    },
    /// Nothing could be concluded.
    Failing {
        /// Why, in a phrase ("answers 503 Service Unavailable", "host not found (DNS)").
        reason: String,
    },
}

impl Reading {
    /// Whether its words were read and every quote is among them.
    pub fn has_every_quote(&self) -> bool {
        matches!(self, Self::Read { found, .. } if found.iter().all(|f| *f == Found::Yes))
    }
}

/// The conclusion for a source, and what each of its URLs said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// The conclusion.
    pub status: Status,
    /// The live page (`url`).
    pub live: Reading,
    /// The archived copy (`archive_url`), when there is one.
    pub archive: Option<Reading>,
}

impl Verdict {
    /// Whether the source has an archived copy that does not hold its quotes (gone,
    /// failing, or changed): worth a warning of its own.
    pub fn archive_broken(&self) -> bool {
        self.archive
            .as_ref()
            .is_some_and(|archive| !archive.has_every_quote())
    }
}

/// Judges a source from its live page and archived copy.
pub fn judge(quotes: &[&str], live: &Fetched, archive: Option<&Fetched>) -> Verdict {
    let live = read(live, quotes);
    let archive = archive.map(|archive| read(archive, quotes));
    let archived = archive.as_ref().is_some_and(Reading::has_every_quote);
    let status = match &live {
        Reading::Read { moved_to, .. } if live.has_every_quote() => match moved_to {
            Some(_) => Status::Moved,
            None => Status::Ok,
        },
        Reading::Read { .. } => Status::QuoteNotFound,
        Reading::Gone { .. } if archived => Status::ArchiveOnly,
        Reading::Gone { .. } => Status::Gone,
        Reading::Failing { .. } => Status::Failing,
    };
    Verdict {
        status,
        live,
        archive,
    }
}

/// How one URL's answer stands against the quotes.
pub fn read(fetched: &Fetched, quotes: &[&str]) -> Reading {
    let response = match &fetched.answer {
        Answer::Failed(failure) => {
            return Reading::Failing {
                reason: failure.message.clone(),
            };
        }
        Answer::Response(response) => response,
    };
    let status = response.status;
    match (&response.body, status) {
        (Body::Text(text), 200..=299) => {
            let page = Page::new(text);
            Reading::Read {
                found: quotes.iter().map(|quote| page.find(quote)).collect(),
                moved_to: (!response.redirects.is_empty()
                    && !same_page(&fetched.url, &response.final_url))
                .then(|| response.final_url.clone()),
            }
        }
        (Body::Unreadable(content_type), _) => Reading::Failing {
            reason: format!("serves {content_type}, which factsite cannot read"),
        },
        (_, 401 | 403 | 407 | 429 | 451) => Reading::Failing {
            reason: format!(
                "refuses the request ({}), often a block on automated requests",
                status_text(status)
            ),
        },
        (_, 400..=499) => Reading::Gone { status },
        (_, 500..=599) => Reading::Failing {
            reason: format!("answers {}", status_text(status)),
        },
        _ => Reading::Failing {
            reason: format!("answers {} with no page", status_text(status)),
        },
    }
}

/// `404 Not Found`.
pub fn status_text(status: u16) -> String {
    let reason = match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        410 => "Gone",
        429 => "Too Many Requests",
        451 => "Unavailable For Legal Reasons",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    };
    format!("{status} {reason}").trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::web::{Failure, FailureKind, Response};

    fn answer(url: &str, status: u16, final_url: &str, text: &str) -> Fetched {
        Fetched {
            url: url.to_string(),
            answer: Answer::Response(Response {
                status,
                final_url: final_url.to_string(),
                redirects: if final_url == url {
                    Vec::new()
                } else {
                    vec![final_url.to_string()]
                },
                content_type: Some("text/html".to_string()),
                body: if (200..300).contains(&status) {
                    Body::Text(text.to_string())
                } else {
                    Body::None
                },
            }),
            fetched_at: 0,
            attempts: 1,
            from_cache: false,
        }
    }

    const URL: &str = "https://example.org/story";
    const QUOTES: &[&str] = &["spent eight weeks"];

    #[track_caller]
    fn case(live: &Fetched, archive: Option<&Fetched>, expected: Status) {
        assert_eq!(judge(QUOTES, live, archive).status, expected);
    }

    #[test]
    fn concludes_from_the_live_page_and_the_archive() {
        let has = answer(URL, 200, URL, "It spent eight weeks at No. 1");
        let changed = answer(URL, 200, URL, "It spent seven weeks at No. 1");
        let gone = answer(URL, 404, URL, "");
        let archive = answer(
            "https://web.archive.org/x",
            200,
            "https://web.archive.org/y",
            "spent eight weeks",
        );
        case(&has, None, Status::Ok);
        case(&has, Some(&gone), Status::Ok);
        case(&changed, Some(&archive), Status::QuoteNotFound);
        case(&gone, None, Status::Gone);
        case(&gone, Some(&gone), Status::Gone);
        case(&gone, Some(&archive), Status::ArchiveOnly);
        case(&answer(URL, 410, URL, ""), None, Status::Gone);
        case(
            &answer(URL, 200, "https://example.org/new", "spent eight weeks"),
            None,
            Status::Moved,
        );
        case(
            &answer(
                URL,
                200,
                "https://www.example.org/story/",
                "spent eight weeks",
            ),
            None,
            Status::Ok,
        );
        case(
            &answer(URL, 200, "https://example.org/", "Home"),
            None,
            Status::QuoteNotFound,
        );
        case(&answer(URL, 503, URL, ""), Some(&archive), Status::Failing);
        case(&answer(URL, 403, URL, ""), None, Status::Failing);
        case(&answer(URL, 429, URL, ""), None, Status::Failing);
        let timeout = Fetched {
            answer: Answer::Failed(Failure {
                kind: FailureKind::Timeout,
                message: "timed out".to_string(),
            }),
            ..has.clone()
        };
        case(&timeout, None, Status::Failing);
        assert!(judge(QUOTES, &has, Some(&gone)).archive_broken());
        assert!(!judge(QUOTES, &gone, Some(&archive)).archive_broken());
    }

    #[test]
    fn a_page_factsite_cannot_read_is_failing_not_gone() {
        let mut pdf = answer(URL, 200, URL, "");
        if let Answer::Response(response) = &mut pdf.answer {
            response.body = Body::Unreadable("application/pdf".to_string());
        }
        assert_eq!(
            judge(QUOTES, &pdf, None).live,
            Reading::Failing {
                reason: "serves application/pdf, which factsite cannot read".to_string()
            }
        );
    }

    #[test]
    fn only_errors_fail() {
        let errors: Vec<Status> = Status::ALL.into_iter().filter(|s| s.is_error()).collect();
        assert_eq!(errors, [Status::Gone, Status::QuoteNotFound]);
        assert_eq!(status_text(404), "404 Not Found");
        assert_eq!(status_text(499), "499");
    }
}
