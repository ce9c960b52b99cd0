//! Assembles one document from a kind's layout: title, parts, headings and wrapping.

use rand::Rng;
use rand::seq::IndexedRandom;

use crate::Split;
use crate::builder::Case;
use crate::kinds::{Kind, Part};
use crate::patterns::List;
use crate::pools::clinical::PHI_FREE_FIELDS;
use crate::slot::{Slot, phi_slots};
use crate::writer::Writer;

/// How section headings look throughout one document.
#[derive(Clone, Copy)]
enum Headings {
    /// `HOSPITAL COURSE:`
    CapsColon,
    /// `Hospital Course:`
    TitleColon,
    /// `HOSPITAL COURSE` on its own line.
    CapsLine,
    /// `Hospital Course` underlined with dashes.
    Underlined,
}

/// How the sentences of one section are laid out.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Paragraph,
    Bullets,
    Lines,
    Numbered,
}

/// Per-document choices that stay fixed while its parts are written.
struct Style {
    split: Split,
    headings: Headings,
    wrap: Option<usize>,
    casual: bool,
    shout_fields: bool,
}

pub(crate) fn compose(w: &mut Writer<'_>, kind: &Kind, split: Split) {
    let headings = match w.rng.random_range(0..4) {
        0 => Headings::CapsColon,
        1 => Headings::TitleColon,
        2 => Headings::CapsLine,
        _ => Headings::Underlined,
    };
    let wrap = (kind.wraps && w.chance(0.35)).then(|| w.rng.random_range(60..90));
    let style = Style {
        split,
        headings,
        wrap,
        casual: w.chance(0.45),
        shout_fields: w.chance(0.15),
    };
    let title = kind.titles.choose(w.rng).copied().unwrap_or_default();
    if !title.is_empty() {
        w.out.push(title);
    }
    let layout = kind.layouts.choose(w.rng).copied().unwrap_or_default();
    for part in layout {
        part_(w, &style, part);
    }
    w.out.push("\n");
}

/// Starts a new part: a blank line after whatever came before.
fn separate(w: &mut Writer<'_>) {
    let text = w.out.as_str();
    if !text.is_empty() && !text.ends_with("\n\n") {
        w.out.push(if text.ends_with('\n') { "\n" } else { "\n\n" });
    }
}

fn count(w: &mut Writer<'_>, min: usize, max: usize) -> usize {
    w.rng.random_range(min..=max)
}

fn part_(w: &mut Writer<'_>, style: &Style, part: &Part) {
    match *part {
        Part::Fields(list, min, max) => fields(w, style, list, min, max),
        Part::Lines(list, min, max) => {
            let n = count(w, min, max);
            sentences(w, style, list, n, Shape::Lines, None);
        }
        Part::Para(list, min, max) => {
            let n = count(w, min, max);
            sentences(w, style, list, n, Shape::Paragraph, None);
        }
        Part::Section(titles, list, min, max) => {
            let n = count(w, min, max);
            let shape = match w.rng.random_range(0..20) {
                0..=10 => Shape::Paragraph,
                11..=14 => Shape::Bullets,
                15..=17 => Shape::Lines,
                _ => Shape::Numbered,
            };
            let title = titles.choose(w.rng).copied().unwrap_or("Notes");
            sentences(w, style, list, n, shape, Some(title));
        }
        Part::Block(block) => {
            separate(w);
            w.block(block);
        }
        Part::DateLine => {
            if !w.phi_free {
                separate(w);
                let date = w.cast.visit.plus(w.rng.random_range(0..10));
                let d = date.format_full(w.rng);
                w.out.phi(deid_core::Category::Date, &d);
            }
        }
        Part::Maybe(inner) => {
            if w.chance(0.6) {
                part_(w, style, inner);
            }
        }
        Part::Casual(inner) => {
            if style.casual {
                w.out.set_case(Case::Lower);
            }
            part_(w, style, inner);
            w.out.set_case(Case::AsIs);
        }
    }
}

fn fields(w: &mut Writer<'_>, style: &Style, list: List, min: usize, max: usize) {
    let n = count(w, min, max);
    separate(w);
    if style.shout_fields {
        w.out.set_case(Case::Upper);
    }
    if w.phi_free {
        let picked: Vec<&str> = PHI_FREE_FIELDS.choose_multiple(w.rng, n).copied().collect();
        w.out.push(&picked.join("\n"));
    } else {
        // One field per kind of value: no second name or date-of-birth line.
        let mut taken: Vec<Slot> = Vec::new();
        let mut picked = Vec::new();
        for index in w.choose(list, style.split, usize::MAX) {
            let slots = phi_slots(list.patterns()[index]);
            if picked.len() < n && !slots.iter().any(|s| taken.contains(s)) {
                taken.extend(slots);
                picked.push(index);
            }
        }
        picked.sort_unstable();
        for (i, index) in picked.into_iter().enumerate() {
            if i > 0 {
                w.out.push("\n");
            }
            w.pattern(list, index);
        }
    }
    w.out.set_case(Case::AsIs);
}

fn heading(w: &mut Writer<'_>, style: &Style, title: &str, shape: Shape) {
    let inline = shape == Shape::Paragraph && w.chance(0.4);
    match style.headings {
        Headings::CapsColon => w.out.push(&format!("{}:", title.to_uppercase())),
        Headings::TitleColon => w.out.push(&format!("{title}:")),
        Headings::CapsLine => {
            w.out.push(&title.to_uppercase());
            w.out.push("\n");
            return;
        }
        Headings::Underlined => {
            let rule = "-".repeat(title.chars().count());
            w.out.push(&format!("{title}\n{rule}\n"));
            return;
        }
    }
    w.out.push(if inline { " " } else { "\n" });
}

fn sentences(
    w: &mut Writer<'_>,
    style: &Style,
    list: List,
    n: usize,
    shape: Shape,
    title: Option<&str>,
) {
    let picked = w.choose(list, style.split, n);
    if picked.is_empty() {
        return;
    }
    separate(w);
    if let Some(title) = title {
        heading(w, style, title, shape);
    }
    let start = w.out.len();
    for (i, index) in picked.into_iter().enumerate() {
        match (shape, i) {
            (Shape::Paragraph | Shape::Lines, 0) => {}
            (Shape::Paragraph, _) => {
                // Some writers put two spaces between sentences; not in hard-wrapped text,
                // where the second space would end up at the end of a line.
                let gap = if style.wrap.is_none() && w.chance(0.1) {
                    "  "
                } else {
                    " "
                };
                w.out.push(gap);
            }
            (Shape::Lines, _) => w.out.push("\n"),
            (Shape::Bullets, 0) => w.out.push("- "),
            (Shape::Bullets, _) => w.out.push("\n- "),
            (Shape::Numbered, 0) => w.out.push("1. "),
            (Shape::Numbered, _) => w.out.push(&format!("\n{}. ", i + 1)),
        }
        w.pattern(list, index);
    }
    if let (Shape::Paragraph, Some(width)) = (shape, style.wrap) {
        w.out.wrap_from(start, width);
    }
}
