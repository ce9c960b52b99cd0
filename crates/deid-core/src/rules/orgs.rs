//! Hospitals, organizations and other named places, by the generic word that
//! heads their name ("... Medical Center", "... Inc.", "... Park").

use regex::Regex;

use super::Out;
use crate::lexicon::Lexicon;
use crate::{Category, Reason};

const HOSPITAL_HEAD: &str = r"(?:Hospital|Medical\s+Center|Med\s+Ctr|Medical\s+Centre|Health\s+Center|Health\s+System|Healthcare|Health\s+Care|Clinic|Infirmary|Hospice|Rehabilitation\s+(?:Center|Hospital|Institute)|Rehab\s+Center|Nursing\s+(?:Home|Center|Facility)|Care\s+Center|Cancer\s+(?:Center|Institute)|Surgical\s+Center|Surgery\s+Center|Memorial|General|Medical\s+Group|Health)";
const ORG_HEAD: &str = r"(?:Inc\.?|LLC|L\.L\.C\.|Ltd\.?|Corp\.?|Corporation|Company|Co\.|Group|Foundation|Associates|Partners|Bank|University|College|School|Academy|Church|Pharmacy|Laboratories|Labs|Insurance|Industries|Enterprises|Systems|Technologies|Motors|Airlines|Agency|Institute|Society|Council|Department\s+of\s+[A-Z][a-z]+|Services|Solutions|Consulting|Construction|Logistics|Restaurant|Cafe|Bakery|Market|Stores?|Elementary|High\s+School|Middle\s+School)";
const PLACE_HEAD: &str = r"(?:Reservation|Reserve|Preserve|Marina|Woods|Park|Lake|River|Beach|Mall|Airport|Stadium|Zoo|Island|Bay|Canyon|Mountains?|Forest|Square|Bridge|Tower|Museum|Library|Casino|Arena|Campground|Falls|Gardens?|Plaza|Pier|Harbor|Harbour|Trailhead|Memorial\s+Park|National\s+Park|State\s+Park|Shopping\s+Center|Community\s+Center|YMCA)";

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
    hospital: Regex,
    org: Regex,
    place: Regex,
    known: aho_corasick::AhoCorasick,
}

/// One to four capitalised words, allowing "of", "the", "and", "&" between them
/// and a leading "St." or "Saint".
fn named(head: &str) -> String {
    format!(
        r"\b((?:(?:St|Mt)\.?\s+|Saint\s+|Mount\s+)?[A-Z][\p{{L}}'’.&-]*(?:\s+(?:of\s+(?:the\s+)?|the\s+|and\s+|&\s+|de\s+|la\s+)?[A-Z][\p{{L}}'’.&-]*){{0,4}})\s+{head}\b(?:\s+of\s+[A-Z][\p{{L}}]+(?:\s+[A-Z][\p{{L}}]+)?)?"
    )
}

impl Orgs {
    pub(crate) fn new() -> Self {
        Orgs {
            hospital: Regex::new(&named(HOSPITAL_HEAD)).expect("hospital pattern compiles"),
            org: Regex::new(&named(ORG_HEAD)).expect("org pattern compiles"),
            place: Regex::new(&named(PLACE_HEAD)).expect("place pattern compiles"),
            known: aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(KNOWN_ORGS)
                .expect("org list builds"),
        }
    }

    pub(crate) fn detect(&self, out: &mut Out<'_>, lex: &Lexicon) {
        let text = out.text;
        for (re, cat, rule) in [
            (&self.hospital, Category::Hospital, "hospital.name"),
            (&self.org, Category::Organization, "organization.name"),
            (&self.place, Category::LocationOther, "location.name"),
        ] {
            for c in re.captures_iter(text) {
                let m = c.get(0).expect("match");
                let name = c.get(1).expect("group");
                if m.as_str()
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
                {
                    continue;
                }
                let Some(start) = first_proper_word(name.as_str(), lex).map(|o| name.start() + o)
                else {
                    continue;
                };
                if crate::text::eponym_head_after(text, m.end()) {
                    continue;
                }
                let end = m.start() + m.as_str().trim_end_matches(['.', ',']).len();
                let end = if m.as_str().ends_with("Inc.")
                    || m.as_str().ends_with("Co.")
                    || m.as_str().ends_with("Corp.")
                    || m.as_str().ends_with("Ltd.")
                {
                    m.end()
                } else {
                    end
                };
                out.push(start, end, cat, 0.88, Reason::rule(rule));
            }
        }
        for m in self.known.find_iter(text) {
            if crate::text::boundary_before(text, m.start())
                && crate::text::boundary_after(text, m.end())
            {
                out.push(
                    m.start(),
                    m.end(),
                    Category::Organization,
                    0.85,
                    Reason::list("organization list"),
                );
            }
        }
    }
}

/// Words that make no name on their own: articles, departments, generic
/// qualifiers. "Cardiology Clinic" and "the Hospital" are not names.
const GENERIC: &[&str] = &[
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

/// Offset of the first word of `name` from which the name is proper: leading
/// vocabulary words ("The", "Cardiology", "Emergency") are dropped, and a name
/// made only of vocabulary is no name (`None`). "St." and "Saint" start a name.
fn first_proper_word(name: &str, lex: &Lexicon) -> Option<usize> {
    let mut offset = 0;
    let mut start = None;
    let mut any_proper = false;
    for w in name.split(' ') {
        let lower = w.trim_end_matches(['.', ',']).to_lowercase();
        let saint = matches!(lower.as_str(), "st" | "saint" | "mt" | "mount");
        let proper = !GENERIC.contains(&lower.as_str())
            && !matches!(lower.as_str(), "of" | "and" | "&" | "de" | "la")
            && !lex.is_eponym(&lower);
        if start.is_none()
            && (proper
                || saint
                || (!w.is_empty()
                    && !matches!(
                        lower.as_str(),
                        "the" | "a" | "an" | "our" | "your" | "this" | "at" | "in" | "to" | "from"
                    )))
        {
            start = Some(offset);
        }
        any_proper |= proper || saint;
        offset += w.len() + 1;
    }
    if any_proper { start } else { None }
}
