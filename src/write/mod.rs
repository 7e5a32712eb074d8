//! Writing the site: sinks for rendered files, the staging directory swapped in at the
//! end, and the guard that refuses a dangerous output directory.

mod fault;
mod guard;
mod remove;
mod sink;
mod staging;

pub use guard::check_output_dir;
pub use remove::remove_tree;
pub use sink::{DirSink, MemorySink, NullSink, OutputFile, Sink};
pub use staging::{Abandoned, MARKER, Staging, abandon_build, recover};
