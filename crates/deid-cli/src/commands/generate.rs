//! `deid generate`: synthetic notes with gold spans, as JSONL.

use std::io::Write;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use deid_synth::{Split, SynthConfig, generate, to_jsonl_line};

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum SplitArg {
    Train,
    Heldout,
}

#[derive(Args)]
pub(crate) struct GenerateArgs {
    /// Seed: the same seed gives the same notes
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Number of notes
    #[arg(long, default_value_t = 100)]
    count: usize,
    /// Which template family to draw from
    #[arg(long, value_enum, default_value = "train")]
    split: SplitArg,
    /// Notes with no PHI at all (for counting false alarms)
    #[arg(long)]
    phi_free: bool,
}

pub(crate) fn run(args: &GenerateArgs) -> anyhow::Result<ExitCode> {
    let cfg = SynthConfig {
        seed: args.seed,
        count: args.count,
        split: match args.split {
            SplitArg::Train => Split::Train,
            SplitArg::Heldout => Split::Heldout,
        },
        phi_free: args.phi_free,
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for doc in generate(&cfg) {
        writeln!(out, "{}", to_jsonl_line(&doc))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
