//! Phone, fax and pager numbers, email, URLs, IP addresses and usernames.

use std::net::Ipv6Addr;

use super::Out;
use super::pattern::Hit;
use crate::text::{before, line_before};
use crate::{Category, Reason};

/// Email, URL, IPv4, phone, international phone, bare domain, username and
/// handle, in the order of the constants below.
pub(crate) struct Contact {
    g: ContactGroups,
}

/// The alternatives of the contact family, in order.
const EMAIL: usize = 0;
const URL: usize = 1;
/// E-mail and URL: the forms that go before the identifier labels when they
/// share a scan ("vin" opens "vincent@...").
pub(crate) const BEFORE_LABELS: std::ops::Range<usize> = EMAIL..URL + 1;
const IPV4: usize = 2;
const PHONE: usize = 3;
const INTL: usize = 4;
const NATL: usize = 5;
const DOMAIN: usize = 6;
const PAGER: usize = 7;
const USER: usize = 8;
const HANDLE: usize = 9;

/// Group indices of the alternatives whose groups are read.
struct ContactGroups {
    pv: usize,
    userlabel: usize,
    sep: usize,
    user: usize,
    handle: usize,
}

/// An extension after a number, or the end of the number.
const EXT: &str = r"(?:\s*(?:,\s*)?(?:x|ext\.?|extension|ext:)\s*\d{1,6}\b|\b)";

impl Contact {
    /// The patterns, each with whether its groups are read.
    pub(crate) fn alternatives() -> Vec<(String, bool)> {
        let forms = [
            r"(?P<email>\b[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}\b)".to_owned(),
            r#"(?P<url>\b(?:https?://|ftp://|www\.)[^\s<>"'\]\[]+)"#.to_owned(),
            r"(?P<ipv4>\b(?:\d{1,3}\.){3}\d{1,3}\b)".to_owned(),
            format!(r"(?P<phone>(?:\+?1[\s.-]?|\b00\d{{1,3}}[\s.-]?)?(?:\(\d{{3}}\)\s?|\b\d{{3}}[\s.-]?)\d{{3}}[\s.-]?\d{{4}}{EXT})"),
            format!(r"(?P<intl>\+\d{{1,3}}(?:[\s.-]?\(?\d{{1,4}}\)?){{2,5}}{EXT})"),
            // National formats that start with a trunk 0: "070 4493 5104", "06-10446904".
            format!(r"(?P<natl>\b0\d{{1,3}}(?:[ .-]\d{{2,5}}){{1,4}}{EXT})"),
            r"(?P<domain>\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|gov|io|us|info|biz|health|co|uk|ca|me|ly|mil|int|app|dev)\b(?:/[^\s<>]*)?)".to_owned(),
            r"(?P<pager>\b(?:pager|pgr|beeper)\s*(?::|no\.?)?\s*|\bpaged\s+(?:dr\.?\s+|doctor\s+)?[a-z'-]+(?:\s+[a-z'-]+)?\s+at\s+)(?P<pv>#?\d{1,2}-\d{4}|#?\d{4,6})\b".to_owned(),
            r"(?P<userlabel>\b(?:user\s?name|user\s?id|log(?:ged)?\s?in\s+as|login(?:\s+(?:id|name))?|log-in|handle|screen\s?name|user|account))(?P<sep>\s*(?:is|was|:|#|=)?\s*:?\s*)@?(?P<user>[a-z0-9][a-z0-9._-]{1,31}[a-z0-9])\b".to_owned(),
            r"(?:^|[\s(])(?P<handle>@[a-z][a-z0-9_]{2,30})\b".to_owned(),
        ];
        forms
            .into_iter()
            .enumerate()
            .map(|(k, f)| (format!("(?i){f}"), matches!(k, PAGER | USER | HANDLE)))
            .collect()
    }

    /// Reads the group indices through `group(alternative, name)`.
    pub(crate) fn new(group: impl Fn(usize, &str) -> usize) -> Self {
        let g = ContactGroups {
            pv: group(PAGER, "pv"),
            userlabel: group(USER, "userlabel"),
            sep: group(USER, "sep"),
            user: group(USER, "user"),
            handle: group(HANDLE, "handle"),
        };
        Contact { g }
    }

    /// Judges a match of alternative `alt`.
    pub(crate) fn hit(&self, out: &mut Out<'_>, c: &Hit<'_, '_>, alt: usize) {
        let text = out.text;
        let g = &self.g;
        {
            let m = c.whole();
            match alt {
                EMAIL => out.push(m.start, m.end, Category::Email, 0.99, Reason::rule("email")),
                URL => {
                    let end = m.start + trim_url(&text[m]);
                    out.push(m.start, end, Category::Url, 0.97, Reason::rule("url"));
                }
                IPV4 => ipv4(out, m.start, m.end),
                PHONE | INTL => phone(out, m.start, m.end, 10),
                NATL => phone(out, m.start, m.end, 9),
                DOMAIN => {
                    let glued = text[..m.start].ends_with(['@', '.', '/'])
                        || text[m.end..].starts_with('@');
                    if !glued {
                        let end = m.start + trim_url(&text[m]);
                        out.push(
                            m.start,
                            end,
                            Category::Url,
                            0.85,
                            Reason::rule("url.domain"),
                        );
                    }
                }
                PAGER => {
                    if let Some(v) = c.get(g.pv) {
                        out.push(
                            v.start,
                            v.end,
                            Category::Phone,
                            0.85,
                            Reason::rule("phone.pager").with("pager"),
                        );
                    }
                }
                USER => {
                    if let Some(u) = c.get(g.user) {
                        let sep = c.str(g.sep).trim();
                        let label = c.str(g.userlabel).to_ascii_lowercase();
                        username(out, u.start, u.end, sep, &label);
                    }
                }
                _ => {
                    if let Some(h) = c.get(g.handle) {
                        if text[h].as_bytes()[1..]
                            .first()
                            .is_some_and(u8::is_ascii_alphabetic)
                            && !before(text, h.start, 3).is_empty()
                        {
                            out.push(
                                h.start,
                                h.end,
                                Category::Username,
                                0.8,
                                Reason::rule("username.handle"),
                            );
                        }
                    }
                }
            }
        }
    }
}

/// IPv6 addresses: runs of hex digits and colons around each colon, checked by
/// the standard library's parser.
pub(crate) fn ipv6(out: &mut Out<'_>) {
    let text = out.text;
    let bytes = text.as_bytes();
    let part = |b: u8| b.is_ascii_hexdigit() || b == b':';
    let mut from = 0;
    while let Some(pos) = memchr::memchr(b':', &bytes[from..]).map(|p| p + from) {
        let mut start = pos;
        while start > 0 && part(bytes[start - 1]) {
            start -= 1;
        }
        let mut end = pos;
        while end < bytes.len() && part(bytes[end]) {
            end += 1;
        }
        from = end.max(pos + 1);
        let s = &text[start..end];
        let glued = text[..start].ends_with(|c: char| c.is_ascii_alphanumeric())
            || text[end..].starts_with(|c: char| c.is_ascii_alphanumeric());
        if !glued && s.len() >= 6 && s.matches(':').count() >= 2 && s.parse::<Ipv6Addr>().is_ok() {
            out.push(start, end, Category::IPAddress, 0.95, Reason::rule("ip.v6"));
        }
    }
}

/// A phone, fax or pager number: ten digits or more, not glued to other
/// identifiers, with the kind read from the words before it on its line.
fn phone(out: &mut Out<'_>, start: usize, end: usize, min_digits: usize) {
    let text = out.text;
    let s = &text[start..end];
    let digits = s.bytes().filter(u8::is_ascii_digit).count();
    let rest = &text[end..];
    let glued = text[..start]
        .ends_with(|c: char| c.is_ascii_alphanumeric() || c == '-' || c == '/')
        || rest.starts_with(['-', '/', '.']) && rest[1..].starts_with(|c: char| c.is_ascii_digit());
    if digits < min_digits || digits > 15 || glued || ssn_shape(s) {
        return;
    }
    let ctx = line_before(text, start).to_ascii_lowercase();
    let near = &ctx[crate::text::ceil_char(&ctx, ctx.len().saturating_sub(28))..];
    let (category, detail) =
        if near.contains("fax") || near.trim_end().ends_with("f:") || near.contains("facsimile") {
            (Category::Fax, "fax")
        } else if near.contains("pager") || near.contains("pgr") || near.contains("beeper") {
            (Category::Phone, "pager")
        } else {
            (Category::Phone, "phone")
        };
    let bare = s.bytes().all(|b| b.is_ascii_digit());
    out.push(
        start,
        end,
        category,
        if bare { 0.7 } else { 0.95 },
        Reason::rule("phone").with(detail),
    );
}

/// Four octets of at most 255, without leading zeros, not part of a longer number.
fn ipv4(out: &mut Out<'_>, start: usize, end: usize) {
    let text = out.text;
    let ok = text[start..end]
        .split('.')
        .all(|o| o.parse::<u8>().is_ok() && (o.len() == 1 || !o.starts_with('0')));
    let rest = &text[end..];
    let glued = text[..start].ends_with('.')
        || rest.starts_with('.') && rest[1..].starts_with(|d: char| d.is_ascii_digit());
    if ok && !glued {
        out.push(start, end, Category::IPAddress, 0.95, Reason::rule("ip.v4"));
    }
}

/// A value after a username label: an ID-like token, or any non-vocabulary
/// word after an explicit label ("login jsmith", "username: mlopez").
fn username(out: &mut Out<'_>, start: usize, end: usize, sep: &str, label: &str) {
    let value = &out.text[start..end];
    let id_like = value.contains(|ch: char| ch.is_ascii_digit() || ch == '_' || ch == '.');
    let plain_label = label == "user" || label == "account";
    let word = crate::lexicon::lexicon().is_common(&value.to_lowercase());
    if (id_like || !word || !sep.is_empty() && !plain_label) && !value.contains('@') {
        out.push(
            start,
            end,
            Category::Username,
            0.85,
            Reason::rule("username"),
        );
    }
}

/// Byte length of a URL without trailing punctuation that belongs to the sentence.
fn trim_url(s: &str) -> usize {
    let mut t = s.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '"']);
    if t.ends_with(')') && !t.contains('(') {
        t = t.trim_end_matches(')');
    }
    t.trim_end_matches(['.', ',', ';', ':']).len()
}

/// `123-45-6789`: the shape of an SSN, which is not a phone number.
fn ssn_shape(s: &str) -> bool {
    let parts: Vec<&str> = s.split(['-', ' ']).collect();
    parts.len() == 3 && parts[0].len() == 3 && parts[1].len() == 2 && parts[2].len() == 4
}
