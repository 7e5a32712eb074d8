//! Several located errors reported together, the same one counted rather than repeated.

use std::fmt;

use super::Diagnostic;

/// Several located errors found in one pass, reported together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

/// How many errors are shown in full; the rest are counted.
const SHOWN: usize = 50;

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, diagnostic) in self.0.iter().take(SHOWN).enumerate() {
            if i > 0 {
                writeln!(f)?;
                writeln!(f)?;
            }
            write!(f, "{diagnostic}")?;
        }
        if self.0.len() > SHOWN {
            write!(
                f,
                "\n\n... and {} more errors not shown",
                self.0.len() - SHOWN
            )?;
        }
        if self.0.len() > 1 {
            write!(f, "\n\n{} errors", self.0.len())?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// Turns a list of diagnostics into a result: `Ok` when empty.
///
/// The same error reached from several pages (a template error) is reported once, with a
/// note counting the others.
pub fn into_result(diagnostics: Vec<Diagnostic>) -> anyhow::Result<()> {
    let mut diagnostics = dedupe(diagnostics);
    match diagnostics.len() {
        0 => Ok(()),
        1 => Err(diagnostics.remove(0).into()),
        _ => Err(Diagnostics(diagnostics).into()),
    }
}

fn dedupe(diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut out: Vec<(Diagnostic, usize)> = Vec::with_capacity(diagnostics.len());
    for diagnostic in diagnostics {
        let same = out.iter_mut().find(|(seen, _)| {
            seen.location() == diagnostic.location() && seen.message == diagnostic.message
        });
        match same {
            Some((_, count)) => *count += 1,
            None => out.push((diagnostic, 0)),
        }
    }
    out.into_iter()
        .map(|(diagnostic, others)| match others {
            0 => diagnostic,
            n => diagnostic.with_note(format!(
                "the same error occurred {n} more {}",
                if n == 1 { "time" } else { "times" }
            )),
        })
        .collect()
}
