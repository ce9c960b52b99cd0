//! One watched file as the app sees it, and the filters over the file list.

use std::path::PathBuf;
use std::sync::Arc;

use crate::pipeline::Doc;

/// Where a file is in its processing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    Queued,
    Working,
    Done,
    /// Why it could not be processed (names the file, never its text).
    Failed(String),
    /// The input was deleted; its last result stays on screen.
    Deleted,
}

impl Status {
    pub const fn label(&self) -> &'static str {
        match self {
            Status::Queued => "queued",
            Status::Working => "working",
            Status::Done => "done",
            Status::Failed(_) => "failed",
            Status::Deleted => "deleted",
        }
    }
}

/// A file of the input folder.
#[derive(Debug)]
pub struct Entry {
    /// Relative to the input folder.
    pub rel: PathBuf,
    pub status: Status,
    /// The last result, kept while the file is reprocessed.
    pub doc: Option<Arc<Doc>>,
    /// The reviewer marked it reviewed (cleared when the file changes).
    pub reviewed: bool,
    /// The file changed on disk after it had been processed.
    pub changed: bool,
    /// It changed (or the settings did) while a worker had it: process it again.
    pub rerun: bool,
}

impl Entry {
    pub(crate) fn new(rel: PathBuf) -> Self {
        Entry {
            rel,
            status: Status::Queued,
            doc: None,
            reviewed: false,
            changed: false,
            rerun: false,
        }
    }

    /// Number of PHI spans in the last result.
    pub fn found(&self) -> usize {
        self.doc.as_ref().map_or(0, |d| d.findings.len())
    }
}

/// Which files the list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filter {
    All,
    /// Queued or working.
    Pending,
    Done,
    Failed,
    /// Changed on disk since processed.
    Changed,
    /// Done and not yet marked reviewed.
    Unreviewed,
    Deleted,
}

impl Filter {
    pub const fn label(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::Pending => "pending",
            Filter::Done => "done",
            Filter::Failed => "failed",
            Filter::Changed => "changed",
            Filter::Unreviewed => "unreviewed",
            Filter::Deleted => "deleted",
        }
    }

    #[must_use]
    pub const fn next(self) -> Self {
        match self {
            Filter::All => Filter::Pending,
            Filter::Pending => Filter::Done,
            Filter::Done => Filter::Failed,
            Filter::Failed => Filter::Changed,
            Filter::Changed => Filter::Unreviewed,
            Filter::Unreviewed => Filter::Deleted,
            Filter::Deleted => Filter::All,
        }
    }

    pub fn keeps(self, e: &Entry) -> bool {
        match self {
            Filter::All => true,
            Filter::Pending => matches!(e.status, Status::Queued | Status::Working),
            Filter::Done => e.status == Status::Done,
            Filter::Failed => matches!(e.status, Status::Failed(_)),
            Filter::Changed => e.changed,
            Filter::Unreviewed => e.status == Status::Done && !e.reviewed,
            Filter::Deleted => e.status == Status::Deleted,
        }
    }
}

/// How many files are in each state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub queued: usize,
    pub working: usize,
    pub done: usize,
    pub failed: usize,
    pub deleted: usize,
    pub reviewed: usize,
}

impl Counts {
    pub fn of<'a>(entries: impl IntoIterator<Item = &'a Entry>) -> Self {
        let mut c = Counts::default();
        for e in entries {
            match e.status {
                Status::Queued => c.queued += 1,
                Status::Working => c.working += 1,
                Status::Done => c.done += 1,
                Status::Failed(_) => c.failed += 1,
                Status::Deleted => c.deleted += 1,
            }
            c.reviewed += usize::from(e.reviewed);
        }
        c
    }

    /// Files settled (done or failed) out of those still present.
    pub fn progress(self) -> (usize, usize) {
        let settled = self.done + self.failed;
        (settled, settled + self.queued + self.working)
    }
}
