//! The parser behind [`super::parse`]: names, arguments and literal values, with the byte
//! range of each.

use crate::content::date::Date;

use super::{Arg, ArgValue, SyntaxError, parse};

pub(super) struct Parser<'a> {
    pub(super) text: &'a str,
    pub(super) pos: usize,
}

impl<'a> Parser<'a> {
    pub(super) fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    pub(super) fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    pub(super) fn error(&self, message: &str) -> SyntaxError {
        let width = self.peek().map_or(0, char::len_utf8);
        SyntaxError {
            message: message.to_string(),
            range: self.pos..self.pos + width,
            help: None,
        }
    }

    pub(super) fn skip_space(&mut self) {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start().len();
    }

    pub(super) fn expect(&mut self, c: char, message: &str) -> Result<(), SyntaxError> {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            Ok(())
        } else {
            Err(self.error(message))
        }
    }

    pub(super) fn identifier(&mut self) -> &'a str {
        let rest = self.rest();
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        self.pos += len;
        &rest[..len]
    }

    pub(super) fn arguments(&mut self) -> Result<Vec<Arg>, SyntaxError> {
        let mut args = Vec::new();
        loop {
            self.skip_space();
            if self.peek() == Some(')') {
                self.pos += 1;
                return Ok(args);
            }
            if !args.is_empty() {
                self.expect(',', "expected `,` or `)` after an argument")?;
                self.skip_space();
                if self.peek() == Some(')') {
                    self.pos += 1;
                    return Ok(args);
                }
            }
            args.push(self.argument()?);
        }
    }

    pub(super) fn argument(&mut self) -> Result<Arg, SyntaxError> {
        let save = self.pos;
        let key = self.identifier();
        let mut name = None;
        if !key.is_empty() && !key.starts_with(|c: char| c.is_ascii_digit()) {
            self.skip_space();
            if self.peek() == Some('=') {
                self.pos += 1;
                self.skip_space();
                name = Some(key.to_string());
            } else if key != "true" && key != "false" {
                self.pos = save;
                return Err(self.error(&format!(
                    "expected `=` after `{key}` (text values are written in double quotes)"
                )));
            } else {
                self.pos = save;
            }
        } else {
            self.pos = save;
        }
        let start = self.pos;
        let value = self.value(0)?;
        Ok(Arg {
            name,
            value,
            range: start..self.pos,
            whole: save..self.pos,
        })
    }

    pub(super) fn value(&mut self, depth: usize) -> Result<ArgValue, SyntaxError> {
        match self.peek() {
            Some('"' | '\'' | '`') => self.string().map(ArgValue::Str),
            Some('[') if depth < 8 => self.list(depth),
            Some(c) if c.is_ascii_digit() || c == '-' => self.number(),
            Some(_) => {
                let word = self.identifier();
                match word {
                    "true" => Ok(ArgValue::Bool(true)),
                    "false" => Ok(ArgValue::Bool(false)),
                    _ => {
                        self.pos -= word.len();
                        Err(self.error(
                            "expected a value: \"text\", a number, a date, true, false or [a list]",
                        ))
                    }
                }
            }
            None => Err(self.error("unexpected end of file inside a shortcode")),
        }
    }

    pub(super) fn string(&mut self) -> Result<String, SyntaxError> {
        let start = self.pos;
        // `"text"`, or as Zola also allows, `'text'` and `` `text` ``.
        let quote = self.peek().unwrap_or('"');
        self.pos += 1;
        let mut out = String::new();
        loop {
            let Some(c) = self.peek() else {
                self.pos = start;
                return Err(self.error("this string is never closed"));
            };
            if c == '{'
                && self.rest().starts_with("{{")
                && let Ok(nested) = parse(self.text, self.pos)
            {
                // A shortcode inside a string (a fact in a chart's title) is kept as
                // written, for the shortcode that reads the string to expand.
                out.push_str(&self.text[nested.range.clone()]);
                self.pos = nested.range.end;
                continue;
            }
            self.pos += c.len_utf8();
            match c {
                c if c == quote => return Ok(out),
                '\\' => {
                    let escaped = self.peek();
                    match escaped {
                        Some(q) if q == quote => out.push(q),
                        Some('\\') => out.push('\\'),
                        Some('n') => out.push('\n'),
                        _ => return Err(self.error("unknown escape; use \\\", \\\\ or \\n")),
                    }
                    self.pos += 1;
                }
                _ => out.push(c),
            }
        }
    }

    pub(super) fn list(&mut self, depth: usize) -> Result<ArgValue, SyntaxError> {
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip_space();
            if self.peek() == Some(']') {
                self.pos += 1;
                return Ok(ArgValue::List(items));
            }
            if !items.is_empty() {
                self.expect(',', "expected `,` or `]` in the list")?;
                self.skip_space();
                if self.peek() == Some(']') {
                    self.pos += 1;
                    return Ok(ArgValue::List(items));
                }
            }
            items.push(self.value(depth + 1)?);
        }
    }

    pub(super) fn number(&mut self) -> Result<ArgValue, SyntaxError> {
        let start = self.pos;
        let rest = self.rest();
        let len = rest
            .char_indices()
            .skip(1)
            .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, '_' | '.' | '-')))
            .map_or(rest.len(), |(i, _)| i);
        let word = &rest[..len];
        self.pos += len;
        let invalid = |parser: &Self| SyntaxError {
            message: format!("`{word}` is not a number or a date (dates are written 2025-07-05)"),
            range: start..parser.pos,
            help: None,
        };
        if word.len() == 10 && word.as_bytes()[4] == b'-' && !word.starts_with('-') {
            return Date::parse(word)
                .map(ArgValue::Date)
                .ok_or_else(|| invalid(self));
        }
        let digits = word.replace('_', "");
        let unsigned = digits.strip_prefix('-').unwrap_or(&digits);
        let well_formed = !unsigned.is_empty()
            && !unsigned.starts_with('.')
            && !unsigned.ends_with('.')
            && unsigned.matches('.').count() <= 1
            && unsigned.chars().all(|c| c.is_ascii_digit() || c == '.')
            && !word.contains("__")
            && !word.ends_with('_');
        if !well_formed {
            return Err(invalid(self));
        }
        if digits.contains('.') {
            Ok(ArgValue::Decimal(digits))
        } else {
            digits.parse().map(ArgValue::Int).map_err(|_| invalid(self))
        }
    }
}
