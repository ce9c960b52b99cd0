//! The shipped word lists, compiled into the binary and indexed once.
//!
//! Every list is built by `scripts/build_lists.py` from openly licensed sources
//! (`lists/SOURCES.md`). Single words and multi-word phrases are looked up by
//! their lower-cased text in hash maps, so the cost per word does not grow with
//! the size of the lists.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::flat_map::FlatMap;

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
    "tailor",
    "seamstress",
    "nanny",
    "babysitter",
    "fisherman",
    "teller",
    "bank teller",
    "translator",
    "interpreter",
    "rideshare driver",
    "uber driver",
    "barista",
    "dishwasher",
    "florist",
    "butcher",
    "baker",
    "custodian",
    "crossing guard",
    "train conductor",
    "air traffic controller",
    "judge",
    "chemist",
    "biologist",
    "scientist",
    "researcher",
    "homemaker",
    "housewife",
    "stay-at-home mother",
    "farmhand",
    "rancher",
    "logger",
    "miner",
    "plasterer",
    "drywall installer",
    "tile setter",
    "upholsterer",
    "locksmith",
    "jeweler",
    "bookkeeper",
    "cashier",
    "stocker",
    "warehouse associate",
    "delivery driver",
    "courier",
    "mail carrier",
    "letter carrier",
    "postal clerk",
    "line worker",
    "assembler",
    "machine operator",
    "forklift driver",
    "crane operator",
    "heavy equipment operator",
    "welder",
    "pipefitter",
    "boilermaker",
    "millwright",
    "optician",
    "paramedic",
    "firefighter",
    "police officer",
    "sheriff's deputy",
    "detective",
    "prison guard",
    "social worker",
    "counselor",
    "therapist",
    "teacher's aide",
    "teaching assistant",
    "principal",
    "librarian",
    "accountant",
    "auditor",
    "actuary",
    "economist",
    "consultant",
    "programmer",
    "it technician",
    "network administrator",
    "graphic artist",
    "tattoo artist",
    "chef",
    "sous chef",
    "waitress",
    "bartender",
    "hostess",
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

/// Everything the single-word lists say about one lower-case word.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct WordInfo {
    /// Frequency per million and usual gender, for a first name.
    pub first: Option<(f32, Gender)>,
    /// Frequency per million, for a surname.
    pub last: Option<f32>,
    /// Vocabulary: not PHI on its own.
    pub common: bool,
    /// A disease, sign or device named after a person ("foley").
    pub eponym: bool,
    /// The word begins a place or profession phrase of several words.
    pub starts_phrase: bool,
    /// The word on its own is a place or a profession.
    pub phrase: bool,
    /// Bit `n` is set when a place or profession phrase of `n` words (up to
    /// seven) begins with the word.
    pub phrase_lengths: u8,
}

impl WordInfo {
    /// Frequencies are kept in whole units per million, up to 65,535.
    fn pack(self) -> u64 {
        let freq = |f: f32| u64::from(f.round().clamp(0.0, 65_535.0) as u16);
        let gender = match self.first.map(|f| f.1) {
            Some(Gender::Female) => 1,
            Some(Gender::Male) => 2,
            _ => 3,
        };
        let flags = u64::from(self.first.is_some())
            | u64::from(self.last.is_some()) << 1
            | u64::from(self.common) << 2
            | u64::from(self.eponym) << 3
            | u64::from(self.starts_phrase) << 4
            | u64::from(self.phrase) << 5
            | gender << 6
            | u64::from(self.phrase_lengths) << 8;
        flags | freq(self.first.map_or(0.0, |f| f.0)) << 16 | freq(self.last.unwrap_or(0.0)) << 32
    }

    fn unpack(p: u64) -> Self {
        let bit = |n: u32| p >> n & 1 == 1;
        let freq = |shift: u32| f32::from((p >> shift & 0xffff) as u16);
        let gender = match p >> 6 & 3 {
            1 => Gender::Female,
            2 => Gender::Male,
            _ => Gender::Unknown,
        };
        WordInfo {
            first: bit(0).then(|| (freq(16), gender)),
            last: bit(1).then(|| freq(32)),
            common: bit(2),
            eponym: bit(3),
            starts_phrase: bit(4),
            phrase: bit(5),
            phrase_lengths: (p >> 8 & 0xff) as u8,
        }
    }
}

/// What a phrase of one or more words names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Phrase {
    place: Option<Place>,
    profession: bool,
}

/// All lists, indexed: one map for single words, one for phrases.
pub struct Lexicon {
    /// Keyed by [`word_key`]: a 64-bit hash, so a look-up touches one slot and
    /// compares no strings.
    /// Values are [`WordInfo`] packed into 64 bits, to keep the table small
    /// enough to stay in cache.
    /// Single words by [`word_key`], with their packed [`WordInfo`].
    words: FlatMap,
    phrases: FxHashMap<Box<str>, Phrase>,
    state_codes: FxHashSet<[u8; 2]>,
    /// The most words in any place or profession phrase.
    pub max_phrase_words: usize,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("words", &self.words.len())
            .field("phrases", &self.phrases.len())
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

/// `s` with accented Latin letters replaced by plain ones, or `None` when there
/// is nothing to replace.
fn fold_accents(s: &str) -> Option<String> {
    if s.is_ascii() {
        return None;
    }
    let folded: String = s
        .chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
            'ç' | 'č' | 'ć' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
            'ñ' | 'ń' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
            'ý' | 'ÿ' => 'y',
            'š' | 'ś' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            'ł' => 'l',
            other => other,
        })
        .collect();
    (folded != s).then_some(folded)
}

/// The key of a lower-case word in the word map.
fn word_key(lower: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(lower.as_bytes());
    h.write_u8(0xff);
    h.finish()
}

fn key(s: &str) -> Box<str> {
    s.split(|c: char| c.is_whitespace() || c == '.')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .into()
}

/// Countries and regions written in short forms the country list lacks.
const EXTRA_COUNTRIES: &[&str] = &[
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
];

impl Lexicon {
    fn build() -> Self {
        let mut words: FxHashMap<u64, WordInfo> = FxHashMap::default();
        for r in rows(raw::FIRST_NAMES) {
            let g = match r.get(1).copied() {
                Some("F") => Gender::Female,
                Some("M") => Gender::Male,
                _ => Gender::Unknown,
            };
            let f = r.get(2).and_then(|f| f.parse().ok()).unwrap_or(0.0);
            words
                .entry(word_key(&r[0].to_lowercase()))
                .or_default()
                .first = Some((f, g));
        }
        for r in rows(raw::LAST_NAMES) {
            let f = r.get(1).and_then(|f| f.parse().ok()).unwrap_or(0.0);
            words
                .entry(word_key(&r[0].to_lowercase()))
                .or_default()
                .last = Some(f);
        }
        for w in raw::NOT_PHI
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            words.entry(word_key(&w.to_lowercase())).or_default().common = true;
        }
        for w in raw::EPONYMS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            words.entry(word_key(&w.to_lowercase())).or_default().eponym = true;
        }

        let mut phrases: FxHashMap<Box<str>, Phrase> = FxHashMap::default();
        for k in raw::PROFESSIONS
            .lines()
            .chain(EXTRA_JOBS.iter().copied())
            .map(key)
            .filter(|k| !k.is_empty())
        {
            phrases.entry(k).or_default().profession = true;
        }
        let mut place = |k: Box<str>, f: &dyn Fn(&mut Place)| {
            f(phrases
                .entry(k)
                .or_default()
                .place
                .get_or_insert_with(Place::default));
        };
        for r in rows(raw::ZIPS) {
            if let Some(city) = r.get(1) {
                let k = key(city);
                if let Some(rest) = k.strip_prefix("saint ") {
                    place(format!("st {rest}").into(), &|p| {
                        p.city_zips = p.city_zips.saturating_add(1);
                    });
                }
                place(k, &|p| p.city_zips = p.city_zips.saturating_add(1));
            }
        }
        let mut state_codes = FxHashSet::default();
        for r in rows(raw::STATES) {
            if let (Some(name), Some(code)) = (r.first(), r.get(1)) {
                if let Ok(code) = <[u8; 2]>::try_from(code.as_bytes()) {
                    place(key(name), &|p| p.state = Some(code));
                    state_codes.insert(code);
                }
            }
        }
        for c in raw::COUNTRIES
            .lines()
            .filter(|l| !l.trim().is_empty())
            .chain(EXTRA_COUNTRIES.iter().copied())
        {
            place(key(c), &|p| p.country = true);
        }
        let mut max_phrase_words = 1;
        for k in phrases.keys() {
            let mut parts = k.split(' ');
            let first = parts.next().unwrap_or("");
            let n = 1 + parts.count();
            let entry = words.entry(word_key(first)).or_default();
            if n < 8 {
                entry.phrase_lengths |= 1 << n;
            }
            if n > 1 {
                entry.starts_phrase = true;
                max_phrase_words = max_phrase_words.max(n);
            } else {
                entry.phrase = true;
            }
        }
        Lexicon {
            words: FlatMap::new(words.iter().map(|(&k, v)| (k, v.pack()))),
            phrases,
            state_codes,
            max_phrase_words: max_phrase_words.min(5),
        }
    }

    /// What the lists say about a lower-case word (all `false`/`None` when nothing).
    /// Accented Latin letters also match their plain forms ("josé" finds "jose").
    pub fn word(&self, lower: &str) -> WordInfo {
        let found = self.words.get(word_key(lower)).or_else(|| {
            let plain = fold_accents(lower)?;
            self.words.get(word_key(&plain))
        });
        found.map_or_else(WordInfo::default, WordInfo::unpack)
    }

    /// Frequency per million and gender, when `word` is a known first name.
    pub fn first_name(&self, lower: &str) -> Option<(f32, Gender)> {
        self.word(lower).first
    }

    /// Frequency per million, when `word` is a known surname.
    pub fn last_name(&self, lower: &str) -> Option<f32> {
        self.word(lower).last
    }

    /// True for words that are not PHI on their own (English and medical vocabulary).
    pub fn is_common(&self, lower: &str) -> bool {
        let w = self.word(lower);
        w.common || w.eponym || self.is_eponym(lower)
    }

    /// True for eponyms, also in the possessive ("parkinson's").
    pub fn is_eponym(&self, lower: &str) -> bool {
        self.word(lower.trim_end_matches("'s").trim_end_matches("’s"))
            .eponym
    }

    /// The place a lower-cased, single-spaced phrase names.
    pub fn place(&self, phrase: &str) -> Option<Place> {
        let found = self
            .phrases
            .get(phrase)
            .or_else(|| self.phrases.get(fold_accents(phrase)?.as_str()));
        found.and_then(|p| p.place)
    }

    pub fn is_profession(&self, phrase: &str) -> bool {
        self.phrases.get(phrase).is_some_and(|p| p.profession)
    }

    /// True for a two-letter US state or territory code (`MA`, `PR`).
    pub fn is_state_code(&self, code: &str) -> bool {
        <[u8; 2]>::try_from(code.as_bytes()).is_ok_and(|c| self.state_codes.contains(&c))
    }

    /// [`Lexicon::is_state_code`] of `code` in ASCII upper case.
    pub(crate) fn is_state_code_upper(&self, code: &str) -> bool {
        <[u8; 2]>::try_from(code.as_bytes()).is_ok_and(|c| {
            self.state_codes
                .contains(&c.map(|b| b.to_ascii_uppercase()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_entries_pack_without_loss() {
        let w = WordInfo {
            first: Some((13190.0, Gender::Female)),
            last: Some(25.0),
            common: true,
            eponym: false,
            starts_phrase: true,
            phrase: false,
            phrase_lengths: 0b1010,
        };
        assert_eq!(WordInfo::unpack(w.pack()), w);
        assert_eq!(
            WordInfo::unpack(WordInfo::default().pack()),
            WordInfo::default()
        );
    }

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
