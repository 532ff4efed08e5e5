//! Kafka's `org.apache.kafka.common.Uuid` (topic ids): 128 bits, written as 22 characters of URL-safe base64
//! without padding.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A Kafka `Uuid`: the most and least significant 64 bits, kept signed as Java's `long`s.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Uuid {
    pub msb: i64,
    pub lsb: i64,
}

/// A topic id that is not 22 characters of URL-safe base64 for 16 bytes (`Uuid.fromString` throws).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UuidParseError(pub String);

impl fmt::Display for UuidParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a Kafka Uuid: {:?}", self.0)
    }
}

impl std::error::Error for UuidParseError {}

impl Uuid {
    /// `Uuid.hashCode`: `x = msb ^ lsb; (int)(x >> 32) ^ (int) x`.
    pub fn java_hash_code(&self) -> i32 {
        let x = self.msb ^ self.lsb;
        ((x >> 32) as i32) ^ (x as i32)
    }

    fn to_bytes(self) -> [u8; 16] {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&self.msb.to_be_bytes());
        bytes[8..].copy_from_slice(&self.lsb.to_be_bytes());
        bytes
    }
}

impl Ord for Uuid {
    /// `Uuid.compareTo`: the most significant bits, then the least, both as **signed** longs.
    fn cmp(&self, other: &Self) -> Ordering {
        (self.msb, self.lsb).cmp(&(other.msb, other.lsb))
    }
}

impl PartialOrd for Uuid {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl FromStr for Uuid {
    type Err = UuidParseError;

    /// `Uuid.fromString`: URL-safe base64 of 16 big-endian bytes (padding optional, as Java's decoder).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || UuidParseError(s.to_string());
        let bytes = URL_SAFE_NO_PAD
            .decode(s.trim_end_matches('='))
            .map_err(|_| err())?;
        let bytes: [u8; 16] = bytes.try_into().map_err(|_| err())?;
        let (hi, lo) = bytes.split_at(8);
        Ok(Uuid {
            msb: i64::from_be_bytes(hi.try_into().map_err(|_| err())?),
            lsb: i64::from_be_bytes(lo.try_into().map_err(|_| err())?),
        })
    }
}

impl fmt::Display for Uuid {
    /// `Uuid.toString`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&URL_SAFE_NO_PAD.encode(self.to_bytes()))
    }
}

impl Serialize for Uuid {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Uuid {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_orders_signed() {
        let id: Uuid = "2UF6ovdkTuWxRo0yaU79PA".parse().unwrap();
        assert_eq!(id.to_string(), "2UF6ovdkTuWxRo0yaU79PA");
        // 0xd9... has the sign bit set: it sorts before a positive msb, as Java's signed compare does.
        assert!(id.msb < 0);
        let positive: Uuid = "AAAAAAAAAAAAAAAAAAAAAQ".parse().unwrap();
        assert_eq!(positive, Uuid { msb: 0, lsb: 1 });
        assert!(id < positive);
        assert!("short".parse::<Uuid>().is_err());
        assert!("2UF6ovdkTuWxRo0yaU79PA==".parse::<Uuid>().is_ok());
    }

    #[test]
    fn hash_code_folds_both_halves() {
        // x = msb ^ lsb = 0x0000_0001_0000_0002 -> 1 ^ 2.
        let id = Uuid {
            msb: 0x0000_0001_0000_0000,
            lsb: 0x0000_0000_0000_0002,
        };
        assert_eq!(id.java_hash_code(), 3);
        let id = Uuid { msb: -1, lsb: 0 };
        assert_eq!(id.java_hash_code(), 0);
    }
}
