//! Writing results: Azure-shaped JSON and the coloured terminal view.

use std::io::{IsTerminal, Write};

use anstyle::{AnsiColor, Style};
use deid_core::{Category, Entity};

pub(crate) use deid_tui::pipeline::entities_json;

/// Whether to colour standard output: a terminal, and `NO_COLOR` unset.
pub(crate) fn color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn style(c: Category) -> Style {
    let color = match c {
        Category::Patient | Category::Doctor | Category::Username => AnsiColor::Magenta,
        Category::Date | Category::Age => AnsiColor::Yellow,
        Category::Phone | Category::Fax | Category::Email | Category::Url | Category::IPAddress => {
            AnsiColor::Cyan
        }
        Category::Street
        | Category::City
        | Category::State
        | Category::Zip
        | Category::CountryOrRegion
        | Category::LocationOther => AnsiColor::Green,
        Category::Hospital | Category::Organization | Category::Profession => AnsiColor::Blue,
        _ => AnsiColor::Red,
    };
    Style::new().fg_color(Some(color.into())).bold()
}

/// The text with every entity highlighted and labelled, for a terminal.
pub(crate) fn highlighted(text: &str, entities: &[Entity]) -> String {
    let dim = Style::new().dimmed();
    let mut out = String::with_capacity(text.len() + entities.len() * 24);
    let mut at = 0;
    for e in entities {
        let start = e.offset.utf8;
        let end = start + e.length.utf8;
        out.push_str(&text[at..start]);
        let s = style(e.category);
        out.push_str(&format!(
            "{s}{}{s:#}{dim}[{}]{dim:#}",
            &text[start..end],
            e.category.name()
        ));
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

/// One tab-separated line per entity: offset, length (UTF-8 bytes), category,
/// confidence, text, reasons.
pub(crate) fn table(entities: &[Entity]) -> String {
    let mut out = String::new();
    for e in entities {
        let reasons: Vec<String> = e.reasons.iter().map(ToString::to_string).collect();
        out.push_str(&format!(
            "{}\t{}\t{}\t{:.2}\t{}\t{}\n",
            e.offset.utf8,
            e.length.utf8,
            e.category.name(),
            e.confidence,
            e.text.replace(['\n', '\t'], " "),
            reasons.join("; ")
        ));
    }
    out
}

/// Writes to standard error; failures to write there are ignored.
pub(crate) fn eprintln(msg: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{msg}");
}
