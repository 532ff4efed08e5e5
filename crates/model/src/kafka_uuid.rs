//! Making Kafka `Uuid`s ([`crate::assignor::server::Uuid`]): topic ids (KIP-516) and the member ids clients make
//! for themselves (KIP-1082). Both are version-4 random Uuids in Kafka; here they come from seeded generators.

use crate::assignor::server::Uuid;

/// A version-4 random Uuid drawn from `next` (two 64-bit draws per try). Like `Uuid.randomUuid`, it draws again
/// while the text would start with `-` (a command line would take it for an option) or the value is a reserved
/// id (ZERO_UUID, METADATA_TOPIC_ID).
pub fn random(mut next: impl FnMut() -> u64) -> Uuid {
    loop {
        let msb = (next() & !0xf000) | 0x4000;
        let lsb = (next() & !0xc000_0000_0000_0000) | 0x8000_0000_0000_0000;
        let id = Uuid {
            msb: msb as i64,
            lsb: lsb as i64,
        };
        let reserved = msb == 0 && lsb <= 1;
        if !reserved && !id.to_string().starts_with('-') {
            return id;
        }
    }
}

/// The topic id the model gives a topic: a version-4 Uuid from a generator seeded with the FNV-1a hash of the
/// topic's name. A real broker draws it at random when the topic is created; deriving it from the name keeps it
/// deterministic without drawing from the world's random source (so adding topic ids changed no draw of
/// existing histories). Topics are never deleted here, so a name never has two ids.
pub fn topic_id(name: &str) -> Uuid {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let mut rng = crate::rng::SimRng::new(h);
    random(|| rng.next_u64())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_form_is_22_url_safe_characters() {
        let id = topic_id("test-topic");
        let s = id.to_string();
        assert_eq!(s.len(), 22);
        assert!(!s.starts_with('-'));
        assert!(s
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        assert_eq!(s.parse::<Uuid>(), Ok(id));
        assert_eq!(id, topic_id("test-topic"));
        assert_ne!(id, topic_id("test-topic2"));
        // Version 4, IETF variant.
        assert_eq!((id.msb >> 12) & 0xf, 4);
        assert_eq!((id.lsb as u64) >> 62, 0b10);
    }
}
