//! Properties that must hold for any text.

use deid_core::{Category, Engine, Finding, Reason, Settings, Span, entities};
use proptest::prelude::*;

/// Text drawn from ASCII, accents, combining marks, CJK, emoji and PHI-like pieces.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z ,.:]{1,12}",
        Just("é".to_owned()),
        Just("e\u{301}".to_owned()),
        Just("👍🏽".to_owned()),
        Just("👩‍⚕️".to_owned()),
        Just("漢字".to_owned()),
        Just(" Dr. Smith ".to_owned()),
        Just(" John Garcia ".to_owned()),
        Just(" 03/14/2021 ".to_owned()),
        Just(" (617) 555-0134 ".to_owned()),
        Just(" MRN: 00123456 ".to_owned()),
        Just(" 45-year-old ".to_owned()),
        Just(" Boston, MA 02114 ".to_owned()),
        Just("\n".to_owned()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn engine() -> &'static Engine {
    static E: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    E.get_or_init(|| Engine::new(Settings::default()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Every entity's three offsets agree with the text itself.
    #[test]
    fn offsets_agree_across_encodings(t in text()) {
        for e in engine().tag(&t) {
            let start = e.offset.utf8;
            let end = start + e.length.utf8;
            prop_assert!(t.is_char_boundary(start) && t.is_char_boundary(end));
            prop_assert_eq!(&t[start..end], &*e.text);
            prop_assert_eq!(t[..start].chars().count(), e.offset.code_point);
            prop_assert_eq!(t[..start].encode_utf16().count(), e.offset.utf16);
            prop_assert_eq!(t[start..end].chars().count(), e.length.code_point);
            prop_assert_eq!(t[start..end].encode_utf16().count(), e.length.utf16);
        }
    }

    /// Offsets are exact for arbitrary spans on arbitrary Unicode, not only for
    /// what the rules find.
    #[test]
    fn offsets_for_any_span(t in "\\PC{0,60}", a in 0usize..80, b in 0usize..80) {
        let bounds: Vec<usize> = t.char_indices().map(|(i, _)| i).chain([t.len()]).collect();
        let (a, b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
        let (s, e) = (a.min(b), a.max(b));
        let f = Finding::new(Span::new(s, e), Category::Patient, 0.9, Reason::rule("test"));
        let ent = &entities(&t, &[f])[0];
        prop_assert_eq!(t[..s].chars().count(), ent.offset.code_point);
        prop_assert_eq!(t[..s].encode_utf16().count(), ent.offset.utf16);
        prop_assert_eq!(t[s..e].encode_utf16().count(), ent.length.utf16);
    }

    /// Findings never overlap and lie on character boundaries.
    #[test]
    fn findings_are_disjoint(t in text()) {
        let f = engine().analyze(&t);
        for w in f.windows(2) {
            prop_assert!(w[0].span.end() <= w[1].span.start());
        }
        for x in &f {
            prop_assert!(t.is_char_boundary(x.span.start()) && t.is_char_boundary(x.span.end()));
            prop_assert!((0.0..=1.0).contains(&x.confidence));
        }
    }

    /// Redaction leaves no detected span's text behind.
    #[test]
    fn redact_removes_detected_text(t in text()) {
        let found = engine().tag(&t);
        let out = engine().redact(&t);
        for e in found {
            if e.text.chars().count() >= 4 && !"[patient][doctor][date]".contains(&*e.text) {
                prop_assert!(!out.contains(&*e.text), "left {:?} in output", e.category);
            }
        }
    }
}

#[test]
fn empty_input_gives_nothing() {
    assert!(engine().analyze("").is_empty());
    assert_eq!(engine().redact(""), "");
}

#[test]
fn large_input_is_split_without_losing_findings() {
    let note = "Seen by Dr. Smith on 03/14/2021. MRN: 00123456.\n";
    let big = note.repeat(5000);
    let found = engine().analyze(&big);
    assert_eq!(found.len(), 3 * 5000);
}

#[test]
fn settings_filter_and_lists_apply() {
    let text = "Seen by Dr. Smith at Project Nightingale on 03/14/2021 with a Foley.";
    let s = Settings::from_toml(
        "categories = [\"Doctor\", \"Organization\"]\nallow = [\"dr. smith\"]\n[deny]\n\"Project Nightingale\" = \"Organization\"\n",
    )
    .unwrap();
    let e = Engine::new(s);
    let got: Vec<_> = e
        .tag(text)
        .into_iter()
        .map(|x| (x.category, x.text.0))
        .collect();
    assert_eq!(
        got,
        [(Category::Organization, "Project Nightingale".to_owned())]
    );
}
