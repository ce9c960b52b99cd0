//! Compiling the rules' regular expressions in ASCII mode.
//!
//! Clinical patterns mean ASCII digits, ASCII whitespace and ASCII word
//! boundaries. Unicode `\b`, `\d` and `\s` keep the regex engine off its fast
//! DFA on non-ASCII text, so every pattern is rewritten to the ASCII forms
//! before it is compiled; Unicode classes such as `\p{L}` stay as written.

use regex::{Regex, RegexBuilder};

/// Compiles `pattern` with `\b`, `\d` and `\s` rewritten to their ASCII forms.
///
/// # Panics
/// If the pattern does not compile: patterns are constants of this crate.
pub(crate) fn compile(pattern: &str) -> Regex {
    let ascii = asciify(pattern);
    // Each rule family is one large alternation; a roomy lazy-DFA cache keeps
    // it from being rebuilt over and over on long texts.
    RegexBuilder::new(&ascii)
        .dfa_size_limit(8 << 20)
        .build()
        .unwrap_or_else(|e| panic!("rule pattern does not compile: {e}"))
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
    }
}
