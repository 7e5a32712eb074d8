//! The event stream around pulldown-cmark: parser options, the code ranges where shortcodes
//! are literal text, joined text events and the word count.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::content::config::MarkdownOptions;

pub(super) fn parser_options(options: &MarkdownOptions) -> Options {
    let mut flags = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    if options.smart_punctuation {
        flags |= Options::ENABLE_SMART_PUNCTUATION;
    }
    flags
}

/// Whether a body could hold inline code or a code block: backticks, a `~~~` fence, or an
/// indented line. Without any, the extra parse that finds code is skipped.
pub(super) fn may_hold_code(body: &str) -> bool {
    body.contains('`')
        || body.contains("~~~")
        || body
            .lines()
            .any(|line| line.starts_with("    ") || line.starts_with('\t'))
}

/// Byte ranges (file offsets) of inline code and code blocks, where shortcodes are text.
pub(super) fn code_ranges(body: &str, options: Options, offset: usize) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let code = matches!(event, Event::Code(_) | Event::Start(Tag::CodeBlock(_)));
        if code
            && ranges
                .last()
                .is_none_or(|last| last.end <= range.start + offset)
        {
            ranges.push(range.start + offset..range.end + offset);
        }
    }
    ranges
}

/// Joins adjacent text events, so a placeholder is never split across two of them.
pub(super) fn merge_text<'a>(
    events: impl Iterator<Item = (Event<'a>, Range<usize>)>,
) -> Vec<(Event<'a>, Range<usize>)> {
    let mut out: Vec<(Event<'a>, Range<usize>)> = Vec::new();
    // Text being joined: smart punctuation splits a paragraph's text at every quote mark, so
    // the pieces are appended to one buffer rather than copied into a new string each time.
    let mut joined: Option<String> = None;
    for (event, range) in events {
        if let (Event::Text(text), Some((Event::Text(previous), previous_range))) =
            (&event, out.last_mut())
        {
            let buffer = joined.get_or_insert_with(|| previous.to_string());
            buffer.push_str(text);
            previous_range.end = range.end;
            continue;
        }
        if let (Some(buffer), Some((previous, _))) = (joined.take(), out.last_mut()) {
            *previous = Event::Text(buffer.into());
        }
        out.push((event, range));
    }
    if let (Some(buffer), Some((previous, _))) = (joined.take(), out.last_mut()) {
        *previous = Event::Text(buffer.into());
    }
    out
}

/// Words in a text, as `split_whitespace` counts them; ASCII text is counted byte by byte.
pub(super) fn count_words(text: &str) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().count();
    }
    // A word starts at a byte that is not a space after one that is (or at the start).
    // Written without a branch per byte so that the compiler vectorises it: every text
    // event of every page is counted.
    let bytes = text.as_bytes();
    let Some(&first) = bytes.first() else {
        return 0;
    };
    let mut starts = usize::from(!is_space(first));
    // In blocks of 64 pairs, counted in a byte: the form the compiler vectorises.
    for (before, after) in bytes.chunks(64).zip(bytes[1..].chunks(64)) {
        let mut block: u8 = 0;
        for (&before, &byte) in before.iter().zip(after) {
            block += u8::from(is_space(before) & !is_space(byte));
        }
        starts += usize::from(block);
    }
    starts
}

/// Whitespace as `split_whitespace` sees it in ASCII: space, and tab to carriage return
/// (`\t`, `\n`, vertical tab, form feed, `\r`).
fn is_space(byte: u8) -> bool {
    (byte == b' ') | (byte.wrapping_sub(b'\t') < 5)
}
