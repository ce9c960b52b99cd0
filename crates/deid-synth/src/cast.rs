//! The people, places and identifiers one document keeps coming back to.

use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use crate::pools::orgs::{EMPLOYERS, HOSPITALS, PROFESSIONS};
use crate::values::contact;
use crate::values::date::Date;
use crate::values::ids;
use crate::values::people::{DOCTOR_CREDENTIALS, Person, STAFF_CREDENTIALS};
use crate::values::places::Address;

/// A clinician and the credentials written after their name.
pub(crate) struct Clinician {
    pub(crate) person: Person,
    pub(crate) cred: &'static str,
}

impl Clinician {
    fn doctor(rng: &mut ChaCha8Rng) -> Clinician {
        let cred = DOCTOR_CREDENTIALS.choose(rng).copied().unwrap_or("MD");
        Clinician {
            person: Person::random(rng),
            cred,
        }
    }

    fn staff(rng: &mut ChaCha8Rng) -> Clinician {
        let cred = STAFF_CREDENTIALS.choose(rng).copied().unwrap_or("RN");
        Clinician {
            person: Person::random(rng),
            cred,
        }
    }
}

/// Everything a document says about its patient, kept consistent across its sentences.
pub(crate) struct Cast {
    pub(crate) patient: Person,
    pub(crate) age: u32,
    pub(crate) dob: Date,
    /// The date the note is about; other dates fall around it.
    pub(crate) visit: Date,
    pub(crate) address: Address,
    pub(crate) phone: String,
    pub(crate) email: String,
    pub(crate) username: String,
    pub(crate) mrn: String,
    pub(crate) account: String,
    pub(crate) health_plan: String,
    pub(crate) ssn: String,
    pub(crate) hospital: &'static str,
    pub(crate) domain: String,
    pub(crate) employer: &'static str,
    pub(crate) profession: &'static str,
    pub(crate) attending: Clinician,
    pub(crate) consultant: Clinician,
    pub(crate) pcp: Clinician,
    pub(crate) nurse: Clinician,
}

impl Cast {
    pub(crate) fn random(rng: &mut ChaCha8Rng) -> Cast {
        let patient = Person::random(rng);
        let visit = Date::random(rng, 2012, 2024);
        let age = match rng.random_range(0..20) {
            0 => rng.random_range(90..104),
            1..=3 => rng.random_range(18..30),
            _ => rng.random_range(30..90),
        };
        let dob = visit.plus(-i64::from(age) * 365 - rng.random_range(1..360));
        let hospital = HOSPITALS.choose(rng).copied().unwrap_or(HOSPITALS[0]);
        let (first, last) = (patient.first, patient.last);
        Cast {
            age,
            dob,
            visit,
            address: Address::random(rng),
            phone: contact::phone(rng, false),
            email: contact::email(rng, first, last, None),
            username: contact::username(rng, first, last),
            mrn: ids::mrn(rng),
            account: ids::account(rng),
            health_plan: ids::health_plan(rng),
            ssn: ids::ssn(rng),
            hospital,
            domain: contact::domain_of(hospital),
            employer: EMPLOYERS.choose(rng).copied().unwrap_or(EMPLOYERS[0]),
            profession: PROFESSIONS.choose(rng).copied().unwrap_or(PROFESSIONS[0]),
            attending: Clinician::doctor(rng),
            consultant: Clinician::doctor(rng),
            pcp: Clinician::doctor(rng),
            nurse: Clinician::staff(rng),
            patient,
        }
    }
}
