//! Watching the input folder: notify with a debouncer, turned into
//! [`Event::FileChanged`] and [`Event::FileRemoved`] for wanted files.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::mpsc::Sender;
use std::time::Duration;

use anyhow::Context;
use notify::event::{AccessKind, AccessMode, EventKind, ModifyKind};
use notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use crate::event::Event;
use crate::files::{Extensions, walk};

/// How long the debouncer waits for a burst of changes to one file to settle.
const SETTLE: Duration = Duration::from_millis(300);

/// Watches a folder tree for as long as it lives; dropping it stops watching.
pub struct Watcher {
    _debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
}

impl Watcher {
    /// Starts watching `dir` (absolute) and all its subfolders.
    pub fn new(dir: &Path, exts: Extensions, events: Sender<Event>) -> anyhow::Result<Self> {
        let root = dir.to_path_buf();
        let mut debouncer = new_debouncer(SETTLE, None, move |result: DebounceEventResult| {
            forward(&root, &exts, &events, result);
        })
        .context("starting the file watcher")?;
        debouncer
            .watch(dir, RecursiveMode::Recursive)
            .with_context(|| format!("watching {}", dir.display()))?;
        Ok(Watcher {
            _debouncer: debouncer,
        })
    }
}

/// Whether an event can mean new content. Opening or reading a file (as the
/// workers do) does not, and must not queue it again.
fn relevant(kind: EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) | EventKind::Any | EventKind::Other => true,
        EventKind::Modify(m) => !matches!(m, ModifyKind::Metadata(_)),
        EventKind::Access(a) => a == AccessKind::Close(AccessMode::Write),
    }
}

fn forward(root: &Path, exts: &Extensions, events: &Sender<Event>, result: DebounceEventResult) {
    let batch = match result {
        Ok(batch) => batch,
        Err(errors) => {
            for e in errors {
                let _ = events.send(Event::WatchError(e.to_string()));
            }
            return;
        }
    };
    if batch.iter().any(|e| e.need_rescan()) {
        // The kernel's queue overflowed in a burst: look at everything.
        if let Ok(all) = walk(root, exts) {
            for rel in all {
                if events.send(Event::FileSeen(rel)).is_err() {
                    return;
                }
            }
        }
    }
    let mut changed = BTreeSet::new();
    let mut removed = BTreeSet::new();
    for ev in batch.iter().filter(|e| relevant(e.kind)) {
        for path in &ev.paths {
            let Ok(rel) = path.strip_prefix(root) else {
                continue;
            };
            if path.is_dir() {
                // Files moved in with a new folder raise no events of their own.
                if let Ok(found) = walk(path, exts) {
                    changed.extend(found.into_iter().map(|f| rel.join(f)));
                }
            } else if !exts.wants(path) {
            } else if path.is_file() {
                removed.remove(rel);
                changed.insert(rel.to_path_buf());
            } else if !path.exists() {
                changed.remove(rel);
                removed.insert(rel.to_path_buf());
            }
        }
    }
    let send = |e| events.send(e).is_ok();
    for rel in removed {
        if !send(Event::FileRemoved(rel)) {
            return;
        }
    }
    for rel in changed {
        if !send(Event::FileChanged(rel)) {
            return;
        }
    }
}
