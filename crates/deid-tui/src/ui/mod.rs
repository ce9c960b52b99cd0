//! Drawing: `impl Widget for &App`. The screen is a header with the queue
//! gauge, the file list, the original and output panes side by side, a legend,
//! the entity table and a footer; `?` lays the help over it.

mod lists;
mod text;
pub mod theme;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, LineGauge, Paragraph, Widget, Wrap};

use crate::app::{App, HELP, Status, line_start};
use text::Marks;
use theme::Theme;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let [header, body, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(0),
            Constraint::Length(1),
        ])
        .areas(area);
        render_header(self, theme, header, buf);
        let list_width = (area.width * 3 / 10).clamp(24, 40);
        let [list, main] =
            Layout::horizontal([Constraint::Length(list_width), Constraint::Min(0)]).areas(body);
        lists::files(self, theme, list, buf);
        let [panes, legend, table] = Layout::vertical([
            Constraint::Min(3),
            Constraint::Length(1),
            Constraint::Length(7),
        ])
        .areas(main);
        render_panes(self, theme, panes, buf);
        render_legend(self, theme, legend, buf);
        lists::entities(self, theme, table, buf);
        render_footer(self, footer, buf);
        if self.help {
            render_help(area, buf);
        }
    }
}

fn render_header(app: &App, theme: Theme, area: Rect, buf: &mut Buffer) {
    let counts = app.counts();
    let (settled, total) = counts.progress();
    let label = format!(
        "{settled}/{total} · {} failed · {} reviewed",
        counts.failed, counts.reviewed
    );
    let gauge_width = (area.width / 3)
        .max(label.len() as u16 + 8)
        .min(area.width / 2);
    let [title, gauge] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(gauge_width)]).areas(area);
    Paragraph::new(Line::from(vec![
        Span::styled(" deid ", Style::new().add_modifier(Modifier::BOLD)),
        Span::raw(app.title.clone()),
    ]))
    .render(title, buf);
    let ratio = if total == 0 {
        1.0
    } else {
        settled as f64 / total as f64
    };
    LineGauge::default()
        .filled_style(theme.gauge())
        .label(label)
        .ratio(ratio)
        .render(gauge, buf);
}

fn render_panes(app: &App, theme: Theme, area: Rect, buf: &mut Buffer) {
    let [left, right] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(area);
    let name = app
        .selected_entry()
        .map_or(String::new(), |e| e.rel.display().to_string());
    let left_block = Block::bordered().title(format!(" Original {name} "));
    let right_block = Block::bordered().title(format!(" Output: {} ", app.view.name()));
    let (li, ri) = (left_block.inner(left), right_block.inner(right));
    left_block.render(left, buf);
    right_block.render(right, buf);
    let Some(entry) = app.selected_entry() else {
        Paragraph::new("waiting for files…").render(li, buf);
        return;
    };
    if let Status::Failed(why) = &entry.status {
        Paragraph::new(format!("failed: {why}"))
            .style(theme.failed())
            .wrap(Wrap { trim: false })
            .render(li, buf);
        return;
    }
    let Some(doc) = &entry.doc else {
        Paragraph::new(format!("{}…", entry.status.label())).render(li, buf);
        return;
    };
    let marks = Marks {
        entity: app.entity,
        hit: app.search.hit,
    };
    let anchor = line_start(&doc.text, app.scroll);
    let h = li.height as usize;
    for (pane, inner) in [
        (text::original(doc, theme, marks), li),
        (
            text::output(doc, app.view, &app.pipeline, theme, app.entity),
            ri,
        ),
    ] {
        let top = pane.line_at(anchor);
        let shown: Vec<Line> = pane.lines.into_iter().skip(top).take(h).collect();
        Paragraph::new(shown)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
    }
}

fn render_legend(app: &App, theme: Theme, area: Rect, buf: &mut Buffer) {
    let Some(doc) = app.doc() else { return };
    let mut cats: Vec<_> = doc.findings.iter().map(|f| f.category).collect();
    cats.sort();
    cats.dedup();
    let mut spans = vec![Span::raw(" ")];
    for c in cats {
        spans.push(Span::styled(c.name(), theme.category(c)));
        spans.push(Span::raw(" "));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}

fn render_footer(app: &App, area: Rect, buf: &mut Buffer) {
    let line = if app.search.editing {
        Line::from(format!(" /{}▏", app.search.query))
    } else if let Some(m) = &app.message {
        Line::from(format!(" {m}"))
    } else {
        Line::styled(
            " q quit  ? help  o output  e entity  a allow  / search  r reviewed  f filter",
            Style::new().add_modifier(Modifier::DIM),
        )
    };
    Paragraph::new(line).render(area, buf);
}

fn render_help(area: Rect, buf: &mut Buffer) {
    let w = 56.min(area.width);
    let h = (HELP.len() as u16 + 4).min(area.height);
    let popup = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Clear.render(popup, buf);
    let mut lines: Vec<Line> = HELP
        .iter()
        .map(|(k, what)| Line::from(format!(" {k:<16} {what}")))
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::styled(
        " any key closes this help",
        Style::new().add_modifier(Modifier::DIM),
    ));
    Paragraph::new(lines)
        .block(Block::bordered().title(" Help "))
        .render(popup, buf);
}
