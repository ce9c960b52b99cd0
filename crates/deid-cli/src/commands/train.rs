//! `deid train`: trains the PHI token classifier on generated notes.

use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use deid_model::train::{Event, TrainConfig, train};

use crate::output;

#[derive(Args)]
pub(crate) struct TrainArgs {
    /// Folder for the model files, the report and the checkpoint (resumed when present)
    #[arg(long, default_value = "models/deid-ner")]
    out: PathBuf,
    /// Seed for the generated notes, the initial weights and the batches
    #[arg(long, default_value_t = TrainConfig::default().seed)]
    seed: u64,
    /// Generated training notes
    #[arg(long, default_value_t = TrainConfig::default().docs)]
    docs: usize,
    /// Generated dev notes (same templates, other seed)
    #[arg(long, default_value_t = TrainConfig::default().dev_docs)]
    dev_docs: usize,
    #[arg(long, default_value_t = TrainConfig::default().steps)]
    steps: usize,
    /// Windows per step
    #[arg(long, default_value_t = TrainConfig::default().batch)]
    batch: usize,
    /// Peak learning rate
    #[arg(long, default_value_t = TrainConfig::default().lr)]
    lr: f64,
    #[arg(long, default_value_t = TrainConfig::default().hidden)]
    hidden: usize,
    #[arg(long, default_value_t = TrainConfig::default().layers)]
    layers: usize,
    #[arg(long, default_value_t = TrainConfig::default().heads)]
    heads: usize,
    #[arg(long, default_value_t = TrainConfig::default().intermediate)]
    intermediate: usize,
    /// Tokens per window
    #[arg(long, default_value_t = TrainConfig::default().window)]
    window: usize,
    /// Steps between dev evaluations
    #[arg(long, default_value_t = TrainConfig::default().eval_every)]
    eval_every: usize,
    /// Steps between checkpoints
    #[arg(long, default_value_t = TrainConfig::default().checkpoint_every)]
    checkpoint_every: usize,
}

pub(crate) fn run(args: &TrainArgs) -> anyhow::Result<ExitCode> {
    let cfg = TrainConfig {
        seed: args.seed,
        docs: args.docs,
        dev_docs: args.dev_docs,
        steps: args.steps,
        batch: args.batch,
        lr: args.lr,
        hidden: args.hidden,
        layers: args.layers,
        heads: args.heads,
        intermediate: args.intermediate,
        window: args.window,
        eval_every: args.eval_every,
        checkpoint_every: args.checkpoint_every,
        ..TrainConfig::default()
    };
    anyhow::ensure!(
        cfg.hidden % cfg.heads == 0,
        "--hidden must be a multiple of --heads"
    );
    anyhow::ensure!(
        cfg.steps > 0 && cfg.batch > 0 && cfg.window >= 8,
        "--steps, --batch and --window must be positive (window at least 8)"
    );
    let report = train(&cfg, &args.out, |e| {
        report_event(&cfg, &e);
        ControlFlow::Continue(())
    })?;
    output::eprintln(&format!(
        "done in {:.0} s ({:.0} tokens/s); temperature {:.2}; dev token precision {:.4}, recall {:.4}; report in {}",
        report.seconds,
        report.tokens_per_second,
        report.temperature,
        report.dev.token_precision,
        report.dev.token_recall,
        args.out.join("report.json").display()
    ));
    Ok(ExitCode::SUCCESS)
}

fn report_event(cfg: &TrainConfig, e: &Event<'_>) {
    let line = match e {
        Event::Data {
            train_tokens,
            dev_tokens,
            vocab,
            parameters,
        } => format!(
            "data: {train_tokens} training tokens, {dev_tokens} dev tokens, vocabulary {vocab}, {parameters} parameters"
        ),
        Event::Resumed { step } => format!("resumed at step {step}"),
        Event::Step {
            step,
            loss,
            lr,
            tokens_per_second,
        } => format!(
            "step {step}/{}: loss {loss:.4}, lr {lr:.2e}, {tokens_per_second:.0} tokens/s",
            cfg.steps
        ),
        Event::Eval { step, scores } => format!(
            "dev at step {step}: token precision {:.4}, recall {:.4}, nll {:.4}",
            scores.token_precision, scores.token_recall, scores.nll
        ),
        Event::Checkpoint { step } => format!("checkpoint at step {step}"),
    };
    output::eprintln(&line);
}
