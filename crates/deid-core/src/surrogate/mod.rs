//! Surrogates: every PHI span replaced by a realistic fake of the same kind
//! and shape.
//!
//! Each replacement is a pure function of a secret [`SurrogateKey`], the
//! category and the normalized original, so the same value gets the same fake
//! in every document of a run, on any machine, with no table shared between
//! documents. Dates move by one shift per run (or per patient), so intervals
//! between events survive exactly.

mod ages;
mod case;
mod dates;
mod key;
mod names;
mod places;
mod pools;
mod shape;

use rustc_hash::FxHashSet;
use serde::Deserialize;

use crate::{Category, Finding, Span};
pub use key::SurrogateKey;
use pools::{City, Pools};

/// What happens to ages of 89 and under.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AgeMode {
    /// Kept as written (they are not identifying under Safe Harbor).
    #[default]
    Keep,
    /// Moved by one to three years, consistently per value.
    Shift,
}

/// How surrogates are made, beyond the key.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SurrogateOptions {
    pub ages: AgeMode,
    /// Ages over 89 become "90+" (Safe Harbor) instead of another age over 89.
    pub cap_over_89: bool,
}

/// Makes surrogates for one run (a batch). Cheap to share between threads.
pub struct Surrogator {
    key: SurrogateKey,
    options: SurrogateOptions,
    /// Keyed fingerprints of the run's original values, which no surrogate may
    /// reproduce.
    originals: FxHashSet<u64>,
    pools: &'static Pools,
}

impl std::fmt::Debug for Surrogator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Surrogator")
            .field("options", &self.options)
            .field("originals", &self.originals.len())
            .finish_non_exhaustive()
    }
}

/// Keyed fingerprints of original values (never the values themselves).
#[derive(Clone, Default)]
pub struct Originals(FxHashSet<u64>);

impl Originals {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn merge(&mut self, other: Originals) {
        self.0.extend(other.0);
    }
}

impl std::fmt::Debug for Originals {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Originals({} fingerprints)", self.0.len())
    }
}

/// One replaced span: where it was in the original and what replaced it
/// (a fake, safe to show).
#[derive(Clone, Debug, PartialEq)]
pub struct Replacement {
    pub span: Span,
    pub category: Category,
    pub surrogate: String,
}

/// The output text and every replacement made in it.
#[derive(Clone, PartialEq)]
pub struct Surrogated {
    pub text: String,
    pub replacements: Vec<Replacement>,
}

/// Lengths and counts only: the text keeps whatever detection missed.
impl std::fmt::Debug for Surrogated {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Surrogated")
            .field("text_len", &self.text.len())
            .field("replacements", &self.replacements.len())
            .finish()
    }
}

/// Date shifts are at least this many days, either way.
const MIN_SHIFT: i64 = 30;
/// Below a year, so a date written without its year still changes.
const MAX_SHIFT: i64 = 364;

impl Surrogator {
    pub fn new(key: SurrogateKey, options: SurrogateOptions) -> Self {
        Surrogator {
            key,
            options,
            originals: FxHashSet::default(),
            pools: Pools::get(),
        }
    }

    /// The keyed fingerprints of a document's original values. Collect them
    /// for every document of a run and pass them to
    /// [`add_originals`](Self::add_originals) before surrogating any document,
    /// so that no surrogate reproduces an original of the run.
    pub fn originals_of(&self, text: &str, findings: &[Finding]) -> Originals {
        let mut set = FxHashSet::default();
        for f in findings {
            let original = f.span.of(text);
            let c = f.category;
            if is_wordy(c) {
                // Every word of a name or place, so that no pool word drawn for
                // any category brings one back.
                for w in words(original) {
                    set.insert(self.key.fingerprint(WORD, w));
                }
            }
            if !matches!(c, Category::Patient | Category::Doctor) {
                let form = match c {
                    Category::Zip | Category::Phone | Category::Fax | Category::SocialSecurity => {
                        &key_form(c, original)
                    }
                    _ => original,
                };
                set.insert(self.key.fingerprint(domain(c), form));
            }
        }
        Originals(set)
    }

    /// Adds a document's originals to the run's.
    pub fn add_originals(&mut self, originals: Originals) {
        self.originals.extend(originals.0);
    }

    /// How many distinct original values the run has recorded.
    pub fn originals(&self) -> usize {
        self.originals.len()
    }

    /// The date shift in days for the run (`patient` = `None`) or for one
    /// patient: between 30 and 364 days, earlier or later.
    pub fn date_shift(&self, patient: Option<&str>) -> i64 {
        let mut d = self.key.draw("date-shift", patient.unwrap_or(""));
        let days = d.range(MIN_SHIFT, MAX_SHIFT);
        if d.below(2) == 0 { -days } else { days }
    }

    /// `text` with every finding replaced by its surrogate. `findings` must be
    /// sorted and non-overlapping, as [`Engine::analyze`](crate::Engine::analyze)
    /// returns them.
    pub fn surrogate(&self, text: &str, findings: &[Finding], patient: Option<&str>) -> Surrogated {
        let shift = self.date_shift(patient);
        let mut out = String::with_capacity(text.len() + text.len() / 8);
        let mut replacements = Vec::with_capacity(findings.len());
        let mut at = 0;
        let mut group = Group::default();
        let mut memo = names::Memo::default();
        for f in findings {
            let (start, end) = (f.span.start(), f.span.end());
            if start < at {
                continue;
            }
            let original = &text[start..end];
            if !group.continues(&text[group.end.min(start)..start]) {
                group = Group::default();
            }
            let new = self.replace(original, f.category, shift, &mut group, &mut memo);
            group.end = end;
            out.push_str(&text[at..start]);
            out.push_str(&new);
            replacements.push(Replacement {
                span: f.span,
                category: f.category,
                surrogate: new,
            });
            at = end;
        }
        out.push_str(&text[at..]);
        Surrogated {
            text: out,
            replacements,
        }
    }

    fn replace(
        &self,
        original: &str,
        category: Category,
        shift: i64,
        group: &mut Group,
        memo: &mut names::Memo,
    ) -> String {
        use Category as C;
        let norm = || norm(original);
        match category {
            C::Patient | C::Doctor => names::person(self, original, memo),
            C::Date => dates::shift(original, shift)
                .unwrap_or_else(|| self.redraw(C::Date, original, &norm(), shape::reshape)),
            C::Age => ages::age(self, original),
            C::Phone | C::Fax => {
                let digits: String = original.chars().filter(char::is_ascii_digit).collect();
                self.redraw(category, original, &digits, shape::phone)
            }
            C::SocialSecurity => {
                let digits: String = original.chars().filter(char::is_ascii_digit).collect();
                self.redraw(category, original, &digits, shape::ssn)
            }
            C::Vehicle if shape::alnum(original).len() == 17 => {
                self.redraw(category, original, &shape::alnum(original), shape::vin)
            }
            C::Account if shape::luhn_card(original) => {
                self.redraw(category, original, &shape::alnum(original), shape::luhn)
            }
            C::License if shape::is_npi(original) => {
                self.redraw(category, original, &shape::alnum(original), shape::npi)
            }
            C::License if shape::is_dea(original) => {
                self.redraw(category, original, &shape::alnum(original), shape::dea)
            }
            C::Email => self.redraw(category, original, &norm(), |o, d| {
                shape::email(o, d, self.pools)
            }),
            C::Url => self.redraw(category, original, &norm(), |o, d| {
                shape::url(o, d, self.pools)
            }),
            C::IPAddress => self.redraw(category, original, &norm(), shape::ip),
            C::Username => self.redraw(category, original, &norm(), |o, d| {
                shape::handle(o, d, self.pools)
            }),
            C::Street => places::street(self, original),
            C::City => {
                let city = places::city(self, original);
                group.city = Some(city);
                group.state = Some(city.state);
                places::city_text(original, city)
            }
            C::State => {
                let code = match group.state {
                    // The new city's state, unless that is the original one.
                    Some(code)
                        if group.city.is_some()
                            && !same_norm(&places::state_text(self, original, code), &norm()) =>
                    {
                        code
                    }
                    _ => places::state_code(self, original),
                };
                group.state = Some(code);
                places::state_text(self, original, code)
            }
            C::Zip => places::zip(self, original, group.city, group.state),
            C::CountryOrRegion => places::country(self, original),
            C::Profession => places::profession(self, original),
            C::Hospital | C::Organization | C::LocationOther => {
                places::institution(self, original, category)
            }
            C::MedicalRecord
            | C::IDNum
            | C::HealthPlan
            | C::Device
            | C::BioID
            | C::Account
            | C::License
            | C::Vehicle => {
                self.redraw(category, original, &shape::alnum(original), shape::reshape)
            }
        }
    }

    /// `make` drawn again until the result differs from the original and is
    /// no original of the run.
    fn redraw(
        &self,
        category: Category,
        original: &str,
        norm: &str,
        make: impl Fn(&str, &mut key::Draw) -> String,
    ) -> String {
        let domain = domain(category);
        let mut last = String::new();
        for attempt in 0..16 {
            let new = make(original, &mut self.key.draw_n(domain, norm, attempt));
            let n = key_form(category, &new);
            if n != key_form(category, original) && !self.is_original(domain, &n) {
                return new;
            }
            last = new;
        }
        last
    }

    /// Draws from `pool` until the candidate is neither `norm` nor an
    /// original of the run in `domain`.
    pub(crate) fn choose(&self, domain: &str, norm: &str, pool: &[&'static str]) -> &'static str {
        let mut pick = pool[0];
        for attempt in 0..32 {
            pick = pool[self.key.draw_n(domain, norm, attempt).below(pool.len())];
            if !same_norm(pick, norm) && !self.is_taken(domain, pick) {
                break;
            }
        }
        pick
    }

    /// Whether a drawn name or place, or any of its words, is an original of
    /// the run.
    pub(crate) fn is_taken(&self, domain: &str, value: &str) -> bool {
        if self.originals.is_empty() {
            return false;
        }
        // A single word is covered by the word check alone.
        let single = value.chars().all(char::is_alphabetic);
        !single && self.is_original(domain, value)
            || words(value).any(|w| self.is_original(WORD, w))
    }

    /// Whether `value` (normalized on the fly) is an original of the run.
    pub(crate) fn is_original(&self, domain: &str, value: &str) -> bool {
        !self.originals.is_empty()
            && self
                .originals
                .contains(&self.key.fingerprint(domain, value))
    }
}

/// The form two values of `category` are compared in: digits for phone
/// numbers, SSNs and ZIP codes, else [`norm`].
fn key_form(category: Category, s: &str) -> String {
    match category {
        Category::Zip => s.chars().filter(char::is_ascii_digit).take(5).collect(),
        Category::Phone | Category::Fax | Category::SocialSecurity => {
            s.chars().filter(char::is_ascii_digit).collect()
        }
        _ => norm(s),
    }
}

/// Lower case, single spaces, trimmed.
pub(crate) fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    out
}

/// The words of a name or place, of two letters or more, without a
/// possessive "'s".
fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
        .map(|w| {
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w)
                .trim_matches(['\'', '’'])
        })
        .filter(|w| w.chars().nth(1).is_some())
}

/// The fingerprint domain of the words of names and places.
const WORD: &str = "word";

/// Categories whose values are words (names and places) rather than codes.
fn is_wordy(c: Category) -> bool {
    use Category as C;
    matches!(
        c,
        C::Patient
            | C::Doctor
            | C::Street
            | C::City
            | C::State
            | C::CountryOrRegion
            | C::Hospital
            | C::Organization
            | C::LocationOther
            | C::Profession
    )
}

/// The fingerprint domain of a category: one per kind of value.
fn domain(category: Category) -> &'static str {
    match category {
        Category::Patient | Category::Doctor => "name",
        Category::City => "city",
        Category::State => "state",
        Category::Zip => "zip",
        Category::CountryOrRegion => "country",
        Category::Profession => "profession",
        c => c.name(),
    }
}

/// City, state and ZIP written together ("Baltimore, MD 21201") are replaced
/// together, so the surrogate city, state and ZIP agree.
#[derive(Default)]
struct Group {
    end: usize,
    city: Option<&'static City>,
    state: Option<&'static str>,
}

impl Group {
    fn continues(&self, gap: &str) -> bool {
        self.state.is_some() && gap.len() <= 4 && gap.chars().all(|c| c == ',' || c.is_whitespace())
    }
}

/// `a` equals the already normalized `norm` once normalized, compared without
/// allocating.
fn same_norm(a: &str, norm: &str) -> bool {
    let mut n = norm.chars();
    for (i, w) in a.split_whitespace().enumerate() {
        if i > 0 && n.next() != Some(' ') {
            return false;
        }
        for c in w.chars().flat_map(char::to_lowercase) {
            if n.next() != Some(c) {
                return false;
            }
        }
    }
    n.next().is_none()
}

#[cfg(test)]
mod tests;
