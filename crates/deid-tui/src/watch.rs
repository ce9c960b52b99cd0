//! `deid watch`: the same session with no screen. Progress and failures go
//! to standard error as file names, counts and reasons, never document text.
//! SIGINT or SIGTERM stops it after the files in progress are written.

use std::io::Write;
use std::time::Duration;

use crate::app::App;
use crate::event::Event;
use crate::session::{Channel, Config, Session};

/// Watches until a signal arrives; the workers finish their current files
/// before it returns.
pub fn run(config: Config) -> anyhow::Result<()> {
    let channel = Channel::new();
    channel.handle_signals();
    let mut session = Session::start(config, channel)?;
    log(&format!(
        "watching {}; {} file(s) queued",
        session.app.title,
        session.app.files.len()
    ));
    while !session.app.quit {
        for event in session.next_batch(Duration::from_secs(1)) {
            if let Some(line) = describe(&event, &session.app) {
                log(&line);
            }
            let done = match &event {
                Event::Processed(rel, _) => Some(rel.clone()),
                _ => None,
            };
            session.app.update(event);
            // Nothing shows the text: keep no document in memory.
            if let Some(rel) = done {
                session.app.release_doc(&rel);
            }
        }
        session.execute();
    }
    let c = session.app.counts();
    drop(session);
    log(&format!(
        "stopped: {} done, {} failed, {} left in the queue",
        c.done,
        c.failed,
        c.queued + c.working
    ));
    Ok(())
}

/// The log line for an event, if it gets one. Names, counts and reasons only.
pub fn describe(event: &Event, app: &App) -> Option<String> {
    let (done, total) = app.counts().progress();
    Some(match event {
        Event::Processed(rel, Ok(doc)) => format!(
            "[{}/{total}] {}: {} PHI span(s)",
            done + 1,
            rel.display(),
            doc.findings.len()
        ),
        Event::Processed(rel, Err(why)) => {
            format!("[{}/{total}] {}: failed: {why}", done + 1, rel.display())
        }
        Event::FileRemoved(rel) => format!("{}: input deleted; its output is kept", rel.display()),
        Event::WatchError(why) => format!("watch error: {why}"),
        Event::Signal => "stopping: finishing the files in progress".to_owned(),
        _ => return None,
    })
}

fn log(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "deid: watch: {line}");
}
