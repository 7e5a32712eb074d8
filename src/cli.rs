//! The command line: `factsite build | serve | check | init`, with the flags a Zola or
//! Hugo user reaches for (`-r`, `-o`, `-u`, `-p`, `-i`).

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
    /// The site root, holding site.toml (default: the current directory). Before or
    /// after the subcommand.
    #[arg(short, long, global = true, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output directory (public/ by default).
    Build(BuildArgs),
    /// Build in memory, serve on loopback, rebuild on every save and reload open pages.
    Serve(ServeArgs),
    /// Create a small working explainer in a new or empty directory.
    #[command(visible_alias = "new")]
    Init {
        /// The directory to create (default: the current directory, or --root); it must
        /// not exist, or be empty.
        #[arg(value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Build without writing, then report unused sources, unchecked claims, stale facts,
    /// facts resting on conflicting sources and code in languages factsite cannot
    /// highlight; with --sources, fetch every source and check that its quote is still
    /// there. Errors fail; warnings do not.
    Check(CheckArgs),
}

/// The flags of `factsite build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Where to write the site, relative to the current directory (default: output_dir
    /// from site.toml).
    #[arg(
        short = 'o',
        long = "output-dir",
        visible_alias = "output",
        value_name = "DIR"
    )]
    output_dir: Option<PathBuf>,
    /// The absolute URL the site will be published at (replaces base_url).
    #[arg(short = 'u', long, value_name = "URL")]
    base_url: Option<String>,
    /// Include pages marked draft.
    #[arg(long)]
    drafts: bool,
    /// Print nothing on success.
    #[arg(long)]
    quiet: bool,
}

/// The flags of `factsite serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The port (default 1111, or the next free one if 1111 is busy; 0 picks any free port).
    #[arg(short, long)]
    port: Option<u16>,
    /// The interface to listen on (0.0.0.0 for every interface).
    #[arg(short, long, default_value = "127.0.0.1", value_name = "ADDR")]
    interface: String,
    /// The address the served pages' absolute URLs use (feeds, sitemap, canonical links),
    /// such as this machine's name on the network: `-u 192.168.1.20` gives
    /// http://192.168.1.20:PORT/ (default: http://ADDR:PORT/). No path: serve serves from /.
    #[arg(short = 'u', long, value_name = "URL")]
    base_url: Option<String>,
    /// With --base-url: do not add the port to it (behind a proxy on 80 or 443).
    #[arg(long, requires = "base_url")]
    no_port_append: bool,
    /// Open the site in a browser.
    #[arg(short = 'O', long)]
    open: bool,
    /// Include pages marked draft.
    #[arg(long)]
    drafts: bool,
}

/// The flags of `factsite check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
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
    fn options(&self, root: PathBuf) -> CheckOptions {
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
            root,
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
    let root = cli.root.clone().unwrap_or_else(|| PathBuf::from("."));
    match cli.command {
        Command::Build(args) => run_build(root, args),
        Command::Serve(args) => serve::serve(&ServeOptions {
            root,
            port: args.port,
            interface: args.interface,
            base_url: args.base_url,
            port_append: !args.no_port_append,
            open: args.open,
            drafts: args.drafts,
        }),
        Command::Init { dir } => run_init(cli.root, dir),
        Command::Check(args) => {
            let report = check::check(&args.options(root))?;
            check::print(&report, args.format)
        }
    }
}

fn run_build(root: PathBuf, args: BuildArgs) -> anyhow::Result<()> {
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
        output: args.output_dir.map(|o| cwd.join(o)),
        base_url: args.base_url,
        drafts: args.drafts,
    })?;
    if let Some(warning) = &built.warning {
        eprintln!("warning: {warning}");
    }
    if !args.quiet {
        for note in &built.notes {
            eprintln!("warning: {note}");
        }
        println!("{}", built.summary());
    }
    Ok(())
}

/// `factsite init [DIR]`: DIR, or the `--root` directory, or the current one.
fn run_init(root: Option<PathBuf>, dir: Option<PathBuf>) -> anyhow::Result<()> {
    let dir = match (root, dir) {
        (Some(root), Some(dir)) => anyhow::bail!(
            "both --root `{}` and DIR `{}` name the directory to create\nhelp: give it once: `factsite init DIR`",
            root.display(),
            dir.display()
        ),
        (Some(dir), None) | (None, Some(dir)) => dir,
        (None, None) => PathBuf::from("."),
    };
    let written = new::new_site(&dir)?;
    for line in new::summary(&dir, &written) {
        println!("{line}");
    }
    Ok(())
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
