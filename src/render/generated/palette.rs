//! The theme's colours as the files drawn outside a page see them (social cards, chart
//! downloads): the custom properties of the first `:root` block of `style.css`, its light
//! theme, so that a card's badge and a download's lines look as on the page.

use std::collections::HashMap;

use crate::content::theme::Assets;

/// Custom properties of `style.css`, by name without the `--`.
#[derive(Debug, Clone, Default)]
pub struct Palette {
    vars: HashMap<String, String>,
}

impl Palette {
    /// The palette of the site's `style.css` (the built-in one unless the site has its own).
    pub fn of(assets: &Assets) -> Self {
        let css = assets
            .get("style.css")
            .map(|a| String::from_utf8_lossy(&a.bytes).into_owned())
            .unwrap_or_default();
        Self::parse(&css)
    }

    /// The custom properties of the first `:root { ... }` block of `css`.
    pub fn parse(css: &str) -> Self {
        let css = strip_comments(css);
        let mut vars = HashMap::new();
        if let Some(start) = css.find(":root")
            && let Some(open) = css[start..].find('{')
        {
            let body = &css[start + open + 1..];
            let body = &body[..body.find('}').unwrap_or(body.len())];
            for declaration in body.split(';') {
                if let Some((name, value)) = declaration.split_once(':')
                    && let Some(name) = name.trim().strip_prefix("--")
                {
                    vars.insert(name.to_string(), value.trim().to_string());
                }
            }
        }
        Self { vars }
    }

    /// The colour `--name`, or `fallback` when the theme does not set it to a plain colour
    /// (`#hex`, `rgb()`, `rgba()`, a name): nothing else is ever written into a picture.
    pub fn colour(&self, name: &str, fallback: &str) -> String {
        self.vars
            .get(name)
            .filter(|value| is_colour(value))
            .cloned()
            .unwrap_or_else(|| fallback.to_string())
    }
}

/// Whether `value` is a colour a picture may carry as it is.
pub fn is_colour(value: &str) -> bool {
    let value = value.trim();
    if let Some(hex) = value.strip_prefix('#') {
        return matches!(hex.len(), 3 | 4 | 6 | 8) && hex.chars().all(|c| c.is_ascii_hexdigit());
    }
    if let Some(args) = value
        .strip_prefix("rgba(")
        .or_else(|| value.strip_prefix("rgb("))
        .and_then(|rest| rest.strip_suffix(')'))
    {
        return args
            .chars()
            .all(|c| c.is_ascii_digit() || " ,.%/".contains(c));
    }
    !value.is_empty() && value.chars().all(|c| c.is_ascii_alphabetic())
}

/// `css` without its `/* ... */` comments.
pub fn strip_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // The light theme's properties are read; the dark theme's and anything that is not a
    // plain colour are not.
    #[test]
    fn reads_the_light_theme_colours() {
        let palette = Palette::parse(
            "/* x */ :root { --bg: #fdfcf9; --bad: url(x); --a: rgb(1, 2, 3); }\n\
             @media (prefers-color-scheme: dark) { :root { --bg: #141518; } }",
        );
        assert_eq!(palette.colour("bg", "#fff"), "#fdfcf9");
        assert_eq!(palette.colour("bad", "#fff"), "#fff");
        assert_eq!(palette.colour("a", "#fff"), "rgb(1, 2, 3)");
        assert_eq!(palette.colour("missing", "#000"), "#000");
        assert!(!is_colour("red\" onload=\"x"));
    }
}
