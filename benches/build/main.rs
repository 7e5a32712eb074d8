//! The benchmark harness: builds a generated site with factsite, with a bare
//! pulldown-cmark "floor" and, when installed, with Hugo, in the same run; then times the
//! flagship's cold build and single-page edits under `factsite serve`. The full builds run
//! in interleaved rounds (factsite, factsite with its default theme, floor, factsite's
//! output written alone, Hugo), each into a fresh output directory after a `sync`, after
//! one untimed warm-up round.
//!
//! `cargo bench --bench build -- --pages 10000 --charts 1000 [--sections 100] [--runs 3]
//! [--edits 20] [--no-hugo] [--no-zola]`
//!
//! `cargo bench --bench build -- --growth 1000,10000,100000 [--runs 1] [--edits 20]`
//! instead builds sites of each size (100 pages a section) with factsite's trivial
//! templates, its default theme, Zola and Hugo, and prints how time and memory grow.

mod corpus;
mod floor;
mod growth;
mod measure;
mod replay;
mod serve;

use std::path::{Path, PathBuf};

use measure::{Sample, median};

pub(crate) struct Args {
    pages: usize,
    charts: usize,
    /// `None`: one section per 100 pages.
    sections: Option<usize>,
    pub(crate) runs: usize,
    pub(crate) edits: usize,
    pub(crate) hugo: bool,
    /// The largest site Hugo builds (it needs about 17 GiB at 100,000 pages).
    pub(crate) hugo_up_to: usize,
    pub(crate) zola: bool,
    /// Page counts for the growth table.
    growth: Vec<usize>,
}

impl Args {
    fn size(&self) -> corpus::Size {
        corpus::Size {
            pages: self.pages,
            charts: self.charts,
            sections: self.sections.unwrap_or(self.pages / 100).max(1),
        }
    }
}

fn args() -> Args {
    let mut args = Args {
        pages: 1000,
        charts: 100,
        sections: None,
        runs: 3,
        edits: 20,
        hugo: true,
        hugo_up_to: usize::MAX,
        zola: true,
        growth: Vec::new(),
    };
    let mut iter = std::env::args().skip(1);
    while let Some(arg) = iter.next() {
        let mut number = || {
            iter.next()
                .and_then(|v| v.parse().ok())
                .expect("a number after the flag")
        };
        match arg.as_str() {
            "--pages" => args.pages = number(),
            "--charts" => args.charts = number(),
            "--sections" => args.sections = Some(number()),
            "--runs" => args.runs = number(),
            "--edits" => args.edits = number(),
            "--no-hugo" => args.hugo = false,
            "--hugo-up-to" => args.hugo_up_to = number(),
            "--no-zola" => args.zola = false,
            "--growth" => {
                args.growth = iter
                    .next()
                    .map(|list| {
                        list.split(',')
                            .map(|n| n.trim().parse().expect("page counts like 1000,10000"))
                            .collect()
                    })
                    .expect("page counts after --growth");
            }
            "--bench" => {}
            other => panic!(
                "unknown argument {other}; use --pages N --charts M --sections S --runs R --edits E --no-hugo --no-zola, or --growth N1,N2,... [--hugo-up-to N]"
            ),
        }
    }
    args
}

fn main() {
    let args = args();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !args.growth.is_empty() {
        growth::run(repo, &args.growth, &args);
        return;
    }
    let size = args.size();
    let work = repo
        .join("target/bench")
        .join(format!("{}-{}-{}", size.pages, size.charts, size.sections));
    // Deleting a large tree slows the file writes that follow on some file systems (ext4
    // mounted with `discard`, for one), so nothing is deleted until the timing is done: an
    // earlier run's files are moved aside now and removed at the end.
    let trash = repo
        .join("target/bench")
        .join(format!("trash-{}", std::process::id()));
    if work.exists() {
        std::fs::create_dir_all(&trash).expect("create the trash directory");
        std::fs::rename(&work, trash.join("previous")).expect("move the previous run aside");
    }
    let site = work.join("factsite");
    corpus::factsite(&site, size);
    println!("machine: {}", measure::machine());
    println!(
        "corpus: {} pages in {} sections, {} chart datasets, {} claims (in {})\n",
        args.pages,
        size.sections,
        args.charts,
        args.charts,
        work.display()
    );

    let themed = work.join("factsite-default-theme");
    corpus::factsite(&themed, size);
    corpus::trivial_templates(&site);
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_factsite"));
    let hugo_source = work.join("hugo");
    let with_hugo = args.hugo && measure::has("hugo");
    if with_hugo {
        corpus::hugo(&hugo_source, size);
    }
    let zola_source = work.join("zola");
    let with_zola = args.zola && measure::has("zola");
    if with_zola {
        corpus::zola(&zola_source, size);
    }
    // Rounds interleave the contenders, each run starts after a sync with no earlier
    // output on disk, and a first untimed round warms the page cache for every input.
    let run_factsite = |root: &Path, out: &Path| {
        let (root, out) = (root.to_str().expect("utf-8"), out.to_str().expect("utf-8"));
        measure::command(
            binary.as_os_str(),
            &["build", "--quiet", "--root", root, "--output", out],
        )
    };
    let run_hugo = |out: &Path| {
        measure::command(
            "hugo".as_ref(),
            &[
                "--quiet",
                "--source",
                hugo_source.to_str().expect("utf-8"),
                "--destination",
                out.to_str().expect("utf-8"),
            ],
        )
    };
    let run_zola = |out: &Path| measure::zola(&zola_source, out);
    let (mut factsite, mut default_theme, mut floor, mut hugo, mut zola) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    // factsite's own output, read back after the warm-up round and written again in every
    // timed round with nothing else to do: what the file system alone costs for it.
    let mut output: Option<replay::Output> = None;
    let mut written = Vec::new();
    for round in 0..=args.runs {
        let timed = |name: &str, measure: &dyn Fn(&Path) -> Sample, into: &mut Vec<Sample>| {
            measure::settle();
            let sample = measure(&work.join(format!("out-{name}-{round}")));
            if round > 0 {
                into.push(sample);
            }
        };
        timed("factsite", &|out| run_factsite(&site, out), &mut factsite);
        let output =
            output.get_or_insert_with(|| replay::Output::read(&work.join("out-factsite-0")));
        timed(
            "default-theme",
            &|out| run_factsite(&themed, out),
            &mut default_theme,
        );
        timed("floor", &|out| floor::build(&site, out), &mut floor);
        timed("output-only", &|out| output.write(out), &mut written);
        if with_hugo {
            timed("hugo", &run_hugo, &mut hugo);
        }
        if with_zola {
            timed("zola", &run_zola, &mut zola);
        }
    }
    let hugo = with_hugo.then_some(hugo);
    let zola = with_zola.then_some(zola);
    let flagship: Vec<Sample> = (0..args.runs.max(5))
        .map(|run| {
            let out = work.join(format!("out-flagship-{run}"));
            // After a sync, as every build above: otherwise the writeback of the full
            // builds' output is still under way, and the flagship's 180 files wait on it.
            measure::settle();
            measure::command(
                binary.as_os_str(),
                &[
                    "build",
                    "--quiet",
                    "--root",
                    repo.to_str().expect("utf-8"),
                    "--output",
                    out.to_str().expect("utf-8"),
                ],
            )
        })
        .collect();
    let edits = serve::edits(&binary, &site, size, args.edits);

    let f = median(&factsite);
    println!("| measure | value |\n|---|---|");
    println!(
        "| factsite full build, {} pages + {} charts, templates as trivial as Hugo's (median of {}) | {:.2} s wall, {:.0} MiB peak, {:.2} s user + {:.2} s system CPU |",
        args.pages,
        args.charts,
        args.runs,
        f.seconds,
        f.mib(),
        f.user,
        f.system
    );
    let d = median(&default_theme);
    println!(
        "| the same with factsite's default theme (navigation, meta tags, footer) | {:.2} s wall, {:.0} MiB peak |",
        d.seconds,
        d.mib()
    );
    println!("| pages/s | {:.0} |", args.pages as f64 / f.seconds);
    if args.charts > 0 {
        println!(
            "| charts/s (datasets with a chart page and a claim, over the whole build) | {:.0} |",
            args.charts as f64 / f.seconds
        );
    }
    let fl = median(&floor);
    println!(
        "| floor (read, pulldown-cmark in parallel, write), same pages, no charts | {:.2} s wall, {:.2} s user + {:.2} s system CPU |",
        fl.seconds, fl.user, fl.system
    );
    println!("| factsite / floor | {:.2}x |", f.seconds / fl.seconds);
    let w = median(&written);
    let (files, bytes) = output.as_ref().map_or((0, 0), replay::Output::size);
    println!(
        "| writing factsite's output alone ({files} files, {:.0} MB, already in memory) | {:.2} s wall, {:.2} s user + {:.2} s system CPU |",
        bytes as f64 / 1e6,
        w.seconds,
        w.user,
        w.system
    );
    println!(
        "| writing factsite's output alone / floor | {:.2}x |",
        w.seconds / fl.seconds
    );
    match hugo {
        Some(samples) => {
            let h = median(&samples);
            println!(
                "| Hugo {} on the same pages | {:.2} s wall, {:.0} MiB peak, {:.2} s user + {:.2} s system CPU |",
                measure::version("hugo"),
                h.seconds,
                h.mib(),
                h.user,
                h.system
            );
            println!("| factsite / Hugo | {:.2}x |", f.seconds / h.seconds);
        }
        None if !args.hugo => println!("| Hugo | left out (--no-hugo) |"),
        None => println!("| Hugo | not installed (apt-get install hugo) |"),
    }
    match zola {
        Some(samples) => {
            let z = median(&samples);
            println!(
                "| Zola {} on the same pages | {:.2} s wall, {:.0} MiB peak, {:.2} s user + {:.2} s system CPU |",
                measure::version("zola"),
                z.seconds,
                z.mib(),
                z.user,
                z.system
            );
            println!("| factsite / Zola | {:.2}x |", f.seconds / z.seconds);
            println!(
                "| factsite with its default theme / Zola | {:.2}x |",
                d.seconds / z.seconds
            );
        }
        None if !args.zola => println!("| Zola | left out (--no-zola) |"),
        None => println!(
            "| Zola | not on the PATH (build it from source: cargo install --locked --git https://github.com/getzola/zola) |"
        ),
    }
    let fs = median(&flagship);
    println!(
        "| flagship cold build, process start to exit (median of {}) | {:.0} ms, {:.0} MiB peak |",
        flagship.len(),
        fs.seconds * 1000.0,
        fs.mib()
    );
    if let Some(edits) = edits {
        println!(
            "| serve: single-page edit to reload event (median of {}) | {:.1} ms (p90 {:.1} ms) |",
            edits.count, edits.median_ms, edits.p90_ms
        );
        println!(
            "| serve: the same, as factsite reports its rebuild | {:.1} ms median |",
            edits.rebuild_ms
        );
    }
    deletions(&work, args.runs);
    let _ = std::fs::remove_dir_all(&trash);
}

/// A rebuild deletes the previous output after swapping in the new one. After all else is
/// timed, equal outputs of the factsite runs are deleted in pairs, one with
/// `std::fs::remove_dir_all` and one as factsite does it, the first of each pair alternating.
fn deletions(work: &Path, runs: usize) {
    let (mut std_samples, mut factsite_samples) = (Vec::new(), Vec::new());
    let mut files = 0;
    // Rounds 0 to `runs` each left an output: (runs + 1) / 2 pairs.
    for pair in 0..runs.div_ceil(2) {
        let a = work.join(format!("out-factsite-{}", 2 * pair));
        let b = work.join(format!("out-factsite-{}", 2 * pair + 1));
        files = walkdir::WalkDir::new(&a).into_iter().count();
        let (for_std, for_factsite) = if pair % 2 == 0 { (a, b) } else { (b, a) };
        let time_std = || {
            measure::settle();
            measure::in_process(|| std::fs::remove_dir_all(&for_std).expect("remove"))
        };
        let time_factsite = || {
            measure::settle();
            measure::in_process(|| {
                factsite::write::remove_tree(&for_factsite).expect("remove");
            })
        };
        if pair % 2 == 0 {
            std_samples.push(time_std());
            factsite_samples.push(time_factsite());
        } else {
            factsite_samples.push(time_factsite());
            std_samples.push(time_std());
        }
    }
    if std_samples.is_empty() {
        return;
    }
    let (s, f) = (median(&std_samples), median(&factsite_samples));
    println!(
        "| deleting a previous output ({files} files and directories), as a rebuild does: std::fs::remove_dir_all, factsite (median of {}) | {:.2} s, {:.2} s ({:.1}x faster) |",
        std_samples.len(),
        s.seconds,
        f.seconds,
        s.seconds / f.seconds
    );
}
