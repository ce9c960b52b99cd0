//! Gold corpora: annotated documents read from JSONL, i2b2-2014 XML or BRAT standoff.
//!
//! Every reader turns the code-point offsets of its format into byte [`Span`]s once, checks
//! them against the document, and keeps each label raw: [`super::LabelMap`] maps it later.
//! Errors name the file, the line or byte position, the document id and the span index,
//! never the document text.

mod brat;
mod i2b2;
mod jsonl;

use std::fmt;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use deid_core::Span;

/// One annotated document.
pub(crate) struct GoldDoc {
    /// The JSONL `id`, or the file stem for i2b2 and BRAT.
    pub(crate) id: String,
    pub(crate) text: String,
    pub(crate) spans: Vec<GoldSpan>,
}

/// Prints the id and sizes only: the text is patient data.
impl fmt::Debug for GoldDoc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GoldDoc")
            .field("id", &self.id)
            .field("text_len", &self.text.len())
            .field("spans", &self.spans)
            .finish()
    }
}

/// An annotated span and its label as the corpus spells it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct GoldSpan {
    /// Byte offsets into [`GoldDoc::text`].
    pub(crate) span: Span,
    /// The raw label: the JSONL `category`, the i2b2 `TYPE` attribute (`PATIENT`, not
    /// `NAME/PATIENT`), or the BRAT entity type.
    pub(crate) label: String,
}

/// The on-disk shape of a gold corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum GoldFormat {
    /// One JSON document per line, offsets in code points
    Jsonl,
    /// i2b2-2014 XML: one .xml file per document, or a directory of them
    I2b2,
    /// BRAT standoff: a directory of .txt/.ann pairs, or one .ann file
    Brat,
}

impl GoldFormat {
    /// Guesses the format: a `.jsonl` file, an `.xml` file, a directory holding `.ann`
    /// files (BRAT) or `.xml` files (i2b2).
    pub(crate) fn infer(path: &Path) -> anyhow::Result<GoldFormat> {
        let hint = "pass --format jsonl|i2b2|brat";
        if path.is_dir() {
            let ann = files_with(path, "ann")?;
            let xml = files_with(path, "xml")?;
            return match (ann.is_empty(), xml.is_empty()) {
                (false, true) => Ok(GoldFormat::Brat),
                (true, false) => Ok(GoldFormat::I2b2),
                (false, false) => {
                    anyhow::bail!("{} holds both .ann and .xml files; {hint}", path.display())
                }
                (true, true) => {
                    anyhow::bail!("{} holds no .ann or .xml files; {hint}", path.display())
                }
            };
        }
        match extension(path) {
            Some("jsonl") => Ok(GoldFormat::Jsonl),
            Some("xml") => Ok(GoldFormat::I2b2),
            Some("ann") => Ok(GoldFormat::Brat),
            _ => anyhow::bail!("cannot tell the gold format of {}; {hint}", path.display()),
        }
    }
}

/// Reads the corpus at `path` in `format`.
pub(super) fn load(path: &Path, format: GoldFormat) -> anyhow::Result<Vec<GoldDoc>> {
    let docs = match format {
        GoldFormat::Jsonl => jsonl::read(path)?,
        GoldFormat::I2b2 if path.is_dir() => files_with(path, "xml")?
            .iter()
            .map(|file| i2b2::read(file))
            .collect::<anyhow::Result<_>>()?,
        GoldFormat::I2b2 => vec![i2b2::read(path)?],
        GoldFormat::Brat if path.is_dir() => files_with(path, "ann")?
            .iter()
            .map(|file| brat::read(file))
            .collect::<anyhow::Result<_>>()?,
        GoldFormat::Brat => vec![brat::read(path)?],
    };
    anyhow::ensure!(!docs.is_empty(), "{} holds no documents", path.display());
    Ok(docs)
}

/// The files directly in `dir` whose extension is `ext`, sorted by name.
fn files_with(dir: &Path, ext: &str) -> anyhow::Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).with_context(|| format!("listing {}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry
            .with_context(|| format!("listing {}", dir.display()))?
            .path();
        if path.is_file() && extension(&path) == Some(ext) {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn extension(path: &Path) -> Option<&str> {
    path.extension().and_then(|e| e.to_str())
}

/// The file stem, used as the document id of i2b2 and BRAT files.
fn stem(path: &Path) -> String {
    path.file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned())
}

/// Reads a UTF-8 file; invalid UTF-8 is reported by line and byte, without content.
fn read_utf8(path: &Path) -> anyhow::Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].split(|&b| b == b'\n').count();
        anyhow::anyhow!(
            "{}: invalid UTF-8 on line {line} (byte {at})",
            path.display()
        )
    })
}

/// 1-based line and column (in characters) of byte `at` in `src`.
fn line_col(src: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(src.len());
    while !src.is_char_boundary(at) {
        at -= 1;
    }
    let before = &src[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + 1;
    (line, before[line_start..].chars().count() + 1)
}

/// Byte offsets of every code point of a text, for converting gold offsets.
struct CodePoints(Vec<usize>);

impl CodePoints {
    fn new(text: &str) -> Self {
        let mut at: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        at.push(text.len());
        CodePoints(at)
    }

    /// The byte span of code points `start..end`, if it is non-empty and inside the text.
    fn span(&self, start: usize, end: usize) -> Result<Span, String> {
        let len = self.0.len() - 1;
        if start >= end {
            return Err(format!("is empty or inverted (code points {start}..{end})"));
        }
        if end > len {
            return Err(format!(
                "ends at code point {end}, past the end of the text ({len} code points)"
            ));
        }
        Ok(Span::new(self.0[start], self.0[end]))
    }
}

/// True when `a` and `b` have the same characters, counting any whitespace as equal to
/// any other (XML attributes and BRAT text fields flatten line breaks).
fn same_text_modulo_whitespace(a: &str, b: &str) -> bool {
    let norm = |c: char| if c.is_whitespace() { ' ' } else { c };
    a.chars().map(norm).eq(b.chars().map(norm))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_to_bytes() {
        let cp = CodePoints::new("aé👍 b");
        assert_eq!(cp.span(1, 3), Ok(Span::new(1, 7)));
        assert_eq!(cp.span(4, 5), Ok(Span::new(8, 9)));
        assert!(cp.span(2, 2).unwrap_err().contains("empty"));
        assert!(cp.span(4, 6).unwrap_err().contains("past the end"));
    }

    #[test]
    fn positions_and_text_comparison() {
        assert_eq!(line_col("ab\ncdé\nx", 7), (2, 4));
        assert_eq!(line_col("é", 1), (1, 1));
        assert!(same_text_modulo_whitespace("a\nb", "a b"));
        assert!(!same_text_modulo_whitespace("ab", "a b"));
    }

    #[test]
    fn debug_hides_the_text() {
        let doc = GoldDoc {
            id: "d1".into(),
            text: "John Smith".into(),
            spans: vec![],
        };
        assert_eq!(
            format!("{doc:?}"),
            r#"GoldDoc { id: "d1", text_len: 10, spans: [] }"#
        );
    }

    #[test]
    fn reports_invalid_utf8_by_position() {
        let dir = std::env::temp_dir().join(format!("deid-eval-utf8-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("bad.jsonl");
        std::fs::write(&file, b"{\"id\": \"a\"}\nSecret \xff name").unwrap();
        let err = format!("{:#}", load(&file, GoldFormat::Jsonl).unwrap_err());
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(err.contains("invalid UTF-8 on line 2 (byte 19)"), "{err}");
        assert!(!err.contains("Secret"), "{err}");
    }

    #[test]
    fn infers_formats() {
        assert_eq!(
            GoldFormat::infer(Path::new("x.jsonl")).unwrap(),
            GoldFormat::Jsonl
        );
        assert_eq!(
            GoldFormat::infer(Path::new("x.xml")).unwrap(),
            GoldFormat::I2b2
        );
        let err = GoldFormat::infer(Path::new("x.csv"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("--format"), "{err}");
    }
}
