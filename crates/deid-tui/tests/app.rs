//! State transitions: events in, state and commands out.

mod common;

use std::path::{Path, PathBuf};
use std::time::Instant;

use common::{FOLLOW_UP, NOTE, app, arrive, code, ctrl, doc, key, pipeline_with, typed};
use deid_core::{Category, Settings};
use deid_tui::app::{Filter, Status};
use deid_tui::event::AllowTerm;
use deid_tui::{Command, Event, Operation};
use ratatui::crossterm::event::KeyCode;

fn process(rel: &str) -> Command {
    Command::Process(PathBuf::from(rel))
}

fn status(app: &deid_tui::App, rel: &str) -> Status {
    app.entry(Path::new(rel)).unwrap().status.clone()
}

#[test]
fn a_new_file_is_queued_selected_worked_and_done() {
    let mut app = app();
    app.update(Event::FileChanged("a.txt".into()));
    assert_eq!(app.take_commands(), [process("a.txt")]);
    assert_eq!(status(&app, "a.txt"), Status::Queued);
    assert_eq!(app.selected, Some(0));
    app.update(Event::Started("a.txt".into()));
    assert_eq!(status(&app, "a.txt"), Status::Working);
    let d = doc(&app, NOTE);
    app.update(Event::Processed("a.txt".into(), Ok(d)));
    assert_eq!(status(&app, "a.txt"), Status::Done);
    assert_eq!(app.doc().unwrap().findings.len(), 6);
    assert_eq!(app.counts().progress(), (1, 1));
    assert!(app.take_commands().is_empty());
}

#[test]
fn a_change_while_queued_is_not_queued_twice() {
    let mut app = app();
    app.update(Event::FileChanged("a.txt".into()));
    app.update(Event::FileChanged("a.txt".into()));
    assert_eq!(app.take_commands(), [process("a.txt")]);
    assert_eq!(app.files.len(), 1);
}

#[test]
fn a_change_while_working_is_redone_after() {
    let mut app = app();
    app.update(Event::FileChanged("a.txt".into()));
    app.update(Event::Started("a.txt".into()));
    app.take_commands();
    app.update(Event::FileChanged("a.txt".into()));
    assert!(app.take_commands().is_empty());
    let d = doc(&app, NOTE);
    app.update(Event::Processed("a.txt".into(), Ok(d)));
    assert_eq!(app.take_commands(), [process("a.txt")]);
    assert_eq!(status(&app, "a.txt"), Status::Queued);
    // The last result stays on screen meanwhile.
    assert!(app.doc().is_some());
}

#[test]
fn a_change_after_review_is_flagged_and_requeued() {
    let mut app = app();
    arrive(&mut app, &[("a.txt", NOTE)]);
    app.update(key('r'));
    assert!(app.files[0].reviewed);
    app.update(Event::FileChanged("a.txt".into()));
    assert_eq!(app.take_commands(), [process("a.txt")]);
    let e = &app.files[0];
    assert!(e.changed && !e.reviewed);
    app.update(Event::Processed("a.txt".into(), Ok(doc(&app, FOLLOW_UP))));
    assert!(app.files[0].changed, "stays flagged until reviewed again");
    app.update(key('r'));
    assert!(!app.files[0].changed && app.files[0].reviewed);
    assert_eq!(app.message.as_deref(), Some("marked reviewed"));
}

#[test]
fn a_failed_file_shows_its_reason_and_the_rest_go_on() {
    let mut app = app();
    app.update(Event::FileChanged("bad.txt".into()));
    app.update(Event::FileChanged("good.txt".into()));
    let why = "bad.txt is not valid UTF-8 (first invalid byte at offset 4)".to_owned();
    app.update(Event::Processed("bad.txt".into(), Err(why.clone())));
    app.update(Event::Processed("good.txt".into(), Ok(doc(&app, NOTE))));
    assert_eq!(status(&app, "bad.txt"), Status::Failed(why));
    assert_eq!(status(&app, "good.txt"), Status::Done);
    let c = app.counts();
    assert_eq!((c.done, c.failed), (1, 1));
}

#[test]
fn a_deleted_input_is_noted_and_late_results_ignored() {
    let mut app = app();
    app.update(Event::FileChanged("a.txt".into()));
    app.update(Event::FileRemoved("a.txt".into()));
    app.update(Event::Processed(
        "a.txt".into(),
        Err("reading a.txt".into()),
    ));
    assert_eq!(status(&app, "a.txt"), Status::Deleted);
    assert_eq!(app.counts().progress(), (0, 0));
    // It comes back.
    app.take_commands();
    app.update(Event::FileChanged("a.txt".into()));
    assert_eq!(app.take_commands(), [process("a.txt")]);
}

#[test]
fn filters_keep_the_selection_on_a_visible_file() {
    let mut app = app();
    arrive(&mut app, &[("a.txt", NOTE), ("b.txt", FOLLOW_UP)]);
    app.update(Event::FileChanged("c.txt".into()));
    app.update(Event::Processed(
        "c.txt".into(),
        Err("reading c.txt".into()),
    ));
    assert_eq!(app.visible(), [0, 1, 2]);
    let labels: Vec<_> = (0..7)
        .map(|_| {
            app.update(key('f'));
            app.filter.label()
        })
        .collect();
    assert_eq!(
        labels,
        [
            "pending",
            "done",
            "failed",
            "changed",
            "unreviewed",
            "deleted",
            "all"
        ]
    );
    while app.filter != Filter::Failed {
        app.update(key('f'));
    }
    assert_eq!(app.visible(), [2]);
    assert_eq!(app.selected, Some(2));
    app.update(key('j'));
    assert_eq!(app.selected, Some(2), "j stays within the filter");
}

#[test]
fn moving_through_files() {
    let mut app = app();
    arrive(
        &mut app,
        &[("a.txt", NOTE), ("b.txt", FOLLOW_UP), ("c.txt", NOTE)],
    );
    app.update(key('j'));
    assert_eq!(app.selected, Some(1));
    app.update(code(KeyCode::Down));
    app.update(key('j'));
    assert_eq!(app.selected, Some(2), "stops at the last");
    app.update(key('k'));
    assert_eq!(app.selected, Some(1));
    app.update(key('G'));
    assert_eq!(app.selected, Some(2));
    app.update(key('g'));
    assert_eq!(app.selected, Some(0));
}

#[test]
fn entities_step_forward_and_back_and_scroll_both_panes() {
    let mut app = app();
    let long = format!("{}{NOTE}", "filler line\n".repeat(30));
    arrive(&mut app, &[("a.txt", &long)]);
    app.update(key('e'));
    assert_eq!(app.entity, Some(0));
    assert_eq!(app.scroll, 28, "two lines above the entity's line 30");
    let cats: Vec<Category> = (0..6)
        .map(|_| {
            app.update(key('e'));
            app.doc().unwrap().findings[app.entity.unwrap()].category
        })
        .collect();
    assert_eq!(
        cats,
        [
            Category::Date,
            Category::Patient,
            Category::Age,
            Category::Phone,
            Category::City,
            Category::Doctor
        ],
        "wraps around"
    );
    app.update(key('E'));
    assert_eq!(app.entity, Some(5));
    app.update(code(KeyCode::Esc));
    assert_eq!(app.entity, None);
}

#[test]
fn scrolling_is_clamped_to_the_text() {
    let mut app = app();
    arrive(&mut app, &[("a.txt", NOTE)]);
    app.update(code(KeyCode::PageDown));
    assert_eq!(app.scroll, 3);
    app.update(key('K'));
    assert_eq!(app.scroll, 2);
    app.update(code(KeyCode::PageUp));
    assert_eq!(app.scroll, 0);
    app.update(ctrl('d'));
    assert_eq!(app.scroll, 3);
}

#[test]
fn allow_needs_an_entity_then_edits_config_and_reprocesses_affected_files() {
    let mut app = app();
    arrive(
        &mut app,
        &[
            ("a.txt", NOTE),
            ("b.txt", FOLLOW_UP),
            ("c.txt", "Nothing here.\n"),
        ],
    );
    app.update(key('a'));
    assert!(app.take_commands().is_empty());
    assert_eq!(
        app.message.as_deref(),
        Some("choose an entity first (e / E)")
    );
    app.update(key('e'));
    app.update(key('e'));
    app.update(key('e'));
    assert_eq!(
        app.doc().unwrap().findings[app.entity.unwrap()].category,
        Category::Patient
    );
    app.update(key('a'));
    assert_eq!(
        app.take_commands(),
        [Command::Allow(AllowTerm("Mary Jones".into()))]
    );
    let settings = Settings {
        allow: vec!["Mary Jones".into()],
        ..Settings::default()
    };
    app.update(Event::Allowed(pipeline_with(settings)));
    assert_eq!(
        app.take_commands(),
        [process("a.txt"), process("b.txt")],
        "only files that had the term"
    );
    assert_eq!(
        app.message.as_deref(),
        Some("allowed in deid.toml; reprocessing 2 file(s)")
    );
    assert_eq!(app.pipeline.engine.settings().allow, ["Mary Jones"]);
}

#[test]
fn allow_failure_is_reported() {
    let mut app = app();
    app.update(Event::AllowFailed(
        "editing deid.toml: it is not valid TOML (at byte 3)".into(),
    ));
    assert_eq!(
        app.message.as_deref(),
        Some("editing deid.toml: it is not valid TOML (at byte 3)")
    );
}

#[test]
fn search_finds_hits_forward_and_back_and_wraps() {
    let mut app = app();
    let text = format!("{}{NOTE}{}", "x\n".repeat(10), "mary again\n");
    arrive(&mut app, &[("a.txt", &text)]);
    app.update(key('/'));
    assert!(app.search.editing);
    typed(&mut app, "MARYX");
    app.update(code(KeyCode::Backspace));
    app.update(code(KeyCode::Enter));
    assert!(!app.search.editing);
    let first = 20 + NOTE.find("Mary").unwrap();
    assert_eq!(app.search.hit, Some((first, first + 4)));
    assert_eq!(app.message.as_deref(), Some("match 1 of 2"));
    assert_eq!(app.scroll, 9);
    app.update(key('n'));
    assert_eq!(app.message.as_deref(), Some("match 2 of 2"));
    app.update(key('n'));
    assert_eq!(app.message.as_deref(), Some("match 1 of 2"));
    app.update(key('N'));
    assert_eq!(app.message.as_deref(), Some("match 2 of 2"));
    app.update(key('/'));
    typed(&mut app, "zebra");
    app.update(code(KeyCode::Enter));
    assert_eq!(app.search.hit, None);
    assert_eq!(app.message.as_deref(), Some("no match"));
}

#[test]
fn keys_for_view_help_and_quit() {
    let mut app = app();
    assert_eq!(app.view, Operation::Surrogate);
    app.update(key('o'));
    assert_eq!(app.view, Operation::Tag);
    app.update(key('o'));
    assert_eq!(app.view, Operation::Redact);
    app.update(key('?'));
    assert!(app.help);
    app.update(key('j'));
    assert!(!app.help, "any key closes the help");
    app.update(key('q'));
    assert!(app.quit);
    let mut app = common::app();
    app.update(ctrl('c'));
    assert!(app.quit);
    let mut app = common::app();
    app.update(Event::Signal);
    assert!(app.quit);
}

#[test]
fn typing_a_search_does_not_trigger_keys() {
    let mut app = app();
    app.update(key('/'));
    typed(&mut app, "qo?");
    assert!(!app.quit && !app.help);
    assert_eq!(app.view, Operation::Surrogate);
    assert_eq!(app.search.query, "qo?");
    app.update(code(KeyCode::Esc));
    assert!(!app.search.editing && app.search.query.is_empty());
}

#[test]
fn a_burst_of_ten_thousand_files_is_taken_in_quickly() {
    let mut app = app();
    let started = Instant::now();
    for i in 0..10_000 {
        app.update(Event::FileChanged(format!("batch/{i:05}.txt").into()));
    }
    let commands = app.take_commands();
    assert_eq!(commands.len(), 10_000);
    let d = doc(&app, NOTE);
    for i in 0..10_000 {
        let rel = PathBuf::from(format!("batch/{i:05}.txt"));
        app.update(Event::Started(rel.clone()));
        app.update(Event::Processed(rel, Ok(d.clone())));
    }
    assert_eq!(app.counts().progress(), (10_000, 10_000));
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    app.update(key('G'));
    terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    let elapsed = started.elapsed();
    // Generous for a loaded debug build; in practice a few tens of milliseconds.
    assert!(elapsed.as_secs() < 5, "took {elapsed:?}");
    assert!(format!("{}", terminal.backend()).contains("09999.txt"));
}

#[test]
fn debug_output_holds_no_text() {
    let mut app = app();
    arrive(&mut app, &[("a.txt", NOTE)]);
    app.update(key('/'));
    typed(&mut app, "Mary");
    let dbg = format!("{app:?}");
    assert!(!dbg.contains("Mary") && !dbg.contains("Smith"), "{dbg}");
}

#[test]
fn a_rescan_queues_only_files_not_seen_before() {
    let mut app = app();
    arrive(&mut app, &[("a.txt", NOTE)]);
    app.update(Event::FileSeen("a.txt".into()));
    app.update(Event::FileSeen("b.txt".into()));
    assert_eq!(app.take_commands(), [process("b.txt")]);
    assert!(!app.files[0].changed);
}

#[test]
fn a_headless_session_can_drop_documents() {
    let mut app = app();
    arrive(&mut app, &[("a.txt", NOTE)]);
    app.release_doc(Path::new("a.txt"));
    assert!(app.doc().is_none());
    assert_eq!(status(&app, "a.txt"), Status::Done);
}
