//! Compiling the rules' regular expressions in ASCII mode, and running them.
//!
//! Clinical patterns mean ASCII digits, ASCII whitespace and ASCII word
//! boundaries. Unicode `\b`, `\d` and `\s` keep the regex engine off its fast
//! DFA on non-ASCII text, so every pattern is rewritten to the ASCII forms
//! before it is compiled; Unicode classes such as `\p{L}` stay as written.
//!
//! Families are run through the regex-automata meta engine directly (see
//! [`Family`]): groups are read by index, resolved once when the family is built.

use std::panic::{RefUnwindSafe, UnwindSafe};

use regex_automata::meta::{Cache, Regex};
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::util::captures::Captures;
use regex_automata::util::pool::Pool;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, PatternID, Span};

/// Compiles `pattern` with `\b`, `\d` and `\s` rewritten to their ASCII forms,
/// with the same matching semantics as `regex::Regex`.
///
/// # Panics
/// If the pattern does not compile: patterns are constants of this crate.
pub(crate) fn compile(pattern: &str) -> Regex {
    build(pattern, true)
}

fn build(pattern: &str, prefilter: bool) -> Regex {
    build_ascii(&asciify(pattern), prefilter)
}

/// The settings of `regex::Regex`, with a larger lazy-DFA cache.
fn config(prefilter: bool) -> regex_automata::meta::Config {
    // Each rule family is one large alternation; a roomy lazy-DFA cache keeps
    // it from being rebuilt over and over on long texts.
    Regex::config()
        .match_kind(regex_automata::MatchKind::LeftmostFirst)
        .utf8_empty(true)
        .nfa_size_limit(Some(10 << 20))
        .hybrid_cache_capacity(8 << 20)
        .auto_prefilter(prefilter)
}

fn build_ascii(ascii: &str, prefilter: bool) -> Regex {
    Regex::builder()
        .configure(config(prefilter))
        .syntax(syntax::Config::new().utf8(true))
        .build(ascii)
        .unwrap_or_else(|e| panic!("rule pattern does not compile: {e}"))
}

/// An alternative's own pattern, run only anchored on a span the family
/// already matched: no lazy DFA of its own (the family's finds the span), so
/// its groups are read by the one-pass DFA or the bounded backtracker.
fn build_part(ascii: &str) -> Regex {
    Regex::builder()
        .configure(config(false).hybrid(false).dfa(false))
        .syntax(syntax::Config::new().utf8(true))
        .build(ascii)
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

/// A rule family: alternatives searched together, leftmost first, as one
/// alternation would be. The search itself reads no groups; the groups of the
/// alternative that matched are read, when asked for, by that alternative's own
/// small pattern anchored on the match, which is much cheaper than resolving
/// groups in the whole family.
pub(crate) struct Family {
    find: Regex,
    parts: Vec<Option<Regex>>,
    /// Search state for `find` and every part, taken once per text rather
    /// than once per search (each search through a `Regex`'s own pool costs a
    /// lock on threads other than the first to use it).
    state: Pool<State, StateFn>,
}

/// What one text's scan writes to: the caches of the family and of each part,
/// and each part's groups.
struct State {
    find: Cache,
    parts: Vec<Option<(Cache, Captures)>>,
}

type StateFn = Box<dyn Fn() -> State + Send + Sync + UnwindSafe + RefUnwindSafe>;

impl Family {
    /// Each alternative carries its own flags (such as `(?i)`) and says whether
    /// its groups are read. Matches start at digits and at most letters, so no
    /// literal prefilter: it would stop more often than it skips.
    ///
    /// # Panics
    /// If a pattern does not compile: patterns are constants of this crate.
    pub(crate) fn new(alternatives: &[(&str, bool)]) -> Family {
        let full: Vec<String> = alternatives.iter().map(|(p, _)| asciify(p)).collect();
        let config = config(false).which_captures(WhichCaptures::Implicit);
        let find = Regex::builder()
            .configure(config)
            .syntax(syntax::Config::new().utf8(true))
            .build_many(&full)
            .unwrap_or_else(|e| panic!("rule pattern does not compile: {e}"));
        let parts: Vec<Option<Regex>> = alternatives
            .iter()
            .zip(&full)
            .map(|(&(_, groups), p)| groups.then(|| build_part(p)))
            .collect();
        let (f, p) = (find.clone(), parts.clone());
        let state: StateFn = Box::new(move || State {
            find: f.create_cache(),
            parts: p
                .iter()
                .map(|r| r.as_ref().map(|r| (r.create_cache(), r.create_captures())))
                .collect(),
        });
        Family {
            find,
            parts,
            state: Pool::new(state),
        }
    }

    /// The index of group `name` in alternative `alt`.
    ///
    /// # Panics
    /// If the alternative has no such group or its groups are not read.
    pub(crate) fn group(&self, alt: usize, name: &str) -> usize {
        group(
            self.parts[alt]
                .as_ref()
                .expect("groups of the alternative are read"),
            name,
        )
    }

    /// Calls `f` with every successive non-overlapping match in `text`.
    pub(crate) fn each<'t>(&self, text: &'t str, mut f: impl FnMut(Hit<'_, 't>)) {
        let mut state = self.state.get();
        let State { find, parts } = &mut *state;
        let mut input = Input::new(text);
        while let Some(m) = self.find.search_with(find, &input) {
            let alt = m.pattern().as_usize();
            let groups = match (&self.parts[alt], &mut parts[alt]) {
                (Some(part), Some((cache, c))) => {
                    let anchored = Input::new(text).span(m.range()).anchored(Anchored::Yes);
                    part.search_captures_with(cache, &anchored, c);
                    c.is_match().then_some(Some(&*c))
                }
                _ => Some(None),
            };
            if let Some(caps) = groups {
                f(Hit {
                    alt,
                    span: m.span(),
                    caps,
                    text,
                });
            }
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
}

/// One match of a family: which alternative matched, where, and its groups.
#[derive(Clone, Copy)]
pub(crate) struct Hit<'c, 't> {
    /// The index of the alternative that matched.
    pub(crate) alt: usize,
    span: Span,
    caps: Option<&'c Captures>,
    text: &'t str,
}

impl<'t> Hit<'_, 't> {
    /// The span of the whole match.
    pub(crate) fn whole(&self) -> Span {
        self.span
    }

    /// The span of group `k` of the alternative, when it took part in the match.
    pub(crate) fn get(&self, k: usize) -> Option<Span> {
        self.caps.and_then(|c| c.get_group(k))
    }

    pub(crate) fn has(&self, k: usize) -> bool {
        self.get(k).is_some()
    }

    /// The text of group `k`, `""` when it did not take part in the match.
    pub(crate) fn str(&self, k: usize) -> &'t str {
        self.get(k).map_or("", |s| &self.text[s])
    }

    /// The number in group `k`, 0 when absent or not a number.
    pub(crate) fn num(&self, k: usize) -> u32 {
        self.get(k)
            .and_then(|s| self.text[s].parse().ok())
            .unwrap_or(0)
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
        let years = Family::new(&[(r"\b(?:19|20)\d{2}\b", false), (r"\b(\d)\b", true)]);
        let mut hits = Vec::new();
        years.each("in 1999, 7 of 2004", |h| {
            hits.push((h.alt, h.whole().start, h.str(1)));
        });
        assert_eq!(hits, [(0, 3, ""), (1, 9, "7"), (0, 14, "")]);
    }
}
