//! Ages in all their forms; ages over 89 are flagged (HIPAA Safe Harbor).

use super::Out;
use super::pattern::Hit;
use crate::text::before;
use crate::{Category, Reason};

/// The words after which "45M" or "45 F" is an age and a sex.
const SEX_CONTEXT: &[&str] = &[
    "a", "an", "pt", "pt:", "patient", "is", "this", "hpi", "hpi:", "age/sex", "age/sex:",
];

/// Age forms: a pattern with one capture group (the age), a confidence and a rule name.
const FORMS: &[(&str, f32, &str)] = &[
    (
        r"\b(\d{1,3}\+?)(?:\s*|-)(?:years?|yrs?|yr|y)(?:\s*|-)(?:old\b|of\s+age\b|o\b)",
        0.96,
        "age.years-old",
    ),
    (
        r"\b(\d{1,3}\+?)\s*(?:yo|y/o|y\.o\.?|yof|yom|yoF|yoM|y/o/[mf])(?:\b|$)",
        0.96,
        "age.yo",
    ),
    (
        r"\b(\d{1,3}\+?)(?:\s*|-)(?:months?|mos?|weeks?|wks?|days?)(?:\s*|-)old\b",
        0.93,
        "age.months-old",
    ),
    (
        r"\b(?:aged?|age(?:\s+at\s+[a-z]+)?\s*:|age\s+of|age\s+is)\s*(\d{1,3}(?:\+|\b))",
        0.9,
        "age.labelled",
    ),
    (
        r"\b(?:deceased|died|passed\s+away|death|diagnosed|dx)\s+at\s+(?:age\s+)?(\d{1,3})\b",
        0.85,
        "age.at-event",
    ),
    (
        r"\b(?:pt|patient|she|he)\s+is\s+(?:a\s+)?(\d{1,3})(?:\s*[,.;]|\s+and\b|\s+with\b|$)",
        0.75,
        "age.is",
    ),
    (
        r"\b(?:in\s+(?:his|her|their)\s+(?:early\s+|mid-?\s*|late\s+)?)(\d0'?s)\b",
        0.75,
        "age.decade",
    ),
];

/// The patterns, each with whether its groups are read: form `k` of
/// [`FORMS`] is alternative `k` and the `45M` shorthand the one after the
/// last form, each with its age in group 1.
pub(crate) fn alternatives() -> Vec<(String, bool)> {
    let mut alternatives: Vec<String> = FORMS
        .iter()
        .map(|(p, _, _)| format!("(?i)(?:{p})"))
        .collect();
    alternatives.push(r"(?-i:\b(\d{1,3})\s?(?:M|F)\b)".to_owned());
    alternatives.into_iter().map(|a| (a, true)).collect()
}

/// Judges a match of alternative `alt`.
pub(crate) fn hit(out: &mut Out<'_>, c: &Hit<'_, '_>, alt: usize) {
    let text = out.text;
    let Some(g) = c.get(1) else {
        return;
    };
    if let Some(&(_, confidence, rule)) = FORMS.get(alt) {
        push_age(out, g.start, g.end, confidence, rule);
        return;
    }
    let prev = before(text, g.start, 1);
    let line_start = text[..g.start]
        .trim_end_matches([' ', '\t'])
        .ends_with('\n')
        || g.start == 0;
    if line_start || prev.is(0, SEX_CONTEXT) {
        push_age(out, g.start, g.end, 0.82, "age.sex-suffix");
    }
}

fn push_age(out: &mut Out<'_>, start: usize, end: usize, confidence: f32, rule: &'static str) {
    let digits: String = out.text[start..end]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let Ok(age) = digits.parse::<u32>() else {
        return;
    };
    if age > 125 {
        return;
    }
    let reason = if age > 89 {
        Reason::rule(rule).with("over 89")
    } else {
        Reason::rule(rule)
    };
    out.push(start, end, Category::Age, confidence, reason);
}
