//! Redaction markers with the Azure `redactionFormat` semantics.

use crate::{Category, Finding};

/// A checked redaction format: `{type}` (lower case), `{Type}` (as written),
/// `{TYPE}` (upper case) and `{len}` (repeat the previous character until the
/// marker is as long as the entity), each at most once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RedactionFormat(String);

/// Why a redaction format was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    #[error("redaction format uses `{0}` more than once")]
    Repeated(&'static str),
    #[error(
        "redaction format has an unknown variable; expected {{type}}, {{Type}}, {{TYPE}} or {{len}}"
    )]
    Unknown,
    #[error("redaction format is empty")]
    Empty,
}

const VARS: [&str; 4] = ["{type}", "{Type}", "{TYPE}", "{len}"];

impl RedactionFormat {
    pub fn new(format: &str) -> Result<Self, FormatError> {
        if format.is_empty() {
            return Err(FormatError::Empty);
        }
        for v in VARS {
            if format.matches(v).count() > 1 {
                return Err(FormatError::Repeated(v));
            }
        }
        let mut rest = format.to_owned();
        for v in VARS {
            rest = rest.replace(v, "");
        }
        if rest.contains('{') && rest[rest.find('{').unwrap_or(0)..].contains('}') {
            return Err(FormatError::Unknown);
        }
        Ok(RedactionFormat(format.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The marker for an entity of `category` that covers `chars` code points.
    pub fn marker(&self, category: Category, chars: usize) -> String {
        let name = category.name();
        let mut out = self
            .0
            .replace("{type}", &name.to_lowercase())
            .replace("{Type}", name)
            .replace("{TYPE}", &name.to_uppercase());
        if let Some(pos) = out.find("{len}") {
            let head = &out[..pos];
            let fill = head
                .chars()
                .next_back()
                .map(|c| c.to_string().repeat(chars.saturating_sub(1)))
                .unwrap_or_default();
            out = format!("{head}{fill}{}", &out[pos + "{len}".len()..]);
        }
        out
    }
}

impl Default for RedactionFormat {
    fn default() -> Self {
        RedactionFormat("[{type}]".to_owned())
    }
}

/// `text` with every finding replaced by its marker. Findings must not overlap.
pub fn redact(text: &str, findings: &[Finding], format: &RedactionFormat) -> String {
    let mut sorted: Vec<&Finding> = findings.iter().collect();
    sorted.sort_by_key(|f| f.span);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for f in sorted {
        if f.span.start() < at {
            continue;
        }
        out.push_str(&text[at..f.span.start()]);
        out.push_str(&format.marker(f.category, f.span.of(text).chars().count()));
        at = f.span.end();
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Reason, Span};

    #[test]
    fn azure_format_variables() {
        let f = RedactionFormat::new("*{len}").unwrap();
        assert_eq!(f.marker(Category::Patient, 10), "**********");
        let f = RedactionFormat::new("<{TYPE}:{Type}:{type}>").unwrap();
        assert_eq!(f.marker(Category::IDNum, 3), "<IDNUM:IDNum:idnum>");
        assert_eq!(
            RedactionFormat::default().marker(Category::Patient, 4),
            "[patient]"
        );
        assert_eq!(
            RedactionFormat::new("{type}{type}"),
            Err(FormatError::Repeated("{type}"))
        );
        assert_eq!(RedactionFormat::new("{name}"), Err(FormatError::Unknown));
    }

    #[test]
    fn replaces_spans() {
        let text = "Hello, my name is John Smith.";
        let f = Finding::new(Span::new(18, 28), Category::Patient, 0.9, Reason::rule("t"));
        assert_eq!(
            redact(text, &[f], &RedactionFormat::default()),
            "Hello, my name is [patient]."
        );
    }
}
