//! Letters and messages: referral and discharge letters, patient portal messages.

use super::Block::Meds as MedList;
use super::Part::{Block, Casual, DateLine, Fields, Lines, Maybe, Para, Section};
use super::{FOOTER, Kind, PLAN_T, SOCIAL_T};
use crate::patterns::List::{
    Course, Followup, Hpi, LetterClose, LetterOpen, Letterhead, Plan, Pmh, Portal, PortalHeader,
    PortalOpen, PortalReply, PortalSign, Salutation, Social,
};

pub(super) const REFERRAL_LETTER: Kind = Kind {
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
};

pub(super) const DISCHARGE_LETTER: Kind = Kind {
    name: "discharge_letter",
    titles: &["", "Discharge Letter", "Letter to Primary Care Physician"],
    wraps: true,
    layouts: &[
        &[
            Lines(Letterhead, 1, 1),
            DateLine,
            Lines(Salutation, 1, 1),
            Para(LetterOpen, 1, 2),
            Para(Course, 2, 4),
            Block(MedList),
            Para(Followup, 2, 3),
            Para(LetterClose, 1, 2),
            FOOTER,
        ],
        &[
            DateLine,
            Lines(Salutation, 1, 1),
            Para(LetterOpen, 1, 2),
            Section(
                &["Summary of Hospital Stay", "Hospital Course"],
                Course,
                2,
                4,
            ),
            Section(&["Follow-up Plan", "Recommendations"], Followup, 2, 4),
            Block(MedList),
            Para(LetterClose, 1, 2),
            FOOTER,
        ],
    ],
};

pub(super) const PORTAL_MESSAGE: Kind = Kind {
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
};
