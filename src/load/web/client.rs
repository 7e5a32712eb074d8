//! One GET of one URL with ureq (rustls, gzip): the User-Agent naming factsite, a timeout
//! over the whole exchange, redirects followed and recorded, and what went wrong sorted
//! into the kinds a report names, with whether another try is worth it.

use std::io::ErrorKind;
use std::time::Duration;

use ureq::ResponseExt;

use super::readable;
use super::{Answer, Body, Failure, FailureKind, Response, address};

/// How factsite introduces itself to the servers it asks.
pub const USER_AGENT: &str = concat!(
    "factsite/",
    env!("CARGO_PKG_VERSION"),
    " (source check of a fact-checked site: fetches each cited page once and looks for its quote; no JavaScript)"
);

/// The largest page read, after decompression.
const MAX_BODY: u64 = 16 * 1024 * 1024;

/// The longest `Retry-After` honoured; a server asking for more is asked again sooner.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(10);

/// An HTTP client shared by the worker threads.
#[derive(Debug)]
pub struct Client {
    agent: ureq::Agent,
}

/// One try's answer, and whether to try again (after at least the given wait).
#[derive(Debug)]
pub struct Attempt {
    /// What came back.
    pub answer: Answer,
    /// `Some` when the failure may pass: a 5xx, 429 or 408, a timeout, a dropped
    /// connection. The wait is the server's `Retry-After`, or zero.
    pub retry: Option<Duration>,
}

impl Client {
    /// A client whose every request, redirects and body included, ends within `timeout`.
    pub fn new(timeout: Duration) -> Self {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .user_agent(USER_AGENT)
            .accept("text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
            .timeout_global(Some(timeout))
            // A resolver that drops a query makes the system wait 5 s and more before it
            // tries again; a name that has not resolved by then is reported, not awaited.
            .timeout_resolve(Some(timeout.min(Duration::from_secs(5))))
            .timeout_connect(Some(timeout.min(Duration::from_secs(10))))
            .max_redirects(10)
            .save_redirect_history(true)
            .build();
        Self {
            agent: config.into(),
        }
    }

    /// GETs `url` and reads the words of a successful answer.
    pub fn get(&self, url: &str) -> Attempt {
        let request = address::request_url(url);
        let response = match self.agent.get(&request).call() {
            Ok(response) => response,
            Err(error) => return failure(&error),
        };
        let status = response.status().as_u16();
        let final_url = response.get_uri().to_string();
        let redirects = response
            .get_redirect_history()
            .map(|uris| {
                let all: Vec<String> = uris.iter().map(ToString::to_string).collect();
                all.get(1..).map(<[String]>::to_vec).unwrap_or_default()
            })
            .unwrap_or_default();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|value| value.to_str().ok())
                .map(str::to_string)
        };
        let content_type = header("content-type");
        let retry_after = header("retry-after");
        let retry = retryable_status(status).then(|| retry_wait(retry_after.as_deref()));
        let body = if (200..300).contains(&status) {
            match read_body(response) {
                Ok(bytes) => match readable::readable(&bytes, content_type.as_deref()) {
                    Ok(text) => Body::Text(text),
                    Err(unreadable) => Body::Unreadable(unreadable.content_type),
                },
                Err(error) => return failure(&error),
            }
        } else {
            Body::None
        };
        Attempt {
            answer: Answer::Response(Response {
                status,
                final_url,
                redirects,
                content_type,
                body,
            }),
            retry,
        }
    }
}

fn read_body(mut response: ureq::http::Response<ureq::Body>) -> Result<Vec<u8>, ureq::Error> {
    response
        .body_mut()
        .with_config()
        .limit(MAX_BODY)
        .read_to_vec()
}

/// Server errors, rate limits and request timeouts may pass; other statuses are answers.
fn retryable_status(status: u16) -> bool {
    matches!(status, 408 | 429 | 500 | 502 | 503 | 504)
}

/// `Retry-After: 3` as a wait, capped; a date or nothing means no particular wait.
fn retry_wait(header: Option<&str>) -> Duration {
    header
        .and_then(|value| value.trim().parse::<u64>().ok())
        .map_or(Duration::ZERO, |seconds| {
            Duration::from_secs(seconds).min(MAX_RETRY_AFTER)
        })
}

fn failure(error: &ureq::Error) -> Attempt {
    let (kind, message) = classify(error);
    let transient = matches!(
        kind,
        FailureKind::Timeout | FailureKind::Network | FailureKind::Protocol
    );
    Attempt {
        answer: Answer::Failed(Failure { kind, message }),
        retry: transient.then_some(Duration::ZERO),
    }
}

fn classify(error: &ureq::Error) -> (FailureKind, String) {
    use ureq::Error as E;
    match error {
        E::HostNotFound => (FailureKind::Dns, "host not found (DNS)".to_string()),
        E::Timeout(ureq::Timeout::Resolve) => (
            FailureKind::Dns,
            "host not found (DNS lookup timed out)".to_string(),
        ),
        E::Timeout(_) => (FailureKind::Timeout, "timed out".to_string()),
        E::Tls(message) => (FailureKind::Tls, format!("TLS error: {message}")),
        E::Rustls(error) => (FailureKind::Tls, format!("TLS error: {error}")),
        E::Pem(error) => (FailureKind::Tls, format!("TLS error: {error}")),
        E::TooManyRedirects => (FailureKind::Redirects, "more than 10 redirects".to_string()),
        E::BodyExceedsLimit(limit) => (
            FailureKind::TooLarge,
            format!("the page is larger than {} MiB", limit / (1024 * 1024)),
        ),
        E::BadUri(message) => (FailureKind::BadUrl, format!("invalid URL: {message}")),
        E::Http(error) => (FailureKind::BadUrl, format!("invalid request: {error}")),
        E::Protocol(error) => (
            FailureKind::Protocol,
            format!("HTTP protocol error: {error}"),
        ),
        E::Io(io) => io_failure(io),
        E::ConnectionFailed => (FailureKind::Network, "connection failed".to_string()),
        other => (FailureKind::Network, other.to_string()),
    }
}

fn io_failure(io: &std::io::Error) -> (FailureKind, String) {
    if let Some(detail) = dns_failure(io) {
        return (FailureKind::Dns, format!("host not found (DNS: {detail})"));
    }
    match io.kind() {
        ErrorKind::ConnectionRefused => (FailureKind::Refused, "connection refused".to_string()),
        ErrorKind::TimedOut | ErrorKind::WouldBlock => {
            (FailureKind::Timeout, "timed out".to_string())
        }
        _ => match io
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<ureq::Error>())
        {
            Some(inner) => classify(inner),
            None => (FailureKind::Network, format!("network error: {io}")),
        },
    }
}

/// The resolver's own words when `io` is a failed name lookup. ureq passes the system
/// resolver's error on as plain I/O, which std words as "failed to lookup address
/// information: ..." on Unix; the other phrases are the resolvers' own.
fn dns_failure(io: &std::io::Error) -> Option<String> {
    let text = io.to_string();
    let detail = text
        .strip_prefix("failed to lookup address information: ")
        .map(str::to_string);
    let known = [
        "Name or service not known",
        "No address associated with hostname",
        "nodename nor servname provided",
        "Temporary failure in name resolution",
        "No such host is known",
    ];
    detail.or_else(|| {
        known
            .iter()
            .any(|phrase| text.contains(phrase))
            .then_some(text)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn honours_short_retry_after_only() {
        assert_eq!(retry_wait(Some("3")), Duration::from_secs(3));
        assert_eq!(retry_wait(Some("3600")), MAX_RETRY_AFTER);
        assert_eq!(
            retry_wait(Some("Wed, 21 Oct 2026 07:28:00 GMT")),
            Duration::ZERO
        );
        assert_eq!(retry_wait(None), Duration::ZERO);
    }

    #[test]
    fn tells_a_failed_name_lookup_from_other_network_errors() {
        let lookup = std::io::Error::other(
            "failed to lookup address information: Name or service not known",
        );
        assert_eq!(
            io_failure(&lookup),
            (
                FailureKind::Dns,
                "host not found (DNS: Name or service not known)".to_string()
            )
        );
        let reset = std::io::Error::new(ErrorKind::ConnectionReset, "reset by peer");
        assert_eq!(io_failure(&reset).0, FailureKind::Network);
        let refused = std::io::Error::new(ErrorKind::ConnectionRefused, "refused");
        assert_eq!(io_failure(&refused).0, FailureKind::Refused);
    }

    #[test]
    fn user_agent_names_the_tool_and_version() {
        assert!(USER_AGENT.starts_with(&format!("factsite/{} (", env!("CARGO_PKG_VERSION"))));
    }
}
