//! `deid bench`: tag throughput on a corpus, as the median of repeated runs.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::Args;
use deid_synth::{Split, SynthConfig, generate};

#[derive(Args)]
pub(crate) struct BenchArgs {
    /// JSONL corpus (`{"text": ...}` per line); generated notes when absent
    #[arg(long, value_name = "FILE")]
    corpus: Option<PathBuf>,
    /// Generated notes to use when no corpus is given
    #[arg(long, default_value_t = 500)]
    notes: usize,
    /// Timed passes over the corpus (the median is reported)
    #[arg(long, default_value_t = 7)]
    runs: usize,
}

fn corpus(args: &BenchArgs) -> anyhow::Result<Vec<String>> {
    if let Some(path) = &args.corpus {
        let docs = crate::eval::load_gold(path, Some(crate::eval::GoldFormat::Jsonl))?;
        return Ok(docs.into_iter().map(|d| d.text).collect());
    }
    let cfg = SynthConfig {
        seed: 7,
        count: args.notes,
        split: Split::Train,
        phi_free: false,
    };
    Ok(generate(&cfg).map(|d| d.text).collect())
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
    for _ in 0..args.runs.max(1) {
        let t = Instant::now();
        found = texts.iter().map(|t| engine.analyze(t).len()).sum::<usize>();
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
        "tag throughput, one thread: median {median:.1} MB/s over {} runs (min {:.1}, max {:.1})",
        rates.len(),
        rates[0],
        rates[rates.len() - 1]
    )?;
    Ok(ExitCode::SUCCESS)
}
