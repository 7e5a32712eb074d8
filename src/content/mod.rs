//! Pure values read from the site's own files: `site.toml`, front matter, pages, the claim
//! schema, dates, routes (which URL each page gets) and the theme's fingerprinted files.

pub(crate) mod claim;
pub mod config;
pub mod date;
pub mod front_matter;
pub(crate) mod page;
pub(crate) mod routes;
pub(crate) mod spellings;
pub(crate) mod text;
pub(crate) mod theme;
