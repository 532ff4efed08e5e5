//! Colours that carry meaning, one meaning per role: record keys (Okabe-Ito, safe for the common colour-vision
//! deficiencies) inside record cells; each consumer (its member box's bar, its ownership lines, its position
//! marks, the accent on the rows it owns); and consumer groups (their box, committed-offset bookmark, lag bar
//! and paused veil). Consumer and group colours are CSS classes with light and dark variants in
//! styles/app.css.

/// Okabe & Ito's palette (without black), with a readable text colour for each.
const KEY_COLOURS: [(&str, &str); 7] = [
    ("#E69F00", "#111"),
    ("#56B4E9", "#111"),
    ("#009E73", "#fff"),
    ("#F0E442", "#111"),
    ("#0072B2", "#fff"),
    ("#D55E00", "#fff"),
    ("#CC79A7", "#111"),
];
/// Records without a key.
const NULL_KEY: (&str, &str) = ("#9aa3ad", "#111");

/// Fill and text colour of a record cell with this key; the same key always gets the same colour.
pub fn key_colour(key: Option<&str>) -> (&'static str, &'static str) {
    match key {
        None => NULL_KEY,
        Some(k) => {
            // FNV-1a: stable across runs and platforms.
            let mut h: u32 = 0x811c_9dc5;
            for b in k.bytes() {
                h ^= u32::from(b);
                h = h.wrapping_mul(0x0100_0193);
            }
            KEY_COLOURS[(h % KEY_COLOURS.len() as u32) as usize]
        }
    }
}

/// The CSS class of the n-th group's colour (bookmarks, lag bars, group boxes).
pub fn group_class(index: usize) -> &'static str {
    ["g0", "g1", "g2", "g3", "g4"][index % 5]
}

/// The letter that tells the group at `index` (in the group boxes' order) apart on a row read by several
/// groups, and on its box: A, B, C…
pub fn group_tag(index: usize) -> char {
    (b'A' + (index % 26) as u8) as char
}

/// How many consumer colours there are (--c1 … --c8 in styles/app.css: Okabe-Ito's hues, darkened where the
/// light theme needs 3:1 contrast for thin lines, lightened for the dark theme).
pub const CONSUMER_COLOURS: usize = 8;

/// The colour of the consumer at `order` (from 0) among its group's members, as the number `data-colour`
/// carries (1 … 8): member 1 takes colour 1, and so on, so a consumer keeps its colour while the members
/// before it stay.
pub fn consumer_colour(order: usize) -> usize {
    order % CONSUMER_COLOURS + 1
}

/// The CSS class of consumer colour `n` (1 … 8, from [`consumer_colour`]), which sets `--cc`.
pub fn consumer_class(n: usize) -> &'static str {
    ["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"][(n + CONSUMER_COLOURS - 1) % CONSUMER_COLOURS]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_stable_and_null_is_grey() {
        assert_eq!(key_colour(Some("order-1")), key_colour(Some("order-1")));
        assert_eq!(key_colour(None), NULL_KEY);
    }

    #[test]
    fn consumers_take_the_colours_in_order() {
        assert_eq!(consumer_colour(0), 1);
        assert_eq!(consumer_colour(7), 8);
        assert_eq!(consumer_colour(8), 1);
        assert_eq!(consumer_class(1), "c1");
        assert_eq!(consumer_class(8), "c8");
    }

    #[test]
    fn groups_take_letters_in_the_boxes_order() {
        let tags: String = (0..4).map(group_tag).collect();
        assert_eq!(tags, "ABCD");
        assert_eq!(group_tag(25), 'Z');
    }
}
