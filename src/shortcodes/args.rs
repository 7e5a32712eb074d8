//! A shortcode call's arguments, read by name or position and type-checked, with a located
//! error for any argument nobody read.

use std::ops::Range;

use crate::diagnostic::Diagnostic;
use crate::markdown::Locator;
use crate::markdown::call::{Arg, ArgValue, Call};
use crate::verify::number::Style;

/// The arguments of one call, with the ones already read marked.
pub struct Args<'a> {
    call: &'a Call,
    at: Locator<'a>,
    used: Vec<bool>,
}

impl<'a> Args<'a> {
    /// Wraps a call's arguments.
    pub fn new(call: &'a Call, at: Locator<'a>) -> Self {
        Self {
            call,
            at,
            used: vec![false; call.args.len()],
        }
    }

    /// A located error at a range of the file.
    pub fn error(&self, range: Range<usize>, message: impl Into<String>) -> Diagnostic {
        self.at.at(range, message)
    }

    /// A located error at the shortcode's name.
    pub fn error_at_call(&self, message: impl Into<String>) -> Diagnostic {
        self.at.at(self.call.name_range.clone(), message)
    }

    /// The named argument `name`, if given.
    pub fn named(&mut self, name: &str) -> Option<&'a Arg> {
        let index = self
            .call
            .args
            .iter()
            .position(|a| a.name.as_deref() == Some(name))?;
        self.used[index] = true;
        Some(&self.call.args[index])
    }

    /// The `n`-th positional argument, if given.
    pub fn positional(&mut self, n: usize) -> Option<&'a Arg> {
        let index = self
            .call
            .args
            .iter()
            .enumerate()
            .filter(|(_, a)| a.name.is_none())
            .nth(n)?
            .0;
        self.used[index] = true;
        Some(&self.call.args[index])
    }

    /// A string argument by name.
    pub fn string(&mut self, name: &str) -> Result<Option<(&'a str, Range<usize>)>, Diagnostic> {
        match self.named(name) {
            None => Ok(None),
            Some(Arg {
                value: ArgValue::Str(s),
                range,
                ..
            }) => Ok(Some((s.as_str(), range.clone()))),
            Some(arg) => Err(self.error(
                arg.range.clone(),
                format!(
                    "`{name}` must be text in double quotes, found {}",
                    arg.value.kind()
                ),
            )),
        }
    }

    /// A required string argument by name.
    pub fn required_string(&mut self, name: &str) -> Result<(&'a str, Range<usize>), Diagnostic> {
        self.string(name)?.ok_or_else(|| {
            self.error_at_call(format!("`{}` needs `{name}=\"...\"`", self.call.name))
        })
    }

    /// Errors for arguments nobody read: unknown names or extra positional values.
    pub fn finish(self, known: &[&str]) -> Result<(), Diagnostic> {
        for (arg, used) in self.call.args.iter().zip(&self.used) {
            if !used {
                let what = arg.name.as_deref().map_or_else(
                    || "extra argument".to_string(),
                    |n| format!("unknown argument `{n}`"),
                );
                return Err(self
                    .at
                    .at(
                        arg.whole.clone(),
                        format!("{what} for `{}`", self.call.name),
                    )
                    .with_help(format!("`{}` takes: {}", self.call.name, known.join(", "))));
            }
        }
        Ok(())
    }
}

/// The optional `style` argument: how a number is written.
pub(super) fn style(args: &mut Args<'_>) -> Result<Style, Diagnostic> {
    match args.string("style")? {
        Some((style, range)) => Style::parse(style).map_err(|m| args.error(range, m)),
        None => Ok(Style::Plain),
    }
}
