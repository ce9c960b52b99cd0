//! Cities, states, countries and professions from the lists, with context.

use super::Out;
use crate::lexicon::Lexicon;
use crate::text::{Word, before, is_capitalized};
use crate::{Category, Reason};

/// Words after which a capitalised place name is a location.
const LOC_PREP: &[&str] = &[
    "in",
    "from",
    "to",
    "near",
    "at",
    "of",
    "visiting",
    "visited",
    "lives",
    "resides",
    "born",
    "native",
    "moved",
    "relocated",
    "traveled",
    "travelled",
    "transferred",
    "outside",
    "around",
    "city",
    "town",
    "state",
    "country",
    "via",
    "toward",
    "towards",
];

/// Words after which a job title is the person's occupation.
const JOB_CONTEXT: &[&str] = &[
    "retired",
    "former",
    "occupation",
    "job",
    "profession",
    "employment",
    "works",
    "worked",
    "employed",
    "trade",
    "career",
];
const JOB_LEAD: &[&str] = &[
    "as", "is", "was", "retired", "former", "works", "worked", "employed", "working", "been",
    "became",
];

/// Joins words `i..i + n` into a lower-cased key when only spaces (or a period
/// and spaces, as in "St. Louis") separate them.
pub(crate) fn phrase(text: &str, words: &[Word], i: usize, n: usize) -> Option<String> {
    let ws = words.get(i..i + n)?;
    let mut key = String::new();
    for (k, w) in ws.iter().enumerate() {
        if k > 0 {
            let gap = &text[ws[k - 1].end..w.start];
            if gap.is_empty()
                || !gap.trim_start_matches('.').chars().all(|c| c == ' ')
                || gap.len() > 3
            {
                return None;
            }
            key.push(' ');
        }
        key.push_str(&w.of(text).to_lowercase());
    }
    Some(key)
}

pub(crate) fn detect(out: &mut Out<'_>, lex: &Lexicon, words: &[Word]) {
    let text = out.text;
    let mut i = 0;
    while i < words.len() {
        let mut step = 1;
        for n in (1..=lex.max_phrase_words.min(words.len() - i)).rev() {
            let Some(key) = phrase(text, words, i, n) else {
                continue;
            };
            let (start, end) = (words[i].start, words[i + n - 1].end);
            let code = n == 1 && key.len() == 2 && lex.is_state_code(&key.to_ascii_uppercase());
            if let Some(place) = lex
                .place(&key)
                .or(code.then(crate::lexicon::Place::default))
            {
                if let Some((cat, conf, reason)) =
                    judge_place(text, lex, &key, place, start, end, n)
                {
                    out.push(start, end, cat, conf, reason);
                    step = n;
                    break;
                }
            }
            if lex.is_profession(&key) && is_job_context(text, start) {
                out.push(
                    start,
                    end,
                    Category::Profession,
                    0.85,
                    Reason::list("profession list").with("occupation context"),
                );
                step = n;
                break;
            }
        }
        i += step;
    }
}

fn is_job_context(text: &str, start: usize) -> bool {
    let prev = before(text, start, 3);
    let p = |k: usize| prev.get(k).map_or("", String::as_str);
    JOB_CONTEXT.contains(&p(0))
        || (matches!(p(0), "a" | "an") && (JOB_LEAD.contains(&p(1)) || JOB_CONTEXT.contains(&p(1))))
        || (p(0) == "as"
            && matches!(
                p(1),
                "works" | "worked" | "employed" | "working" | "job" | "career" | "retired"
            ))
        || (matches!(p(0), "a" | "an") && p(1) == "as")
}

fn judge_place(
    text: &str,
    lex: &Lexicon,
    key: &str,
    place: crate::lexicon::Place,
    start: usize,
    end: usize,
    n: usize,
) -> Option<(Category, f32, Reason)> {
    let surface = &text[start..end];
    let capital = surface
        .split(' ')
        .all(|w| is_capitalized(w) || matches!(w, "of" | "the" | "and" | "de" | "la"));
    let all_caps = surface.len() >= 2 && !surface.chars().any(char::is_lowercase);
    let ambiguous = n == 1
        && (lex.is_common(key) || lex.first_name(key).is_some() || lex.last_name(key).is_some());
    let prev = before(text, start, 1);
    let after_prep = prev.first().is_some_and(|p| LOC_PREP.contains(&p.as_str()));
    let rest = &text[end..];

    // A state code: two capitals after "City," or before a ZIP.
    if n == 1 && all_caps && surface.len() == 2 {
        if place.state.is_none() && !lex.is_state_code(surface) {
            return None;
        }
        let head = text[..start].trim_end_matches(' ');
        let after_comma = head.ends_with(',');
        let before_zip = rest
            .trim_start_matches([' ', ','])
            .starts_with(|c: char| c.is_ascii_digit());
        let after_city = after_comma
            && ends_with_city(head.trim_end_matches(','), lex)
            && !credential_after_name(head, surface, lex);
        return (after_comma && before_zip || after_city).then_some((
            Category::State,
            0.93,
            Reason::list("state list").with("address context"),
        ));
    }
    if !capital && !all_caps || crate::text::eponym_head_after(text, end) {
        return None;
    }
    if all_caps && !followed_by_state(rest, lex) && !after_prep {
        return None;
    }
    if let Some(_code) = place.state {
        let after_city = text[..start].trim_end_matches(' ').ends_with(',');
        if after_city || after_prep {
            return Some((
                Category::State,
                0.9,
                Reason::list("state list").with(if after_city {
                    "address context"
                } else {
                    "location word"
                }),
            ));
        }
        if !ambiguous {
            return Some((Category::State, 0.8, Reason::list("state list")));
        }
    }
    if place.country {
        if after_prep || !ambiguous {
            return Some((
                Category::CountryOrRegion,
                if after_prep { 0.9 } else { 0.8 },
                Reason::list("country list"),
            ));
        }
        return None;
    }
    if place.city_zips > 0 {
        if followed_by_state(rest, lex) {
            return Some((
                Category::City,
                0.95,
                Reason::list("city list").with("followed by state"),
            ));
        }
        if after_prep && (!lex.is_common(key) || n > 1 || place.city_zips >= 3) {
            return Some((
                Category::City,
                0.82,
                Reason::list("city list").with("location word"),
            ));
        }
        if place.city_zips >= 15 && !ambiguous {
            return Some((
                Category::City,
                0.75,
                Reason::list("city list").with("large city"),
            ));
        }
    }
    None
}

/// "Mary Jones, MD": a credential that is also a state code, after a first name
/// and a surname.
fn credential_after_name(head: &str, code: &str, lex: &Lexicon) -> bool {
    if !matches!(code, "MD" | "PA" | "DO") {
        return false;
    }
    let ws: Vec<&str> = head.trim_end_matches(',').rsplit(' ').take(2).collect();
    ws.len() == 2
        && lex.first_name(&ws[1].to_lowercase()).is_some()
        && ws[1].starts_with(|c: char| c.is_uppercase())
}

/// The text ends with a known city name of one to three words.
fn ends_with_city(head: &str, lex: &Lexicon) -> bool {
    let ws: Vec<&str> = head.rsplit(' ').take(3).collect();
    (1..=ws.len()).any(|n| {
        let mut parts: Vec<&str> = ws[..n].to_vec();
        parts.reverse();
        let k = parts.join(" ").replace('.', "").to_lowercase();
        parts[0].starts_with(|c: char| c.is_uppercase())
            && lex.place(&k).is_some_and(|p| p.city_zips > 0)
    })
}

/// `, MA` or `, Texas` or ` MA 02114` follows.
fn followed_by_state(rest: &str, lex: &Lexicon) -> bool {
    let r = rest
        .strip_prefix(',')
        .unwrap_or(rest)
        .trim_start_matches(' ');
    if r.len() >= 2
        && r.is_char_boundary(2)
        && lex.is_state_code(&r[..2])
        && r[2..].starts_with(|c: char| !c.is_alphanumeric())
    {
        return rest.starts_with(',')
            || r[2..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit());
    }
    if rest.starts_with(',') {
        let word: String = r
            .chars()
            .take_while(|c| c.is_alphabetic() || *c == ' ')
            .collect();
        let mut k = String::new();
        for w in word.split(' ').take(2) {
            if !k.is_empty() {
                k.push(' ');
            }
            k.push_str(&w.to_lowercase());
            if lex.place(&k).is_some_and(|p| p.state.is_some()) && is_capitalized(w) {
                return true;
            }
        }
    }
    false
}
