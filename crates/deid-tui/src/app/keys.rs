//! Keys to actions. The table here is the one the help screen shows.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::App;

/// Every key binding, as the help screen lists it.
pub const HELP: &[(&str, &str)] = &[
    ("j k / ↓ ↑", "next / previous file"),
    ("g G", "first / last file"),
    ("f", "filter files by state"),
    ("o", "output: tag, redact, surrogate"),
    ("J K / PgDn PgUp", "scroll both panes"),
    ("e E", "next / previous entity"),
    ("a", "mark entity as not PHI (allow-list)"),
    ("/ n N", "search, next / previous hit"),
    ("r", "mark file reviewed"),
    ("Esc", "clear search and entity"),
    ("?", "this help"),
    ("q / Ctrl-C", "quit"),
];

impl App {
    pub(super) fn on_key(&mut self, key: KeyEvent) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && key.code == KeyCode::Char('c') {
            self.quit = true;
            return;
        }
        if self.search.editing {
            self.on_search_key(key);
            return;
        }
        if self.help {
            match key.code {
                KeyCode::Char('q') => self.quit = true,
                _ => self.help = false,
            }
            return;
        }
        self.message = None;
        match key.code {
            KeyCode::Char('q') => self.quit = true,
            KeyCode::Char('?') => self.help = true,
            KeyCode::Down | KeyCode::Char('j') => self.move_selection(1),
            KeyCode::Up | KeyCode::Char('k') => self.move_selection(-1),
            KeyCode::Home | KeyCode::Char('g') => self.move_selection(isize::MIN),
            KeyCode::End | KeyCode::Char('G') => self.move_selection(isize::MAX),
            KeyCode::Char('d') if ctrl => self.scroll_by(10),
            KeyCode::Char('u') if ctrl => self.scroll_by(-10),
            KeyCode::PageDown | KeyCode::Char(' ') => self.scroll_by(10),
            KeyCode::PageUp => self.scroll_by(-10),
            KeyCode::Char('J') => self.scroll_by(1),
            KeyCode::Char('K') => self.scroll_by(-1),
            KeyCode::Char('e') | KeyCode::Tab => self.next_entity(true),
            KeyCode::Char('E') | KeyCode::BackTab => self.next_entity(false),
            KeyCode::Char('o') => self.view = self.view.next(),
            KeyCode::Char('f') => self.set_filter(self.filter.next()),
            KeyCode::Char('a') => self.allow_entity(),
            KeyCode::Char('r') => self.toggle_reviewed(),
            KeyCode::Char('/') => {
                self.search.editing = true;
                self.search.query.clear();
                self.search.hit = None;
            }
            KeyCode::Char('n') => self.search_next(true),
            KeyCode::Char('N') => self.search_next(false),
            KeyCode::Esc => {
                self.search = super::Search::default();
                self.entity = None;
            }
            _ => {}
        }
    }

    fn on_search_key(&mut self, key: KeyEvent) {
        match key.code {
            KeyCode::Enter => {
                self.search.editing = false;
                self.search_next(true);
            }
            KeyCode::Esc => self.search = super::Search::default(),
            KeyCode::Backspace => {
                self.search.query.pop();
            }
            KeyCode::Char(c) => self.search.query.push(c),
            _ => {}
        }
    }
}
