//! Hospitals, organizations and other named places, by the generic word that
//! heads their name ("... Medical Center", "... Inc.", "... Park").
//!
//! Heads are found by looking words up (a head's first word, then the rest), and
//! the name is the run of capitalised words before the head.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::Out;
use crate::lexicon::Lexicon;
use crate::text::{Words, is_all_caps, is_capitalized};
use crate::{Category, Reason};

const HOSPITAL_HEADS: &[&str] = &[
    "hospital",
    "medical center",
    "med ctr",
    "medical centre",
    "health center",
    "health system",
    "healthcare",
    "health care",
    "clinic",
    "infirmary",
    "hospice",
    "rehabilitation center",
    "rehabilitation hospital",
    "rehabilitation institute",
    "rehab center",
    "nursing home",
    "nursing center",
    "nursing facility",
    "care center",
    "cancer center",
    "cancer institute",
    "surgical center",
    "surgery center",
    "memorial",
    "general",
    "medical group",
    "health",
];
const ORG_HEADS: &[&str] = &[
    "inc",
    "llc",
    "ltd",
    "corp",
    "corporation",
    "company",
    "co",
    "group",
    "foundation",
    "associates",
    "partners",
    "bank",
    "university",
    "college",
    "school",
    "academy",
    "church",
    "pharmacy",
    "laboratories",
    "labs",
    "insurance",
    "industries",
    "enterprises",
    "systems",
    "technologies",
    "motors",
    "airlines",
    "agency",
    "institute",
    "society",
    "council",
    "services",
    "solutions",
    "consulting",
    "construction",
    "logistics",
    "restaurant",
    "cafe",
    "bakery",
    "market",
    "store",
    "stores",
    "elementary",
    "high school",
    "middle school",
    "apothecary",
    "service",
    "mutual",
    "drugstore",
];
const PLACE_HEADS: &[&str] = &[
    "reservation",
    "reserve",
    "preserve",
    "marina",
    "woods",
    "park",
    "lake",
    "river",
    "beach",
    "mall",
    "airport",
    "stadium",
    "zoo",
    "island",
    "bay",
    "canyon",
    "mountain",
    "mountains",
    "forest",
    "square",
    "bridge",
    "tower",
    "museum",
    "library",
    "casino",
    "arena",
    "campground",
    "falls",
    "garden",
    "gardens",
    "plaza",
    "pier",
    "harbor",
    "harbour",
    "trailhead",
    "field",
    "amphitheatre",
    "amphitheater",
    "theater",
    "theatre",
    "memorial park",
    "national park",
    "state park",
    "shopping center",
    "community center",
    "ymca",
];

/// Heads written as abbreviations keep their period ("Acme Co.").
const ABBREVIATED: &[&str] = &["inc", "co", "corp", "ltd"];

/// Words that join the words of a name ("Bank of America", "Saint Mary and Joseph").
const CONNECTORS: &[&str] = &["of", "the", "and", "de", "la"];

/// Names known without a generic head: pharmacies, insurers and large employers.
const KNOWN_ORGS: &[&str] = &[
    "Walgreens",
    "CVS",
    "Rite Aid",
    "Walmart",
    "Wal-Mart",
    "Costco",
    "Kroger",
    "Safeway",
    "Target",
    "Amazon",
    "Google",
    "Microsoft",
    "Apple",
    "IBM",
    "FedEx",
    "UPS",
    "USPS",
    "Starbucks",
    "McDonald's",
    "Home Depot",
    "Lowe's",
    "Aetna",
    "Cigna",
    "Humana",
    "Blue Cross",
    "Blue Shield",
    "Blue Cross Blue Shield",
    "UnitedHealthcare",
    "United Healthcare",
    "Anthem",
    "Kaiser Permanente",
    "Tricare",
    "Boeing",
    "Ford",
    "General Motors",
    "Tesla",
    "Verizon",
    "AT&T",
    "Comcast",
    "Delta",
    "Intel",
    "Oracle",
];

pub(crate) struct Orgs {
    /// Known names by their first word as written, longest first.
    known: FxHashMap<&'static str, Vec<&'static str>>,
    known_firsts: Firsts,
}

/// The first bytes and lengths of a set of words: a cheap test that rules most
/// other words out before a hash look-up.
struct Firsts(Box<[u64; 256]>);

impl Firsts {
    fn new<'a>(words: impl Iterator<Item = &'a str>) -> Self {
        let mut m = Box::new([0u64; 256]);
        for w in words {
            if let Some(&b) = w.as_bytes().first() {
                m[usize::from(b)] |= 1 << w.len().min(63);
            }
        }
        Firsts(m)
    }

    /// False when `w` is certainly not one of the words.
    fn may_hold(&self, w: &str) -> bool {
        w.as_bytes()
            .first()
            .is_some_and(|&b| self.0[usize::from(b)] & 1 << w.len().min(63) != 0)
    }
}

fn head_firsts() -> &'static Firsts {
    static F: OnceLock<Firsts> = OnceLock::new();
    F.get_or_init(|| Firsts::new(heads().keys().copied()))
}

/// Whether a lower-case, single-spaced phrase ends in an institution head
/// after at least one word of its own ("sacred heart hospital", not
/// "medical center").
pub(crate) fn institution_head(phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split(' ').collect();
    (1..words.len()).any(|k| {
        let tail = &words[k..];
        heads()
            .get(tail[0])
            .is_some_and(|hs| hs.iter().any(|h| h.0 == tail))
    })
}

/// A head phrase, split into words, with the category it gives.
type Head = (Vec<&'static str>, Category, &'static str);

/// Heads by their first word, longest first.
fn heads() -> &'static FxHashMap<&'static str, Vec<Head>> {
    static HEADS: OnceLock<FxHashMap<&'static str, Vec<Head>>> = OnceLock::new();
    HEADS.get_or_init(|| {
        let mut map: FxHashMap<&'static str, Vec<Head>> = FxHashMap::default();
        for (list, cat, rule) in [
            (HOSPITAL_HEADS, Category::Hospital, "hospital.name"),
            (ORG_HEADS, Category::Organization, "organization.name"),
            (PLACE_HEADS, Category::LocationOther, "location.name"),
        ] {
            for phrase in list {
                let words: Vec<&'static str> = phrase.split(' ').collect();
                map.entry(words[0]).or_default().push((words, cat, rule));
            }
        }
        for v in map.values_mut() {
            v.sort_by_key(|h| std::cmp::Reverse(h.0.len()));
        }
        map
    })
}

impl Orgs {
    pub(crate) fn new() -> Self {
        let mut known: FxHashMap<&'static str, Vec<&'static str>> = FxHashMap::default();
        for name in KNOWN_ORGS {
            // Keyed by the first word as the word pass cuts it ("McDonald's", "Wal-Mart").
            let first = crate::text::words(name)
                .first()
                .map_or(*name, |w| w.of(name));
            known.entry(first).or_default().push(name);
        }
        for v in known.values_mut() {
            v.sort_by_key(|n| std::cmp::Reverse(n.len()));
        }
        let known_firsts = Firsts::new(known.keys().copied());
        Orgs {
            known,
            known_firsts,
        }
    }

    pub(crate) fn detect(&self, out: &mut Out<'_>, lex: &Lexicon, ws: &Words<'_>) {
        let text = out.text;
        let heads = heads();
        let head_firsts = head_firsts();
        for h in 0..ws.len() {
            if !ws.cap(h) {
                continue;
            }
            self.known_at(out, ws, h);
            if let Some(end) = employer_at(ws, lex, h) {
                out.push(
                    ws.get(h).start,
                    ws.get(end).end,
                    Category::Organization,
                    0.8,
                    Reason::rule("organization.employer"),
                );
            }
            if !head_firsts.may_hold(ws.lower(h)) {
                continue;
            }
            let Some(candidates) = heads.get(ws.lower(h)) else {
                continue;
            };
            let Some((last, cat, rule)) = candidates.iter().find_map(|(words, cat, rule)| {
                let last = h + words.len() - 1;
                let fits = last < ws.len()
                    && (1..words.len()).all(|k| {
                        ws.gap(h + k) == " "
                            && ws.lower(h + k) == words[k]
                            && is_capitalized(ws.raw(h + k))
                    });
                fits.then_some((last, *cat, *rule))
            }) else {
                continue;
            };
            let Some(first) = name_start(ws, lex, h) else {
                // "Hospital San Rafael": the name may follow the head.
                let head_first =
                    matches!(ws.lower(h), "hospital" | "clinic" | "hospice" | "infirmary")
                        && !is_all_caps(ws.raw(h));
                if let Some(k) = head_first.then(|| name_after(ws, lex, last)).flatten() {
                    out.push(
                        ws.get(h).start,
                        ws.get(k).end,
                        cat,
                        0.85,
                        Reason::rule("hospital.name-after-head"),
                    );
                }
                continue;
            };
            if (first..=last).all(|k| !ws.raw(k).chars().any(char::is_lowercase)) {
                continue; // an ALL CAPS header line
            }
            let mut end = ws.get(last).end;
            if ABBREVIATED.contains(&ws.lower(last)) && text[end..].starts_with('.') {
                end += 1;
            }
            end = of_tail(ws, last).map_or(end, |k| ws.get(k).end);
            if crate::text::eponym_head_after(text, end) {
                continue;
            }
            out.push(ws.get(first).start, end, cat, 0.88, Reason::rule(rule));
        }
    }

    /// Known organization names ("Walgreens", "Rite Aid", "AT&T") starting at capitalised words.
    fn known_at(&self, out: &mut Out<'_>, ws: &Words<'_>, h: usize) {
        if !self.known_firsts.may_hold(ws.raw(h)) {
            return;
        }
        let Some(names) = self.known.get(ws.raw(h)) else {
            return;
        };
        let start = ws.get(h).start;
        let rest = &out.text[start..];
        if let Some(name) = names.iter().find(|n| {
            rest.starts_with(**n) && crate::text::boundary_after(out.text, start + n.len())
        }) {
            out.push(
                start,
                start + name.len(),
                Category::Organization,
                0.85,
                Reason::list("organization list"),
            );
        }
    }
}

/// The first word of the name before the head at word `h`: up to five
/// capitalised words (joined by spaces, "St. ", " & " or connectors), less
/// leading generic words; `None` when no word of it is a proper name.
fn name_start(ws: &Words<'_>, lex: &Lexicon, h: usize) -> Option<usize> {
    // "Summary of Hospital Stay": a head right after a connector has no name.
    if h == 0 || CONNECTORS.contains(&ws.lower(h - 1)) {
        return None;
    }
    let mut k = h;
    while k > 0 && h - k < 5 {
        let prev = k - 1;
        let gap = ws.gap(k);
        let saint = matches!(ws.lower(prev), "st" | "mt");
        if !(gap == " " || gap == " & " || saint && gap == ". ") {
            break;
        }
        let connector =
            CONNECTORS.contains(&ws.lower(prev)) && prev > 0 && is_capitalized(ws.raw(prev - 1));
        if !(is_capitalized(ws.raw(prev)) || connector) {
            break;
        }
        k = prev;
    }
    while k < h && CONNECTORS.contains(&ws.lower(k)) {
        k += 1;
    }
    let proper = |j: usize| {
        let lower = ws.lower(j);
        let saint = matches!(lower, "st" | "saint" | "mt" | "mount");
        saint || !GENERIC.contains(&lower) && !CONNECTORS.contains(&lower) && !lex.is_eponym(lower)
    };
    let start = (k..h).find(|&j| {
        !matches!(
            ws.lower(j),
            "the" | "a" | "an" | "our" | "your" | "this" | "at" | "in" | "to" | "from"
        )
    })?;
    (start..h).any(proper).then_some(start)
}

/// Words after which a capitalised name is an employer or a business.
const EMPLOYER_CONTEXT: &[&str] = &[
    "employer",
    "works at",
    "works for",
    "worked at",
    "worked for",
    "employed by",
    "employed at",
    "job at",
    "employee of",
    "owner of",
    "call from",
    "called from the",
];

/// The last word of an employer's name starting at word `i`, when the words
/// before it say so ("Employer: Liberty Mutual", "works at Hilltop Landscaping").
fn employer_at(ws: &Words<'_>, lex: &Lexicon, i: usize) -> Option<usize> {
    // Every context phrase ends in one of these words: test it before the rest.
    if i == 0
        || !matches!(
            ws.lower(i - 1),
            "employer" | "at" | "for" | "by" | "of" | "from" | "the"
        )
    {
        return None;
    }
    let ctx = ws.context(i);
    if !EMPLOYER_CONTEXT.iter().any(|p| ctx.ends_with(p)) {
        return None;
    }
    let mut last = None;
    let mut k = i;
    while k < ws.len() && k - i < 4 && (k == i || ws.gap(k) == " ") {
        let w = ws.raw(k);
        if is_capitalized(w) {
            last = Some(k);
        } else if !CONNECTORS.contains(&ws.lower(k)) {
            break;
        }
        k += 1;
    }
    let last = last?;
    // A person's name or a plain word is not an employer.
    let proper = (i..=last).any(|j| {
        let l = ws.lower(j);
        !CONNECTORS.contains(&l) && !GENERIC.contains(&l) && lex.word(l).first.is_none()
    });
    proper.then_some(last)
}

/// "Hospital San Rafael": up to three capitalised, non-vocabulary words after
/// the head; the index of the last, if any.
fn name_after(ws: &Words<'_>, lex: &Lexicon, head_end: usize) -> Option<usize> {
    let mut last = None;
    let mut k = head_end + 1;
    while k < ws.len() && k - head_end <= 3 && ws.gap(k) == " " {
        let (w, l) = (ws.raw(k), ws.lower(k));
        let info = lex.word(l);
        let name_word = info.first.is_some()
            || info.last.is_some()
            || matches!(
                l,
                "san" | "santa" | "santo" | "saint" | "st" | "de" | "del" | "la" | "los" | "las"
            );
        if !is_capitalized(w) || lex.is_common(l) && !name_word || GENERIC.contains(&l) {
            break;
        }
        last = Some(k);
        k += 1;
    }
    last
}

/// "Hospital of the University of Pennsylvania": the last word of an
/// "of ..." tail of capitalised words after the head, if there is one.
fn of_tail(ws: &Words<'_>, last: usize) -> Option<usize> {
    let mut k = last + 1;
    if k >= ws.len() || ws.lower(k) != "of" || ws.gap(k) != " " {
        return None;
    }
    let mut end = None;
    k += 1;
    while k < ws.len() && ws.gap(k) == " " && k - last <= 5 {
        if is_capitalized(ws.raw(k)) {
            end = Some(k);
        } else if !CONNECTORS.contains(&ws.lower(k)) {
            break;
        }
        k += 1;
    }
    end
}

/// Words that make no name on their own: articles, departments, generic
/// qualifiers. "Cardiology Clinic" and "the Hospital" are not names.
const GENERIC: &[&str] = &[
    "brief",
    "course",
    "summary",
    "stay",
    "history",
    "prior",
    "previous",
    "current",
    "outside",
    "the",
    "a",
    "an",
    "our",
    "your",
    "this",
    "that",
    "his",
    "her",
    "their",
    "its",
    "at",
    "in",
    "to",
    "from",
    "for",
    "emergency",
    "urgent",
    "care",
    "primary",
    "cardiology",
    "oncology",
    "neurology",
    "pediatric",
    "pediatrics",
    "surgical",
    "surgery",
    "dental",
    "eye",
    "main",
    "outpatient",
    "inpatient",
    "community",
    "local",
    "state",
    "county",
    "city",
    "university",
    "general",
    "memorial",
    "medical",
    "health",
    "women's",
    "children's",
    "family",
    "walk-in",
    "rehab",
    "rehabilitation",
    "mental",
    "behavioral",
    "sleep",
    "pain",
    "wound",
    "dialysis",
    "infusion",
    "cancer",
    "heart",
    "vascular",
    "spine",
    "orthopedic",
    "orthopaedic",
    "imaging",
    "radiology",
    "lab",
    "laboratory",
    "hospital",
    "clinic",
    "insurance",
    "company",
    "home",
    "nursing",
    "group",
    "new",
    "north",
    "south",
    "east",
    "west",
    "central",
    "national",
    "regional",
    "area",
    "private",
    "public",
    "discharge",
    "follow-up",
    "followup",
    "anticoagulation",
    "coumadin",
    "diabetes",
    "endocrine",
    "endocrinology",
    "gi",
    "gastroenterology",
    "pulmonary",
    "renal",
    "nephrology",
    "transplant",
    "hepatology",
    "liver",
    "dermatology",
    "psychiatry",
    "psychiatric",
    "obstetrics",
    "gynecology",
    "ob",
    "gyn",
    "ent",
    "urology",
    "hematology",
    "rheumatology",
    "allergy",
    "geriatric",
    "geriatrics",
    "internal",
    "medicine",
    "hand",
    "foot",
    "breast",
    "lung",
    "kidney",
    "stroke",
    "trauma",
    "burn",
    "neonatal",
    "maternity",
    "veterans",
    "va",
    "student",
    "employee",
    "occupational",
    "travel",
    "fertility",
    "weight",
    "vein",
    "sports",
    "physical",
    "therapy",
    "speech",
    "hearing",
    "vision",
    "high",
    "elementary",
    "middle",
    "school",
    "drug",
    "safety",
    "quality",
    "patient",
    "nurse",
    "nurses",
    "doctor",
    "doctors",
    "staff",
    "team",
    "lake",
    "river",
    "park",
    "mountain",
    "beach",
    "national",
    "state",
    "city",
    "day",
    "night",
    "senior",
    "adult",
    "youth",
];

/// True for the words that give a name of `category` its kind rather than
/// its identity: that category's head words ("Hospital", "Inc", "Park"),
/// connectors and generic qualifiers. Surrogates keep these and replace the
/// rest.
pub(crate) fn is_structural(lower: &str, category: Category) -> bool {
    type Set = rustc_hash::FxHashSet<&'static str>;
    static SETS: OnceLock<[Set; 3]> = OnceLock::new();
    let sets = SETS.get_or_init(|| {
        [HOSPITAL_HEADS, ORG_HEADS, PLACE_HEADS].map(|heads| {
            heads
                .iter()
                .flat_map(|p| p.split(' '))
                .chain(CONNECTORS.iter().copied())
                .chain(GENERIC.iter().copied())
                .chain([
                    "st",
                    "saint",
                    "center",
                    "centre",
                    "medical",
                    "regional",
                    "community",
                ])
                .collect()
        })
    });
    let i = match category {
        Category::Hospital => 0,
        Category::Organization => 1,
        _ => 2,
    };
    sets[i].contains(lower)
}
