//! The integration tests: fixture sites built by the real `factsite` executable.

mod build;
mod errors;
mod facts;
mod guarantee;
mod new;
mod output_dir;
mod serve;
mod support;
