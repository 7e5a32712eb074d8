//! The integration tests: fixture sites built by the real `factsite` executable.

mod battery;
mod browser;
mod build;
mod cli;
mod commonmark;
mod errors;
mod escaping;
mod facts;
mod fuzz;
mod guarantee;
mod new;
mod output_dir;
mod perturb;
mod serve;
mod sources;
mod support;
mod theme;
