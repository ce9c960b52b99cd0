//! The shipped word lists, compiled into the binary and indexed once.
//!
//! Every list is built by `scripts/build_lists.py` from openly licensed sources
//! (`lists/SOURCES.md`). Single words and multi-word phrases are looked up by
//! their lower-cased text in hash maps, so the cost per word does not grow with
//! the size of the lists.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

/// The raw list files, for generators that need the values themselves.
pub mod raw {
    /// `Name\tG\tfreq` with G in F, M, U; by frequency.
    pub const FIRST_NAMES: &str = include_str!("../lists/first_names.tsv");
    /// `Name\tfreq`; by frequency.
    pub const LAST_NAMES: &str = include_str!("../lists/last_names.tsv");
    /// `zip\tCity\tST`.
    pub const ZIPS: &str = include_str!("../lists/zips.tsv");
    /// `Name\tST`.
    pub const STATES: &str = include_str!("../lists/states.tsv");
    pub const COUNTRIES: &str = include_str!("../lists/countries.txt");
    pub const PROFESSIONS: &str = include_str!("../lists/professions.txt");
    pub const NOT_PHI: &str = include_str!("../lists/not_phi.txt");
    pub const EPONYMS: &str = include_str!("../lists/eponyms.txt");
}

/// Occupations common in social histories that the job-title source lacks.
/// Written for this project.
const EXTRA_JOBS: &[&str] = &[
    "truck driver",
    "forklift operator",
    "coal miner",
    "miner",
    "electrician",
    "plumber",
    "carpenter",
    "construction worker",
    "farmer",
    "farm worker",
    "teacher",
    "schoolteacher",
    "firefighter",
    "police officer",
    "mechanic",
    "auto mechanic",
    "welder",
    "cashier",
    "waitress",
    "waiter",
    "server",
    "bartender",
    "cook",
    "line cook",
    "chef",
    "janitor",
    "custodian",
    "housekeeper",
    "nanny",
    "accountant",
    "lawyer",
    "attorney",
    "paralegal",
    "software engineer",
    "programmer",
    "software developer",
    "librarian",
    "pastor",
    "minister",
    "priest",
    "rabbi",
    "imam",
    "mail carrier",
    "postal worker",
    "bus driver",
    "taxi driver",
    "delivery driver",
    "warehouse worker",
    "factory worker",
    "retail clerk",
    "hairdresser",
    "hair stylist",
    "barber",
    "landscaper",
    "roofer",
    "house painter",
    "painter",
    "machinist",
    "fisherman",
    "commercial fisherman",
    "pilot",
    "flight attendant",
    "secretary",
    "receptionist",
    "banker",
    "realtor",
    "real estate agent",
    "dentist",
    "veterinarian",
    "daycare worker",
    "home health aide",
    "nursing assistant",
    "cna",
    "security guard",
    "correctional officer",
    "sanitation worker",
    "longshoreman",
    "dock worker",
    "bricklayer",
    "mason",
    "stonemason",
    "steelworker",
    "ironworker",
    "lineman",
    "hvac technician",
    "dental hygienist",
    "pharmacist",
    "social worker",
    "professor",
    "engineer",
    "architect",
    "musician",
    "artist",
    "writer",
    "journalist",
    "photographer",
    "graphic designer",
    "web developer",
    "data analyst",
    "store manager",
    "office manager",
    "sales representative",
    "salesman",
    "saleswoman",
    "insurance agent",
    "soldier",
    "marine",
    "sailor",
    "nurse",
    "registered nurse",
    "physician",
    "surgeon",
    "paramedic",
    "emt",
    "clergy",
];

/// The usual gender of a first name, where the census lists know it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Female,
    Male,
    Unknown,
}

/// What a place phrase is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Place {
    /// Number of ZIP codes of the city (0 when not a city): a proxy for its size.
    pub city_zips: u16,
    /// The state's two-letter code, when the phrase names a state.
    pub state: Option<[u8; 2]>,
    pub country: bool,
}

/// All lists, indexed.
pub struct Lexicon {
    first: FxHashMap<Box<str>, (f32, Gender)>,
    last: FxHashMap<Box<str>, f32>,
    not_phi: FxHashSet<Box<str>>,
    eponyms: FxHashSet<Box<str>>,
    places: FxHashMap<Box<str>, Place>,
    professions: FxHashSet<Box<str>>,
    state_codes: FxHashSet<[u8; 2]>,
    /// The most words in any place or profession phrase.
    pub max_phrase_words: usize,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("first", &self.first.len())
            .field("last", &self.last.len())
            .field("not_phi", &self.not_phi.len())
            .field("places", &self.places.len())
            .field("professions", &self.professions.len())
            .finish()
    }
}

/// The shared lexicon, built on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::build)
}

fn rows(list: &str) -> impl Iterator<Item = Vec<&str>> {
    list.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

fn key(s: &str) -> Box<str> {
    s.split(|c: char| c.is_whitespace() || c == '.')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .into()
}

impl Lexicon {
    fn build() -> Self {
        let mut first = FxHashMap::default();
        for r in rows(raw::FIRST_NAMES) {
            let g = match r.get(1).copied() {
                Some("F") => Gender::Female,
                Some("M") => Gender::Male,
                _ => Gender::Unknown,
            };
            let f = r.get(2).and_then(|f| f.parse().ok()).unwrap_or(0.0);
            first.insert(r[0].to_lowercase().into(), (f, g));
        }
        let mut last = FxHashMap::default();
        for r in rows(raw::LAST_NAMES) {
            last.insert(
                r[0].to_lowercase().into(),
                r.get(1).and_then(|f| f.parse().ok()).unwrap_or(0.0),
            );
        }
        let set = |list: &str| -> FxHashSet<Box<str>> {
            list.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| l.to_lowercase().into())
                .collect()
        };
        let not_phi = set(raw::NOT_PHI);
        let eponyms = set(raw::EPONYMS);
        let professions: FxHashSet<Box<str>> = raw::PROFESSIONS
            .lines()
            .chain(EXTRA_JOBS.iter().copied())
            .map(key)
            .filter(|k| !k.is_empty())
            .collect();

        let mut places: FxHashMap<Box<str>, Place> = FxHashMap::default();
        for r in rows(raw::ZIPS) {
            if let Some(city) = r.get(1) {
                let k = key(city);
                let p = places.entry(k.clone()).or_default();
                p.city_zips = p.city_zips.saturating_add(1);
                if let Some(rest) = k.strip_prefix("saint ") {
                    let alias: Box<str> = format!("st {rest}").into();
                    places.entry(alias).or_default().city_zips = p_zips(&places, &k);
                }
            }
        }
        let mut state_codes = FxHashSet::default();
        for r in rows(raw::STATES) {
            if let (Some(name), Some(code)) = (r.first(), r.get(1)) {
                if let Ok(code) = <[u8; 2]>::try_from(code.as_bytes()) {
                    places.entry(key(name)).or_default().state = Some(code);
                    state_codes.insert(code);
                }
            }
        }
        for c in raw::COUNTRIES.lines().filter(|l| !l.trim().is_empty()) {
            places.entry(key(c)).or_default().country = true;
        }
        for extra in [
            "USA",
            "U S A",
            "US",
            "U S",
            "UK",
            "U K",
            "England",
            "Scotland",
            "Wales",
            "Korea",
            "South Korea",
            "Taiwan",
            "Hong Kong",
            "Puerto Rico",
        ] {
            places.entry(key(extra)).or_default().country = true;
        }
        let max_phrase_words = places
            .keys()
            .chain(professions.iter())
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1)
            .min(5);
        Lexicon {
            first,
            last,
            not_phi,
            eponyms,
            places,
            professions,
            state_codes,
            max_phrase_words,
        }
    }

    /// Frequency per million and gender, when `word` is a known first name.
    pub fn first_name(&self, lower: &str) -> Option<(f32, Gender)> {
        self.first.get(lower).copied()
    }

    /// Frequency per million, when `word` is a known surname.
    pub fn last_name(&self, lower: &str) -> Option<f32> {
        self.last.get(lower).copied()
    }

    /// True for words that are not PHI on their own (English and medical vocabulary).
    pub fn is_common(&self, lower: &str) -> bool {
        self.not_phi.contains(lower)
            || self
                .eponyms
                .contains(lower.trim_end_matches("'s").trim_end_matches("’s"))
    }

    pub fn is_eponym(&self, lower: &str) -> bool {
        self.eponyms
            .contains(lower.trim_end_matches("'s").trim_end_matches("’s"))
    }

    /// The place a lower-cased, single-spaced phrase names.
    pub fn place(&self, phrase: &str) -> Option<Place> {
        self.places.get(phrase).copied()
    }

    pub fn is_profession(&self, phrase: &str) -> bool {
        self.professions.contains(phrase)
    }

    /// True for a two-letter US state or territory code (`MA`, `PR`).
    pub fn is_state_code(&self, code: &str) -> bool {
        <[u8; 2]>::try_from(code.as_bytes()).is_ok_and(|c| self.state_codes.contains(&c))
    }
}

fn p_zips(places: &FxHashMap<Box<str>, Place>, k: &str) -> u16 {
    places.get(k).map_or(1, |p| p.city_zips)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_answer() {
        let lex = lexicon();
        assert!(lex.last_name("smith").is_some());
        assert_eq!(lex.first_name("mary").map(|f| f.1), Some(Gender::Female));
        assert!(lex.is_common("foley") && lex.is_eponym("parkinson's"));
        assert!(lex.place("boston").is_some_and(|p| p.city_zips > 10));
        assert_eq!(lex.place("texas").and_then(|p| p.state), Some(*b"TX"));
        assert!(lex.place("brazil").is_some_and(|p| p.country));
        assert!(lex.is_state_code("MA") && !lex.is_state_code("XQ"));
    }
}
