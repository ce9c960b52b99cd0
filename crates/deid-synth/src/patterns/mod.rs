//! Sentence patterns, grouped in lists by the section they belong to.
//!
//! Every list is split by one fixed rule: pattern `i` is held out when `i % 5 == 4`
//! and used for training otherwise, so the two families never share a pattern.

mod course;
mod exam;
mod footer;
mod header;
mod history;
mod messages;
mod reports;
mod research;

use crate::Split;

macro_rules! lists {
    ($($variant:ident => $name:literal, $patterns:path;)*) => {
        /// A list of sentence patterns.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub(crate) enum List {
            $($variant,)*
        }

        impl List {
            pub(crate) const ALL: &[List] = &[$(List::$variant,)*];

            /// The short name used in pattern ids (`hpi.04`).
            pub(crate) const fn name(self) -> &'static str {
                match self { $(List::$variant => $name,)* }
            }

            pub(crate) const fn patterns(self) -> &'static [&'static str] {
                match self { $(List::$variant => $patterns,)* }
            }
        }
    };
}

lists! {
    Header => "header", header::HEADER;
    Letterhead => "letterhead", header::LETTERHEAD;
    Salutation => "salutation", header::SALUTATION;
    PortalHeader => "portal_header", header::PORTAL_HEADER;
    Hpi => "hpi", history::HPI;
    Pmh => "pmh", history::PMH;
    Family => "family", history::FAMILY;
    Social => "social", history::SOCIAL;
    Meds => "meds", exam::MEDS;
    Exam => "exam", exam::EXAM;
    Results => "results", exam::RESULTS;
    Course => "course", course::COURSE;
    Plan => "plan", course::PLAN;
    Followup => "followup", course::FOLLOWUP;
    Nursing => "nursing", course::NURSING;
    RadIndication => "rad_indication", reports::RAD_INDICATION;
    RadTechnique => "rad_technique", reports::RAD_TECHNIQUE;
    RadFindings => "rad_findings", reports::RAD_FINDINGS;
    RadImpression => "rad_impression", reports::RAD_IMPRESSION;
    Pathology => "pathology", reports::PATHOLOGY;
    Operative => "operative", reports::OPERATIVE;
    LetterOpen => "letter_open", messages::LETTER_OPEN;
    LetterClose => "letter_close", messages::LETTER_CLOSE;
    PortalOpen => "portal_open", messages::PORTAL_OPEN;
    Portal => "portal", messages::PORTAL;
    PortalSign => "portal_sign", messages::PORTAL_SIGN;
    PortalReply => "portal_reply", messages::PORTAL_REPLY;
    Phone => "phone", messages::PHONE;
    Trial => "trial", research::TRIAL;
    Admin => "admin", research::ADMIN;
    Footer => "footer", footer::FOOTER;
}

/// True when pattern `index` of any list belongs to `split`.
pub(crate) fn in_split(index: usize, split: Split) -> bool {
    (index % 5 == 4) == (split == Split::Heldout)
}

/// The id of a pattern: list name and index, e.g. `hpi.04`.
pub(crate) fn pattern_id(list: List, index: usize) -> String {
    format!("{}.{index:02}", list.name())
}
