//! First names (with the gender they are usually given to) and surnames.
//!
//! The lists mix Anglo, Hispanic, South Asian, East and Southeast Asian, African,
//! Middle Eastern and European names, and keep the accents and particles real notes
//! carry ("José", "Søren", "van der Berg", "O'Neill", hyphenated surnames).

/// Names mostly given to girls.
#[rustfmt::skip]
pub(crate) const FEMALE: &[&str] = &[
    // Anglo and American
    "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah",
    "Karen", "Nancy", "Lisa", "Margaret", "Betty", "Sandra", "Ashley", "Dorothy", "Kimberly",
    "Emily", "Donna", "Michelle", "Carol", "Amanda", "Melissa", "Deborah", "Stephanie", "Rebecca",
    "Laura", "Sharon", "Cynthia", "Kathleen", "Amy", "Shirley", "Angela", "Helen", "Brenda",
    "Pamela", "Nicole", "Ruth", "Katherine", "Samantha", "Christine", "Emma", "Catherine",
    "Virginia", "Rachel", "Janet", "Heather", "Diane", "Julie", "Joyce", "Victoria", "Evelyn",
    "Lauren", "Judith", "Olivia", "Martha", "Megan", "Hannah", "Gloria", "Teresa", "Alice",
    "Madison", "Doris", "Abigail", "Grace", "Denise", "Beverly", "Theresa", "Charlotte", "Rose",
    "Hope", "May", "Faith", "Joy", "Eleanor", "Harper", "Aaliyah", "Keisha", "Latoya", "Ebony",
    "Shaniqua", "Tamika",
    // Hispanic
    "Lucía", "Sofía", "Guadalupe", "Carmen", "Rosa", "Ana", "Yesenia", "Marisol", "Xiomara",
    "Itzel", "Valentina", "Ximena", "Maribel", "Dolores", "Esperanza", "Graciela", "Beatriz",
    "Paola", "Inés", "Milagros", "María José",
    // South Asian
    "Priya", "Ananya", "Deepika", "Lakshmi", "Sunita", "Kavya", "Aishwarya", "Meera", "Pooja",
    "Shreya", "Nisha", "Divya",
    // East and Southeast Asian
    "Mei", "Xiu Ying", "Yuki", "Sakura", "Hana", "Ji-woo", "Min-seo", "Seo-yeon", "Linh", "Thao",
    "Mai", "Jing", "Yoko", "Maricel",
    // African
    "Ngozi", "Chiamaka", "Amara", "Adaeze", "Folasade", "Abena", "Akosua", "Wanjiru", "Zainab",
    "Nia", "Imani", "Makeda", "Nomvula",
    // Middle Eastern
    "Fatima", "Aisha", "Noor", "Layla", "Yasmin", "Mariam", "Leila",
    // European
    "Ingrid", "Astrid", "Sigrid", "Zoë", "Chloé", "Élodie", "Giulia", "Francesca", "Katarzyna",
    "Agnieszka", "Olga", "Svetlana", "Anneke", "Saoirse", "Siobhan", "Niamh", "Małgorzata",
    "Brigitte", "Renée", "Annika",
    // Pacific
    "Leilani", "Malia",
];

/// Names mostly given to boys.
#[rustfmt::skip]
pub(crate) const MALE: &[&str] = &[
    // Anglo and American
    "James", "Robert", "John", "Michael", "David", "William", "Richard", "Joseph", "Thomas",
    "Charles", "Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Donald", "Steven", "Paul",
    "Andrew", "Joshua", "Kenneth", "Kevin", "Brian", "George", "Timothy", "Ronald", "Edward",
    "Jason", "Jeffrey", "Ryan", "Jacob", "Gary", "Nicholas", "Eric", "Jonathan", "Stephen",
    "Larry", "Justin", "Scott", "Brandon", "Benjamin", "Samuel", "Gregory", "Frank", "Patrick",
    "Raymond", "Jack", "Dennis", "Jerry", "Tyler", "Aaron", "Nathan", "Henry", "Douglas", "Peter",
    "Walter", "Ethan", "Harold", "Keith", "Roger", "Noah", "Carl", "Arthur", "Lawrence", "Dylan",
    "Bruce", "Albert", "Willie", "Wayne", "Roy", "Ralph", "Eugene", "Vincent", "Russell", "Louis",
    "Philip", "Will", "Bill", "Earl", "Clarence", "DeShawn", "Tyrone", "Darnell", "Jamal", "Malik",
    "Andre", "Marcus",
    // Hispanic
    "José", "Mateo", "Santiago", "Alejandro", "Diego", "Luis", "Carlos", "Jesús", "Miguel",
    "Javier", "Raúl", "Héctor", "Francisco", "Juan", "Jorge", "Ramón", "Joaquín", "Andrés",
    "Rodrigo", "Emilio", "Juan Carlos",
    // South Asian
    "Arjun", "Rahul", "Vikram", "Sanjay", "Rohan", "Amit", "Rajesh", "Anil", "Suresh", "Imran",
    "Farhan",
    // East and Southeast Asian
    "Wei", "Jian", "Hiroshi", "Takeshi", "Kenji", "Min-jun", "Ji-hoon", "Duc", "Minh", "Hao",
    "Haruto",
    // African
    "Chinedu", "Emeka", "Oluwaseun", "Kwame", "Kofi", "Tunde", "Jabari", "Abebe", "Mamadou",
    "Kwabena", "Babajide",
    // Middle Eastern
    "Mohammed", "Ahmed", "Omar", "Hassan", "Yusuf", "Tariq", "Karim", "Khalid",
    // European
    "Lars", "Sven", "Björn", "Søren", "Jürgen", "Klaus", "Matthias", "Pierre", "François", "Luca",
    "Giovanni", "Marco", "Piotr", "Tomasz", "Dmitri", "Sergei", "Liam", "Seamus", "Declan",
    "Niels", "Stefan", "Andrzej", "Gérard",
];

/// Names given to anyone; a patient with one of these gets a random gender.
#[rustfmt::skip]
pub(crate) const UNISEX: &[&str] = &[
    "Alex", "Taylor", "Jordan", "Casey", "Riley", "Jamie", "Morgan", "Avery", "Quinn", "Sam",
    "Robin", "Kim", "Dana", "Jesse", "Cameron", "Rowan", "Skyler", "Kendall", "Reese", "Emerson",
];

/// Formal first name and the short form people go by.
#[rustfmt::skip]
pub(crate) const NICKNAMES: &[(&str, &str)] = &[
    ("William", "Bill"), ("William", "Will"), ("Robert", "Bob"), ("Robert", "Rob"),
    ("Elizabeth", "Liz"), ("Elizabeth", "Beth"), ("Margaret", "Peggy"), ("Margaret", "Maggie"),
    ("Richard", "Rick"), ("James", "Jim"), ("James", "Jimmy"), ("Katherine", "Kate"),
    ("Katherine", "Katie"), ("Michael", "Mike"), ("Joseph", "Joe"), ("Thomas", "Tom"),
    ("Christopher", "Chris"), ("Daniel", "Danny"), ("Anthony", "Tony"), ("Edward", "Ted"),
    ("Jennifer", "Jen"), ("Patricia", "Trish"), ("Samantha", "Sam"), ("Francisco", "Paco"),
    ("José", "Pepe"), ("Guadalupe", "Lupe"), ("Rebecca", "Becky"), ("Susan", "Sue"),
    ("Nicholas", "Nick"), ("Alejandro", "Alex"), ("Dolores", "Lola"), ("Deborah", "Debbie"),
];

/// Family names, including particles, apostrophes and hyphenated forms.
#[rustfmt::skip]
pub(crate) const SURNAMES: &[&str] = &[
    // Anglo and American
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson",
    "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Thompson", "White", "Harris", "Clark",
    "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Hill", "Green",
    "Adams", "Nelson", "Baker", "Hall", "Campbell", "Mitchell", "Carter", "Roberts", "Phillips",
    "Evans", "Turner", "Parker", "Edwards", "Collins", "Stewart", "Morris", "Murphy", "Cook",
    "Rogers", "Morgan", "Cooper", "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Cox", "Ward",
    "Richardson", "Watson", "Brooks", "Wood", "Bennett", "Gray", "Hughes", "Price", "Sanders",
    "Myers", "Long", "Ross", "Foster", "Powell", "Jenkins", "Perry", "Russell", "Sullivan", "Bell",
    "Coleman", "Butler", "Henderson", "Barnes", "Fisher", "Simmons", "Patterson", "Hamilton",
    "Graham", "Reynolds", "Griffin", "Wallace", "West", "Cole", "Hayes", "Bryant", "Gibson",
    "Ellis", "Stevens", "Murray", "Ford", "Marshall", "Owens", "Harrison", "McDonald", "Woods",
    "Washington", "Kennedy", "Wells", "Freeman", "Webb", "Tucker", "Burns", "Crawford", "Olson",
    "Porter", "Hunter", "Gordon", "Shaw", "Snyder", "Mason", "Dixon", "Holmes", "Palmer", "Black",
    "Boyd", "Stone", "Warren", "Mills", "Abernathy", "Whitfield", "Pennington",
    // Hispanic
    "Garcia", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Perez", "Sanchez",
    "Ramirez", "Torres", "Flores", "Rivera", "Gomez", "Diaz", "Cruz", "Reyes", "Morales",
    "Gutierrez", "Ortiz", "Ramos", "Chavez", "Mendoza", "Ruiz", "Alvarez", "Castillo", "Jimenez",
    "Vasquez", "Romero", "Moreno", "Herrera", "Medina", "Aguilar", "Castro", "Fernández", "Vargas",
    "Guzmán", "Méndez", "Muñoz", "Salazar", "Soto", "Peña", "Núñez", "Ibáñez", "Sandoval",
    "Contreras", "Delgado", "Alvarado",
    // South Asian
    "Patel", "Sharma", "Gupta", "Singh", "Reddy", "Iyer", "Menon", "Chatterjee", "Banerjee",
    "Desai", "Mehta", "Kapoor", "Rao", "Krishnan", "Chaudhry", "Bhattacharya",
    // East and Southeast Asian
    "Nguyen", "Kim", "Lee", "Chen", "Tran", "Wang", "Li", "Zhang", "Liu", "Huang", "Zhao", "Wu",
    "Zhou", "Xu", "Lin", "Tanaka", "Suzuki", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi",
    "Sato", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Pham", "Hoang", "Phan", "Vu", "Dang",
    "Santos", "Dela Cruz", "Bautista",
    // African
    "Okafor", "Okonkwo", "Adeyemi", "Balogun", "Mensah", "Owusu", "Asante", "Kamau", "Otieno",
    "Mwangi", "Diallo", "Traoré", "Ndiaye", "Haile", "Tesfaye", "Abdi", "Nwosu", "Dlamini",
    // Middle Eastern
    "Hassan", "Ali", "Khan", "Rahman", "Hussein", "Haddad", "Khoury", "Nasser", "Al-Farsi",
    "El-Amin", "Ben-David", "Abdullah",
    // European
    "Müller", "Schneider", "Fischer", "Weber", "Becker", "Schulz", "Koch", "Richter", "Schröder",
    "Neumann", "Zimmermann", "Krüger", "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi",
    "Romano", "Colombo", "Ricci", "Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Bonnet",
    "Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Ivanov", "Petrov", "Sokolov", "Novak", "Horvat",
    "Jensen", "Nielsen", "Andersen", "Larsen", "Johansson", "Lindqvist", "Eriksson", "Virtanen",
    "Papadopoulos", "Ferreira", "Oliveira",
    // Irish and Scottish
    "O'Neill", "O'Brien", "O'Connor", "O'Sullivan", "McCarthy", "McLaughlin", "MacLeod",
    "Fitzgerald", "Gallagher", "Byrne",
    // Multi-part and hyphenated
    "van der Berg", "van Dijk", "de Vries", "de la Cruz", "de León", "del Rosario", "da Silva",
    "dos Santos", "García-López", "Smith-Jones", "Ruiz-Torres", "St. John", "Lloyd-Evans",
    "Nakamura-Brown", "Okafor-Williams", "von Braun", "Le Blanc", "Di Stefano",
];
