//! `deid bench`: tag, redact or surrogate throughput on a corpus, as the median of repeated runs.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use clap::Args;
use deid_core::Surrogator;
use deid_synth::{Split, SynthConfig, generate};

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
    let texts = corpus(args)?;
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut rates = Vec::with_capacity(args.runs);
    let mut found = 0;
    let key = deid_core::SurrogateKey::from_secret(b"bench");
    for _ in 0..args.runs.max(1) {
        let t = Instant::now();
        found = match args.operation {
            Operation::Tag => texts.iter().map(|t| engine.analyze(t).len()).sum::<usize>(),
            Operation::Redact => texts.iter().map(|t| engine.redact(t).len()).sum::<usize>(),
            Operation::Surrogate => {
                let mut s = Surrogator::new(key.clone(), engine.settings().surrogate);
                let all: Vec<_> = texts.iter().map(|t| engine.analyze(t)).collect();
                for (t, f) in texts.iter().zip(&all) {
                    s.add_originals(s.originals_of(t, f));
                }
                texts
                    .iter()
                    .zip(&all)
                    .map(|(t, f)| s.surrogate(t, f, None).replacements.len())
                    .sum::<usize>()
            }
        };
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
    writeln!(
        out,
        "engine start-up (lexicon + rules): {:.0} ms",
        load.as_secs_f64() * 1e3
    )?;
    writeln!(
        out,
        "{} throughput, one thread: median {median:.1} MB/s over {} runs (min {:.1}, max {:.1})",
        match args.operation {
            Operation::Tag => "tag",
            Operation::Redact => "redact",
            Operation::Surrogate => "surrogate",
        },
        rates.len(),
        rates[0],
        rates[rates.len() - 1]
    )?;
    Ok(ExitCode::SUCCESS)
}
