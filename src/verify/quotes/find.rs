//! Finding a quote in a page's text, part by part around its ellipses, and when it is not
//! there, the passage of the page that shares most of its words.

use std::collections::HashMap;

use super::normalise::{fold, fold_word, fragments};

/// A page's readable text prepared for searching.
#[derive(Debug)]
pub struct Page<'a> {
    /// The words as the page writes them.
    words: Vec<&'a str>,
    /// The folded words joined by single spaces.
    folded: String,
}

/// What the search found for one quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// Every part of the quote is on the page, in order.
    Yes,
    /// A part is not.
    No(Missing),
}

/// The first part of a quote the page does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    /// That part, as the quote writes it.
    pub part: String,
    /// The passage closest to it, when one shares at least a third of its words.
    pub nearest: Option<Passage>,
    /// The most words of the part any passage shares.
    pub best: usize,
    /// How many words the part has.
    pub words: usize,
}

/// A run of the page's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// The words as the page writes them.
    pub text: String,
    /// How many of the quote's words it has.
    pub matched: usize,
}

/// The longest passage shown, in characters.
const PASSAGE_CHARS: usize = 400;

impl<'a> Page<'a> {
    /// Prepares readable text for searching.
    pub fn new(text: &'a str) -> Self {
        let words: Vec<&str> = text.split_whitespace().collect();
        let mut folded = String::with_capacity(text.len());
        for word in &words {
            if !folded.is_empty() {
                folded.push(' ');
            }
            folded.push_str(&fold(word));
        }
        Self { words, folded }
    }

    /// Whether the page has the quote: each part between its ellipses, in order.
    pub fn find(&self, quote: &str) -> Found {
        let mut from = 0;
        for (part, folded) in fragments(quote) {
            match self.folded[from..].find(&folded) {
                Some(at) => from += at + folded.len(),
                None => return Found::No(self.missing(part, &folded)),
            }
        }
        Found::Yes
    }

    fn missing(&self, part: String, folded: &str) -> Missing {
        let wanted: Vec<String> = folded
            .split(' ')
            .map(fold_word)
            .filter(|w| !w.is_empty())
            .collect();
        let (start, best) = self.nearest(&wanted);
        let size = wanted.len().max(1);
        let nearest = (best > 0 && best * 3 >= size).then(|| {
            let end = (start + size).min(self.words.len());
            Passage {
                text: shorten(&self.words[start..end].join(" ")),
                matched: best,
            }
        });
        Missing {
            part,
            nearest,
            best,
            words: wanted.len(),
        }
    }

    /// The start of the window of `wanted.len()` words sharing the most words with
    /// `wanted` (counted with repeats), and how many it shares. One pass over the page.
    fn nearest(&self, wanted: &[String]) -> (usize, usize) {
        let size = wanted.len().max(1);
        let mut need: HashMap<&str, usize> = HashMap::new();
        for word in wanted {
            *need.entry(word.as_str()).or_default() += 1;
        }
        let page: Vec<String> = self.words.iter().map(|w| fold_word(w)).collect();
        let mut have: HashMap<&str, usize> = HashMap::new();
        let (mut shared, mut best, mut best_start) = (0, 0, 0);
        for (i, word) in page.iter().enumerate() {
            let count = have.entry(word.as_str()).or_default();
            if *count < need.get(word.as_str()).copied().unwrap_or(0) {
                shared += 1;
            }
            *count += 1;
            if i >= size {
                let old = page[i - size].as_str();
                let count = have.entry(old).or_default();
                *count -= 1;
                if *count < need.get(old).copied().unwrap_or(0) {
                    shared -= 1;
                }
            }
            if shared > best {
                best = shared;
                best_start = (i + 1).saturating_sub(size);
            }
        }
        (best_start, best)
    }
}

fn shorten(text: &str) -> String {
    if text.chars().count() <= PASSAGE_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(PASSAGE_CHARS).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "Home News\nThe song “Golden” spent seven weeks at No. 1 on the Hot 100, \
                        its longest run.\nIt then fell to No. 2 behind “The Fate of Ophelia.”";

    #[test]
    fn finds_quotes_through_folding() {
        let page = Page::new(PAGE);
        for quote in [
            "The song \"Golden\" spent seven weeks",
            "the song ‘golden’ spent SEVEN weeks at No. 1",
            "its longest run. It then fell",
            "Golden” spent seven … fell to No. 2",
            "spent seven weeks [...] behind &ldquo;The Fate of Ophelia.&rdquo;",
        ] {
            assert_eq!(page.find(quote), Found::Yes, "{quote}");
        }
    }

    #[test]
    fn parts_must_come_in_order() {
        let page = Page::new(PAGE);
        assert!(matches!(
            page.find("fell to No. 2 … spent seven weeks"),
            Found::No(Missing { ref part, .. }) if part == "spent seven weeks"
        ));
    }

    #[test]
    fn shows_the_nearest_passage_of_a_changed_quote() {
        let page = Page::new(PAGE);
        let Found::No(missing) = page.find("“Golden” spent eight weeks at No. 1 on the Hot 100")
        else {
            panic!("the quote changed");
        };
        assert_eq!(missing.words, 11);
        assert_eq!(missing.best, 10);
        assert_eq!(
            missing.nearest,
            Some(Passage {
                text: "“Golden” spent seven weeks at No. 1 on the Hot 100,".to_string(),
                matched: 10
            })
        );
    }

    #[test]
    fn says_when_nothing_is_close() {
        let page = Page::new("Subscribe to read this article. Log in.");
        let Found::No(missing) = page.find("Golden spent eight weeks at No. 1 on the Hot 100")
        else {
            panic!("not there");
        };
        assert_eq!((missing.nearest, missing.best), (None, 0));
    }

    #[test]
    fn an_empty_page_has_only_empty_quotes() {
        assert!(Page::new("").find("x") != Found::Yes);
        assert_eq!(Page::new("").find(" … "), Found::Yes);
    }
}
