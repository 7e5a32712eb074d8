//! How cost grows with the site: sites of each size (100 pages a section, no charts), each
//! built with factsite's trivial templates, its default theme, Zola and Hugo in interleaved
//! rounds, and the default theme's output written again alone (the file system's floor);
//! then `serve` on the largest: first build, memory, edit to reload.

use std::path::{Path, PathBuf};

use crate::measure::{self, Sample, median};
use crate::{Args, corpus, replay, serve};

/// A build to time: it writes into the directory it is given.
type Build<'a> = Box<dyn Fn(&Path) -> Sample + 'a>;

/// A contender at one size.
struct Row {
    name: String,
    sample: Sample,
}

pub(crate) fn run(repo: &Path, sizes: &[usize], args: &Args) {
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_factsite"));
    let with_hugo = args.hugo && measure::has("hugo");
    let with_zola = args.zola && measure::has("zola");
    println!("machine: {}", measure::machine());
    println!(
        "growth: {} pages, 100 pages a section, no charts, {} timed run(s) each after a warm-up\n",
        sizes
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        args.runs.max(1)
    );
    println!(
        "| pages (sections) | contender | wall time | CPU time (user + sys) | peak memory | CPU time per page | memory per page |"
    );
    println!("|---|---|---|---|---|---|---|");
    let mut largest = None;
    for &pages in sizes {
        let size = corpus::Size {
            pages,
            charts: 0,
            sections: (pages / 100).max(1),
        };
        let work = repo.join("target/bench").join(format!("growth-{pages}"));
        // Earlier runs' outputs are kept, never deleted while timing: this run writes into
        // fresh directories named after its process.
        let tag = std::process::id();
        let trivial = work.join("factsite");
        let themed = work.join("factsite-default-theme");
        if !trivial.join("site.toml").exists() {
            corpus::factsite(&trivial, size);
            corpus::trivial_templates(&trivial);
            corpus::factsite(&themed, size);
            corpus::hugo(&work.join("hugo"), size);
            corpus::zola(&work.join("zola"), size);
        }
        // A kept corpus gets this version's site.toml, so that a setting added since it
        // was generated (`[share] cards = false`) holds for it too.
        corpus::config(&trivial);
        corpus::config(&themed);
        let factsite = |root: &Path, out: &Path| {
            measure::command(
                binary.as_os_str(),
                &[
                    "build",
                    "--quiet",
                    "--root",
                    root.to_str().expect("utf-8"),
                    "--output",
                    out.to_str().expect("utf-8"),
                ],
            )
        };
        let hugo_source = work.join("hugo");
        let hugo = |out: &Path| {
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
        let zola_source = work.join("zola");
        let zola = |out: &Path| measure::zola(&zola_source, out);
        let mut contenders: Vec<(String, Build<'_>)> = vec![
            (
                "factsite, trivial templates".to_string(),
                Box::new(|out: &Path| factsite(&trivial, out)),
            ),
            (
                "factsite, default theme".to_string(),
                Box::new(|out: &Path| factsite(&themed, out)),
            ),
        ];
        if with_zola {
            contenders.push((format!("Zola {}", measure::version("zola")), Box::new(zola)));
        }
        if with_hugo && pages <= args.hugo_up_to {
            contenders.push((format!("Hugo {}", measure::version("hugo")), Box::new(hugo)));
        }
        let mut samples: Vec<Vec<Sample>> = vec![Vec::new(); contenders.len()];
        for round in 0..=args.runs.max(1) {
            for (i, (_, build)) in contenders.iter().enumerate() {
                measure::settle();
                let sample = build(&work.join(format!("out-{tag}-{i}-{round}")));
                if round > 0 {
                    samples[i].push(sample);
                }
            }
        }
        let mut rows: Vec<Row> = contenders
            .iter()
            .zip(&samples)
            .map(|((name, _), s)| Row {
                name: name.clone(),
                sample: median(s),
            })
            .collect();
        // The least any build of the default theme's output can cost here: its files, read
        // back into memory, written again in parallel with nothing else to do.
        let output = replay::Output::read(&work.join(format!("out-{tag}-1-0")));
        let written: Vec<Sample> = (0..args.runs.max(1))
            .map(|round| {
                measure::settle();
                output.write(&work.join(format!("out-{tag}-written-{round}")))
            })
            .collect();
        drop(output);
        rows.insert(
            2,
            Row {
                name: "writing the default theme's output alone".to_string(),
                sample: median(&written),
            },
        );
        for row in &rows {
            // The output written alone runs inside this process: no memory of its own.
            let (memory, per_page) = match row.sample.max_rss_kib {
                0 => ("—".to_string(), "—".to_string()),
                kib => (
                    format!("{:.0} MiB", row.sample.mib()),
                    format!("{:.1} KiB", kib as f64 / pages as f64),
                ),
            };
            println!(
                "| {pages} ({}) | {} | {:.2} s | {:.2} s ({:.2} + {:.2}) | {memory} | {:.1} µs | {per_page} |",
                size.sections,
                row.name,
                row.sample.seconds,
                row.sample.user + row.sample.system,
                row.sample.user,
                row.sample.system,
                (row.sample.user + row.sample.system) * 1e6 / pages as f64,
            );
        }
        largest = Some((size, themed.clone()));
    }
    if let Some((size, site)) = largest
        && let Some(edits) = serve::edits(&binary, &site, size, args.edits)
    {
        println!(
            "\n`factsite serve` on the {}-page site with the default theme: first build served after {:.1} s, {:.0} MiB resident ({:.0} MiB peak); single-page edit to reload event {:.1} ms median of {} (p90 {:.1} ms)",
            size.pages,
            edits.first_build_s,
            edits.resident_mib,
            edits.peak_mib,
            edits.median_ms,
            edits.count,
            edits.p90_ms
        );
    }
}
