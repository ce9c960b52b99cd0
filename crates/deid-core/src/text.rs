//! Small text helpers shared by the rules: words around a position, boundaries.

/// A word of the text: a maximal run of letters, digits, and inner `'`, `’` or `-`
/// between letters (`O'Brien`, `Smith-Jones`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word {
    pub(crate) start: usize,
    pub(crate) end: usize,
}

impl Word {
    pub(crate) fn of(self, text: &str) -> &str {
        &text[self.start..self.end]
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-')
}

/// Splits `text` into words, in order.
pub(crate) fn words(text: &str) -> Vec<Word> {
    let bytes = text.as_bytes();
    let char_at = |i: usize| text[i..].chars().next().unwrap_or(' ');
    // A joiner continues a word only when a letter follows it.
    let letter_at = |i: usize| {
        i < bytes.len()
            && (bytes[i].is_ascii_alphabetic() || bytes[i] >= 0x80 && char_at(i).is_alphabetic())
    };
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut i = 0;
    while i < bytes.len() {
        // Most bytes between words are ASCII spaces and punctuation.
        while i < bytes.len() && bytes[i] < 0x80 && !bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if i == bytes.len() {
            break;
        }
        if bytes[i] >= 0x80 {
            let c = char_at(i);
            if !is_word_char(c) {
                i += c.len_utf8();
                continue;
            }
        }
        let start = i;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() {
                i += 1;
            } else if b < 0x80 {
                if (b == b'\'' || b == b'-') && letter_at(i + 1) {
                    i += 1;
                } else {
                    break;
                }
            } else {
                let c = char_at(i);
                if is_word_char(c) || is_joiner(c) && letter_at(i + c.len_utf8()) {
                    i += c.len_utf8();
                } else {
                    break;
                }
            }
        }
        out.push(Word { start, end: i });
    }
    out
}

/// The words of a text with their lower-case forms, kept in one buffer so that
/// rules look words and their context up without allocating.
pub(crate) struct Words<'t> {
    text: &'t str,
    items: Vec<Word>,
    /// The text with every word in lower case: for ASCII text the same
    /// offsets as the text's, otherwise each word where `lower_at` says.
    lower: String,
    lower_at: Option<Vec<(usize, usize)>>,
    /// Whether each word starts with an upper-case letter.
    caps: Vec<bool>,
}

impl<'t> Words<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        let items = words(text);
        let caps = items
            .iter()
            .map(|w| {
                let b = text.as_bytes()[w.start];
                if b < 0x80 {
                    b.is_ascii_uppercase()
                } else {
                    is_capitalized(w.of(text))
                }
            })
            .collect();
        // ASCII text lowers in place: every word keeps its offsets.
        if text.is_ascii() {
            return Words {
                text,
                items,
                lower: text.to_ascii_lowercase(),
                lower_at: None,
                caps,
            };
        }
        let mut lower = String::with_capacity(text.len());
        let mut lower_at = Vec::with_capacity(items.len());
        for w in &items {
            let raw = w.of(text);
            let start = lower.len();
            if raw.is_ascii() {
                lower.push_str(raw);
                lower[start..].make_ascii_lowercase();
            } else {
                lower.push_str(&raw.to_lowercase());
            }
            lower_at.push((start, lower.len()));
        }
        Words {
            text,
            items,
            lower,
            lower_at: Some(lower_at),
            caps,
        }
    }

    /// True when word `i` starts with an upper-case letter.
    pub(crate) fn cap(&self, i: usize) -> bool {
        self.caps[i]
    }

    pub(crate) fn len(&self) -> usize {
        self.items.len()
    }

    /// The text after word `i`.
    pub(crate) fn after(&self, i: usize) -> &'t str {
        &self.text[self.items[i].end..]
    }

    pub(crate) fn get(&self, i: usize) -> Word {
        self.items[i]
    }

    pub(crate) fn raw(&self, i: usize) -> &'t str {
        self.items[i].of(self.text)
    }

    #[inline]
    pub(crate) fn lower(&self, i: usize) -> &str {
        let (s, e) = match &self.lower_at {
            None => (self.items[i].start, self.items[i].end),
            Some(at) => at[i],
        };
        &self.lower[s..e]
    }

    /// The text between word `i - 1` and word `i`.
    pub(crate) fn gap(&self, i: usize) -> &'t str {
        &self.text[self.items[i - 1].end..self.items[i].start]
    }

    /// Up to four lower-case words before word `i`, nearest first, within its
    /// clause: context stops at `.;()!?"`, at a blank line, and at a line break
    /// unless word `i` starts its line.
    pub(crate) fn context(&self, i: usize) -> Context<'_> {
        let mut ctx = Context {
            words: [""; 4],
            len: 0,
        };
        let mut k = i;
        while k > 0 && ctx.len < 4 {
            let mut newlines = 0;
            let mut stop = false;
            for b in self.gap(k).bytes() {
                match b {
                    b'\n' => newlines += 1,
                    b'.' | b';' | b'(' | b')' | b'!' | b'?' | b'"' => stop = true,
                    _ => {}
                }
            }
            if stop || newlines > 1 || newlines == 1 && k != i {
                break;
            }
            k -= 1;
            ctx.words[ctx.len] = self.lower(k);
            ctx.len += 1;
        }
        ctx
    }
}

/// Context words, nearest first.
#[derive(Clone, Copy)]
pub(crate) struct Context<'w> {
    words: [&'w str; 4],
    len: usize,
}

impl<'w> Context<'w> {
    pub(crate) fn get(&self, k: usize) -> &'w str {
        if k < self.len { self.words[k] } else { "" }
    }

    /// True when the words right before, in reading order, are `phrase`
    /// (space-separated, lower case).
    pub(crate) fn ends_with(&self, phrase: &str) -> bool {
        phrase
            .rsplit(' ')
            .enumerate()
            .all(|(k, part)| k < self.len && self.words[k] == part)
    }
}

/// The word without a possessive `'s` or `’s`.
pub(crate) fn without_possessive(lower: &str) -> &str {
    if !lower.ends_with('s') {
        return lower;
    }
    lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix("’s"))
        .unwrap_or(lower)
}

/// True when `pos` is not inside an alphanumeric run on the left.
pub(crate) fn boundary_before(text: &str, pos: usize) -> bool {
    text[..pos]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// True when `pos` is not inside an alphanumeric run on the right.
pub(crate) fn boundary_after(text: &str, pos: usize) -> bool {
    text[pos..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Up to four tokens near a position, nearest first, stripped of surrounding
/// `:,;()[]"'`. Compare them with [`Near::is`], which ignores ASCII case.
#[derive(Clone, Copy, Default)]
pub(crate) struct Near<'t> {
    toks: [&'t str; 4],
    len: usize,
}

impl<'t> Near<'t> {
    fn collect(tokens: impl Iterator<Item = &'t str>, n: usize) -> Self {
        let mut near = Near::default();
        for t in tokens.take(n.min(4)) {
            let t = t.trim_matches(|c: char| {
                matches!(c, ':' | ',' | ';' | '(' | ')' | '[' | ']' | '"' | '\'')
            });
            if !t.is_empty() {
                near.toks[near.len] = t;
                near.len += 1;
            }
        }
        near
    }

    /// The `k`-th token, `""` past the end.
    pub(crate) fn get(&self, k: usize) -> &'t str {
        if k < self.len { self.toks[k] } else { "" }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// True when token `k` is one of `list` (lower-case words), ignoring ASCII case.
    pub(crate) fn is(&self, k: usize, list: &[&str]) -> bool {
        k < self.len && list.iter().any(|w| w.eq_ignore_ascii_case(self.toks[k]))
    }

    /// True when any token is one of `list`.
    pub(crate) fn any(&self, list: &[&str]) -> bool {
        (0..self.len).any(|k| self.is(k, list))
    }
}

/// Up to `n` (at most four) whitespace-separated tokens before `pos`, nearest
/// first. Looks back at most 80 bytes and stops at a blank line.
pub(crate) fn before(text: &str, pos: usize, n: usize) -> Near<'_> {
    let lo = floor_char(text, pos.saturating_sub(80));
    let mut window = &text[lo..pos];
    if let Some(k) = memchr::memmem::rfind(window.as_bytes(), b"\n\n") {
        window = &window[k + 2..];
    }
    Near::collect(window.split_ascii_whitespace().rev(), n)
}

/// Up to `n` (at most four) tokens after `pos`, nearest first, like [`before`].
pub(crate) fn after(text: &str, pos: usize, n: usize) -> Near<'_> {
    let hi = ceil_char(text, (pos + 60).min(text.len()));
    let mut window = &text[pos..hi];
    if let Some(k) = memchr::memmem::find(window.as_bytes(), b"\n\n") {
        window = &window[..k];
    }
    Near::collect(window.split_ascii_whitespace(), n)
}

/// The text of the same line before `pos` (up to 80 bytes).
pub(crate) fn line_before(text: &str, pos: usize) -> &str {
    let lo = floor_char(text, pos.saturating_sub(80));
    let w = &text[lo..pos];
    w.rsplit('\n').next().unwrap_or(w)
}

pub(crate) fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

pub(crate) fn ceil_char(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Words after which a proper name is an eponym, not a person or a place:
/// "Wells score", "West Nile virus", "Rocky Mountain spotted fever".
const EPONYM_HEADS: &[&str] = &[
    "disease",
    "virus",
    "fever",
    "syndrome",
    "spotted",
    "sign",
    "signs",
    "score",
    "test",
    "criteria",
    "scale",
    "classification",
    "procedure",
    "maneuver",
    "manoeuvre",
    "operation",
    "catheter",
    "stain",
    "phenomenon",
    "effect",
    "reflex",
    "palsy",
    "lymphoma",
    "sarcoma",
    "tumor",
    "tumour",
    "ulcer",
    "esophagus",
    "repair",
    "fundoplication",
    "position",
    "tube",
    "needle",
    "clamp",
    "filter",
    "disorder",
    "encephalopathy",
    "ratio",
    "index",
    "formula",
    "equation",
    "law",
    "triad",
    "node",
    "nodes",
    "cell",
    "cells",
    "body",
    "bodies",
    "murmur",
    "fracture",
    "deformity",
    "contracture",
    "dressing",
    "drain",
    "bag",
    "chart",
];

/// True when the word right after `end` makes the name before it an eponym.
pub(crate) fn eponym_head_after(text: &str, end: usize) -> bool {
    let rest = text[end..]
        .strip_prefix("'s")
        .or_else(|| text[end..].strip_prefix("’s"))
        .unwrap_or(&text[end..]);
    let Some(rest) = rest.strip_prefix(' ') else {
        return false;
    };
    let mut ws = rest.split(' ');
    let head = |w: &str| {
        let end = w
            .char_indices()
            .find(|&(_, c)| !c.is_alphabetic())
            .map_or(w.len(), |(k, _)| k);
        let word = &w[..end];
        if word.is_ascii() {
            EPONYM_HEADS.iter().any(|h| h.eq_ignore_ascii_case(word))
        } else {
            EPONYM_HEADS.contains(&word.to_lowercase().as_str())
        }
    };
    match ws.next() {
        Some(w) if head(w) => true,
        // "Rocky Mountain spotted fever": one more capitalised word may stand between.
        Some(w) if is_capitalized(w) => ws.next().is_some_and(head),
        _ => false,
    }
}

/// True when the first character is upper case.
pub(crate) fn is_capitalized(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// True when every letter is upper case and there are at least two.
pub(crate) fn is_all_caps(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_with_inner_joiners() {
        let t = "Mary O'Brien-Smith, 45yo; José—x 'quoted'";
        let w: Vec<&str> = words(t).iter().map(|w| w.of(t)).collect();
        assert_eq!(w, ["Mary", "O'Brien-Smith", "45yo", "José", "x", "quoted"]);
    }

    #[test]
    fn splits_non_ascii_text_and_stray_joiners() {
        let t = "Zoë-Ann O’Brien 🙂 ÉMILE-- end' -x Smith-\n";
        let w: Vec<&str> = words(t).iter().map(|w| w.of(t)).collect();
        assert_eq!(w, ["Zoë-Ann", "O’Brien", "ÉMILE", "end", "x", "Smith"]);
    }

    #[test]
    fn lower_case_words_keep_their_place() {
        for t in [
            "Mary O'Brien-SMITH saw Dr. X",
            "José O’Brien—ÉMILE 🙂 Zoë-Ann İZMIR",
        ] {
            let ws = Words::new(t);
            let expected: Vec<String> = words(t).iter().map(|w| w.of(t).to_lowercase()).collect();
            let got: Vec<&str> = (0..ws.len()).map(|i| ws.lower(i)).collect();
            assert_eq!(got, expected, "{t}");
            let caps: Vec<bool> = (0..ws.len()).map(|i| ws.cap(i)).collect();
            assert_eq!(
                caps.iter().filter(|&&c| c).count(),
                if t.is_ascii() { 4 } else { 5 }
            );
        }
    }

    #[test]
    fn context_words() {
        let t = "Seen by (Dr. Smith) today";
        let p = t.find("Smith").unwrap();
        let b = before(t, p, 2);
        assert_eq!((b.get(0), b.get(1), b.get(2)), ("Dr.", "by", ""));
        assert!(b.is(1, &["by"]) && b.any(&["dr."]) && !b.is(0, &["by"]));
        assert_eq!(after(t, p, 1).get(0), "Smith");
        assert!(boundary_before(t, p) && !boundary_after(t, p + 2));
    }
}
