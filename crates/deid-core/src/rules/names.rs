//! Person names from the name lists, titles, credentials and context words, with
//! Patient vs Doctor decided by that context.

use rustc_hash::FxHashMap;

use super::Out;
use crate::lexicon::Lexicon;
use crate::text::{Word, before, is_all_caps, is_capitalized};
use crate::{Category, Reason};

const DOCTOR_TITLES: &[&str] = &["dr", "doctor", "prof", "professor", "dra"];
const PERSON_TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "mister", "mrs", "sr", "sra", "srta",
];
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "la", "le", "del", "della", "da", "di", "du", "bin", "al",
    "el", "ibn", "st", "mac", "ter", "ten",
];
const CREDENTIALS: &[&str] = &[
    "MD", "M.D.", "M.D", "DO", "D.O.", "RN", "R.N.", "NP", "PA", "PA-C", "PhD", "Ph.D.", "DDS",
    "DMD", "DPM", "CNM", "CRNA", "LPN", "LCSW", "MSW", "PT", "DPT", "OT", "OTR", "OTR/L", "FNP",
    "FNP-C", "ANP", "APRN", "CNP", "FACS", "FACP", "FACC", "MBBS", "PharmD", "RPh", "RD", "SLP",
    "CCC-SLP", "MPH", "NP-C", "BSN", "MSN", "DNP", "CNS", "RRT", "LICSW", "CMA", "EMT", "PsyD",
    "LMFT", "LPC",
];

/// Phrases (lower case, reading order) that, right before a name, make it a clinician's.
const DOCTOR_CONTEXT: &[&str] = &[
    "seen by",
    "seen with",
    "attending",
    "attending physician",
    "pcp",
    "primary care physician",
    "primary care provider",
    "referred by",
    "referring physician",
    "referring provider",
    "dictated by",
    "signed by",
    "electronically signed by",
    "cc",
    "provider",
    "surgeon",
    "resident",
    "fellow",
    "physician",
    "consultant",
    "consulted",
    "discussed with",
    "d/w",
    "nurse",
    "rn",
    "np",
    "pa",
    "intern",
    "anesthesiologist",
    "radiologist",
    "pathologist",
    "cardiologist",
    "oncologist",
    "neurologist",
    "therapist",
    "reviewed by",
    "read by",
    "interpreted by",
    "performed by",
    "assisted by",
    "covering",
    "sincerely",
    "supervising physician",
    "ordering physician",
    "ordering provider",
    "oncology",
    "dictating",
    "verified by",
    "staffed with",
    "evaluated by",
    "examined by",
    "followed by",
    "care of",
    "surgeon:",
    "assistant",
    "author",
    "midwife",
    "nurse practitioner",
    "physician assistant",
    "case manager",
    "social worker",
    "dietitian",
    "pharmacist",
    "chaplain",
];

/// Phrases that, right before a name, make it the patient's or another person's.
const PATIENT_CONTEXT: &[&str] = &[
    "patient",
    "patient name",
    "name",
    "pt",
    "pt name",
    "re",
    "dear",
    "son",
    "daughter",
    "wife",
    "husband",
    "mother",
    "father",
    "mom",
    "dad",
    "sister",
    "brother",
    "friend",
    "partner",
    "spouse",
    "boyfriend",
    "girlfriend",
    "fiance",
    "fiancee",
    "niece",
    "nephew",
    "grandson",
    "granddaughter",
    "grandmother",
    "grandfather",
    "grandma",
    "grandpa",
    "aunt",
    "uncle",
    "cousin",
    "caregiver",
    "guardian",
    "neighbor",
    "roommate",
    "emergency contact",
    "contact",
    "hcp",
    "proxy",
    "poa",
    "accompanied by",
    "brought in by",
    "lives with",
    "married to",
    "named",
    "stepson",
    "stepdaughter",
    "child",
    "baby",
    "infant",
    "twin",
    "sibling",
    "parent",
    "parents",
    "participant",
    "client",
    "resident name",
    "hi",
    "hello",
    "thanks",
    "regards",
    "note for",
    "ask for",
    "patient:",
    "from:",
];

/// Labels after which a name may even be written in lower case.
const STRONG_LABELS: &[&str] = &["patient name", "pt name", "name", "patient"];

struct Feat {
    cap: bool,
    caps: bool,
    first: bool,
    last: bool,
    common: bool,
    initial: bool,
    particle: bool,
    lower: String,
}

fn features(text: &str, lex: &Lexicon, w: Word) -> Feat {
    let s = w.of(text);
    let lower = s.to_lowercase();
    let base = lower.trim_end_matches("'s").trim_end_matches("’s");
    let first = lex.first_name(base).is_some();
    let compound = compound_name(base, lex);
    let last = lex.last_name(base).is_some() || compound;
    let first = first || compound && base.split('-').all(|p| lex.first_name(p).is_some());
    Feat {
        cap: is_capitalized(s),
        caps: is_all_caps(s),
        first,
        last,
        common: lex.is_common(base) && !compound,
        initial: s.chars().count() == 1 && is_capitalized(s) && text[w.end..].starts_with('.'),
        particle: PARTICLES.contains(&lower.as_str()),
        lower,
    }
}

/// "O'Brien", "Smith-Jones": every part is a name (apostrophes dropped) and none
/// is vocabulary.
fn compound_name(lower: &str, lex: &Lexicon) -> bool {
    if !lower.contains(['-', '\'', '’']) {
        return false;
    }
    let joined: String = lower.chars().filter(|c| !matches!(c, '\'' | '’')).collect();
    if !lower.contains('-') {
        return lex.last_name(&joined).is_some();
    }
    lower.split('-').all(|p| {
        let p: String = p.chars().filter(|c| !matches!(c, '\'' | '’')).collect();
        (lex.last_name(&p).is_some() || lex.first_name(&p).is_some()) && !lex.is_common(&p)
    })
}

/// How far a chain of name words may be trusted.
#[derive(Clone, Copy, PartialEq)]
enum Trust {
    /// After a title or a context word: any capitalised word.
    Context,
    /// After a strong label: also lower-case words in the name lists.
    Label,
    /// Right after a title: any capitalised word.
    Title,
    /// No context: only list names that are not vocabulary.
    Plain,
}

fn name_like(f: &Feat, trust: Trust) -> bool {
    if f.initial {
        return true;
    }
    let listed = f.first || f.last;
    match trust {
        Trust::Title => f.cap,
        Trust::Context => f.cap && !f.caps && (!f.common || listed),
        Trust::Label => {
            ((f.cap || f.caps) && (!f.common || listed))
                || (!f.common && f.lower.chars().count() > 2)
        }
        Trust::Plain => f.cap && !f.caps && listed && !f.common,
    }
}

/// The gap between two words of one name: spaces, or a period after an initial.
fn joins(gap: &str) -> bool {
    matches!(gap, " " | ". " | ".")
}

pub(crate) fn detect(out: &mut Out<'_>, lex: &Lexicon, words: &[Word]) {
    let text = out.text;
    let feats: Vec<Feat> = words.iter().map(|&w| features(text, lex, w)).collect();
    let mut taken = vec![false; words.len()];
    let mut found: Vec<(usize, usize, Category, f32, Reason)> = Vec::new();

    let mut i = 0;
    while i < words.len() {
        if taken[i] {
            i += 1;
            continue;
        }
        let f = &feats[i];
        // Titles: "Dr. Smith", "Mrs. O'Neil".
        let is_doc_title = DOCTOR_TITLES.contains(&f.lower.as_str()) && (f.cap || f.caps);
        let is_person_title = PERSON_TITLES.contains(&f.lower.as_str()) && (f.cap || f.caps);
        if (is_doc_title || is_person_title)
            && i + 1 < words.len()
            && title_gap(&text[words[i].end..words[i + 1].start])
        {
            let end = chain(text, words, &feats, i + 1, Trust::Title);
            if end > i + 1 {
                let cat = if is_doc_title || doctor_context(text, words[i].start).is_some() {
                    Category::Doctor
                } else {
                    Category::Patient
                };
                let rule = "name.title";
                found.push((
                    words[i].start,
                    trim_possessive(text, words[end - 1]),
                    cat,
                    0.95,
                    Reason::rule(rule).with(title_word(&f.lower)),
                ));
                mark(&mut taken, i, end);
                i = end;
                continue;
            }
        }
        // Words that cannot start a name under any trust need no context look-up.
        if chain(text, words, &feats, i, Trust::Label) == i && (!f.cap || f.caps) {
            i += 1;
            continue;
        }
        // A name followed by a credential ("Anne Foley, RN") is a clinician's.
        let ctx_end = chain(text, words, &feats, i, Trust::Context);
        if ctx_end > i && feats[i].cap {
            if let Some(c) = credential_after(text, words[ctx_end - 1].end) {
                found.push((
                    words[i].start,
                    trim_possessive(text, words[ctx_end - 1]),
                    Category::Doctor,
                    0.95,
                    Reason::rule("name.credential").with(c),
                ));
                mark(&mut taken, i, ctx_end);
                i = ctx_end;
                continue;
            }
        }
        let label = label_context(text, words[i].start);
        let ctx_doc = doctor_context(text, words[i].start);
        let ctx_pat = patient_context(text, words[i].start);
        let trust = if label {
            Trust::Label
        } else if ctx_doc.is_some() || ctx_pat.is_some() {
            Trust::Context
        } else {
            Trust::Plain
        };
        let end = chain(text, words, &feats, i, trust);
        if end == i {
            i += 1;
            continue;
        }
        let credential = credential_after(text, words[end - 1].end);
        let (cat, conf, reason) = if let Some(c) = credential {
            (
                Category::Doctor,
                0.95,
                Reason::rule("name.credential").with(c),
            )
        } else if let Some(c) = ctx_doc {
            (Category::Doctor, 0.9, Reason::rule("name.context").with(c))
        } else if let Some(c) = ctx_pat {
            (Category::Patient, 0.9, Reason::rule("name.context").with(c))
        } else {
            match plain_confidence(text, words, &feats, i, end) {
                Some(conf) => (
                    Category::Patient,
                    conf,
                    Reason::list(list_reason(&feats[i..end])),
                ),
                None => {
                    i += 1;
                    continue;
                }
            }
        };
        // "SMITH, JOHN" / "Smith, John": a surname, a comma and a first name.
        let mut last_end = end;
        if let Some(next) = comma_first_name(text, words, &feats, end, trust != Trust::Plain) {
            last_end = next;
        }
        found.push((
            words[i].start,
            trim_possessive(text, words[last_end - 1]),
            cat,
            conf,
            reason,
        ));
        mark(&mut taken, i, last_end);
        i = last_end;
    }
    repeat_names(text, words, &feats, &taken, &mut found);
    for (s, e, cat, conf, reason) in found {
        out.push(s, e, cat, conf, reason);
    }
}

/// The end of a name's last word without a possessive `'s`.
fn trim_possessive(text: &str, w: Word) -> usize {
    let s = w.of(text);
    for suffix in ["'s", "’s", "'S"] {
        if s.len() > suffix.len() + 1 && s.ends_with(suffix) {
            return w.end - suffix.len();
        }
    }
    w.end
}

fn mark(taken: &mut [bool], from: usize, to: usize) {
    for t in &mut taken[from..to] {
        *t = true;
    }
}

fn title_gap(gap: &str) -> bool {
    matches!(gap, " " | ". " | "." | ".  ")
}

fn title_word(lower: &str) -> &'static str {
    match lower {
        "dr" | "dra" => "Dr.",
        "doctor" => "Doctor",
        "prof" | "professor" => "Prof.",
        "mr" | "mister" => "Mr.",
        "mrs" => "Mrs.",
        "ms" => "Ms.",
        "miss" => "Miss",
        _ => "title",
    }
}

/// Index one past the last word of the name chain starting at `i` (== `i` if none).
fn chain(text: &str, words: &[Word], feats: &[Feat], i: usize, trust: Trust) -> usize {
    let mut end = i;
    let mut k = i;
    while k < words.len() && k - i < 5 {
        if k > i && !joins(&text[words[k - 1].end..words[k].start]) {
            break;
        }
        let f = &feats[k];
        // Particles ("van der") only inside a name.
        if f.particle && k > i && k + 1 < words.len() && !f.cap {
            k += 1;
            continue;
        }
        let unknown_surname = trust == Trust::Plain
            && k > i
            && f.cap
            && !f.caps
            && !f.common
            && f.lower.chars().count() > 1;
        let common_first = trust == Trust::Plain
            && k == i
            && f.cap
            && !f.caps
            && f.first
            && f.common
            && next_is_surname(text, words, feats, k);
        if !(name_like(f, trust) || unknown_surname || common_first)
            || (trust == Trust::Plain && k > i && f.common)
        {
            break;
        }
        k += 1;
        end = k;
    }
    // A lone initial is not a name.
    if end == i + 1 && feats[i].initial {
        return i;
    }
    end
}

/// The word after `k` is a listed, non-vocabulary surname joined by a space.
fn next_is_surname(text: &str, words: &[Word], feats: &[Feat], k: usize) -> bool {
    words
        .get(k + 1)
        .is_some_and(|w| joins(&text[words[k].end..w.start]))
        && feats
            .get(k + 1)
            .is_some_and(|f| f.last && !f.common && f.cap && !f.caps)
}

/// Confidence for a chain found with no context at all, or `None` to drop it.
fn plain_confidence(
    text: &str,
    words: &[Word],
    feats: &[Feat],
    i: usize,
    end: usize,
) -> Option<f32> {
    if crate::text::eponym_head_after(text, words[end - 1].end) {
        return None;
    }
    let n = end - i;
    let fs = &feats[i..end];
    let sentence_start = text[..words[i].start]
        .trim_end_matches([' ', '"', '('])
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | '\n' | ':' | '-' | '*' | '•'));
    if i > 0 && matches!(feats[i - 1].lower.as_str(), "st" | "saint") {
        return None;
    }
    if n >= 2 {
        let first_ok = fs[0].first || fs[0].initial;
        let last_ok = fs[n - 1].last;
        return match (first_ok, last_ok) {
            (true, true) => Some(0.88),
            (true, false) | (false, true) => Some(0.78),
            _ => None,
        };
    }
    let f = &fs[0];
    if f.lower.chars().count() < 3 {
        return None;
    }
    let after_saint = i > 0
        && matches!(
            feats[i - 1].lower.as_str(),
            "st" | "saint" | "san" | "santa"
        );
    if after_saint || f.lower.ends_with("'s") || f.lower.ends_with("’s") && sentence_start {
        return None;
    }
    match (f.first, f.last, sentence_start) {
        (true, _, false) => Some(0.7),
        (false, true, false) => Some(0.56),
        (true, _, true) => Some(0.45),
        _ => None,
    }
}

fn list_reason(fs: &[Feat]) -> &'static str {
    let first = fs.iter().any(|f| f.first);
    let last = fs.iter().any(|f| f.last);
    match (first, last) {
        (true, true) => "first and last name lists",
        (true, false) => "first name list",
        _ => "surname list",
    }
}

/// The word sequence right before `pos`, in reading order, lower case.
fn lead(text: &str, pos: usize) -> Vec<String> {
    let line_start = text[..pos].rfind('\n').map_or(0, |p| p + 1);
    let mut prev = before(text, pos, 4);
    // Context stops at the start of the line unless the line so far is empty.
    let on_line = text[line_start..pos].split_whitespace().count();
    if on_line > 0 {
        prev.truncate(on_line);
    }
    prev.reverse();
    prev
}

fn matches_context(text: &str, pos: usize, list: &'static [&'static str]) -> Option<&'static str> {
    let prev = lead(text, pos);
    let prev: Vec<&str> = prev.iter().map(|w| w.trim_end_matches('.')).collect();
    list.iter().copied().find(|phrase| {
        let ps: Vec<&str> = phrase.split(' ').collect();
        prev.len() >= ps.len() && prev[prev.len() - ps.len()..] == ps[..]
    })
}

fn doctor_context(text: &str, pos: usize) -> Option<&'static str> {
    matches_context(text, pos, DOCTOR_CONTEXT)
}

fn patient_context(text: &str, pos: usize) -> Option<&'static str> {
    matches_context(text, pos, PATIENT_CONTEXT)
}

fn label_context(text: &str, pos: usize) -> bool {
    let head = text[..pos].trim_end();
    head.ends_with(':')
        && (matches_context(text, pos, STRONG_LABELS).is_some()
            || matches_context(text, pos, DOCTOR_CONTEXT).is_some()
            || matches_context(text, pos, PATIENT_CONTEXT).is_some())
}

/// A credential right after a name ("Jones, MD", "Lee RN").
fn credential_after(text: &str, end: usize) -> Option<&'static str> {
    let rest = text[end..].strip_prefix(',').unwrap_or(&text[end..]);
    let rest = rest.strip_prefix(' ')?;
    let found = CREDENTIALS.iter().copied().find(|c| {
        rest.starts_with(c)
            && rest[c.len()..]
                .chars()
                .next()
                .is_none_or(|n| !n.is_alphanumeric() || c.ends_with('.'))
    })?;
    // "Boston, MA 02114" style: a credential is never followed by a number.
    let tail = rest[found.len()..].trim_start_matches([' ', ',']);
    (!tail.starts_with(|c: char| c.is_ascii_digit())).then_some(found)
}

/// After "SMITH" in "SMITH, JOHN": the end of the first name, when it is one.
fn comma_first_name(
    text: &str,
    words: &[Word],
    feats: &[Feat],
    end: usize,
    in_context: bool,
) -> Option<usize> {
    let gap = &text[words[end - 1].end..words.get(end)?.start];
    if gap != ", " && gap != "," {
        return None;
    }
    let f = &feats[end];
    let prev = &feats[end - 1];
    let looks = (f.cap || f.caps)
        && (f.first || in_context && prev.caps && f.caps)
        && (prev.last || prev.caps)
        && !f.common;
    if !looks {
        return None;
    }
    let mut e = end + 1;
    // A middle initial or name.
    let single = |k: usize| words[k].of(text).chars().count() == 1 && feats[k].cap;
    if e < words.len()
        && joins(&text[words[e - 1].end..words[e].start])
        && (feats[e].initial || single(e) || (feats[e].first && feats[e].cap))
    {
        e += 1;
    }
    Some(e)
}

/// Other mentions of a name found once with good confidence ("Mr. Smith ... Smith
/// denies"): the same word elsewhere in the text is the same person.
fn repeat_names(
    text: &str,
    words: &[Word],
    feats: &[Feat],
    taken: &[bool],
    found: &mut Vec<(usize, usize, Category, f32, Reason)>,
) {
    let mut known: FxHashMap<&str, Category> = FxHashMap::default();
    for &(s, e, cat, conf, _) in found.iter() {
        if conf < 0.85 {
            continue;
        }
        for (k, w) in words.iter().enumerate() {
            if w.start >= s && w.end <= e {
                let f = &feats[k];
                let is_title = DOCTOR_TITLES.contains(&f.lower.as_str())
                    || PERSON_TITLES.contains(&f.lower.as_str());
                if !f.initial && !f.particle && !is_title && f.lower.chars().count() > 2 {
                    known
                        .entry(f.lower.trim_end_matches("'s").trim_end_matches("’s"))
                        .or_insert(cat);
                }
            }
        }
    }
    if known.is_empty() {
        return;
    }
    for (k, w) in words.iter().enumerate() {
        if taken[k] {
            continue;
        }
        let f = &feats[k];
        let base = f.lower.trim_end_matches("'s").trim_end_matches("’s");
        if let Some(&cat) = known.get(base) {
            let eponym = lex_is_eponym(base);
            if !eponym && (f.cap || f.caps || !f.common) {
                found.push((
                    w.start,
                    trim_possessive(text, *w),
                    cat,
                    0.82,
                    Reason::rule("name.repeat").with("named elsewhere in the text"),
                ));
            }
        }
    }
}

fn lex_is_eponym(lower: &str) -> bool {
    crate::lexicon::lexicon().is_eponym(lower)
}
