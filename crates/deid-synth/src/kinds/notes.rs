//! Ward and clinic notes: summaries, progress, nursing, H&P, phone calls, trial visits.

use super::Block::{Labs, Meds as MedList, Vitals};
use super::Part::{Block, Fields, Lines, Maybe, Para, Section};
use super::{ADMIN, EXAM_T, FOOTER, HPI_T, Kind, MEDS_T, PLAN_T, PMH_T, RESULTS_T, SOCIAL_T};
use crate::patterns::List::{
    Admin, Course, Exam, Family, Followup, Footer, Header, Hpi, Meds, Nursing, Phone, Plan, Pmh,
    Results, Social, Trial,
};

const COURSE_T: &[&str] = &[
    "Hospital Course",
    "Brief Hospital Course",
    "Course in Hospital",
];
const FOLLOW_T: &[&str] = &["Discharge Instructions", "Follow-up", "Disposition"];

pub(super) const DISCHARGE_SUMMARY: Kind = Kind {
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
            Maybe(&Block(Labs)),
            Block(MedList),
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
            Block(MedList),
            Section(FOLLOW_T, Followup, 2, 4),
            FOOTER,
        ],
    ],
};

pub(super) const PROGRESS_NOTE: Kind = Kind {
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
            Block(Vitals),
            Section(EXAM_T, Exam, 3, 5),
            Maybe(&Section(RESULTS_T, Results, 1, 3)),
            Section(PLAN_T, Plan, 3, 5),
            FOOTER,
        ],
        &[
            Fields(Header, 2, 4),
            Para(Hpi, 1, 2),
            Section(EXAM_T, Exam, 2, 4),
            Block(Labs),
            Section(PLAN_T, Plan, 2, 5),
            Maybe(&Section(MEDS_T, Meds, 1, 3)),
            Maybe(&ADMIN),
            FOOTER,
        ],
    ],
};

pub(super) const NURSING_NOTE: Kind = Kind {
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
            Block(Vitals),
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
};

pub(super) const HISTORY_AND_PHYSICAL: Kind = Kind {
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
            Block(MedList),
            Section(EXAM_T, Exam, 3, 6),
            Maybe(&Block(Labs)),
            Section(PLAN_T, Plan, 2, 5),
            FOOTER,
        ],
        &[
            Fields(Header, 3, 6),
            Section(&["Chief Complaint / HPI"], Hpi, 2, 4),
            Section(PMH_T, Pmh, 1, 3),
            Section(SOCIAL_T, Social, 2, 5),
            Block(Vitals),
            Section(EXAM_T, Exam, 2, 5),
            Maybe(&Section(RESULTS_T, Results, 1, 3)),
            Section(PLAN_T, Plan, 2, 4),
            Maybe(&ADMIN),
            FOOTER,
        ],
    ],
};

pub(super) const PHONE_CALL: Kind = Kind {
    name: "phone_call",
    titles: &["TELEPHONE ENCOUNTER", "Phone Note", "Telephone Triage Note"],
    wraps: false,
    layouts: &[
        &[
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
        ],
        &[
            Fields(Header, 1, 3),
            Lines(Phone, 3, 5),
            Para(Plan, 1, 2),
            Lines(Footer, 1, 2),
        ],
    ],
};

pub(super) const CLINICAL_TRIAL_VISIT: Kind = Kind {
    name: "clinical_trial_visit",
    titles: &[
        "CLINICAL TRIAL VISIT NOTE",
        "Research Visit",
        "Study Visit Note",
    ],
    wraps: false,
    layouts: &[
        &[
            Fields(Header, 2, 4),
            Section(
                &["Study Visit", "Research Visit Note", "Visit Summary"],
                Trial,
                3,
                6,
            ),
            Block(Vitals),
            Maybe(&Section(&["Concomitant Medications"], Meds, 1, 2)),
            Maybe(&Section(&["Subject Information"], Admin, 1, 3)),
            FOOTER,
        ],
        &[
            Fields(Header, 3, 5),
            Para(Trial, 2, 4),
            Maybe(&Block(Labs)),
            Section(
                &["Study Medications", "Concomitant Medications"],
                Meds,
                1,
                2,
            ),
            Section(&["Adverse Events and Follow-up"], Trial, 1, 2),
            FOOTER,
        ],
    ],
};
