//! Compiling the rules' regular expressions in ASCII mode, and running them.
//!
//! Clinical patterns mean ASCII digits, ASCII whitespace and ASCII word
//! boundaries. Unicode `\b`, `\d` and `\s` keep the regex engine off its fast
//! DFA on non-ASCII text, so every pattern is rewritten to the ASCII forms
//! before it is compiled; Unicode classes such as `\p{L}` stay as written.
//!
//! Families are run through the regex-automata meta engine directly: one
//! capture buffer is reused for every match of a text, and groups are read by
//! index, resolved once when the family is built.

use regex_automata::meta::Regex;
use regex_automata::util::captures::Captures;
use regex_automata::util::syntax;
use regex_automata::{Input, PatternID, Span};

/// Compiles `pattern` with `\b`, `\d` and `\s` rewritten to their ASCII forms,
/// with the same matching semantics as `regex::Regex`.
///
/// # Panics
/// If the pattern does not compile: patterns are constants of this crate.
pub(crate) fn compile(pattern: &str) -> Regex {
    build(pattern, true)
}

/// Like [`compile`], without the literal prefilter the engine would pick on its
/// own: for families whose matches start with common bytes (digits and a few
/// letters) the prefilter stops more often than it skips.
pub(crate) fn compile_without_prefilter(pattern: &str) -> Regex {
    build(pattern, false)
}

fn build(pattern: &str, prefilter: bool) -> Regex {
    let ascii = asciify(pattern);
    // Each rule family is one large alternation; a roomy lazy-DFA cache keeps
    // it from being rebuilt over and over on long texts.
    let config = Regex::config()
        .match_kind(regex_automata::MatchKind::LeftmostFirst)
        .utf8_empty(true)
        .nfa_size_limit(Some(10 << 20))
        .hybrid_cache_capacity(8 << 20)
        .auto_prefilter(prefilter);
    Regex::builder()
        .configure(config)
        .syntax(syntax::Config::new().utf8(true))
        .build(&ascii)
        .unwrap_or_else(|e| panic!("rule pattern does not compile: {e}"))
}

/// The index of the capture group `name`.
///
/// # Panics
/// If the pattern has no such group: group names are constants of this crate.
pub(crate) fn group(re: &Regex, name: &str) -> usize {
    re.group_info()
        .to_index(PatternID::ZERO, name)
        .unwrap_or_else(|| panic!("rule pattern has no group {name}"))
}

/// The groups of one match, read by index.
#[derive(Clone, Copy)]
pub(crate) struct Groups<'c, 't> {
    caps: &'c Captures,
    text: &'t str,
}

impl<'t> Groups<'_, 't> {
    /// The span of the whole match.
    pub(crate) fn whole(&self) -> Span {
        self.caps.get_group(0).expect("a match")
    }

    /// The span of group `k`, when it took part in the match.
    pub(crate) fn get(&self, k: usize) -> Option<Span> {
        self.caps.get_group(k)
    }

    pub(crate) fn has(&self, k: usize) -> bool {
        self.caps.get_group(k).is_some()
    }

    /// The text of group `k`.
    ///
    /// # Panics
    /// If group `k` did not take part in the match.
    pub(crate) fn str(&self, k: usize) -> &'t str {
        &self.text[self.get(k).expect("group in the match")]
    }

    /// The number in group `k`, 0 when absent or not a number.
    pub(crate) fn num(&self, k: usize) -> u32 {
        self.get(k)
            .and_then(|s| self.text[s].parse().ok())
            .unwrap_or(0)
    }
}

/// Calls `f` with the groups of every successive non-overlapping match of
/// `re` in `text`, reusing one capture buffer.
pub(crate) fn each_match<'t>(re: &Regex, text: &'t str, mut f: impl FnMut(Groups<'_, 't>)) {
    let mut caps = re.create_captures();
    let mut input = Input::new(text);
    loop {
        re.search_captures(&input, &mut caps);
        let Some(m) = caps.get_match() else { return };
        f(Groups { caps: &caps, text });
        // No family matches the empty string; step over one anyway.
        let next = if m.is_empty() {
            crate::text::ceil_char(text, m.end() + 1)
        } else {
            m.end()
        };
        if next > text.len() {
            return;
        }
        input.set_start(next);
    }
}

fn asciify(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut class_depth = 0usize;
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(n) = chars.next() else {
                    out.push(c);
                    break;
                };
                let inside = class_depth > 0;
                match (n, inside) {
                    ('d', false) => out.push_str("[0-9]"),
                    ('d', true) => out.push_str("0-9"),
                    ('s', false) => out.push_str("[[:space:]]"),
                    ('s', true) => out.push_str("[:space:]"),
                    ('b', false) => out.push_str("(?-u:\\b)"),
                    _ => {
                        out.push('\\');
                        out.push(n);
                    }
                }
            }
            '[' => {
                class_depth += 1;
                out.push(c);
                // A `]` right after `[` or `[^` is a literal.
                let rest = chars.as_str();
                if let Some(r) = rest.strip_prefix('^') {
                    if r.starts_with(']') {
                        out.push_str("^]");
                        chars.nth(1);
                    }
                } else if rest.starts_with(']') {
                    out.push(']');
                    chars.next();
                }
            }
            ']' if class_depth > 0 => {
                class_depth -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_outside_and_inside_classes() {
        assert_eq!(
            asciify(r"\b\d{2}[-\s]x\s"),
            r"(?-u:\b)[0-9]{2}[-[:space:]]x[[:space:]]"
        );
        assert_eq!(asciify(r"[^\]\d]\p{L}\."), r"[^\]0-9]\p{L}\.");
        assert!(compile(r"\b\d{3}\b").is_match("call 555 now"));
        assert!(!compile(r"\d").is_match("٣"));
        assert!(compile_without_prefilter(r"\b(?:19|20)\d{2}\b").is_match("in 1999."));
    }
}
