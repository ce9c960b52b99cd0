//! The document kinds and their layouts: which sections, in what order, how long.

mod letters;
mod notes;
mod reports;

use crate::patterns::List;

/// A generated table or list that is not made of sentence patterns.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Block {
    Labs,
    Meds,
    Vitals,
}

/// One part of a layout. Counts are the inclusive range of patterns to draw.
#[derive(Debug)]
pub(crate) enum Part {
    /// Label lines at the top, one pattern per line.
    Fields(List, usize, usize),
    /// Lines without a heading: letterheads, salutations, signatures.
    Lines(List, usize, usize),
    /// A paragraph without a heading.
    Para(List, usize, usize),
    /// A section under one of the given headings.
    Section(&'static [&'static str], List, usize, usize),
    Block(Block),
    /// The date line of a letter.
    DateLine,
    /// Included with probability 0.6.
    Maybe(&'static Part),
    /// Typed by the patient: in some documents, all in lower case.
    Casual(&'static Part),
}

/// A kind of note and the layouts ("templates") it is written in.
pub(crate) struct Kind {
    pub(crate) name: &'static str,
    /// Title lines; an empty title writes none.
    pub(crate) titles: &'static [&'static str],
    pub(crate) layouts: &'static [&'static [Part]],
    /// Whether paragraphs may be hard-wrapped at a fixed width.
    pub(crate) wraps: bool,
}

pub(crate) const KINDS: &[&Kind] = &[
    &notes::DISCHARGE_SUMMARY,
    &notes::PROGRESS_NOTE,
    &notes::NURSING_NOTE,
    &notes::HISTORY_AND_PHYSICAL,
    &reports::RADIOLOGY_REPORT,
    &reports::PATHOLOGY_REPORT,
    &reports::OPERATIVE_NOTE,
    &letters::REFERRAL_LETTER,
    &letters::DISCHARGE_LETTER,
    &letters::PORTAL_MESSAGE,
    &notes::PHONE_CALL,
    &notes::CLINICAL_TRIAL_VISIT,
];

// Section headings shared by several kinds.
const HPI_T: &[&str] = &["History of Present Illness", "HPI", "History"];
const PMH_T: &[&str] = &[
    "Past Medical History",
    "PMH",
    "Past Medical/Surgical History",
];
const SOCIAL_T: &[&str] = &["Social History", "SH", "Social"];
const EXAM_T: &[&str] = &["Physical Exam", "Exam", "Physical Examination", "Objective"];
const RESULTS_T: &[&str] = &["Labs", "Data", "Results", "Pertinent Results"];
const PLAN_T: &[&str] = &["Assessment and Plan", "A/P", "Plan", "Impression and Plan"];
const MEDS_T: &[&str] = &[
    "Medications",
    "Medication Changes",
    "Allergies and Medications",
];
const ADMIN_T: &[&str] = &["Patient Information", "Demographics", "Registration"];

const FOOTER: Part = Part::Lines(List::Footer, 1, 3);
const ADMIN: Part = Part::Section(ADMIN_T, List::Admin, 1, 3);
