//! The document kinds and their layouts: which sections, in what order, how long.

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

use Block::{Labs, Meds as MedList, Vitals};
use List::*;
use Part::{Casual, DateLine, Fields, Lines, Maybe, Para, Section};

const HPI_T: &[&str] = &["History of Present Illness", "HPI", "History"];
const PMH_T: &[&str] = &[
    "Past Medical History",
    "PMH",
    "Past Medical/Surgical History",
];
const SOCIAL_T: &[&str] = &["Social History", "SH", "Social"];
const COURSE_T: &[&str] = &[
    "Hospital Course",
    "Brief Hospital Course",
    "Course in Hospital",
];
const EXAM_T: &[&str] = &["Physical Exam", "Exam", "Physical Examination", "Objective"];
const RESULTS_T: &[&str] = &["Labs", "Data", "Results", "Pertinent Results"];
const PLAN_T: &[&str] = &["Assessment and Plan", "A/P", "Plan", "Impression and Plan"];
const FOLLOW_T: &[&str] = &["Discharge Instructions", "Follow-up", "Disposition"];
const ADMIN_T: &[&str] = &["Patient Information", "Demographics", "Registration"];
const MEDS_T: &[&str] = &[
    "Medications",
    "Medication Changes",
    "Allergies and Medications",
];
const FOOTER: Part = Lines(Footer, 1, 3);
const ADMIN: Part = Section(ADMIN_T, Admin, 1, 3);

pub(crate) const KINDS: &[Kind] = &[
    Kind {
        name: "discharge_summary",
        titles: &[
            "DISCHARGE SUMMARY",
            "Discharge Summary",
            "HOSPITAL DISCHARGE SUMMARY",
        ],
        wraps: true,
        layouts: &[
            &[
                Fields(Header, 5, 9),
                Section(HPI_T, Hpi, 2, 4),
                Maybe(&Section(PMH_T, Pmh, 2, 4)),
                Section(COURSE_T, Course, 3, 6),
                Maybe(&Part::Block(Labs)),
                Part::Block(MedList),
                Section(FOLLOW_T, Followup, 2, 4),
                Maybe(&ADMIN),
                FOOTER,
            ],
            &[
                Fields(Header, 4, 7),
                Section(&["Reason for Admission", "Chief Complaint"], Hpi, 1, 2),
                Section(COURSE_T, Course, 4, 7),
                Section(PLAN_T, Plan, 2, 4),
                Maybe(&Section(SOCIAL_T, Social, 1, 3)),
                Part::Block(MedList),
                Section(FOLLOW_T, Followup, 2, 4),
                FOOTER,
            ],
        ],
    },
    Kind {
        name: "progress_note",
        titles: &[
            "PROGRESS NOTE",
            "Progress Note",
            "Daily Progress Note",
            "SOAP Note",
        ],
        wraps: false,
        layouts: &[
            &[
                Fields(Header, 3, 5),
                Section(&["Subjective", "Interval History"], Hpi, 1, 3),
                Part::Block(Vitals),
                Section(EXAM_T, Exam, 3, 5),
                Maybe(&Section(RESULTS_T, Results, 1, 3)),
                Section(PLAN_T, Plan, 3, 5),
                FOOTER,
            ],
            &[
                Fields(Header, 2, 4),
                Para(Hpi, 1, 2),
                Section(EXAM_T, Exam, 2, 4),
                Part::Block(Labs),
                Section(PLAN_T, Plan, 2, 5),
                Maybe(&Section(MEDS_T, Meds, 1, 3)),
                Maybe(&ADMIN),
                FOOTER,
            ],
        ],
    },
    Kind {
        name: "nursing_note",
        titles: &[
            "NURSING NOTE",
            "Nursing Progress Note",
            "Shift Assessment",
            "RN Note",
        ],
        wraps: false,
        layouts: &[
            &[
                Fields(Header, 2, 4),
                Part::Block(Vitals),
                Section(
                    &["Assessment", "Shift Summary", "Nursing Assessment"],
                    Nursing,
                    4,
                    7,
                ),
                Maybe(&Section(&["Plan"], Plan, 1, 2)),
                FOOTER,
            ],
            &[
                Fields(Header, 1, 3),
                Para(Nursing, 3, 6),
                Maybe(&Section(MEDS_T, Meds, 1, 2)),
                Lines(Footer, 1, 1),
            ],
        ],
    },
    Kind {
        name: "history_and_physical",
        titles: &[
            "HISTORY AND PHYSICAL",
            "History & Physical",
            "Admission H&P",
            "H&P",
        ],
        wraps: true,
        layouts: &[
            &[
                Fields(Header, 4, 7),
                Section(HPI_T, Hpi, 2, 5),
                Section(PMH_T, Pmh, 2, 4),
                Maybe(&Section(&["Family History", "FH"], Family, 1, 3)),
                Section(SOCIAL_T, Social, 2, 4),
                Part::Block(MedList),
                Section(EXAM_T, Exam, 3, 6),
                Maybe(&Part::Block(Labs)),
                Section(PLAN_T, Plan, 2, 5),
                FOOTER,
            ],
            &[
                Fields(Header, 3, 6),
                Section(&["Chief Complaint / HPI"], Hpi, 2, 4),
                Section(PMH_T, Pmh, 1, 3),
                Section(SOCIAL_T, Social, 2, 5),
                Part::Block(Vitals),
                Section(EXAM_T, Exam, 2, 5),
                Maybe(&Section(RESULTS_T, Results, 1, 3)),
                Section(PLAN_T, Plan, 2, 4),
                Maybe(&ADMIN),
                FOOTER,
            ],
        ],
    },
    Kind {
        name: "radiology_report",
        titles: &[
            "RADIOLOGY REPORT",
            "CT CHEST WITH CONTRAST",
            "MRI BRAIN WITHOUT CONTRAST",
            "XR WRIST 2 VIEWS",
            "US ABDOMEN COMPLETE",
        ],
        wraps: false,
        layouts: &[
            &[
                Fields(Header, 3, 6),
                Section(&["Clinical History", "Indication"], RadContext, 1, 2),
                Section(&["Comparison", "Technique"], RadContext, 1, 2),
                Section(&["Findings"], RadFindings, 3, 6),
                Section(&["Impression"], RadImpression, 1, 3),
                FOOTER,
            ],
            &[
                Fields(Header, 2, 4),
                Para(RadContext, 2, 3),
                Section(&["Findings"], RadFindings, 3, 5),
                Section(&["Impression", "Conclusion"], RadImpression, 1, 2),
                FOOTER,
            ],
        ],
    },
    Kind {
        name: "pathology_report",
        titles: &[
            "SURGICAL PATHOLOGY REPORT",
            "Pathology Report",
            "CYTOPATHOLOGY REPORT",
        ],
        wraps: false,
        layouts: &[
            &[
                Fields(Header, 3, 6),
                Section(&["Clinical History"], Pmh, 1, 2),
                Section(
                    &["Gross Description", "Specimen", "Final Diagnosis"],
                    Pathology,
                    3,
                    6,
                ),
                Maybe(&Section(&["Comment"], Pathology, 1, 2)),
                FOOTER,
            ],
            &[
                Fields(Header, 2, 5),
                Para(Pathology, 3, 5),
                Lines(Footer, 1, 2),
            ],
        ],
    },
    Kind {
        name: "operative_note",
        titles: &[
            "OPERATIVE REPORT",
            "Operative Note",
            "Brief Op Note",
            "PROCEDURE NOTE",
        ],
        wraps: true,
        layouts: &[
            &[
                Fields(Header, 3, 5),
                Section(&["Operative Report", "Procedure Details"], Operative, 5, 9),
                Maybe(&Section(&["Postoperative Plan"], Plan, 1, 3)),
                FOOTER,
            ],
            &[
                Fields(Header, 2, 4),
                Lines(Operative, 4, 7),
                Para(Operative, 2, 3),
                FOOTER,
            ],
        ],
    },
    Kind {
        name: "referral_letter",
        titles: &["", "", "Referral Letter", "RE: Consultation Request"],
        wraps: true,
        layouts: &[
            &[
                Lines(Letterhead, 1, 1),
                DateLine,
                Lines(Salutation, 1, 1),
                Para(LetterOpen, 1, 2),
                Para(Hpi, 2, 3),
                Maybe(&Para(Pmh, 1, 2)),
                Para(Plan, 1, 3),
                Para(LetterClose, 1, 3),
                FOOTER,
            ],
            &[
                DateLine,
                Lines(Salutation, 1, 1),
                Para(LetterOpen, 2, 3),
                Section(SOCIAL_T, Social, 1, 3),
                Section(PLAN_T, Plan, 2, 3),
                Para(LetterClose, 1, 2),
                FOOTER,
            ],
        ],
    },
    Kind {
        name: "discharge_letter",
        titles: &["", "Discharge Letter", "Letter to Primary Care Physician"],
        wraps: true,
        layouts: &[&[
            Lines(Letterhead, 1, 1),
            DateLine,
            Lines(Salutation, 1, 1),
            Para(LetterOpen, 1, 2),
            Para(Course, 2, 4),
            Part::Block(MedList),
            Para(Followup, 2, 3),
            Para(LetterClose, 1, 2),
            FOOTER,
        ]],
    },
    Kind {
        name: "portal_message",
        titles: &["", "Patient Message", "MyChart Message", "Secure Message"],
        wraps: false,
        layouts: &[
            &[
                Fields(PortalHeader, 2, 4),
                Casual(&Lines(PortalOpen, 1, 1)),
                Casual(&Para(Portal, 2, 4)),
                Casual(&Lines(PortalSign, 1, 1)),
                Maybe(&Section(
                    &["Reply", "Response from clinic"],
                    PortalReply,
                    2,
                    4,
                )),
            ],
            &[
                Casual(&Para(Portal, 1, 3)),
                Casual(&Lines(PortalSign, 1, 1)),
                Para(PortalReply, 1, 3),
                FOOTER,
            ],
        ],
    },
    Kind {
        name: "phone_call",
        titles: &["TELEPHONE ENCOUNTER", "Phone Note", "Telephone Triage Note"],
        wraps: false,
        layouts: &[&[
            Fields(Header, 2, 4),
            Section(
                &["Telephone Encounter", "Call Summary", "Reason for Call"],
                Phone,
                3,
                6,
            ),
            Maybe(&Section(&["Plan", "Disposition"], Plan, 1, 2)),
            Maybe(&ADMIN),
            FOOTER,
        ]],
    },
    Kind {
        name: "clinical_trial_visit",
        titles: &[
            "CLINICAL TRIAL VISIT NOTE",
            "Research Visit",
            "Study Visit Note",
        ],
        wraps: false,
        layouts: &[&[
            Fields(Header, 2, 4),
            Section(
                &["Study Visit", "Research Visit Note", "Visit Summary"],
                Trial,
                3,
                6,
            ),
            Part::Block(Vitals),
            Maybe(&Section(&["Concomitant Medications"], Meds, 1, 2)),
            Maybe(&Section(&["Subject Information"], Admin, 1, 3)),
            FOOTER,
        ]],
    },
];
