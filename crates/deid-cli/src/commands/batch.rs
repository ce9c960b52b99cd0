//! `deid batch IN_DIR OUT_DIR`: a whole folder tree, in parallel, with one
//! surrogate mapping and date shift for the batch. Outputs mirror the input
//! tree, are written atomically, and a rerun skips finished files.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::Ordering;
use std::time::Instant;

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};
use deid_core::{Category, Finding, Originals, RedactionFormat, entities};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use super::surrogate::{Run, RunArgs, mapping_record, prepare};
pub(crate) use deid_tui::files::write_atomic;
use deid_tui::files::{check_dirs, clean_stale_temps};

use crate::input::{Utf8, decode};
use crate::output;

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Operation {
    Tag,
    Redact,
    Surrogate,
}

#[derive(Args)]
pub(crate) struct BatchArgs {
    /// Folder to read (never written to)
    in_dir: PathBuf,
    /// Folder to write; created if missing; must not be inside the input folder
    out_dir: PathBuf,
    /// What to do with each file (tag writes FILE.json with the entities)
    #[arg(long, value_enum, default_value = "surrogate")]
    operation: Operation,
    /// File extensions to take, comma-separated; `*` for every file
    #[arg(long, value_delimiter = ',', default_value = "txt")]
    ext: Vec<String>,
    /// Redo files whose output exists (by default a rerun skips them)
    #[arg(long)]
    overwrite: bool,
    /// Worker threads (default: all cores)
    #[arg(long)]
    jobs: Option<usize>,
    /// Each top-level folder of the input is one patient, with its own date shift
    #[arg(long)]
    per_patient: bool,
    /// Replace invalid UTF-8 with U+FFFD instead of failing the file
    #[arg(long)]
    lossy: bool,
    /// Marker format for `--operation redact` (default `[{type}]`)
    #[arg(long, value_name = "FORMAT")]
    format: Option<String>,
    /// Print the summary as JSON
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    run: RunArgs,
}

/// One input file.
struct Item {
    path: PathBuf,
    /// Path under the input folder.
    rel: PathBuf,
    out: PathBuf,
}

/// What became of one file.
enum Outcome {
    Done {
        bytes: usize,
        counts: BTreeMap<Category, usize>,
    },
    Failed(String),
}

pub(crate) fn run(args: &BatchArgs, config: Option<&Path>) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let (in_dir, out_dir) = check_dirs(&args.in_dir, &args.out_dir)?;
    // The engine's lists and patterns are built while the tree is walked,
    // so start-up is not a serial step before the parallel work.
    let (run, items) = std::thread::scope(|scope| {
        let ready = scope.spawn(|| -> anyhow::Result<Run> {
            let run = prepare(&args.run, config, args.overwrite)?;
            let _ = run.engine.analyze("warm up");
            Ok(run)
        });
        clean_stale_temps(&out_dir);
        let items = walk(&in_dir, &out_dir, args);
        let run = ready
            .join()
            .map_err(|_| anyhow::anyhow!("preparing the engine failed"))?;
        anyhow::Ok((run?, items?))
    })?;
    let mut run = run;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("starting worker threads")?;
    // One file-system check per file: done in parallel, it is not a serial step.
    let exists: Vec<bool> = pool.install(|| {
        items
            .par_iter()
            .map(|i| !args.overwrite && i.out.exists())
            .collect()
    });
    let mut todo: Vec<&Item> = Vec::with_capacity(items.len());
    let mut done_before: Vec<&Item> = Vec::new();
    for (item, done) in items.iter().zip(exists) {
        if done {
            done_before.push(item);
        } else {
            todo.push(item);
        }
    }
    let surrogate = args.operation == Operation::Surrogate;
    if let Some(f) = &args.format {
        let mut settings = run.engine.settings().clone();
        settings.redaction_format = RedactionFormat::new(f).context("invalid --format")?;
        run.engine = crate::config::engine(settings)?;
    }
    if surrogate && !done_before.is_empty() && !run.key_given {
        bail!(
            "{} already holds {} output(s) of an earlier run; a resumed surrogate batch matches \
             them only with the same key (--key, --key-file, DEID_KEY or `[surrogate] key_file`); \
             or pass --overwrite to redo every file",
            args.out_dir.display(),
            done_before.len()
        );
    }
    let utf8 = if args.lossy {
        Utf8::Lossy
    } else {
        Utf8::Strict
    };

    // Surrogates must avoid every original of the batch, finished files
    // included, so the first pass reads them all.
    let cached: Vec<Option<Cached>> = if surrogate {
        let bar = progress(items.len(), "scanning");
        let (originals, cached) = pool.install(|| scan(&items, &run, utf8, &bar, &todo));
        bar.finish_and_clear();
        run.surrogator.add_originals(originals);
        cached
    } else {
        vec![None; items.len()]
    };
    let cache: std::collections::HashMap<&Path, &Option<Cached>> = items
        .iter()
        .zip(&cached)
        .map(|(i, c)| (i.path.as_path(), c))
        .collect();

    let bar = progress(todo.len(), args_label(args.operation));
    let mapping = Mutex::new(run.mapping.take());
    let outcomes: Vec<Outcome> = pool.install(|| {
        todo.par_iter()
            .map(|item| {
                let cached = cache.get(item.path.as_path()).and_then(|c| c.as_ref());
                let r = process(item, &run, args, utf8, cached, &mapping);
                bar.inc(1);
                r.unwrap_or_else(|e| Outcome::Failed(format!("{e:#}")))
            })
            .collect()
    });
    bar.finish_and_clear();
    if let Some(m) = mapping.into_inner().unwrap_or(None) {
        m.finish()?;
    }
    summarize(args, &todo, done_before.len(), &outcomes, started)
}

fn args_label(op: Operation) -> &'static str {
    match op {
        Operation::Tag => "tagging",
        Operation::Redact => "redacting",
        Operation::Surrogate => "surrogating",
    }
}

fn walk(in_dir: &Path, out_dir: &Path, args: &BatchArgs) -> anyhow::Result<Vec<Item>> {
    let all = args.ext.iter().any(|e| e == "*");
    let exts: Vec<String> = args
        .ext
        .iter()
        .map(|e| e.trim_start_matches('.').to_ascii_lowercase())
        .collect();
    let mut items = Vec::new();
    for entry in walkdir::WalkDir::new(in_dir).sort_by_file_name() {
        let entry = entry.with_context(|| format!("walking {}", in_dir.display()))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.into_path();
        let ext_ok = all
            || path
                .extension()
                .is_some_and(|e| exts.contains(&e.to_string_lossy().to_ascii_lowercase()));
        if !ext_ok {
            continue;
        }
        let rel = path.strip_prefix(in_dir).unwrap_or(&path).to_path_buf();
        let mut out = out_dir.join(&rel);
        if args.operation == Operation::Tag {
            let mut name = out.file_name().unwrap_or_default().to_os_string();
            name.push(".json");
            out.set_file_name(name);
        }
        items.push(Item { path, rel, out });
    }
    Ok(items)
}

fn progress(len: usize, label: &'static str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(
            "{msg:>11} [{bar:40}] {pos}/{len} files, {per_sec}, {eta} left",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    bar.set_message(label);
    bar
}

fn read(path: &Path, utf8: Utf8, rel: &Path) -> anyhow::Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", rel.display()))?;
    decode(&rel.display().to_string(), bytes, utf8)
}

/// The text read in the first pass and its findings: the second pass writes
/// the output from this snapshot, the one the batch's originals came from.
#[derive(Clone)]
struct Cached {
    text: String,
    found: Vec<Finding>,
}

/// The batch's originals, and the findings of files still to do (kept so the
/// second pass need not analyse them again) for the first 512 MiB of text.
fn scan(
    items: &[Item],
    run: &Run,
    utf8: Utf8,
    bar: &ProgressBar,
    todo: &[&Item],
) -> (Originals, Vec<Option<Cached>>) {
    const CACHE_LIMIT: u64 = 512 << 20;
    let cached_bytes = std::sync::atomic::AtomicU64::new(0);
    let todo: std::collections::HashSet<&Path> = todo.iter().map(|i| i.path.as_path()).collect();
    let per_file: Vec<(Originals, Option<Cached>)> = items
        .par_iter()
        .map(|item| {
            let r = match read(&item.path, utf8, &item.rel) {
                Ok(text) => {
                    let found = run.engine.analyze(&text);
                    let o = run.surrogator.originals_of(&text, &found);
                    let cache = todo.contains(item.path.as_path())
                        && cached_bytes.fetch_add(text.len() as u64, Ordering::Relaxed)
                            < CACHE_LIMIT;
                    let cached = cache.then_some(Cached { text, found });
                    (o, cached)
                }
                // Reported when the file is processed.
                Err(_) => (Originals::default(), None),
            };
            bar.inc(1);
            r
        })
        .collect();
    let mut all = Originals::default();
    let mut cached = Vec::with_capacity(per_file.len());
    for (o, c) in per_file {
        all.merge(o);
        cached.push(c);
    }
    (all, cached)
}

fn process(
    item: &Item,
    run: &Run,
    args: &BatchArgs,
    utf8: Utf8,
    cached: Option<&Cached>,
    mapping: &Mutex<Option<crate::mapping::MappingWriter>>,
) -> anyhow::Result<Outcome> {
    let fresh;
    let (text, found) = match cached {
        Some(c) => (c.text.as_str(), &c.found),
        None => {
            let text = read(&item.path, utf8, &item.rel)?;
            let found = run.engine.analyze(&text);
            fresh = (text, found);
            (fresh.0.as_str(), &fresh.1)
        }
    };
    let out: Vec<u8> = match args.operation {
        Operation::Tag => {
            let v = output::entities_json(&entities(text, found));
            let mut s = serde_json::to_vec_pretty(&v)?;
            s.push(b'\n');
            s
        }
        Operation::Redact => {
            deid_core::redact::redact(text, found, &run.engine.settings().redaction_format)
                .into_bytes()
        }
        Operation::Surrogate => {
            let patient = if args.per_patient && item.rel.components().count() > 1 {
                item.rel
                    .components()
                    .next()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
            } else {
                None
            };
            let result = run.surrogator.surrogate(text, found, patient.as_deref());
            if let Some(m) = mapping
                .lock()
                .map_err(|_| anyhow::anyhow!("mapping writer failed"))?
                .as_mut()
            {
                m.write(&mapping_record(
                    &item.rel.display().to_string(),
                    text,
                    &result,
                ))?;
            }
            result.text.into_bytes()
        }
    };
    write_atomic(&item.out, &out, args.overwrite)
        .with_context(|| format!("writing the output of {}", item.rel.display()))?;
    let mut counts = BTreeMap::new();
    for f in found {
        *counts.entry(f.category).or_insert(0) += 1;
    }
    Ok(Outcome::Done {
        bytes: text.len(),
        counts,
    })
}

fn summarize(
    args: &BatchArgs,
    todo: &[&Item],
    skipped: usize,
    outcomes: &[Outcome],
    started: Instant,
) -> anyhow::Result<ExitCode> {
    let mut bytes = 0usize;
    let mut counts: BTreeMap<Category, usize> = BTreeMap::new();
    let mut failed = Vec::new();
    for (item, o) in todo.iter().zip(outcomes) {
        match o {
            Outcome::Done {
                bytes: b,
                counts: c,
            } => {
                bytes += b;
                for (k, v) in c {
                    *counts.entry(*k).or_insert(0) += v;
                }
            }
            Outcome::Failed(why) => failed.push((item.rel.display().to_string(), why.clone())),
        }
    }
    for (rel, why) in &failed {
        output::eprintln(&format!("deid: batch: {rel}: {why}"));
    }
    let secs = started.elapsed().as_secs_f64();
    let done = outcomes.len() - failed.len();
    let mut out = std::io::stdout().lock();
    if args.json {
        let v = serde_json::json!({
            "files": { "processed": done, "skipped": skipped, "failed": failed.len() },
            "bytes": bytes,
            "seconds": (secs * 1000.0).round() / 1000.0,
            "entities": counts.iter().map(|(k, v)| (k.name().to_owned(), *v)).collect::<BTreeMap<_, _>>(),
            "failures": failed.iter().map(|(f, w)| serde_json::json!({"file": f, "error": w})).collect::<Vec<_>>(),
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
    } else {
        writeln!(
            out,
            "{done} file(s) processed, {skipped} already done, {} failed; {:.2} MB in {secs:.2} s ({:.1} MB/s)",
            failed.len(),
            bytes as f64 / 1e6,
            bytes as f64 / 1e6 / secs.max(1e-9)
        )?;
        let total: usize = counts.values().sum();
        writeln!(out, "{total} PHI span(s):")?;
        for (k, v) in &counts {
            writeln!(out, "  {:<16} {v}", k.name())?;
        }
    }
    out.flush()?;
    Ok(if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
