//! Helpers shared by the app and screen tests: a pipeline with a fixed key,
//! documents analyzed by the real engine, and key events.

#![allow(dead_code, unreachable_pub)]

use std::path::PathBuf;
use std::sync::Arc;

use deid_core::{Settings, SurrogateKey};
use deid_tui::files::Utf8;
use deid_tui::{App, Doc, Event, Operation, Pipeline, PipelineConfig};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub const NOTE: &str = "Seen by Dr. John Smith on 3/4/2021.\nPatient Mary Jones, age 45, phone 617-555-1234.\nLives in Boston.\n";
pub const FOLLOW_UP: &str = "Mary Jones called back on 3/9/2021.\n";

pub fn pipeline_with(settings: Settings) -> Arc<Pipeline> {
    Arc::new(
        Pipeline::new(
            settings,
            PipelineConfig {
                key: SurrogateKey::from_secret(b"fixed test key"),
                operation: Operation::Surrogate,
                in_dir: PathBuf::from("/in"),
                out_dir: None,
                utf8: Utf8::Strict,
            },
        )
        .expect("pipeline builds"),
    )
}

pub fn app() -> App {
    App::new(pipeline_with(Settings::default()), "in → out".into())
}

pub fn doc(app: &App, text: &str) -> Arc<Doc> {
    Arc::new(Doc {
        text: text.to_owned(),
        findings: app.pipeline.engine.analyze(text),
    })
}

pub fn key(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

pub fn code(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn ctrl(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

pub fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        app.update(key(c));
    }
}

/// Files arrive, are picked up by workers and processed, in order.
pub fn arrive(app: &mut App, files: &[(&str, &str)]) {
    for (name, _) in files {
        app.update(Event::FileChanged(name.into()));
    }
    for (name, text) in files {
        app.update(Event::Started(name.into()));
        let d = doc(app, text);
        app.update(Event::Processed(name.into(), Ok(d)));
    }
    app.take_commands();
}
