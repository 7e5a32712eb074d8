//! The shortcode call syntax: `{{ name(positional, key="value", list=["a", "b"]) }}`, and the
//! opening tag of a shortcode with a body, `{% name(key="value") %}`.

use std::fmt;
use std::ops::Range;

use crate::content::date::Date;

mod hugo;
mod parser;

use parser::Parser;

/// A parsed shortcode call. Ranges are byte offsets in the text that was scanned.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    /// The shortcode's name.
    pub name: String,
    /// Where the name is.
    pub name_range: Range<usize>,
    /// The arguments in order.
    pub args: Vec<Arg>,
    /// The whole call, from `{{` to `}}`, or from `{%` to the end of its `{% end %}`.
    pub range: Range<usize>,
    /// The body of `{% name(...) %}body{% end %}`, as written (without the line break
    /// after the opening tag and the white space before `{% end %}`).
    pub body: Option<Range<usize>>,
}

/// One argument, named (`key=value`) or positional.
#[derive(Debug, Clone, PartialEq)]
pub struct Arg {
    /// The key, for named arguments.
    pub name: Option<String>,
    /// The value.
    pub value: ArgValue,
    /// Where the value is.
    pub range: Range<usize>,
    /// Where the whole argument is, key included.
    pub whole: Range<usize>,
}

/// A literal argument value.
#[derive(Debug, Clone, PartialEq)]
pub enum ArgValue {
    /// `"text"`.
    Str(String),
    /// `12`, `-3`, `1_000`.
    Int(i64),
    /// `2.5`: kept as written, so decimal values compare exactly.
    Decimal(String),
    /// `true` or `false`.
    Bool(bool),
    /// `2025-07-05`.
    Date(Date),
    /// `["a", "b"]`.
    List(Vec<ArgValue>),
}

impl ArgValue {
    /// The kind of value, for error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Str(_) => "a string",
            Self::Int(_) => "an integer",
            Self::Decimal(_) => "a decimal number",
            Self::Bool(_) => "a boolean",
            Self::Date(_) => "a date",
            Self::List(_) => "a list",
        }
    }
}

impl fmt::Display for ArgValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Str(s) => write!(f, "{s:?}"),
            Self::Int(n) => write!(f, "{n}"),
            Self::Decimal(d) => write!(f, "{d}"),
            Self::Bool(b) => write!(f, "{b}"),
            Self::Date(d) => write!(f, "{d}"),
            Self::List(items) => {
                write!(f, "[")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        write!(f, ", ")?;
                    }
                    write!(f, "{item}")?;
                }
                write!(f, "]")
            }
        }
    }
}

/// A syntax error at a byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// What is wrong.
    pub message: String,
    /// Where.
    pub range: Range<usize>,
    /// How to write it instead, when the mistake is a known one (Hugo's `{{< name >}}`).
    pub help: Option<String>,
}

/// Parses the call that starts with `{{` (or the opening tag that starts with `{%`) at
/// `start` in `text`. The body of a `{%` tag is for the scanner to find.
pub fn parse(text: &str, start: usize) -> Result<Call, SyntaxError> {
    let (open, close) = if text[start..].starts_with("{%") {
        ("{%", "%}")
    } else {
        ("{{", "}}")
    };
    if open == "{{" && text[start + 2..].starts_with(['<', '%']) {
        return Err(hugo::error(text, start));
    }
    let mut parser = Parser {
        text,
        pos: start + 2,
    };
    parser.skip_space();
    let name_start = parser.pos;
    let name = parser.identifier();
    if name.is_empty() {
        return Err(parser.error(&format!("expected a shortcode name after `{open}`")));
    }
    let name_range = name_start..parser.pos;
    parser.skip_space();
    parser.expect('(', &format!("expected `(` after `{name}`"))?;
    let args = parser.arguments()?;
    parser.skip_space();
    if !parser.rest().starts_with(close) {
        return Err(parser.error(&format!("expected `{close}` to close the shortcode")));
    }
    parser.pos += 2;
    Ok(Call {
        name: name.to_string(),
        name_range,
        args,
        range: start..parser.pos,
        body: None,
    })
}

/// A string argument as written (between its quotes) with its escapes resolved.
pub fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn ok(text: &str) -> Call {
        parse(text, 0).unwrap_or_else(|e| panic!("{text}: {e:?}"))
    }

    #[track_caller]
    fn err(text: &str) -> (String, Range<usize>) {
        let e = parse(text, 0).unwrap_err();
        (e.message, e.range)
    }

    #[test]
    fn parses_named_positional_and_list_arguments() {
        let call = ok(
            "{{ chart(data=\"hot-100\", entries=[\"golden\", \"soda-pop\"], from=2025-07-05) }} tail",
        );
        assert_eq!(call.name, "chart");
        assert_eq!(call.range, 0..76);
        assert_eq!(call.args[0].name.as_deref(), Some("data"));
        assert_eq!(call.args[0].value, ArgValue::Str("hot-100".into()));
        assert_eq!(call.args[1].value.to_string(), "[\"golden\", \"soda-pop\"]");
        assert_eq!(
            call.args[2].value,
            ArgValue::Date(Date::parse("2025-07-05").unwrap())
        );
        // Zola's other quotes: 'text' and `text`, each escaping only itself.
        let quoted = ok("{{ q(a='it\\'s \"so\"', b=`x'y`) }}");
        assert_eq!(quoted.args[0].value, ArgValue::Str("it's \"so\"".into()));
        assert_eq!(quoted.args[1].value, ArgValue::Str("x'y".into()));
        let fact = ok("{{fact(8, \"hot-100/golden/weeks_at_no1\")}}");
        assert_eq!(
            fact.args[0],
            Arg {
                name: None,
                value: ArgValue::Int(8),
                range: 7..8,
                whole: 7..8
            }
        );
        assert_eq!(
            ok("{{ f(1_000, -2, 19.2, true,) }}")
                .args
                .iter()
                .map(|a| a.value.to_string())
                .collect::<Vec<_>>(),
            ["1000", "-2", "19.2", "true"]
        );
        assert_eq!(
            ok("{{ f(s=\"a \\\"q\\\" \\\\ b\") }}").args[0].value,
            ArgValue::Str("a \"q\" \\ b".into())
        );
        assert_eq!(ok("{{ f(\n  a=1,\n  b=2\n) }}").args.len(), 2);
        let nested = ok("{{ chart(title=\"No. {{ fact(2, \"c/e/peak\") }} for \\\"G\\\"\") }}");
        assert_eq!(
            nested.args[0].value,
            ArgValue::Str("No. {{ fact(2, \"c/e/peak\") }} for \"G\"".into())
        );
        assert_eq!(unescape("a \\\"b\\\" \\\\ c\\n"), "a \"b\" \\ c\n");
    }

    #[test]
    fn reports_syntax_errors_at_the_offending_character() {
        assert_eq!(
            err("{{ }}"),
            ("expected a shortcode name after `{{`".into(), 3..4)
        );
        assert_eq!(
            err("{{ stat }}"),
            ("expected `(` after `stat`".into(), 8..9)
        );
        assert_eq!(err("{{ stat(chart=hot) }}").1, 14..15);
        assert_eq!(
            err("{{ stat(a=\"x) }}"),
            ("this string is never closed".into(), 10..11)
        );
        assert_eq!(
            err("{{ stat(a=1 b=2) }}").0,
            "expected `,` or `)` after an argument"
        );
        assert_eq!(
            err("{{ stat(a=1)"),
            ("expected `}}` to close the shortcode".into(), 12..12)
        );
        assert_eq!(
            err("{{ f(2025-02-30) }}").0,
            "`2025-02-30` is not a number or a date (dates are written 2025-07-05)"
        );
        assert_eq!(err("{{ f(1.2.3) }}").1, 5..10);
        assert_eq!(
            err("{{ f(chart) }}").0,
            "expected `=` after `chart` (text values are written in double quotes)"
        );
    }

    #[test]
    fn refuses_deeply_nested_lists() {
        let text = format!("{{{{ f({}) }}}}", "[".repeat(50));
        assert!(parse(&text, 0).is_err());
    }
}
