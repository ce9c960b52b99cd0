//! Identifiers: SSN, medical record, health plan, account, license (DEA, NPI),
//! vehicle (VIN, plates), device serials, ID numbers and biometric IDs.
//!
//! Most identifiers are recognised by the label in front of them; those with a
//! check digit (SSN ranges, DEA, VIN, card numbers) also stand on their own.

use super::Out;
use super::pattern::Hit;
use crate::{Category, Reason};

/// Label patterns, each with the category of the identifier that follows it.
/// Longer, more specific labels come first within a category.
const LABELS: &[(Category, &str, &str)] = &[
    (
        Category::SocialSecurity,
        "ssn",
        r"ssn|ss\s?#|social\s+security(?:\s+(?:number|no\.?|#))?|soc\.?\s+sec\.?\s*#?",
    ),
    (
        Category::MedicalRecord,
        "mrn",
        r"mrn|mr\s?#|mr\s+(?:number|no\.?)|medical\s+record(?:\s+(?:number|no\.?|#))?|med\.?\s+rec(?:ord)?\.?(?:\s+(?:number|no\.?|#))?|chart\s*(?:#|number|no\.?)|patient\s+id|pt\s+id|hospital\s+(?:number|no\.?|#)|unit\s+(?:number|no\.?)",
    ),
    (
        Category::HealthPlan,
        "health plan",
        r"member\s+(?:id|#|number|no\.?)|subscriber\s+(?:id|#|number|no\.?)|policy\s*(?:#|number|no\.?|id)|group\s*(?:#|number|no\.?)|insurance\s+(?:id|#|number|no\.?)|health\s+plan\s*(?:id|#|number|no\.?)?|plan\s+(?:id|#)|beneficiary\s+(?:id|#|number)|medicare\s*(?:#|id|number|no\.?)|medicaid\s*(?:#|id|number|no\.?)|(?-i:HICN|MBI)",
    ),
    (
        Category::Account,
        "account",
        r"account\s*(?:#|number|no\.?|id)?|acct\.?\s*(?:#|number|no\.?)?|billing\s*(?:#|number|account|id)|invoice\s*(?:#|number|no\.?)|(?-i:FIN)\s*#?|financial\s+(?:number|#)|encounter\s*(?:#|number|no\.?|id)|visit\s*(?:#|number|id)|card\s*(?:#|number|no\.?)|(?-i:IBAN)",
    ),
    (
        Category::License,
        "license",
        r"(?:driver'?s?\s+)?licen[sc]e\s*(?:#|number|no\.?|id)?|lic\.?\s*#|(?-i:DL)\s*#?|dea\s*(?:#|number|no\.?)?|npi\s*(?:#|number|no\.?)?|certificat(?:e|ion)\s*(?:#|number|no\.?)|board\s+cert(?:ification)?\s*#?",
    ),
    (
        Category::Vehicle,
        "vehicle",
        r"vin\s*(?:#|number|no\.?)?|(?:license\s+)?plate\s*(?:#|number|no\.?)?|tag\s*(?:#|number)|vehicle\s+(?:id|#|number|registration)|registration\s*(?:#|number|no\.?)",
    ),
    (
        Category::Device,
        "device",
        r"serial\s*(?:#|number|no\.?)?|s/n|(?-i:SN)\s*[#:]?|device\s+(?:id|#|number|serial)|(?-i:UDI|IMEI)|(?:insulin\s+)?pump|(?:glucose\s+)?meter|glucometer|pacemaker|defibrillator|(?-i:ICD|CPAP|BiPAP)|neurostimulator|stimulator|monitor|implant\s+(?:id|#|serial)|lot\s*(?:#|number|no\.?)|model\s*/\s*serial",
    ),
    (
        Category::BioID,
        "biometric",
        r"(?:fingerprint|finger\s+print|retina(?:l)?(?:\s+scan)?|iris(?:\s+scan)?|voice\s?print|biometric|palm\s?print|dna(?:\s+(?:sample|profile))?)(?:\s*(?:id|#|number|no\.?|code|template|scan)){1,2}",
    ),
    (
        Category::IDNum,
        "id number",
        r"passport\s*(?:#|number|no\.?|id)?|employee\s*(?:id|#|number|no\.?)|student\s*(?:id|#|number|no\.?)|badge\s*(?:#|number|id)|case\s*(?:#|number|no\.?)|accession\s*(?:#|number|no\.?)?|specimen\s*(?:#|number|no\.?|id)|order\s*(?:#|number|no\.?)|requisition\s*(?:#|number|no\.?)?|(?:screening|subject|enrollment|enrolment|randomi[sz]ation|participant)\s+(?:id|#|number|no\.?)|kit\s*(?:#|number|id)|claim\s*(?:#|number|no\.?)|reference\s*(?:#|number|no\.?)|ref\.?\s*#|confirmation\s*(?:#|number|no\.?)|tracking\s*(?:#|number)|tax\s+id|(?-i:EIN|ITIN)|national\s+id|state\s+id|military\s+id|visa\s*(?:#|number)|id\s*(?:#|number|no\.?)|id",
    ),
];

/// Identifiers: alternative `k` is the label of `LABELS[k]` with its
/// identifier in group `v`; the four after the labels are identifiers that
/// stand on their own by their check digits (SSN, DEA, VIN, card).
pub(crate) struct Ids {
    g: IdGroups,
}

/// Group indices of the alternatives whose groups are read.
struct IdGroups {
    /// `v` of each label alternative.
    v: Vec<usize>,
    sa: usize,
    s1: usize,
    sg: usize,
    s2: usize,
    ss: usize,
}

/// Identifiers recognised without a label, after the label alternatives.
const CHECKED: [&str; 4] = [
    r"\b(?P<sa>\d{3})(?P<s1>[- ])(?P<sg>\d{2})(?P<s2>[- ])(?P<ss>\d{4})\b",
    r"\b[a-z][a-z9]\d{7}\b",
    r"(?-i:\b[A-HJ-NPR-Z0-9]{17}\b)",
    r"\b\d{4}(?:[ -]?\d{4}){2}[ -]?\d{1,7}\b",
];
const SSN: usize = LABELS.len();
const DEA: usize = LABELS.len() + 1;
const VIN: usize = LABELS.len() + 2;
const CARD: usize = LABELS.len() + 3;

impl Ids {
    /// The patterns, each with whether its groups are read.
    pub(crate) fn alternatives() -> Vec<(String, bool)> {
        // An identifier: letters, digits and inner separators, or digit groups split by single spaces.
        let value = r"(?:\d{2,6} ){1,4}\d{2,6}\b|(?-i:[A-Z]{2,4}) \d{3,5}\b|(?:[A-Za-z]+[-./])*[A-Za-z]*\d[A-Za-z0-9]*(?:[-./][A-Za-z0-9]+)*";
        LABELS
            .iter()
            .map(|(_, _, label)| {
                let p = format!(
                    r"(?i)\b(?:{label})(?:\s*(?:is|was|of|:|#|=|-)\s*)*\s*:?\s*#?\s*(?P<v>{value})"
                );
                (p, true)
            })
            .chain(
                CHECKED
                    .iter()
                    .enumerate()
                    .map(|(k, p)| (format!("(?i){p}"), k == 0)),
            )
            .collect()
    }

    /// Reads the group indices through `group(alternative, name)`.
    pub(crate) fn new(group: impl Fn(usize, &str) -> usize) -> Self {
        let g = IdGroups {
            v: (0..LABELS.len()).map(|k| group(k, "v")).collect(),
            sa: group(SSN, "sa"),
            s1: group(SSN, "s1"),
            sg: group(SSN, "sg"),
            s2: group(SSN, "s2"),
            ss: group(SSN, "ss"),
        };
        Ids { g }
    }

    /// Judges a match of alternative `alt`.
    pub(crate) fn hit(&self, out: &mut Out<'_>, c: &Hit<'_, '_>, alt: usize) {
        let text = out.text;
        let g = &self.g;
        {
            let m = c.whole();
            match alt {
                SSN => {
                    let glued = text[..m.start].ends_with(['-', '/'])
                        || text[m.end..].starts_with(['-', '/']);
                    let s1 = c.str(g.s1);
                    if s1 == c.str(g.s2)
                        && !glued
                        && ssn_valid(c.str(g.sa), c.str(g.sg), c.str(g.ss))
                    {
                        let conf = if s1 == "-" { 0.93 } else { 0.75 };
                        out.push(
                            m.start,
                            m.end,
                            Category::SocialSecurity,
                            conf,
                            Reason::rule("ssn").with("valid ranges"),
                        );
                    }
                }
                DEA => {
                    if dea_valid(&text[m]) {
                        out.push(
                            m.start,
                            m.end,
                            Category::License,
                            0.9,
                            Reason::rule("license.dea").with("check digit"),
                        );
                    }
                }
                VIN => {
                    let s = &text[m];
                    if s.bytes().any(|b| b.is_ascii_alphabetic()) && vin_valid(s) {
                        out.push(
                            m.start,
                            m.end,
                            Category::Vehicle,
                            0.95,
                            Reason::rule("vehicle.vin").with("check digit"),
                        );
                    }
                }
                CARD => {
                    let digits: Vec<u32> = text[m].chars().filter_map(|c| c.to_digit(10)).collect();
                    if (13..=19).contains(&digits.len()) && luhn(&digits) {
                        out.push(
                            m.start,
                            m.end,
                            Category::Account,
                            0.85,
                            Reason::rule("account.card").with("Luhn check"),
                        );
                    }
                }
                k => {
                    // "mg/dL 70-99": a label glued to a slash is part of a unit.
                    if text[..m.start].ends_with('/') {
                        return;
                    }
                    if let (Some(v), Some(&(cat, name, _))) = (c.get(g.v[k]), LABELS.get(k)) {
                        labelled(out, cat, name, v.start, &text[v]);
                    }
                }
            }
        }
    }
}

/// An identifier after its label, trimmed and checked.
fn labelled(out: &mut Out<'_>, cat: Category, name: &'static str, start: usize, raw: &str) {
    let v = trim_value(raw);
    if !v.bytes().any(|b| b.is_ascii_digit()) || v.len() < 3 {
        return;
    }
    if cat == Category::SocialSecurity && !ssn_value_ok(v) {
        return;
    }
    // "monitor A1c": after a device word, a serial has at least three digits.
    if name == "device" && v.bytes().filter(u8::is_ascii_digit).count() < 3 {
        return;
    }
    let (cat, confidence, rule) = refine(cat, name, v);
    out.push(start, start + v.len(), cat, confidence, Reason::rule(rule));
}

/// Drops trailing punctuation and a trailing lone word glued by a space.
fn trim_value(v: &str) -> &str {
    let v = v.trim_end_matches(['.', '-', '/']);
    // Digit groups split by spaces keep only groups that hold digits.
    let mut end = v.len();
    while let Some(pos) = v[..end].rfind(' ') {
        if v[pos + 1..end].bytes().any(|b| b.is_ascii_digit()) {
            break;
        }
        end = pos;
    }
    v[..end].trim_end()
}

/// Picks the specific rule for a labelled value: NPI and DEA are licenses with
/// check digits; a 17-character value after a plate label is still a VIN.
fn refine(cat: Category, name: &'static str, v: &str) -> (Category, f32, &'static str) {
    let digits: Vec<u32> = v.chars().filter_map(|c| c.to_digit(10)).collect();
    if cat == Category::License && digits.len() == 10 && v.len() == 10 && npi_valid(&digits) {
        return (cat, 0.97, "license.npi");
    }
    if cat == Category::License && dea_valid(v) {
        return (cat, 0.97, "license.dea");
    }
    let rule = match name {
        "ssn" => "ssn.labelled",
        "mrn" => "mrn.labelled",
        "health plan" => "health-plan.labelled",
        "account" => "account.labelled",
        "license" => "license.labelled",
        "vehicle" => "vehicle.labelled",
        "device" => "device.labelled",
        "biometric" => "bioid.labelled",
        _ => "id.labelled",
    };
    (cat, 0.96, rule)
}

/// A labelled SSN must still be nine digits in valid ranges, except that
/// areas 900-999 count: after an SSN label they are ITINs or placeholder
/// numbers (as surrogates use), identifiers all the same.
fn ssn_value_ok(v: &str) -> bool {
    let d: String = v.chars().filter(char::is_ascii_digit).collect();
    d.len() == 9
        && (ssn_valid(&d[..3], &d[3..5], &d[5..])
            || d.starts_with('9') && &d[3..5] != "00" && &d[5..] != "0000")
}

fn ssn_valid(area: &str, group: &str, serial: &str) -> bool {
    let a: u32 = area.parse().unwrap_or(0);
    a != 0 && a != 666 && a < 900 && group != "00" && serial != "0000"
}

/// DEA: two letters and seven digits; the last is the check digit.
pub(crate) fn dea_valid(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 9 || !b[0].is_ascii_alphabetic() || !b[2..].iter().all(u8::is_ascii_digit) {
        return false;
    }
    if !b"ABCDEFGHJKLMPRSTUXabcdefghjklmprstux".contains(&b[0]) {
        return false;
    }
    let d: Vec<u32> = b[2..].iter().map(|&c| u32::from(c - b'0')).collect();
    (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]
}

/// NPI: ten digits whose Luhn check (with the 80840 prefix) holds.
pub(crate) fn npi_valid(d: &[u32]) -> bool {
    let mut all = vec![8, 0, 8, 4, 0];
    all.extend_from_slice(d);
    luhn(&all)
}

pub(crate) fn luhn(d: &[u32]) -> bool {
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &x)| {
            if i % 2 == 1 {
                if x * 2 > 9 { x * 2 - 9 } else { x * 2 }
            } else {
                x
            }
        })
        .sum();
    sum % 10 == 0
}

/// VIN check digit (position 9) per ISO 3779 / 49 CFR 565.
pub(crate) fn vin_valid(s: &str) -> bool {
    const WEIGHTS: [u32; 17] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'A' | b'J' => 1,
            b'B' | b'K' | b'S' => 2,
            b'C' | b'L' | b'T' => 3,
            b'D' | b'M' | b'U' => 4,
            b'E' | b'N' | b'V' => 5,
            b'F' | b'W' => 6,
            b'G' | b'P' | b'X' => 7,
            b'H' | b'Y' => 8,
            b'R' | b'Z' => 9,
            _ => return None,
        })
    };
    let b = s.as_bytes();
    if b.len() != 17 {
        return false;
    }
    let mut sum = 0;
    for (i, &c) in b.iter().enumerate() {
        let Some(v) = value(c) else { return false };
        sum += v * WEIGHTS[i];
    }
    let check = sum % 11;
    let expected = if check == 10 {
        b'X'
    } else {
        b'0' + check as u8
    };
    b[8] == expected
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_digits() {
        assert!(vin_valid("1HGCM82633A004352"));
        assert!(!vin_valid("1HGCM82643A004352"));
        assert!(dea_valid("AB1234563"));
        assert!(!dea_valid("AB1234564"));
        assert!(npi_valid(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 3]));
        assert!(luhn(&[4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]));
        assert!(
            ssn_valid("123", "45", "6789")
                && !ssn_valid("666", "45", "6789")
                && !ssn_valid("900", "45", "6789")
        );
    }
}
