//! Stats of the audit log (`audit/...`): its date, how many changes it made (of each kind),
//! and the counts the data had before it, kept as history.

use crate::data::audit::{Audit, Kind};

use super::provenance::{self, COUNT_STATS};
use super::{Resolved, Value};

/// The audit stats, for hints and the guide.
pub const AUDIT_STATS: [&str; 4] = ["date", "changes", "changes/KIND", "before/COUNT"];

pub(super) fn stat(audit: Option<&Audit>, parts: &[&str]) -> Result<Resolved, String> {
    let audit = audit.ok_or_else(|| {
        "there is no content/audit.toml: `audit/...` stats come from the audit log".to_string()
    })?;
    let on = audit.date.long();
    let resolved = |value, label: String| Resolved {
        value,
        as_of: Some(audit.date),
        incomplete: false,
        label,
    };
    match parts {
        ["date"] => Ok(resolved(
            Value::Date(audit.date),
            "The date of the audit".to_string(),
        )),
        ["changes"] => Ok(resolved(
            provenance::value(audit.changes.len()),
            format!("Changes made by the audit of {on}"),
        )),
        ["changes", kind] => {
            let kind = Kind::named(kind).ok_or_else(|| {
                let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
                format!(
                    "unknown kind of change `{kind}` (kinds: {})",
                    kinds.join(", ")
                )
            })?;
            Ok(resolved(
                provenance::value(audit.count(kind)),
                format!(
                    "Changes of kind `{}` made by the audit of {on}",
                    kind.name()
                ),
            ))
        }
        ["before", name] => {
            let what = provenance::describe(name).ok_or_else(|| {
                format!(
                    "unknown count `{name}` (counts: {})",
                    COUNT_STATS.map(|(name, _)| name).join(", ")
                )
            })?;
            let count = audit
                .before
                .get(name)
                .ok_or_else(|| format!("`[audit.before]` in {} gives no `{name}`", audit.file))?;
            Ok(resolved(
                provenance::value(count),
                format!("Before the audit of {on}: {what}"),
            ))
        }
        _ => Err(format!(
            "`audit/{}` is not an audit stat (audit stats: {})",
            parts.join("/"),
            AUDIT_STATS.map(|s| format!("audit/{s}")).join(", ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::date::Date;
    use crate::data::audit::{Before, Change, Target};

    fn log() -> Audit {
        let change = |kind| Change {
            date: Date::new(2026, 11, 30).unwrap(),
            target: Target::Figures,
            target_span: 0..0,
            kind,
            what: "W.".into(),
            why: "Y.".into(),
            sources: Vec::new(),
        };
        Audit {
            date: Date::new(2026, 12, 1).unwrap(),
            method: "M.".into(),
            before: Before(vec![("rows", 40)]),
            changes: vec![
                change(Kind::Added),
                change(Kind::Added),
                change(Kind::Verdict),
            ],
            file: "content/audit.toml".into(),
            text: String::new(),
        }
    }

    fn value(parts: &[&str]) -> Result<Value, String> {
        stat(Some(&log()), parts).map(|r| r.value)
    }

    // Prose binds the log's counts, dated by the audit, and every bad path says what exists.
    #[test]
    fn counts_changes_by_kind_and_keeps_the_counts_before() {
        assert_eq!(value(&["changes"]), Ok(Value::Int(3)));
        assert_eq!(value(&["changes", "added"]), Ok(Value::Int(2)));
        assert_eq!(value(&["changes", "removed"]), Ok(Value::Int(0)));
        assert_eq!(value(&["before", "rows"]), Ok(Value::Int(40)));
        assert_eq!(
            value(&["date"]),
            Ok(Value::Date(Date::new(2026, 12, 1).unwrap()))
        );
        assert_eq!(
            stat(Some(&log()), &["changes"]).unwrap().as_of,
            Date::new(2026, 12, 1)
        );
        assert_eq!(
            value(&["before", "stated_rows"]),
            Err("`[audit.before]` in content/audit.toml gives no `stated_rows`".into())
        );
        assert!(
            value(&["changes", "fixed"])
                .unwrap_err()
                .starts_with("unknown kind of change `fixed` (kinds: added, corrected")
        );
        assert!(
            value(&["before", "rowz"])
                .unwrap_err()
                .starts_with("unknown count `rowz` (counts: entries, rows")
        );
        assert!(
            value(&["total"])
                .unwrap_err()
                .starts_with("`audit/total` is not an audit stat")
        );
        assert_eq!(
            stat(None, &["changes"]).map(|r| r.value),
            Err("there is no content/audit.toml: `audit/...` stats come from the audit log".into())
        );
    }
}
