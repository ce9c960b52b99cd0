//! The one event type every producer sends (terminal input, the watcher, the
//! workers, configuration changes, signals), and the commands the app asks
//! its runtime to carry out.

use std::path::PathBuf;
use std::sync::Arc;

use ratatui::crossterm::event::KeyEvent;

use crate::pipeline::{Doc, Pipeline};

/// Something that happened. Paths are relative to the input folder.
#[derive(Debug)]
pub enum Event {
    Key(KeyEvent),
    /// The terminal changed size.
    Resize,
    /// Nothing happened for a while; redraw.
    Tick,
    /// A file appeared or changed in the input folder.
    FileChanged(PathBuf),
    /// A file is in the input folder (after the watcher lost track of events
    /// and rescanned): queued if new, else left alone.
    FileSeen(PathBuf),
    /// A file left the input folder.
    FileRemoved(PathBuf),
    /// The watcher failed; the message names paths only.
    WatchError(String),
    /// A worker started on a file.
    Started(PathBuf),
    /// A worker finished a file: its document, or why it failed.
    Processed(PathBuf, Result<Arc<Doc>, String>),
    /// `deid.toml` was changed to allow a term: the new pipeline.
    Allowed(Arc<Pipeline>),
    /// Changing `deid.toml` failed; the message names the file only.
    AllowFailed(String),
    /// SIGINT or SIGTERM.
    Signal,
}

/// What the app asks of its runtime after an event.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// Process this file (relative to the input folder) with the app's current pipeline.
    Process(PathBuf),
    /// Add this term to the allow-list in `deid.toml`, then send [`Event::Allowed`].
    Allow(AllowTerm),
}

/// A term to allow. `Debug` prints only its length.
#[derive(PartialEq, Eq)]
pub struct AllowTerm(pub String);

impl std::fmt::Debug for AllowTerm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "AllowTerm(len={})", self.0.len())
    }
}
