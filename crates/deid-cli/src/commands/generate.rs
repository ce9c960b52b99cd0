//! `deid generate`: synthetic notes with gold spans, as JSONL.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
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
    /// Write each note's text to DIR/note-NNNNN.txt instead of JSONL on standard output
    #[arg(long, value_name = "DIR")]
    out_dir: Option<std::path::PathBuf>,
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
    if let Some(dir) = &args.out_dir {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        for (i, doc) in generate(&cfg).enumerate() {
            let path = dir.join(format!("note-{:05}.txt", i + 1));
            if path.exists() {
                anyhow::bail!(
                    "{} already exists; deid generate never overwrites",
                    path.display()
                );
            }
            super::batch::write_atomic(&path, doc.text.as_bytes(), false)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for doc in generate(&cfg) {
        writeln!(out, "{}", to_jsonl_line(&doc))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
