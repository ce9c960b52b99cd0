//! deid-tui: the terminal UI (`deid tui`) and the headless folder watcher
//! (`deid watch`).
//!
//! Both run one [`Session`]: a notify watcher and a worker pool feed one event
//! channel; [`App::update`] turns events into state and [`Command`]s; the
//! session carries the commands out. `deid tui` draws the app with ratatui
//! after every batch of events (`impl Widget for &App`); `deid watch` logs
//! instead. The engine runs only on worker threads, so the screen never waits
//! on it. Document text stays on screen and in output files: it never reaches
//! a log, an error message or `Debug` output.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod allow;
pub mod app;
pub mod event;
pub mod files;
pub mod pipeline;
pub mod pool;
pub mod session;
pub mod terminal;
pub mod ui;
pub mod watch;
pub mod watcher;

pub use app::App;
pub use event::{Command, Event};
pub use pipeline::{Doc, Operation, Pipeline, PipelineConfig};
pub use session::{Channel, Config, Session};
