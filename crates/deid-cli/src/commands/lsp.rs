//! `deid lsp`: the language server on stdio, and `deid bench-lsp`, which
//! times it as an editor sees it.

use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use clap::Args;
use deid_synth::{Split, SynthConfig, generate};

#[derive(Args)]
pub(crate) struct LspArgs {
    /// Accepted for editors that pass it (the server always speaks on stdio)
    #[arg(long)]
    stdio: bool,
}

pub(crate) fn run(args: &LspArgs) -> anyhow::Result<ExitCode> {
    let _ = args.stdio;
    deid_lsp::run(deid_lsp::Launch {
        rules_only: crate::config::rules_only(),
    })?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Args)]
pub(crate) struct BenchLspArgs {
    /// One-line edits to time
    #[arg(long, default_value_t = 200)]
    edits: usize,
    /// Size of the edited note, in KB
    #[arg(long, default_value_t = 20)]
    small_kb: usize,
    /// Size of the note only opened, in KB
    #[arg(long, default_value_t = 100)]
    large_kb: usize,
    /// Pause between edits, in milliseconds
    #[arg(long, default_value_t = 50)]
    pause_ms: u64,
}

/// Synthetic notes joined by blank lines until `bytes` long.
fn note(seed: u64, bytes: usize) -> String {
    let cfg = SynthConfig {
        seed,
        count: usize::MAX,
        split: Split::Heldout,
        phi_free: false,
    };
    let mut out = String::with_capacity(bytes + 4096);
    for doc in generate(&cfg) {
        if out.len() >= bytes {
            break;
        }
        out.push_str(doc.text.trim_end());
        out.push_str("\n\n");
    }
    out
}

pub(crate) fn bench(args: &BenchLspArgs) -> anyhow::Result<ExitCode> {
    let cfg = deid_lsp::bench::BenchConfig {
        program: std::env::current_exe().context("finding the deid binary")?,
        // The child runs as this process was told to: with or without the model.
        args: if crate::config::rules_only() {
            vec!["--rules-only".to_owned(), "lsp".to_owned()]
        } else {
            vec!["lsp".to_owned()]
        },
        small: note(7, args.small_kb * 1024),
        large: note(11, args.large_kb * 1024),
        edits: args.edits,
        pause: Duration::from_millis(args.pause_ms),
    };
    let r = deid_lsp::bench::run(&cfg)?;
    let kb = |v: Option<u64>| {
        v.map_or_else(
            || "n/a".to_owned(),
            |v| format!("{:.1} MB", v as f64 / 1024.0),
        )
    };
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "first diagnostics, {} B note: {:.1} ms",
        r.small_bytes, r.first_small_ms
    )?;
    writeln!(
        out,
        "first diagnostics, {} B note: {:.1} ms",
        r.large_bytes, r.first_large_ms
    )?;
    writeln!(
        out,
        "one-line edit to diagnostics ({} edits, {} B note): p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        r.edits, r.small_bytes, r.edit_p50_ms, r.edit_p95_ms, r.edit_max_ms
    )?;
    writeln!(
        out,
        "server resident memory: {} now, {} peak",
        kb(r.rss_kb),
        kb(r.peak_rss_kb)
    )?;
    Ok(ExitCode::SUCCESS)
}
