//! The file list and the entity table.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, Table, Widget};

use super::theme::Theme;
use crate::app::{App, Entry, Status};

/// The first row to show so that row `pos` of `len` is visible in `height` rows.
fn window(pos: Option<usize>, height: usize) -> usize {
    pos.map_or(0, |p| (p + 1).saturating_sub(height.max(1)))
}

fn symbol(e: &Entry) -> &'static str {
    match e.status {
        Status::Queued => "·",
        Status::Working => "~",
        Status::Done => "✓",
        Status::Failed(_) => "✗",
        Status::Deleted => "-",
    }
}

pub(super) fn files(app: &App, theme: Theme, area: Rect, buf: &mut Buffer) {
    let visible = app.visible();
    let title = format!(
        " Files {}/{} [{}] ",
        visible.len(),
        app.files.len(),
        app.filter.label()
    );
    let block = Block::bordered().title(title);
    let inner = block.inner(area);
    block.render(area, buf);
    let height = inner.height as usize;
    let pos = app
        .selected
        .and_then(|s| visible.iter().position(|&v| v == s));
    let first = window(pos, height);
    let width = inner.width as usize;
    let lines: Vec<Line> = visible
        .iter()
        .skip(first)
        .take(height)
        .map(|&i| {
            let e = &app.files[i];
            let marks = format!(
                "{}{}",
                if e.changed { "*" } else { " " },
                if e.reviewed { "R" } else { " " }
            );
            let count = match e.status {
                Status::Done => e.found().to_string(),
                _ => e.status.label().to_owned(),
            };
            let name = e.rel.display().to_string();
            let room = width.saturating_sub(count.len() + 6);
            let name = fit(&name, room);
            let pad = room.saturating_sub(name.chars().count());
            let style = match e.status {
                Status::Failed(_) => theme.failed(),
                Status::Working | Status::Queued => theme.working(),
                Status::Deleted => theme.label(),
                Status::Done => Style::new(),
            };
            let style = if app.selected == Some(i) {
                style.patch(theme.selected())
            } else {
                style
            };
            Line::styled(
                format!("{} {marks} {name}{} {count}", symbol(e), " ".repeat(pad)),
                style,
            )
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}

/// `s` cut to `room` characters, keeping the end (the file name) and marking the cut.
fn fit(s: &str, room: usize) -> String {
    let n = s.chars().count();
    if n <= room {
        return s.to_owned();
    }
    if room == 0 {
        return String::new();
    }
    let tail: String = s.chars().skip(n - room + 1).collect();
    format!("…{tail}")
}

pub(super) fn entities(app: &App, theme: Theme, area: Rect, buf: &mut Buffer) {
    let Some(doc) = app.doc() else {
        Block::bordered().title(" Entities ").render(area, buf);
        return;
    };
    let block = Block::bordered().title(format!(" Entities {} ", doc.findings.len()));
    let inner = block.inner(area);
    block.render(area, buf);
    let height = (inner.height as usize).saturating_sub(1);
    let first = window(app.entity, height);
    let rows: Vec<Row> = doc
        .findings
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(k, f)| {
            let text = f.span.of(&doc.text).replace(['\n', '\r', '\t'], " ");
            let reasons: Vec<String> = f.reasons.iter().map(ToString::to_string).collect();
            let cat = Span::styled(f.category.name(), theme.category(f.category));
            let row = Row::new(vec![
                Line::from(cat),
                Line::from(text),
                Line::from(format!("{:.2}", f.confidence)),
                Line::from(reasons.join("; ")),
            ]);
            if app.entity == Some(k) {
                row.style(theme.selected())
            } else {
                row
            }
        })
        .collect();
    let header = Row::new(["category", "text", "conf", "reasons"]).style(theme.label());
    let cat_width = doc
        .findings
        .iter()
        .map(|f| f.category.name().len())
        .max()
        .unwrap_or(0)
        .max(8);
    let text_width = doc
        .findings
        .iter()
        .map(|f| f.span.of(&doc.text).chars().count())
        .max()
        .unwrap_or(0)
        .clamp(4, 24);
    Table::new(
        rows,
        [
            Constraint::Length(cat_width as u16),
            Constraint::Length(text_width as u16),
            Constraint::Length(4),
            Constraint::Fill(1),
        ],
    )
    .header(header)
    .column_spacing(1)
    .render(inner, buf);
}
