//! Street addresses, P.O. boxes and ZIP codes.

use super::Out;
use super::pattern::Hit;
use crate::lexicon::Lexicon;
use crate::text::before;
use crate::{Category, Reason};

const SUFFIX: &str = r"(?:Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Route|Rte|Trail|Trl|Square|Sq|Row|Crescent|Close|Alley|Plaza|Pike|Turnpike|Loop|Path|Run|Walk|Expressway|Freeway)";
const UNIT: &str = r"(?:,?\s*(?:Apt|Apartment|Suite|Ste|Unit|Room|Rm|Floor|Fl|Bldg|Building|#)\.?\s*#?\s*[A-Za-z0-9-]{1,6})?";

/// The patterns, each with whether its groups are read: street, P.O. box
/// and ZIP forms, in that order.
pub(crate) fn alternatives() -> Vec<(String, bool)> {
    let street = format!(
        r"(?i:\b\d{{1,6}}[A-Za-z]?(?:-\d{{1,4}})?\s+(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?\s+)?)(?:(?:\d{{1,3}}(?:st|nd|rd|th)|[A-Z][\p{{L}}'’.-]*)\s+){{1,4}}(?i:{SUFFIX})\b\.?(?:\s+(?:N|S|E|W|NE|NW|SE|SW)\b\.?)?{UNIT}"
    );
    vec![
        (street, false),
        (r"(?i:\bP\.?\s?O\.?\s*Box\s+\d{1,6}\b)".to_owned(), false),
        (r"\b\d{5}(?:-\d{4})?\b".to_owned(), false),
    ]
}

/// Judges a match of alternative `alt`.
pub(crate) fn hit(out: &mut Out<'_>, lex: &Lexicon, c: &Hit<'_, '_>, alt: usize) {
    let text = out.text;
    {
        let m = c.whole();
        if alt == 0 {
            let s = &text[m];
            street(out, lex, m.start, s);
            // "MA 02114 A Dr. Smith": a street candidate may begin with a ZIP code.
            let digits = s.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 5 {
                zip(out, lex, m.start, m.start + 5);
            }
        } else if alt == 1 {
            out.push(
                m.start,
                m.end,
                Category::Street,
                0.95,
                Reason::rule("street.po-box"),
            );
        } else {
            zip(out, lex, m.start, m.end);
        }
    }
}

fn street(out: &mut Out<'_>, lex: &Lexicon, start: usize, s: &str) {
    // "2:15 PM. Will route": the minutes of a time are no house number.
    if out.text[..start].ends_with(':') {
        return;
    }
    let s = s.trim_end();
    // "3 Times Daily" is no street: the name words must not all be vocabulary.
    let proper = s
        .split_whitespace()
        .skip(1)
        .filter(|w| w.starts_with(char::is_uppercase))
        .any(|w| !lex.is_common(&w.trim_end_matches('.').to_lowercase()));
    let mut s = s.trim_end_matches(',');
    if s.ends_with('.') && !ends_with_abbreviation(s) {
        s = &s[..s.len() - 1];
    }
    let conf = if proper { 0.93 } else { 0.7 };
    out.push(
        start,
        start + s.len(),
        Category::Street,
        conf,
        Reason::rule("street"),
    );
}

/// Five or nine digits after a state or a ZIP label; ZIP+4 also alone.
fn zip(out: &mut Out<'_>, lex: &Lexicon, start: usize, end: usize) {
    let text = out.text;
    if text[..start].ends_with(['-', '/', '.', '#']) || text[end..].starts_with(['-', '/']) {
        return;
    }
    let prev = before(text, start, 2);
    let raw = prev.get(0).trim_end_matches('.');
    let after_state = !raw.is_empty()
        && (raw.len() == 2
            && lex.is_state_code(&raw.to_ascii_uppercase())
            && state_written_upper(text, start)
            || lex
                .place(&raw.to_lowercase())
                .is_some_and(|pl| pl.state.is_some()));
    let labelled = prev.any(&["zip", "zipcode", "zip:", "postal", "code", "zip#"]);
    if after_state || labelled {
        let detail = if after_state {
            "after state"
        } else {
            "zip label"
        };
        out.push(
            start,
            end,
            Category::Zip,
            0.95,
            Reason::rule("zip").with(detail),
        );
    } else if end - start == 10 {
        out.push(
            start,
            end,
            Category::Zip,
            0.75,
            Reason::rule("zip").with("ZIP+4 shape"),
        );
    }
}

/// "St." or "Ave." end in a period that belongs to the address.
fn ends_with_abbreviation(s: &str) -> bool {
    let last = s
        .trim_end_matches('.')
        .rsplit([' ', '.'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        last.as_str(),
        "st" | "ave"
            | "av"
            | "rd"
            | "blvd"
            | "ln"
            | "dr"
            | "ct"
            | "pl"
            | "ter"
            | "cir"
            | "pkwy"
            | "hwy"
            | "rte"
            | "trl"
            | "sq"
            | "n"
            | "s"
            | "e"
            | "w"
            | "ne"
            | "nw"
            | "se"
            | "sw"
    )
}

/// The state code just before `pos` is written in capitals (`MA`, not `ma`).
fn state_written_upper(text: &str, pos: usize) -> bool {
    let head = text[..pos].trim_end().trim_end_matches([',', '.']);
    head.len() >= 2
        && head.as_bytes()[head.len() - 2..]
            .iter()
            .all(u8::is_ascii_uppercase)
}
