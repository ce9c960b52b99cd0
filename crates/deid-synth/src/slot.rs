//! The `{slot}` names patterns may use, and what each becomes without PHI.

use deid_core::Category;

/// A placeholder in a sentence pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Slot {
    // Grammar, filled from the patient's sex.
    He,
    HeCap,
    His,
    HisCap,
    Him,
    Man,
    Sex,
    // Clinical content, never PHI.
    Drug,
    Sym,
    Dx,
    Dur,
    Time,
    Epo,
    Sign,
    Lab,
    Vit,
    Proc,
    // People.
    Pt,
    PtFull,
    PtFirst,
    PtHdr,
    PtSign,
    Rel,
    MyRel,
    Ec,
    Person,
    Dr,
    Dr2,
    Pcp,
    Nurse,
    DrSig,
    Cc,
    Dear,
    HiDr,
    // Dates and ages.
    Date,
    OnDate,
    InYear,
    InMonth,
    Dob,
    AAge,
    Age,
    AgeAt,
    AgeOther,
    AgeMo,
    // Contacts.
    Phone,
    PtPhone,
    Fax,
    Pager,
    Email,
    PtEmail,
    Url,
    Ip,
    User,
    // Identifiers.
    Ssn,
    Mrn,
    Hp,
    Acct,
    Dl,
    Dea,
    Npi,
    Lic,
    Vin,
    Plate,
    Device,
    IdNum,
    BioId,
    // Places and organizations.
    Street,
    City,
    State,
    Zip,
    Addr,
    AddrBlock,
    Hospital,
    Org,
    School,
    Pharmacy,
    Agency,
    Profession,
    Country,
    Loc,
}

impl Slot {
    pub(crate) fn parse(name: &str) -> Option<Slot> {
        use Slot::*;
        Some(match name {
            "he" => He,
            "He" => HeCap,
            "his" => His,
            "His" => HisCap,
            "him" => Him,
            "man" => Man,
            "sex" => Sex,
            "drug" => Drug,
            "sym" => Sym,
            "dx" => Dx,
            "dur" => Dur,
            "time" => Time,
            "epo" => Epo,
            "sign" => Sign,
            "lab" => Lab,
            "vit" => Vit,
            "proc" => Proc,
            "pt" => Pt,
            "pt_full" => PtFull,
            "pt_first" => PtFirst,
            "pt_hdr" => PtHdr,
            "pt_sign" => PtSign,
            "rel" => Rel,
            "my_rel" => MyRel,
            "ec" => Ec,
            "person" => Person,
            "dr" => Dr,
            "dr2" => Dr2,
            "pcp" => Pcp,
            "nurse" => Nurse,
            "dr_sig" => DrSig,
            "cc" => Cc,
            "dear" => Dear,
            "hi_dr" => HiDr,
            "date" => Date,
            "on_date" => OnDate,
            "in_year" => InYear,
            "in_month" => InMonth,
            "dob" => Dob,
            "a_age" => AAge,
            "age" => Age,
            "age_at" => AgeAt,
            "age_other" => AgeOther,
            "age_mo" => AgeMo,
            "phone" => Phone,
            "pt_phone" => PtPhone,
            "fax" => Fax,
            "pager" => Pager,
            "email" => Email,
            "pt_email" => PtEmail,
            "url" => Url,
            "ip" => Ip,
            "user" => User,
            "ssn" => Ssn,
            "mrn" => Mrn,
            "hp" => Hp,
            "acct" => Acct,
            "dl" => Dl,
            "dea" => Dea,
            "npi" => Npi,
            "lic" => Lic,
            "vin" => Vin,
            "plate" => Plate,
            "device" => Device,
            "idnum" => IdNum,
            "bioid" => BioId,
            "street" => Street,
            "city" => City,
            "state" => State,
            "zip" => Zip,
            "addr" => Addr,
            "addr_block" => AddrBlock,
            "hospital" => Hospital,
            "org" => Org,
            "school" => School,
            "pharmacy" => Pharmacy,
            "agency" => Agency,
            "profession" => Profession,
            "country" => Country,
            "loc" => Loc,
            _ => return None,
        })
    }

    /// True for slots that never produce PHI (grammar and clinical content).
    pub(crate) fn is_plain(self) -> bool {
        use Slot::*;
        matches!(
            self,
            He | HeCap
                | His
                | HisCap
                | Him
                | Man
                | Sex
                | Drug
                | Sym
                | Dx
                | Dur
                | Time
                | Epo
                | Sign
                | Lab
                | Vit
                | Proc
        )
    }

    /// The non-PHI phrases that can stand in for this slot, if any fits grammatically.
    /// `{his}` inside a filler is replaced by the patient's possessive pronoun.
    pub(crate) fn fillers(self) -> &'static [&'static str] {
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
            HiDr => &["there", "doctor"],
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
