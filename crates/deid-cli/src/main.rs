//! The `deid` command line: finds PHI in clinical text and tags or redacts it.

mod commands;
mod config;
mod eval;
mod input;
mod key;
mod mapping;
mod output;

use std::process::ExitCode;

/// mimalloc: the engine makes many small, short-lived allocations (findings,
/// reasons, surrogate strings), which glibc's allocator serves slowly.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, Subcommand};

const EXIT_CODES: &str = "\
Exit codes:
  0  success; for `tag`, no PHI was found
  1  `tag` found PHI; `batch` could not process some files (the rest are done)
  2  error: bad arguments, unreadable or invalid input, bad configuration";

/// Find protected health information (PHI) in clinical text, and tag, redact or surrogate it.
#[derive(Parser)]
#[command(name = "deid", version, about, after_help = EXIT_CODES)]
struct Cli {
    /// Configuration file (default: deid.toml in the working directory or a parent)
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<std::path::PathBuf>,
    /// Detect with rules and lists only, without the neural model (as `[model] enabled = false`)
    #[arg(long, global = true)]
    rules_only: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Report every PHI span with its category, offsets and confidence
    #[command(after_help = EXIT_CODES)]
    Tag(commands::TextArgs),
    /// Replace every PHI span with a marker (`[{type}]` by default)
    #[command(after_help = EXIT_CODES)]
    Redact(commands::RedactArgs),
    /// Replace every PHI span with a realistic fake, consistently across all inputs
    #[command(after_help = EXIT_CODES)]
    Surrogate(commands::surrogate::SurrogateArgs),
    /// Tag, redact or surrogate a whole folder tree into another, in parallel
    #[command(after_help = EXIT_CODES)]
    Batch(commands::batch::BatchArgs),
    /// Watch a folder, de-identify each file that arrives or changes, and review the results
    Tui(commands::tui::TuiArgs),
    /// Watch a folder and de-identify each file that arrives or changes into another, with no screen
    #[command(after_help = EXIT_CODES)]
    Watch(commands::watch::WatchArgs),
    /// Decrypt a mapping file written by --mapping-out (original-to-surrogate pairs as JSON lines)
    Mapping(commands::mapping::MappingArgs),
    /// Score the engine against a gold corpus (JSONL, i2b2-2014 XML or BRAT)
    Eval(commands::eval::EvalArgs),
    /// Serve the Azure de-identification API (POST /deid and jobs) over HTTPS
    Serve(commands::serve::ServeArgs),
    /// Measure tag throughput on a corpus of notes
    Bench(commands::bench::BenchArgs),
    /// Write synthetic clinical notes with gold PHI spans as JSONL
    Generate(commands::generate::GenerateArgs),
    /// Train the PHI token classifier on generated notes (resumes from a checkpoint in --out)
    Train(commands::train::TrainArgs),
    /// Run the language server on stdio (PHI diagnostics and quick-fixes in editors)
    Lsp(commands::lsp::LspArgs),
    /// Time the language server: first diagnostics, edit-to-diagnostics latency, memory
    BenchLsp(commands::lsp::BenchLspArgs),
    /// Load-test POST /deid on loopback: requests per second, latency percentiles, errors
    BenchServe(commands::bench_serve::BenchServeArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    config::set_rules_only(cli.rules_only);
    let result = match cli.command {
        Command::Tag(args) => commands::tag(&args, cli.config.as_deref()),
        Command::Redact(args) => commands::redact(&args, cli.config.as_deref()),
        Command::Surrogate(args) => commands::surrogate::run(&args, cli.config.as_deref()),
        Command::Batch(args) => commands::batch::run(&args, cli.config.as_deref()),
        Command::Tui(args) => commands::tui::run(&args, cli.config.as_deref()),
        Command::Watch(args) => commands::watch::run(&args, cli.config.as_deref()),
        Command::Mapping(args) => commands::mapping::run(&args, cli.config.as_deref()),
        Command::Eval(args) => commands::eval::run(&args, cli.config.as_deref()),
        Command::Serve(args) => commands::serve::run(&args, cli.config.as_deref()),
        Command::Bench(args) => commands::bench::run(&args, cli.config.as_deref()),
        Command::Generate(args) => commands::generate::run(&args),
        Command::Train(args) => commands::train::run(&args),
        Command::Lsp(args) => commands::lsp::run(&args),
        Command::BenchLsp(args) => commands::lsp::bench(&args),
        Command::BenchServe(args) => commands::bench_serve::run(&args, cli.config.as_deref()),
    };
    match result {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let mut msg = format!("deid: error: {err}");
            for cause in err.chain().skip(1) {
                msg.push_str(&format!("\n  caused by: {cause}"));
            }
            output::eprintln(&msg);
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|e| e.downcast_ref::<std::io::Error>())
        .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}
