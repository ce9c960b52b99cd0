//! Phone, fax and pager numbers, email, URLs, IP addresses and usernames.

use std::net::Ipv6Addr;

use regex::Regex;

use super::Out;
use crate::text::{before, line_before};
use crate::{Category, Reason};

pub(crate) struct Contact {
    phone: Regex,
    intl: Regex,
    email: Regex,
    url: Regex,
    domain: Regex,
    ipv4: Regex,
    ipv6: Regex,
    username: Regex,
    handle: Regex,
}

const EXT: &str = r"(?:\s*(?:,\s*)?(?:x|ext\.?|extension|ext:)\s*\d{1,6})?";

impl Contact {
    pub(crate) fn new() -> Self {
        let re = |s: &str| super::pattern::compile(s);
        Contact {
            phone: re(&format!(
                r"(?i)(?:\+?1[\s.-]?)?(?:\(\d{{3}}\)\s?|\b\d{{3}}[\s.-]?)\d{{3}}[\s.-]?\d{{4}}\b{EXT}"
            )),
            intl: re(&format!(
                r"\+\d{{1,3}}(?:[\s.-]?\(?\d{{1,4}}\)?){{2,5}}\b{EXT}"
            )),
            email: re(r"(?i)\b[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}\b"),
            url: re(r#"(?i)\b(?:https?://|ftp://|www\.)[^\s<>"'\]\[]+"#),
            domain: re(
                r"(?i)\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|gov|io|us|info|biz|health|co|uk|ca|me|ly|mil|int|app|dev)\b(?:/[^\s<>]*)?",
            ),
            ipv4: re(r"\b(?:\d{1,3}\.){3}\d{1,3}\b"),
            ipv6: re(r"(?i)(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}"),
            username: re(
                r"(?i)\b(?:user\s?name|user\s?id|login(?:\s+(?:id|name))?|log-in|handle|screen\s?name|user|account)(\s*(?:is|was|:|#|=)?\s*:?\s*)@?([a-z0-9][a-z0-9._-]{1,31}[a-z0-9])\b",
            ),
            handle: re(r"(?:^|[\s(])@([A-Za-z][A-Za-z0-9_]{2,30})\b"),
        }
    }

    pub(crate) fn detect(&self, out: &mut Out<'_>) {
        let text = out.text;
        for m in self.phone.find_iter(text).chain(self.intl.find_iter(text)) {
            let digits = m.as_str().bytes().filter(u8::is_ascii_digit).count();
            let glued = text[..m.start()]
                .ends_with(|c: char| c.is_ascii_alphanumeric() || c == '-' || c == '/')
                || text[m.end()..].starts_with(['-', '/']);
            if digits < 10 || glued || ssn_shape(m.as_str()) {
                continue;
            }
            let ctx = line_before(text, m.start()).to_ascii_lowercase();
            let near = &ctx[crate::text::ceil_char(&ctx, ctx.len().saturating_sub(28))..];
            let (category, detail) = if near.contains("fax")
                || near.trim_end().ends_with("f:")
                || near.contains("facsimile")
            {
                (Category::Fax, "fax")
            } else if near.contains("pager") || near.contains("pgr") || near.contains("beeper") {
                (Category::Phone, "pager")
            } else {
                (Category::Phone, "phone")
            };
            let bare = m.as_str().bytes().all(|b| b.is_ascii_digit());
            out.push(
                m.start(),
                m.end(),
                category,
                if bare { 0.7 } else { 0.95 },
                Reason::rule("phone").with(detail),
            );
        }
        for m in self.email.find_iter(text) {
            out.push(
                m.start(),
                m.end(),
                Category::Email,
                0.99,
                Reason::rule("email"),
            );
        }
        for m in self.url.find_iter(text) {
            let end = m.start() + trim_url(m.as_str());
            out.push(m.start(), end, Category::Url, 0.97, Reason::rule("url"));
        }
        for m in self.domain.find_iter(text) {
            let prev = text[..m.start()].chars().next_back();
            if prev.is_some_and(|c| c == '@' || c == '.' || c == '/')
                || text[m.end()..].starts_with('@')
            {
                continue;
            }
            let end = m.start() + trim_url(m.as_str());
            out.push(
                m.start(),
                end,
                Category::Url,
                0.85,
                Reason::rule("url.domain"),
            );
        }
        for m in self.ipv4.find_iter(text) {
            let ok = m
                .as_str()
                .split('.')
                .all(|o| o.parse::<u8>().is_ok() && (o.len() == 1 || !o.starts_with('0')));
            let glued = text[..m.start()].ends_with('.')
                || text[m.end()..].starts_with(|c: char| {
                    c == '.' && text[m.end() + 1..].starts_with(|d: char| d.is_ascii_digit())
                });
            if ok && !glued {
                out.push(
                    m.start(),
                    m.end(),
                    Category::IPAddress,
                    0.95,
                    Reason::rule("ip.v4"),
                );
            }
        }
        for m in self.ipv6.find_iter(text) {
            let s = m.as_str();
            let glued = text[..m.start()]
                .ends_with(|c: char| c.is_ascii_alphanumeric() || c == ':')
                || text[m.end()..].starts_with(|c: char| c.is_ascii_alphanumeric());
            if !glued
                && s.matches(':').count() >= 2
                && s.parse::<Ipv6Addr>().is_ok()
                && s.len() >= 6
            {
                out.push(
                    m.start(),
                    m.end(),
                    Category::IPAddress,
                    0.95,
                    Reason::rule("ip.v6"),
                );
            }
        }
        for c in self.username.captures_iter(text) {
            let g = c.get(2).expect("group");
            let sep = c.get(1).map_or("", |s| s.as_str()).trim();
            let label = c.get(0).expect("match").as_str().to_ascii_lowercase();
            let id_like = g
                .as_str()
                .contains(|ch: char| ch.is_ascii_digit() || ch == '_' || ch == '.');
            let plain_label = label.starts_with("user ") || label.starts_with("account");
            let word = crate::lexicon::lexicon().is_common(&g.as_str().to_lowercase());
            if (id_like || (!sep.is_empty() || !word) && !plain_label) && !g.as_str().contains('@')
            {
                out.push(
                    g.start(),
                    g.end(),
                    Category::Username,
                    0.85,
                    Reason::rule("username"),
                );
            }
        }
        for c in self.handle.captures_iter(text) {
            let g = c.get(1).expect("group");
            if !before(text, g.start(), 3).is_empty() {
                out.push(
                    g.start() - 1,
                    g.end(),
                    Category::Username,
                    0.8,
                    Reason::rule("username.handle"),
                );
            }
        }
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
