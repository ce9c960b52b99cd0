//! Clinical vocabulary that is never PHI: drugs with doses, symptoms, diagnoses,
//! eponyms, procedures, durations and times. These fill the non-PHI slots of every
//! pattern and are the hard negatives of the corpus.

#[rustfmt::skip]
pub(crate) const DRUGS: &[&str] = &[
    "Norco 5/325 mg q6h PRN", "lisinopril 10 mg daily", "metformin 500 mg BID",
    "atorvastatin 40 mg nightly", "apixaban 5 mg BID", "furosemide 40 mg IV BID",
    "insulin glargine 22 units qHS", "Tylenol 650 mg q6h PRN", "ondansetron 4 mg IV q8h PRN",
    "Percocet 5/325 1-2 tabs q4h PRN", "Augmentin 875/125 mg BID", "Zosyn 3.375 g IV q8h",
    "vancomycin 1.25 g IV q12h", "heparin 5000 units SC q8h", "metoprolol tartrate 25 mg BID",
    "sertraline 50 mg daily", "levothyroxine 88 mcg daily", "albuterol 2 puffs q4h PRN",
    "prednisone 40 mg daily x5 days", "gabapentin 300 mg TID", "aspirin 81 mg daily",
    "clopidogrel 75 mg daily", "pantoprazole 40 mg daily", "amlodipine 5 mg daily",
    "warfarin 5 mg (goal INR 2-3)", "ceftriaxone 1 g IV q24h", "azithromycin 500 mg x1",
    "tamsulosin 0.4 mg qHS", "Lasix 20 mg PO daily", "Keppra 500 mg BID", "oxycodone 5 mg q4h PRN",
    "Coumadin 2.5 mg", "Eliquis 2.5 mg BID", "Bactrim DS 1 tab BID x7 days",
    "hydrochlorothiazide 25 mg daily", "Zofran 4 mg ODT",
];

#[rustfmt::skip]
pub(crate) const SYMPTOMS: &[&str] = &[
    "chest pain", "shortness of breath", "intermittent palpitations", "productive cough",
    "fever and chills", "nausea and vomiting", "right upper quadrant pain", "dysuria",
    "lower extremity edema", "dizziness", "worsening fatigue", "headache", "low back pain",
    "melena", "hematuria", "left knee pain", "blurred vision", "syncope", "wheezing", "diarrhea",
    "poor appetite", "brown sputum", "exertional dyspnea", "orthopnea",
];

#[rustfmt::skip]
pub(crate) const DIAGNOSES: &[&str] = &[
    "community-acquired pneumonia", "CHF exacerbation", "COPD exacerbation", "NSTEMI",
    "acute kidney injury", "urinary tract infection", "cellulitis of the left leg",
    "diabetic ketoacidosis", "atrial fibrillation with RVR", "acute cholecystitis",
    "small bowel obstruction", "sepsis secondary to pyelonephritis", "hyponatremia",
    "type 2 diabetes mellitus", "hypertension", "hyperlipidemia", "major depressive disorder",
    "osteoarthritis", "chronic kidney disease stage 3", "obstructive sleep apnea", "GERD",
    "iron deficiency anemia", "asthma", "hypothyroidism",
];

/// Eponymous diseases, devices and procedures: names that are not persons.
#[rustfmt::skip]
pub(crate) const EPONYMS: &[&str] = &[
    "Parkinson disease", "a Foley catheter", "Hodgkin lymphoma", "Crohn disease", "Graves disease",
    "Hashimoto thyroiditis", "Bell's palsy", "Cushing syndrome", "Addison disease",
    "Alzheimer dementia", "a Swan-Ganz catheter", "a Whipple procedure", "Nissen fundoplication",
    "Roux-en-Y gastric bypass", "Gleason score 3+4=7", "Child-Pugh class A",
    "Guillain-Barré syndrome", "Down syndrome", "Sjögren syndrome", "Ménière disease",
    "a Jackson-Pratt drain", "a Hickman catheter", "Barrett esophagus", "Raynaud phenomenon",
    "Wilson disease", "Paget disease of bone", "Tourette syndrome",
];

/// Eponymous signs, tests and scores found on examination.
#[rustfmt::skip]
pub(crate) const SIGNS: &[&str] = &[
    "a negative Babinski sign", "a positive Murphy sign", "tenderness at McBurney point",
    "a negative Homans sign", "a negative Romberg test", "a positive Tinel sign",
    "a negative Lachman test", "Kussmaul respirations", "Glasgow Coma Scale 15/15",
    "a negative Kernig sign", "a negative Brudzinski sign", "Mallampati class II",
    "Apgar scores of 8 and 9", "a positive Phalen test", "a negative McMurray test",
    "Cheyne-Stokes respirations", "a positive Trousseau sign", "Wells score 1",
];

#[rustfmt::skip]
pub(crate) const PROCEDURES: &[&str] = &[
    "laparoscopic cholecystectomy", "right total knee arthroplasty", "cardiac catheterization",
    "colonoscopy with polypectomy", "EGD", "open reduction internal fixation of the left ankle",
    "appendectomy", "left heart catheterization with PCI to the LAD", "lumbar puncture",
    "thoracentesis", "paracentesis", "transurethral resection of the prostate",
    "excisional biopsy", "CABG x3", "hernia repair with mesh", "cesarean section",
];

#[rustfmt::skip]
pub(crate) const DURATIONS: &[&str] = &[
    "for 3 days", "for two weeks", "x2 days", "for about a month", "for 6 hours",
    "since last night", "for several years", "for 48 hours", "over the past week", "for 10 days",
    "for the last 3 months",
];

#[rustfmt::skip]
pub(crate) const TIMES: &[&str] = &[
    "14:30", "0800", "2:15 PM", "07:45", "9 AM", "1630", "11:20 PM", "noon", "06:00", "3:40 pm",
    "2300",
];

#[rustfmt::skip]
pub(crate) const LAB_VALUES: &[&str] = &[
    "Na 134", "K 5.4", "Cr 1.8 (baseline 1.1)", "WBC 14.2", "Hgb 8.9", "Plt 98", "INR 2.7",
    "troponin 0.08", "lactate 3.1", "A1c 9.4%", "TSH 6.2", "BNP 1,240", "lipase 410",
    "ALT 88/AST 102", "glucose 312", "ferritin 9",
];

#[rustfmt::skip]
pub(crate) const VITALS: &[&str] = &[
    "BP 120/80, HR 72, RR 14, SpO2 98% RA", "BP 148/92, HR 104, T 38.4 C",
    "T 98.6 F, BP 132/78, P 88, RR 18, O2 sat 95% on 2 L NC",
    "BP 96/58, HR 118, RR 24, SpO2 91% on RA", "HR 64, BP 110/70, afebrile",
];

/// Non-PHI header fields for documents generated without PHI.
#[rustfmt::skip]
pub(crate) const PHI_FREE_FIELDS: &[&str] = &[
    "Service: General Medicine", "Unit: 6 North", "Code status: Full code", "Allergies: NKDA",
    "Admission type: Urgent", "Level of care: Inpatient", "Isolation: Contact precautions",
    "Diet: Cardiac, 2 g sodium", "Encounter type: Office visit", "Visit type: Follow-up",
    "Modality: CT abdomen/pelvis with IV contrast", "Specimen: Colon, sigmoid, biopsy",
    "Procedure: Laparoscopic cholecystectomy", "Anesthesia: General endotracheal",
    "Source: Patient portal", "Call type: Incoming",
    "Protocol: Phase II, randomized, double-blind", "Visit: Week 12", "Priority: Routine",
    "Language: English", "Interpreter: Not needed",
];

/// A lab test: name, low and high of the values drawn, decimals, unit and reference range.
pub(crate) type LabTest = (&'static str, f64, f64, usize, &'static str, &'static str);

#[rustfmt::skip]
pub(crate) const LAB_TABLE: &[LabTest] = &[
    ("Sodium", 126.0, 148.0, 0, "mmol/L", "135-145"),
    ("Potassium", 3.0, 5.9, 1, "mmol/L", "3.5-5.1"),
    ("Chloride", 94.0, 110.0, 0, "mmol/L", "98-107"), ("CO2", 16.0, 30.0, 0, "mmol/L", "22-29"),
    ("BUN", 6.0, 48.0, 0, "mg/dL", "7-20"), ("Creatinine", 0.6, 3.2, 2, "mg/dL", "0.6-1.2"),
    ("Glucose", 68.0, 320.0, 0, "mg/dL", "70-99"), ("WBC", 3.1, 18.5, 1, "K/uL", "4.0-11.0"),
    ("Hemoglobin", 7.2, 16.1, 1, "g/dL", "12.0-16.0"),
    ("Platelets", 88.0, 420.0, 0, "K/uL", "150-400"), ("INR", 0.9, 3.4, 1, "", "0.8-1.2"),
    ("Troponin I", 0.0, 0.5, 2, "ng/mL", "<0.04"), ("Lactate", 0.6, 4.8, 1, "mmol/L", "0.5-2.2"),
    ("ALT", 8.0, 140.0, 0, "U/L", "7-56"), ("TSH", 0.2, 8.5, 2, "mIU/L", "0.4-4.0"),
    ("Magnesium", 1.3, 2.6, 1, "mg/dL", "1.7-2.2"),
];
