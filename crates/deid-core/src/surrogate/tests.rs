use super::*;
use crate::lexicon::{Gender, lexicon};
use crate::{Engine, Settings};

fn key(s: &str) -> SurrogateKey {
    SurrogateKey::from_secret(s.as_bytes())
}

fn one(s: &Surrogator, text: &str, cat: Category) -> String {
    let f = Finding::new(
        Span::new(0, text.len()),
        cat,
        1.0,
        crate::Reason::rule("test"),
    );
    s.surrogate(text, &[f], None).text
}

#[test]
fn every_form_of_a_name_maps_to_parts_of_one_surrogate() {
    let s = Surrogator::new(key("k"), SurrogateOptions::default());
    let full = one(&s, "John Smith", Category::Patient);
    let (first, last) = full.split_once(' ').unwrap();
    assert_ne!(first, "John");
    assert_ne!(last, "Smith");
    assert_eq!(
        one(&s, "Smith, John", Category::Patient),
        format!("{last}, {first}")
    );
    assert_eq!(
        one(&s, "Mr. Smith", Category::Patient),
        format!("Mr. {last}")
    );
    assert_eq!(
        one(&s, "JOHN SMITH", Category::Patient),
        format!("{} {}", first.to_uppercase(), last.to_uppercase())
    );
    assert_eq!(one(&s, "John", Category::Patient), first);
    let j = one(&s, "J. Smith", Category::Patient);
    assert!(
        j.ends_with(&format!(". {last}")) && j.len() == 3 + last.len(),
        "{j}"
    );
    assert_eq!(
        one(&s, "Dr. Smith, MD", Category::Doctor),
        format!("Dr. {last}, MD")
    );
    assert_eq!(one(&s, "Smith's", Category::Patient), format!("{last}'s"));
}

#[test]
fn first_names_keep_their_gender() {
    let s = Surrogator::new(key("g"), SurrogateOptions::default());
    for (name, g) in [
        ("Mary", Gender::Female),
        ("Robert", Gender::Male),
        ("Linda", Gender::Female),
    ] {
        let new = one(&s, name, Category::Patient);
        let info = lexicon().first_name(&new.to_lowercase());
        assert_eq!(info.map(|i| i.1), Some(g), "{name} -> {new}");
    }
}

#[test]
fn dates_shift_by_one_offset_per_run_or_patient() {
    let s = Surrogator::new(key("d"), SurrogateOptions::default());
    let shift = s.date_shift(None);
    assert!((MIN_SHIFT..=MAX_SHIFT).contains(&shift.abs()));
    assert_eq!(shift, s.date_shift(None));
    let shifts: FxHashSet<i64> = (0..20)
        .map(|i| s.date_shift(Some(&format!("p{i}"))))
        .collect();
    assert!(shifts.len() > 10, "per-patient shifts vary");
    let out = one(&s, "03/14/2021", Category::Date);
    assert_eq!(out, dates::shift("03/14/2021", shift).unwrap());
}

#[test]
fn ages_over_89_stay_over_89_or_are_capped() {
    let s = Surrogator::new(key("a"), SurrogateOptions::default());
    let a: i64 = one(&s, "93", Category::Age).parse().unwrap();
    assert!(a > 89 && a != 93);
    assert_eq!(one(&s, "45", Category::Age), "45");
    assert_eq!(one(&s, "45-year-old", Category::Age), "45-year-old");
    let capped = Surrogator::new(
        key("a"),
        SurrogateOptions {
            cap_over_89: true,
            ages: AgeMode::Shift,
        },
    );
    assert_eq!(one(&capped, "93 yo", Category::Age), "90+ yo");
    let young: i64 = one(&capped, "45", Category::Age).parse().unwrap();
    assert!(young != 45 && (42..=48).contains(&young));
}

#[test]
fn city_state_and_zip_written_together_agree() {
    let engine = Engine::new(Settings::default());
    let text = "Lives at 12 Elm Street, Baltimore, MD 21201 with her son.";
    let found = engine.analyze(text);
    let cats: Vec<Category> = found.iter().map(|f| f.category).collect();
    assert_eq!(
        cats,
        [
            Category::Street,
            Category::City,
            Category::State,
            Category::Zip
        ]
    );
    let s = Surrogator::new(key("c"), SurrogateOptions::default());
    let out = s.surrogate(text, &found, None);
    let r = &out.replacements;
    let city = s
        .pools
        .cities
        .iter()
        .find(|c| c.name == r[1].surrogate)
        .expect("surrogate city is a pool city");
    assert_eq!(r[2].surrogate, city.state);
    assert!(
        city.zips.contains(&r[3].surrogate.as_str()),
        "{}",
        r[3].surrogate
    );
    assert_ne!(r[1].surrogate, "Baltimore");
}

#[test]
fn identifiers_keep_layout_and_never_equal_the_original() {
    let s = Surrogator::new(key("i"), SurrogateOptions::default());
    for (text, cat) in [
        ("MRN-0012345", Category::MedicalRecord),
        ("123-45-6789", Category::SocialSecurity),
        ("(617) 555-1234", Category::Phone),
        ("jsmith@gmail.com", Category::Email),
        ("10.1.2.3", Category::IPAddress),
        ("1HGCM82633A004352", Category::Vehicle),
        ("St. Mary's Hospital", Category::Hospital),
        ("Acme Corp.", Category::Organization),
        ("plumber", Category::Profession),
        ("Canada", Category::CountryOrRegion),
        ("123 Main St.", Category::Street),
    ] {
        let new = one(&s, text, cat);
        assert_ne!(new.to_lowercase(), text.to_lowercase(), "{cat:?}");
        assert!(!new.is_empty());
    }
    let h = one(&s, "St. Mary's Hospital", Category::Hospital);
    assert!(h.starts_with("St. ") && h.ends_with("'s Hospital"), "{h}");
    let a = one(&s, "123 Main St.", Category::Street);
    assert!(
        a.ends_with(" St.") && a.len() >= 10 && a.as_bytes()[3] == b' ',
        "{a}"
    );
}

#[test]
fn surrogates_avoid_originals_of_the_run() {
    let text = "John Smith";
    let f = [Finding::new(
        Span::new(0, 10),
        Category::Patient,
        1.0,
        crate::Reason::rule("t"),
    )];
    let free = Surrogator::new(key("x"), SurrogateOptions::default());
    let taken = one(&free, text, Category::Patient);
    // Make the surrogate's own words originals of the run: they must not come back.
    let mut s = Surrogator::new(key("x"), SurrogateOptions::default());
    let other = format!("{taken} was here");
    let g = [Finding::new(
        Span::new(0, taken.len()),
        Category::Patient,
        1.0,
        crate::Reason::rule("t"),
    )];
    let mut all = s.originals_of(&other, &g);
    all.merge(s.originals_of(text, &f));
    s.add_originals(all);
    let out = s.surrogate(text, &f, None).text;
    for w in out.split(' ') {
        assert!(!taken.split(' ').any(|t| t == w), "{out} reuses {taken}");
    }
}

#[test]
fn the_key_decides_everything() {
    let engine = Engine::new(Settings::default());
    let text = "Seen by Dr. John Smith on 03/14/2021. Call 617-555-1234. MRN 12345678.";
    let found = engine.analyze(text);
    let a = Surrogator::new(key("one"), SurrogateOptions::default()).surrogate(text, &found, None);
    let a2 = Surrogator::new(key("one"), SurrogateOptions::default()).surrogate(text, &found, None);
    let b = Surrogator::new(key("two"), SurrogateOptions::default()).surrogate(text, &found, None);
    assert_eq!(a, a2);
    assert_ne!(a.text, b.text);
    assert_eq!(a.replacements.len(), found.len());
    let debug = format!("{a:?}");
    assert!(
        !debug.contains("Seen by") && debug.contains("text_len"),
        "{debug}"
    );
}
