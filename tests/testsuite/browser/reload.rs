//! Live reload under `factsite serve`, in the same browser: a page whose reload stream
//! connects late still reloads.

use std::time::Duration;

use serde_json::json;

use super::chromium::Browser;
use crate::serve::{Server, fixture};

// A page loaded just before a save, whose reload stream connects only after the save's
// rebuild has sent its reload to nobody, still reloads to the new text. The lateness is
// made certain: the browser holds the page's EventSource request (DevTools Fetch
// interception) until the rebuild is published, then lets it go.
#[test]
fn a_page_that_connects_after_the_reload_still_reloads() {
    let Some(mut browser) = Browser::start() else {
        return;
    };
    let site = fixture();
    let mut server = Server::start(&site);
    browser.call(
        "Fetch.enable",
        json!({ "patterns": [{ "urlPattern": "*/__factsite/livereload*", "requestStage": "Request" }] }),
    );
    let url = format!("http://127.0.0.1:{}/for/first/", server.port);
    browser.navigate(&url);
    let held = browser.wait_for("Fetch.requestPaused", Duration::from_secs(30));
    assert!(
        held["params"]["request"]["url"]
            .as_str()
            .is_some_and(|u| u.contains("/__factsite/livereload?build=")),
        "the page asks for the stream with its build id: {held}"
    );
    browser.wait_for("Page.loadEventFired", Duration::from_secs(30));
    assert!(browser.text().contains("See the second"));

    site.write(
        "content/for/first.md",
        &site
            .read("content/for/first.md")
            .replace("See [the second]", "Now see [the second]"),
    );
    server.wait_for_line("Rebuilt 1 page in");
    browser.forget_events();
    browser.call(
        "Fetch.continueRequest",
        json!({ "requestId": held["params"]["requestId"] }),
    );
    browser.call("Fetch.disable", json!({}));
    browser.wait_for("Page.loadEventFired", Duration::from_secs(15));
    let text = browser.text();
    assert!(
        text.contains("Now see the second"),
        "the page reloaded to the new text: {text}"
    );
}
