//! The 28 PHI categories, under the wire names of the Azure de-identification service.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! categories {
    ($($variant:ident => $label:literal,)*) => {
        /// A kind of protected health information.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Category {
            $(#[doc = $label] $variant,)*
        }

        impl Category {
            /// Every category, in wire-name order.
            pub const ALL: [Category; 28] = [$(Category::$variant,)*];

            /// The wire name, as the Azure service spells it (`Patient`, `IDNum`).
            pub const fn name(self) -> &'static str {
                match self { $(Category::$variant => stringify!($variant),)* }
            }

            /// A short human description ("Patient name").
            pub const fn label(self) -> &'static str {
                match self { $(Category::$variant => $label,)* }
            }
        }
    };
}

categories! {
    Account => "Account number",
    Age => "Age",
    BioID => "Biometric identifier",
    City => "City",
    CountryOrRegion => "Country or region",
    Date => "Date",
    Device => "Device identifier or serial number",
    Doctor => "Doctor name",
    Email => "Email address",
    Fax => "Fax number",
    HealthPlan => "Health plan number",
    Hospital => "Hospital name",
    IDNum => "Identification number",
    IPAddress => "IP address",
    License => "License number",
    LocationOther => "Other location",
    MedicalRecord => "Medical record number",
    Organization => "Organization name",
    Patient => "Patient name",
    Phone => "Phone number",
    Profession => "Profession",
    SocialSecurity => "Social security number",
    State => "State",
    Street => "Street address",
    Url => "URL",
    Username => "Username",
    Vehicle => "Vehicle identifier",
    Zip => "ZIP code",
}

impl Category {
    /// True for the categories that name a person.
    pub const fn is_name(self) -> bool {
        matches!(self, Category::Patient | Category::Doctor)
    }

    /// True for the categories written as free text (names, places, institutions,
    /// professions), where context decides more than form; the others have a
    /// pattern that rules validate (dates, numbers, addresses, e-mail...).
    pub const fn is_free_text(self) -> bool {
        matches!(
            self,
            Category::Patient
                | Category::Doctor
                | Category::City
                | Category::State
                | Category::CountryOrRegion
                | Category::Hospital
                | Category::Organization
                | Category::LocationOther
                | Category::Profession
        )
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error for a string that names no category.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown category `{0}`; expected one of: {list}", list = all_names())]
pub struct UnknownCategory(pub String);

fn all_names() -> String {
    Category::ALL.map(Category::name).join(", ")
}

impl FromStr for Category {
    type Err = UnknownCategory;

    /// Parses a wire name, ignoring ASCII case (`patient`, `IDNUM`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Category::ALL
            .into_iter()
            .find(|c| c.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownCategory(s.chars().take(40).collect()))
    }
}

impl Serialize for Category {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Category {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_exactly_the_azure_list() {
        let names: Vec<_> = Category::ALL.iter().map(|c| c.name()).collect();
        assert_eq!(
            names.join(","),
            "Account,Age,BioID,City,CountryOrRegion,Date,Device,Doctor,Email,Fax,HealthPlan,\
             Hospital,IDNum,IPAddress,License,LocationOther,MedicalRecord,Organization,Patient,\
             Phone,Profession,SocialSecurity,State,Street,Url,Username,Vehicle,Zip"
        );
        for c in Category::ALL {
            assert_eq!(c.name().parse::<Category>().unwrap(), c);
            assert_eq!(c.name().to_lowercase().parse::<Category>().unwrap(), c);
        }
        let err = "Nurse".parse::<Category>().unwrap_err().to_string();
        assert!(err.contains("unknown category `Nurse`") && err.contains("Patient"));
    }
}
