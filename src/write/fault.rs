//! Fault points for the tests of the output swap: `FACTSITE_TEST_KILL_AT=<point>` makes
//! the build kill itself (SIGKILL, no cleanup) at that point, `FACTSITE_TEST_STOP_AT`
//! stops it there (SIGSTOP) until the test sends a signal and SIGCONT, and
//! `FACTSITE_TEST_NO_EXCHANGE=1` makes it swap the output with two renames, as where the
//! kernel has no atomic exchange.
//!
//! They are read in release builds too, the way git honours its `GIT_TEST_*` variables:
//! they can only stop the user's own build at a place a power cut or `kill -9` could, and
//! the tests run the real executable. The points:
//!
//! - `rendered`: the new output is complete, nothing swapped yet;
//! - `moved-aside`: between the two renames of the fallback swap;
//! - `swapped`: the new output in place, the previous one not yet removed;
//! - `removing-old`: part of the previous output removed;
//! - `removing-stale`: part of a killed build's leftover directory removed;
//! - `removing-temp`: part of a failed build's own directory removed.

/// Kills or stops the process here if `FACTSITE_TEST_KILL_AT` or `FACTSITE_TEST_STOP_AT`
/// names this point.
pub fn point(name: &str) {
    use rustix::process::{Signal, getpid, kill_process};
    let named = |variable: &str| std::env::var_os(variable).is_some_and(|at| at == name);
    if named("FACTSITE_TEST_KILL_AT") {
        let _ = kill_process(getpid(), Signal::KILL);
        // SIGKILL cannot be caught; this is never reached.
        std::process::abort();
    }
    if named("FACTSITE_TEST_STOP_AT") {
        let _ = kill_process(getpid(), Signal::STOP);
        // The test sends its signal while the process is stopped, but the handler runs on
        // its own thread: give it the moment it needs, so the signal lands at this point
        // and not, on a loaded machine, after the work it is meant to interrupt.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while !super::staging::INTERRUPTED.load(std::sync::atomic::Ordering::SeqCst)
            && std::time::Instant::now() < deadline
        {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    }
}

/// Whether the swap must use two renames even where an atomic exchange exists.
pub fn no_exchange() -> bool {
    std::env::var_os("FACTSITE_TEST_NO_EXCHANGE").is_some_and(|v| v == "1")
}
