//! `deid tui`: the session drawn in the terminal. `ratatui::try_init` puts the
//! terminal in raw mode on the alternate screen and installs a panic hook
//! that restores it; `restore` runs on every way out.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::time::Duration;

use anyhow::Context;
use ratatui::crossterm::event::{self, Event as Input};

use crate::event::Event;
use crate::session::{Channel, Config, Session};
use crate::ui::theme::Theme;

/// Runs the terminal UI until the user quits or a signal arrives.
pub fn run(config: Config) -> anyhow::Result<()> {
    let channel = Channel::new();
    channel.handle_signals();
    let mut session = Session::start(config, channel)?;
    session.app.theme = Theme::from_env();
    let mut terminal = ratatui::try_init().context("setting up the terminal")?;
    let stop = Arc::new(AtomicBool::new(false));
    let input = {
        let (tx, stop) = (session.sender(), stop.clone());
        std::thread::spawn(move || read_input(&tx, &stop))
    };
    let result = event_loop(&mut terminal, &mut session);
    stop.store(true, Ordering::Relaxed);
    let _ = input.join();
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    session: &mut Session,
) -> anyhow::Result<()> {
    loop {
        terminal
            .draw(|frame| frame.render_widget(&session.app, frame.area()))
            .context("drawing the screen")?;
        for event in session.next_batch(Duration::from_millis(250)) {
            session.app.update(event);
        }
        session.execute();
        if session.app.quit {
            return Ok(());
        }
    }
}

/// Terminal input to events, until `stop` is set or the app stops listening.
fn read_input(tx: &Sender<Event>, stop: &AtomicBool) {
    while !stop.load(Ordering::Relaxed) {
        match event::poll(Duration::from_millis(100)) {
            Ok(false) => {}
            Ok(true) => {
                let sent = match event::read() {
                    Ok(Input::Key(k)) => tx.send(Event::Key(k)),
                    Ok(Input::Resize(..)) => tx.send(Event::Resize),
                    Ok(_) => Ok(()),
                    Err(_) => return,
                };
                if sent.is_err() {
                    return;
                }
            }
            Err(_) => return,
        }
    }
}
