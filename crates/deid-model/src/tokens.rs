//! The model's tokens: runs of letters and digits, and every other visible
//! character on its own. Each token keeps its byte span, so predictions map back
//! to exact offsets in the original text.

/// One token: a byte range of the text and what surrounds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// Line breaks between the previous token and this one (capped at 2).
    pub breaks: u8,
    /// Whether whitespace separates this token from the previous one.
    pub spaced: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks stay inside the word they decorate.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

/// The tokens of `text`, in order.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 4);
    let mut breaks = 0u8;
    let mut spaced = true;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            if c == '\n' {
                breaks = breaks.saturating_add(1).min(2);
            }
            spaced = true;
            continue;
        }
        let mut end = i + c.len_utf8();
        if is_word_char(c) {
            while let Some(&(j, d)) = iter.peek() {
                if !is_word_char(d) {
                    break;
                }
                end = j + d.len_utf8();
                iter.next();
            }
        }
        out.push(Token {
            start: i,
            end,
            breaks,
            spaced,
        });
        breaks = 0;
        spaced = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_digits_and_punctuation_with_layout() {
        let text = "Dr. O'Brien\n\n  saw pt 3/14/21, e\u{301}te 👍";
        let toks = tokenize(text);
        let got: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            got,
            [
                "Dr",
                ".",
                "O",
                "'",
                "Brien",
                "saw",
                "pt",
                "3",
                "/",
                "14",
                "/",
                "21",
                ",",
                "e\u{301}te",
                "👍"
            ]
        );
        assert_eq!((toks[1].spaced, toks[1].breaks), (false, 0));
        assert_eq!((toks[5].spaced, toks[5].breaks), (true, 2));
        assert!(toks[0].spaced, "the first token counts as spaced");
    }
}
