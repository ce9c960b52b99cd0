//! Data-driven detection cases: expected PHI is marked inline in each line as
//! `[[Category:text]]`; everything outside marks must produce no finding.

use deid_core::{Category, Engine, Settings};

/// Each case file, compiled in.
const FILES: &[(&str, &str)] = &[
    ("names", include_str!("cases/names.txt")),
    ("traps", include_str!("cases/traps.txt")),
    ("dates", include_str!("cases/dates.txt")),
    ("ages", include_str!("cases/ages.txt")),
    ("contact", include_str!("cases/contact.txt")),
    ("ids", include_str!("cases/ids.txt")),
    ("locations", include_str!("cases/locations.txt")),
];

/// Strips the marks from a case: the plain text and the expected spans.
fn parse(case: &str) -> (String, Vec<(Category, usize, usize)>) {
    let case = case.replace("\\n", "\n");
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut rest = case.as_str();
    while let Some(open) = rest.find("[[") {
        text.push_str(&rest[..open]);
        let inner = &rest[open + 2..];
        let close = inner.find("]]").expect("unclosed mark");
        let (cat, value) = inner[..close].split_once(':').expect("mark has a category");
        let start = text.len();
        text.push_str(value);
        spans.push((cat.parse().expect("valid category"), start, text.len()));
        rest = &inner[close + 2..];
    }
    text.push_str(rest);
    (text, spans)
}

/// The case with the engine's findings marked, for failure messages.
fn render(text: &str, spans: &[(Category, usize, usize)]) -> String {
    let mut out = String::new();
    let mut at = 0;
    for &(c, s, e) in spans {
        out.push_str(&text[at..s]);
        out.push_str("[[");
        out.push_str(c.name());
        out.push(':');
        out.push_str(&text[s..e]);
        out.push_str("]]");
        at = e;
    }
    out.push_str(&text[at..]);
    out.replace('\n', "\\n")
}

#[test]
fn inline_marked_cases() {
    let engine = Engine::new(Settings::default());
    let mut failures = Vec::new();
    let mut total = 0;
    for (file, body) in FILES {
        for (n, line) in body.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            total += 1;
            let (text, expected) = parse(line);
            let got: Vec<_> = engine
                .analyze(&text)
                .iter()
                .map(|f| (f.category, f.span.start(), f.span.end()))
                .collect();
            if got != expected {
                failures.push(format!(
                    "{file}:{}\n  want: {}\n  got:  {}",
                    n + 1,
                    render(&text, &expected),
                    render(&text, &got)
                ));
            }
        }
    }
    assert!(total >= 400, "only {total} cases");
    assert!(
        failures.is_empty(),
        "{} of {total} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_parser_reads_marks() {
    let (text, spans) = parse("Seen by [[Doctor:Dr. Smith]] on [[Date:3/4/21]]");
    assert_eq!(text, "Seen by Dr. Smith on 3/4/21");
    assert_eq!(spans, [(Category::Doctor, 8, 17), (Category::Date, 21, 27)]);
}
