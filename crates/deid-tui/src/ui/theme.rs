//! Colours by category, and the plain styles used when `NO_COLOR` is set.

use deid_core::Category;
use ratatui::style::{Color, Modifier, Style};

/// How to style the screen: with colours, or (for `NO_COLOR`) with bold,
/// underline and reverse video only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colours unless `NO_COLOR` is set to a non-empty value (no-color.org).
    pub fn from_env() -> Self {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    pub fn category(self, c: Category) -> Style {
        if !self.color {
            return Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        }
        Style::new().fg(color(c)).add_modifier(Modifier::BOLD)
    }

    /// The entity the reviewer is on.
    pub fn current(self, c: Category) -> Style {
        self.category(c).add_modifier(Modifier::REVERSED)
    }

    pub fn hit(self) -> Style {
        let s = Style::new().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED);
        if self.color { s.fg(Color::Yellow) } else { s }
    }

    pub fn label(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn failed(self) -> Style {
        if self.color {
            Style::new().fg(Color::Red)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    pub fn working(self) -> Style {
        if self.color {
            Style::new().fg(Color::Yellow)
        } else {
            Style::new()
        }
    }

    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn gauge(self) -> Style {
        if self.color {
            Style::new().fg(Color::Green)
        } else {
            Style::new()
        }
    }
}

/// One colour per family of categories, as in `deid tag`'s coloured view.
pub fn color(c: Category) -> Color {
    match c {
        Category::Patient | Category::Doctor | Category::Username => Color::Magenta,
        Category::Date | Category::Age => Color::Yellow,
        Category::Phone | Category::Fax | Category::Email | Category::Url | Category::IPAddress => {
            Color::Cyan
        }
        Category::Street
        | Category::City
        | Category::State
        | Category::Zip
        | Category::CountryOrRegion
        | Category::LocationOther => Color::Green,
        Category::Hospital | Category::Organization | Category::Profession => Color::Blue,
        _ => Color::Red,
    }
}
