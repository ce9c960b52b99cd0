//! The rule-and-list detector: validated patterns for structured PHI and list
//! lookups with context for names and places.

mod address;
mod ages;
mod contact;
mod dates;
mod ids;
mod names;
pub(crate) mod orgs;
pub(crate) use orgs::institution_head;
pub(crate) use places::zip_starts;
mod pattern;
pub(crate) mod places;

use crate::lexicon::{Lexicon, lexicon};
use crate::{Category, Detector, Finding, Reason, Span};

/// Findings collected while the rules run over one text.
pub(crate) struct Out<'t> {
    pub(crate) text: &'t str,
    pub(crate) findings: Vec<Finding>,
}

impl Out<'_> {
    pub(crate) fn push(
        &mut self,
        start: usize,
        end: usize,
        category: Category,
        confidence: f32,
        reason: Reason,
    ) {
        if start < end {
            self.findings.push(Finding::new(
                Span::new(start, end),
                category,
                confidence,
                reason,
            ));
        }
    }
}

/// What the lists say about each word that starts with a capital letter (the
/// words that can begin a name or a place), looked up once for all rules;
/// other words get the empty entry.
fn word_infos(lex: &Lexicon, words: &crate::text::Words<'_>) -> Vec<crate::lexicon::WordInfo> {
    (0..words.len())
        .map(|i| {
            if words.cap(i) {
                lex.word(crate::text::without_possessive(words.lower(i)))
            } else {
                crate::lexicon::WordInfo::default()
            }
        })
        .collect()
}

/// The pattern families, as numbered in [`Scan`]s.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Dates,
    Ages,
    Contact,
    Ids,
    Address,
}

/// Alternatives `range` of a family's patterns.
type Part<'p> = (Kind, &'p [(String, bool)], std::ops::Range<usize>);

/// Several families' alternatives searched together, so the text is scanned
/// once for all of them. Where matches would overlap, the one that starts
/// first wins, and at one start the alternative listed first. Families share
/// a scan, in an order, only where that keeps what scanning them apart and
/// resolving the overlaps would keep: over 5,600 generated, held-out and
/// Presidio texts the findings are the same but for three street numbers
/// that the separate scans took for years ("mailed to 1930 Alameda St").
struct Scan {
    family: pattern::Family,
    /// For each alternative of `family`: its family and its number there.
    alts: Vec<(Kind, usize)>,
}

impl Scan {
    /// `parts`: which alternatives of which family, in order.
    fn new(parts: &[Part<'_>]) -> Self {
        let mut patterns: Vec<(&str, bool)> = Vec::new();
        let mut alts = Vec::new();
        for (kind, family, range) in parts {
            for k in range.clone() {
                let (p, groups) = &family[k];
                patterns.push((p.as_str(), *groups));
                alts.push((*kind, k));
            }
        }
        Scan {
            family: pattern::Family::new(&patterns),
            alts,
        }
    }

    /// Where alternative `k` of family `kind` sits in this scan.
    fn position(&self, kind: Kind, k: usize) -> Option<usize> {
        self.alts.iter().position(|&(f, a)| f == kind && a == k)
    }
}

/// Compiled rules. Build once with [`Rules::new`] and share: detection takes `&self`.
pub struct Rules {
    /// Addresses, dates and ages; e-mail, URLs, identifiers and the other
    /// contact forms.
    scans: [Scan; 2],
    dates: dates::Dates,
    contact: contact::Contact,
    ids: ids::Ids,
    orgs: orgs::Orgs,
    lex: &'static Lexicon,
}

impl std::fmt::Debug for Rules {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rules").finish_non_exhaustive()
    }
}

impl Default for Rules {
    fn default() -> Self {
        Self::new()
    }
}

impl Rules {
    pub fn new() -> Self {
        let dates = dates::Dates::alternatives();
        let ages = ages::alternatives();
        let contact = contact::Contact::alternatives();
        let ids = ids::Ids::alternatives();
        let address = address::alternatives();
        // A street number may also read as a year ("letter mailed to 1930
        // Alameda St"): the street comes first. E-mail addresses and URLs
        // come before the identifier labels ("vin" opens "vincent@..."), the
        // other contact forms after them ("account" labels both a user name
        // and an account number).
        let scans = [
            Scan::new(&[
                (Kind::Address, &address, 0..address.len()),
                (Kind::Dates, &dates, 0..dates.len()),
                (Kind::Ages, &ages, 0..ages.len()),
            ]),
            Scan::new(&[
                (Kind::Contact, &contact, contact::BEFORE_LABELS),
                (Kind::Ids, &ids, 0..ids.len()),
                (
                    Kind::Contact,
                    &contact,
                    contact::BEFORE_LABELS.end..contact.len(),
                ),
            ]),
        ];
        let scans_ref = &scans;
        let group = |kind: Kind| {
            move |k: usize, name: &str| {
                let (scan, at) = scans_ref
                    .iter()
                    .find_map(|s| s.position(kind, k).map(|p| (s, p)))
                    .expect("every alternative is in a scan");
                scan.family.group(at, name)
            }
        };
        let (dates, contact, ids) = (
            dates::Dates::new(group(Kind::Dates)),
            contact::Contact::new(group(Kind::Contact)),
            ids::Ids::new(group(Kind::Ids)),
        );
        Rules {
            dates,
            contact,
            ids,
            orgs: orgs::Orgs::new(),
            lex: lexicon(),
            scans,
        }
    }

    /// Runs every pattern family over the text.
    fn patterns(&self, out: &mut Out<'_>) {
        for scan in &self.scans {
            scan.family.each(out.text, |c| {
                let (kind, alt) = scan.alts[c.alt];
                self.hit(kind, out, &c, alt);
            });
        }
        self.dates.attach_weekdays(out);
        contact::ipv6(out);
    }

    /// Hands a match of alternative `alt` of family `kind` to that family.
    fn hit(&self, kind: Kind, out: &mut Out<'_>, c: &pattern::Hit<'_, '_>, alt: usize) {
        match kind {
            Kind::Dates => self.dates.hit(out, c, alt),
            Kind::Ages => ages::hit(out, c, alt),
            Kind::Contact => self.contact.hit(out, c, alt),
            Kind::Ids => self.ids.hit(out, c, alt),
            Kind::Address => address::hit(out, self.lex, c, alt),
        }
    }
}

impl Detector for Rules {
    fn detect(&self, text: &str) -> Vec<Finding> {
        let mut out = Out {
            text,
            findings: Vec::new(),
        };
        self.patterns(&mut out);
        let words = crate::text::Words::new(text);
        let infos = word_infos(self.lex, &words);
        self.orgs.detect(&mut out, self.lex, &words);
        places::detect(&mut out, self.lex, &words, &infos);
        names::detect(&mut out, self.lex, &words, &infos);
        out.findings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One scan for each family on its own.
    fn apart_scans() -> Vec<(Kind, Scan)> {
        let families = [
            (Kind::Dates, dates::Dates::alternatives()),
            (Kind::Ages, ages::alternatives()),
            (Kind::Contact, contact::Contact::alternatives()),
            (Kind::Ids, ids::Ids::alternatives()),
            (Kind::Address, address::alternatives()),
        ];
        families
            .iter()
            .map(|(kind, alts)| (*kind, Scan::new(&[(*kind, alts, 0..alts.len())])))
            .collect()
    }

    /// The pattern findings with each family scanned on its own, overlaps resolved.
    fn apart(rules: &Rules, scans: &[(Kind, Scan)], text: &str) -> Vec<Finding> {
        let mut out = Out {
            text,
            findings: Vec::new(),
        };
        for (kind, scan) in scans {
            scan.family
                .each(text, |c| rules.hit(*kind, &mut out, &c, c.alt));
        }
        rules.dates.attach_weekdays(&mut out);
        contact::ipv6(&mut out);
        crate::merge::resolve(crate::merge::fuse(out.findings, text), text)
    }

    #[test]
    fn shared_scans_keep_what_separate_scans_keep() {
        let rules = Rules::new();
        let scans = apart_scans();
        let cfg = deid_synth::SynthConfig {
            seed: 7,
            count: 300,
            split: deid_synth::Split::Train,
            phi_free: false,
        };
        let mut compared = 0;
        for doc in deid_synth::generate(&cfg) {
            let text = doc.text.as_str();
            let mut out = Out {
                text,
                findings: Vec::new(),
            };
            rules.patterns(&mut out);
            let shared = crate::merge::resolve(crate::merge::fuse(out.findings, text), text);
            let key = |f: &Finding| (f.span.start(), f.span.end(), f.category);
            let mut a: Vec<_> = shared.iter().map(key).collect();
            let mut b: Vec<_> = apart(&rules, &scans, text).iter().map(key).collect();
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b, "note {}", doc.id);
            compared += a.len();
        }
        assert!(compared > 1000, "only {compared} findings compared");
    }
}
