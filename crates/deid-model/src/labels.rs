//! BIO labels over the 28 categories: `O`, then `B-` and `I-` of each category in
//! wire-name order.

use deid_core::Category;

/// Number of labels: `O` plus a begin and an inside label per category.
pub const COUNT: usize = 1 + 2 * Category::ALL.len();

/// The label index for outside every entity.
pub const OUTSIDE: u32 = 0;

/// The label that begins (`inside == false`) or continues an entity of `category`.
pub fn label(category: Category, inside: bool) -> u32 {
    let idx = Category::ALL
        .iter()
        .position(|&c| c == category)
        .expect("every category is in ALL") as u32;
    1 + 2 * idx + u32::from(inside)
}

/// The category of a label and whether it continues an entity; `None` for `O`.
pub fn decode(label: u32) -> Option<(Category, bool)> {
    (label != OUTSIDE && (label as usize) < COUNT).then(|| {
        let l = label as usize - 1;
        (Category::ALL[l / 2], l % 2 == 1)
    })
}

/// The label names, for the model's config file (`O`, `B-Account`, `I-Account`, ...).
pub fn names() -> Vec<String> {
    let mut out = vec!["O".to_owned()];
    for c in Category::ALL {
        out.push(format!("B-{}", c.name()));
        out.push(format!("I-{}", c.name()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip_and_match_the_names() {
        let names = names();
        assert_eq!(names.len(), COUNT);
        for c in Category::ALL {
            for inside in [false, true] {
                let l = label(c, inside);
                assert_eq!(decode(l), Some((c, inside)));
                let prefix = if inside { "I-" } else { "B-" };
                assert_eq!(names[l as usize], format!("{prefix}{}", c.name()));
            }
        }
        assert_eq!(decode(OUTSIDE), None);
        assert_eq!(decode(COUNT as u32), None);
    }
}
