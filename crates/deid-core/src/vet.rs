//! A second look at what the model finds with no rule beside it: the span must
//! look like its category on its own. The model's confidence alone lets
//! through form labels ("MR#", "D.O.B."), everyday words ("registration",
//! "truck") and bare numbers ("6-12 months"); a name needs a word that is no
//! everyday word (or a capitalized listed name), a state must be one, a date
//! needs a month or two numbers, and so on. Categories without a check here
//! pass.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use crate::lexicon::{Lexicon, lexicon};
use crate::surrogate::norm;
use crate::{Category, Span};

/// Whether `span` of `text`, found by the model alone as `category`, can
/// stand as one.
pub fn stands_alone(category: Category, text: &str, span: Span) -> bool {
    use Category as C;
    let value = span.of(text);
    let lex = lexicon();
    let phrase = norm(value);
    let mut words = words(value);
    let digits = value.chars().filter(char::is_ascii_digit).count();
    match category {
        C::Patient | C::Doctor => words.any(|w| name_word(w, lex)),
        C::State if value.len() == 2 => {
            // A code needs its address: "Boise, ID 83799", not "Medicare ID".
            lex.is_state_code(value)
                && (text[..span.start()].trim_end().ends_with(',')
                    || crate::rules::zip_starts(text[span.end()..].trim_start()))
        }
        C::State => lex.place(&phrase).is_some_and(|p| p.state.is_some()),
        C::City | C::CountryOrRegion | C::LocationOther => {
            lex.place(&phrase).is_some() && starts_upper(value) || words.any(|w| rare(w, lex))
        }
        C::Hospital | C::Organization => {
            words.any(|w| rare(w, lex)) || crate::rules::institution_head(&phrase)
        }
        C::Profession => {
            lex.is_profession(&phrase) || phrase.contains(' ') && profession_head(&phrase)
        }
        // A number with a street name, a house or suite number of two digits
        // or more, or a name of its own (a lone "6" is no street).
        C::Street => {
            let mut named = false;
            let mut rare_word = false;
            for w in words {
                named |= w.chars().nth(1).is_some();
                rare_word |= rare(w, lex);
            }
            let unit = text[..span.start()]
                .trim_end()
                .rsplit([' ', '\n', '\t'])
                .next()
                .is_some_and(|w| {
                    let w = w.trim_end_matches(['.', ':']).to_lowercase();
                    matches!(
                        w.as_str(),
                        "suite" | "ste" | "apt" | "unit" | "box" | "#" | "no"
                    )
                });
            digits > 0 && (named || digits >= 2 || unit) || rare_word
        }
        C::Date => date_like(value),
        C::Phone | C::Fax => digits >= 7,
        C::IPAddress => value.matches(['.', ':']).count() >= 2,
        C::Email => value.contains('@'),
        C::Url => value.contains(['.', '/', ':']),
        C::Username => {
            value.contains(|c: char| c.is_ascii_digit() || matches!(c, '_' | '.'))
                || words.any(|w| rare(w, lex))
        }
        _ => true,
    }
}

/// `span` without trailing lower-case words when the name before them is
/// capitalized: "Silver Lake Clinic" of "Silver Lake Clinic urgent care".
/// Institution heads stay ("Sacred Heart hospital").
pub fn trim_tail(category: Category, text: &str, span: Span) -> Span {
    if !category.is_free_text() || category == Category::Profession {
        return span;
    }
    let value = span.of(text);
    let capitalized = value.split_whitespace().any(starts_upper);
    let mut end = value.len();
    while let Some(cut) = value[..end].trim_end().rfind(' ') {
        let last = value[cut + 1..end].trim_end();
        let lower = last.chars().all(|c| c.is_lowercase() || !c.is_alphabetic());
        let kept = crate::rules::institution_head(&format!("x {last}"));
        // In lower-case text only a tail after an institution head goes
        // ("northgate medical center" of "... center urgent care").
        let before = value[..cut].trim_end();
        let after_head = crate::rules::institution_head(&norm(before));
        if !lower || kept || !last.chars().any(char::is_alphabetic) || !(capitalized || after_head)
        {
            break;
        }
        end = before.len();
    }
    Span::new(span.start(), span.start() + end)
}

fn starts_upper(value: &str) -> bool {
    value.starts_with(char::is_uppercase)
}

/// Whether the last word of a lower-case phrase ends some listed profession
/// ("bus driver" for "driver"; not "microprocessor").
fn profession_head(phrase: &str) -> bool {
    static HEADS: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    let heads = HEADS.get_or_init(|| {
        crate::lexicon::raw::PROFESSIONS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_whitespace().next_back())
            .collect()
    });
    phrase.rsplit(' ').next().is_some_and(|w| heads.contains(w))
}

/// Runs of letters, apostrophes inside a word included.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
        .map(|w| w.trim_matches(['\'', '’']))
        .filter(|w| !w.is_empty())
}

/// Two letters or more and in no everyday vocabulary.
fn rare(word: &str, lex: &Lexicon) -> bool {
    word.chars().nth(1).is_some() && !lex.is_common(&word.to_lowercase())
}

/// A word a name can rest on: capitalized (or in capitals, three letters or
/// more) and rare or a listed name ("May", "Rose"); in lower case, a listed
/// first name that is no everyday word. Never an eponym.
fn name_word(word: &str, lex: &Lexicon) -> bool {
    let lower = word.to_lowercase();
    let n = word.chars().count();
    if n < 2 || lex.is_eponym(&lower) {
        return false;
    }
    let info = lex.word(&lower);
    let listed = info.first.is_some() || info.last.is_some();
    let mut chars = word.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    let shouted = !word.chars().any(char::is_lowercase);
    if first_upper && !shouted || shouted && n >= 3 {
        !lex.is_common(&lower) || listed && !shouted
    } else {
        info.first.is_some() && !lex.is_common(&lower)
    }
}

/// A month or weekday word, or two numbers of three digits or more together
/// ("6/10" yes; "12", "/5", "5/5" and a bare year no).
fn date_like(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "spring",
        "summer", "fall", "autumn", "winter",
    ];
    let named = words(text).any(|w| {
        let l = w.to_lowercase();
        WORDS.contains(&l.as_str())
            || l.len() > 3 && WORDS.iter().any(|m| m.len() == 3 && l.starts_with(m))
    });
    if named {
        return true;
    }
    let groups: Vec<&str> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    let inner = text.starts_with(char::is_alphanumeric) && text.ends_with(char::is_alphanumeric);
    let digits: usize = groups.iter().map(|g| g.len()).sum();
    inner && groups.len() >= 2 && digits >= 3
}

#[cfg(test)]
mod tests {
    use super::*;
    use Category as C;

    /// `value` standing alone in a sentence of its own.
    fn alone(c: Category, value: &str) -> bool {
        let text = format!("Seen: {value}; ok");
        stands_alone(c, &text, Span::new(6, 6 + value.len()))
    }

    #[test]
    fn capitalized_names_lose_a_lower_case_tail() {
        let t = "I went to Silver Lake Clinic urgent care on Monday";
        let s = Span::new(10, 39);
        assert_eq!(trim_tail(C::Hospital, t, s).of(t), "Silver Lake Clinic");
        let t = "at Sacred Heart hospital today";
        let s = Span::new(3, 24);
        assert_eq!(trim_tail(C::Hospital, t, s).of(t), "Sacred Heart hospital");
        let t = "at westbrook urgent care today";
        let s = Span::new(3, 24);
        assert_eq!(trim_tail(C::Hospital, t, s).of(t), "westbrook urgent care");
        let t = "went to northgate medical center urgent care";
        let s = Span::new(8, 39);
        assert_eq!(
            trim_tail(C::Hospital, t, s).of(t),
            "northgate medical center"
        );
    }

    #[test]
    fn a_state_code_needs_its_address() {
        let t = "Boise, ID 83799. Medicare ID WFB883808026";
        let at = |from: usize| Span::new(from, from + 2);
        assert!(stands_alone(C::State, t, at(7)));
        assert!(!stands_alone(C::State, t, at(26)));
    }

    #[test]
    fn form_labels_and_everyday_words_do_not_stand_alone() {
        for (c, t) in [
            (C::Patient, "MR"),
            (C::Patient, "D.O.B."),
            (C::Patient, "I"),
            (C::Doctor, "D"),
            (C::Doctor, "Authenticated"),
            (C::State, "MR"),
            (C::State, "co"),
            (C::Organization, "Social Security"),
            (C::Hospital, "registration"),
            (C::Profession, "truck"),
            (C::Street, "O"),
            (C::Street, "6"),
            (C::Date, "12"),
            (C::Date, "/5"),
            (C::Date, "5/5"),
            (C::Username, "user"),
            (C::Url, "MRN"),
            (C::Email, "USER"),
            (C::City, "rock"),
            (C::Profession, "microprocessor"),
            (C::Profession, "assistant"),
            (C::Phone, "501"),
            (C::IPAddress, "182"),
            (C::Date, "2001"),
        ] {
            assert!(!alone(c, t), "{c:?} {t:?}");
        }
    }

    #[test]
    fn names_places_and_dates_stand_alone() {
        for (c, t) in [
            (C::Patient, "Babajide"),
            (C::Patient, "May"),
            (C::Doctor, "Dr. Okafor"),
            (C::State, "Idaho"),
            (C::Patient, "martha"),
            (C::Patient, "OKAFOR"),
            (C::Profession, "bus driver"),
            (C::Phone, "555-0134"),
            (C::City, "Spokane"),
            (C::Hospital, "Sacred Heart Hospital"),
            (C::Organization, "Northwind Traders"),
            (C::Profession, "plumber"),
            (C::Street, "12 Oak Court"),
            (C::Street, "149"),
            (C::Date, "Jan 5"),
            (C::Date, "6/10"),
            (C::Email, "a@b.org"),
            (C::Username, "huangs"),
            (C::Age, "45"),
        ] {
            assert!(alone(c, t), "{c:?} {t:?}");
        }
    }
}
