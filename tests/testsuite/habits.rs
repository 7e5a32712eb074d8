//! Habits from Zola and Hugo that work as they do there: taxonomies, aliases, `static/`,
//! page bundles, `sort_by` and `paginate_by`.

mod aliases;
mod bundles;
pub mod cached;
mod listing;
mod statics;
mod taxonomies;
