//! The `{slot}` names patterns may use, and what each becomes without PHI.

use deid_core::Category;

macro_rules! slots {
    (plain { $($p:ident = $pn:literal,)* } phi { $($v:ident = $vn:literal,)* }) => {
        /// A placeholder in a sentence pattern, written `{name}`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub(crate) enum Slot {
            $($p,)*
            $($v,)*
        }

        impl Slot {
            pub(crate) fn parse(name: &str) -> Option<Slot> {
                match name {
                    $($pn => Some(Slot::$p),)*
                    $($vn => Some(Slot::$v),)*
                    _ => None,
                }
            }

            /// True for slots that never produce PHI (grammar and clinical content).
            pub(crate) fn is_plain(self) -> bool {
                matches!(self, $(Slot::$p)|*)
            }
        }
    };
}

slots! {
    plain {
        // Grammar, from the patient's sex.
        He = "he", HeCap = "He", His = "his", HisCap = "His", Him = "him", Man = "man",
        Sex = "sex",
        // Clinical content.
        Drug = "drug", Sym = "sym", Dx = "dx", Dur = "dur", Time = "time", Epo = "epo",
        Sign = "sign", Lab = "lab", Vit = "vit", Proc = "proc",
    }
    phi {
        // People.
        Pt = "pt", PtFull = "pt_full", PtFirst = "pt_first", PtHdr = "pt_hdr",
        PtSign = "pt_sign", Rel = "rel", MyRel = "my_rel", Ec = "ec", Person = "person",
        Dr = "dr", Dr2 = "dr2", Pcp = "pcp", Nurse = "nurse", DrSig = "dr_sig", Cc = "cc",
        Dear = "dear", HiDr = "hi_dr",
        // Dates and ages.
        Date = "date", OnDate = "on_date", InYear = "in_year", InMonth = "in_month",
        Dob = "dob", AAge = "a_age", Age = "age", AgeAt = "age_at", AgeOther = "age_other",
        AgeMo = "age_mo",
        // Contacts.
        Phone = "phone", PtPhone = "pt_phone", Fax = "fax", Pager = "pager", Email = "email",
        PtEmail = "pt_email", Url = "url", Ip = "ip", User = "user",
        // Identifiers.
        Ssn = "ssn", Mrn = "mrn", Hp = "hp", Acct = "acct", Dl = "dl", Dea = "dea",
        Npi = "npi", Lic = "lic", Vin = "vin", Plate = "plate", Device = "device",
        IdNum = "idnum", BioId = "bioid",
        // Places and organizations.
        Street = "street", City = "city", State = "state", Zip = "zip", Addr = "addr",
        AddrBlock = "addr_block", Hospital = "hospital", Org = "org", School = "school",
        Pharmacy = "pharmacy", Agency = "agency", Profession = "profession",
        Country = "country", Loc = "loc",
    }
}

impl Slot {
    /// The non-PHI phrases that can stand in for this slot, if any fits grammatically.
    /// `{his}` inside a filler is replaced by the patient's possessive pronoun.
    pub(crate) fn fillers(self) -> &'static [&'static str] {
        #[allow(clippy::enum_glob_use)] // the table names every slot; `Slot::` would double it
        use Slot::*;
        match self {
            Pt | PtFull | PtFirst => &["the patient"],
            Rel => &["{his} family", "a family member", "{his} caregiver"],
            MyRel => &["my family", "my husband", "my daughter"],
            Dr => &[
                "the attending",
                "the covering physician",
                "the primary team",
            ],
            Dr2 => &["the consultant", "the consulting service"],
            Pcp => &["{his} primary care physician", "the PCP"],
            Nurse => &["the bedside nurse", "the charge nurse"],
            DrSig => &["Attending physician", "Covering provider"],
            Cc => &["primary care provider"],
            Dear => &["Colleague", "Doctor"],
            HiDr => &["doctor"],
            OnDate => &[
                "today",
                "yesterday",
                "earlier this week",
                "last month",
                "this morning",
            ],
            InYear => &["years ago", "in childhood", "remotely", "several years ago"],
            InMonth => &["recently", "last year", "this spring"],
            AAge => &["an adult", "an elderly", "a middle-aged", "a young"],
            Hospital => &["the hospital", "an outside hospital"],
            Org => &["a local company", "a warehouse"],
            School => &["a local school"],
            Pharmacy => &["{his} usual pharmacy", "the outpatient pharmacy"],
            Agency => &["a community agency", "home care services"],
            _ => &[],
        }
    }

    /// The category of the value the slot renders, for slots that render exactly one kind.
    pub(crate) fn category(self) -> Option<Category> {
        #[allow(clippy::enum_glob_use)] // the table names every slot; `Slot::` would double it
        use Slot::*;
        Some(match self {
            Pt | PtFull | PtFirst | PtHdr | PtSign | Rel | MyRel | Ec | Person => Category::Patient,
            Dr | Dr2 | Pcp | Nurse | DrSig | Cc | Dear | HiDr => Category::Doctor,
            Date | OnDate | InYear | InMonth | Dob => Category::Date,
            AAge | Age | AgeAt | AgeOther | AgeMo => Category::Age,
            Phone | PtPhone | Pager => Category::Phone,
            Fax => Category::Fax,
            Email | PtEmail => Category::Email,
            Url => Category::Url,
            Ip => Category::IPAddress,
            User => Category::Username,
            Ssn => Category::SocialSecurity,
            Mrn => Category::MedicalRecord,
            Hp => Category::HealthPlan,
            Acct => Category::Account,
            Dl | Dea | Npi | Lic => Category::License,
            Vin | Plate => Category::Vehicle,
            Device => Category::Device,
            IdNum => Category::IDNum,
            BioId => Category::BioID,
            Street => Category::Street,
            City => Category::City,
            State => Category::State,
            Zip => Category::Zip,
            Hospital => Category::Hospital,
            Org | School | Pharmacy | Agency => Category::Organization,
            Profession => Category::Profession,
            Country => Category::CountryOrRegion,
            Loc => Category::LocationOther,
            _ => return None,
        })
    }
}

/// One piece of a rendered template: literal text or a `{slot}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Token<'a> {
    Text(&'a str),
    Slot(Slot),
}

/// Splits a pattern into text and slots.
///
/// # Panics
/// On an unknown slot name or an unclosed brace: patterns are compiled-in constants
/// and the tests render every one of them.
pub(crate) fn tokens(pattern: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            out.push(Token::Text(&rest[..open]));
        }
        let close = rest[open..].find('}').map(|c| open + c);
        let close = close.unwrap_or_else(|| panic!("unclosed slot in pattern `{pattern}`"));
        let name = &rest[open + 1..close];
        let slot = Slot::parse(name).unwrap_or_else(|| panic!("unknown slot `{name}`"));
        out.push(Token::Slot(slot));
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        out.push(Token::Text(rest));
    }
    out
}

/// True when the pattern can be written without PHI: every slot is plain or has a filler.
pub(crate) fn phi_free_ok(pattern: &str) -> bool {
    tokens(pattern).iter().all(|t| match t {
        Token::Text(_) => true,
        Token::Slot(s) => s.is_plain() || !s.fillers().is_empty(),
    })
}

/// The PHI slots of a pattern, in order.
pub(crate) fn phi_slots(pattern: &str) -> Vec<Slot> {
    tokens(pattern)
        .into_iter()
        .filter_map(|t| match t {
            Token::Slot(s) if !s.is_plain() => Some(s),
            _ => None,
        })
        .collect()
}
