//! Which partition a producer picks for a record: the Java client's and librdkafka's partitioners, bit for bit,
//! with every step exposed so the UI can explain it.

use serde::{Deserialize, Serialize};

use crate::hash;

/// A producer's partitioner. Names are the clients' configuration values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Partitioner {
    /// Java `KafkaProducer` built-in partitioner: murmur2 for keys, uniform sticky (KIP-794) for null keys.
    #[serde(rename = "default")]
    JavaDefault,
    /// librdkafka `consistent_random` (its default): crc32 for keys, sticky-random for null or empty keys.
    #[serde(rename = "consistent_random")]
    ConsistentRandom,
    /// librdkafka `consistent`: crc32 of the key; a null key hashes as empty (partition 0).
    #[serde(rename = "consistent")]
    Consistent,
    /// librdkafka `murmur2_random`: Java-compatible for keys, sticky-random for null keys.
    #[serde(rename = "murmur2_random")]
    Murmur2Random,
    /// librdkafka `murmur2`: Java-compatible; a null key hashes as empty.
    #[serde(rename = "murmur2")]
    Murmur2,
    /// librdkafka `fnv1a_random`: Sarama-compatible for keys, sticky-random for null keys.
    #[serde(rename = "fnv1a_random")]
    Fnv1aRandom,
    /// librdkafka `fnv1a`: Sarama-compatible; a null key hashes as empty.
    #[serde(rename = "fnv1a")]
    Fnv1a,
    /// librdkafka `random`: a random partition per keyed message, sticky-random for null keys.
    #[serde(rename = "random")]
    Random,
}

impl Partitioner {
    pub const ALL: [Partitioner; 8] = [
        Partitioner::JavaDefault,
        Partitioner::ConsistentRandom,
        Partitioner::Consistent,
        Partitioner::Murmur2Random,
        Partitioner::Murmur2,
        Partitioner::Fnv1aRandom,
        Partitioner::Fnv1a,
        Partitioner::Random,
    ];

    /// The configuration value, as the client spells it.
    pub fn name(self) -> &'static str {
        match self {
            Partitioner::JavaDefault => "default",
            Partitioner::ConsistentRandom => "consistent_random",
            Partitioner::Consistent => "consistent",
            Partitioner::Murmur2Random => "murmur2_random",
            Partitioner::Murmur2 => "murmur2",
            Partitioner::Fnv1aRandom => "fnv1a_random",
            Partitioner::Fnv1a => "fnv1a",
            Partitioner::Random => "random",
        }
    }

    pub fn from_name(name: &str) -> Option<Partitioner> {
        Partitioner::ALL.into_iter().find(|p| p.name() == name)
    }

    /// The partition of a keyed placement without building its explanation (the producer's hot path);
    /// `Err` carries the rule for records the hash does not place. Same decisions as [`Partitioner::place`].
    pub fn partition(self, key: Option<&[u8]>, num_partitions: u32) -> Result<u32, Placement> {
        let n = num_partitions.max(1);
        match self.place_rule(key) {
            Rule::Hash(HashFn::Murmur2, k) => Ok(hash::to_positive(hash::murmur2(k)) % n),
            Rule::Hash(HashFn::Crc32, k) => Ok(hash::crc32(k) % n),
            Rule::Hash(HashFn::Fnv1a, k) => Ok(hash::fnv1a_abs(k) % n),
            Rule::Other(p) => Err(p),
        }
    }

    /// Where a record with this key goes, given the topic's partition count as the producer's metadata knows it,
    /// with every step of the computation.
    pub fn place(self, key: Option<&[u8]>, num_partitions: u32) -> Placement {
        match self.place_rule(key) {
            Rule::Hash(f, k) => Placement::Hashed(steps(f, k, num_partitions)),
            Rule::Other(p) => p,
        }
    }

    fn place_rule(self, key: Option<&[u8]>) -> Rule<'_> {
        use Partitioner::*;
        match (self, key) {
            // KafkaProducer.partition -> BuiltInPartitioner.partitionForKey; an empty key is a key.
            (JavaDefault | Murmur2Random, Some(k)) | (Murmur2, Some(k)) => {
                Rule::Hash(HashFn::Murmur2, k)
            }
            // librdkafka murmur2 / fnv1a / consistent hash a NULL key as zero bytes (src/rdkafka_msg.c).
            (Murmur2, None) => Rule::Hash(HashFn::Murmur2, &[]),
            (Fnv1a, None) => Rule::Hash(HashFn::Fnv1a, &[]),
            (Consistent, None) => Rule::Hash(HashFn::Crc32, &[]),
            (Consistent, Some(k)) => Rule::Hash(HashFn::Crc32, k),
            // consistent_random treats an empty key like NULL (rd_kafka_msg_partitioner_consistent_random).
            (ConsistentRandom, Some(k)) if !k.is_empty() => Rule::Hash(HashFn::Crc32, k),
            (Fnv1aRandom | Fnv1a, Some(k)) => Rule::Hash(HashFn::Fnv1a, k),
            (Random, Some(_)) => Rule::Other(Placement::RandomPerMessage),
            // Java >= 3.3: built-in uniform sticky partitioner (KIP-794).
            (JavaDefault, None) => Rule::Other(Placement::Sticky(StickyRule::UniformSticky)),
            // librdkafka: the partitioner is bypassed for null keys, sticky for sticky.partitioning.linger.ms.
            (ConsistentRandom, _) | (Murmur2Random | Fnv1aRandom | Random, None) => {
                Rule::Other(Placement::Sticky(StickyRule::StickyRandom))
            }
        }
    }
}

/// What a partitioner does with a key: hash these bytes, or another rule.
enum Rule<'a> {
    Hash(HashFn, &'a [u8]),
    Other(Placement),
}

/// The hash a partitioner applies to the key bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HashFn {
    Murmur2,
    Crc32,
    Fnv1a,
}

/// Every step of a keyed placement: key bytes -> hash -> positive value -> modulo.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HashSteps {
    pub hash_fn: HashFn,
    pub key_bytes: Vec<u8>,
    /// The hash as the client reports it: murmur2 as a signed int32, crc32 unsigned, fnv1a as abs(int32).
    pub hash: i64,
    /// The value taken modulo the partition count (`toPositive` for murmur2: a mask, not abs).
    pub positive: u32,
    pub num_partitions: u32,
    pub partition: u32,
}

/// How a record without a deterministic hash is placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StickyRule {
    /// Java built-in uniform sticky partitioner (KIP-794): stay until `batch.size` bytes, then switch at random.
    UniformSticky,
    /// librdkafka sticky-random: hold a random partition for `sticky.partitioning.linger.ms`.
    StickyRandom,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Placement {
    Hashed(HashSteps),
    Sticky(StickyRule),
    RandomPerMessage,
}

impl Placement {
    pub fn partition(&self) -> Option<u32> {
        match self {
            Placement::Hashed(s) => Some(s.partition),
            _ => None,
        }
    }
}

fn steps(hash_fn: HashFn, key: &[u8], num_partitions: u32) -> HashSteps {
    let (hash, positive) = match hash_fn {
        HashFn::Murmur2 => {
            let h = hash::murmur2(key);
            (i64::from(h), hash::to_positive(h))
        }
        HashFn::Crc32 => {
            let h = hash::crc32(key);
            (i64::from(h), h)
        }
        HashFn::Fnv1a => {
            let h = hash::fnv1a_abs(key);
            (i64::from(h), h)
        }
    };
    HashSteps {
        hash_fn,
        key_bytes: key.to_vec(),
        hash,
        positive,
        num_partitions,
        partition: positive % num_partitions.max(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn java_and_librdkafka_default_differ_for_the_same_key() {
        let java = Partitioner::JavaDefault
            .place(Some(b"user-42"), 4)
            .partition();
        let rdk = Partitioner::ConsistentRandom
            .place(Some(b"user-42"), 4)
            .partition();
        assert_eq!(java, Some(hash::to_positive(hash::murmur2(b"user-42")) % 4));
        assert_eq!(rdk, Some(crc32fast::hash(b"user-42") % 4));
    }

    #[test]
    fn null_and_empty_key_rules() {
        assert_eq!(
            Partitioner::ConsistentRandom.place(Some(b""), 4),
            Placement::Sticky(StickyRule::StickyRandom)
        );
        assert_eq!(Partitioner::Consistent.place(None, 7).partition(), Some(0));
        assert_eq!(
            Partitioner::Murmur2.place(None, 7).partition(),
            Some(0x106e_08d9 % 7)
        );
        assert_eq!(
            Partitioner::Fnv1a.place(None, 7).partition(),
            Some(0x7ee3_623b % 7)
        );
        assert_eq!(
            Partitioner::JavaDefault.place(None, 7),
            Placement::Sticky(StickyRule::UniformSticky)
        );
        assert_eq!(
            Partitioner::JavaDefault.place(Some(b""), 7).partition(),
            Some(0x106e_08d9 % 7)
        );
        assert_eq!(
            Partitioner::Random.place(Some(b"k"), 7),
            Placement::RandomPerMessage
        );
    }

    #[test]
    fn partition_agrees_with_place() {
        for p in Partitioner::ALL {
            for key in [
                None,
                Some(&b""[..]),
                Some(&b"order-7"[..]),
                Some("ключ".as_bytes()),
            ] {
                for n in [1, 4, 7] {
                    let placed = p.place(key, n);
                    match p.partition(key, n) {
                        Ok(partition) => assert_eq!(placed.partition(), Some(partition)),
                        Err(rule) => assert_eq!(rule, placed),
                    }
                }
            }
        }
    }

    #[test]
    fn names_round_trip() {
        for p in Partitioner::ALL {
            assert_eq!(Partitioner::from_name(p.name()), Some(p));
        }
    }
}
