//! The verbs: each a short orchestration of load, verify, render and write.

pub mod build;
pub mod check;
pub mod new;
