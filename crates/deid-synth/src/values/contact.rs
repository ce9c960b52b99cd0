//! Phone and fax numbers, email addresses, URLs, IP addresses and usernames.

use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::ids::digits;

const AREA_CODES: &[u32] = &[
    617, 508, 413, 978, 401, 860, 212, 718, 914, 973, 215, 412, 410, 804, 919, 704, 404, 305, 813,
    407, 205, 615, 901, 502, 513, 216, 614, 313, 317, 312, 414, 612, 515, 402, 316, 816, 314, 504,
    713, 214, 512, 210, 405, 505, 303, 801, 602, 520, 702, 208, 206, 509, 503, 916, 415, 510, 408,
    213, 619, 907, 808, 787,
];

const MAIL_DOMAINS: &[&str] = &[
    "gmail.com",
    "yahoo.com",
    "outlook.com",
    "hotmail.com",
    "icloud.com",
    "aol.com",
    "comcast.net",
    "proton.me",
    "verizon.net",
    "live.com",
];

fn local_number(rng: &mut ChaCha8Rng) -> (u32, u32, String) {
    let area = *AREA_CODES.choose(rng).unwrap_or(&617);
    let exchange = rng.random_range(201..999);
    let exchange = if exchange % 100 == 11 {
        exchange + 1
    } else {
        exchange
    };
    (area, exchange, digits(rng, 4))
}

/// A North American number in one of many layouts, sometimes with an extension.
pub(crate) fn phone(rng: &mut ChaCha8Rng, allow_ext: bool) -> String {
    let (a, e, n) = local_number(rng);
    let mut s = match rng.random_range(0..9) {
        0 | 1 => format!("({a}) {e}-{n}"),
        2 | 3 => format!("{a}-{e}-{n}"),
        4 => format!("{a}.{e}.{n}"),
        5 => format!("+1 ({a}) {e}-{n}"),
        6 => format!("+1-{a}-{e}-{n}"),
        7 => format!("1-800-{e}-{n}"),
        _ => format!("{a} {e} {n}"),
    };
    if allow_ext && rng.random_bool(0.15) {
        let ext = rng.random_range(2..9999);
        s.push_str(&match rng.random_range(0..3) {
            0 => format!(" ext. {ext}"),
            1 => format!(" x{ext}"),
            _ => format!(" ext {ext}"),
        });
    }
    s
}

/// A number abroad, for relatives who live in another country.
pub(crate) fn phone_abroad(rng: &mut ChaCha8Rng) -> String {
    match rng.random_range(0..4) {
        0 => format!("+44 20 {} {}", digits(rng, 4), digits(rng, 4)),
        1 => format!("+52 55 {} {}", digits(rng, 4), digits(rng, 4)),
        2 => format!("+91 98{} {}", digits(rng, 3), digits(rng, 5)),
        _ => format!(
            "+234 80{} {} {}",
            digits(rng, 1),
            digits(rng, 3),
            digits(rng, 4)
        ),
    }
}

/// A short internal pager or extension written the hospital way.
pub(crate) fn pager(rng: &mut ChaCha8Rng) -> String {
    match rng.random_range(0..3) {
        0 => format!("{}-{}", rng.random_range(2..9), digits(rng, 4)),
        1 => format!("#{}", digits(rng, 5)),
        _ => phone(rng, false),
    }
}

/// Lower-case ASCII letters of a name, for building addresses and handles.
pub(crate) fn ascii_fold(s: &str) -> String {
    s.chars()
        .filter_map(|c| {
            let base = match c {
                'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'Á' => 'a',
                'é' | 'è' | 'ê' | 'ë' | 'É' => 'e',
                'í' | 'ì' | 'î' | 'ï' => 'i',
                'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'Ó' => 'o',
                'ú' | 'ù' | 'û' | 'ü' => 'u',
                'ñ' => 'n',
                'ç' => 'c',
                'ł' | 'Ł' => 'l',
                'ś' | 'Ś' => 's',
                'ż' | 'ź' => 'z',
                c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
                _ => return None,
            };
            Some(base)
        })
        .collect()
}

pub(crate) fn email(rng: &mut ChaCha8Rng, first: &str, last: &str, domain: Option<&str>) -> String {
    let (f, l) = (ascii_fold(first), ascii_fold(last));
    let f1 = f.chars().next().unwrap_or('x');
    let user = match rng.random_range(0..6) {
        0 => format!("{f}.{l}"),
        1 => format!("{f1}{l}"),
        2 => format!("{f}{l}{}", rng.random_range(1..99)),
        3 => format!("{f}_{l}"),
        4 => format!("{l}.{f1}"),
        _ => format!("{f}{}", rng.random_range(1950..2010)),
    };
    let domain = domain.unwrap_or_else(|| MAIL_DOMAINS.choose(rng).unwrap_or(&"gmail.com"));
    format!("{user}@{domain}")
}

/// The web domain of an institution: "Riverside Medical Center" -> "riversidemed.org".
pub(crate) fn domain_of(institution: &str) -> String {
    let word = institution
        .split_whitespace()
        .find(|w| w.len() > 3)
        .unwrap_or("health");
    format!("{}health.org", ascii_fold(word))
}

pub(crate) fn url(rng: &mut ChaCha8Rng, domain: &str) -> String {
    let id = digits(rng, 6);
    match rng.random_range(0..6) {
        0 => format!("https://mychart.{domain}/MyChart/"),
        1 => format!("https://portal.{domain}/visit/{id}"),
        2 => format!("www.{domain}/patients/forms"),
        3 => format!("https://telehealth.{domain}/join/{id}"),
        4 => format!("http://{domain}/records/request?id={id}"),
        _ => format!("https://www.{domain}/find-a-doctor"),
    }
}

pub(crate) fn ip(rng: &mut ChaCha8Rng) -> String {
    let mut o = || rng.random_range(1..255);
    match o() % 5 {
        0 => format!("10.{}.{}.{}", o(), o(), o()),
        1 => format!("192.168.{}.{}", o(), o()),
        2 => format!("172.{}.{}.{}", 16 + o() % 16, o(), o()),
        3 => format!("{}.{}.{}.{}", 23 + o() % 180, o(), o(), o()),
        _ => {
            let mut h = || format!("{:x}", rng.random_range(1..0xffffu32));
            format!("2601:{}:{}::{}:{}", h(), h(), h(), h())
        }
    }
}

pub(crate) fn username(rng: &mut ChaCha8Rng, first: &str, last: &str) -> String {
    let (f, l) = (ascii_fold(first), ascii_fold(last));
    let f1 = f.chars().next().unwrap_or('x');
    match rng.random_range(0..6) {
        0 => format!("{f1}{l}{}", rng.random_range(1..99)),
        1 => format!("{f}.{}", l.chars().next().unwrap_or('x')),
        2 => format!("{l}{f1}"),
        3 => format!("{f}_{l}{}", rng.random_range(70..99)),
        4 => format!(
            "{f1}{}{}",
            l.chars().take(5).collect::<String>(),
            digits(rng, 3)
        ),
        _ => format!("{f}{}", rng.random_range(1950..2010)),
    }
}
