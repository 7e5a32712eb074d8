//! The `factsite` command: parse arguments, run, print any error chain once, exit non-zero.

fn main() {
    if let Err(error) = factsite::cli::run() {
        eprintln!("{}", factsite::diagnostic::report::render_error(&error));
        std::process::exit(1);
    }
}
