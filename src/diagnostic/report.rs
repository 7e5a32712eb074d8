//! Printing errors: located diagnostics with their code frame, then the cause chain.

use crate::diagnostic::{Diagnostic, Diagnostics};

/// The text shown for an error: the diagnostic frame when there is one, then each cause.
pub fn render_error(error: &anyhow::Error) -> String {
    let mut out = String::new();
    for (i, cause) in error.chain().enumerate() {
        if let Some(diagnostic) = cause.downcast_ref::<Diagnostic>() {
            push_block(&mut out, &diagnostic.to_string());
        } else if let Some(diagnostics) = cause.downcast_ref::<Diagnostics>() {
            push_block(&mut out, &diagnostics.to_string());
        } else if i == 0 {
            push_block(&mut out, &format!("error: {cause}"));
        } else {
            push_block(&mut out, &format!("  caused by: {cause}"));
        }
    }
    out
}

fn push_block(out: &mut String, block: &str) {
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(block);
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn prints_the_chain_after_the_message() {
        let error = Err::<(), _>(std::io::Error::other("disk full"))
            .context("failed to write `public/index.html`")
            .unwrap_err();
        assert_eq!(
            render_error(&error),
            "error: failed to write `public/index.html`\n  caused by: disk full"
        );
    }

    #[test]
    fn prints_diagnostics_with_their_frame() {
        let error: anyhow::Error = Diagnostic::at("a.md", "x = 1", 4..5, "bad").into();
        assert_eq!(
            render_error(&error),
            "error: bad\n --> a.md:1:5\n  |\n1 | x = 1\n  |     ^"
        );
    }
}
