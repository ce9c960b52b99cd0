//! What `deid tui` and `deid watch` share: the pipeline, the worker pool, the
//! watcher, the event channel and the app, and carrying out the app's commands.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

use deid_core::{Settings, SurrogateKey};

use crate::app::App;
use crate::event::{Command, Event};
use crate::files::{self, Extensions, Utf8};
use crate::pipeline::{Operation, Pipeline, PipelineConfig};
use crate::pool::{Job, Pool};
use crate::watcher::Watcher;

/// A session's settings, parsed and checked by the command line.
pub struct Config {
    pub in_dir: PathBuf,
    /// Where outputs go; `None` (only for `deid tui`) to preview without writing.
    pub out_dir: Option<PathBuf>,
    pub operation: Operation,
    /// File extensions to take; `*` for all.
    pub exts: Vec<String>,
    /// Worker threads; 0 for one fewer than the cores (at least one).
    pub jobs: usize,
    pub utf8: Utf8,
    pub settings: Settings,
    /// The `deid.toml` that the allow action edits (created if missing).
    pub config_path: PathBuf,
    /// One key for the whole session, so surrogates agree across files.
    pub key: SurrogateKey,
}

/// The session's event channel. Made first, so that a signal during start-up
/// is not lost.
pub struct Channel {
    tx: Sender<Event>,
    rx: Receiver<Event>,
}

impl Channel {
    pub fn new() -> Self {
        let (tx, rx) = channel();
        Channel { tx, rx }
    }

    /// Sends SIGINT and SIGTERM as [`Event::Signal`]. A process has one such
    /// handler; a second channel keeps the first one's.
    pub fn handle_signals(&self) {
        let tx = self.tx.clone();
        let _ = ctrlc::set_handler(move || {
            let _ = tx.send(Event::Signal);
        });
    }
}

impl Default for Channel {
    fn default() -> Self {
        Channel::new()
    }
}

/// A running session. Dropping it stops the watcher and the workers.
pub struct Session {
    pub app: App,
    events: Receiver<Event>,
    tx: Sender<Event>,
    config_path: PathBuf,
    // Dropped before the pool, so no new changes arrive while it drains.
    _watcher: Watcher,
    pool: Pool,
}

impl Session {
    /// Checks the folders, starts the workers and the watcher, and queues every
    /// file already in the input folder.
    pub fn start(config: Config, channel: Channel) -> anyhow::Result<Self> {
        let (in_dir, out_dir) = match &config.out_dir {
            Some(out) => {
                let (i, o) = files::check_dirs(&config.in_dir, out)?;
                files::clean_stale_temps(&o);
                (i, Some(o))
            }
            None => (files::check_input(&config.in_dir)?, None),
        };
        let title = match &config.out_dir {
            Some(o) => format!("{} → {}", config.in_dir.display(), o.display()),
            None => format!("{} (preview only)", config.in_dir.display()),
        };
        let pipeline = Arc::new(Pipeline::new(
            config.settings,
            PipelineConfig {
                key: config.key,
                operation: config.operation,
                in_dir: in_dir.clone(),
                out_dir,
                utf8: config.utf8,
            },
        )?);
        let Channel { tx, rx: events } = channel;
        let jobs = match config.jobs {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get().saturating_sub(1)),
            n => n,
        };
        let pool = Pool::new(jobs, &tx)?;
        let exts = Extensions::new(&config.exts);
        // Watch first, so that nothing written during the scan is missed.
        let watcher = Watcher::new(&in_dir, exts.clone(), tx.clone())?;
        let mut session = Session {
            app: App::new(pipeline, title),
            events,
            tx,
            config_path: config.config_path,
            _watcher: watcher,
            pool,
        };
        for rel in files::walk(&in_dir, &exts)? {
            session.app.update(Event::FileChanged(rel));
        }
        session.execute();
        Ok(session)
    }

    /// A sender for other producers (terminal input, signals).
    pub fn sender(&self) -> Sender<Event> {
        self.tx.clone()
    }

    /// Waits up to `wait` for an event ([`Event::Tick`] if none comes), then
    /// takes whatever else is already waiting, for at most 50 ms, so that a
    /// burst is handled in one go and drawn once.
    pub fn next_batch(&self, wait: Duration) -> Vec<Event> {
        let first = match self.events.recv_timeout(wait) {
            Ok(e) => e,
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {
                return vec![Event::Tick];
            }
        };
        let started = Instant::now();
        let mut batch = vec![first];
        while started.elapsed() < Duration::from_millis(50) && batch.len() < 20_000 {
            match self.events.try_recv() {
                Ok(e) => batch.push(e),
                Err(_) => break,
            }
        }
        batch
    }

    /// Carries out what the app asked for.
    pub fn execute(&mut self) {
        for command in self.app.take_commands() {
            match command {
                Command::Process(rel) => self.pool.submit(Job {
                    rel,
                    pipeline: self.app.pipeline.clone(),
                }),
                Command::Allow(term) => {
                    let (path, tx) = (self.config_path.clone(), self.tx.clone());
                    let pipeline = self.app.pipeline.clone();
                    // Off the screen's thread: the new engine takes a moment to build.
                    std::thread::spawn(move || {
                        let event = match crate::allow::add(&path, &term.0)
                            .and_then(|settings| pipeline.with_settings(settings))
                        {
                            Ok(pipeline) => Event::Allowed(pipeline),
                            Err(e) => Event::AllowFailed(format!("{e:#}")),
                        };
                        let _ = tx.send(event);
                    });
                }
            }
        }
    }
}
