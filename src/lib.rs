//! factsite: a static site generator for fact-checked explainers.
//!
//! The pipeline reads as `Site::load` (disk) -> `render::render` (markdown, data, templates)
//! -> a `Sink` (a fresh directory swapped in at the end, memory, or nothing).

pub mod assets;
pub mod build;
pub mod chart;
pub mod claim;
pub mod cli;
pub mod config;
pub mod data;
pub mod dataset;
pub mod date;
pub mod diagnostic;
pub mod escape;
pub mod feed;
pub mod figures;
pub mod front_matter;
pub mod fs;
pub mod links;
pub mod markdown;
pub mod output;
pub mod page;
pub mod plan;
pub mod render;
pub mod report;
pub mod site;
pub mod sources;
pub mod stats;
pub mod templates;
pub mod urls;
pub mod view;
