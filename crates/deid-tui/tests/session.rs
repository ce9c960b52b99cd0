//! The real thing: notify, the worker pool and the file system. Files
//! written into a temporary input folder appear, de-identified, in the output
//! folder.

use std::path::Path;
use std::time::{Duration, Instant};

use deid_core::{Settings, SurrogateKey};
use deid_tui::app::Status;
use deid_tui::files::Utf8;
use deid_tui::{Channel, Config, Event, Operation, Session};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const NOTE: &str = "Seen by Dr. John Smith on 3/4/2021.\nPatient Mary Jones, age 45.\n";

fn config(dir: &Path, operation: Operation) -> Config {
    Config {
        in_dir: dir.join("in"),
        out_dir: Some(dir.join("out")),
        operation,
        exts: vec!["txt".into()],
        jobs: 2,
        utf8: Utf8::Strict,
        settings: Settings::default(),
        config_path: dir.join("deid.toml"),
        key: SurrogateKey::from_secret(b"session test key"),
    }
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("in")).unwrap();
    dir
}

/// Runs the session's loop until `done` holds, for at most 20 seconds.
fn run_until(session: &mut Session, what: &str, done: impl Fn(&Session) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !done(session) {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        for e in session.next_batch(Duration::from_millis(100)) {
            session.app.update(e);
        }
        session.execute();
    }
}

fn status(session: &Session, rel: &str) -> Option<Status> {
    session.app.entry(Path::new(rel)).map(|e| e.status.clone())
}

fn read(path: &Path) -> Option<String> {
    std::fs::read_to_string(path).ok()
}

#[test]
fn files_written_into_the_input_appear_deidentified_in_the_output() {
    let dir = setup();
    std::fs::write(dir.path().join("in/before.txt"), NOTE).unwrap();
    let mut session =
        Session::start(config(dir.path(), Operation::Surrogate), Channel::new()).unwrap();
    std::fs::create_dir_all(dir.path().join("in/ward/a")).unwrap();
    std::fs::write(dir.path().join("in/ward/a/new.txt"), NOTE).unwrap();
    std::fs::write(dir.path().join("in/skip.bin"), NOTE).unwrap();
    let out = dir.path().join("out/ward/a/new.txt");
    run_until(&mut session, "the new file's output", |s| {
        status(s, "ward/a/new.txt") == Some(Status::Done) && out.exists()
    });
    run_until(&mut session, "the existing file", |s| {
        status(s, "before.txt") == Some(Status::Done)
    });
    let new = read(&out).unwrap();
    assert!(
        !new.contains("John Smith") && !new.contains("Mary Jones"),
        "{new}"
    );
    assert!(new.starts_with("Seen by Dr. "), "{new}");
    // One key for the session: the same note gets the same surrogates.
    assert_eq!(read(&dir.path().join("out/before.txt")).unwrap(), new);
    assert_eq!(status(&session, "skip.bin"), None, "only .txt files");
    // Inputs are never touched and no temporary files remain.
    assert_eq!(read(&dir.path().join("in/ward/a/new.txt")).unwrap(), NOTE);
    let temps = walkdir::WalkDir::new(dir.path().join("out"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".deid-tmp-"))
        .count();
    assert_eq!(temps, 0);
}

#[test]
fn changes_are_reprocessed_failures_reported_and_deletions_noted() {
    let dir = setup();
    let mut session =
        Session::start(config(dir.path(), Operation::Redact), Channel::new()).unwrap();
    let input = dir.path().join("in/a.txt");
    std::fs::write(&input, NOTE).unwrap();
    std::fs::write(dir.path().join("in/bad.txt"), b"Seen by \xff\xfe Smith\n").unwrap();
    let out = dir.path().join("out/a.txt");
    run_until(&mut session, "both files", |s| {
        status(s, "a.txt") == Some(Status::Done)
            && matches!(status(s, "bad.txt"), Some(Status::Failed(_)))
    });
    assert_eq!(
        read(&out).unwrap(),
        "Seen by [doctor] on [date].\nPatient [patient], age [age].\n"
    );
    let Some(Status::Failed(why)) = status(&session, "bad.txt") else {
        unreachable!()
    };
    assert_eq!(
        why,
        "bad.txt is not valid UTF-8 (first invalid byte at offset 8); convert it to UTF-8 or pass --lossy to replace invalid bytes with U+FFFD"
    );
    std::fs::write(&input, "Call Mary Jones on 5/6/2022.\n").unwrap();
    run_until(&mut session, "the changed output", |s| {
        read(&out).is_some_and(|t| t.starts_with("Call "))
            && s.app.entry(Path::new("a.txt")).unwrap().changed
    });
    assert_eq!(read(&out).unwrap(), "Call [patient] on [date].\n");
    std::fs::remove_file(&input).unwrap();
    run_until(&mut session, "the deletion", |s| {
        status(s, "a.txt") == Some(Status::Deleted)
    });
    assert!(out.exists(), "outputs of deleted inputs are kept");
}

#[test]
fn allowing_an_entity_edits_deid_toml_and_rewrites_affected_outputs() {
    let dir = setup();
    std::fs::write(
        dir.path().join("deid.toml"),
        "# reviewed terms\nmin_confidence = 0.5\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("in/a.txt"), NOTE).unwrap();
    std::fs::write(dir.path().join("in/b.txt"), "Mary Jones, 3/9/2021.\n").unwrap();
    let mut session =
        Session::start(config(dir.path(), Operation::Redact), Channel::new()).unwrap();
    run_until(&mut session, "both files", |s| s.app.counts().done == 2);
    // The third entity of a.txt is the patient.
    for _ in 0..3 {
        session.app.update(Event::Key(KeyEvent::new(
            KeyCode::Char('e'),
            KeyModifiers::NONE,
        )));
    }
    session.app.update(Event::Key(KeyEvent::new(
        KeyCode::Char('a'),
        KeyModifiers::NONE,
    )));
    session.execute();
    let b = dir.path().join("out/b.txt");
    run_until(&mut session, "b.txt rewritten", |s| {
        read(&b).is_some_and(|t| t.contains("Mary Jones")) && s.app.counts().done == 2
    });
    assert_eq!(
        read(&dir.path().join("deid.toml")).unwrap(),
        "# reviewed terms\nmin_confidence = 0.5\nallow = [\"Mary Jones\"]\n"
    );
    assert_eq!(read(&b).unwrap(), "Mary Jones, [date].\n");
    run_until(&mut session, "a.txt rewritten", |s| {
        read(&s.app.pipeline.out_dir.clone().unwrap().join("a.txt"))
            .is_some_and(|t| t.contains("Mary Jones"))
    });
}

#[test]
fn a_preview_session_writes_nothing() {
    let dir = setup();
    std::fs::write(dir.path().join("in/a.txt"), NOTE).unwrap();
    let mut c = config(dir.path(), Operation::Surrogate);
    c.out_dir = None;
    let mut session = Session::start(c, Channel::new()).unwrap();
    run_until(&mut session, "a.txt", |s| s.app.counts().done == 1);
    assert!(!dir.path().join("out").exists());
}

#[test]
fn the_output_folder_must_not_be_inside_the_input() {
    let dir = setup();
    let mut c = config(dir.path(), Operation::Surrogate);
    c.out_dir = Some(dir.path().join("in/out"));
    let err = Session::start(c, Channel::new()).err().unwrap().to_string();
    assert!(err.contains("must not be inside the input folder"), "{err}");
    assert!(!dir.path().join("in/out").exists());
}

#[test]
fn a_burst_of_ten_thousand_files_is_taken_in_while_the_screen_keeps_drawing() {
    const N: usize = 10_000;
    let dir = setup();
    let mut c = config(dir.path(), Operation::Redact);
    c.jobs = 1;
    let mut session = Session::start(c, Channel::new()).unwrap();
    for i in 0..N {
        std::fs::write(dir.path().join(format!("in/{i:05}.txt")), NOTE).unwrap();
    }
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut slowest = Duration::ZERO;
    while session.app.counts().done < N {
        assert!(Instant::now() < deadline, "{:?}", session.app.counts());
        let started = Instant::now();
        for e in session.next_batch(Duration::from_millis(100)) {
            session.app.update(e);
        }
        session.execute();
        terminal
            .draw(|f| f.render_widget(&session.app, f.area()))
            .unwrap();
        slowest = slowest.max(started.elapsed());
    }
    assert_eq!(session.app.files.len(), N);
    // A frame is one batch of events and one draw, whatever the queue holds.
    assert!(
        slowest < Duration::from_secs(1),
        "slowest frame {slowest:?}"
    );
}
