//! Street addresses, P.O. boxes and ZIP codes.

use regex::Regex;

use super::Out;
use crate::lexicon::Lexicon;
use crate::text::before;
use crate::{Category, Reason};

const SUFFIX: &str = r"(?:Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Route|Rte|Trail|Trl|Square|Sq|Row|Crescent|Close|Alley|Plaza|Pike|Turnpike|Loop|Path|Run|Walk|Expressway|Freeway)";
const UNIT: &str = r"(?:,?\s*(?:Apt|Apartment|Suite|Ste|Unit|Room|Rm|Floor|Fl|Bldg|Building|#)\.?\s*#?\s*[A-Za-z0-9-]{1,6})?";

pub(crate) struct Address {
    street: Regex,
    po_box: Regex,
    zip: Regex,
}

impl Address {
    pub(crate) fn new() -> Self {
        let street = format!(
            r"(?i:\b\d{{1,6}}[A-Za-z]?(?:-\d{{1,4}})?\s+(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?\s+)?)(?:(?:\d{{1,3}}(?:st|nd|rd|th)|[A-Z][\p{{L}}'’.-]*)\s+){{1,4}}(?i:{SUFFIX})\b\.?(?:\s+(?:N|S|E|W|NE|NW|SE|SW)\b\.?)?{UNIT}"
        );
        Address {
            street: super::pattern::compile(&street),
            po_box: super::pattern::compile(r"(?i)\bP\.?\s?O\.?\s*Box\s+\d{1,6}\b"),
            zip: super::pattern::compile(r"\b\d{5}(?:-\d{4})?\b"),
        }
    }

    pub(crate) fn detect(&self, out: &mut Out<'_>, lex: &Lexicon) {
        let text = out.text;
        for m in self.street.find_iter(text) {
            let s = m.as_str().trim_end();
            // "3 Times Daily" is no street: the name words must not all be vocabulary.
            let name_words = s
                .split_whitespace()
                .skip(1)
                .filter(|w| w.starts_with(|c: char| c.is_uppercase()));
            let proper = name_words
                .clone()
                .any(|w| !lex.is_common(&w.trim_end_matches('.').to_lowercase()));
            let mut s = s.trim_end_matches(',');
            if s.ends_with('.') && !ends_with_abbreviation(s) {
                s = &s[..s.len() - 1];
            }
            let end = m.start() + s.len();
            let conf = if proper { 0.93 } else { 0.7 };
            out.push(
                m.start(),
                end,
                Category::Street,
                conf,
                Reason::rule("street"),
            );
        }
        for m in self.po_box.find_iter(text) {
            out.push(
                m.start(),
                m.end(),
                Category::Street,
                0.95,
                Reason::rule("street.po-box"),
            );
        }
        for m in self.zip.find_iter(text) {
            if text[..m.start()].ends_with(['-', '/', '.', '#'])
                || text[m.end()..].starts_with(['-', '/'])
            {
                continue;
            }
            let prev = before(text, m.start(), 2);
            let after_state = prev.first().is_some_and(|p| {
                let raw = p.trim_end_matches('.');
                raw.len() == 2
                    && lex.is_state_code(&raw.to_ascii_uppercase())
                    && state_written_upper(text, m.start())
                    || lex.place(raw).is_some_and(|pl| pl.state.is_some())
            });
            let labelled = prev.iter().any(|p| {
                matches!(
                    p.as_str(),
                    "zip" | "zipcode" | "zip:" | "postal" | "code" | "zip#"
                )
            });
            if after_state || labelled {
                let detail = if after_state {
                    "after state"
                } else {
                    "zip label"
                };
                out.push(
                    m.start(),
                    m.end(),
                    Category::Zip,
                    0.95,
                    Reason::rule("zip").with(detail),
                );
            } else if m.len() == 10 {
                out.push(
                    m.start(),
                    m.end(),
                    Category::Zip,
                    0.75,
                    Reason::rule("zip").with("ZIP+4 shape"),
                );
            }
        }
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
