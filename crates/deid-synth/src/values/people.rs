//! People and the surface forms their names take in notes.

use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use crate::pools::names::{FEMALE, MALE, NICKNAMES, SURNAMES, UNISEX};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sex {
    Female,
    Male,
}

/// A named person of the document's cast.
#[derive(Clone, Debug)]
pub(crate) struct Person {
    pub(crate) first: &'static str,
    pub(crate) middle: Option<char>,
    pub(crate) last: &'static str,
    pub(crate) sex: Sex,
}

impl Person {
    pub(crate) fn random(rng: &mut ChaCha8Rng) -> Person {
        let sex = if rng.random_bool(0.5) {
            Sex::Female
        } else {
            Sex::Male
        };
        let last = SURNAMES.choose(rng).copied().unwrap_or("Smith");
        Person::with(rng, sex, last)
    }

    /// A person of the given sex and family name.
    pub(crate) fn with(rng: &mut ChaCha8Rng, sex: Sex, last: &'static str) -> Person {
        let pool = match (rng.random_bool(0.06), sex) {
            (true, _) => UNISEX,
            (false, Sex::Female) => FEMALE,
            (false, Sex::Male) => MALE,
        };
        let first = pool.choose(rng).copied().unwrap_or("Alex");
        let middle = rng
            .random_bool(0.3)
            .then(|| char::from(b'A' + rng.random_range(0..26u8)));
        Person {
            first,
            middle,
            last,
            sex,
        }
    }

    pub(crate) fn nickname(&self, rng: &mut ChaCha8Rng) -> Option<&'static str> {
        let options: Vec<_> = NICKNAMES.iter().filter(|(f, _)| *f == self.first).collect();
        options.choose(rng).map(|(_, n)| *n)
    }

    fn initial(&self) -> char {
        self.first.chars().next().unwrap_or('X')
    }

    fn title(&self, rng: &mut ChaCha8Rng) -> &'static str {
        match self.sex {
            Sex::Male => "Mr.",
            Sex::Female => ["Ms.", "Mrs.", "Ms.", "Miss"]
                .choose(rng)
                .copied()
                .unwrap_or("Ms."),
        }
    }

    pub(crate) fn full(&self, rng: &mut ChaCha8Rng) -> String {
        match self.middle {
            Some(m) if rng.random_bool(0.5) => format!("{} {m}. {}", self.first, self.last),
            _ => format!("{} {}", self.first, self.last),
        }
    }

    /// How running text refers to the patient or another lay person.
    pub(crate) fn as_patient(&self, rng: &mut ChaCha8Rng) -> String {
        match rng.random_range(0..20) {
            0..=5 => self.full(rng),
            12..=13 => self.first_or_nick(rng),
            14..=15 => format!("{}. {}", self.initial(), self.last),
            16 => format!("{} {} {}", self.title(rng), self.first, self.last),
            17 => format!("{} {}", self.first_or_nick(rng), self.last),
            _ => format!("{} {}", self.title(rng), self.last),
        }
    }

    pub(crate) fn first_or_nick(&self, rng: &mut ChaCha8Rng) -> String {
        match self.nickname(rng) {
            Some(n) if rng.random_bool(0.5) => n.to_string(),
            _ => self.first.to_string(),
        }
    }

    /// Header forms: "GARCIA, MARIA", "Garcia, Maria L.", "MARIA GARCIA".
    pub(crate) fn as_header(&self, rng: &mut ChaCha8Rng) -> String {
        let (first, last) = (self.first, self.last);
        match rng.random_range(0..6) {
            0 | 1 => format!("{}, {}", last.to_uppercase(), first.to_uppercase()),
            2 => match self.middle {
                Some(m) => format!("{last}, {first} {m}."),
                None => format!("{last}, {first}"),
            },
            3 => format!("{} {}", first.to_uppercase(), last.to_uppercase()),
            4 => format!("{last}, {first}"),
            _ => format!("{first} {last}"),
        }
    }

    /// A clinician in running text: the name part (the span) and trailing credentials.
    pub(crate) fn as_clinician(&self, rng: &mut ChaCha8Rng, cred: &str) -> (String, String) {
        let (first, last) = (self.first, self.last);
        let cred = format!(", {cred}");
        match rng.random_range(0..10) {
            0..=2 => (format!("Dr. {last}"), String::new()),
            3 => (format!("Dr. {first} {last}"), String::new()),
            4 => (format!("Dr {last}"), String::new()),
            5 => (format!("Doctor {last}"), String::new()),
            6 | 7 => (format!("{first} {last}"), cred),
            8 => (format!("{}. {last}", self.initial()), cred),
            _ => (format!("{first} {last}"), cred.replacen(',', "", 1)),
        }
    }

    /// A nurse, therapist or mid-level provider: never "Dr.".
    pub(crate) fn as_staff(&self, rng: &mut ChaCha8Rng, cred: &str) -> (String, String) {
        let (first, last) = (self.first, self.last);
        match rng.random_range(0..5) {
            0 | 1 => (format!("{first} {last}"), format!(", {cred}")),
            2 => (format!("{first} {last}"), format!(" {cred}")),
            3 => (format!("{}. {last}", self.initial()), format!(", {cred}")),
            _ => (first.to_string(), format!(", {cred}")),
        }
    }

    /// Signature block form: "Wei Chen, MD", "CHEN, WEI MD", "Dr. Wei Chen".
    pub(crate) fn as_signature(&self, rng: &mut ChaCha8Rng, cred: &str) -> (String, String) {
        let (first, last) = (self.first, self.last);
        match rng.random_range(0..6) {
            0 | 1 => (self.full(rng), format!(", {cred}")),
            2 => (format!("{first} {last}"), format!(" {cred}")),
            3 => (
                format!("{}, {}", last.to_uppercase(), first.to_uppercase()),
                format!(" {cred}"),
            ),
            4 => (format!("Dr. {first} {last}"), String::new()),
            _ => (format!("{}. {last}", self.initial()), format!(", {cred}")),
        }
    }

    /// A short cc form: "A. Patel", "Dr. Patel".
    pub(crate) fn as_cc(&self, rng: &mut ChaCha8Rng) -> String {
        match rng.random_range(0..3) {
            0 => format!("{}. {}", self.initial(), self.last),
            1 => format!("Dr. {}", self.last),
            _ => format!("{} {}", self.first, self.last),
        }
    }
}

pub(crate) const DOCTOR_CREDENTIALS: &[&str] = &["MD", "MD", "MD", "DO", "MBBS", "MD, PhD"];
pub(crate) const STAFF_CREDENTIALS: &[&str] =
    &["RN", "RN", "NP", "PA-C", "LPN", "BSN, RN", "LCSW", "PT"];
