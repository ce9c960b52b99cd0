//! `deid eval`: the engine against a gold corpus.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use deid_core::{Category, Span};
use rayon::prelude::*;

use crate::eval::calibration::{calibration, render as render_calibration};

use crate::eval::{
    GoldFormat, JsonOptions, TextOptions, load_gold, load_label_map, render_json, render_text,
};

#[derive(Args)]
pub(crate) struct EvalArgs {
    /// Gold corpus: a .jsonl file, an i2b2-2014 .xml file or directory, or a BRAT directory
    #[arg(long, value_name = "PATH")]
    gold: PathBuf,
    /// Gold format (inferred from the path when absent)
    #[arg(long, value_enum)]
    format: Option<GoldFormat>,
    /// TOML file mapping foreign labels to categories (`[labels] PERSON = "Patient"`, or "ignore")
    #[arg(long, value_name = "FILE")]
    label_map: Option<PathBuf>,
    /// Ignore gold labels that nothing maps instead of failing
    #[arg(long)]
    ignore_unmapped: bool,
    /// How many missed spans and false positives to list
    #[arg(long, default_value_t = 20)]
    examples: usize,
    /// Print the report as JSON
    #[arg(long)]
    json: bool,
    /// With --json: include text snippets around misses and false positives
    #[arg(long)]
    include_text: bool,
}

pub(crate) fn run(args: &EvalArgs, config: Option<&Path>) -> anyhow::Result<ExitCode> {
    let engine = super::engine(config)?;
    let docs = load_gold(&args.gold, args.format)?;
    let map = load_label_map(args.label_map.as_deref(), args.ignore_unmapped)?;
    let found: Vec<Vec<(Span, Category, f32)>> = docs
        .par_iter()
        .map(|d| {
            engine
                .analyze(&d.text)
                .into_iter()
                .map(|f| (f.span, f.category, f.confidence))
                .collect()
        })
        .collect();
    let preds: Vec<Vec<(Span, Category)>> = found
        .iter()
        .map(|fs| fs.iter().map(|&(s, c, _)| (s, c)).collect())
        .collect();
    let report = crate::eval::score_predictions(&docs, &map, &preds)?;
    let bands = calibration(&docs, &map, &found);
    let rendered = if args.json {
        let mut v: serde_json::Value = serde_json::from_str(&render_json(
            &report,
            &docs,
            JsonOptions {
                include_text: args.include_text,
            },
        ))?;
        v["calibration"] = serde_json::to_value(&bands)?;
        serde_json::to_string_pretty(&v)?
    } else {
        let mut text = render_text(
            &report,
            &docs,
            TextOptions {
                examples: args.examples,
            },
        );
        text.push_str(&render_calibration(&bands));
        text
    };
    let mut out = std::io::stdout().lock();
    writeln!(out, "{rendered}")?;
    Ok(ExitCode::SUCCESS)
}
