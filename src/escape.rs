//! Escaping for every output context: HTML text and attributes, XML, JSON in a script, CSV.

/// Escapes text for HTML element content and double- or single-quoted attributes.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_html(&mut out, text);
    out
}

/// Appends `text` escaped for HTML to `out`.
pub fn push_html(out: &mut String, text: &str) {
    push_escaped(out, text, |byte| match byte {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&#39;"),
        _ => None,
    });
}

/// Escapes text for the content of an HTML element, never an attribute: `&`, `<` and `>`
/// only, so that quotes stay as they are (the CSL-JSON a page shows has 36 of them, each
/// six bytes as `&quot;`).
pub fn element_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_escaped(&mut out, text, |byte| match byte {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        _ => None,
    });
    out
}

/// Escapes text for XML content and attributes (sitemap, feed, SVG).
///
/// Characters XML 1.0 forbids (most C0 controls) are dropped.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_xml(&mut out, text);
    out
}

/// Appends `text` escaped for XML to `out`, dropping the characters XML 1.0 forbids.
pub fn push_xml(out: &mut String, text: &str) {
    if text.contains(['\u{FFFE}', '\u{FFFF}']) {
        let allowed: String = text
            .chars()
            .filter(|&c| c != '\u{FFFE}' && c != '\u{FFFF}')
            .collect();
        return push_xml(out, &allowed);
    }
    push_escaped(out, text, |byte| match byte {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&apos;"),
        b'\t' | b'\n' | b'\r' => None,
        byte if byte < 0x20 => Some(""),
        _ => None,
    });
}

/// Copies `text` to `out` in runs, replacing each ASCII byte `replace` maps to something.
/// Only ASCII bytes are ever replaced, so every run ends on a character boundary.
fn push_escaped(out: &mut String, text: &str, replace: impl Fn(u8) -> Option<&'static str>) {
    out.reserve(text.len());
    let mut start = 0;
    for (i, &byte) in text.as_bytes().iter().enumerate() {
        if byte >= 0x80 {
            continue;
        }
        if let Some(replacement) = replace(byte) {
            out.push_str(&text[start..i]);
            out.push_str(replacement);
            start = i + 1;
        }
    }
    out.push_str(&text[start..]);
}

/// Serializes a value as JSON that is safe inside an HTML `<script>` element.
///
/// `<`, `>` and `&` become `\u003c`, `\u003e` and `\u0026`, so no text can close the
/// element or open a comment; U+2028 and U+2029 are escaped for old parsers.
pub fn json_for_script(json: &str) -> String {
    // Runs between the bytes to escape are copied whole: every page carries its JSON-LD.
    // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8.
    let mut out = String::with_capacity(json.len() + 16);
    let bytes = json.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        let escaped = match (bytes[i], bytes.get(i + 1..i + 3)) {
            (b'<', _) => Some(("\\u003c", 1)),
            (b'>', _) => Some(("\\u003e", 1)),
            (b'&', _) => Some(("\\u0026", 1)),
            (0xE2, Some([0x80, 0xA8])) => Some(("\\u2028", 3)),
            (0xE2, Some([0x80, 0xA9])) => Some(("\\u2029", 3)),
            _ => None,
        };
        match escaped {
            Some((with, len)) => {
                out.push_str(&json[start..i]);
                out.push_str(with);
                i += len;
                start = i;
            }
            None => i += 1,
        }
    }
    out.push_str(&json[start..]);
    out
}

/// Appends `text` to `out` as one CSV cell (RFC 4180), guarding against spreadsheet formula
/// injection: a cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`.
pub fn push_csv_cell(out: &mut String, text: &str) {
    let guard = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let trimmed = if guard {
        // The leading `'` is the cell's first character, so only the end can be blank.
        text.trim_end().len() == text.len()
    } else {
        text.trim().len() == text.len()
    };
    let quote = !trimmed || text.contains([',', '"', '\n', '\r']);
    if quote {
        out.push('"');
    }
    if guard {
        out.push('\'');
    }
    if quote {
        push_escaped(out, text, |byte| (byte == b'"').then_some("\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

/// Whether a link leaves the site: it has a URL scheme (`https:`, `mailto:`) or is
/// protocol-relative (`//host/x`). Such links are written as they are and not checked.
pub fn has_scheme(dest: &str) -> bool {
    if dest.starts_with("//") {
        return true;
    }
    let Some(colon) = dest.find(':') else {
        return false;
    };
    let scheme = &dest[..colon];
    !scheme.is_empty()
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Percent-encodes a URL path: everything but unreserved characters and `/`.
pub fn url_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    push_percent_encoded(&mut out, path, |byte| {
        byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/')
    });
    out
}

/// Appends `text` to `out` with every byte that `keep` refuses written as `%XX` (upper-case
/// hex, as percent-encoding writes it), byte by byte: links and `data:` URLs on every page
/// pass here, so nothing goes through `format!`.
pub fn push_percent_encoded(out: &mut String, text: &str, keep: impl Fn(u8) -> bool) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in text.bytes() {
        if keep(byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
        }
    }
}

/// Decodes `%XX` escapes in a URL path; `None` if an escape is malformed or not UTF-8.
pub fn url_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = path.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Quotes a string as a JSON string literal.
    fn json_string(text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 2);
        out.push('"');
        for c in text.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
                _ => out.push(c),
            }
        }
        out.push('"');
        out
    }

    /// Quotes one CSV cell (RFC 4180), guarding against spreadsheet formula injection:
    /// a cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`.
    fn csv_cell(text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 2);
        push_csv_cell(&mut out, text);
        out
    }

    #[test]
    fn element_text_escapes_markup_and_keeps_quotes() {
        assert_eq!(
            element_text("</code></pre><script>\"a\" & 'b'"),
            "&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;\"a\" &amp; 'b'"
        );
        assert_eq!(element_text("«ü» &amp;"), "«ü» &amp;amp;");
    }

    #[test]
    fn escapes_html_text_and_attributes() {
        assert_eq!(
            html("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
    }

    #[test]
    fn escapes_xml_and_drops_forbidden_controls() {
        assert_eq!(
            xml("]]> <a href='x'>\u{1}&"),
            "]]&gt; &lt;a href=&apos;x&apos;&gt;&amp;"
        );
    }

    #[test]
    fn escapes_xml_controls_and_noncharacters_among_other_text() {
        assert_eq!(xml("é\u{FFFE}<ü\u{FFFF}\t\u{1F}x"), "é&lt;ü\tx");
        assert_eq!(html("ü'<€>\"&"), "ü&#39;&lt;€&gt;&quot;&amp;");
    }

    proptest::proptest! {
        // The run-based escapers write what escaping each character in turn writes.
        #[test]
        fn escapers_match_a_character_by_character_reference(text in "\\PC*|[<>&'\"\t\n\u{0}-\u{1F}\u{FFFE}\u{FFFF}aé]*") {
            let mut reference_html = String::new();
            let mut reference_xml = String::new();
            for c in text.chars() {
                match c {
                    '&' => { reference_html.push_str("&amp;"); reference_xml.push_str("&amp;") }
                    '<' => { reference_html.push_str("&lt;"); reference_xml.push_str("&lt;") }
                    '>' => { reference_html.push_str("&gt;"); reference_xml.push_str("&gt;") }
                    '"' => { reference_html.push_str("&quot;"); reference_xml.push_str("&quot;") }
                    '\'' => { reference_html.push_str("&#39;"); reference_xml.push_str("&apos;") }
                    '\t' | '\n' | '\r' => { reference_html.push(c); reference_xml.push(c) }
                    c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => reference_html.push(c),
                    c => { reference_html.push(c); reference_xml.push(c) }
                }
            }
            proptest::prop_assert_eq!(html(&text), reference_html);
            proptest::prop_assert_eq!(xml(&text), reference_xml);
        }
    }

    #[test]
    fn keeps_json_inside_script_elements() {
        let json = json_string("</script><!-- & \u{2028}");
        assert_eq!(
            json_for_script(&json),
            "\"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\""
        );
    }

    proptest::proptest! {
        // The byte-wise escaper agrees with the definition character by character, around
        // U+2028, U+2029 and their neighbours U+2027 and U+202A, which share two bytes.
        #[test]
        fn json_for_script_matches_its_definition(text in "[<>&a\"\u{2027}\u{2028}\u{2029}\u{202A}\u{E2}é]*") {
            let reference: String = text
                .chars()
                .map(|c| match c {
                    '<' => "\\u003c".to_string(),
                    '>' => "\\u003e".to_string(),
                    '&' => "\\u0026".to_string(),
                    '\u{2028}' => "\\u2028".to_string(),
                    '\u{2029}' => "\\u2029".to_string(),
                    c => c.to_string(),
                })
                .collect();
            proptest::prop_assert_eq!(json_for_script(&text), reference);
        }
    }

    proptest::proptest! {
        // The appending writer quotes and guards exactly as the original definition does.
        #[test]
        fn csv_cells_match_the_reference_definition(text in "[=+\\-@ \t\r\n,\"a'é]*") {
            let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                format!("'{text}")
            } else {
                text.clone()
            };
            let reference = if guarded.contains([',', '"', '\n', '\r']) || guarded != guarded.trim() {
                format!("\"{}\"", guarded.replace('"', "\"\""))
            } else {
                guarded
            };
            proptest::prop_assert_eq!(csv_cell(&text), reference);
        }
    }

    #[test]
    fn guards_csv_cells() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+1"), "'+1");
        assert_eq!(csv_cell("-1"), "'-1");
        assert_eq!(csv_cell("@sum"), "'@sum");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("81"), "81");
    }

    #[test]
    fn encodes_and_decodes_url_paths() {
        assert_eq!(url_path("/for/über x/"), "/for/%C3%BCber%20x/");
        assert_eq!(
            url_decode("/for/%C3%BCber%20x/").as_deref(),
            Some("/for/über x/")
        );
        assert_eq!(url_decode("/%zz"), None);
        assert_eq!(url_decode("/%ff"), None);
    }
}
