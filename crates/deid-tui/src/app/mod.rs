//! The app state and its one transition function, [`App::update`]: events in,
//! state (and commands for the runtime) out. Nothing here touches the
//! terminal, the file system or the engine, so every transition is testable.

mod entry;
mod keys;
mod review;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use entry::{Counts, Entry, Filter, Status};
pub use keys::HELP;
pub use review::{Search, line_of, line_start};

use crate::event::{Command, Event};
use crate::pipeline::{Doc, Operation, Pipeline};
use crate::ui::theme::Theme;

/// The whole state of a session.
#[derive(Debug)]
pub struct App {
    /// In arrival order (the initial scan in name order).
    pub files: Vec<Entry>,
    index: HashMap<PathBuf, usize>,
    /// Index into `files`.
    pub selected: Option<usize>,
    pub filter: Filter,
    /// What the output pane shows.
    pub view: Operation,
    /// First line of the selected file shown in both panes.
    pub scroll: usize,
    /// Index into the selected document's findings.
    pub entity: Option<usize>,
    pub search: Search,
    pub help: bool,
    pub quit: bool,
    /// The last action's outcome, shown in the footer.
    pub message: Option<String>,
    pub pipeline: Arc<Pipeline>,
    /// Labels for the header: the input and output folders as given.
    pub title: String,
    commands: Vec<Command>,
    /// Colours or, for `NO_COLOR`, plain styles.
    pub theme: Theme,
    /// Terms sent to be allowed (lower case), oldest first.
    allowing: Vec<String>,
}

impl App {
    pub fn new(pipeline: Arc<Pipeline>, title: String) -> Self {
        App {
            files: Vec::new(),
            index: HashMap::new(),
            selected: None,
            filter: Filter::All,
            view: pipeline.operation,
            scroll: 0,
            entity: None,
            search: Search::default(),
            help: false,
            quit: false,
            message: None,
            pipeline,
            title,
            commands: Vec::new(),
            allowing: Vec::new(),
            theme: Theme { color: true },
        }
    }

    /// The commands the last events asked for, oldest first.
    pub fn take_commands(&mut self) -> Vec<Command> {
        std::mem::take(&mut self.commands)
    }

    pub fn update(&mut self, event: Event) {
        match event {
            Event::Key(key) => self.on_key(key),
            Event::Resize | Event::Tick => {}
            Event::FileChanged(rel) => self.on_changed(rel),
            Event::FileSeen(rel) => {
                if !self.index.contains_key(&rel) {
                    self.on_changed(rel);
                }
            }
            Event::FileRemoved(rel) => self.on_removed(&rel),
            Event::WatchError(why) => self.message = Some(format!("watch error: {why}")),
            Event::Started(rel) => {
                if let Some(e) = self.entry_mut(&rel).filter(|e| e.status == Status::Queued) {
                    e.status = Status::Working;
                }
            }
            Event::Processed(rel, result) => self.on_processed(&rel, result),
            Event::Allowed(pipeline) => self.on_allowed(pipeline),
            Event::AllowFailed(why) => self.message = Some(why),
            Event::Signal => self.quit = true,
        }
    }

    pub fn counts(&self) -> Counts {
        Counts::of(&self.files)
    }

    /// Indices into `files` that the filter keeps.
    pub fn visible(&self) -> Vec<usize> {
        (0..self.files.len())
            .filter(|&i| self.filter.keeps(&self.files[i]))
            .collect()
    }

    pub fn selected_entry(&self) -> Option<&Entry> {
        self.selected.map(|i| &self.files[i])
    }

    /// The selected file's last result.
    pub fn doc(&self) -> Option<&Arc<Doc>> {
        self.selected_entry().and_then(|e| e.doc.as_ref())
    }

    pub fn entry(&self, rel: &Path) -> Option<&Entry> {
        self.index.get(rel).map(|&i| &self.files[i])
    }

    /// Drops a file's last result (text and findings), for sessions with no
    /// screen that would otherwise keep every document in memory.
    pub fn release_doc(&mut self, rel: &Path) {
        if let Some(e) = self.entry_mut(rel) {
            e.doc = None;
        }
    }

    fn entry_mut(&mut self, rel: &Path) -> Option<&mut Entry> {
        self.index.get(rel).map(|&i| &mut self.files[i])
    }

    /// Queues a file unless it is queued already; one a worker has is redone
    /// when the worker is finished.
    fn enqueue(&mut self, i: usize) {
        let e = &mut self.files[i];
        match e.status {
            Status::Queued => {}
            Status::Working => e.rerun = true,
            _ => {
                e.status = Status::Queued;
                self.commands.push(Command::Process(e.rel.clone()));
            }
        }
    }

    fn on_changed(&mut self, rel: PathBuf) {
        let i = if let Some(&i) = self.index.get(&rel) {
            let e = &mut self.files[i];
            if matches!(e.status, Status::Done | Status::Failed(_)) || e.doc.is_some() {
                e.changed = true;
                e.reviewed = false;
            }
            self.enqueue(i);
            i
        } else {
            let i = self.files.len();
            self.index.insert(rel.clone(), i);
            self.files.push(Entry::new(rel.clone()));
            self.commands.push(Command::Process(rel));
            i
        };
        if self.selected.is_none() && self.filter.keeps(&self.files[i]) {
            self.select(Some(i));
        }
    }

    fn on_removed(&mut self, rel: &Path) {
        if let Some(e) = self.entry_mut(rel) {
            e.status = Status::Deleted;
            e.rerun = false;
        }
    }

    fn on_processed(&mut self, rel: &Path, result: Result<Arc<Doc>, String>) {
        let Some(&i) = self.index.get(rel) else {
            return;
        };
        let e = &mut self.files[i];
        if e.status == Status::Deleted {
            return;
        }
        match result {
            Ok(doc) => {
                e.doc = Some(doc);
                e.status = Status::Done;
            }
            Err(why) => {
                e.doc = None;
                e.status = Status::Failed(why);
            }
        }
        if std::mem::take(&mut e.rerun) {
            e.status = Status::Done;
            self.enqueue(i);
        }
        if self.selected == Some(i) {
            let n = self.doc().map_or(0, |d| d.findings.len());
            if self.entity.is_some_and(|x| x >= n) {
                self.entity = None;
            }
        }
    }

    /// Selects a file, resetting the view of it.
    fn select(&mut self, i: Option<usize>) {
        if self.selected != i {
            self.selected = i;
            self.scroll = 0;
            self.entity = None;
            self.search.hit = None;
        }
    }

    /// Moves the selection by `by` within the filtered list.
    fn move_selection(&mut self, by: isize) {
        let visible = self.visible();
        if visible.is_empty() {
            return;
        }
        let pos = self
            .selected
            .and_then(|s| visible.iter().position(|&v| v == s));
        let next = match pos {
            None => 0,
            Some(p) => p.saturating_add_signed(by).min(visible.len() - 1),
        };
        self.select(Some(visible[next]));
    }

    fn set_filter(&mut self, filter: Filter) {
        self.filter = filter;
        let keeps = self.selected_entry().is_some_and(|e| filter.keeps(e));
        if !keeps {
            let first = self.visible().first().copied();
            self.select(first);
        }
    }
}
