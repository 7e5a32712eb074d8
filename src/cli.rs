//! The command line: `factsite build | serve | check | new`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::cmd::build::{self, BuildOptions};
use crate::cmd::check::{self, CheckOptions};
use crate::cmd::new;
use crate::render::plural;
use crate::serve::{self, ServeOptions};

/// A static site generator for fact-checked explainers.
#[derive(Debug, Parser)]
#[command(name = "factsite", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output directory (public/ by default).
    Build {
        /// The site root, holding site.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site (default: output_dir from site.toml).
        #[arg(long)]
        output: Option<PathBuf>,
        /// The absolute URL the site will be published at (overrides base_url).
        #[arg(long)]
        base_url: Option<String>,
        /// Include pages marked draft.
        #[arg(long)]
        drafts: bool,
        /// Print nothing on success.
        #[arg(long)]
        quiet: bool,
    },
    /// Build in memory, serve on loopback, rebuild on every save and reload open pages.
    Serve {
        /// The site root, holding site.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The port (default 1111, or a free port if 1111 is busy; 0 picks a free port).
        #[arg(long)]
        port: Option<u16>,
        /// The interface to listen on.
        #[arg(long, default_value = "127.0.0.1")]
        interface: String,
        /// Open the site in a browser.
        #[arg(long)]
        open: bool,
        /// Include pages marked draft.
        #[arg(long)]
        drafts: bool,
    },
    /// Create a small working explainer in a new directory.
    New {
        /// The directory to create (it must not exist, or be empty).
        dir: PathBuf,
    },
    /// Build without writing, then report unused sources, unchecked claims, stale facts
    /// and facts resting on conflicting sources. Errors fail; warnings do not.
    Check {
        /// The site root, holding site.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Include pages marked draft.
        #[arg(long)]
        drafts: bool,
        /// List every number in the site's own words and how it is accounted for:
        /// bound, cited (by which source), exempt (a date, a year, a name), marked or unbound.
        #[arg(long)]
        numbers: bool,
    },
}

/// Parses the arguments and runs the command.
pub fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
            quiet,
        } => {
            // Ctrl-C or SIGTERM mid-build: remove the half-built directory, keep the old output.
            let _ = ctrlc::set_handler(|| {
                crate::write::abandon_build();
                eprintln!("interrupted: the previous output is unchanged");
                std::process::exit(130);
            });
            let cwd = std::env::current_dir()?;

            let built = build::build(&BuildOptions {
                root,
                output: output.map(|o| cwd.join(o)),
                base_url,
                drafts,
            })?;
            if !quiet {
                println!("{}", built.summary());
            }
            Ok(())
        }
        Command::Serve {
            root,
            port,
            interface,
            open,
            drafts,
        } => serve::serve(&ServeOptions {
            root,
            port,
            interface,
            open,
            drafts,
        }),
        Command::New { dir } => {
            let written = new::new_site(&dir)?;
            println!("Created {} files in {}", written.len(), dir.display());
            println!("Next: cd {} && factsite serve", dir.display());
            Ok(())
        }
        Command::Check {
            root,
            drafts,
            numbers,
        } => {
            let report = check::check(&CheckOptions {
                root,
                drafts,
                numbers,
            })?;
            for warning in &report.warnings {
                eprintln!("{}\n", warning.as_warning());
            }
            for line in &report.number_list {
                println!("{line}");
            }
            println!(
                "Checked {}: no errors, {} {}",
                report.outcome.counts(),
                report.warnings.len(),
                plural(report.warnings.len(), "warning")
            );
            if numbers || report.numbers.unbound > 0 {
                println!("Numbers: {}", report.numbers.line());
            }
            Ok(())
        }
    }
}
