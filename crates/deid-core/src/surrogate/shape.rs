//! Replacements that keep the layout of the original character by character:
//! identifiers, phone numbers, SSNs, VINs, card numbers, e-mail and web
//! addresses, IP addresses and user names.

use super::key::Draw;
use super::pools::Pools;

/// Every ASCII digit and letter replaced by a drawn one of the same kind
/// (case kept); everything else kept. A leading non-zero digit stays non-zero.
pub(crate) fn reshape(original: &str, d: &mut Draw) -> String {
    let mut prev_digit = false;
    original
        .chars()
        .map(|c| {
            let out = if c.is_ascii_digit() {
                if !prev_digit && c != '0' {
                    d.nonzero_digit()
                } else {
                    d.digit()
                }
            } else if c.is_ascii_uppercase() {
                d.upper()
            } else if c.is_ascii_lowercase() {
                d.upper().to_ascii_lowercase()
            } else if c.is_alphabetic() {
                if c.is_uppercase() {
                    d.upper()
                } else {
                    d.upper().to_ascii_lowercase()
                }
            } else {
                c
            };
            prev_digit = c.is_ascii_digit();
            out
        })
        .collect()
}

/// `layout` with its digits, in order, replaced by `digits`.
fn fill_digits(layout: &str, digits: &[u8]) -> String {
    let mut it = digits.iter();
    layout
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                it.next().map_or(c, |&x| char::from(b'0' + x))
            } else {
                c
            }
        })
        .collect()
}

fn digits_of(s: &str) -> Vec<u8> {
    s.bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect()
}

/// A phone, fax or pager number in the 555-0100..555-0199 range reserved for
/// fiction, with the original's layout; extensions and international numbers
/// keep their shape with drawn digits.
pub(crate) fn phone(original: &str, d: &mut Draw) -> String {
    let lower = original.to_ascii_lowercase();
    let ext_at = ["ext", "x", "#"]
        .iter()
        .filter_map(|m| lower.find(m))
        .filter(|&i| i > 0)
        .min();
    let (main, ext) = original.split_at(ext_at.unwrap_or(original.len()));
    let digits = digits_of(main);
    let trimmed = main.trim_start();
    let international = trimmed.starts_with('+') && !trimmed.starts_with("+1");
    let mut new: Vec<u8> = match digits.len() {
        _ if international => {
            // Keep the country code (the first group), draw the rest.
            let cc = trimmed[1..]
                .split(|c: char| !c.is_ascii_digit())
                .next()
                .map_or(0, str::len);
            let mut v = digits.clone();
            for x in v.iter_mut().skip(cc) {
                *x = d.below(10) as u8;
            }
            v
        }
        7 => fictional_line(d, &[]),
        10 => {
            let area = [d.below(8) as u8 + 2, d.below(10) as u8, d.below(10) as u8];
            fictional_line(d, &area)
        }
        11 if digits[0] == 1 => {
            let area = [
                1,
                d.below(8) as u8 + 2,
                d.below(10) as u8,
                d.below(10) as u8,
            ];
            fictional_line(d, &area)
        }
        _ => digits.iter().map(|_| d.below(10) as u8).collect(),
    };
    new.truncate(digits.len());
    let mut out = fill_digits(main, &new);
    out.extend(
        ext.chars()
            .map(|c| if c.is_ascii_digit() { d.digit() } else { c }),
    );
    out
}

fn fictional_line(d: &mut Draw, prefix: &[u8]) -> Vec<u8> {
    let mut v = prefix.to_vec();
    v.extend([5, 5, 5, 0, 1, d.below(10) as u8, d.below(10) as u8]);
    v
}

/// An SSN starting with 9 (never issued as an SSN), same separators.
pub(crate) fn ssn(original: &str, d: &mut Draw) -> String {
    let n = digits_of(original).len();
    let mut v: Vec<u8> = (0..n).map(|_| d.below(10) as u8).collect();
    if let Some(first) = v.first_mut() {
        *first = 9;
    }
    fill_digits(original, &v)
}

const VIN_CHARS: &[u8] = b"ABCDEFGHJKLMNPRSTUVWXYZ";

/// A VIN with a valid check digit (position 9), letters where the original
/// had letters and digits where it had digits.
pub(crate) fn vin(original: &str, d: &mut Draw) -> String {
    let mut v: Vec<u8> = original
        .bytes()
        .map(|c| {
            if c.is_ascii_digit() {
                b'0' + d.below(10) as u8
            } else {
                *d.pick(VIN_CHARS)
            }
        })
        .collect();
    if v.len() == 17 {
        v[8] = vin_check(&v);
    }
    String::from_utf8(v).unwrap_or_default()
}

pub(crate) fn vin_check(v: &[u8]) -> u8 {
    const WEIGHTS: [u32; 17] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
    let value = |c: u8| -> u32 {
        match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'A'..=b'H' => u32::from(c - b'A') + 1,
            b'J'..=b'N' => u32::from(c - b'J') + 1,
            b'P' => 7,
            b'R'..=b'Z' => u32::from(c - b'R') + 2,
            _ => 0,
        }
    };
    let sum: u32 = v.iter().zip(WEIGHTS).map(|(&c, w)| value(c) * w).sum();
    match sum % 11 {
        10 => b'X',
        r => b'0' + r as u8,
    }
}

/// True when the digits pass the Luhn check.
pub(crate) fn luhn_ok(digits: &[u8]) -> bool {
    luhn_sum(digits) % 10 == 0
}

fn luhn_sum(digits: &[u8]) -> u32 {
    digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &x)| {
            let x = u32::from(x);
            if i % 2 == 1 {
                let y = x * 2;
                if y > 9 { y - 9 } else { y }
            } else {
                x
            }
        })
        .sum()
}

/// Drawn digits in the original's layout with a valid Luhn check digit
/// (card numbers, NPIs).
pub(crate) fn luhn(original: &str, d: &mut Draw) -> String {
    let old = digits_of(original);
    let mut v: Vec<u8> = old.iter().map(|_| d.below(10) as u8).collect();
    if let (Some(first), Some(&o)) = (v.first_mut(), old.first()) {
        *first = o;
    }
    if let Some(last) = v.last_mut() {
        *last = 0;
    }
    let r = luhn_sum(&v) % 10;
    if let Some(last) = v.last_mut() {
        *last = ((10 - r) % 10) as u8;
    }
    fill_digits(original, &v)
}

/// An NPI: ten digits whose Luhn check runs over the prefix 80840.
pub(crate) fn npi(original: &str, d: &mut Draw) -> String {
    let mut v: Vec<u8> = vec![8, 0, 8, 4, 0, 1 + d.below(2) as u8];
    v.extend((0..8).map(|_| d.below(10) as u8));
    v.push(0);
    let r = luhn_sum(&v) % 10;
    if let Some(last) = v.last_mut() {
        *last = ((10 - r) % 10) as u8;
    }
    fill_digits(original, &v[5..])
}

/// A DEA number: the two letters kept in kind, seven digits with the DEA
/// check digit.
pub(crate) fn dea(original: &str, d: &mut Draw) -> String {
    let mut out = reshape(original, d);
    let digits = digits_of(&out);
    if digits.len() == 7 {
        let sum = u32::from(digits[0] + digits[2] + digits[4])
            + 2 * u32::from(digits[1] + digits[3] + digits[5]);
        let mut v = digits.clone();
        v[6] = (sum % 10) as u8;
        out = fill_digits(&out, &v);
    }
    out
}

/// Letters and digits in runs as the original has them, letter runs taken
/// from pool names so the result reads like a user name ("jsmith42" ->
/// "kgarcia17").
pub(crate) fn handle(original: &str, d: &mut Draw, pools: &Pools) -> String {
    let mut out = String::with_capacity(original.len());
    let mut letters = String::new();
    let flush = |letters: &mut String, out: &mut String, d: &mut Draw| {
        if !letters.is_empty() {
            out.push_str(&word_of_len(letters, d, pools));
            letters.clear();
        }
    };
    for c in original.chars() {
        if c.is_alphabetic() {
            letters.push(c);
        } else {
            flush(&mut letters, &mut out, d);
            out.push(if c.is_ascii_digit() { d.digit() } else { c });
        }
    }
    flush(&mut letters, &mut out, d);
    out
}

/// Pool-name letters as long as `like`, in its case.
fn word_of_len(like: &str, d: &mut Draw, pools: &Pools) -> String {
    let n = like.chars().count();
    let mut s = String::new();
    if n > 3 {
        s.push(d.upper().to_ascii_lowercase());
    }
    while s.chars().count() < n {
        s.push_str(&d.pick(&pools.surnames).to_lowercase());
    }
    let s: String = s
        .chars()
        .filter(char::is_ascii_alphabetic)
        .take(n)
        .collect();
    super::case::Case::of(like).apply(&s)
}

/// An e-mail address at example.com with a drawn local part.
pub(crate) fn email(original: &str, d: &mut Draw, pools: &Pools) -> String {
    let local = original.split('@').next().unwrap_or("");
    let mut out = handle(local, d, pools);
    if out.is_empty() {
        out.push('x');
    }
    out.push_str("@example.com");
    out
}

/// A web address on example.org keeping the scheme, `www.` and the shape of
/// the path.
pub(crate) fn url(original: &str, d: &mut Draw, pools: &Pools) -> String {
    let (scheme, rest) = match original.find("://") {
        Some(i) => original.split_at(i + 3),
        None => ("", original),
    };
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (host, path) = rest.split_at(host_end);
    let www = host.to_ascii_lowercase().starts_with("www.");
    let mut out = String::from(scheme);
    if www {
        out.push_str("www.");
    }
    out.push_str("example.org");
    out.push_str(&handle(path, d, pools));
    out
}

/// An address from the documentation ranges: `192.0.2.0/24` or `2001:db8::/32`.
pub(crate) fn ip(original: &str, d: &mut Draw) -> String {
    if original.contains(':') && original.matches(':').count() > 1 {
        let groups = d.below(3) + 1;
        let tail: Vec<String> = (0..groups)
            .map(|_| format!("{:x}", d.below(0xffff) + 1))
            .collect();
        let s = format!("2001:db8::{}", tail.join(":"));
        if original.chars().any(|c| c.is_ascii_uppercase()) {
            return s.to_uppercase();
        }
        return s;
    }
    // Keep a port or prefix length written after the address.
    let end = original
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(original.len());
    format!("192.0.2.{}{}", d.below(254) + 1, &original[end..])
}

/// The ASCII letters and digits of `s`, upper case.
pub(crate) fn alnum(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// A card number: 13 to 19 digits passing the Luhn check.
pub(crate) fn luhn_card(s: &str) -> bool {
    let d = digits_of(s);
    (13..=19).contains(&d.len()) && alnum(s).len() == d.len() && luhn_ok(&d)
}

/// An NPI: ten digits passing the Luhn check over the prefix 80840.
pub(crate) fn is_npi(s: &str) -> bool {
    let d = digits_of(s);
    d.len() == 10 && alnum(s).len() == 10 && {
        let mut full = vec![8, 0, 8, 4, 0];
        full.extend(&d);
        luhn_ok(&full)
    }
}

/// A DEA number's shape: two letters, seven digits.
pub(crate) fn is_dea(s: &str) -> bool {
    let a = alnum(s);
    a.len() == 9
        && a[..2].chars().all(|c| c.is_ascii_alphabetic())
        && a[2..].chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::super::key::SurrogateKey;
    use super::*;

    fn draw(v: &str) -> Draw {
        SurrogateKey::from_bytes([3; 32]).draw("t", v)
    }

    #[test]
    fn phones_are_fictional_and_keep_layout() {
        let p = phone("(617) 555-1234 x22", &mut draw("a"));
        assert!(p.starts_with('('), "{p}");
        assert_eq!(&p[6..11], "555-0", "{p}");
        assert!(
            p.ends_with(|c: char| c.is_ascii_digit()) && p.contains(" x"),
            "{p}"
        );
        assert_eq!(p.len(), "(617) 555-1234 x22".len());
        let p = phone("617.555.1234", &mut draw("b"));
        assert_eq!(&p[3..9], ".555.0", "{p}");
        let p = phone("+44 20 7946 0958", &mut draw("c"));
        assert!(p.starts_with("+44 "), "{p}");
    }

    #[test]
    fn ssn_vin_luhn_dea_stay_valid_in_form() {
        let fake = ssn("123-45-6789", &mut draw("s"));
        assert!(
            fake.starts_with('9') && fake.as_bytes()[3] == b'-',
            "{fake}"
        );
        let v = vin("1HGCM82633A004352", &mut draw("v"));
        assert_eq!(v.len(), 17);
        assert_eq!(v.as_bytes()[8], vin_check(v.as_bytes()));
        assert!(!v.contains(['I', 'O', 'Q']));
        let c = luhn("4111 1111 1111 1111", &mut draw("c"));
        assert!(luhn_ok(&digits_of(&c)), "{c}");
        assert_eq!(c.len(), 19);
        let dea_no = dea("AB1234563", &mut draw("d"));
        let x = digits_of(&dea_no);
        assert_eq!(
            u32::from(x[6]),
            (u32::from(x[0] + x[2] + x[4]) + 2 * u32::from(x[1] + x[3] + x[5])) % 10
        );
    }

    #[test]
    fn network_values_use_reserved_ranges() {
        let pools = Pools::get();
        assert!(email("j.smith42@gmail.com", &mut draw("e"), pools).ends_with("@example.com"));
        let u = url(
            "https://www.smithfamily.net/about/me",
            &mut draw("u"),
            pools,
        );
        assert!(u.starts_with("https://www.example.org/"), "{u}");
        assert_eq!(u.matches('/').count(), 4, "{u}");
        assert!(ip("10.1.2.3", &mut draw("i")).starts_with("192.0.2."));
        assert!(ip("fe80::1:2", &mut draw("i")).starts_with("2001:db8::"));
        assert!(ip("10.1.2.3:8080", &mut draw("i")).ends_with(":8080"));
    }

    #[test]
    fn reshape_keeps_kinds() {
        let r = reshape("MRN-00A7b", &mut draw("r"));
        let kinds = |s: &str| -> Vec<u8> {
            s.chars()
                .map(|c| {
                    if c.is_ascii_digit() {
                        0
                    } else if c.is_ascii_uppercase() {
                        1
                    } else if c.is_ascii_lowercase() {
                        2
                    } else {
                        3
                    }
                })
                .collect()
        };
        assert_eq!(kinds(&r), kinds("MRN-00A7b"));
    }
}
