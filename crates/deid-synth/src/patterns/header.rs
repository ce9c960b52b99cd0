//! Header fields, letterheads, salutations and message headers.

/// Label and value lines at the top of a note; several fields may share a line.
pub(crate) const HEADER: &[&str] = &[
    "Patient: {pt_hdr}",
    "MRN: {mrn}",
    "DOB: {dob}",
    "Date of Admission: {date}",
    "PATIENT NAME: {pt_hdr}",
    "Medical Record #: {mrn}",
    "Date of Birth: {dob}",
    "Admitted: {date}",
    "Attending: {dr_sig}",
    "Unit No: {mrn}",
    "Name: {pt_hdr}",
    "Acct #: {acct}",
    "Date of Discharge: {date}",
    "Attending Physician: {dr_sig}",
    "D.O.B.: {dob}   Age: {age}",
    "Account Number: {acct}",
    "Service Date: {date}",
    "Age: {age}   Sex: {sex}",
    "Facility: {hospital}",
    "Visit Date: {date}  Provider: {dr_sig}",
    "Member ID: {hp}",
    "Location: {hospital}, {city}, {state}",
    "Referring Physician: {dr_sig}",
    "PCP: {cc}",
    "Encounter #: {acct}   Health Plan ID: {hp}",
    "Address: {addr}",
    "Phone: {pt_phone}",
    "Emergency Contact: {ec}, {phone}",
    "SSN: {ssn}",
    "Pt Name: {pt_hdr}    MR#: {mrn}",
    "Hospital: {hospital}",
    "Home phone: {pt_phone}   Cell: {phone}",
    "Primary Insurance ID: {hp}",
    "Exam Date: {date} {time}",
    "Address: {street}, {city}, {state} {zip}",
    "Ordering Provider: {dr_sig}",
    "Date of Service: {date}",
    "Patient ID: {mrn}",
    "Email: {pt_email}",
    "Guarantor: {ec}    Acct: {acct}",
];

/// The institution block at the top of a letter.
pub(crate) const LETTERHEAD: &[&str] = &[
    "{hospital}\n{addr_block}\nPhone {phone} | Fax {fax}",
    "{hospital}\nDepartment of Cardiology\n{addr_block}",
    "{hospital} | {street}, {city}, {state} {zip} | {url}",
    "Department of Internal Medicine\n{hospital}",
    "{hospital}\nDivision of Gastroenterology\n{street}\n{city}, {state} {zip}\nTel: {phone}",
    "{dr_sig}\n{hospital}\nTel {phone}",
    "Department of Internal Medicine",
    "Office of {dr_sig}\n{addr_block}\nFax: {fax}",
    "{hospital} Neurology Associates\nTel {phone}",
    "{hospital}\n{street} | {city}, {state}\n{url}",
];

/// The line that opens a letter.
pub(crate) const SALUTATION: &[&str] = &[
    "Dear {dear},",
    "Dear {dear}:",
    "{dear},",
    "To {dear}:",
    "Dear {dear} and colleagues,",
];

/// The header lines of a patient portal message.
pub(crate) const PORTAL_HEADER: &[&str] = &[
    "From: {pt_full} <{pt_email}>",
    "To: {dr}",
    "Sent: {date} {time}",
    "Subject: question about my meds",
    "From: {pt_full}\nTo: {dr}\nDate: {date}",
    "Subject: refill request",
    "Patient MRN: {mrn}",
    "Thread ID: {idnum}",
    "Subject: test results??",
    "Sent from IP {ip} (user {user})",
];
