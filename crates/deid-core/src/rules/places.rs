//! Cities, states, countries and professions from the lists, with context.

use super::Out;
use crate::lexicon::{Lexicon, WordInfo};
use crate::text::{Context, Words, is_capitalized};
use crate::{Category, Reason};

/// Words after which a capitalised place name is a location.
fn is_loc_prep(w: &str) -> bool {
    matches!(
        w,
        "in" | "from"
            | "to"
            | "near"
            | "at"
            | "of"
            | "visiting"
            | "visited"
            | "lives"
            | "resides"
            | "born"
            | "native"
            | "moved"
            | "relocated"
            | "traveled"
            | "travelled"
            | "transferred"
            | "outside"
            | "around"
            | "city"
            | "town"
            | "state"
            | "country"
            | "via"
            | "toward"
            | "towards"
    )
}

/// Words after which a job title is the person's occupation.
fn is_job_context_word(w: &str) -> bool {
    matches!(
        w,
        "retired"
            | "former"
            | "occupation"
            | "job"
            | "profession"
            | "employment"
            | "works"
            | "worked"
            | "employed"
            | "trade"
            | "career"
    )
}

fn is_job_lead(w: &str) -> bool {
    matches!(
        w,
        "as" | "is"
            | "was"
            | "retired"
            | "former"
            | "works"
            | "worked"
            | "employed"
            | "working"
            | "been"
            | "became"
    )
}

/// True when only spaces (or a period and spaces, as in "St. Louis") separate
/// two words of one place name.
fn phrase_gap(gap: &str) -> bool {
    !gap.is_empty() && gap.len() <= 3 && gap.trim_start_matches('.').chars().all(|c| c == ' ')
}

pub(crate) fn detect(out: &mut Out<'_>, lex: &Lexicon, ws: &Words<'_>, infos: &[WordInfo]) {
    let text = out.text;
    let mut key = String::new();
    let mut i = 0;
    while i < ws.len() {
        let capital = ws.cap(i);
        // Occupations follow one of a few words; look the context up only then.
        let prev_job = || i > 0 && may_precede_job(ws.lower(i - 1));
        // Countries are sometimes typed in lower case: "arrived from bahrain".
        let lower_place = !capital && i > 0 && is_loc_prep(ws.lower(i - 1));
        // A capitalised word is always looked at; the word before it is read
        // only when the lists know the word.
        let maybe_job = if capital {
            None
        } else {
            let m = prev_job();
            if !m && !lower_place {
                i += 1;
                continue;
            }
            Some(m)
        };
        let info = if capital {
            infos[i]
        } else {
            lex.word(ws.lower(i))
        };
        let raw = ws.raw(i);
        let code_like = raw.len() == 2 && raw.bytes().all(|b| b.is_ascii_uppercase());
        if !info.phrase && !info.starts_phrase && !code_like {
            i += 1;
            continue;
        }
        let maybe_job = maybe_job.unwrap_or_else(prev_job);
        // The lengths of the phrases that begin with the word. The entry looked
        // up is that of the word itself only for ASCII words without a
        // possessive; for others, every length up to the longest is tried.
        let lower = ws.lower(i);
        let lengths = if lower.is_ascii() && (!capital || !lower.ends_with("'s")) {
            info.phrase_lengths
        } else {
            u8::MAX
        };
        // The context is needed for occupations and for judging a place found.
        let context = std::cell::OnceCell::new();
        let ctx = || *context.get_or_init(|| ws.context(i));
        let job = maybe_job && is_job_context(&ctx());
        // The keys of words i..i+n for every n, longest tried first.
        key.clear();
        let mut ends = [0usize; 8];
        let mut longest = 0;
        let most = if info.starts_phrase {
            lex.max_phrase_words
        } else {
            1
        };
        for n in 1..=most.min(ws.len() - i).min(ends.len() - 1) {
            if n > 1 {
                if !phrase_gap(ws.gap(i + n - 1)) {
                    break;
                }
                key.push(' ');
            }
            key.push_str(ws.lower(i + n - 1));
            ends[n] = key.len();
            longest = n;
        }
        let mut step = 1;
        for n in (1..=longest).rev() {
            let listed = lengths & 1 << n != 0;
            if !listed && n > 1 {
                continue;
            }
            let k = &key[..ends[n]];
            let (start, end) = (ws.get(i).start, ws.get(i + n - 1).end);
            if capital || lower_place {
                let code = n == 1 && k.len() == 2 && lex.is_state_code_upper(k);
                let place = if listed { lex.place(k) } else { None };
                let place = place.or(code.then(crate::lexicon::Place::default));
                let judged = place.and_then(|p| {
                    judge_place(
                        text,
                        lex,
                        k,
                        p,
                        &Site {
                            start,
                            end,
                            n,
                            prev: ctx().get(0),
                            info,
                        },
                    )
                });
                if let Some((cat, conf, reason)) = judged {
                    out.push(start, end, cat, conf, reason);
                    step = n;
                    break;
                }
            }
            if job && listed && lex.is_profession(k) {
                let reason = Reason::list("profession list").with("occupation context");
                out.push(start, end, Category::Profession, 0.85, reason);
                step = n;
                break;
            }
        }
        i += step;
    }
}

/// The words an occupation can directly follow: a cheap test before
/// [`is_job_context`] looks at the whole context.
fn may_precede_job(w: &str) -> bool {
    matches!(w, "a" | "an" | "as") || is_job_context_word(w) || is_age_word(w)
}

fn is_job_context(ctx: &Context<'_>) -> bool {
    let p = |k: usize| ctx.get(k);
    is_job_context_word(p(0))
        || (matches!(p(0), "a" | "an") && (is_job_lead(p(1)) || is_job_context_word(p(1))))
        || (p(0) == "as"
            && matches!(
                p(1),
                "works" | "worked" | "employed" | "working" | "job" | "career" | "retired"
            ))
        || (matches!(p(0), "a" | "an") && p(1) == "as")
        // "a 47-year-old teacher", "is a 72 yo fisherman"
        || (is_age_word(p(0)) && (1..4).any(|k| matches!(p(k), "a" | "an")))
}

/// The last word of an age: "47-year-old", "old", "yo", the "o" of "y/o".
fn is_age_word(w: &str) -> bool {
    w.ends_with("old") || matches!(w, "yo" | "o" | "yrs" | "years")
}

/// Whether `s` opens with a ZIP code: five digits, or ZIP+4, and no more (not
/// the year of "MD 2014-03-23").
pub(crate) fn zip_starts(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |from: usize| {
        b[from.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    if digits(0) != 5 {
        return false;
    }
    match b.get(5) {
        Some(b'-') => digits(6) == 4 && !b.get(10).is_some_and(u8::is_ascii_alphanumeric),
        Some(c) => !c.is_ascii_alphanumeric() && !matches!(c, b'/' | b'.'),
        None => true,
    }
}

/// Where a candidate place stands: its bytes, its length in words and the word before it.
struct Site<'a> {
    start: usize,
    end: usize,
    n: usize,
    prev: &'a str,
    /// What the lists say about the first word.
    info: WordInfo,
}

fn judge_place(
    text: &str,
    lex: &Lexicon,
    key: &str,
    place: crate::lexicon::Place,
    site: &Site<'_>,
) -> Option<(Category, f32, Reason)> {
    let &Site {
        start,
        end,
        n,
        prev,
        info,
    } = site;
    let surface = &text[start..end];
    let capital = surface
        .split(' ')
        .all(|w| is_capitalized(w) || matches!(w, "of" | "the" | "and" | "de" | "la"));
    let all_caps = surface.len() >= 2 && !surface.chars().any(char::is_lowercase);
    let ambiguous =
        n == 1 && (info.common || info.eponym || info.first.is_some() || info.last.is_some());
    let after_prep = is_loc_prep(prev);
    let rest = &text[end..];

    // A state code: two capitals after "City," or before a ZIP.
    if n == 1 && all_caps && surface.len() == 2 {
        if place.state.is_none() && !lex.is_state_code(surface) {
            return None;
        }
        let head = text[..start].trim_end_matches(' ');
        let after_comma = head.ends_with(',');
        let before_zip = zip_starts(rest.trim_start_matches([' ', ',']));
        let after_city = after_comma
            && ends_with_city(head.trim_end_matches(','), lex)
            && !credential_after_name(head, surface, lex)
            && (!matches!(surface, "MD" | "PA" | "DO") || city_after_preposition(head));
        return (after_comma && before_zip || after_city).then_some((
            Category::State,
            0.93,
            Reason::list("state list").with("address context"),
        ));
    }
    // Country names are frequent words of English, so only name lists make them ambiguous here.
    let lower_country = !capital
        && !all_caps
        && place.country
        && after_prep
        && info.first.is_none()
        && info.last.is_none();
    if !capital && !all_caps && !lower_country {
        return None;
    }
    if all_caps && !after_prep && !followed_by_state(rest, lex) {
        return None;
    }
    if crate::text::eponym_head_after(text, end) {
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
        if after_prep || lower_country || !ambiguous {
            return Some((
                Category::CountryOrRegion,
                if after_prep { 0.9 } else { 0.8 },
                Reason::list("country list"),
            ));
        }
        return None;
    }
    if place.city_zips > 0 {
        if after_street(&text[..start]) && capital {
            return Some((
                Category::City,
                0.9,
                Reason::list("city list").with("after a street address"),
            ));
        }
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

/// Street suffixes that end an address line.
pub(crate) const SUFFIXES: &[&str] = &[
    "street",
    "st",
    "avenue",
    "ave",
    "road",
    "rd",
    "boulevard",
    "blvd",
    "lane",
    "ln",
    "drive",
    "dr",
    "court",
    "ct",
    "way",
    "place",
    "pl",
    "terrace",
    "circle",
    "parkway",
    "pkwy",
    "highway",
    "hwy",
    "trail",
    "square",
    "plaza",
    "loop",
    "pike",
];
/// Unit words before a unit number.
pub(crate) const UNITS: &[&str] = &[
    "apt",
    "apartment",
    "suite",
    "ste",
    "unit",
    "box",
    "floor",
    "fl",
    "rm",
    "room",
    "bldg",
];

/// "12 Ocean Court, Fresno", "Apt 4B, Fresno", "P.O. Box 833, Fresno": the text
/// before ends with a street address and a comma.
fn after_street(head: &str) -> bool {
    let Some(head) = head.trim_end().strip_suffix(',') else {
        return false;
    };
    let mut words = head.trim_end().rsplit(' ');
    let last = words.next().unwrap_or("").trim_end_matches('.');
    let prev = words.next().unwrap_or("").trim_end_matches('.');
    SUFFIXES.iter().any(|s| s.eq_ignore_ascii_case(last))
        || last.bytes().any(|b| b.is_ascii_digit())
            && (UNITS.iter().any(|u| u.eq_ignore_ascii_case(prev)) || last.starts_with('#'))
}

/// "lives in Baltimore, MD": the city before the comma follows a location word.
/// Without one (or a ZIP after), "MD", "PA" and "DO" after a comma are credentials.
fn city_after_preposition(head: &str) -> bool {
    let mut words = head
        .trim_end_matches(',')
        .rsplit(' ')
        .filter(|w| !w.is_empty());
    words
        .nth(1)
        .is_some_and(|w| is_loc_prep(&w.to_ascii_lowercase()))
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
