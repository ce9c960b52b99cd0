//! What each PHI slot becomes: a few pieces of text, some of them gold values.

mod addresses;
mod people;

use deid_core::Category;
use rand::Rng;
use rand::seq::IndexedRandom;

use crate::pools::orgs::{AGENCIES, EMPLOYERS, HOSPITALS, PHARMACIES, SCHOOLS};
use crate::pools::places::{COUNTRIES, OTHER_LOCATIONS};
use crate::slot::Slot;
use crate::values::people::Person;
use crate::values::{contact, ids, places};
use crate::writer::Writer;

/// Rendered text; `Some(category)` marks a gold value.
pub(crate) type Piece = (String, Option<Category>);

pub(super) fn text(s: impl Into<String>) -> Piece {
    (s.into(), None)
}

pub(super) fn value(c: Category, s: impl Into<String>) -> Piece {
    (s.into(), Some(c))
}

impl Writer<'_> {
    pub(super) fn pick<T: Copy>(&mut self, pool: &[T]) -> T {
        *pool.choose(self.rng).expect("pools are never empty")
    }

    /// The pieces for a PHI slot.
    pub(crate) fn phi(&mut self, slot: Slot) -> Vec<Piece> {
        use Category as C;
        let cast = self.cast;
        let visit = cast.visit;
        let near = |w: &mut Self| visit.plus(w.rng.random_range(-400..60));
        let one = |c: Category, s: String| vec![value(c, s)];
        match slot {
            Slot::Pt => one(C::Patient, cast.patient.as_patient(self.rng)),
            Slot::PtFull => one(C::Patient, cast.patient.full(self.rng)),
            Slot::PtFirst => one(C::Patient, cast.patient.first_or_nick(self.rng)),
            Slot::PtHdr => one(C::Patient, cast.patient.as_header(self.rng)),
            Slot::PtSign => {
                let p = &cast.patient;
                let s = match self.rng.random_range(0..4) {
                    0 => format!("{}.", p.first.chars().next().unwrap_or('X')),
                    1 => p.full(self.rng),
                    _ => p.first_or_nick(self.rng),
                };
                one(C::Patient, s)
            }
            Slot::Rel | Slot::MyRel => {
                let (relation, p) = self.relative();
                let owner = if slot == Slot::MyRel {
                    "my"
                } else {
                    self.his()
                };
                let name = self.relative_name(&p);
                vec![
                    text(format!("{owner} {relation} ")),
                    value(C::Patient, name),
                ]
            }
            Slot::Ec => {
                let (relation, p) = self.relative();
                vec![
                    value(C::Patient, p.full(self.rng)),
                    text(format!(" ({relation})")),
                ]
            }
            Slot::Person => one(C::Patient, Person::random(self.rng).full(self.rng)),
            Slot::Dr
            | Slot::Dr2
            | Slot::Pcp
            | Slot::Nurse
            | Slot::DrSig
            | Slot::Cc
            | Slot::Dear
            | Slot::HiDr => self.clinician(slot),
            Slot::Date => {
                let d = near(self);
                one(C::Date, d.format_any(self.rng))
            }
            Slot::OnDate => {
                let d = near(self);
                if self.rng.random_bool(0.15) {
                    vec![text("in "), value(C::Date, d.format_month(self.rng))]
                } else {
                    vec![text("on "), value(C::Date, d.format_on(self.rng))]
                }
            }
            Slot::InYear => {
                let year = self.rng.random_range(cast.dob.year + 5..=visit.year);
                vec![text("in "), value(C::Date, year.to_string())]
            }
            Slot::InMonth => {
                let d = near(self);
                vec![text("in "), value(C::Date, d.format_month(self.rng))]
            }
            Slot::Dob => one(C::Date, cast.dob.format_full(self.rng)),
            Slot::AAge => self.a_age(),
            Slot::Age if cast.age >= 90 && self.rng.random_bool(0.4) => one(C::Age, "90+".into()),
            Slot::Age => one(C::Age, cast.age.to_string()),
            Slot::AgeAt => one(C::Age, self.rng.random_range(2..=cast.age).to_string()),
            Slot::AgeOther => one(C::Age, self.rng.random_range(30..99u32).to_string()),
            Slot::AgeMo => one(C::Age, self.rng.random_range(2..12u32).to_string()),
            Slot::Phone if self.rng.random_bool(0.08) => {
                one(C::Phone, contact::phone_abroad(self.rng))
            }
            Slot::Phone => one(C::Phone, contact::phone(self.rng, true)),
            Slot::PtPhone => one(C::Phone, cast.phone.clone()),
            Slot::Fax => one(C::Fax, contact::phone(self.rng, false)),
            Slot::Pager => one(C::Phone, contact::pager(self.rng)),
            Slot::Email => {
                // The attending's work address half the time, anyone's otherwise.
                let other = Person::random(self.rng);
                let (p, domain) = if self.rng.random_bool(0.5) {
                    (&cast.attending.person, Some(cast.domain.as_str()))
                } else {
                    (
                        &other,
                        self.rng.random_bool(0.4).then_some(cast.domain.as_str()),
                    )
                };
                one(C::Email, contact::email(self.rng, p.first, p.last, domain))
            }
            Slot::PtEmail => one(C::Email, cast.email.clone()),
            Slot::Url => one(C::Url, contact::url(self.rng, &cast.domain)),
            Slot::Ip => one(C::IPAddress, contact::ip(self.rng)),
            Slot::User if self.rng.random_bool(0.6) => one(C::Username, cast.username.clone()),
            Slot::User => {
                let p = Person::random(self.rng);
                one(C::Username, contact::username(self.rng, p.first, p.last))
            }
            Slot::Ssn => one(C::SocialSecurity, cast.ssn.clone()),
            Slot::Mrn => one(C::MedicalRecord, cast.mrn.clone()),
            Slot::Hp => one(C::HealthPlan, cast.health_plan.clone()),
            Slot::Acct => one(C::Account, cast.account.clone()),
            Slot::Dl => one(C::License, ids::drivers_license(self.rng)),
            Slot::Dea => {
                let initial = cast.attending.person.last.chars().next().unwrap_or('9');
                one(C::License, ids::dea(self.rng, initial))
            }
            Slot::Npi => one(C::License, ids::npi(self.rng)),
            Slot::Lic => one(C::License, ids::medical_license(self.rng)),
            Slot::Vin => one(C::Vehicle, ids::vin(self.rng)),
            Slot::Plate => one(C::Vehicle, ids::plate(self.rng)),
            Slot::Device => one(C::Device, ids::device_serial(self.rng)),
            Slot::IdNum => one(C::IDNum, ids::id_number(self.rng)),
            Slot::BioId => one(C::BioID, ids::bio_id(self.rng)),
            Slot::Street if self.rng.random_bool(0.5) => {
                one(C::Street, cast.address.street.clone())
            }
            Slot::Street => one(C::Street, places::street(self.rng)),
            Slot::City => {
                let city = self.city();
                one(C::City, city.to_string())
            }
            Slot::State => one(
                C::State,
                places::state_name(self.rng, self.city.state).to_string(),
            ),
            Slot::Zip => one(C::Zip, places::zip(self.rng, self.city)),
            Slot::Addr => self.address(", "),
            Slot::AddrBlock => self.address("\n"),
            Slot::Hospital if self.rng.random_bool(0.7) => one(C::Hospital, cast.hospital.into()),
            Slot::Hospital => one(C::Hospital, self.pick(HOSPITALS).into()),
            Slot::Org if self.rng.random_bool(0.5) => one(C::Organization, cast.employer.into()),
            Slot::Org => one(C::Organization, self.pick(EMPLOYERS).into()),
            Slot::School => one(C::Organization, self.pick(SCHOOLS).into()),
            Slot::Pharmacy => one(C::Organization, self.pick(PHARMACIES).into()),
            Slot::Agency => {
                let a = self.pick(AGENCIES);
                match a.strip_prefix("the ") {
                    Some(rest) => vec![text("the "), value(C::Organization, rest)],
                    None => one(C::Organization, a.into()),
                }
            }
            Slot::Profession => one(C::Profession, cast.profession.into()),
            Slot::Country => one(C::CountryOrRegion, self.pick(COUNTRIES).into()),
            Slot::Loc => one(C::LocationOther, self.pick(OTHER_LOCATIONS).into()),
            _ => unreachable!("plain slot {slot:?} has no PHI"),
        }
    }
}
