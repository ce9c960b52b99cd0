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

/// Compiled rules. Build once with [`Rules::new`] and share: detection takes `&self`.
pub struct Rules {
    dates: dates::Dates,
    ages: ages::Ages,
    contact: contact::Contact,
    ids: ids::Ids,
    address: address::Address,
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
        Rules {
            dates: dates::Dates::new(),
            ages: ages::Ages::new(),
            contact: contact::Contact::new(),
            ids: ids::Ids::new(),
            address: address::Address::new(),
            orgs: orgs::Orgs::new(),
            lex: lexicon(),
        }
    }
}

impl Detector for Rules {
    fn detect(&self, text: &str) -> Vec<Finding> {
        let mut out = Out {
            text,
            findings: Vec::new(),
        };
        self.dates.detect(&mut out);
        self.ages.detect(&mut out);
        self.contact.detect(&mut out);
        self.ids.detect(&mut out);
        self.address.detect(&mut out, self.lex);
        let words = crate::text::Words::new(text);
        let infos = word_infos(self.lex, &words);
        self.orgs.detect(&mut out, self.lex, &words);
        places::detect(&mut out, self.lex, &words, &infos);
        names::detect(&mut out, self.lex, &words, &infos);
        out.findings
    }
}
