//! Cities with their state and ZIP prefix, street names, countries and other named places.

/// A city, its state's postal abbreviation and the first three digits of its ZIP codes.
#[derive(Debug)]
pub(crate) struct City {
    pub(crate) name: &'static str,
    pub(crate) state: &'static str,
    pub(crate) zip3: &'static str,
}

const fn c(name: &'static str, state: &'static str, zip3: &'static str) -> City {
    City { name, state, zip3 }
}

#[rustfmt::skip]
pub(crate) const CITIES: &[City] = &[
    c("Boston", "MA", "021"), c("Cambridge", "MA", "021"), c("Worcester", "MA", "016"),
    c("Springfield", "MA", "011"), c("Lowell", "MA", "018"), c("Providence", "RI", "029"),
    c("Hartford", "CT", "061"), c("New Haven", "CT", "065"), c("Burlington", "VT", "054"),
    c("Portland", "ME", "041"), c("Manchester", "NH", "031"), c("Albany", "NY", "122"),
    c("Buffalo", "NY", "142"), c("Rochester", "NY", "146"), c("Syracuse", "NY", "132"),
    c("Brooklyn", "NY", "112"), c("Yonkers", "NY", "107"), c("Newark", "NJ", "071"),
    c("Trenton", "NJ", "086"), c("Paterson", "NJ", "075"), c("Philadelphia", "PA", "191"),
    c("Pittsburgh", "PA", "152"), c("Allentown", "PA", "181"), c("Baltimore", "MD", "212"),
    c("Wilmington", "DE", "198"), c("Richmond", "VA", "232"), c("Norfolk", "VA", "235"),
    c("Raleigh", "NC", "276"), c("Charlotte", "NC", "282"), c("Durham", "NC", "277"),
    c("Columbia", "SC", "292"), c("Charleston", "SC", "294"), c("Atlanta", "GA", "303"),
    c("Savannah", "GA", "314"), c("Jacksonville", "FL", "322"), c("Tampa", "FL", "336"),
    c("Miami", "FL", "331"), c("Orlando", "FL", "328"), c("Hialeah", "FL", "330"),
    c("Birmingham", "AL", "352"), c("Montgomery", "AL", "361"), c("Jackson", "MS", "392"),
    c("Nashville", "TN", "372"), c("Memphis", "TN", "381"), c("Knoxville", "TN", "379"),
    c("Louisville", "KY", "402"), c("Lexington", "KY", "405"), c("Cincinnati", "OH", "452"),
    c("Cleveland", "OH", "441"), c("Columbus", "OH", "432"), c("Toledo", "OH", "436"),
    c("Detroit", "MI", "482"), c("Grand Rapids", "MI", "495"), c("Ann Arbor", "MI", "481"),
    c("Indianapolis", "IN", "462"), c("Fort Wayne", "IN", "468"), c("Chicago", "IL", "606"),
    c("Peoria", "IL", "616"), c("Milwaukee", "WI", "532"), c("Madison", "WI", "537"),
    c("Minneapolis", "MN", "554"), c("Saint Paul", "MN", "551"), c("Des Moines", "IA", "503"),
    c("Omaha", "NE", "681"), c("Wichita", "KS", "672"), c("Kansas City", "MO", "641"),
    c("St. Louis", "MO", "631"), c("Little Rock", "AR", "722"), c("New Orleans", "LA", "701"),
    c("Baton Rouge", "LA", "708"), c("Houston", "TX", "770"), c("Dallas", "TX", "752"),
    c("Austin", "TX", "787"), c("San Antonio", "TX", "782"), c("El Paso", "TX", "799"),
    c("Laredo", "TX", "780"), c("Oklahoma City", "OK", "731"), c("Tulsa", "OK", "741"),
    c("Albuquerque", "NM", "871"), c("Santa Fe", "NM", "875"), c("Española", "NM", "875"),
    c("Denver", "CO", "802"), c("Boulder", "CO", "803"), c("Salt Lake City", "UT", "841"),
    c("Phoenix", "AZ", "850"), c("Tucson", "AZ", "857"), c("Las Vegas", "NV", "891"),
    c("Reno", "NV", "895"), c("Boise", "ID", "837"), c("Billings", "MT", "591"),
    c("Cheyenne", "WY", "820"), c("Fargo", "ND", "581"), c("Sioux Falls", "SD", "571"),
    c("Seattle", "WA", "981"), c("Spokane", "WA", "992"), c("Tacoma", "WA", "984"),
    c("Eugene", "OR", "974"), c("Sacramento", "CA", "958"), c("San Francisco", "CA", "941"),
    c("Oakland", "CA", "946"), c("San Jose", "CA", "951"), c("Fresno", "CA", "937"),
    c("Los Angeles", "CA", "900"), c("San Diego", "CA", "921"), c("Anchorage", "AK", "995"),
    c("Honolulu", "HI", "968"), c("Hilo", "HI", "967"), c("San Juan", "PR", "009"),
    c("Mayagüez", "PR", "006"),
];

/// Postal abbreviation and full name of each state used above.
#[rustfmt::skip]
pub(crate) const STATES: &[(&str, &str)] = &[
    ("MA", "Massachusetts"), ("RI", "Rhode Island"), ("CT", "Connecticut"), ("VT", "Vermont"),
    ("ME", "Maine"), ("NH", "New Hampshire"), ("NY", "New York"), ("NJ", "New Jersey"),
    ("PA", "Pennsylvania"), ("MD", "Maryland"), ("DE", "Delaware"), ("VA", "Virginia"),
    ("NC", "North Carolina"), ("SC", "South Carolina"), ("GA", "Georgia"), ("FL", "Florida"),
    ("AL", "Alabama"), ("MS", "Mississippi"), ("TN", "Tennessee"), ("KY", "Kentucky"),
    ("OH", "Ohio"), ("MI", "Michigan"), ("IN", "Indiana"), ("IL", "Illinois"), ("WI", "Wisconsin"),
    ("MN", "Minnesota"), ("IA", "Iowa"), ("NE", "Nebraska"), ("KS", "Kansas"), ("MO", "Missouri"),
    ("AR", "Arkansas"), ("LA", "Louisiana"), ("TX", "Texas"), ("OK", "Oklahoma"),
    ("NM", "New Mexico"), ("CO", "Colorado"), ("UT", "Utah"), ("AZ", "Arizona"), ("NV", "Nevada"),
    ("ID", "Idaho"), ("MT", "Montana"), ("WY", "Wyoming"), ("ND", "North Dakota"),
    ("SD", "South Dakota"), ("WA", "Washington"), ("OR", "Oregon"), ("CA", "California"),
    ("AK", "Alaska"), ("HI", "Hawaii"), ("PR", "Puerto Rico"),
];

#[rustfmt::skip]
pub(crate) const STREET_NAMES: &[&str] = &[
    "Oak", "Maple", "Elm", "Pine", "Cedar", "Main", "Washington", "Lincoln", "Park", "Lake",
    "Hill", "Church", "Highland", "Franklin", "Jefferson", "Sunset", "Ridge", "Willow", "Chestnut",
    "Walnut", "Spring", "Center", "Mill", "River", "Prospect", "Summit", "Forest", "Meadow",
    "Orchard", "Harbor", "Commonwealth", "Beacon", "Tremont", "Dorchester",
    "Martin Luther King Jr.", "César Chávez", "Peachtree", "Bedford", "Cherry", "Magnolia",
    "Dogwood", "Juniper", "Sycamore", "Hawthorne", "Birch", "Aspen", "Cypress", "Rosewood",
    "Fairview", "Glenwood", "Lakeshore", "Kingston", "Queen", "Grand", "Broad", "Market", "High",
    "Water", "Canal", "Union", "Liberty", "Ocean", "Mission", "Alameda", "Camino Real", "Pleasant",
    "Woodland", "Cottage", "Academy", "Columbus", "Esperanza", "Kalākaua", "1st", "2nd", "3rd",
    "4th", "7th", "12th", "52nd", "108th",
];

#[rustfmt::skip]
pub(crate) const STREET_SUFFIXES: &[&str] = &[
    "Street", "St", "St.", "Avenue", "Ave", "Ave.", "Road", "Rd", "Boulevard", "Blvd", "Lane",
    "Ln", "Drive", "Dr", "Court", "Ct", "Way", "Place", "Pl", "Terrace", "Circle", "Parkway",
];

pub(crate) const STREET_DIRECTIONS: &[&str] = &["N.", "S.", "E.", "W.", "North", "West", "NE"];

pub(crate) const UNITS: &[&str] = &["Apt", "Apt.", "Unit", "Suite", "#", "Apartment", "Ste."];

/// Countries and regions, as they follow "from" or "in" (no leading article).
#[rustfmt::skip]
pub(crate) const COUNTRIES: &[&str] = &[
    "Mexico", "Guatemala", "El Salvador", "Honduras", "Dominican Republic", "Cuba", "Haiti",
    "Jamaica", "Colombia", "Venezuela", "Peru", "Brazil", "Argentina", "Canada", "Ireland",
    "United Kingdom", "England", "Scotland", "Germany", "Poland", "Italy", "France", "Portugal",
    "Greece", "Russia", "Ukraine", "Nigeria", "Ghana", "Kenya", "Ethiopia", "Somalia", "Senegal",
    "Egypt", "Morocco", "Lebanon", "Syria", "Iraq", "Iran", "Afghanistan", "Pakistan", "India",
    "Bangladesh", "Nepal", "China", "Taiwan", "Japan", "South Korea", "Vietnam", "Philippines",
    "Thailand", "Cambodia", "Australia", "Türkiye", "Côte d'Ivoire", "Puerto Rico", "Cape Verde",
    "Trinidad and Tobago",
];

/// Named places that are not streets, cities, states, countries or hospitals.
#[rustfmt::skip]
pub(crate) const OTHER_LOCATIONS: &[&str] = &[
    "Golden Gate Park", "Central Park", "Fenway Park", "Yellowstone National Park", "Lake Tahoe",
    "Grand Canyon", "Mount Rainier", "Times Square", "Faneuil Hall", "Navy Pier",
    "Pike Place Market", "Walden Pond", "Franklin Park Zoo", "Lincoln Memorial", "Boston Common",
    "Rockefeller Center", "Millennium Park", "Lambeau Field", "Griffith Observatory",
    "Balboa Park", "Logan Airport", "O'Hare Airport", "Westfield Mall", "Greenwood Cemetery",
    "Camp Lejeune", "Fort Bragg", "Riverside Community Center", "Holy Trinity Church",
    "Hollywood Bowl", "Acadia National Park", "Mall of America", "Union Station",
    "Red Rocks Amphitheatre",
];
