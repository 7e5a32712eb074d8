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
    /// Who made the claim, and where.
    pub claimant: String,
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

    /// The schema.org rating value (5 = best), documented on the methodology page.
    pub fn rating_value(self) -> u8 {
        match self {
            Self::Accurate => 5,
            Self::AccurateAsOf => 4,
            Self::Misleading => 2,
            Self::Inaccurate => 1,
            Self::Unverifiable => 3,
        }
    }
}
