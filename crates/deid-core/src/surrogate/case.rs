//! Letter case of an original carried over to its replacement.

/// How a word is capitalised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    Upper,
    Lower,
    Title,
    /// Anything else (`McDonald`, `iPhone`): the replacement keeps its own case.
    Mixed,
}

impl Case {
    pub(crate) fn of(word: &str) -> Case {
        let letters = || word.chars().filter(|c| c.is_alphabetic());
        let n = letters().count();
        if n == 0 {
            return Case::Mixed;
        }
        if letters().all(char::is_uppercase) {
            return if n == 1 { Case::Title } else { Case::Upper };
        }
        if letters().all(char::is_lowercase) {
            return Case::Lower;
        }
        let mut it = letters();
        if it.next().is_some_and(char::is_uppercase) && it.all(char::is_lowercase) {
            return Case::Title;
        }
        Case::Mixed
    }

    /// Appends `word` (as the pools spell it, capitalised) in this case.
    pub(crate) fn push(self, word: &str, out: &mut String) {
        match self {
            Case::Upper => out.extend(word.chars().flat_map(char::to_uppercase)),
            Case::Lower => out.extend(word.chars().flat_map(char::to_lowercase)),
            Case::Title
                if !word.contains([' ', '-']) && word.chars().skip(1).all(char::is_lowercase) =>
            {
                out.push_str(word);
            }
            Case::Title => out.push_str(&title(word)),
            Case::Mixed => out.push_str(word),
        }
    }

    /// `word` (as the pools spell it) in this case.
    pub(crate) fn apply(self, word: &str) -> String {
        match self {
            Case::Upper => word.to_uppercase(),
            Case::Lower => word.to_lowercase(),
            Case::Title => title(word),
            Case::Mixed => word.to_owned(),
        }
    }
}

/// First letter of each part upper case, the rest lower ("o'neill" -> "O'Neill"
/// is not attempted: parts are split on spaces and hyphens only).
pub(crate) fn title(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut start = true;
    for c in word.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = c == ' ' || c == '-';
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_and_applies_case() {
        assert_eq!(Case::of("SMITH"), Case::Upper);
        assert_eq!(Case::of("smith"), Case::Lower);
        assert_eq!(Case::of("Smith"), Case::Title);
        assert_eq!(Case::of("McDonald"), Case::Mixed);
        assert_eq!(Case::of("J"), Case::Title);
        assert_eq!(Case::Upper.apply("García"), "GARCÍA");
        assert_eq!(Case::Title.apply("new york"), "New York");
        assert_eq!(Case::Lower.apply("Winston-Salem"), "winston-salem");
    }
}
