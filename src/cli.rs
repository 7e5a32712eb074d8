//! The command line: `factsite build | serve | check | new`.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};

use crate::cmd::build::{self, BuildOptions};
use crate::cmd::check::{self, CheckOptions, Format, SourcesOptions};
use crate::cmd::new;
use crate::load::web::FetchOptions;
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
    /// Build without writing, then report unused sources, unchecked claims, stale facts,
    /// facts resting on conflicting sources and code in languages factsite cannot
    /// highlight; with --sources, fetch every source and check that its quote is still
    /// there. Errors fail; warnings do not.
    Check(CheckArgs),
}

/// The flags of `factsite check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The site root, holding site.toml.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Include pages marked draft.
    #[arg(long)]
    drafts: bool,
    /// Also fetch every source's url and archive_url (and each claim's appearance) and
    /// check that each quote is still on the page. Off by default: check stays offline.
    #[arg(long)]
    sources: bool,
    /// With --sources: ignore cached answers and fetch everything again.
    #[arg(long, requires = "sources")]
    refresh: bool,
    /// With --sources: use cached answers younger than this (30m, 12h, 7d; 0 = never).
    #[arg(long, default_value = "7d", value_parser = parse_duration)]
    max_age: Duration,
    /// With --sources: requests in flight at once, over all hosts.
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=64))]
    concurrency: u16,
    /// With --sources: requests in flight at once to one host.
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u16).range(1..=16))]
    per_host: u16,
    /// With --sources: the least time between two requests to one host.
    #[arg(long, default_value = "500ms", value_parser = parse_duration)]
    delay: Duration,
    /// With --sources: the longest one request may take, redirects and body included.
    #[arg(long, default_value = "20s", value_parser = parse_duration)]
    timeout: Duration,
    /// How to print the report: text for people, json for CI.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Draw no progress bar.
    #[arg(long)]
    quiet: bool,
    /// List every number in the site's own words and how it is accounted for: bound,
    /// cited (by which source), exempt (a date, a year, a name), marked or unbound.
    #[arg(long)]
    numbers: bool,
}

impl CheckArgs {
    fn options(&self) -> CheckOptions {
        let sources = self.sources.then(|| SourcesOptions {
            fetch: FetchOptions {
                concurrency: usize::from(self.concurrency),
                per_host: usize::from(self.per_host),
                delay: self.delay,
                timeout: self.timeout,
                ..FetchOptions::default()
            },
            max_age: self.max_age,
            refresh: self.refresh,
            progress: !self.quiet,
        });
        CheckOptions {
            root: self.root.clone(),
            drafts: self.drafts,
            sources,
            numbers: self.numbers,
        }
    }
}

/// `500ms`, `20s`, `30m`, `12h`, `7d`, or `0`.
fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a duration such as 500ms, 20s, 30m, 12h or 7d"))?;
    let unit_ms: u64 = match unit {
        "ms" => 1,
        "s" => 1_000,
        "m" => 60_000,
        "h" => 3_600_000,
        "d" => 86_400_000,
        "" if number == 0 => 0,
        _ => {
            return Err(format!(
                "`{text}` has no known unit: use ms, s, m, h or d (500ms, 20s, 30m, 12h, 7d)"
            ));
        }
    };
    Ok(Duration::from_millis(number.saturating_mul(unit_ms)))
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
                match crate::write::abandon_build() {
                    crate::write::Abandoned::Unchanged => {
                        eprintln!("interrupted: the previous output is unchanged");
                    }
                    crate::write::Abandoned::Replaced => eprintln!(
                        "interrupted: the new output is already in place; the rest of the previous one is removed by the next build"
                    ),
                }
                std::process::exit(130);
            });
            let cwd = std::env::current_dir()?;

            let built = build::build(&BuildOptions {
                root,
                output: output.map(|o| cwd.join(o)),
                base_url,
                drafts,
            })?;
            if let Some(warning) = &built.warning {
                eprintln!("warning: {warning}");
            }
            if !quiet {
                for note in &built.notes {
                    eprintln!("warning: {note}");
                }
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
        Command::Check(args) => {
            let report = check::check(&args.options())?;
            check::print(&report, args.format)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_durations() {
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("20s"), Ok(Duration::from_secs(20)));
        assert_eq!(parse_duration("7d"), Ok(Duration::from_secs(7 * 86_400)));
        assert_eq!(parse_duration("0"), Ok(Duration::ZERO));
        assert!(parse_duration("7").unwrap_err().contains("no known unit"));
        assert!(
            parse_duration("soon")
                .unwrap_err()
                .contains("not a duration")
        );
    }
}
