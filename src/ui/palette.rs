//! Colours that carry meaning: record keys (Okabe-Ito, safe for the common colour-vision deficiencies) and
//! consumer groups (CSS classes with light and dark variants in styles/app.css).

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

/// The CSS class of the n-th group's colour (bookmarks, group boxes).
pub fn group_class(index: usize) -> &'static str {
    ["g0", "g1", "g2", "g3", "g4"][index % 5]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_stable_and_null_is_grey() {
        assert_eq!(key_colour(Some("order-1")), key_colour(Some("order-1")));
        assert_eq!(key_colour(None), NULL_KEY);
    }
}
