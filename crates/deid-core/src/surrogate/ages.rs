//! Ages: over 89 they stay over 89 (or become "90+"); younger ones are kept
//! or moved by a few years, as configured.

use super::{AgeMode, Surrogator};

/// `original` with its number replaced.
pub(crate) fn age(s: &Surrogator, original: &str) -> String {
    let Some(start) = original.find(|c: char| c.is_ascii_digit()) else {
        return original.to_owned();
    };
    let end = original[start..]
        .find(|c: char| !c.is_ascii_digit())
        .map_or(original.len(), |e| start + e);
    let Ok(age) = original[start..end].parse::<i64>() else {
        return original.to_owned();
    };
    let new = if age > 89 {
        if s.options.cap_over_89 {
            "90+".to_owned()
        } else {
            let mut d = s.key.draw("age", &age.to_string());
            let mut n = d.range(90, 104);
            if n == age {
                n = if age == 104 { 90 } else { age + 1 };
            }
            n.to_string()
        }
    } else {
        match s.options.ages {
            AgeMode::Keep => return original.to_owned(),
            AgeMode::Shift => {
                let mut d = s.key.draw("age", &age.to_string());
                let delta = d.range(1, 3) * if d.below(2) == 0 { -1 } else { 1 };
                let n = if (1..=89).contains(&(age + delta)) {
                    age + delta
                } else {
                    age - delta
                };
                n.max(0).to_string()
            }
        }
    };
    format!("{}{new}{}", &original[..start], &original[end..])
}
