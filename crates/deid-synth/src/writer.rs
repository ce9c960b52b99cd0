//! Renders sentence patterns into a [`Builder`], filling each slot.

use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use crate::builder::Builder;
use crate::cast::Cast;
use crate::fill::Piece;
use crate::patterns::List;
use crate::pools::clinical::{
    DIAGNOSES, DRUGS, DURATIONS, EPONYMS, LAB_VALUES, PROCEDURES, SIGNS, SYMPTOMS, TIMES, VITALS,
};
use crate::pools::places::City;
use crate::slot::{Slot, Token, tokens};
use crate::values::people::Sex;

/// The state of one document being written.
pub(crate) struct Writer<'a> {
    pub(crate) rng: &'a mut ChaCha8Rng,
    pub(crate) cast: &'a Cast,
    pub(crate) out: Builder,
    pub(crate) phi_free: bool,
    /// The city named last, so that a following `{state}` and `{zip}` agree with it.
    pub(crate) city: &'static City,
    /// Every pattern used, as `(list, index)`.
    pub(crate) trace: Vec<(List, usize)>,
}

impl<'a> Writer<'a> {
    pub(crate) fn new(rng: &'a mut ChaCha8Rng, cast: &'a Cast, phi_free: bool) -> Self {
        let city = cast.address.city;
        Writer {
            rng,
            cast,
            out: Builder::default(),
            phi_free,
            city,
            trace: Vec::new(),
        }
    }

    fn female(&self) -> bool {
        self.cast.patient.sex == Sex::Female
    }

    pub(crate) fn his(&self) -> &'static str {
        if self.female() { "her" } else { "his" }
    }

    /// Writes pattern `index` of `list`.
    pub(crate) fn pattern(&mut self, list: List, index: usize) {
        self.trace.push((list, index));
        self.render(list.patterns()[index]);
    }

    fn render(&mut self, pattern: &str) {
        let mut sentence_start = true;
        for token in tokens(pattern) {
            match token {
                Token::Text(t) => {
                    self.out.push(t);
                    let t = t.trim_end_matches(' ');
                    sentence_start = t.ends_with(['.', '!', '?', '\n']);
                }
                Token::Slot(slot) => {
                    let pieces = if slot.is_plain() {
                        vec![(self.plain(slot), None)]
                    } else if self.phi_free {
                        vec![(self.filler(slot), None)]
                    } else {
                        self.phi(slot)
                    };
                    debug_assert!(
                        pieces.iter().all(|(_, c)| match (c, slot.category()) {
                            (Some(c), Some(expected)) => *c == expected,
                            _ => true,
                        }),
                        "{slot:?} rendered a value of another category"
                    );
                    self.emit(pieces, sentence_start);
                    sentence_start = false;
                }
            }
        }
    }

    fn emit(&mut self, pieces: Vec<Piece>, sentence_start: bool) {
        for (i, (s, category)) in pieces.into_iter().enumerate() {
            match category {
                Some(c) => self.out.phi(c, &s),
                None if i == 0 && sentence_start => self.out.push(&capitalize(&s)),
                None => self.out.push(&s),
            }
        }
    }

    fn filler(&mut self, slot: Slot) -> String {
        let f = slot
            .fillers()
            .choose(self.rng)
            .copied()
            .unwrap_or("the patient");
        f.replace("{his}", self.his())
    }

    fn plain(&mut self, slot: Slot) -> String {
        let f = self.female();
        let pool: &[&str] = match slot {
            Slot::He => return if f { "she" } else { "he" }.into(),
            Slot::HeCap => return if f { "She" } else { "He" }.into(),
            Slot::His => return self.his().into(),
            Slot::HisCap => return if f { "Her" } else { "His" }.into(),
            Slot::Him => return if f { "her" } else { "him" }.into(),
            Slot::Sex => return if f { "F" } else { "M" }.into(),
            Slot::Man if f => &["woman", "woman", "female", "lady"],
            Slot::Man => &["man", "man", "male", "gentleman"],
            Slot::Drug => DRUGS,
            Slot::Sym => SYMPTOMS,
            Slot::Dx => DIAGNOSES,
            Slot::Dur => DURATIONS,
            Slot::Time => TIMES,
            Slot::Epo => EPONYMS,
            Slot::Sign => SIGNS,
            Slot::Lab => LAB_VALUES,
            Slot::Vit => VITALS,
            Slot::Proc => PROCEDURES,
            _ => unreachable!("{slot:?} is not plain"),
        };
        pool.choose(self.rng)
            .copied()
            .unwrap_or_default()
            .to_string()
    }

    /// Indices of `list` this document may use: those of its split and, without PHI,
    /// those whose every slot has a non-PHI filler.
    pub(crate) fn allowed(&self, list: List, split: crate::Split) -> Vec<usize> {
        (0..list.patterns().len())
            .filter(|&i| crate::patterns::in_split(i, split))
            .filter(|&i| !self.phi_free || crate::slot::phi_free_ok(list.patterns()[i]))
            .collect()
    }

    /// `n` distinct allowed patterns of `list`, in random order.
    pub(crate) fn choose(&mut self, list: List, split: crate::Split, n: usize) -> Vec<usize> {
        let allowed = self.allowed(list, split);
        allowed.choose_multiple(self.rng, n).copied().collect()
    }

    pub(crate) fn chance(&mut self, p: f64) -> bool {
        self.rng.random_bool(p)
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
