//! Spot checks that spans follow `docs/annotation-guide.md`.

use deid_core::Category as C;

use super::docs;
use crate::Split;

#[test]
fn span_boundaries_follow_the_annotation_guide() {
    let credentials = [", MD", " MD", ", RN", " RN", "PA-C", ", DO", " NP", "PhD"];
    for doc in docs(61, 500, Split::Train)
        .into_iter()
        .chain(docs(62, 300, Split::Heldout))
    {
        for s in &doc.spans {
            // A value wrapped across lines reads the same with the break as a space.
            let v = &s.span.of(&doc.text).replace('\n', " ");
            let lower = v.to_lowercase();
            let context = |n: usize| &doc.text[s.span.start().saturating_sub(n)..s.span.start()];
            match s.category {
                C::Age => assert!(
                    v.chars().all(|c| c.is_ascii_digit()) || v == "90+",
                    "{}: age span `{v}` is not a number",
                    doc.id
                ),
                C::Doctor => {
                    assert!(
                        !credentials.iter().any(|c| v.ends_with(c)),
                        "credential in `{v}`"
                    );
                }
                C::Date => {
                    assert!(
                        !lower.starts_with("on ") && !lower.starts_with("in "),
                        "`{v}`"
                    );
                    assert!(
                        v.chars().any(|c| c.is_ascii_digit()),
                        "date without digits `{v}`"
                    );
                }
                C::Email | C::Url | C::IPAddress => {
                    assert!(
                        !v.ends_with(['.', ',', ')', ';']),
                        "trailing punctuation `{v}`"
                    );
                }
                C::MedicalRecord | C::SocialSecurity => {
                    assert!(
                        !lower.contains("mrn") && !lower.contains("ssn"),
                        "label in `{v}`"
                    );
                }
                _ => {}
            }
            if s.category == C::Patient {
                assert!(
                    !lower.starts_with("her ") && !lower.starts_with("his "),
                    "`{v}`"
                );
                assert!(
                    !context(1).ends_with(|c: char| c.is_alphanumeric()),
                    "glued `{v}`"
                );
            }
            if s.category == C::Doctor && v.starts_with("Dr") {
                assert!(
                    v.starts_with("Dr. ") || v.starts_with("Dr ") || v.starts_with("Doctor "),
                    "`{v}`"
                );
            }
        }
    }
}

#[test]
fn titles_are_inside_name_spans() {
    let all = docs(63, 300, Split::Train);
    let values: Vec<_> = all
        .iter()
        .flat_map(|d| {
            d.spans
                .iter()
                .map(move |s| (s.category, s.span.of(&d.text)))
        })
        .collect();
    assert!(
        values
            .iter()
            .any(|(c, v)| *c == C::Doctor && v.starts_with("Dr. "))
    );
    assert!(
        values
            .iter()
            .any(|(c, v)| *c == C::Patient && v.starts_with("Mr. "))
    );
    // No name span is directly preceded by an uncovered title.
    for d in &all {
        for s in &d.spans {
            let before = &d.text[..s.span.start()];
            if matches!(s.category, C::Patient | C::Doctor) {
                for title in ["Dr. ", "Mr. ", "Mrs. ", "Ms. "] {
                    assert!(!before.ends_with(title), "{}: title outside the span", d.id);
                }
            }
        }
    }
}
