//! What a written number or a claim check expects of a stat, and whether the data agrees.

use std::fmt;

use crate::content::date::Date;
use crate::data::stats::{Resolved, Value};

use super::number::{Style, format};

/// A comparison a claim check may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `==` (also a bare value).
    Eq,
    /// `!=`.
    Ne,
    /// `<`.
    Lt,
    /// `<=`.
    Le,
    /// `>`.
    Gt,
    /// `>=`.
    Ge,
}

impl Op {
    fn symbol(self) -> &'static str {
        match self {
            Self::Eq => "==",
            Self::Ne => "!=",
            Self::Lt => "<",
            Self::Le => "<=",
            Self::Gt => ">",
            Self::Ge => ">=",
        }
    }
}

/// What the text or a claim check expects of a stat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expect {
    /// How to compare.
    pub op: Op,
    /// The value compared against.
    pub value: Value,
}

impl fmt::Display for Expect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.op {
            Op::Eq => write!(f, "{}", self.value),
            op => write!(f, "{} {}", op.symbol(), self.value),
        }
    }
}

impl Expect {
    /// For readers: `< 20,000,000`, `September 20, 2025`, `off the chart`.
    pub fn pretty(&self) -> String {
        let value = format(self.value, Style::Plain).unwrap_or_else(|_| self.value.to_string());
        match self.op {
            Op::Eq => value,
            op => format!("{} {value}", op.symbol()),
        }
    }

    /// Equality with a value.
    pub fn equals(value: Value) -> Self {
        Self { op: Op::Eq, value }
    }

    /// Parses a claim check's `expect`: a number, a date, `"off"`, or `"<= 3"`-style text.
    pub fn from_toml(value: &toml::Value) -> Result<Self, String> {
        match value {
            toml::Value::Integer(n) => Ok(Self::equals(Value::Int(*n))),
            toml::Value::Datetime(d) => Date::from_toml(d)
                .filter(|_| d.time.is_none())
                .map(|date| Self::equals(Value::Date(date)))
                .ok_or_else(|| format!("`expect` must be a date like 2025-07-05, found {d}")),
            toml::Value::String(text) => Self::parse(text),
            other => Err(format!(
                "`expect` must be a number, a date, \"off\" or a comparison such as \"<= 3\", found {other}"
            )),
        }
    }

    /// Parses `off`, `8`, `2025-08-16`, or a comparison such as `<= 3` or `>= 2025-09-01`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let ops = [
            ("<=", Op::Le),
            (">=", Op::Ge),
            ("==", Op::Eq),
            ("!=", Op::Ne),
            ("<", Op::Lt),
            (">", Op::Gt),
        ];
        let (op, rest) = ops
            .iter()
            .find_map(|(symbol, op)| text.strip_prefix(symbol).map(|rest| (*op, rest.trim())))
            .unwrap_or((Op::Eq, text));
        let value = if rest == "off" {
            Value::Off
        } else if let Some(date) = Date::parse(rest) {
            Value::Date(date)
        } else if let Ok(n) = rest.replace('_', "").parse::<i64>() {
            Value::Int(n)
        } else {
            return Err(format!(
                "cannot read `{text}`: write a number, a date, \"off\", or a comparison such as \"<= 3\""
            ));
        };
        if value == Value::Off && !matches!(op, Op::Eq | Op::Ne) {
            return Err(format!(
                "`{text}`: \"off\" can only be compared with == or !="
            ));
        }
        Ok(Self { op, value })
    }

    /// Whether `actual` satisfies the expectation; `Err` when the kinds cannot be compared.
    pub fn holds(&self, actual: Value) -> Result<bool, String> {
        use std::cmp::Ordering;
        let ordering: Option<Ordering> = match (actual, self.value) {
            (Value::Int(a), Value::Int(b)) => Some(a.cmp(&b)),
            (Value::Date(a), Value::Date(b)) => Some(a.cmp(&b)),
            (Value::Off, Value::Off) => Some(Ordering::Equal),
            (Value::Off, Value::Int(_)) | (Value::Int(_), Value::Off) => None,
            _ => return Err(format!("cannot compare {actual} with {}", self.value)),
        };
        Ok(match (self.op, ordering) {
            (Op::Eq, o) => o == Some(Ordering::Equal),
            (Op::Ne, o) => o != Some(Ordering::Equal),
            (_, None) => false,
            (Op::Lt, Some(o)) => o == Ordering::Less,
            (Op::Le, Some(o)) => o != Ordering::Greater,
            (Op::Gt, Some(o)) => o == Ordering::Greater,
            (Op::Ge, Some(o)) => o != Ordering::Less,
        })
    }
}

/// The sentence explaining a failed check, naming the stat and both values.
pub fn mismatch(path: &str, expect: &Expect, resolved: &Resolved) -> String {
    let as_of = resolved
        .as_of
        .map(|d| format!(", data as of {d}"))
        .unwrap_or_default();
    format!(
        "`{path}` is {} in the data ({}{as_of}), but this expects {expect}",
        resolved.value, resolved.label
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn holds(expect: &str, actual: Value) -> bool {
        Expect::parse(expect).unwrap().holds(actual).unwrap()
    }

    #[test]
    fn parses_and_evaluates_expectations() {
        assert!(holds("8", Value::Int(8)));
        assert!(!holds("8", Value::Int(9)));
        assert!(holds("<= 3", Value::Int(3)));
        assert!(!holds("< 3", Value::Int(3)));
        assert!(holds(">= 9", Value::Int(12)));
        assert!(holds("!= 1", Value::Int(2)));
        assert!(holds("< 20_000_000", Value::Int(19_200_000)));
        assert!(holds("off", Value::Off));
        assert!(!holds("off", Value::Int(4)));
        assert!(!holds("<= 3", Value::Off));
        let date = Date::parse("2025-08-16").unwrap();
        assert!(holds("2025-08-16", Value::Date(date)));
        assert!(holds("< 2025-09-01", Value::Date(date)));
        assert!(Expect::parse("about 8").is_err());
        assert!(Expect::parse("< off").is_err());
        assert!(
            Expect::parse("2025-08-16")
                .unwrap()
                .holds(Value::Int(3))
                .is_err()
        );
    }

    #[test]
    fn reads_toml_expectations() {
        let value: toml::Table =
            toml::from_str("a = 1\nb = 2025-08-16\nc = \"<= 3\"\nd = 1.5").unwrap();
        assert_eq!(Expect::from_toml(&value["a"]).unwrap().to_string(), "1");
        assert_eq!(
            Expect::from_toml(&value["b"]).unwrap().to_string(),
            "2025-08-16"
        );
        assert_eq!(Expect::from_toml(&value["c"]).unwrap().to_string(), "<= 3");
        assert!(Expect::from_toml(&value["d"]).is_err());
    }
}
