//! The values surrogates are drawn from: common names from the shipped census
//! lists, cities with their state and ZIP codes, and word pools written for
//! this project for streets, institutions and places.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::lexicon::{lexicon, raw};

/// First names per gender and surnames kept, by frequency.
const FIRST_NAMES: usize = 800;
const SURNAMES: usize = 3000;
/// Cities with at least this many ZIP codes: large enough to be plausible
/// anywhere and to be in every gazetteer.
const MIN_CITY_ZIPS: usize = 10;

/// A city, its state code and its ZIP codes.
#[derive(Debug)]
pub(crate) struct City {
    pub(crate) name: &'static str,
    pub(crate) state: &'static str,
    pub(crate) zips: Vec<&'static str>,
}

#[derive(Debug)]
pub(crate) struct Pools {
    pub(crate) female: Vec<&'static str>,
    pub(crate) male: Vec<&'static str>,
    pub(crate) surnames: Vec<&'static str>,
    pub(crate) cities: Vec<City>,
    /// (name, code) of the 50 states and DC.
    pub(crate) states: Vec<(&'static str, &'static str)>,
    /// The states each city name (lower case) is found in.
    pub(crate) city_states: FxHashMap<String, Vec<&'static str>>,
    /// Every ZIP code by state code.
    pub(crate) zips_by_state: FxHashMap<&'static str, Vec<&'static str>>,
    pub(crate) countries: Vec<&'static str>,
    pub(crate) professions: Vec<&'static str>,
}

/// Territories too small or remote to be plausible homes or destinations.
const REMOTE: &[&str] = &[
    "Island",
    "Territor",
    "Outlying",
    "Antarctica",
    "Holy See",
    "Svalbard",
    "Heard",
    "Saint ",
    "Sint ",
    "Wallis",
    "Guernsey",
    "Jersey",
    "Isle of",
    "Gibraltar",
    "Tokelau",
    "Niue",
    "Pitcairn",
    "Mayotte",
    "Réunion",
    "Monaco",
    "San Marino",
    "Liechtenstein",
    "Nauru",
    "Tuvalu",
];

const TERRITORIES: &[&str] = &[
    "AS", "GU", "MP", "PR", "VI", "UM", "FM", "MH", "PW", "AA", "AE", "AP",
];

impl Pools {
    pub(crate) fn get() -> &'static Pools {
        static POOLS: OnceLock<Pools> = OnceLock::new();
        POOLS.get_or_init(Pools::build)
    }

    fn build() -> Pools {
        let lex = lexicon();
        let usable = |name: &str| {
            let lower = name.to_lowercase();
            name.len() > 2 && !lex.is_common(&lower) && name.chars().all(char::is_alphabetic)
        };
        let mut female = Vec::new();
        let mut male = Vec::new();
        for line in raw::FIRST_NAMES.lines() {
            let mut f = line.split('\t');
            let (Some(name), Some(g)) = (f.next(), f.next()) else {
                continue;
            };
            if !usable(name)
                || lex
                    .last_name(&name.to_lowercase())
                    .is_some_and(|x| x > 50.0)
            {
                continue;
            }
            match g {
                "F" if female.len() < FIRST_NAMES => female.push(name),
                "M" if male.len() < FIRST_NAMES => male.push(name),
                _ => {}
            }
        }
        let surnames = raw::LAST_NAMES
            .lines()
            .filter_map(|l| l.split('\t').next())
            .filter(|n| usable(n) && lex.first_name(&n.to_lowercase()).is_none())
            .take(SURNAMES)
            .collect();
        let mut by_city: FxHashMap<(&str, &str), Vec<&str>> = FxHashMap::default();
        let mut zips_by_state: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
        let mut city_states: FxHashMap<String, Vec<&str>> = FxHashMap::default();
        for line in raw::ZIPS.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            if let [zip, city, state] = f[..] {
                if TERRITORIES.contains(&state) || matches!(city, "Apo" | "Fpo" | "Dpo") {
                    continue;
                }
                by_city.entry((city, state)).or_default().push(zip);
                let states = city_states.entry(city.to_lowercase()).or_default();
                if !states.contains(&state) {
                    states.push(state);
                }
                zips_by_state.entry(state).or_default().push(zip);
            }
        }
        let mut cities: Vec<City> = by_city
            .into_iter()
            .filter(|(_, z)| z.len() >= MIN_CITY_ZIPS)
            .map(|((name, state), zips)| City { name, state, zips })
            .collect();
        cities.sort_by(|a, b| (a.name, a.state).cmp(&(b.name, b.state)));
        let states = raw::STATES
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .filter(|(_, code)| !TERRITORIES.contains(code))
            .collect();
        let countries = raw::COUNTRIES
            .lines()
            .filter(|c| {
                !c.is_empty() && !c.contains(['(', ',']) && !REMOTE.iter().any(|r| c.contains(r))
            })
            .collect();
        let professions = raw::PROFESSIONS
            .lines()
            .filter(|p| !p.is_empty() && p.split(' ').count() <= 3 && p.len() <= 28)
            .collect();
        Pools {
            female,
            male,
            surnames,
            cities,
            states,
            city_states,
            zips_by_state,
            countries,
            professions,
        }
    }
}

/// Distinctive parts of institution names ("Riverside" in "Riverside Medical
/// Center"). Written for this project.
#[rustfmt::skip]
pub(crate) const PLACE_NAMES: &[&str] = &[
    "Riverside", "Lakeview", "Oakwood", "Cedar Valley", "Brookside", "Pinecrest", "Fairview",
    "Hillcrest", "Maplewood", "Northgate", "Bayside", "Clearwater", "Silver Lake", "Highland",
    "Prairie Ridge", "Bluewater", "Meadowbrook", "Copper Canyon", "Heritage Oaks", "Eastbrook",
    "Westfield", "Stonebridge", "Willow Creek", "Ashford", "Greenhaven", "Harborview",
    "Kingsbridge", "Lakeshore", "Mapleton", "Northwood", "Oak Hill", "Pine Valley", "Redwood",
    "Rosewood", "Sandy Creek", "Shady Grove", "Springdale", "Summit", "Sunnyvale", "Thornbury",
    "Valley View", "Whitestone", "Wildwood", "Birchwood", "Brighton", "Crestview", "Deer Park",
    "Elmwood", "Glenwood", "Hawthorne", "Ironwood", "Juniper Hills", "Kensington", "Larchmont",
    "Millbrook", "Newbury", "Orchard Park", "Parkside", "Quail Ridge", "Ravenswood",
];

/// Saints for "St. ..." institutions.
#[rustfmt::skip]
pub(crate) const SAINTS: &[&str] = &[
    "Mary", "Anne", "Francis", "Vincent", "Luke", "Joseph", "Elizabeth", "Catherine", "Michael",
    "Agnes", "Clare", "Jude", "Peter", "Anthony", "Bernard", "Rita", "Teresa", "Patrick",
    "Dominic", "Monica",
];

/// Whole organisation names, for names with no head word to keep.
#[rustfmt::skip]
pub(crate) const COMPANIES: &[&str] = &[
    "Northwind Traders", "Bluebird Logistics", "Granite Peak Builders", "Harbor Light Foods",
    "Summit Ridge Insurance", "Evergreen Landscaping", "Cobalt Systems", "Redstone Manufacturing",
    "Lakeside Auto Repair", "Silverline Transit", "Brightpath Learning", "Oak Barrel Brewing",
    "Tri-County Plumbing", "Keystone Freight", "Pioneer Grocers", "Meridian Consulting",
    "Anchor Point Marine", "Cardinal Printing", "Falcon Security Services", "Maple Leaf Bakery",
];

/// Whole place names, for places with no head word to keep.
#[rustfmt::skip]
pub(crate) const LANDMARKS: &[&str] = &[
    "Willow Creek Park", "Heron Lake", "Granite Falls", "Cedar Point Marina", "Eagle Ridge Mall",
    "Foxglove Gardens", "Lantern Square", "Miller Field", "Juniper Island", "Stonegate Plaza",
];

/// Street names without their suffix.
#[rustfmt::skip]
pub(crate) const STREETS: &[&str] = &[
    "Oak", "Maple", "Cedar", "Elm", "Pine", "Walnut", "Chestnut", "Birch", "Willow", "Spruce",
    "Washington", "Lincoln", "Jefferson", "Madison", "Franklin", "Adams", "Jackson", "Monroe",
    "Park", "Lake", "Hill", "River", "Meadow", "Forest", "Highland", "Sunset", "Ridge",
    "Church", "Mill", "School", "Spring", "Prospect", "Pleasant", "Union", "Water", "Bridge",
    "Orchard", "Valley", "Cherry", "Magnolia", "Dogwood", "Hickory", "Laurel", "Sycamore",
    "Greenwood", "Fairview", "Hillside", "Brookside", "Lakeview", "Riverside", "Woodland",
    "Harrison", "Cleveland", "Grant", "Garfield", "Wilson", "Kennedy", "Colonial", "Liberty",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pools_are_full_and_clean() {
        let p = Pools::get();
        assert_eq!(p.female.len(), FIRST_NAMES);
        assert_eq!(p.male.len(), FIRST_NAMES);
        assert_eq!(p.surnames.len(), SURNAMES);
        assert!(p.cities.len() > 200, "{}", p.cities.len());
        assert_eq!(p.states.len(), 51);
        assert!(p.countries.len() > 150);
        assert!(p.professions.len() > 300);
        let lex = lexicon();
        assert!(p.female.iter().all(|n| !lex.is_common(&n.to_lowercase())));
        assert!(p.cities.iter().all(|c| c.zips.len() >= MIN_CITY_ZIPS));
    }
}
