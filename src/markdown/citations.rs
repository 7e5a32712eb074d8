//! Citations: `[@id]` becomes a numbered reference to the page's source list.

use std::collections::HashMap;
use std::ops::Range;

use crate::diagnostic::Diagnostic;
use crate::escape;

use super::{Env, Expansion, Locator};

#[derive(Default)]
pub(super) struct Citations {
    numbers: HashMap<String, usize>,
    pub(super) order: Vec<String>,
}

impl Citations {
    pub(super) fn expand(
        &mut self,
        ids: &[(String, Range<usize>)],
        env: &dyn Env,
        locator: Locator<'_>,
    ) -> Result<Expansion, Diagnostic> {
        let mut links = Vec::with_capacity(ids.len());
        for (id, range) in ids {
            env.source(id).map_err(|help| {
                locator
                    .at(range.clone(), format!("unknown source `{id}`"))
                    .with_help(help)
            })?;
            let next = self.order.len() + 1;
            let number = *self.numbers.entry(id.clone()).or_insert(next);
            if number == next {
                self.order.push(id.clone());
            }
            let id = escape::html(id);
            links.push(format!("<a href=\"#ref-{id}\">{number}</a>"));
        }
        Ok(Expansion {
            html: format!("<sup class=\"citation\">[{}]</sup>", links.join(", ")),
            // Citations stay out of heading ids and the table of contents.
            text: String::new(),
            block: false,
            lifts: false,
            files: Vec::new(),
            prose: vec![crate::prose::Piece::Cite(
                ids.iter().map(|(id, _)| id.clone()).collect(),
            )],
            unlinked: None,
        })
    }
}
