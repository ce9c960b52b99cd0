//! `deid surrogate`: every PHI span replaced by a realistic fake, consistently
//! across all inputs of the run.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use deid_core::surrogate::AgeMode;
use deid_core::{Engine, Finding, Settings, Surrogated, Surrogator};
use serde::Deserialize;
use serde_json::json;

use super::{TextArgs, jsonl, utf8};
use crate::input;
use crate::key::{self, KeyArgs};
use crate::mapping::MappingWriter;
use crate::output;

#[derive(Args)]
pub(crate) struct SurrogateArgs {
    #[command(flatten)]
    pub(crate) text: TextArgs,
    #[command(flatten)]
    pub(crate) run: RunArgs,
}

/// Key, age handling and mapping output, shared by `surrogate` and `batch`.
#[derive(Args, Clone, Default)]
pub(crate) struct RunArgs {
    #[command(flatten)]
    pub(crate) key: KeyArgs,
    /// Write ages over 89 as "90+" (Safe Harbor) instead of another age over 89
    #[arg(long)]
    pub(crate) cap_ages: bool,
    /// Move ages of 89 and under by 1 to 3 years instead of keeping them
    #[arg(long)]
    pub(crate) shift_ages: bool,
    /// Write original-to-surrogate pairs to FILE, encrypted under the key (needs --key,
    /// --key-file, `DEID_KEY` or a configured key file); read it back with `deid mapping`
    #[arg(long, value_name = "FILE")]
    pub(crate) mapping_out: Option<PathBuf>,
}

/// Settings, surrogator and optional mapping writer for one run.
pub(crate) struct Run {
    pub(crate) engine: Engine,
    pub(crate) surrogator: Surrogator,
    pub(crate) mapping: Option<MappingWriter>,
    /// The key was given (flag, environment or configuration), not drawn for this run.
    pub(crate) key_given: bool,
}

pub(crate) fn prepare(
    args: &RunArgs,
    config: Option<&Path>,
    overwrite_mapping: bool,
) -> anyhow::Result<Run> {
    let (mut settings, config_path) = crate::config::load_with_path(config)?;
    apply_flags(args, &mut settings);
    let (key, given) = key::resolve(
        &args.key,
        settings.key_file.as_deref(),
        config_path.as_deref(),
    )?;
    let mapping = match &args.mapping_out {
        Some(_) if !given => anyhow::bail!(
            "--mapping-out needs a key (--key, --key-file, DEID_KEY or `[surrogate] key_file`): \
             without one, nobody could decrypt the mapping"
        ),
        Some(path) => Some(MappingWriter::create(path, &key, overwrite_mapping)?),
        None => None,
    };
    let surrogator = Surrogator::new(key, settings.surrogate);
    Ok(Run {
        engine: crate::config::engine(settings)?,
        surrogator,
        mapping,
        key_given: given,
    })
}

fn apply_flags(args: &RunArgs, settings: &mut Settings) {
    if args.cap_ages {
        settings.surrogate.cap_over_89 = true;
    }
    if args.shift_ages {
        settings.surrogate.ages = AgeMode::Shift;
    }
}

/// JSON lines of (file, category, original, surrogate) for a mapping record.
pub(crate) fn mapping_record(name: &str, text: &str, out: &Surrogated) -> Vec<u8> {
    let mut buf = Vec::new();
    for r in &out.replacements {
        let line = json!({
            "file": name,
            "category": r.category.name(),
            "original": r.span.of(text),
            "surrogate": r.surrogate,
        });
        buf.extend_from_slice(line.to_string().as_bytes());
        buf.push(b'\n');
    }
    buf
}

pub(crate) fn run(args: &SurrogateArgs, config: Option<&Path>) -> anyhow::Result<ExitCode> {
    let mut run = prepare(&args.run, config, false)?;
    if args.text.jsonl {
        return run_jsonl(run, &args.text.files);
    }
    let docs = input::read_all(&args.text.files, utf8(&args.text))?;
    let found: Vec<Vec<Finding>> = docs.iter().map(|d| run.engine.analyze(&d.text)).collect();
    for (doc, f) in docs.iter().zip(&found) {
        let o = run.surrogator.originals_of(&doc.text, f);
        run.surrogator.add_originals(o);
    }
    let mut out = std::io::stdout().lock();
    for (doc, f) in docs.iter().zip(&found) {
        let result = run.surrogator.surrogate(&doc.text, f, None);
        if let Some(m) = &mut run.mapping {
            m.write(&mapping_record(&doc.name, &doc.text, &result))?;
        }
        if args.text.json {
            let mut v = json!({ "outputText": result.text });
            if docs.len() > 1 {
                v["file"] = doc.name.clone().into();
            }
            writeln!(out, "{}", serde_json::to_string(&v)?)?;
        } else {
            if docs.len() > 1 {
                writeln!(out, "==> {} <==", doc.name)?;
            }
            write!(out, "{}", result.text)?;
        }
    }
    out.flush()?;
    if let Some(m) = run.mapping {
        m.finish()?;
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Deserialize)]
struct Line {
    id: serde_json::Value,
    text: String,
    /// Dates of one patient move by that patient's own shift.
    #[serde(default)]
    patient: Option<String>,
}

/// All lines are read first: every document's originals must be known before
/// the first surrogate is written.
fn run_jsonl(mut run: Run, files: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let mut items = Vec::new();
    let mut bad = 0usize;
    for (name, reader) in jsonl::sources(files)? {
        for (n, line) in reader.split(b'\n').enumerate() {
            let line = line.with_context(|| format!("reading {name}"))?;
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match jsonl::parse::<Line>(&line) {
                Ok(item) => items.push(item),
                Err(why) => {
                    output::eprintln(&format!("deid: {name} line {}: {why}; skipped", n + 1));
                    bad += 1;
                }
            }
        }
    }
    let found: Vec<Vec<Finding>> = items.iter().map(|i| run.engine.analyze(&i.text)).collect();
    for (item, f) in items.iter().zip(&found) {
        let o = run.surrogator.originals_of(&item.text, f);
        run.surrogator.add_originals(o);
    }
    let mut out = std::io::stdout().lock();
    for (item, f) in items.iter().zip(&found) {
        let result = run
            .surrogator
            .surrogate(&item.text, f, item.patient.as_deref());
        if let Some(m) = &mut run.mapping {
            m.write(&mapping_record(&item.id.to_string(), &item.text, &result))?;
        }
        let v = json!({ "id": item.id, "outputText": result.text });
        writeln!(out, "{}", serde_json::to_string(&v)?)?;
    }
    out.flush()?;
    if let Some(m) = run.mapping {
        m.finish()?;
    }
    Ok(if bad > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
