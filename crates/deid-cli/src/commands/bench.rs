//! `deid bench`: tag, redact or surrogate throughput on a corpus, as the median of repeated runs.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use clap::Args;
use deid_core::Surrogator;
use deid_synth::{Split, SynthConfig, generate};
use rayon::prelude::*;

#[derive(Args)]
pub(crate) struct BenchArgs {
    /// A JSONL corpus (`{"text": ...}` per line) or a folder of .txt notes;
    /// generated notes when absent
    #[arg(long, value_name = "PATH")]
    corpus: Option<PathBuf>,
    /// Use the corpus this many times over (for small folders of notes)
    #[arg(long, default_value_t = 1)]
    repeat: usize,
    /// Generated notes to use when no corpus is given
    #[arg(long, default_value_t = 500)]
    notes: usize,
    /// Timed passes over the corpus (the median is reported)
    #[arg(long, default_value_t = 7)]
    runs: usize,
    /// What to time: tag (analysis only), redact, or surrogate (analysis, the
    /// batch's original values, and the replacements)
    #[arg(long, value_enum, default_value = "tag")]
    operation: Operation,
    /// Threads (notes run in parallel, and the model's windows); default: 1 for
    /// rules only, every core with the model
    #[arg(long)]
    threads: Option<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Operation {
    Tag,
    Redact,
    Surrogate,
}

fn corpus(args: &BenchArgs) -> anyhow::Result<Vec<String>> {
    let once = match &args.corpus {
        Some(dir) if dir.is_dir() => notes_in(dir)?,
        Some(path) => crate::eval::load_gold(path, Some(crate::eval::GoldFormat::Jsonl))?
            .into_iter()
            .map(|d| d.text)
            .collect(),
        None => generated(args),
    };
    let n = once.len() * args.repeat.max(1);
    Ok(once.into_iter().cycle().take(n).collect())
}

/// Every `.txt` file directly in `dir`, in name order.
fn notes_in(dir: &Path) -> anyhow::Result<Vec<String>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| Ok(crate::input::read_file(p, crate::input::Utf8::Strict)?.text))
        .collect()
}

fn generated(args: &BenchArgs) -> Vec<String> {
    let cfg = SynthConfig {
        seed: 7,
        count: args.notes,
        split: Split::Train,
        phi_free: false,
    };
    generate(&cfg).map(|d| d.text).collect()
}

pub(crate) fn run(args: &BenchArgs, config: Option<&Path>) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let engine = super::engine(config)?;
    // Building the lexicon happens on first use; keep it out of the timed runs.
    let _ = engine.analyze("warm up");
    let load = started.elapsed();
    let with_model = engine.settings().model.enabled;
    let threads = args.threads.unwrap_or(if with_model {
        std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
    } else {
        1
    });
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.max(1))
        .build()
        .context("starting the bench threads")?;
    let texts = corpus(args)?;
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut rates = Vec::with_capacity(args.runs);
    let mut found = 0;
    let key = deid_core::SurrogateKey::from_secret(b"bench");
    for _ in 0..args.runs.max(1) {
        let t = Instant::now();
        found = pool.install(|| match args.operation {
            Operation::Tag => texts
                .par_iter()
                .map(|t| engine.analyze(t).len())
                .sum::<usize>(),
            Operation::Redact => texts
                .par_iter()
                .map(|t| engine.redact(t).len())
                .sum::<usize>(),
            Operation::Surrogate => {
                let mut s = Surrogator::new(key.clone(), engine.settings().surrogate);
                let all: Vec<_> = texts.par_iter().map(|t| engine.analyze(t)).collect();
                for (t, f) in texts.iter().zip(&all) {
                    s.add_originals(s.originals_of(t, f));
                }
                texts
                    .iter()
                    .zip(&all)
                    .map(|(t, f)| s.surrogate(t, f, None).replacements.len())
                    .sum::<usize>()
            }
        });
        rates.push(bytes as f64 / t.elapsed().as_secs_f64() / 1e6);
    }
    rates.sort_by(f64::total_cmp);
    let median = rates[rates.len() / 2];
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "corpus: {} notes, {:.2} MB, {found} PHI spans",
        texts.len(),
        bytes as f64 / 1e6
    )?;
    let detectors = if with_model {
        "lexicon + rules + model"
    } else {
        "lexicon + rules"
    };
    writeln!(
        out,
        "engine start-up ({detectors}): {:.0} ms",
        load.as_secs_f64() * 1e3
    )?;
    let (unit, scale) = if median < 1.0 {
        ("KB/s", 1e3)
    } else {
        ("MB/s", 1.0)
    };
    writeln!(
        out,
        "{} throughput ({}), {threads} thread(s): median {:.1} {unit} over {} runs (min {:.1}, max {:.1})",
        match args.operation {
            Operation::Tag => "tag",
            Operation::Redact => "redact",
            Operation::Surrogate => "surrogate",
        },
        if with_model {
            "rules + model + merge"
        } else {
            "rules and lists"
        },
        median * scale,
        rates.len(),
        rates[0] * scale,
        rates[rates.len() - 1] * scale
    )?;
    if let Some(kb) = peak_rss_kb() {
        writeln!(out, "peak resident memory: {:.0} MB", kb as f64 / 1024.0)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The process's peak resident set (`VmHWM`), where Linux reports it.
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
