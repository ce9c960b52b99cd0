//! Identifiers: SSNs, record and plan numbers, licences with real check digits,
//! VINs, plates, device serials and biometric IDs.

use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

const LETTERS: &[u8] = b"ABCDEFGHJKLMNPRSTUVWXYZ";

pub(crate) fn digits(rng: &mut ChaCha8Rng, n: usize) -> String {
    (0..n)
        .map(|_| char::from(b'0' + rng.random_range(0..10u8)))
        .collect()
}

fn letters(rng: &mut ChaCha8Rng, n: usize) -> String {
    (0..n)
        .map(|_| char::from(*LETTERS.choose(rng).unwrap_or(&b'A')))
        .collect()
}

/// A social security number with a valid area (001-899, not 666), group and serial.
pub(crate) fn ssn(rng: &mut ChaCha8Rng) -> String {
    let mut area = rng.random_range(1..900);
    if area == 666 {
        area = 667;
    }
    let group = rng.random_range(1..100);
    let serial = rng.random_range(1..10_000);
    match rng.random_range(0..6) {
        0 => format!("{area:03} {group:02} {serial:04}"),
        1 => format!("{area:03}{group:02}{serial:04}"),
        _ => format!("{area:03}-{group:02}-{serial:04}"),
    }
}

pub(crate) fn mrn(rng: &mut ChaCha8Rng) -> String {
    match rng.random_range(0..6) {
        0 => format!("MR{}", digits(rng, 7)),
        1 => format!("E{}", digits(rng, 7)),
        2 => format!("{}-{}-{}", digits(rng, 3), digits(rng, 2), digits(rng, 2)),
        3 => digits(rng, 7),
        _ => format!("00{}", digits(rng, 6)),
    }
}

pub(crate) fn health_plan(rng: &mut ChaCha8Rng) -> String {
    match rng.random_range(0..5) {
        0 => format!("{}{}", letters(rng, 3), digits(rng, 9)),
        1 => {
            // Medicare beneficiary identifier shape: 1EG4-TE5-MK73.
            let (a, b, c) = (letters(rng, 2), letters(rng, 2), letters(rng, 2));
            let d = rng.random_range(1..10);
            format!(
                "{d}{a}{}-{b}{}-{c}{}",
                digits(rng, 1),
                digits(rng, 1),
                digits(rng, 2)
            )
        }
        2 => format!("W{}", digits(rng, 9)),
        3 => format!("MA{}", digits(rng, 8)),
        _ => format!("{}-{}", digits(rng, 6), digits(rng, 4)),
    }
}

pub(crate) fn account(rng: &mut ChaCha8Rng) -> String {
    match rng.random_range(0..4) {
        0 => format!("ACCT-{}-{}", digits(rng, 4), digits(rng, 4)),
        1 => format!("{}-{}-{}", digits(rng, 4), digits(rng, 3), digits(rng, 2)),
        2 => format!("HAR{}", digits(rng, 9)),
        _ => format!("1{}", digits(rng, 9)),
    }
}

pub(crate) fn drivers_license(rng: &mut ChaCha8Rng) -> String {
    match rng.random_range(0..5) {
        0 => format!("S{}", digits(rng, 8)),
        1 => format!("{}{}", letters(rng, 1), digits(rng, 7)),
        2 => format!("{} {} {}", digits(rng, 3), digits(rng, 3), digits(rng, 3)),
        3 => format!(
            "{}{}-{}-{}",
            letters(rng, 1),
            digits(rng, 3),
            digits(rng, 3),
            digits(rng, 4)
        ),
        _ => format!("{}-{}-{}", digits(rng, 3), digits(rng, 2), digits(rng, 4)),
    }
}

/// A DEA number: registrant letter, the prescriber's initial, six digits and a check digit.
pub(crate) fn dea(rng: &mut ChaCha8Rng, initial: char) -> String {
    let kind = *[b'A', b'B', b'F', b'G', b'M'].choose(rng).unwrap_or(&b'B');
    let d: Vec<u32> = (0..6).map(|_| rng.random_range(0..10)).collect();
    let check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10;
    let body: String = d.iter().map(u32::to_string).collect();
    let initial = if initial.is_ascii_alphabetic() {
        initial.to_ascii_uppercase()
    } else {
        '9'
    };
    format!("{}{initial}{body}{check}", char::from(kind))
}

/// A National Provider Identifier: nine digits and a Luhn check digit over `80840` + them.
pub(crate) fn npi(rng: &mut ChaCha8Rng) -> String {
    let first = rng.random_range(1..=2u32);
    let mut body = vec![first];
    body.extend((0..8).map(|_| rng.random_range(0..10u32)));
    let check = luhn_check(&[&[8, 0, 8, 4, 0][..], &body].concat());
    body.iter()
        .chain([check].iter())
        .map(u32::to_string)
        .collect()
}

/// The Luhn digit that makes `payload` followed by it valid.
pub(crate) fn luhn_check(payload: &[u32]) -> u32 {
    let sum: u32 = payload
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 0 {
                (d * 2) / 10 + (d * 2) % 10
            } else {
                d
            }
        })
        .sum();
    (10 - sum % 10) % 10
}

const VIN_CHARS: &[u8] = b"ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
const VIN_WEIGHTS: [u32; 17] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const WMI: &[&str] = &[
    "1HG", "1FT", "2T1", "3VW", "5YJ", "JTD", "WBA", "KMH", "1G1", "JN1",
];

/// A 17-character VIN whose ninth character is the ISO 3779 check digit.
pub(crate) fn vin(rng: &mut ChaCha8Rng) -> String {
    let mut v: Vec<u8> = WMI.choose(rng).unwrap_or(&"1HG").bytes().collect();
    while v.len() < 17 {
        v.push(*VIN_CHARS.choose(rng).unwrap_or(&b'0'));
    }
    v[8] = vin_check(&v);
    v.into_iter().map(char::from).collect()
}

pub(crate) fn vin_check(v: &[u8]) -> u8 {
    let sum: u32 = v
        .iter()
        .zip(VIN_WEIGHTS)
        .map(|(&c, w)| vin_value(c) * w)
        .sum();
    match sum % 11 {
        10 => b'X',
        r => b'0' + r as u8,
    }
}

fn vin_value(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => u32::from(c - b'0'),
        b'A'..=b'H' => u32::from(c - b'A') + 1,
        b'J'..=b'N' => u32::from(c - b'J') + 1,
        b'P' => 7,
        b'R' => 9,
        b'S'..=b'Z' => u32::from(c - b'S') + 2,
        _ => 0,
    }
}

pub(crate) fn plate(rng: &mut ChaCha8Rng) -> String {
    match rng.random_range(0..5) {
        0 => format!(
            "{}{}{}",
            rng.random_range(1..10),
            letters(rng, 3),
            digits(rng, 3)
        ),
        1 => format!("{}-{}", letters(rng, 3), digits(rng, 4)),
        2 => format!("{}{} {}", digits(rng, 1), letters(rng, 2), digits(rng, 3)),
        3 => format!("{} {}", letters(rng, 3), digits(rng, 4)),
        _ => format!("{}-{}", digits(rng, 3), letters(rng, 3)),
    }
}

pub(crate) fn device_serial(rng: &mut ChaCha8Rng) -> String {
    match rng.random_range(0..5) {
        0 => format!("{}-{}", letters(rng, 2), digits(rng, 5)),
        1 => format!("{}{}{}", letters(rng, 3), digits(rng, 6), letters(rng, 1)),
        2 => format!("SN{}", digits(rng, 8)),
        3 => format!("{}{}-{}", digits(rng, 1), letters(rng, 1), digits(rng, 5)),
        _ => format!("{}-{}-{}", letters(rng, 3), digits(rng, 4), digits(rng, 4)),
    }
}

pub(crate) fn id_number(rng: &mut ChaCha8Rng) -> String {
    match rng.random_range(0..5) {
        0 => format!("E{}", digits(rng, 6)),
        1 => digits(rng, 9),
        2 => format!("{}-{}", digits(rng, 3), digits(rng, 4)),
        3 => format!(
            "{}-{}-{}",
            rng.random_range(2015..2025),
            letters(rng, 2),
            digits(rng, 5)
        ),
        _ => format!("{}{}", letters(rng, 2), digits(rng, 7)),
    }
}

/// A state medical or nursing licence number.
pub(crate) fn medical_license(rng: &mut ChaCha8Rng) -> String {
    match rng.random_range(0..4) {
        0 => format!("MD{}", digits(rng, 6)),
        1 => format!("{}{}", letters(rng, 2), digits(rng, 6)),
        2 => format!("RN{}", digits(rng, 7)),
        _ => digits(rng, 6),
    }
}

pub(crate) fn bio_id(rng: &mut ChaCha8Rng) -> String {
    match rng.random_range(0..4) {
        0 => format!("FP-{}-{}", digits(rng, 5), digits(rng, 1)),
        1 => format!("BIO{}{}", digits(rng, 6), letters(rng, 1)),
        2 => format!("RS-{}", digits(rng, 7)),
        _ => format!("{}{}-{}", letters(rng, 2), digits(rng, 4), digits(rng, 2)),
    }
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn check_digits_are_valid() {
        // Known-good examples.
        assert_eq!(super::vin_check(b"1M8GDM9AXKP042788"), b'X');
        assert_eq!(super::vin_check(b"1HGCM82633A004352"), b'3');
        assert_eq!(
            super::luhn_check(&[8, 0, 8, 4, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
            3
        );
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        for _ in 0..200 {
            let v = super::vin(&mut rng);
            assert_eq!(v.len(), 17);
            assert_eq!(super::vin_check(v.as_bytes()), v.as_bytes()[8]);
            let n: Vec<u32> = super::npi(&mut rng)
                .chars()
                .filter_map(|c| c.to_digit(10))
                .collect();
            assert_eq!(
                super::luhn_check(&[&[8, 0, 8, 4, 0][..], &n[..9]].concat()),
                n[9]
            );
            let d: Vec<u32> = super::dea(&mut rng, 's')
                .chars()
                .filter_map(|c| c.to_digit(10))
                .collect();
            assert_eq!((d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10, d[6]);
            let ssn: String = super::ssn(&mut rng)
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            let area: u32 = ssn[..3].parse().unwrap();
            assert!(area != 0 && area != 666 && area < 900);
        }
    }
}
