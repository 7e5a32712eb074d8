//! Checked claims: the `[claim]` table of a page under `content/claims/`, and the verdict scale.

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::content::date::Date;

/// The `[claim]` table: what was said, by whom, and our verdict.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimMeta {
    /// The claim, verbatim.
    pub text: String,
    /// Who made the claim: a plain name (a person's or an organization's). Older sites
    /// wrote role and publication into it too; that still shows, but structured data is
    /// better with them in `claimant_role` and `publication`.
    pub claimant: String,
    /// The claimant's role when they made it ("staff writer"), shown after the name.
    #[serde(default)]
    pub claimant_role: Option<String>,
    /// Where the claim was published ("The Cluster"), shown as "in ..." and given as the
    /// appearance's publisher in structured data.
    #[serde(default)]
    pub publication: Option<String>,
    /// The title of the article or post the claim appeared in, if known.
    #[serde(default)]
    pub appearance_title: Option<String>,
    /// The claim in a few words (under 75 characters) for `claimReviewed` in structured
    /// data and for search results; the full `text` is used when it is not given.
    #[serde(default)]
    pub short: Option<String>,
    /// Whether the claimant is a person or an organization (for ClaimReview markup).
    #[serde(default)]
    pub claimant_kind: ClaimantKind,
    /// When the claim was published, if known.
    #[serde(default)]
    pub claim_date: Option<Date>,
    /// Where the claim can be read, if it is online.
    #[serde(default)]
    pub appearance: Option<String>,
    /// The verdict, on the scale in the methodology.
    pub verdict: Verdict,
    /// The evidence cut-off: the latest data the verdict considers.
    pub as_of: Date,
    /// One sentence a reader can take away.
    #[serde(default)]
    pub summary: Option<String>,
    /// Ids of the sources the verdict rests on.
    #[serde(default)]
    pub sources: Vec<Spanned<String>>,
    /// Checks of the verdict against the data.
    #[serde(default)]
    pub check: Vec<ClaimCheck>,
}

impl ClaimMeta {
    /// Who made the claim, as pages and cards print it: the name, then the role, then
    /// "in" the publication ("Griffin Xu, staff writer, in The Cluster").
    pub fn claimant_line(&self) -> String {
        let mut line = self.claimant.trim().to_string();
        if let Some(role) = self
            .claimant_role
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
        {
            line.push_str(", ");
            line.push_str(role);
        }
        if let Some(publication) = self
            .publication
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            line.push_str(", in ");
            line.push_str(publication);
        }
        line
    }

    /// What `claimReviewed` says: `short` when given, else the claim's words.
    pub fn reviewed(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.text)
    }
}

/// Whether a claimant is a person or an organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ClaimantKind {
    /// A publication, company or other body.
    #[default]
    Organization,
    /// A named person.
    Person,
}

/// One `[[claim.check]]`: a stat and what the verdict expects of it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimCheck {
    /// A stat path such as `hot-100/golden/weeks_at_no1`.
    pub stat: Spanned<String>,
    /// A value (number, date, `"off"`) or a comparison such as `"<= 3"`.
    pub expect: Spanned<toml::Value>,
    /// Why this check supports the verdict.
    #[serde(default)]
    pub note: Option<String>,
}

/// The verdict scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The claim is correct.
    Accurate,
    /// The claim was correct on a stated date, and later data changed it.
    AccurateAsOf,
    /// The claim is literally true but leaves a false impression.
    Misleading,
    /// The claim is wrong.
    Inaccurate,
    /// The available evidence can neither confirm nor refute the claim.
    Unverifiable,
}

impl Verdict {
    /// Every verdict, in the order the claims index groups them.
    pub const ALL: [Self; 5] = [
        Self::Accurate,
        Self::AccurateAsOf,
        Self::Misleading,
        Self::Inaccurate,
        Self::Unverifiable,
    ];

    /// The label shown on the badge.
    pub fn label(self) -> &'static str {
        match self {
            Self::Accurate => "Accurate",
            Self::AccurateAsOf => "Accurate as of date",
            Self::Misleading => "Misleading",
            Self::Inaccurate => "Inaccurate",
            Self::Unverifiable => "Unverifiable",
        }
    }

    /// The machine name, as written in front matter.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Accurate => "accurate",
            Self::AccurateAsOf => "accurate-as-of",
            Self::Misleading => "misleading",
            Self::Inaccurate => "inaccurate",
            Self::Unverifiable => "unverifiable",
        }
    }

    /// A text symbol for the badge, so the verdict never relies on colour alone.
    pub fn symbol(self) -> &'static str {
        match self {
            Self::Accurate => "✓",
            Self::AccurateAsOf => "◷",
            Self::Misleading => "≈",
            Self::Inaccurate => "✗",
            Self::Unverifiable => "?",
        }
    }

    /// The definition from the methodology page.
    pub fn definition(self) -> &'static str {
        match self {
            Self::Accurate => "The claim matches the evidence.",
            Self::AccurateAsOf => {
                "The claim matched the evidence on the date it refers to; later data changed the picture."
            }
            Self::Misleading => {
                "The claim contains accurate elements but leaves a false impression, for example by stretching a fact beyond what it covers."
            }
            Self::Inaccurate => "The claim is contradicted by the evidence.",
            Self::Unverifiable => {
                "We found no reliable evidence that confirms or refutes the claim."
            }
        }
    }

    /// The schema.org rating value on a scale of 1 (worst) to 5 (best): accurate 5,
    /// accurate as of date 4, misleading 2, inaccurate 1. An unverifiable claim has no
    /// number: 3 would read as "half true", and the verdict says nothing about truth. The
    /// mapping is documented in AUTHORING.md and should be on the methodology page.
    pub fn rating_value(self) -> Option<u8> {
        match self {
            Self::Accurate => Some(5),
            Self::AccurateAsOf => Some(4),
            Self::Misleading => Some(2),
            Self::Inaccurate => Some(1),
            Self::Unverifiable => None,
        }
    }
}
