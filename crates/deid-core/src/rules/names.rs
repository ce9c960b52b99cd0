//! Person names from the name lists, titles, credentials and context words, with
//! Patient vs Doctor decided by that context.

use rustc_hash::FxHashMap;

use super::Out;
use crate::lexicon::Lexicon;
use crate::lexicon::WordInfo;
use crate::text::{Context, Words, is_all_caps, without_possessive};
use crate::{Category, Reason};

fn is_doctor_title(w: &str) -> bool {
    matches!(w, "dr" | "doctor" | "prof" | "professor" | "dra")
}

fn is_person_title(w: &str) -> bool {
    matches!(
        w,
        "mr" | "mrs" | "ms" | "miss" | "mx" | "mister" | "sr" | "sra" | "srta"
    )
}
/// Lower-case words inside multi-part names ("van der Berg").
fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "van"
            | "von"
            | "der"
            | "den"
            | "de"
            | "la"
            | "le"
            | "del"
            | "della"
            | "da"
            | "di"
            | "du"
            | "bin"
            | "al"
            | "el"
            | "ibn"
            | "st"
            | "mac"
            | "ter"
            | "ten"
    )
}
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
    "d w",
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
];

/// Labels after which a name may even be written in lower case.
const STRONG_LABELS: &[&str] = &["patient name", "pt name", "name", "patient", "from", "to"];

struct Feat<'w> {
    cap: bool,
    caps: bool,
    first: bool,
    last: bool,
    common: bool,
    initial: bool,
    particle: bool,
    /// "dr", "doctor", "prof", ...
    doctor_title: bool,
    /// "mr", "mrs", "ms", ...
    person_title: bool,
    /// The number of characters, up to 255.
    chars: u8,
    /// False for lower-case words, whose list entries are looked up only when needed.
    looked_up: bool,
    lower: &'w str,
}

impl Feat<'_> {
    fn is_title(&self) -> bool {
        self.doctor_title || self.person_title
    }

    /// The lower-case word without a possessive `'s`.
    fn base(&self) -> &str {
        without_possessive(self.lower)
    }
}

fn features<'w>(ws: &'w Words<'_>, lex: &Lexicon, info: WordInfo, i: usize) -> Feat<'w> {
    let s = ws.raw(i);
    let lower = ws.lower(i);
    let base = without_possessive(lower);
    let cap = ws.cap(i);
    let caps = cap && is_all_caps(s);
    // Lower-case words rarely start or continue a name; most are vocabulary.
    let looked_up = cap || caps;
    let compound = looked_up && compound_name(base, lex);
    // Titles and particles are short words.
    let short = lower.len() <= 9;
    Feat {
        cap,
        caps,
        first: info.first.is_some()
            || compound && base.split('-').all(|p| lex.first_name(p).is_some()),
        last: info.last.is_some() || compound,
        common: (info.common || info.eponym) && !compound,
        initial: cap && s.len() <= 4 && s.chars().count() == 1 && ws.after(i).starts_with('.'),
        particle: short && is_particle(lower),
        doctor_title: short && is_doctor_title(lower),
        person_title: short && is_person_title(lower),
        // Characters, not bytes: count the bytes that start one.
        chars: u8::try_from(lower.bytes().filter(|&b| b & 0xC0 != 0x80).count()).unwrap_or(u8::MAX),
        looked_up,
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
    /// After a context word: capitalised words that are names or not vocabulary.
    Context,
    /// After a strong label: also lower-case words that are not vocabulary.
    Label,
    /// Right after a title: any capitalised word.
    Title,
    /// No context: only list names that are not vocabulary.
    Plain,
}

/// A lower-case word that the name lists know and the vocabulary does not
/// ("pt name: maria lopez"), looked up on demand.
fn listed_lower(f: &Feat<'_>, lex: &Lexicon) -> bool {
    if f.looked_up {
        return (f.first || f.last) && !f.common;
    }
    let w = lex.word(f.base());
    (w.first.is_some() || w.last.is_some() || compound_name(f.base(), lex)) && !is_common(f, lex)
}

/// Vocabulary, looking lower-case words up on demand.
fn is_common(f: &Feat<'_>, lex: &Lexicon) -> bool {
    if f.looked_up {
        f.common
    } else {
        lex.is_common(f.base()) && !compound_name(f.base(), lex)
    }
}

fn name_like(f: &Feat<'_>, trust: Trust, lex: &Lexicon) -> bool {
    if f.initial {
        return true;
    }
    // "Dear Doctor": a title on its own is no name.
    if f.is_title() {
        return false;
    }
    let listed = f.first || f.last;
    match trust {
        Trust::Title => f.cap,
        Trust::Context => f.cap && !f.caps && (!f.common || listed),
        Trust::Label => {
            ((f.cap || f.caps) && (!f.common || listed))
                || (usize::from(f.chars) > 2 && listed_lower(f, lex))
        }
        Trust::Plain => f.cap && !f.caps && listed && !f.common,
    }
}

/// The gap between two words of one name: spaces, or a period after an initial.
fn joins(gap: &str) -> bool {
    matches!(gap, " " | ". " | ".")
}

/// A name found: words `from..to`, ending at byte `end` (a possessive dropped).
struct Name {
    from: usize,
    to: usize,
    end: usize,
    category: Category,
    confidence: f32,
    reason: Reason,
}

/// One pass of name detection over a text.
struct Scan<'a, 't> {
    text: &'t str,
    lex: &'a Lexicon,
    ws: &'a Words<'t>,
    feats: Vec<Feat<'a>>,
}

/// Names in the text; `infos[i]` is what the lists say about word `i` when it
/// starts with a capital (see `word_infos` in the parent module).
pub(crate) fn detect(out: &mut Out<'_>, lex: &Lexicon, ws: &Words<'_>, infos: &[WordInfo]) {
    let scan = Scan {
        text: out.text,
        lex,
        ws,
        feats: (0..ws.len())
            .map(|i| features(ws, lex, infos[i], i))
            .collect(),
    };
    let mut taken = vec![false; ws.len()];
    let mut found = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        match scan.name_at(i) {
            Some(name) if !taken[i] => {
                taken[name.from..name.to].iter_mut().for_each(|t| *t = true);
                i = name.to;
                found.push(name);
            }
            _ => i += 1,
        }
    }
    scan.repeat_names(&taken, &mut found);
    for n in found {
        out.push(
            ws.get(n.from).start,
            n.end,
            n.category,
            n.confidence,
            n.reason,
        );
    }
}

impl Scan<'_, '_> {
    fn name(
        &self,
        from: usize,
        to: usize,
        category: Category,
        confidence: f32,
        reason: Reason,
    ) -> Name {
        Name {
            from,
            to,
            end: self.trim_possessive(to - 1),
            category,
            confidence,
            reason,
        }
    }

    /// The name starting at word `i`, if any.
    fn name_at(&self, i: usize) -> Option<Name> {
        let f = &self.feats[i];
        // A lower-case word starts a name only right after a label ("name: maria").
        if !f.looked_up && (i == 0 || !self.ws.gap(i).contains(':')) {
            return None;
        }
        // Titles: "Dr. Smith", "Mrs. O'Neil".
        let titled = (f.cap || f.caps) && f.lower.len() <= 9;
        let is_doc_title = titled && f.doctor_title;
        let is_person_title = titled && f.person_title;
        if (is_doc_title || is_person_title)
            && i + 1 < self.ws.len()
            && title_gap(self.ws.gap(i + 1))
        {
            // "MR." and "MS." in capitals are as often mitral regurgitation and
            // multiple sclerosis: the word after must look like a name.
            let shouted = f.caps && !is_doc_title;
            let next = &self.feats[i + 1];
            let end = if shouted && next.common && !(next.first || next.last) {
                i + 1
            } else {
                self.chain(i + 1, Trust::Title)
            };
            if end > i + 1 {
                let doctor =
                    is_doc_title || Self::context_in(&self.ws.context(i), doctor_index()).is_some();
                let cat = if doctor {
                    Category::Doctor
                } else {
                    Category::Patient
                };
                return Some(self.name(
                    i,
                    end,
                    cat,
                    0.95,
                    Reason::rule("name.title").with(title_word(f.lower)),
                ));
            }
        }
        // Words that cannot start a name under any trust need no context look-up.
        // (Every other trust accepts a subset of what a label accepts.)
        let label_end = self.chain(i, Trust::Label);
        if label_end == i {
            return None;
        }
        // Chains are pure: each trust's is found at most once.
        let context_end = std::cell::OnceCell::new();
        let chain = |trust: Trust| match trust {
            Trust::Label => label_end,
            Trust::Context => *context_end.get_or_init(|| self.chain(i, Trust::Context)),
            _ => self.chain(i, trust),
        };
        // A name followed by a credential ("Anne Foley, RN", "VARGAS, ELEANOR MD")
        // is a clinician's.
        let ctx_end = chain(if f.caps { Trust::Label } else { Trust::Context });
        let ctx_end = if f.caps {
            self.comma_first_name(ctx_end, true).unwrap_or(ctx_end)
        } else {
            ctx_end
        };
        if ctx_end > i && (f.cap || f.caps) {
            if let Some(c) = credential_after(self.text, self.ws.get(ctx_end - 1).end) {
                return Some(self.name(
                    i,
                    ctx_end,
                    Category::Doctor,
                    0.95,
                    Reason::rule("name.credential").with(c),
                ));
            }
        }
        let ctx = self.ws.context(i);
        let ctx_doc = Self::context_in(&ctx, doctor_index());
        let ctx_pat = Self::context_in(&ctx, patient_index());
        let trust = if self.label_context(i, &ctx, ctx_doc.is_some() || ctx_pat.is_some()) {
            Trust::Label
        } else if ctx_doc.is_some() || ctx_pat.is_some() {
            Trust::Context
        } else {
            Trust::Plain
        };
        let end = chain(trust);
        if end == i {
            return None;
        }
        // "Covering provider Attestation:": a word before a colon is a label.
        if trust == Trust::Context && self.ws.after(end - 1).starts_with(':') {
            return None;
        }
        let (cat, conf, reason) =
            if let Some(c) = credential_after(self.text, self.ws.get(end - 1).end) {
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
                let conf = self.plain_confidence(i, end)?;
                (
                    Category::Patient,
                    conf,
                    Reason::list(list_reason(&self.feats[i..end])),
                )
            };
        // "SMITH, JOHN" / "Smith, John": a surname, a comma and a first name.
        let to = self
            .comma_first_name(end, trust != Trust::Plain)
            .unwrap_or(end);
        Some(self.name(i, to, cat, conf, reason))
    }

    /// The end of word `k` without a possessive `'s`.
    fn trim_possessive(&self, k: usize) -> usize {
        let (s, w) = (self.ws.raw(k), self.ws.get(k));
        for suffix in ["'s", "’s", "'S"] {
            if s.len() > suffix.len() + 1 && s.ends_with(suffix) {
                return w.end - suffix.len();
            }
        }
        w.end
    }

    /// Index one past the last word of the name chain starting at `i` (== `i` if none).
    fn chain(&self, i: usize, trust: Trust) -> usize {
        let plain = trust == Trust::Plain;
        let mut end = i;
        let mut k = i;
        // Names without context have at most three words ("Mary Ann Smith").
        let most = if plain { 3 } else { 5 };
        let mut words = 0;
        while k < self.ws.len() && words < most {
            if k > i && !joins(self.ws.gap(k)) {
                break;
            }
            // After a whole word a period ends the sentence: "Dr. Walker.
            // Anesthesiologist" (an initial's period does not: "J. Smith").
            let prev = &self.feats[k.saturating_sub(1)];
            if k > i && self.ws.gap(k).starts_with('.') && !prev.initial && prev.chars > 1 {
                break;
            }
            let f = &self.feats[k];
            // Particles ("van der") only inside a name.
            if f.particle && k > i && k + 1 < self.ws.len() && !f.cap {
                k += 1;
                continue;
            }
            let unknown_surname =
                plain && k > i && f.cap && !f.caps && !f.common && usize::from(f.chars) > 1;
            let common_first = plain
                && k == i
                && f.cap
                && !f.caps
                && f.first
                && f.common
                && self.next_is_surname(k);
            if !(name_like(f, trust, self.lex) || unknown_surname || common_first)
                || (plain && k > i && f.common)
            {
                break;
            }
            k += 1;
            end = k;
            words += 1;
        }
        // Initials alone ("J.", "D.O.B.") are no name.
        if self.feats[i..end]
            .iter()
            .all(|f| f.initial || usize::from(f.chars) == 1)
        {
            return i;
        }
        end
    }

    /// The word after `k` is a listed, non-vocabulary surname joined by a space.
    fn next_is_surname(&self, k: usize) -> bool {
        k + 1 < self.ws.len()
            && joins(self.ws.gap(k + 1))
            && self
                .feats
                .get(k + 1)
                .is_some_and(|f| f.last && !f.common && f.cap && !f.caps)
    }

    /// Confidence for a chain found with no context at all, or `None` to drop it.
    fn plain_confidence(&self, i: usize, end: usize) -> Option<f32> {
        if crate::text::eponym_head_after(self.text, self.ws.get(end - 1).end) {
            return None;
        }
        let n = end - i;
        let fs = &self.feats[i..end];
        let sentence_start = self.text[..self.ws.get(i).start]
            .trim_end_matches([' ', '"', '('])
            .chars()
            .next_back()
            .is_none_or(|c| matches!(c, '.' | '!' | '?' | '\n' | ':' | '-' | '*' | '•'));
        let prev = if i > 0 { self.feats[i - 1].lower } else { "" };
        if matches!(prev, "st" | "saint") {
            return None;
        }
        if n >= 2 {
            let first_ok = fs[0].first || fs[0].initial;
            let last_ok = fs[n - 1].last;
            return match (first_ok, last_ok) {
                (true, true) => Some(0.88),
                // "B. Concomitant": an initial before an unknown word is weak.
                (true, false) if fs[0].initial => Some(0.48),
                (true, false) | (false, true) => Some(0.78),
                _ => None,
            };
        }
        let f = &fs[0];
        if usize::from(f.chars) < 3 {
            return None;
        }
        // "George, a 62-year-old man": a first name introducing the patient.
        let rest = &self.text[self.ws.get(end - 1).end..];
        if f.first && introduces_age(rest) {
            return Some(0.85);
        }
        // "Johnny is a very sympathetic person.", "Kalman: ...": a first name
        // opening a sentence as its subject or speaker.
        if sentence_start && f.first && !f.common && subject_follows(rest) {
            return Some(0.62);
        }
        let after_saint = matches!(prev, "san" | "santa");
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

    /// The first phrase of `list` that the words right before word `i` end with.
    fn context_in(ctx: &Context<'_>, list: &PhraseIndex) -> Option<&'static str> {
        list.get(ctx.get(0))?
            .iter()
            .copied()
            .find(|phrase| ctx.ends_with(phrase))
    }

    /// A label ending in `:` right before word `i` ("Patient name:", "Attending:").
    fn label_context(&self, i: usize, ctx: &Context<'_>, has_context: bool) -> bool {
        let head = self.text[..self.ws.get(i).start].trim_end();
        head.ends_with(':') && (has_context || Self::context_in(ctx, label_index()).is_some())
    }

    /// After "SMITH" in "SMITH, JOHN": one past the first name, when it is one.
    fn comma_first_name(&self, end: usize, in_context: bool) -> Option<usize> {
        if end >= self.ws.len() || !matches!(self.ws.gap(end), ", " | ",") {
            return None;
        }
        let f = &self.feats[end];
        let prev = &self.feats[end - 1];
        // "Boston, MA": a two-letter word after a comma is a state code, not a first name.
        let looks = (f.cap || f.caps)
            && f.lower.len() > 2
            && (f.first || in_context && prev.caps && f.caps)
            && (prev.last || prev.caps)
            && !f.common;
        if !looks {
            return None;
        }
        let mut e = end + 1;
        // A middle initial or name.
        let single = |k: usize| self.ws.raw(k).chars().count() == 1 && self.feats[k].cap;
        if e < self.ws.len()
            && joins(self.ws.gap(e))
            && (self.feats[e].initial || single(e) || (self.feats[e].first && self.feats[e].cap))
        {
            e += 1;
        }
        Some(e)
    }

    /// Other mentions of a name found once with good confidence ("Mr. Smith ...
    /// Smith denies"): the same word elsewhere in the text is the same person.
    fn repeat_names(&self, taken: &[bool], found: &mut Vec<Name>) {
        let mut known: FxHashMap<&str, Category> = FxHashMap::default();
        for name in found.iter().filter(|n| n.confidence >= 0.85) {
            for f in &self.feats[name.from..name.to] {
                if !f.initial && !f.particle && !f.is_title() && usize::from(f.chars) > 2 {
                    known.entry(f.base()).or_insert(name.category);
                }
            }
        }
        if known.is_empty() {
            return;
        }
        // The lengths of the known words, to pass over most words without hashing.
        let lengths = known.keys().fold(0u64, |m, w| m | 1 << w.len().min(63));
        let lex = crate::lexicon::lexicon();
        for (k, f) in self.feats.iter().enumerate() {
            if taken[k] || lengths & 1 << f.base().len().min(63) == 0 {
                continue;
            }
            if let Some(&cat) = known.get(f.base()) {
                if !lex.is_eponym(f.base()) && (f.cap || f.caps || !is_common(f, lex)) {
                    found.push(self.name(
                        k,
                        k + 1,
                        cat,
                        0.82,
                        Reason::rule("name.repeat").with("named elsewhere in the text"),
                    ));
                }
            }
        }
    }
}

/// Context phrases by their last word, so that a word's context is checked
/// against the few phrases that can match instead of every phrase.
type PhraseIndex = FxHashMap<&'static str, Vec<&'static str>>;

fn index(list: &'static [&'static str]) -> PhraseIndex {
    let mut map = PhraseIndex::default();
    for phrase in list {
        let tail = phrase.rsplit(' ').next().unwrap_or(phrase);
        map.entry(tail).or_default().push(phrase);
    }
    map
}

fn doctor_index() -> &'static PhraseIndex {
    static I: std::sync::OnceLock<PhraseIndex> = std::sync::OnceLock::new();
    I.get_or_init(|| index(DOCTOR_CONTEXT))
}

fn patient_index() -> &'static PhraseIndex {
    static I: std::sync::OnceLock<PhraseIndex> = std::sync::OnceLock::new();
    I.get_or_init(|| index(PATIENT_CONTEXT))
}

fn label_index() -> &'static PhraseIndex {
    static I: std::sync::OnceLock<PhraseIndex> = std::sync::OnceLock::new();
    I.get_or_init(|| index(STRONG_LABELS))
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

fn list_reason(fs: &[Feat<'_>]) -> &'static str {
    let first = fs.iter().any(|f| f.first);
    let last = fs.iter().any(|f| f.last);
    match (first, last) {
        (true, true) => "first and last name lists",
        (true, false) => "first name list",
        _ => "surname list",
    }
}

/// A verb or a colon right after a word: it is the subject or the speaker.
fn subject_follows(rest: &str) -> bool {
    if rest.starts_with(':') || rest.starts_with("'s ") {
        return true;
    }
    let Some(r) = rest.strip_prefix(' ') else {
        return false;
    };
    let verb = r
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    matches!(
        verb,
        "is" | "was"
            | "has"
            | "had"
            | "said"
            | "says"
            | "told"
            | "reports"
            | "reported"
            | "called"
            | "went"
            | "came"
            | "lives"
            | "lived"
            | "works"
            | "worked"
            | "wants"
            | "wanted"
            | "asked"
            | "asks"
            | "states"
            | "stated"
            | "denies"
            | "denied"
            | "will"
            | "would"
            | "can"
            | "could"
            | "did"
            | "does"
    )
}

/// ", a 62-year-old", " is a 45 yo", ", 45,": what follows a name that introduces a patient.
fn introduces_age(rest: &str) -> bool {
    let Some(r) = rest
        .strip_prefix(", ")
        .or_else(|| rest.strip_prefix(" is "))
    else {
        return false;
    };
    let r = r
        .strip_prefix("a ")
        .or_else(|| r.strip_prefix("an "))
        .unwrap_or(r);
    r.starts_with(|c: char| c.is_ascii_digit())
}

/// A credential right after a name ("Jones, MD", "Lee RN").
fn credential_after(text: &str, end: usize) -> Option<&'static str> {
    let rest = text[end..].strip_prefix(',').unwrap_or(&text[end..]);
    let rest = rest.strip_prefix(' ')?;
    let first = *rest.as_bytes().first()?;
    if !first.is_ascii_uppercase() {
        return None;
    }
    let found = CREDENTIALS.iter().copied().find(|c| {
        c.as_bytes()[0] == first
            && rest.starts_with(c)
            && rest[c.len()..]
                .chars()
                .next()
                .is_none_or(|n| !n.is_alphanumeric() || c.ends_with('.'))
    })?;
    // "Boston, MA 02114" style: a credential is never followed by a ZIP code
    // (a date may follow a signature: "Jones, MD 2014-03-23").
    let tail = rest[found.len()..].trim_start_matches([' ', ',']);
    (!super::zip_starts(tail)).then_some(found)
}
