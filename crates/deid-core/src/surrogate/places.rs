//! Streets, cities, states, ZIP codes, countries, institutions and
//! professions.

use super::case::Case;
use super::pools::{COMPANIES, City, LANDMARKS, PLACE_NAMES, SAINTS, STREETS};
use super::shape::reshape;
use super::{Surrogator, norm};
use crate::Category;
use crate::rules::orgs::is_structural;
use crate::rules::places::{SUFFIXES, UNITS};

/// Suffixes kept besides those that end an address line for detection.
const MORE_SUFFIXES: &[&str] = &[
    "av", "ter", "cir", "sq", "trl", "route", "rte", "row", "alley", "turnpike", "crescent",
    "close",
];
const DIRECTIONS: &[&str] = &[
    "n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west",
];
/// Unit words kept besides those detection knows ("P.O." in "P.O. Box").
const MORE_UNITS: &[&str] = &["building", "po", "p", "o"];

fn lower_word(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// A street address: numbers redrawn with the same digit count, the street's
/// name from the pool, suffix, direction and unit words kept.
pub(crate) fn street(s: &Surrogator, original: &str) -> String {
    let key = norm(original);
    let words: Vec<&str> = original.split(' ').collect();
    for attempt in 0..8 {
        let mut d = s.key.draw_n("street", &key, attempt);
        let mut out: Vec<String> = Vec::with_capacity(words.len());
        let mut named = false;
        for (i, w) in words.iter().enumerate() {
            let lower = lower_word(w);
            let trail = &w[w.trim_end_matches(|c: char| !c.is_alphanumeric()).len()..];
            if let Some(suffix) = ordinal_suffix(w) {
                let n = d.range(1, 99) as u32;
                out.push(format!(
                    "{n}{}{}",
                    Case::of(suffix).apply(super::dates::ordinal_suffix(n)),
                    &w[w.len() - trail.len()..]
                ));
            } else if w.chars().any(|c| c.is_ascii_digit()) || w.starts_with('#') {
                out.push(reshape(w, &mut d));
            } else if lower.is_empty()
                || i > 0
                    && (SUFFIXES.contains(&lower.as_str())
                        || MORE_SUFFIXES.contains(&lower.as_str()))
                || DIRECTIONS.contains(&lower.as_str())
                || UNITS.contains(&lower.as_str())
                || MORE_UNITS.contains(&lower.as_str())
            {
                out.push((*w).to_owned());
            } else if !named {
                let name = pick_free(s, &mut d, STREETS, "street");
                out.push(format!("{}{trail}", Case::of(w).apply(name)));
                named = true;
            } else if let Some(prev) = out.last_mut() {
                // Further words of a multi-word name fold into the one drawn.
                prev.push_str(trail);
            }
        }
        let text = out.join(" ");
        if norm(&text) != key {
            return text;
        }
    }
    reshape(original, &mut s.key.draw("street", &key))
}

/// The suffix of an ordinal street name ("5th", "42nd,"), if `w` is one.
fn ordinal_suffix(w: &str) -> Option<&str> {
    let core = w.trim_end_matches(|c: char| !c.is_alphanumeric());
    let digits = core.len() - core.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let suffix = &core[digits..];
    (digits > 0 && ["st", "nd", "rd", "th"].contains(&suffix.to_ascii_lowercase().as_str()))
        .then_some(suffix)
}

/// A pool entry that brings back no original of the run.
fn pick_free(
    s: &Surrogator,
    d: &mut super::key::Draw,
    pool: &[&'static str],
    domain: &str,
) -> &'static str {
    let mut pick = *d.pick(pool);
    for _ in 0..32 {
        if !s.is_taken(domain, pick) {
            break;
        }
        pick = *d.pick(pool);
    }
    pick
}

/// The city a city name maps to, with its state and ZIP codes.
pub(crate) fn city(s: &Surrogator, original: &str) -> &'static City {
    let key = norm(original);
    let cities = &s.pools.cities;
    // A state written beside the city is replaced by the new city's state, so
    // the new city lies in none of the states the original name is found in.
    let home = s.pools.city_states.get(&key).map_or(&[][..], Vec::as_slice);
    let mut fallback = None;
    for attempt in 0..32 {
        let c = &cities[s.key.draw_n("city", &key, attempt).below(cities.len())];
        if super::same_norm(c.name, &key) || home.contains(&c.state) {
            continue;
        }
        if !s.is_taken("city", c.name) {
            return c;
        }
        fallback.get_or_insert(c);
    }
    // Every draw was an original of the run: a city that is at least not
    // this one.
    fallback.unwrap_or(&cities[0])
}

pub(crate) fn city_text(original: &str, c: &City) -> String {
    Case::of(original).apply(c.name)
}

/// The state code a state (name or code) maps to when it stands alone.
pub(crate) fn state_code(s: &Surrogator, original: &str) -> &'static str {
    let key = norm(original);
    let states = &s.pools.states;
    let mut fallback = None;
    for attempt in 0..16 {
        let (name, code) = states[s.key.draw_n("state", &key, attempt).below(states.len())];
        if super::same_norm(name, &key) || super::same_norm(code, &key) {
            continue;
        }
        // States are few: in a large run most are originals somewhere.
        if !s.is_taken("state", name) && !s.is_taken("state", code) {
            return code;
        }
        fallback.get_or_insert(code);
    }
    fallback.unwrap_or(states[0].1)
}

/// `code` written the way `original` was: as a code or a full name, in its case.
pub(crate) fn state_text(s: &Surrogator, original: &str, code: &str) -> String {
    let letters: String = original.chars().filter(char::is_ascii_alphabetic).collect();
    if letters.len() == 2 && original.trim().len() <= 4 {
        let c = if original.starts_with(char::is_lowercase) {
            code.to_lowercase()
        } else {
            code.to_owned()
        };
        // Keep dotted forms ("M.D." is never a state, but "N.Y." is).
        if original.contains('.') {
            let mut it = c.chars();
            return format!("{}.{}.", it.next().unwrap_or('X'), it.next().unwrap_or('X'));
        }
        return c;
    }
    let name = s
        .pools
        .states
        .iter()
        .find(|(_, c)| *c == code)
        .map_or(code, |(n, _)| *n);
    Case::of(original).apply(name)
}

/// A ZIP code of `city`, else of `state`, else of anywhere; ZIP+4 keeps its
/// four extra digits (drawn).
pub(crate) fn zip(
    s: &Surrogator,
    original: &str,
    city: Option<&City>,
    state: Option<&str>,
) -> String {
    let digits: String = original.chars().filter(char::is_ascii_digit).collect();
    let any: Vec<&str>;
    let pool: &[&str] = match (city, state) {
        (Some(c), _) => &c.zips,
        (None, Some(st)) => s.pools.zips_by_state.get(st).map_or(&[][..], Vec::as_slice),
        (None, None) => {
            let c = &s.pools.cities[s.key.draw("zip-city", &digits).below(s.pools.cities.len())];
            any = c.zips.clone();
            &any
        }
    };
    let mut d = s.key.draw("zip", &digits);
    let mut base = "";
    for _ in 0..32 {
        if pool.is_empty() {
            break;
        }
        base = *d.pick(pool);
        if !digits.starts_with(base) && !s.is_original("zip", base) {
            break;
        }
    }
    let mut out = if base.is_empty() {
        reshape(&original[..original.len().min(5)], &mut d)
    } else {
        base.to_owned()
    };
    if let Some(dash) = original.find(['-', ' ']) {
        out.push_str(&reshape(&original[dash..], &mut d));
    }
    out
}

/// A country of the list, not the original.
pub(crate) fn country(s: &Surrogator, original: &str) -> String {
    let key = norm(original);
    let c = s.choose("country", &key, &s.pools.countries);
    Case::of(original).apply(c)
}

pub(crate) fn profession(s: &Surrogator, original: &str) -> String {
    let key = norm(original);
    let p = s.choose("profession", &key, &s.pools.professions);
    match Case::of(original) {
        Case::Mixed => p.to_owned(),
        c => c.apply(p),
    }
}

/// A hospital, organisation or place: head words ("Hospital", "Inc.",
/// "Park") and connectors kept, the distinctive words replaced as one.
pub(crate) fn institution(s: &Surrogator, original: &str, category: Category) -> String {
    let key = norm(original);
    let words: Vec<&str> = original.split(' ').collect();
    let structural: Vec<bool> = words
        .iter()
        .map(|w| {
            let l = lower_word(w);
            let l = l.strip_suffix("'s").unwrap_or(&l);
            l.is_empty() || is_structural(l, category) || l == "&"
        })
        .collect();
    let whole = |pool: &[&'static str]| {
        let p = s.choose(category.name(), &key, pool);
        Case::of(original).apply(p)
    };
    if structural.iter().all(|&x| !x) || structural.iter().all(|&x| x) {
        return match category {
            Category::Organization => whole(COMPANIES),
            Category::LocationOther => whole(LANDMARKS),
            _ => whole(PLACE_NAMES),
        };
    }
    for attempt in 0..8 {
        let mut d = s.key.draw_n(category.name(), &key, attempt);
        let mut out: Vec<String> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            if structural[i] {
                out.push(words[i].to_owned());
                i += 1;
                continue;
            }
            let run_start = i;
            while i < words.len() && !structural[i] {
                i += 1;
            }
            let last = words[i - 1];
            let tail = last.find(['\'', '’', ',', '.']).map_or("", |p| &last[p..]);
            let saint = run_start > 0
                && matches!(lower_word(words[run_start - 1]).as_str(), "st" | "saint");
            let pool = if saint { SAINTS } else { PLACE_NAMES };
            let pick = pick_free(s, &mut d, pool, category.name());
            out.push(format!("{}{tail}", Case::of(words[run_start]).apply(pick)));
        }
        let text = out.join(" ");
        if norm(&text) != key && !s.is_original(category.name(), &text) {
            return text;
        }
    }
    whole(PLACE_NAMES)
}
