//! The integration tests: fixture sites built by the real `factsite` executable.

mod architecture;
mod audit_page;
mod battery;
mod browser;
mod build;
mod charts;
mod cli;
mod commonmark;
mod errors;
mod escaping;
mod facts;
mod fuzz;
mod guarantee;
mod habits;
mod highlight;
mod highlight_css;
mod integrity;
mod new;
mod output_dir;
mod perturb;
mod serve;
mod share;
mod sources;
mod support;
mod theme;
mod zola;
