//! People's names, replaced word by word so every form of one name maps to
//! parts of one surrogate: "John Smith", "Smith, John", "Mr. Smith",
//! "JOHN SMITH" and a later "John" all use the same two replacement words.
//! Titles, credentials and particles stay; initials stay initials.

use super::Surrogator;

/// Name words already replaced in the current document (a cache only: the
/// replacement is a function of the key and the word).
pub(crate) type Memo = rustc_hash::FxHashMap<String, &'static str>;
use super::case::Case;
use crate::lexicon::{Gender, lexicon};

const TITLES: &[&str] = &[
    "dr",
    "doctor",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "prof",
    "professor",
    "rev",
    "fr",
    "sr",
    "sister",
    "nurse",
];
const CREDENTIALS: &[&str] = &[
    "md", "do", "rn", "np", "pa", "phd", "dds", "dmd", "dpm", "od", "pharmd", "lpn", "cna", "crna",
    "msw", "lcsw", "dnp", "aprn", "fnp", "facc", "facp", "facs", "mph", "mba", "bsn", "msn", "jr",
    "sr", "ii", "iii", "iv", "esq", "rph", "pt", "dpt", "ot", "slp", "ccc",
];
const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "da", "di", "del", "della", "la", "le", "bin", "ibn", "al",
    "el", "du", "dos", "das", "y",
];

/// `original` (a whole name span, title included) with each name word replaced.
pub(crate) fn person(s: &Surrogator, original: &str, memo: &mut Memo) -> String {
    let mut out = String::with_capacity(original.len() + 8);
    let mut at = 0;
    let mut prev_pa = false;
    let mut lower = String::with_capacity(16);
    for (index, (start, end)) in atoms(original).enumerate() {
        out.push_str(&original[at..start]);
        at = end;
        let atom = &original[start..end];
        let (base, poss) = split_possessive(atom);
        lower.clear();
        lower.extend(base.chars().flat_map(char::to_lowercase));
        let case = Case::of(base);
        let keep = index == 0 && lower.len() <= 9 && TITLES.contains(&lower.as_str())
            || index > 0
                && case != Case::Lower
                && (lower.len() <= 6 && CREDENTIALS.contains(&lower.as_str())
                    || prev_pa && lower == "c")
            || case == Case::Lower && lower.len() <= 5 && PARTICLES.contains(&lower.as_str());
        prev_pa = lower == "pa";
        if keep {
            out.push_str(atom);
            continue;
        }
        if base.chars().nth(1).is_none() {
            out.push_str(&initial(s, base));
        } else {
            let new = match memo.get(lower.as_str()) {
                Some(w) => *w,
                None => {
                    let w = word(s, &lower);
                    memo.insert(lower.clone(), w);
                    w
                }
            };
            case.push(new, &mut out);
        }
        out.push_str(poss);
    }
    out.push_str(&original[at..]);
    out
}

/// Runs of letters, apostrophes inside a word included ("O'Neill").
fn atoms(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut it = s.char_indices().peekable();
    std::iter::from_fn(move || {
        let mut start = None;
        while let Some((i, c)) = it.next() {
            let inner_apostrophe = (c == '\'' || c == '’')
                && start.is_some()
                && it.peek().is_some_and(|(_, n)| n.is_alphabetic());
            if c.is_alphabetic() || inner_apostrophe {
                start.get_or_insert(i);
            } else if let Some(st) = start {
                return Some((st, i));
            }
        }
        start.map(|st| (st, s.len()))
    })
}

fn split_possessive(atom: &str) -> (&str, &str) {
    for suffix in ["'s", "’s", "'S"] {
        if let Some(base) = atom.strip_suffix(suffix) {
            if base.chars().count() > 1 {
                return (base, &atom[base.len()..]);
            }
        }
    }
    (atom, "")
}

/// A different initial, the same for every use of the same letter.
fn initial(s: &Surrogator, letter: &str) -> String {
    let lower = letter.to_lowercase();
    let mut d = s.key.draw("initial", &lower);
    loop {
        let c = d.upper();
        if c.to_ascii_lowercase().to_string() != lower {
            return Case::of(letter).apply(&c.to_string());
        }
    }
}

/// The replacement of one name word, from the pool of its kind: a first name
/// of the same usual gender, or a surname.
pub(crate) fn word(s: &Surrogator, lower: &str) -> &'static str {
    let info = lexicon().word(lower);
    let pools = s.pools;
    let pool = match (info.first, info.last) {
        (Some((f, g)), last) if last.is_none_or(|l| f >= l) => match g {
            Gender::Female => &pools.female,
            Gender::Unknown if s.key.fingerprint("gender", lower) & 1 == 0 => &pools.female,
            Gender::Male | Gender::Unknown => &pools.male,
        },
        _ => &pools.surnames,
    };
    s.choose("name", lower, pool)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atoms_split_names() {
        let s = "Dr. O'Neill-Brown, J.";
        let words: Vec<&str> = atoms(s).map(|(a, b)| &s[a..b]).collect();
        assert_eq!(words, ["Dr", "O'Neill", "Brown", "J"]);
    }
}
