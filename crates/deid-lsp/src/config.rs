//! The workspace's `deid.toml`: finding it, reading it, and adding allow- and
//! deny-list terms with its formatting kept.

use std::path::{Path, PathBuf};

use anyhow::Context;
use deid_core::{Category, Settings};
use toml_edit::{Array, DocumentMut, Item, Table, value};

pub(crate) const FILE_NAME: &str = "deid.toml";

/// The configuration file in use: `explicit` (relative to `root`), else the
/// first `deid.toml` in `root` or its parents.
pub(crate) fn find(root: Option<&Path>, explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = explicit {
        return Some(match root {
            Some(r) if p.is_relative() => r.join(p),
            _ => p.to_path_buf(),
        });
    }
    root?
        .ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// Where allow- and deny-list terms go: the file in use, else a new one at the
/// workspace root.
pub(crate) fn target(root: Option<&Path>, explicit: Option<&Path>) -> Option<PathBuf> {
    find(root, explicit).or_else(|| root.map(|r| r.join(FILE_NAME)))
}

/// The settings in `path`, or the defaults when there is no file.
pub(crate) fn read(path: Option<&Path>) -> anyhow::Result<Settings> {
    let Some(path) = path.filter(|p| p.is_file()) else {
        return Ok(Settings::default());
    };
    let src = std::fs::read_to_string(path)
        .with_context(|| format!("reading configuration {}", path.display()))?;
    Settings::from_toml(&src).with_context(|| format!("invalid configuration {}", path.display()))
}

/// Which list a term goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum List {
    Allow,
    Deny(Category),
}

/// Adds `term` to `list` in the TOML source `src`, keeping its comments and
/// layout. Returns `None` when the term is already there.
pub(crate) fn add_term(src: &str, list: List, term: &str) -> anyhow::Result<Option<String>> {
    let term = term.trim();
    anyhow::ensure!(!term.is_empty(), "the term is empty");
    let mut doc: DocumentMut = src.parse().context("parsing deid.toml")?;
    match list {
        List::Allow => {
            let item = doc.entry("allow").or_insert_with(|| value(Array::new()));
            let arr = item
                .as_array_mut()
                .context("`allow` in deid.toml is not an array")?;
            if arr.iter().any(|v| {
                v.as_str()
                    .is_some_and(|s| s.trim().eq_ignore_ascii_case(term))
            }) {
                return Ok(None);
            }
            arr.push(term);
        }
        List::Deny(category) => {
            let item = doc.entry("deny").or_insert_with(|| {
                let mut t = Table::new();
                t.set_implicit(false);
                Item::Table(t)
            });
            let table = item
                .as_table_like_mut()
                .context("`deny` in deid.toml is not a table")?;
            if table.get(term).and_then(Item::as_str) == Some(category.name()) {
                return Ok(None);
            }
            table.insert(term, value(category.name()));
        }
    }
    let out = doc.to_string();
    // Never write a file the engine would refuse.
    Settings::from_toml(&out).context("the edited deid.toml would be invalid")?;
    Ok(Some(out))
}

/// Adds `term` to `list` in the file at `path` (created when missing).
/// Returns whether the file changed.
pub(crate) fn add_term_to_file(path: &Path, list: List, term: &str) -> anyhow::Result<bool> {
    let src = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
    };
    let Some(out) = add_term(&src, list, term)? else {
        return Ok(false);
    };
    std::fs::write(path, out).with_context(|| format!("writing {}", path.display()))?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_comments_and_layout() {
        let src = "# site settings\nmin_confidence = 0.6 # tuned\nallow = [\n  \"Foley\", # a catheter\n]\n\n[deny]\n\"Ward 7\" = \"LocationOther\"\n";
        let out = add_term(src, List::Allow, "Bard").unwrap().unwrap();
        assert!(
            out.starts_with("# site settings\nmin_confidence = 0.6 # tuned\n"),
            "{out}"
        );
        assert!(
            out.contains("# a catheter") && out.contains("\"Bard\""),
            "{out}"
        );
        assert!(add_term(&out, List::Allow, "bard").unwrap().is_none());
        let out = add_term(&out, List::Deny(Category::Patient), "Nightingale")
            .unwrap()
            .unwrap();
        assert!(out.contains("\"Ward 7\" = \"LocationOther\""), "{out}");
        let s = Settings::from_toml(&out).unwrap();
        assert_eq!(s.allow, ["Foley", "Bard"]);
        assert!(
            s.deny
                .contains(&("Nightingale".to_owned(), Category::Patient))
        );
    }

    #[test]
    fn creates_the_lists() {
        let out = add_term("", List::Deny(Category::Hospital), "St Elsewhere")
            .unwrap()
            .unwrap();
        let out = add_term(&out, List::Allow, "Foley").unwrap().unwrap();
        let s = Settings::from_toml(&out).unwrap();
        assert_eq!(s.allow, ["Foley"]);
        assert_eq!(s.deny, [("St Elsewhere".to_owned(), Category::Hospital)]);
        assert!(add_term("allow = 3", List::Allow, "x").is_err());
    }
}
