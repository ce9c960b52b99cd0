//! Addresses in slots: cities whose state and ZIP agree, and full addresses.

use deid_core::Category;
use rand::Rng;
use rand::seq::IndexedRandom;

use super::{Piece, text, value};
use crate::pools::places::{CITIES, City};
use crate::values::places;
use crate::writer::Writer;

impl Writer<'_> {
    pub(super) fn city(&mut self) -> &'static str {
        self.city = if self.rng.random_bool(0.5) {
            self.cast.address.city
        } else {
            self.pick_city()
        };
        self.city.name
    }

    fn pick_city(&mut self) -> &'static City {
        CITIES.choose(self.rng).expect("cities")
    }

    /// A full address: the patient's own, or another one.
    pub(super) fn address(&mut self, sep: &str) -> Vec<Piece> {
        let (street, zip) = if self.rng.random_bool(0.6) {
            self.city = self.cast.address.city;
            (
                self.cast.address.street.clone(),
                self.cast.address.zip.clone(),
            )
        } else {
            self.city = self.pick_city();
            (places::street(self.rng), places::zip(self.rng, self.city))
        };
        let state = places::state_name(self.rng, self.city.state);
        vec![
            value(Category::Street, street),
            text(sep),
            value(Category::City, self.city.name),
            text(", "),
            value(Category::State, state),
            text(" "),
            value(Category::Zip, zip),
        ]
    }
}
