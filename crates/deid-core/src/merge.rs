//! Resolves overlapping findings into one consistent set and joins adjacent
//! parts of one name.

use std::collections::BTreeMap;

use crate::{Category, Finding, Source, Span, vet};

/// True when `span` shares a byte with an accepted span.
fn overlapping(taken: &BTreeMap<usize, (usize, usize)>, span: Span) -> bool {
    taken
        .range(..span.end())
        .next_back()
        .is_some_and(|(_, &(end, _))| end > span.start())
}

/// The part of `f` before the first accepted span that starts inside it, without
/// trailing spaces and punctuation; `None` if nothing is left.
fn clip_before(taken: &BTreeMap<usize, (usize, usize)>, f: &Finding, text: &str) -> Option<Span> {
    let (&cut, _) = taken.range(f.span.start() + 1..f.span.end()).next()?;
    let head = text[f.span.start()..cut]
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':'));
    let end = f.span.start() + head.len();
    let at_word_end = !text[end..].starts_with(char::is_alphanumeric);
    // What is left must still look like a name on its own, not a stray "In".
    let enough = head.chars().filter(|c| c.is_alphabetic()).count() >= 3;
    (enough && at_word_end).then(|| Span::new(f.span.start(), end))
}

/// `1 - (1 - a)(1 - b)`: two independent detectors agreeing.
fn agree(a: f32, b: f32) -> f32 {
    1.0 - (1.0 - a) * (1.0 - b)
}

/// Combines the model's findings with the rules' before [`resolve`]:
/// - where a rule validated a structured category (date, number, address...),
///   the rule's finding stands and the model's is dropped; a model that agrees
///   on the category raises the rule's confidence;
/// - in free text (names, places, institutions, professions) the model's word
///   counts: a rule finding it overlaps is absorbed into it. When they agree on
///   the category, the span is their union and the confidences combine; when they
///   disagree, the surer of the two keeps the union span, ties going to the model,
///   except that a context word that makes the person the patient ("patient",
///   "daughter", "regards") wins over the model's Doctor. A rule span over model findings of different categories ("Kevin and
///   Walmart Pharmacy", where the model sees a person and a shop) stretches
///   none of them.
/// - a model finding no rule overlaps stays only if it looks like its category
///   on its own ([`vet::stands_alone`]); rule findings alone pass unchanged.
///   Deny-list findings are left to `resolve`, which always keeps them.
pub fn fuse(findings: Vec<Finding>, text: &str) -> Vec<Finding> {
    let is_model = |f: &Finding| f.reasons.first().is_some_and(|r| r.source == Source::Model);
    let (model, mut other): (Vec<Finding>, Vec<Finding>) = findings.into_iter().partition(is_model);
    if model.is_empty() {
        return other;
    }
    let mut model = model;
    for m in &mut model {
        m.span = vet::trim_tail(m.category, text, m.span);
    }
    other.sort_by_key(|f| f.span.start());
    let overlapping = |m: &Finding| -> Vec<usize> {
        let end = other.partition_point(|f| f.span.start() < m.span.end());
        (0..end)
            .filter(|&i| other[i].span.end() > m.span.start())
            .filter(|&i| !other[i].reasons.iter().any(|r| r.source == Source::Config))
            .collect()
    };
    // Rule findings that overlap model findings of different categories.
    let mut first_seen: Vec<Option<Category>> = vec![None; other.len()];
    let mut split = vec![false; other.len()];
    let overlaps: Vec<Vec<usize>> = model.iter().map(overlapping).collect();
    for (m, o) in model.iter().zip(&overlaps) {
        for &i in o {
            let seen = first_seen[i].get_or_insert(m.category);
            split[i] |= *seen != m.category;
        }
    }
    let mut absorbed = vec![false; other.len()];
    let mut kept = Vec::with_capacity(model.len());
    for (mut m, overlaps) in model.into_iter().zip(overlaps) {
        if overlaps.is_empty() {
            if vet::stands_alone(m.category, text, m.span) {
                kept.push(m);
            }
            continue;
        }
        if overlaps.iter().any(|&i| !other[i].category.is_free_text()) {
            for &i in &overlaps {
                if other[i].category == m.category {
                    other[i].confidence = agree(other[i].confidence, m.confidence);
                    other[i].reasons.extend(m.reasons.iter().copied());
                }
            }
            continue;
        }
        let mut start = m.span.start();
        let mut stop = m.span.end();
        let mut reasons = m.reasons.clone();
        let mut cued = false;
        for &i in &overlaps {
            let r = &other[i];
            if !split[i] {
                start = start.min(r.span.start());
                stop = stop.max(r.span.end());
            }
            if r.category == m.category {
                m.confidence = agree(m.confidence, r.confidence);
            } else if !cued {
                cued = patient_cue(r, m.category);
                if cued || r.confidence > m.confidence {
                    m.category = r.category;
                    m.confidence = r.confidence;
                    reasons.insert(0, r.reasons[0]);
                }
            }
            for reason in &r.reasons {
                if !reasons.contains(reason) {
                    reasons.push(*reason);
                }
            }
            absorbed[i] = true;
        }
        m.span = Span::new(start, stop);
        m.reasons = reasons;
        kept.push(m);
    }
    other
        .into_iter()
        .zip(absorbed)
        .filter_map(|(f, a)| (!a).then_some(f))
        .chain(kept)
        .collect()
}

/// Whether rule finding `r` makes a person the patient (or a relative) from
/// a context word before the name ("patient", "daughter", "regards") where the
/// model reads a clinician: the cue wins.
fn patient_cue(r: &Finding, model: crate::Category) -> bool {
    r.category == crate::Category::Patient
        && model == crate::Category::Doctor
        && r.reasons
            .iter()
            .any(|x| x.source == Source::Rule && x.rule == "name.context")
}

/// Keeps the best of every group of overlapping findings and returns the
/// survivors sorted by position. Findings from the user's deny-list win; then
/// higher confidence, with a small bonus for length, so "St. Mary's Hospital"
/// beats the first name "Mary" inside it.
pub fn resolve(findings: Vec<Finding>, text: &str) -> Vec<Finding> {
    let score = |f: &Finding| {
        let deny = if f.reasons.iter().any(|r| r.source == Source::Config) {
            10.0
        } else {
            0.0
        };
        deny + f.confidence + f.span.len().min(40) as f32 * 0.002
    };
    // Scores are computed once, not in every comparison.
    let mut scored: Vec<(f32, Finding)> = findings.into_iter().map(|f| (score(&f), f)).collect();
    scored.sort_by(|(sa, a), (sb, b)| sb.total_cmp(sa).then(a.span.start().cmp(&b.span.start())));
    let findings = scored.into_iter().map(|(_, f)| f);
    let mut kept: Vec<Finding> = Vec::with_capacity(findings.len());
    // Accepted spans: start -> (end, index in `kept`).
    let mut taken: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    for mut f in findings {
        if let Some(&(end, k)) = taken.get(&f.span.start()) {
            // Agreement of another detector on the same span adds its reasons.
            if end == f.span.end() && kept[k].category == f.category {
                for r in f.reasons {
                    if !kept[k].reasons.contains(&r) {
                        kept[k].reasons.push(r);
                    }
                }
                continue;
            }
        }
        if overlapping(&taken, f.span) {
            // A name that runs into a surer finding keeps the words before it
            // ("John Smith" of "John Smith Boston" when "Boston" is a city).
            match clip_before(&taken, &f, text) {
                Some(span) if f.category.is_name() && !overlapping(&taken, span) => f.span = span,
                _ => continue,
            }
        }
        taken.insert(f.span.start(), (f.span.end(), kept.len()));
        kept.push(f);
    }
    kept.sort_by_key(|f| f.span);
    join_names(kept, text)
}

/// "John" + " " + "Smith" from two findings become one name.
fn join_names(findings: Vec<Finding>, text: &str) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::with_capacity(findings.len());
    for f in findings {
        if let Some(prev) = out.last_mut() {
            let gap = &text[prev.span.end()..f.span.start()];
            let joins = gap == " " || gap == ". " && ends_in_initial(prev.span.of(text));
            if prev.category.is_name() && f.category.is_name() && joins {
                if f.confidence > prev.confidence && f.category != prev.category {
                    prev.category = f.category;
                }
                prev.span = Span::new(prev.span.start(), f.span.end());
                prev.confidence = prev.confidence.max(f.confidence);
                for r in f.reasons {
                    if !prev.reasons.contains(&r) {
                        prev.reasons.push(r);
                    }
                }
                continue;
            }
        }
        out.push(f);
    }
    out
}

/// Whether a name ends in an initial or a title, whose period does not end a
/// sentence ("J. Smith", "Dr. Lee"; not "Dr. Walker. Anesthesiologist").
fn ends_in_initial(name: &str) -> bool {
    let last = name
        .rsplit(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    last.chars().nth(1).is_none()
        || matches!(
            last.to_lowercase().as_str(),
            "dr" | "mr" | "mrs" | "ms" | "mx" | "st" | "prof"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Reason;

    fn model(s: usize, e: usize, c: Category, p: f32) -> Finding {
        let reason = Reason {
            source: Source::Model,
            rule: "token classifier",
            detail: None,
        };
        Finding::new(Span::new(s, e), c, p, reason)
    }

    #[test]
    fn rules_keep_structured_spans_and_the_model_decides_free_text() {
        let rule = |s, e, c, p| Finding::new(Span::new(s, e), c, p, Reason::list("t"));
        let text = "2019-01-05    Ann Kowalsk     Boston    Qorx MR   Kevin and Walmart Pharmacy";
        let out = fuse(
            vec![
                // A validated date: the rule stands, agreement raises its confidence.
                rule(0, 10, Category::Date, 0.9),
                model(0, 5, Category::Date, 0.8),
                // A name the list half-found: one finding over both spans.
                rule(20, 25, Category::Patient, 0.6),
                model(14, 25, Category::Patient, 0.9),
                // Disagreement in free text: the surer model wins.
                rule(30, 36, Category::City, 0.6),
                model(30, 36, Category::Patient, 0.95),
                // Model alone: kept when it looks like its category.
                model(40, 44, Category::Hospital, 0.7),
                model(45, 47, Category::Patient, 0.99),
                // One rule span over two model findings stretches neither.
                rule(50, 76, Category::Organization, 0.88),
                model(50, 55, Category::Patient, 0.99),
                model(60, 76, Category::Organization, 0.99),
            ],
            text,
        );
        let mut got: Vec<_> = out
            .iter()
            .map(|f| (f.span.start(), f.span.end(), f.category))
            .collect();
        got.sort_unstable();
        assert_eq!(
            got,
            [
                (0, 10, Category::Date),
                (14, 25, Category::Patient),
                (30, 36, Category::Patient),
                (40, 44, Category::Hospital),
                (50, 55, Category::Patient),
                (60, 76, Category::Organization)
            ]
        );
        let date = out.iter().find(|f| f.category == Category::Date).unwrap();
        assert!((date.confidence - 0.98).abs() < 1e-5);
        let name = out.iter().find(|f| f.span.start() == 14).unwrap();
        assert!((name.confidence - 0.96).abs() < 1e-5);
        assert_eq!(name.reasons.len(), 2, "model and list both named");
    }

    #[test]
    fn a_patient_context_word_overrules_the_models_doctor() {
        let text = "Regards,\nTheresa Woods";
        let cue = Finding::new(
            Span::new(9, 22),
            Category::Patient,
            0.9,
            Reason::rule("name.context").with("regards"),
        );
        let list = Finding::new(Span::new(9, 22), Category::Patient, 0.9, Reason::list("t"));
        let out = fuse(vec![cue, model(9, 22, Category::Doctor, 0.97)], text);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].category, Category::Patient);
        // Without the cue the surer model decides.
        let out = fuse(vec![list, model(9, 22, Category::Doctor, 0.97)], text);
        assert_eq!(out[0].category, Category::Doctor);
    }

    #[test]
    fn longer_and_surer_wins_and_names_join() {
        let text = "St. Mary's Hospital, John Smith";
        let f = |s, e, c, p| Finding::new(Span::new(s, e), c, p, Reason::rule("t"));
        let out = resolve(
            vec![
                f(4, 8, Category::Patient, 0.7),
                f(0, 19, Category::Hospital, 0.88),
                f(21, 25, Category::Patient, 0.7),
                f(26, 31, Category::Patient, 0.6),
            ],
            text,
        );
        let got: Vec<_> = out.iter().map(|f| (f.span.of(text), f.category)).collect();
        assert_eq!(
            got,
            [
                ("St. Mary's Hospital", Category::Hospital),
                ("John Smith", Category::Patient)
            ]
        );
        assert!((out[1].confidence - 0.7).abs() < 1e-6);
    }
}
