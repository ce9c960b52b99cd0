//! Marking a term as not PHI: it joins the `allow` list of `deid.toml`, with
//! the rest of the file (comments, order, spacing) kept as it was. Errors name
//! the file and byte positions, never the term or other contents.

use std::path::Path;

use anyhow::{Context, bail};
use deid_core::Settings;
use toml_edit::{Array, DocumentMut, Item, Value};

use crate::files::write_atomic;

/// Adds `term` to the allow-list of the configuration at `path` (created if
/// missing) and returns the settings as they now read.
pub fn add(path: &Path, term: &str) -> anyhow::Result<Settings> {
    let src = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
    };
    let new = with_term(&src, term).with_context(|| format!("editing {}", path.display()))?;
    let mut settings = Settings::from_toml(&new)
        .with_context(|| format!("invalid configuration {}", path.display()))?;
    deid_model::pipeline::resolve_path(&mut settings, Some(path));
    if new != src {
        write_atomic(path, new.as_bytes(), true)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(settings)
}

/// The configuration text with `term` in its allow-list (unchanged if a term
/// equal to it but for case is there already).
pub fn with_term(src: &str, term: &str) -> anyhow::Result<String> {
    let mut doc: DocumentMut = match src.parse() {
        Ok(d) => d,
        Err(e) => {
            let at = e.span().map_or(0, |s| s.start);
            bail!("it is not valid TOML (at byte {at})");
        }
    };
    let item = doc
        .entry("allow")
        .or_insert_with(|| Item::Value(Value::Array(Array::new())));
    let Some(list) = item.as_array_mut() else {
        bail!("its `allow` key is not a list");
    };
    let lower = term.trim().to_lowercase();
    let present = list
        .iter()
        .any(|v| v.as_str().is_some_and(|s| s.trim().to_lowercase() == lower));
    if !present {
        list.push(term.trim());
    }
    Ok(doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::with_term;

    #[test]
    fn creates_the_list() {
        assert_eq!(with_term("", "Foley").unwrap(), "allow = [\"Foley\"]\n");
    }

    #[test]
    fn keeps_comments_order_and_tables() {
        let src = "# site settings\nmin_confidence = 0.6 # tuned\nallow = [\"Foley\"]\n\n[surrogate]\nages = \"keep\"\n";
        assert_eq!(
            with_term(src, "Lasix").unwrap(),
            "# site settings\nmin_confidence = 0.6 # tuned\nallow = [\"Foley\", \"Lasix\"]\n\n[surrogate]\nages = \"keep\"\n"
        );
    }

    #[test]
    fn new_key_goes_before_tables() {
        let src = "[surrogate]\nages = \"keep\"\n";
        let out = with_term(src, "Lasix").unwrap();
        assert!(out.starts_with("allow = [\"Lasix\"]\n"), "{out}");
        assert!(out.ends_with("[surrogate]\nages = \"keep\"\n"), "{out}");
    }

    #[test]
    fn no_duplicates_by_case() {
        let src = "allow = [\"foley\"]\n";
        assert_eq!(with_term(src, "Foley").unwrap(), src);
    }

    #[test]
    fn errors_do_not_quote_the_file() {
        let err = with_term("allow = [\"Jane Doe\"\n", "x")
            .unwrap_err()
            .to_string();
        assert!(!err.contains("Jane"), "{err}");
        let err = with_term("allow = \"Jane Doe\"\n", "x")
            .unwrap_err()
            .to_string();
        assert!(!err.contains("Jane"), "{err}");
    }
}
