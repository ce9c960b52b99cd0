//! `--jsonl`: one `{"id", "text"}` object per input line, one result per output line.

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use deid_core::{Engine, entities};
use serde::Deserialize;
use serde_json::json;

use crate::output;

#[derive(Clone, Copy)]
pub(crate) enum Op {
    Tag,
    Redact,
}

#[derive(Deserialize)]
struct Line {
    id: serde_json::Value,
    text: String,
}

/// Processes every line; a bad line is reported on standard error with its line
/// number (never its content), the rest go on, and the exit code is 2 at the end.
pub(crate) fn run(engine: &Engine, files: &[PathBuf], op: Op) -> anyhow::Result<ExitCode> {
    let mut bad = 0usize;
    let mut out = std::io::stdout().lock();
    for (name, reader) in sources(files)? {
        for (n, line) in reader.split(b'\n').enumerate() {
            let line = line.with_context(|| format!("reading {name}"))?;
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let item = match parse::<Line>(&line) {
                Ok(item) => item,
                Err(why) => {
                    output::eprintln(&format!("deid: {name} line {}: {why}; skipped", n + 1));
                    bad += 1;
                    continue;
                }
            };
            let v = match op {
                Op::Tag => {
                    let found = entities(&item.text, &engine.analyze(&item.text));
                    let mut v = output::entities_json(&found);
                    v["id"] = item.id;
                    v
                }
                Op::Redact => json!({ "id": item.id, "outputText": engine.redact(&item.text) }),
            };
            writeln!(out, "{}", serde_json::to_string(&v)?)?;
        }
    }
    out.flush()?;
    Ok(if bad > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// The named readers: each file, or standard input when there are none.
pub(crate) fn sources(files: &[PathBuf]) -> anyhow::Result<Vec<(String, Box<dyn BufRead>)>> {
    Ok(if files.is_empty() {
        vec![("standard input".into(), Box::new(std::io::stdin().lock()))]
    } else {
        files
            .iter()
            .map(|p| {
                let f =
                    std::fs::File::open(p).with_context(|| format!("opening {}", p.display()))?;
                Ok((
                    p.display().to_string(),
                    Box::new(std::io::BufReader::new(f)) as Box<dyn BufRead>,
                ))
            })
            .collect::<anyhow::Result<_>>()?
    })
}

/// One line as `T`; the error names the problem, never the content.
pub(crate) fn parse<T: serde::de::DeserializeOwned>(line: &[u8]) -> Result<T, String> {
    std::str::from_utf8(line)
        .map_err(|e| format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()))
        .and_then(|s| serde_json::from_str::<T>(s).map_err(|e| describe(&e)))
}

/// A JSON error by kind and column only: serde's messages can quote values.
fn describe(e: &serde_json::Error) -> String {
    use serde_json::error::Category as C;
    let kind = match e.classify() {
        C::Syntax => "invalid JSON",
        C::Data => "expected an object with a string `text` and an `id`",
        C::Eof => "truncated JSON",
        C::Io => "unreadable",
    };
    format!("{kind} (column {})", e.column())
}
