//! Raw gold labels to deid categories.
//!
//! Built in: the 28 wire names, Presidio's labels and the i2b2-2014 `TYPE`s. A TOML file
//! extends and overrides them:
//!
//! ```toml
//! [labels]
//! PERSON = "Doctor"
//! TITLE = "ignore"
//! ```
//!
//! Labels match ignoring ASCII case. An ignored label's spans count neither as gold nor
//! against predictions that overlap them.

use std::collections::{BTreeMap, HashMap};

use anyhow::Context as _;
use deid_core::Category;
use serde::Deserialize;

use Category::{
    Account, Age, BioID, City, CountryOrRegion, Date, Device, Doctor, Email, Fax, HealthPlan,
    Hospital, IDNum, IPAddress, License, LocationOther, MedicalRecord, Organization, Patient,
    Phone, Profession, SocialSecurity, State, Street, Url, Username, Vehicle, Zip,
};
use Mapping::{Ignore, To};

/// Presidio labels (`presidio_generated_large.jsonl`).
const PRESIDIO: &[(&str, Mapping)] = &[
    ("PERSON", To(Patient)),
    ("ADDRESS", To(Street)),
    ("LOCATION", To(City)),
    ("ORGANIZATION", To(Organization)),
    ("CREDIT_CARD", To(Account)),
    ("IBAN_CODE", To(Account)),
    ("PHONE_NUMBER", To(Phone)),
    ("DATE_TIME", To(Date)),
    ("EMAIL_ADDRESS", To(Email)),
    ("US_SSN", To(SocialSecurity)),
    ("DOMAIN_NAME", To(Url)),
    ("US_DRIVER_LICENSE", To(License)),
    ("IP_ADDRESS", To(IPAddress)),
    ("TITLE", Ignore),
    ("PREFIX", Ignore),
];

/// i2b2-2014 `TYPE` attributes.
const I2B2: &[(&str, Category)] = &[
    ("PATIENT", Patient),
    ("DOCTOR", Doctor),
    ("USERNAME", Username),
    ("PROFESSION", Profession),
    ("ROOM", LocationOther),
    ("DEPARTMENT", LocationOther),
    ("HOSPITAL", Hospital),
    ("ORGANIZATION", Organization),
    ("STREET", Street),
    ("CITY", City),
    ("STATE", State),
    ("COUNTRY", CountryOrRegion),
    ("ZIP", Zip),
    ("LOCATION-OTHER", LocationOther),
    ("AGE", Age),
    ("DATE", Date),
    ("PHONE", Phone),
    ("FAX", Fax),
    ("EMAIL", Email),
    ("URL", Url),
    ("IPADDR", IPAddress),
    ("SSN", SocialSecurity),
    ("MEDICALRECORD", MedicalRecord),
    ("HEALTHPLAN", HealthPlan),
    ("ACCOUNT", Account),
    ("LICENSE", License),
    ("VEHICLE", Vehicle),
    ("DEVICE", Device),
    ("BIOID", BioID),
    ("IDNUM", IDNum),
];

/// What a raw label becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mapping {
    To(Category),
    /// Neither gold nor held against predictions.
    Ignore,
}

/// Maps raw labels to categories or to "ignore".
#[derive(Clone, Debug)]
pub(crate) struct LabelMap {
    /// Keyed by the ASCII-uppercased label.
    labels: HashMap<String, Mapping>,
    unmapped_ignore: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MapFile {
    #[serde(default)]
    labels: BTreeMap<String, String>,
}

impl LabelMap {
    /// The wire names, Presidio and i2b2-2014 labels; unmapped labels are errors.
    pub(crate) fn builtin() -> Self {
        let wire = Category::ALL.map(|c| (c.name(), To(c)));
        let i2b2 = I2B2.iter().map(|&(l, c)| (l, To(c)));
        let labels = wire
            .into_iter()
            .chain(PRESIDIO.iter().copied())
            .chain(i2b2)
            .map(|(l, c)| (key(l), c))
            .collect();
        LabelMap {
            labels,
            unmapped_ignore: false,
        }
    }

    /// Adds the `[labels]` of a TOML label-map file, which win over earlier entries.
    pub(crate) fn with_overrides(mut self, toml_src: &str) -> anyhow::Result<Self> {
        let file: MapFile = toml::from_str(toml_src).context("parsing the label map")?;
        let mut seen = HashMap::new();
        for (raw, target) in file.labels {
            if let Some(first) = seen.insert(key(&raw), raw.clone()) {
                anyhow::bail!("labels `{first}` and `{raw}` differ only in case");
            }
            let mapped = if target.trim().eq_ignore_ascii_case("ignore") {
                Ignore
            } else {
                let c = target.parse::<Category>();
                To(c.with_context(|| format!("label `{raw}` maps to no category"))?)
            };
            self.labels.insert(key(&raw), mapped);
        }
        Ok(self)
    }

    /// Makes labels without a mapping count as ignored instead of being an error.
    #[must_use]
    pub(crate) fn ignoring_unmapped(mut self, ignore: bool) -> Self {
        self.unmapped_ignore = ignore;
        self
    }

    pub(crate) fn ignores_unmapped(&self) -> bool {
        self.unmapped_ignore
    }

    /// The mapping of `raw`, or `None` when nothing maps it.
    pub(crate) fn lookup(&self, raw: &str) -> Option<Mapping> {
        self.labels.get(&key(raw)).copied()
    }

    /// The category of `raw`, or `None` when it is ignored or unmapped (scoring treats
    /// both alike; [`super::check_labels`] rejects unmapped labels beforehand).
    pub(crate) fn resolve(&self, raw: &str) -> Option<Category> {
        match self.lookup(raw) {
            Some(To(c)) => Some(c),
            Some(Ignore) | None => None,
        }
    }
}

fn key(label: &str) -> String {
    label.trim().to_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_covers_wire_presidio_and_i2b2_labels() {
        let map = LabelMap::builtin();
        for (raw, expected) in [
            ("patient", Some(To(Patient))),
            ("IDNum", Some(To(IDNum))),
            ("PERSON", Some(To(Patient))),
            ("date_time", Some(To(Date))),
            ("TITLE", Some(Ignore)),
            ("LOCATION-OTHER", Some(To(LocationOther))),
            ("IPADDR", Some(To(IPAddress))),
            ("ROOM", Some(To(LocationOther))),
            ("NURSE", None),
        ] {
            assert_eq!(map.lookup(raw), expected, "{raw}");
        }
        assert_eq!(map.resolve("PREFIX"), None);
        // 28 wire names, 14 more Presidio labels, 6 more i2b2 TYPEs.
        assert_eq!(map.labels.len(), 48);
    }

    #[test]
    fn overrides_extend_and_replace() {
        let map = LabelMap::builtin()
            .with_overrides(
                "[labels]\nPERSON = \"Doctor\"\nNURSE = \"doctor\"\n\"DATE\" = \"Ignore\"\n",
            )
            .unwrap();
        assert_eq!(map.resolve("person"), Some(Doctor));
        assert_eq!(map.resolve("Nurse"), Some(Doctor));
        assert_eq!(map.lookup("DATE"), Some(Ignore));
        assert!(LabelMap::builtin().with_overrides("").is_ok());
    }

    #[test]
    fn rejects_bad_map_files() {
        let cases = [
            (
                "[labels]\nPERSON = \"Nurse\"",
                "label `PERSON` maps to no category",
            ),
            (
                "[labels]\nA = \"City\"\na = \"City\"",
                "labels `A` and `a` differ only in case",
            ),
            ("[label]\nA = \"City\"", "parsing the label map"),
            ("[labels]\nA = 3", "parsing the label map"),
        ];
        for (src, expected) in cases {
            let err = format!("{:#}", LabelMap::builtin().with_overrides(src).unwrap_err());
            assert!(err.contains(expected), "{err}");
        }
    }
}
