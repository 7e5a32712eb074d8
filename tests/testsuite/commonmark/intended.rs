//! The examples whose HTML is not pulldown-cmark's on purpose, each with its reason.
//!
//! The list is exact: an example listed here that renders as pulldown-cmark renders it
//! fails the test too, so the list cannot go stale.

/// Why an example's HTML differs from pulldown-cmark's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The link checker refuses an empty destination (`[link]()`, `[link](<>)`,
    /// `[foo]: <>`): a link that goes nowhere is a mistake. The error points at the `[`.
    EmptyDestination,
    /// The link resolver writes internal links relative to the page and percent-encodes
    /// them (`/url` becomes `url` on the home page, `(foo)` becomes `%28foo%29`,
    /// `./target.md` becomes `target/`): the same targets, written so they work wherever
    /// the site is served.
    RewrittenUrl,
    /// Footnotes are numbered in the order they are first referenced and listed at the
    /// end of the page with links back to the text; pulldown-cmark leaves each note where
    /// it is defined. What the references and the notes say is the same.
    Footnotes,
}

impl Reason {
    /// A short name for the summary.
    pub fn name(self) -> &'static str {
        match self {
            Self::EmptyDestination => "refused (empty destination)",
            Self::RewrittenUrl => "links rewritten",
            Self::Footnotes => "footnotes gathered",
        }
    }
}

/// Every intended difference, by spec file and example number.
const INTENDED: [(&str, Reason, &[usize]); 3] = [
    (
        "spec.txt",
        Reason::EmptyDestination,
        &[200, 485, 486, 487, 567],
    ),
    (
        "spec.txt",
        Reason::RewrittenUrl,
        &[
            22, 23, 32, 33, 192, 193, 194, 196, 198, 202, 205, 206, 214, 215, 216, 217, 218, 404,
            419, 422, 433, 473, 474, 482, 483, 484, 489, 492, 495, 496, 498, 499, 500, 505, 506,
            507, 509, 510, 512, 514, 515, 516, 517, 518, 519, 521, 522, 527, 528, 529, 530, 531,
            532, 533, 534, 535, 539, 540, 541, 542, 543, 544, 549, 550, 553, 554, 555, 556, 557,
            558, 559, 560, 561, 562, 564, 565, 566, 568, 569, 570, 571, 572, 574, 575, 579, 581,
            582, 583, 584, 585, 586, 587, 588, 589, 591, 593,
        ],
    ),
    (
        "footnotes.txt",
        Reason::Footnotes,
        &[
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 24, 25, 26,
        ],
    ),
];

/// The listed reason for example `number` of `file`, if it has one.
pub fn reason(file: &str, number: usize) -> Option<Reason> {
    INTENDED
        .iter()
        .find(|(f, _, numbers)| *f == file && numbers.contains(&number))
        .map(|(_, reason, _)| *reason)
}
