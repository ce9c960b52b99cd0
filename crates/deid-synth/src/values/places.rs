//! Street addresses, ZIP codes and states.

use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::ids::digits;
use crate::pools::places::{
    CITIES, City, STATES, STREET_DIRECTIONS, STREET_NAMES, STREET_SUFFIXES, UNITS,
};

/// Where someone lives: one street line and a city.
#[derive(Clone, Debug)]
pub(crate) struct Address {
    pub(crate) street: String,
    pub(crate) city: &'static City,
    pub(crate) zip: String,
}

impl Address {
    pub(crate) fn random(rng: &mut ChaCha8Rng) -> Address {
        let city = CITIES.choose(rng).unwrap_or(&CITIES[0]);
        Address {
            street: street(rng),
            city,
            zip: zip(rng, city),
        }
    }
}

pub(crate) fn street(rng: &mut ChaCha8Rng) -> String {
    if rng.random_bool(0.06) {
        return format!("P.O. Box {}", rng.random_range(10..9999));
    }
    let number = match rng.random_range(0..4) {
        0 => rng.random_range(1..100),
        1 | 2 => rng.random_range(100..2000),
        _ => rng.random_range(2000..20000),
    };
    let name = STREET_NAMES.choose(rng).copied().unwrap_or("Main");
    let suffix = STREET_SUFFIXES.choose(rng).copied().unwrap_or("Street");
    let s = if rng.random_bool(0.12) {
        let dir = STREET_DIRECTIONS.choose(rng).copied().unwrap_or("N.");
        format!("{number} {dir} {name} {suffix}")
    } else {
        format!("{number} {name} {suffix}")
    };
    if rng.random_bool(0.25) {
        let unit = UNITS.choose(rng).copied().unwrap_or("Apt");
        let id = match rng.random_range(0..3) {
            0 => format!("{}", rng.random_range(1..40)),
            1 => format!(
                "{}{}",
                rng.random_range(1..12),
                char::from(b'A' + rng.random_range(0..6u8))
            ),
            _ => format!("{}", rng.random_range(100..999)),
        };
        return if unit == "#" {
            format!("{s} #{id}")
        } else {
            format!("{s}, {unit} {id}")
        };
    }
    s
}

pub(crate) fn zip(rng: &mut ChaCha8Rng, city: &City) -> String {
    let base = format!("{}{}", city.zip3, digits(rng, 2));
    if rng.random_bool(0.1) {
        format!("{base}-{}", digits(rng, 4))
    } else {
        base
    }
}

/// The state as written: mostly the postal abbreviation, sometimes the full name.
pub(crate) fn state_name(rng: &mut ChaCha8Rng, abbr: &'static str) -> &'static str {
    if rng.random_bool(0.2) {
        STATES
            .iter()
            .find(|(a, _)| *a == abbr)
            .map_or(abbr, |(_, full)| full)
    } else {
        abbr
    }
}
