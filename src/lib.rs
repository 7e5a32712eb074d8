//! factsite: a static site generator for fact-checked explainers.
//!
//! The pipeline, one folder per stage, reads as `cmd::build`:
//! `load::site` (the disk) -> `verify::site` (claims against the data) -> `render::render`
//! (markdown, shortcodes, charts, templates) -> a `write::Sink` (a fresh directory swapped
//! in at the end, memory for `serve`, or nothing for `check`).

pub(crate) mod chars;
pub(crate) mod chart;
pub mod cli;
pub(crate) mod cmd;
pub mod content;
pub mod data;
pub mod diagnostic;
pub(crate) mod escape;
pub mod load;
pub mod markdown;
pub mod prose;
pub mod render;
pub mod serve;
pub mod shortcodes;
pub mod site;
pub(crate) mod timing;
pub mod typography;
pub mod verify;
pub mod write;
