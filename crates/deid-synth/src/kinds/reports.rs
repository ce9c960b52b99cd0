//! Reports: radiology, pathology and operative.

use super::Part::{Fields, Lines, Maybe, Para, Section};
use super::{FOOTER, Kind};
use crate::patterns::List::{
    Footer, Header, Operative, Pathology, Plan, Pmh, RadFindings, RadImpression, RadIndication,
    RadTechnique,
};

pub(super) const RADIOLOGY_REPORT: Kind = Kind {
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
            Section(&["Clinical History", "Indication"], RadIndication, 1, 2),
            Section(&["Comparison", "Technique"], RadTechnique, 1, 2),
            Section(&["Findings"], RadFindings, 3, 6),
            Section(&["Impression"], RadImpression, 1, 3),
            FOOTER,
        ],
        &[
            Fields(Header, 2, 4),
            Para(RadIndication, 1, 2),
            Para(RadTechnique, 1, 2),
            Section(&["Findings"], RadFindings, 3, 5),
            Section(&["Impression", "Conclusion"], RadImpression, 1, 2),
            FOOTER,
        ],
    ],
};

pub(super) const PATHOLOGY_REPORT: Kind = Kind {
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
};

pub(super) const OPERATIVE_NOTE: Kind = Kind {
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
            Maybe(&Section(&["Postoperative Plan", "Plan"], Plan, 1, 3)),
            FOOTER,
        ],
        &[
            Fields(Header, 2, 4),
            Lines(Operative, 4, 7),
            Para(Operative, 2, 3),
            FOOTER,
        ],
    ],
};
