//! Writes synthetic notes as JSONL to stdout.
//!
//! `cargo run -p deid-synth --example synth -- [COUNT] [train|heldout|phi-free] [SEED] [--text]`
//! With `--text`, prints the notes themselves instead, separated by a rule.

#![allow(clippy::print_stdout)]

use std::io::{self, Write};

use deid_synth::{Split, SynthConfig, generate, to_jsonl_line};

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = args.iter().any(|a| a == "--text");
    let mut positional = args.iter().filter(|a| !a.starts_with("--"));
    let count = positional.next().and_then(|s| s.parse().ok()).unwrap_or(10);
    let mode = positional.next().map_or("train", String::as_str);
    let seed = positional.next().and_then(|s| s.parse().ok()).unwrap_or(1);
    let cfg = SynthConfig {
        seed,
        count,
        split: if mode == "heldout" {
            Split::Heldout
        } else {
            Split::Train
        },
        phi_free: mode == "phi-free",
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    for doc in generate(&cfg) {
        if text {
            writeln!(out, "===== {} ({}) =====\n{}", doc.id, doc.kind, doc.text)?;
        } else {
            writeln!(out, "{}", to_jsonl_line(&doc))?;
        }
    }
    out.flush()
}
