//! Hugo's shortcode syntax (`{{< name param >}}`, `{{% name %}}`), recognised so that the
//! error says how factsite spells the same call.

use std::ops::Range;

use super::SyntaxError;

/// The error for the Hugo shortcode that starts at `start` (`{{<` or `{{%`).
pub(super) fn error(text: &str, start: usize) -> SyntaxError {
    let marker = &text[start + 2..start + 3];
    let range = tag_range(text, start, marker);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let inner_end = if range.end > start + 3 {
        range.end
    } else {
        line_end
    };
    let inner = text[start + 3..inner_end]
        .trim_end_matches("}}")
        .trim_end_matches(['>', '%'])
        .trim();
    SyntaxError {
        message: format!("`{{{{{marker}` is Hugo's shortcode syntax"),
        range,
        help: Some(help(inner)),
    }
}

/// The whole tag when it closes on its line (`>}}` or `%}}`), else its opening.
fn tag_range(text: &str, start: usize, marker: &str) -> Range<usize> {
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let close = if marker == "<" { ">}}" } else { "%}}" };
    match text[start + 3..line_end].find(close) {
        Some(i) => start..start + 3 + i + close.len(),
        None => start..start + 3,
    }
}

fn help(inner: &str) -> String {
    let tokens = tokens(inner);
    let Some((name, params)) = tokens.split_first() else {
        return "factsite writes shortcodes as Zola does: {{ name(key=\"value\") }}, and with a body {% name(key=\"value\") %}...{% end %}".to_string();
    };
    if let Some(closing) = name.strip_prefix('/') {
        return format!(
            "factsite writes shortcodes as Zola does: a body opens with {{% {closing}(...) %}} and closes with {{% end %}}"
        );
    }
    if matches!(name.as_str(), "ref" | "relref") {
        let target = params
            .first()
            .map_or("essays/x.md", |p| p.trim_matches('"'));
        return format!(
            "link to a page by its file, as in Zola: [text](@/{}) from `content/`, or a path relative to this file",
            target.trim_start_matches('/')
        );
    }
    let mut positional = false;
    let args: Vec<String> = params
        .iter()
        .map(|param| match param.split_once('=') {
            Some((key, value)) if !key.starts_with('"') => format!("{key}={}", value_of(value)),
            _ => {
                positional = true;
                format!("key={}", value_of(param))
            }
        })
        .collect();
    let call = format!("{{{{ {name}({}) }}}}", args.join(", "));
    let named = if positional {
        " (arguments are named: use the names your template reads)"
    } else {
        ""
    };
    format!(
        "factsite writes shortcodes as Zola does: {call}{named}; with a body, {{% {name}(...) %}}...{{% end %}}"
    )
}

/// A Hugo parameter value as a factsite value: quoted text, numbers and booleans kept.
fn value_of(value: &str) -> String {
    let bare = value.parse::<f64>().is_ok() || matches!(value, "true" | "false");
    if value.starts_with('"') || bare {
        value.to_string()
    } else {
        format!("\"{}\"", value.trim_matches('`'))
    }
}

/// The words of a Hugo tag, a quoted value (with its key) counting as one.
fn tokens(inner: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in inner.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                current.push(c);
            }
            c if c.is_whitespace() && !quoted => {
                if !current.is_empty() {
                    tokens.push(std::mem::take(&mut current));
                }
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(text: &str, message: &str, range: Range<usize>, help: &str) {
        let found = error(text, 0);
        assert_eq!(
            (found.message.as_str(), found.range, found.help.as_deref()),
            (message, range, Some(help))
        );
    }

    #[test]
    fn suggests_the_zola_spelling_of_a_hugo_shortcode() {
        case(
            "{{< figure src=\"pic.png\" title=\"A b\" width=300 >}} after",
            "`{{<` is Hugo's shortcode syntax",
            0..50,
            "factsite writes shortcodes as Zola does: {{ figure(src=\"pic.png\", title=\"A b\", width=300) }}; with a body, {% figure(...) %}...{% end %}",
        );
        case(
            "{{< youtube w7Ft2ymGmfc >}}",
            "`{{<` is Hugo's shortcode syntax",
            0..27,
            "factsite writes shortcodes as Zola does: {{ youtube(key=\"w7Ft2ymGmfc\") }} (arguments are named: use the names your template reads); with a body, {% youtube(...) %}...{% end %}",
        );
        case(
            "{{% /notice %}}",
            "`{{%` is Hugo's shortcode syntax",
            0..15,
            "factsite writes shortcodes as Zola does: a body opens with {% notice(...) %} and closes with {% end %}",
        );
        case(
            "{{< ref \"/essays/x.md\" >}}",
            "`{{<` is Hugo's shortcode syntax",
            0..26,
            "link to a page by its file, as in Zola: [text](@/essays/x.md) from `content/`, or a path relative to this file",
        );
        case(
            "{{< unclosed\nline",
            "`{{<` is Hugo's shortcode syntax",
            0..3,
            "factsite writes shortcodes as Zola does: {{ unclosed() }}; with a body, {% unclosed(...) %}...{% end %}",
        );
    }
}
