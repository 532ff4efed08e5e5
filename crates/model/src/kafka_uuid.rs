//! Kafka's `Uuid` (org.apache.kafka.common.Uuid): 128 bits written as 22 characters of URL-safe base64 without
//! padding. Topic ids (KIP-516) and KIP-1082 member ids are such Uuids.

use base64::Engine;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Uuid {
    pub most_significant_bits: u64,
    pub least_significant_bits: u64,
}

impl Uuid {
    /// A version-4 random Uuid drawn from `next` (two 64-bit draws per try). Like `Uuid.randomUuid`, it draws
    /// again while the text would start with `-` (which a command line would take for an option) or the value
    /// is one of the reserved ids (ZERO_UUID, METADATA_TOPIC_ID).
    pub fn random(mut next: impl FnMut() -> u64) -> Uuid {
        loop {
            let msb = (next() & !0xf000) | 0x4000;
            let lsb = (next() & !(0xc000_0000_0000_0000)) | 0x8000_0000_0000_0000;
            let id = Uuid {
                most_significant_bits: msb,
                least_significant_bits: lsb,
            };
            let reserved = msb == 0 && lsb <= 1;
            if !reserved && !id.to_string().starts_with('-') {
                return id;
            }
        }
    }

    /// The topic id the model gives a topic: a version-4 Uuid drawn from a generator seeded with the FNV-1a hash
    /// of the topic's name. A real broker draws it at random when the topic is created; deriving it from the name
    /// keeps it deterministic without drawing from the world's random source (so adding topic ids changed no
    /// other draw of existing histories). Topics are never deleted here, so a name never gets two ids.
    pub fn for_topic(name: &str) -> Uuid {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in name.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        let mut rng = crate::rng::SimRng::new(h);
        Uuid::random(|| rng.next_u64())
    }

    pub fn to_bytes(self) -> [u8; 16] {
        let mut b = [0u8; 16];
        b[..8].copy_from_slice(&self.most_significant_bits.to_be_bytes());
        b[8..].copy_from_slice(&self.least_significant_bits.to_be_bytes());
        b
    }
}

impl std::fmt::Display for Uuid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(self.to_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_form_is_22_url_safe_characters() {
        let id = Uuid::for_topic("test-topic");
        let s = id.to_string();
        assert_eq!(s.len(), 22);
        assert!(!s.starts_with('-'));
        assert!(s
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        assert_eq!(id, Uuid::for_topic("test-topic"));
        assert_ne!(id, Uuid::for_topic("test-topic2"));
        // Version 4, IETF variant.
        assert_eq!((id.most_significant_bits >> 12) & 0xf, 4);
        assert_eq!(id.least_significant_bits >> 62, 0b10);
    }
}
