//! Hospitals, employers, schools, pharmacies, agencies and occupations.

/// Full institution names, generic head included.
#[rustfmt::skip]
pub(crate) const HOSPITALS: &[&str] = &[
    "Riverside Medical Center", "St. Mary's Hospital", "Lakeview Clinic",
    "University Hospital of Northfield", "Mercy General Hospital", "St. Jude Medical Center",
    "Good Samaritan Hospital", "Brookside Community Hospital", "Harborview Medical Center",
    "Cedar Valley Regional Medical Center", "Maplewood Family Clinic", "St. Luke's Hospital",
    "Pinecrest Rehabilitation Hospital", "Northgate Medical Center", "Sacred Heart Hospital",
    "Baystate Medical Center", "Hillcrest Memorial Hospital", "Valley View Hospital",
    "St. Francis Medical Center", "Summit Health Clinic", "Lakeside Children's Hospital",
    "Evergreen Hospital", "Oakwood Medical Center", "Fairmont General Hospital",
    "St. Elizabeth's Medical Center", "Westbrook Urgent Care Clinic", "Bayside Medical Center",
    "Mount Sinai Hospital", "Greenfield Community Clinic", "Presbyterian Hospital of Eastfield",
    "University Hospital of Westmoreland", "St. Vincent's Hospital", "Clearwater Medical Center",
    "Silver Lake Clinic", "Kingsbridge VA Medical Center", "Shriners Hospital for Children",
    "Highland Park Hospital", "Prairie Ridge Medical Center", "Hospital San Rafael",
    "Clínica Santa Lucía", "St. Anne's Hospital", "Bluewater Regional Hospital",
    "Meadowbrook Psychiatric Hospital", "Copper Canyon Medical Center", "Heritage Oaks Clinic",
    "Women and Infants Hospital of Rhode Island", "Children's Hospital of Westfield",
    "Eastside Dialysis Clinic", "Lakeshore Cancer Center", "Spaulding Rehabilitation Hospital",
];

/// Employers and companies.
#[rustfmt::skip]
pub(crate) const EMPLOYERS: &[&str] = &[
    "Walmart", "Amazon", "FedEx", "UPS", "Boeing", "Target", "Home Depot", "Lockheed Martin",
    "Tyson Foods", "Verizon", "Bank of America", "Wells Fargo", "General Motors",
    "Ford Motor Company", "Kroger", "Starbucks", "Delta Air Lines", "US Postal Service",
    "Bright Horizons", "Sunrise Senior Living", "Pioneer Valley Transit Authority",
    "Hilltop Landscaping", "Northeast Electric Co-op", "Blue Ridge Construction", "Harbor Freight",
    "Costco", "Whole Foods Market", "Intel", "Microsoft", "Acme Logistics",
    "Cedar Point Logistics", "Dunkin'", "Raytheon", "Stop & Shop", "Liberty Mutual",
    "Johnson Controls", "Sysco", "Panadería La Estrella", "Greenway Auto Body",
    "Summit Roofing LLC", "Pacific Gas and Electric", "Marriott", "Dell Technologies",
];

#[rustfmt::skip]
pub(crate) const SCHOOLS: &[&str] = &[
    "Lincoln Elementary School", "Roosevelt High School", "Boston University",
    "Ohio State University", "Santa Monica College", "Westfield Middle School",
    "Howard University", "Georgia Tech", "Northeastern University", "Kennedy Middle School",
    "Brookline High School", "University of Michigan", "Valencia College", "St. Patrick's Academy",
    "Riverside Community College", "Lakeview Montessori School",
];

#[rustfmt::skip]
pub(crate) const PHARMACIES: &[&str] = &[
    "Walgreens", "CVS Pharmacy", "Rite Aid", "Walmart Pharmacy", "Kroger Pharmacy",
    "Costco Pharmacy", "Express Scripts", "OptumRx", "Hometown Pharmacy", "Main Street Apothecary",
    "Farmacia San José", "Wegmans Pharmacy",
];

#[rustfmt::skip]
pub(crate) const AGENCIES: &[&str] = &[
    "Visiting Nurse Association", "Meals on Wheels", "Department of Children and Families",
    "Social Security Administration", "Elder Services of the Merrimack Valley",
    "Catholic Charities", "Salvation Army", "Alcoholics Anonymous", "Habitat for Humanity",
    "the Red Cross", "Legal Aid Society", "Council on Aging",
];

/// Occupations of patients and relatives (no clinicians: those would be ambiguous).
#[rustfmt::skip]
pub(crate) const PROFESSIONS: &[&str] = &[
    "teacher", "electrician", "plumber", "accountant", "software engineer", "truck driver",
    "carpenter", "firefighter", "police officer", "mail carrier", "cashier", "chef", "line cook",
    "waitress", "bartender", "construction worker", "farmer", "auto mechanic", "welder", "lawyer",
    "paralegal", "librarian", "architect", "graphic designer", "journalist", "hairdresser",
    "barber", "janitor", "security guard", "bus driver", "airline pilot", "flight attendant",
    "real estate agent", "bank teller", "pastor", "veterinarian", "college professor", "machinist",
    "landscaper", "roofer", "housekeeper", "nanny", "seamstress", "data analyst", "civil engineer",
    "photographer", "musician", "sales associate", "warehouse worker", "fisherman", "coal miner",
    "baker", "butcher", "tailor", "translator", "day laborer", "rideshare driver",
    "forklift operator", "daycare worker", "insurance adjuster", "dental assistant",
    "home health aide",
];
