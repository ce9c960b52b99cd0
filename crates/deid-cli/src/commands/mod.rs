//! One module per subcommand; `tag` and `redact` share the text plumbing here.

pub(crate) mod batch;
pub(crate) mod bench;
pub(crate) mod bench_serve;
pub(crate) mod eval;
pub(crate) mod generate;
mod jsonl;
pub(crate) mod lsp;
pub(crate) mod mapping;
pub(crate) mod serve;
mod session;
pub(crate) mod surrogate;
pub(crate) mod train;
pub(crate) mod tui;
pub(crate) mod watch;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use deid_core::{Engine, RedactionFormat, entities};

use crate::input::{self, Utf8};
use crate::output;

/// Inputs and output shape shared by `tag` and `redact`.
#[derive(Args)]
pub(crate) struct TextArgs {
    /// Files to read; standard input when none (or `-`)
    pub(crate) files: Vec<PathBuf>,
    /// Print Azure-shaped JSON (one object per input; one line per input when several)
    #[arg(long, conflicts_with = "jsonl")]
    pub(crate) json: bool,
    /// Read JSON lines `{"id", "text"}` and write one result line per input line, with the same id
    #[arg(long)]
    pub(crate) jsonl: bool,
    /// Replace invalid UTF-8 with U+FFFD instead of refusing the input
    #[arg(long)]
    pub(crate) lossy: bool,
}

#[derive(Args)]
pub(crate) struct RedactArgs {
    #[command(flatten)]
    pub(crate) text: TextArgs,
    /// Marker format: {type}, {Type}, {TYPE} and {len}, as in the Azure service (default `[{type}]`)
    #[arg(long, value_name = "FORMAT")]
    pub(crate) format: Option<String>,
}

pub(crate) fn engine(config: Option<&Path>) -> anyhow::Result<Engine> {
    crate::config::engine(crate::config::load(config)?)
}

fn utf8(args: &TextArgs) -> Utf8 {
    if args.lossy {
        Utf8::Lossy
    } else {
        Utf8::Strict
    }
}

pub(crate) fn tag(args: &TextArgs, config: Option<&Path>) -> anyhow::Result<ExitCode> {
    let engine = engine(config)?;
    if args.jsonl {
        return jsonl::run(&engine, &args.files, jsonl::Op::Tag);
    }
    let docs = input::read_all(&args.files, utf8(args))?;
    let mut out = std::io::stdout().lock();
    let color = output::color();
    let mut any = false;
    for doc in &docs {
        let found = entities(&doc.text, &engine.analyze(&doc.text));
        any |= !found.is_empty();
        if args.json {
            let mut v = output::entities_json(&found);
            if docs.len() > 1 {
                v["file"] = doc.name.clone().into();
            }
            let s = if docs.len() > 1 {
                serde_json::to_string(&v)?
            } else {
                serde_json::to_string_pretty(&v)?
            };
            writeln!(out, "{s}")?;
        } else {
            if docs.len() > 1 {
                writeln!(out, "==> {} <==", doc.name)?;
            }
            if color {
                write!(out, "{}", output::highlighted(&doc.text, &found))?;
                writeln!(out, "\n{} PHI span(s)", found.len())?;
            } else {
                write!(out, "{}", output::table(&found))?;
            }
        }
    }
    out.flush()?;
    Ok(if any {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub(crate) fn redact(args: &RedactArgs, config: Option<&Path>) -> anyhow::Result<ExitCode> {
    let mut settings = crate::config::load(config)?;
    if let Some(f) = &args.format {
        settings.redaction_format = RedactionFormat::new(f).context("invalid --format")?;
    }
    let engine = crate::config::engine(settings)?;
    if args.text.jsonl {
        return jsonl::run(&engine, &args.text.files, jsonl::Op::Redact);
    }
    let docs = input::read_all(&args.text.files, utf8(&args.text))?;
    let mut out = std::io::stdout().lock();
    for doc in &docs {
        let redacted = engine.redact(&doc.text);
        if args.text.json {
            let mut v = serde_json::json!({ "outputText": redacted });
            if docs.len() > 1 {
                v["file"] = doc.name.clone().into();
            }
            writeln!(out, "{}", serde_json::to_string(&v)?)?;
        } else {
            if docs.len() > 1 {
                writeln!(out, "==> {} <==", doc.name)?;
            }
            write!(out, "{redacted}")?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
