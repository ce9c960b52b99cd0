//! `deid bench-serve`: a bounded load test of `POST /deid`. Starts the server
//! in this process on loopback (plain HTTP, one Realtime Data User token),
//! then sends a fixed number of requests per operation from concurrent
//! clients on kept-alive connections and reports requests per second,
//! latency percentiles and errors.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Args;
use deid_server::auth::{Role, Tokens, digest};
use deid_server::jobs::storage::Storage;
use deid_server::{Config, Limits};
use deid_synth::{Split, SynthConfig, generate};

const TOKEN: &str = "bench-serve";

#[derive(Args)]
pub(crate) struct BenchServeArgs {
    /// Concurrent clients, each on its own kept-alive connection
    #[arg(long, default_value_t = 32)]
    clients: usize,
    /// Requests per operation (Tag, then Surrogate)
    #[arg(long, default_value_t = 2000)]
    requests: usize,
    /// Approximate size of each note in bytes (generated notes joined)
    #[arg(long, default_value_t = 2048)]
    note_bytes: usize,
    /// Distinct notes the clients cycle through
    #[arg(long, default_value_t = 200)]
    notes: usize,
}

/// What one operation's run measured.
struct Run {
    ok: usize,
    errors: usize,
    statuses: Vec<u16>,
    latencies: Vec<Duration>,
    wall: Duration,
}

pub(crate) fn run(
    args: &BenchServeArgs,
    config: Option<&std::path::Path>,
) -> anyhow::Result<ExitCode> {
    let settings = crate::config::load(config)?;
    let state_dir = tempfile::tempdir().context("creating a temporary folder")?;
    let mut tokens = Tokens::default();
    tokens.add_digest(digest(TOKEN), Role::RealtimeDataUser, "bench");
    let cfg = Config {
        listen: ([127, 0, 0, 1], 0).into(),
        tls: None,
        tokens,
        storage: Storage {
            roots: Vec::new(),
            azure: Vec::new(),
        },
        state: state_dir.path().join("jobs.db"),
        settings,
        limits: Limits::default(),
    };
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        // Ends with the process.
        let _ = deid_server::run(cfg, |addr| {
            let _ = tx.send(addr);
        });
    });
    let addr = rx
        .recv_timeout(Duration::from_secs(30))
        .context("the server did not start")?;

    let notes = notes(args.notes.max(1), args.note_bytes);
    let mean = notes.iter().map(String::len).sum::<usize>() / notes.len();
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "POST /deid on http://{addr}: {} clients, {} requests per operation, notes of {mean} B on average",
        args.clients, args.requests
    )?;
    for op in ["Tag", "Surrogate"] {
        let bodies: Arc<Vec<String>> = Arc::new(
            notes
                .iter()
                .map(|n| serde_json::json!({"inputText": n, "operation": op}).to_string())
                .collect(),
        );
        // A short warm-up, not counted.
        load(addr, &bodies, args.clients, args.clients);
        let r = load(addr, &bodies, args.clients, args.requests);
        let secs = r.wall.as_secs_f64();
        let mut lat = r.latencies;
        lat.sort_unstable();
        let pct = |p: f64| -> f64 {
            if lat.is_empty() {
                return f64::NAN;
            }
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                clippy::cast_precision_loss
            )]
            let i = ((lat.len() as f64 * p).ceil() as usize).clamp(1, lat.len()) - 1;
            lat[i].as_secs_f64() * 1000.0
        };
        #[allow(clippy::cast_precision_loss)]
        let rps = r.ok as f64 / secs;
        let mut statuses = r.statuses;
        statuses.sort_unstable();
        statuses.dedup();
        writeln!(
            out,
            "{op:<9} {rps:8.1} req/s  p50 {:6.1} ms  p95 {:6.1} ms  p99 {:6.1} ms  max {:6.1} ms  ok {}  errors {}{}",
            pct(0.50),
            pct(0.95),
            pct(0.99),
            pct(1.0),
            r.ok,
            r.errors,
            if statuses.is_empty() {
                String::new()
            } else {
                format!(" (statuses {statuses:?})")
            }
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Generated notes joined until each is about `bytes` long.
fn notes(count: usize, bytes: usize) -> Vec<String> {
    let mut lines = generate(&SynthConfig {
        seed: 42,
        count: count * 8,
        split: Split::Train,
        phi_free: false,
    })
    .flat_map(|d| d.text.lines().map(str::to_owned).collect::<Vec<_>>());
    (0..count)
        .map(|_| {
            let mut note = String::new();
            while note.len() < bytes {
                let Some(line) = lines.next() else { break };
                note.push_str(&line);
                note.push('\n');
            }
            note
        })
        .filter(|n| !n.is_empty())
        .collect()
}

/// Sends `requests` requests from `clients` threads, cycling through `bodies`.
fn load(addr: SocketAddr, bodies: &Arc<Vec<String>>, clients: usize, requests: usize) -> Run {
    let next = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let handles: Vec<_> = (0..clients.max(1))
        .map(|_| {
            let next = Arc::clone(&next);
            let bodies = Arc::clone(bodies);
            std::thread::spawn(move || {
                let mut run = Run {
                    ok: 0,
                    errors: 0,
                    statuses: Vec::new(),
                    latencies: Vec::new(),
                    wall: Duration::ZERO,
                };
                let mut conn: Option<BufReader<TcpStream>> = None;
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= requests {
                        return run;
                    }
                    let body = &bodies[i % bodies.len()];
                    let t = Instant::now();
                    match request(&mut conn, addr, body) {
                        Ok(200) => {
                            run.ok += 1;
                            run.latencies.push(t.elapsed());
                        }
                        Ok(status) => {
                            run.errors += 1;
                            run.statuses.push(status);
                        }
                        Err(_) => {
                            run.errors += 1;
                            conn = None;
                        }
                    }
                }
            })
        })
        .collect();
    let mut total = Run {
        ok: 0,
        errors: 0,
        statuses: Vec::new(),
        latencies: Vec::new(),
        wall: Duration::ZERO,
    };
    for h in handles {
        let r = h.join().unwrap_or_else(|_| Run {
            ok: 0,
            errors: 1,
            statuses: Vec::new(),
            latencies: Vec::new(),
            wall: Duration::ZERO,
        });
        total.ok += r.ok;
        total.errors += r.errors;
        total.statuses.extend(r.statuses);
        total.latencies.extend(r.latencies);
    }
    total.wall = start.elapsed();
    total
}

/// One `POST /deid` on a kept-alive connection; answers the status.
fn request(
    conn: &mut Option<BufReader<TcpStream>>,
    addr: SocketAddr,
    body: &str,
) -> std::io::Result<u16> {
    if conn.is_none() {
        let s = TcpStream::connect(addr)?;
        s.set_nodelay(true)?;
        s.set_read_timeout(Some(Duration::from_secs(60)))?;
        *conn = Some(BufReader::new(s));
    }
    let Some(c) = conn.as_mut() else {
        return Err(std::io::ErrorKind::NotConnected.into());
    };
    let head = format!(
        "POST /deid?api-version={} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {TOKEN}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        deid_server::API_VERSION,
        body.len()
    );
    let s = c.get_mut();
    s.write_all(head.as_bytes())?;
    s.write_all(body.as_bytes())?;
    let mut line = String::new();
    c.read_line(&mut line)?;
    let status: u16 = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or(std::io::ErrorKind::InvalidData)?;
    let mut length = None;
    let mut close = false;
    loop {
        line.clear();
        if c.read_line(&mut line)? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        let lower = l.to_ascii_lowercase();
        if let Some(v) = lower.strip_prefix("content-length:") {
            length = v.trim().parse::<u64>().ok();
        } else if lower == "connection: close" {
            close = true;
        }
    }
    let length = length.ok_or(std::io::ErrorKind::InvalidData)?;
    std::io::copy(&mut c.by_ref().take(length), &mut std::io::sink())?;
    if close {
        *conn = None;
    }
    Ok(status)
}
