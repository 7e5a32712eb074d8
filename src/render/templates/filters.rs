//! The filters templates call: `typeset` curls straight quotes and apostrophes, `quoted`
//! sets a text inside curly quotes (its own quotes made single), optionally shortened,
//! both following `smart_punctuation` in `site.toml`; `markdown` renders a text (a
//! shortcode's body) as markdown, as Zola's filter does; `escape_text` escapes a text
//! for an element's content only (`&`, `<`, `>`), leaving its quotes as they are.

use tera::{Kwargs, State, Tera, Value};

use crate::content::config::MarkdownOptions;
use crate::markdown::fragment;
use crate::typography;

pub(super) fn register(tera: &mut Tera) {
    tera.register_filter(
        "typeset",
        |text: &str, _: Kwargs, state: &State| -> tera::TeraResult<String> {
            // Most titles have no straight quote: skip the lookup of the setting.
            Ok(if text.contains(['"', '\'']) && smart(state)? {
                typography::curly(text)
            } else {
                text.to_string()
            })
        },
    );
    tera.register_filter(
        "quoted",
        |text: &str, kwargs: Kwargs, state: &State| -> tera::TeraResult<String> {
            let limit = kwargs.get::<usize>("limit")?;
            let text = limit.map_or_else(|| text.to_string(), |n| typography::shorten(text, n));
            Ok(typography::quoted(&text, smart(state)?))
        },
    );
    tera.register_filter("escape_text", |text: &str, _: Kwargs, _: &State| -> Value {
        Value::safe_string(&crate::escape::element_text(text))
    });
    tera.register_filter(
        "markdown",
        |text: &str, kwargs: Kwargs, state: &State| -> tera::TeraResult<Value> {
            let inline = kwargs.get::<bool>("inline")?.unwrap_or(false);
            let options = MarkdownOptions {
                smart_punctuation: smart(state)?,
                highlight_code: setting(state, "highlight_code")?.unwrap_or(true),
                ..MarkdownOptions::default()
            };
            Ok(Value::safe_string(&fragment::render(
                text, &options, inline,
            )))
        },
    );
}

/// Whether the site uses smart punctuation (`config.markdown.smart_punctuation`, on unless
/// turned off).
fn smart(state: &State) -> tera::TeraResult<bool> {
    Ok(setting(state, "smart_punctuation")?.unwrap_or(true))
}

/// A switch of `[markdown]` in `site.toml` (`config.markdown.NAME`).
fn setting(state: &State, name: &str) -> tera::TeraResult<Option<bool>> {
    let config: Option<tera::Value> = state.get("config")?;
    Ok(config
        .as_ref()
        .and_then(tera::Value::as_map)
        .and_then(|c| field(c, "markdown"))
        .and_then(tera::Value::as_map)
        .and_then(|m| field(m, name))
        .and_then(tera::Value::as_bool))
}

fn field<'m>(map: &'m tera::Map, name: &str) -> Option<&'m tera::Value> {
    map.iter()
        .find(|(key, _)| key.as_str() == Some(name))
        .map(|(_, value)| value)
}
