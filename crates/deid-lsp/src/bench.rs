//! A benchmark of the server as editors see it: a child `deid lsp` process
//! driven over its stdio by a minimal client, timing first diagnostics and
//! edit-to-diagnostics latency, and reading the server's resident memory.

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Context;
use serde_json::{Value, json};

/// What to measure.
#[derive(Clone)]
pub struct BenchConfig {
    /// The server command (`deid`) and its arguments (`lsp`).
    pub program: PathBuf,
    pub args: Vec<String>,
    /// The note edited (about 20 KB).
    pub small: String,
    /// The note only opened (about 100 KB).
    pub large: String,
    /// How many one-line edits to time.
    pub edits: usize,
    /// Quiet time between edits (a typist's pause).
    pub pause: Duration,
}

impl std::fmt::Debug for BenchConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BenchConfig")
            .field("small", &self.small.len())
            .field("large", &self.large.len())
            .field("edits", &self.edits)
            .finish_non_exhaustive()
    }
}

/// The figures, in milliseconds and kilobytes.
#[derive(Clone, Debug)]
pub struct BenchReport {
    pub small_bytes: usize,
    pub large_bytes: usize,
    pub first_small_ms: f64,
    pub first_large_ms: f64,
    pub edit_p50_ms: f64,
    pub edit_p95_ms: f64,
    pub edit_max_ms: f64,
    pub edits: usize,
    /// Resident memory at the end and its peak (`VmRSS`, `VmHWM`), on Linux.
    pub rss_kb: Option<u64>,
    pub peak_rss_kb: Option<u64>,
}

/// Runs the benchmark against a fresh server process.
pub fn run(cfg: &BenchConfig) -> anyhow::Result<BenchReport> {
    let mut client = Client::spawn(cfg)?;
    client.request(
        "initialize",
        &json!({ "processId": null, "rootUri": null, "capabilities": {} }),
    )?;
    client.notify("initialized", &json!({}))?;

    let small = "file:///bench/small-note.txt";
    let large = "file:///bench/large-note.txt";
    let first_small = client.open(small, &cfg.small)?;
    let first_large = client.open(large, &cfg.large)?;

    let lines = cfg.small.lines().count().max(1);
    let mut times = Vec::with_capacity(cfg.edits);
    for i in 0..cfg.edits {
        std::thread::sleep(cfg.pause);
        let line = (i * 37) % lines;
        let version = i64::try_from(i).unwrap_or(i64::MAX - 2) + 2;
        let change = json!({
            "textDocument": { "uri": small, "version": version },
            "contentChanges": [{
                "range": { "start": { "line": line, "character": 0 },
                           "end": { "line": line, "character": 0 } },
                "text": "Seen again by Dr. Adams on 3/4/2021. "
            }]
        });
        let t = Instant::now();
        client.notify("textDocument/didChange", &change)?;
        client.wait_diagnostics(small, version)?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let (rss_kb, peak_rss_kb) = memory(client.child.id());
    client.request("shutdown", &Value::Null)?;
    client.notify("exit", &Value::Null)?;
    let _ = client.child.wait();

    times.sort_by(f64::total_cmp);
    let pick = |q: f64| {
        if times.is_empty() {
            0.0
        } else {
            times[((times.len() - 1) as f64 * q).round() as usize]
        }
    };
    Ok(BenchReport {
        small_bytes: cfg.small.len(),
        large_bytes: cfg.large.len(),
        first_small_ms: first_small.as_secs_f64() * 1000.0,
        first_large_ms: first_large.as_secs_f64() * 1000.0,
        edit_p50_ms: pick(0.5),
        edit_p95_ms: pick(0.95),
        edit_max_ms: times.last().copied().unwrap_or(0.0),
        edits: times.len(),
        rss_kb,
        peak_rss_kb,
    })
}

/// `VmRSS` and `VmHWM` of process `pid`, where `/proc` has them.
fn memory(pid: u32) -> (Option<u64>, Option<u64>) {
    let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/status")) else {
        return (None, None);
    };
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// A blocking LSP client over a child's stdio.
struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: mpsc::Receiver<Value>,
    next_id: i64,
}

const TIMEOUT: Duration = Duration::from_secs(60);

impl Client {
    fn spawn(cfg: &BenchConfig) -> anyhow::Result<Self> {
        let mut child = Command::new(&cfg.program)
            .args(&cfg.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .with_context(|| format!("starting {}", cfg.program.display()))?;
        let stdin = child.stdin.take().context("no stdin")?;
        let stdout = child.stdout.take().context("no stdout")?;
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Ok(Some(msg)) = read_message(&mut reader) {
                if tx.send(msg).is_err() {
                    break;
                }
            }
        });
        Ok(Client {
            child,
            stdin,
            messages: rx,
            next_id: 0,
        })
    }

    fn send(&mut self, msg: &Value) -> anyhow::Result<()> {
        let body = serde_json::to_string(msg)?;
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len())?;
        self.stdin.flush()?;
        Ok(())
    }

    fn notify(&mut self, method: &str, params: &Value) -> anyhow::Result<()> {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }))
    }

    fn request(&mut self, method: &str, params: &Value) -> anyhow::Result<Value> {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }))?;
        self.wait(|m| m.get("id") == Some(&json!(id)) && m.get("method").is_none())
    }

    fn open(&mut self, uri: &str, text: &str) -> anyhow::Result<Duration> {
        let t = Instant::now();
        self.notify(
            "textDocument/didOpen",
            &json!({ "textDocument": {
                "uri": uri, "languageId": "plaintext", "version": 1, "text": text
            }}),
        )?;
        self.wait_diagnostics(uri, 1)?;
        Ok(t.elapsed())
    }

    fn wait_diagnostics(&mut self, uri: &str, version: i64) -> anyhow::Result<Value> {
        self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        })
    }

    /// The first message that `want` accepts; server requests are answered
    /// with `null` on the way.
    fn wait(&mut self, want: impl Fn(&Value) -> bool) -> anyhow::Result<Value> {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let msg = self
                .messages
                .recv_timeout(left)
                .context("the server did not answer in time")?;
            if want(&msg) {
                return Ok(msg);
            }
            if msg.get("id").is_some() && msg.get("method").is_some() {
                let id = msg["id"].clone();
                self.send(&json!({ "jsonrpc": "2.0", "id": id, "result": null }))?;
            }
        }
    }
}

fn read_message(reader: &mut impl BufRead) -> std::io::Result<Option<Value>> {
    let mut len = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length:") {
            len = v.trim().parse::<usize>().ok();
        }
    }
    let Some(len) = len else {
        return Ok(None);
    };
    let mut body = vec![0; len];
    reader.read_exact(&mut body)?;
    Ok(serde_json::from_slice(&body).ok())
}
