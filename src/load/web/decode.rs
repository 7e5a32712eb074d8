//! Bytes of a fetched page to text, in the character encoding the page declares: a byte
//! order mark, the `charset` of its Content-Type, or a `<meta charset>` near its start.

use encoding_rs::{Encoding, UTF_8};

/// How far into a page a `<meta charset>` is looked for (the HTML standard's prescan
/// reads 1024 bytes).
const PRESCAN: usize = 1024;

/// The page's text. Bytes the encoding cannot decode become U+FFFD; an unknown or missing
/// label means UTF-8.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> String {
    let declared = content_type.and_then(charset_parameter);
    let encoding = Encoding::for_bom(bytes)
        .map(|(encoding, _)| encoding)
        .or_else(|| declared.and_then(|label| Encoding::for_label(label.as_bytes())))
        .or_else(|| meta_charset(&bytes[..bytes.len().min(PRESCAN)]))
        .unwrap_or(UTF_8);
    // `decode` drops the BOM it finds and falls back from a label that cannot be a
    // page's real encoding (UTF-16 declared in a meta tag) as browsers do.
    let (text, _, _) = encoding.decode(bytes);
    text.into_owned()
}

/// `utf-8` from `text/html; charset="UTF-8"`.
fn charset_parameter(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_string())
    })
}

/// The encoding named by `charset=` in the first bytes of a page (`<meta charset="euc-kr">`
/// or `<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">`).
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"charset=") {
        let start = from + at + b"charset=".len();
        let value: Vec<u8> = lower[start..]
            .iter()
            .skip_while(|b| matches!(b, b'"' | b'\'' | b' '))
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
            .copied()
            .collect();
        if let Some(encoding) = Encoding::for_label(&value) {
            return Some(encoding);
        }
        from = start;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_declared_encoding() {
        // "한국" in EUC-KR.
        let korean = [0xC7, 0xD1, 0xB1, 0xB9];
        assert_eq!(decode(&korean, Some("text/html; charset=EUC-KR")), "한국");
        let mut page = b"<html><head><meta charset=\"euc-kr\"></head><body>".to_vec();
        page.extend_from_slice(&korean);
        assert!(decode(&page, Some("text/html")).ends_with("<body>한국"));
        let equiv = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">\x93\xfa\x96\x7b";
        assert!(decode(equiv, None).ends_with("日本"));
    }

    #[test]
    fn defaults_to_utf8_and_honours_a_bom() {
        assert_eq!(decode("é".as_bytes(), None), "é");
        assert_eq!(
            decode(b"\xEF\xBB\xBFhi", Some("text/html; charset=latin1")),
            "hi"
        );
        assert_eq!(
            decode(b"caf\xE9", Some("text/plain; charset=iso-8859-1")),
            "café"
        );
        assert_eq!(
            decode(b"bad \xFF", Some("text/html; charset=nonsense")),
            "bad \u{FFFD}"
        );
    }
}
