//! factsite: a static site generator for fact-checked explainers.
//!
//! The pipeline reads as `Site::load` (disk) -> `render::render` (markdown, data, templates)
//! -> a `Sink` (a fresh directory swapped in at the end, memory, or nothing).

pub mod assets;
pub mod build;
pub mod chart;
pub mod chart_pages;
pub mod check;
pub mod claim;
pub mod cli;
pub mod config;
pub mod context;
pub mod data;
pub mod dataset;
pub mod date;
pub mod diagnostic;
pub mod escape;
pub mod facts;
pub mod feed;
pub mod figures;
pub mod front_matter;
pub mod fs;
pub mod json_ld;
pub mod links;
pub mod markdown;
pub mod output;
pub mod page;
pub mod perturb;
pub mod plan;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod serve;
pub mod shortcodes;
pub mod site;
pub mod sources;
pub mod stats;
pub mod templates;
pub mod timing;
pub mod urls;
pub mod view;
