//! Whole screens rendered to ratatui's test backend and compared with insta
//! snapshots, before and after key and file events. Styles (the highlights)
//! are checked cell by cell, since the snapshots hold characters only.

mod common;

use common::{FOLLOW_UP, NOTE, app, arrive, code, key, typed};
use deid_tui::App;
use deid_tui::Event;
use deid_tui::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};

fn draw(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    terminal
}

fn screen(app: &App) -> String {
    format!("{}", draw(app, 80, 24).backend())
}

/// Where `needle` first appears on the screen, as (x, y).
fn find(t: &Terminal<TestBackend>, needle: &str) -> (u16, u16) {
    let buf = t.backend().buffer();
    for y in 0..buf.area.height {
        let row: String = (0..buf.area.width)
            .map(|x| buf[(x, y)].symbol().to_owned())
            .collect();
        if let Some(i) = row.find(needle) {
            let x = row[..i].chars().count() as u16;
            return (x, y);
        }
    }
    panic!("{needle} not on screen");
}

fn reviewing() -> App {
    let mut app = app();
    arrive(
        &mut app,
        &[("notes/a.txt", NOTE), ("notes/b.txt", FOLLOW_UP)],
    );
    app.update(Event::FileChanged("bad.txt".into()));
    app.update(Event::Processed(
        "bad.txt".into(),
        Err("bad.txt is not valid UTF-8 (first invalid byte at offset 4)".into()),
    ));
    app.update(Event::FileChanged("queued.txt".into()));
    app
}

#[test]
fn empty() {
    insta::assert_snapshot!(screen(&app()));
}

#[test]
fn files_arrive_and_are_processed() {
    let mut app = app();
    app.update(Event::FileChanged("notes/a.txt".into()));
    insta::assert_snapshot!("queued", screen(&app));
    app.update(Event::Started("notes/a.txt".into()));
    let d = common::doc(&app, NOTE);
    app.update(Event::Processed("notes/a.txt".into(), Ok(d)));
    insta::assert_snapshot!("processed", screen(&reviewing_from(app)));
}

fn reviewing_from(mut app: App) -> App {
    arrive(&mut app, &[("notes/b.txt", FOLLOW_UP)]);
    app
}

#[test]
fn review_keys() {
    let mut app = reviewing();
    insta::assert_snapshot!("surrogate", screen(&app));
    app.update(key('e'));
    app.update(key('e'));
    insta::assert_snapshot!("second_entity", screen(&app));
    app.update(key('o'));
    insta::assert_snapshot!("tag", screen(&app));
    app.update(key('o'));
    insta::assert_snapshot!("redact", screen(&app));
    app.update(key('/'));
    typed(&mut app, "boston");
    insta::assert_snapshot!("search_typing", screen(&app));
    app.update(code(KeyCode::Enter));
    insta::assert_snapshot!("search_hit", screen(&app));
}

#[test]
fn failed_file_and_filter() {
    let mut app = reviewing();
    app.update(key('j'));
    app.update(key('j'));
    insta::assert_snapshot!("failed", screen(&app));
    app.update(key('f'));
    insta::assert_snapshot!("pending_filter", screen(&app));
}

#[test]
fn help() {
    let mut app = reviewing();
    app.update(key('?'));
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn larger_terminal() {
    let mut app = reviewing();
    app.update(key('r'));
    insta::assert_snapshot!(format!("{}", draw(&app, 120, 32).backend()));
}

#[test]
fn spans_are_coloured_by_category_and_the_current_one_reversed() {
    let mut app = reviewing();
    let t = draw(&app, 80, 24);
    let buf = t.backend().buffer();
    let (x, y) = find(&t, "Dr. John");
    assert_eq!(buf[(x, y)].fg, Color::Magenta);
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    let (x, y) = find(&t, "3/4/2021");
    assert_eq!(buf[(x, y)].fg, Color::Yellow);
    let (x, y) = find(&t, "Seen by");
    assert_eq!(buf[(x, y)].fg, Color::Reset, "plain text stays plain");
    app.update(key('e'));
    let t = draw(&app, 80, 24);
    let (x, y) = find(&t, "Dr. John");
    assert!(
        t.backend().buffer()[(x, y)]
            .modifier
            .contains(Modifier::REVERSED)
    );
}

#[test]
fn no_color_uses_underline_only() {
    let mut app = reviewing();
    app.theme = Theme { color: false };
    let t = draw(&app, 80, 24);
    let buf = t.backend().buffer();
    let (x, y) = find(&t, "Dr. John");
    assert_eq!(buf[(x, y)].fg, Color::Reset);
    assert!(buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            assert_eq!(buf[(x, y)].fg, Color::Reset, "colour at {x},{y}");
            assert_eq!(buf[(x, y)].bg, Color::Reset, "colour at {x},{y}");
        }
    }
}

#[test]
fn tiny_terminals_do_not_panic() {
    let mut app = reviewing();
    app.update(key('?'));
    for (w, h) in [(1, 1), (10, 5), (40, 12), (80, 24), (300, 100)] {
        draw(&app, w, h);
    }
}
