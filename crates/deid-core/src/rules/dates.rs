//! Dates in the forms clinical text uses, leaving doses, ratios and scores alone.

use regex_automata::meta::Regex;

use super::Out;
use super::pattern::Hit;
use crate::text::{after, before, boundary_after, boundary_before};
use crate::{Category, Reason};

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
const WEEKDAY: &str =
    r"(?i:(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?\.?,?\s+)";

/// Words that make a bare `m/d` or a bare year an event date.
const EVENT_WORDS: &[&str] = &[
    "on",
    "since",
    "from",
    "until",
    "till",
    "by",
    "dated",
    "date",
    "dos",
    "before",
    "after",
    "through",
    "thru",
    "starting",
    "started",
    "admitted",
    "discharged",
    "scheduled",
    "visit",
    "due",
    "in",
    "during",
    "circa",
    "around",
    "year",
    "of",
    "born",
    "dob",
    "last",
    "seen",
    "and",
    "to",
    "-",
    "effective",
    "expires",
    "expired",
    "exp",
    "surgery",
    "check",
    "appt",
    "appointment",
    "f/u",
    "followup",
    "follow-up",
    "rtc",
    "planned",
    "next",
    "returns",
    "return",
    "repeat",
    "recheck",
];

/// Words before a slash pair that make it a score, ratio or pressure.
const NOT_DATE_BEFORE: &[&str] = &[
    "bp", "gcs", "grade", "murmur", "strength", "power", "motor", "score", "apgar", "apgars",
    "ratio", "pain", "rated", "of",
];

/// Words after a number that make it a quantity, not a year.
const UNIT_AFTER: &[&str] = &[
    "mg", "mcg", "g", "ml", "cc", "l", "units", "unit", "iu", "meq", "mmol", "mmhg", "mm", "cm",
    "kg", "lb", "lbs", "calories", "kcal", "patients", "people", "cases", "times", "steps", "feet",
    "ft", "m", "mg/dl", "%",
];

/// Dates: first the all-digit forms (ISO, m/d/y, m/yyyy, m/d and bare years),
/// then the forms with a month name ("14 Mar 2021", "March 14th, 2021", "Mar 2021").
pub(crate) struct Dates {
    n: NumericGroups,
    t: TextualGroups,
    weekday: Regex,
}

/// The alternatives of the numeric pattern, in order.
const ISO: usize = 0;
const NUM: usize = 1;
const MSY: usize = 2;
const SP: usize = 3;
/// The number of numeric alternatives.
const NUMERIC_FORMS: usize = 5;

/// Group indices of the numeric alternatives.
struct NumericGroups {
    is1: usize,
    im: usize,
    is2: usize,
    id: usize,
    na: usize,
    ns1: usize,
    nb: usize,
    ns2: usize,
    ny: usize,
    mm: usize,
    sa: usize,
    sb: usize,
}

/// The alternatives of the textual pattern, in order.
const DM: usize = 0;
const MD: usize = 1;
const MO: usize = 2;

/// Group indices of the textual alternatives.
struct TextualGroups {
    dd: usize,
    dmon: usize,
    dy: usize,
    dy2: usize,
    mmon: usize,
    mdd: usize,
    my: usize,
    omon: usize,
}

impl Dates {
    /// The patterns, each with whether its groups are read.
    pub(crate) fn alternatives() -> Vec<(String, bool)> {
        let numeric = [
            (
                r"\b(?:19|20)\d{2}(?P<is1>[-/.])(?P<im>\d{1,2})(?P<is2>[-/.])(?P<id>\d{1,2})\b",
                true,
            ),
            (
                r"\b(?P<na>\d{1,2})(?P<ns1>[/.-])(?P<nb>\d{1,2})(?P<ns2>[/.-])(?P<ny>\d{4}|\d{2})\b",
                true,
            ),
            (r"\b(?P<mm>\d{1,2})/(?:19|20)\d{2}\b", true),
            (r"\b(?P<sa>\d{1,2})/(?P<sb>\d{1,2})\b", true),
            (r"\b(?:19|20)\d{2}\b", false),
        ];
        let dm = format!(
            r"(?i)\b(?P<dd>\d{{1,2}})(?:st|nd|rd|th)?(?:[-\s]|\s+of\s+)?(?P<dmon>{MONTH})\.?(?:(?:,?\s*|-)(?P<dy>(?:19|20)\d{{2}})\b|-(?P<dy2>\d{{2}})\b)?"
        );
        let md = format!(
            r"(?i)\b(?P<mmon>{MONTH})\.?\s+(?P<mdd>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s*(?P<my>(?:19|20)\d{{2}})\b)?"
        );
        let mo = format!(r"(?i)\b(?P<omon>{MONTH})\.?,?\s+(?:19|20)\d{{2}}\b");
        numeric
            .iter()
            .map(|&(p, g)| (p.to_owned(), g))
            .chain([(dm, true), (md, true), (mo, true)])
            .collect()
    }

    /// Reads the group indices through `group(alternative, name)`.
    pub(crate) fn new(group: impl Fn(usize, &str) -> usize) -> Self {
        let g = &group;
        let n = NumericGroups {
            is1: g(ISO, "is1"),
            im: g(ISO, "im"),
            is2: g(ISO, "is2"),
            id: g(ISO, "id"),
            na: g(NUM, "na"),
            ns1: g(NUM, "ns1"),
            nb: g(NUM, "nb"),
            ns2: g(NUM, "ns2"),
            ny: g(NUM, "ny"),
            mm: g(MSY, "mm"),
            sa: g(SP, "sa"),
            sb: g(SP, "sb"),
        };
        let g = |alt: usize, name: &str| group(NUMERIC_FORMS + alt, name);
        let t = TextualGroups {
            dd: g(DM, "dd"),
            dmon: g(DM, "dmon"),
            dy: g(DM, "dy"),
            dy2: g(DM, "dy2"),
            mmon: g(MD, "mmon"),
            mdd: g(MD, "mdd"),
            my: g(MD, "my"),
            omon: g(MO, "omon"),
        };
        Dates {
            n,
            t,
            weekday: super::pattern::compile(&format!(r"{WEEKDAY}$")),
        }
    }

    /// Judges a match of alternative `alt`.
    pub(crate) fn hit(&self, out: &mut Out<'_>, c: &Hit<'_, '_>, alt: usize) {
        if alt < NUMERIC_FORMS {
            Self::numeric_hit(out, c, alt, &self.n);
        } else {
            Self::textual_hit(out, c, alt - NUMERIC_FORMS, &self.t);
        }
    }

    fn numeric_hit(out: &mut Out<'_>, c: &Hit<'_, '_>, alt: usize, n: &NumericGroups) {
        let text = out.text;
        if !edge_ok(text, c) {
            return;
        }
        if alt == ISO {
            if c.str(n.is1) == c.str(n.is2) && valid_md(c.num(n.im), c.num(n.id)) {
                push(out, c, 0.98, "date.iso");
            }
        } else if alt == NUM {
            let (a, b, sep) = (c.num(n.na), c.num(n.nb), c.str(n.ns1));
            let valid =
                (valid_md(a, b) || valid_md(b, a)) && (c.str(n.ny).len() == 4 || sep != ".");
            if sep == c.str(n.ns2) && valid {
                push(out, c, 0.97, "date.numeric");
            }
        } else if alt == MSY {
            if (1..=12).contains(&c.num(n.mm)) {
                push(out, c, 0.85, "date.month/year");
            }
        } else if alt == SP {
            Self::slash_pair(out, c, c.num(n.sa), c.num(n.sb));
        } else {
            Self::year(out, c);
        }
    }

    fn textual_hit(out: &mut Out<'_>, c: &Hit<'_, '_>, alt: usize, t: &TextualGroups) {
        let text = out.text;
        let whole = c.whole();
        if alt == DM {
            let has_year = c.has(t.dy) || c.has(t.dy2);
            let ok = (1..=31).contains(&c.num(t.dd))
                && month_word_ok(c.str(t.dmon), has_year, true)
                && (has_year || boundary_after(text, whole.end));
            if ok {
                push(out, c, if has_year { 0.97 } else { 0.85 }, "date.day-month");
            }
        } else if alt == MD {
            let has_year = c.has(t.my);
            let ok = (1..=31).contains(&c.num(t.mdd))
                && month_word_ok(c.str(t.mmon), has_year, false)
                && (has_year || !is_quantity(text, whole.end));
            if ok {
                push(out, c, if has_year { 0.97 } else { 0.88 }, "date.month-day");
            }
        } else if alt == MO && month_word_ok(c.str(t.omon), true, false) {
            push(out, c, 0.93, "date.month-year");
        }
    }

    /// `3/14` with no year: a date only after an event word, never after a score word.
    fn slash_pair(out: &mut Out<'_>, c: &Hit<'_, '_>, a: u32, b: u32) {
        let text = out.text;
        let whole = c.whole();
        if !valid_md(a, b) {
            return;
        }
        let prev = before(text, whole.start, 2);
        if prev.any(NOT_DATE_BEFORE) || !prev.is(0, EVENT_WORDS) || is_quantity(text, whole.end) {
            return;
        }
        push(out, c, 0.8, "date.month/day");
    }

    /// A bare year counts only as an event year ("in 1983", "since 2019").
    fn year(out: &mut Out<'_>, c: &Hit<'_, '_>) {
        let text = out.text;
        let m = c.whole();
        let prev = before(text, m.start, 2);
        let event =
            prev.is(0, EVENT_WORDS) || prev.is(0, &["the", "year"]) && prev.is(1, EVENT_WORDS);
        if event && !is_quantity(text, m.end) {
            out.push(
                m.start,
                m.end,
                Category::Date,
                0.8,
                Reason::rule("date.year").with("event year"),
            );
        } else if history_year(text, m.start, m.end) {
            out.push(
                m.start,
                m.end,
                Category::Date,
                0.66,
                Reason::rule("date.year").with("year after an event"),
            );
        }
    }

    /// Extends each date found over a weekday written right before it.
    pub(crate) fn attach_weekdays(&self, out: &mut Out<'_>) {
        let text = out.text;
        for f in out
            .findings
            .iter_mut()
            .filter(|f| f.category == Category::Date)
        {
            let lo = crate::text::floor_char(text, f.span.start().saturating_sub(16));
            if let Some(m) = self.weekday.find(&text[lo..f.span.start()]) {
                if boundary_before(text, lo + m.start()) {
                    f.span = crate::Span::new(lo + m.start(), f.span.end());
                }
            }
        }
    }
}

/// "Appendectomy 1992.", "(2011)": a plausible year right after a word and closing
/// a clause is an event year.
fn history_year(text: &str, start: usize, end: usize) -> bool {
    let year: u32 = text[start..end].parse().unwrap_or(0);
    if !(1920..=2035).contains(&year) {
        return false;
    }
    let head = &text[..start];
    let rest = &text[end..];
    let parenthesised = head.ends_with('(') && rest.starts_with(')');
    let after_word = head.ends_with(' ') && head.trim_end().ends_with(|c: char| c.is_alphabetic());
    let closes = rest.is_empty()
        || rest.starts_with(['.', ',', ';', '\n'])
            && !rest[1..].starts_with(|c: char| c.is_ascii_digit());
    parenthesised || after_word && closes
}

fn valid_md(m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// The match is not glued to other digits, slashes or decimal points.
fn edge_ok(text: &str, c: &Hit<'_, '_>) -> bool {
    let m = c.whole();
    let head = &text[..m.start];
    let before_ok = !head
        .ends_with(|ch: char| ch.is_ascii_digit() || matches!(ch, '/' | '.' | '-' | ':'))
        || head.ends_with(". ")
        || (head.ends_with('-')
            && !head
                .trim_end_matches('-')
                .ends_with(|ch: char| ch.is_ascii_digit()));
    let rest = &text[m.end..];
    let after_ok = !(rest.starts_with(['/', '-', ':', '.'])
        && rest[1..].starts_with(|ch: char| ch.is_ascii_digit()));
    before_ok && after_ok
}

/// `May`, `Mar`, `Jan` ... are words too: short or ambiguous month names need a
/// capital letter, and "may" needs a year or a day right after.
fn month_word_ok(month: &str, has_year: bool, day_first: bool) -> bool {
    let lower = month.to_ascii_lowercase();
    let capital = month.starts_with(|c: char| c.is_ascii_uppercase());
    match lower.as_str() {
        "may" | "mar" | "jan" | "dec" | "jun" | "aug" | "sep" | "oct" | "nov" | "feb" | "apr"
        | "jul" | "sept" => capital || has_year || (day_first && lower != "may"),
        _ => true,
    }
}

/// True when the number ending at `end` is followed by a unit ("4 mg", "2019 patients").
fn is_quantity(text: &str, end: usize) -> bool {
    let next = after(text, end, 1).get(0).trim_end_matches('.');
    UNIT_AFTER.iter().any(|u| u.eq_ignore_ascii_case(next)) || text[end..].starts_with(['%', '"'])
}

fn push(out: &mut Out<'_>, c: &Hit<'_, '_>, confidence: f32, rule: &'static str) {
    let m = c.whole();
    out.push(
        m.start,
        m.end,
        Category::Date,
        confidence,
        Reason::rule(rule),
    );
}
