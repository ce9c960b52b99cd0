//! People in slots: relatives, clinicians with credentials, ages with articles.

use deid_core::Category;
use rand::Rng;

use super::{Piece, text, value};
use crate::pools::names::SURNAMES;
use crate::slot::Slot;
use crate::values::people::{Person, Sex};
use crate::writer::Writer;

const RELATIONS: &[(&str, Option<Sex>)] = &[
    ("daughter", Some(Sex::Female)),
    ("son", Some(Sex::Male)),
    ("wife", Some(Sex::Female)),
    ("husband", Some(Sex::Male)),
    ("sister", Some(Sex::Female)),
    ("brother", Some(Sex::Male)),
    ("mother", Some(Sex::Female)),
    ("father", Some(Sex::Male)),
    ("niece", Some(Sex::Female)),
    ("nephew", Some(Sex::Male)),
    ("granddaughter", Some(Sex::Female)),
    ("grandson", Some(Sex::Male)),
    ("partner", None),
    ("friend", None),
    ("neighbor", None),
    ("son-in-law", Some(Sex::Male)),
    ("daughter-in-law", Some(Sex::Female)),
];

impl Writer<'_> {
    /// A relative or friend: the relation word and a person to name.
    pub(super) fn relative(&mut self) -> (&'static str, Person) {
        let (relation, sex) = self.pick(RELATIONS);
        let sex = sex.unwrap_or(if self.rng.random_bool(0.5) {
            Sex::Female
        } else {
            Sex::Male
        });
        let family = self.rng.random_bool(0.5) && relation != "friend" && relation != "neighbor";
        let last = if family {
            self.cast.patient.last
        } else {
            self.pick(SURNAMES)
        };
        (relation, Person::with(self.rng, sex, last))
    }

    pub(super) fn relative_name(&mut self, p: &Person) -> String {
        match self.rng.random_range(0..10) {
            0..=4 => p.first.to_string(),
            5..=8 => p.full(self.rng),
            _ => p.as_patient(self.rng),
        }
    }

    pub(super) fn clinician(&mut self, slot: Slot) -> Vec<Piece> {
        let rng = &mut *self.rng;
        let cast = self.cast;
        let (name, cred) = match slot {
            Slot::Dr => cast.attending.person.as_clinician(rng, cast.attending.cred),
            Slot::Dr2 => cast
                .consultant
                .person
                .as_clinician(rng, cast.consultant.cred),
            Slot::Pcp => cast.pcp.person.as_clinician(rng, cast.pcp.cred),
            Slot::Nurse => cast.nurse.person.as_staff(rng, cast.nurse.cred),
            Slot::DrSig => cast.attending.person.as_signature(rng, cast.attending.cred),
            Slot::Cc => {
                let who = if rng.random_bool(0.5) {
                    &cast.pcp
                } else {
                    &cast.consultant
                };
                (who.person.as_cc(rng), String::new())
            }
            Slot::Dear | Slot::HiDr => {
                let p = &cast.pcp.person;
                let name = match rng.random_range(0..4) {
                    0 => format!("Dr. {} {}", p.first, p.last),
                    1 if slot == Slot::HiDr => format!("Dr {}", p.last),
                    2 if slot == Slot::HiDr => p.first.to_string(),
                    _ => format!("Dr. {}", p.last),
                };
                (name, String::new())
            }
            _ => unreachable!("not a clinician slot"),
        };
        let mut out = vec![value(Category::Doctor, name)];
        if !cred.is_empty() {
            out.push(text(cred));
        }
        out
    }

    pub(super) fn a_age(&mut self) -> Vec<Piece> {
        let n = self.cast.age;
        let article = if n == 8 || n == 11 || n == 18 || (80..90).contains(&n) {
            "an "
        } else {
            "a "
        };
        let unit = self.pick(&[
            "-year-old",
            "-year-old",
            " yo",
            " y/o",
            " year old",
            "-yr-old",
            " YO",
        ]);
        vec![
            text(article),
            value(Category::Age, n.to_string()),
            text(unit),
        ]
    }
}
