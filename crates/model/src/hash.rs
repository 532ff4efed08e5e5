//! The hash functions Kafka clients use to pick partitions and coordinators, bit for bit.

/// MurmurHash2, 32-bit, as `org.apache.kafka.common.utils.Utils.murmur2` (seed 0x9747b28c, m 0x5bd1e995, r 24).
pub fn murmur2(data: &[u8]) -> i32 {
    const SEED: u32 = 0x9747_b28c;
    const M: u32 = 0x5bd1_e995;
    const R: u32 = 24;
    let mut h: u32 = SEED ^ data.len() as u32;
    let mut blocks = data.chunks_exact(4);
    for block in &mut blocks {
        // Little-endian 4-byte blocks, as Utils.murmur2 reads them.
        let mut k = u32::from_le_bytes([block[0], block[1], block[2], block[3]]);
        k = k.wrapping_mul(M);
        k ^= k >> R;
        k = k.wrapping_mul(M);
        h = h.wrapping_mul(M);
        h ^= k;
    }
    let tail = blocks.remainder();
    // The tail bytes are XORed in, highest first (the fall-through switch in Utils.murmur2).
    if tail.len() >= 3 {
        h ^= u32::from(tail[2]) << 16;
    }
    if tail.len() >= 2 {
        h ^= u32::from(tail[1]) << 8;
    }
    if !tail.is_empty() {
        h ^= u32::from(tail[0]);
        h = h.wrapping_mul(M);
    }
    h ^= h >> 13;
    h = h.wrapping_mul(M);
    h ^= h >> 15;
    h as i32
}

/// `Utils.toPositive`: a mask, not `Math.abs` (clients/.../common/utils/Utils.java).
pub fn to_positive(n: i32) -> u32 {
    (n & 0x7fff_ffff) as u32
}

/// Standard CRC-32 (zlib), as librdkafka's `rd_crc32` (src/rdcrc32.h), unsigned: reflected polynomial 0x04C11DB7,
/// init and xorout 0xFFFFFFFF (`CRC_32_ISO_HDLC`). One 256-entry table, built at compile time.
pub fn crc32(data: &[u8]) -> u32 {
    static CRC_32: crc::Crc<u32, crc::Table<1>> =
        crc::Crc::<u32, crc::Table<1>>::new(&crc::CRC_32_ISO_HDLC);
    CRC_32.checksum(data)
}

/// 32-bit FNV-1a as librdkafka `rd_fnv1a` (src/rdfnv1a.c): offset 0x811C9DC5, prime 0x01000193, in an int32.
pub fn fnv1a(data: &[u8]) -> i32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in data {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h as i32
}

/// librdkafka's fnv1a partitioner takes `abs` of the int32 (Sarama-compatible, src/rdfnv1a.c); abs(MIN) stays MIN
/// in C, which as an unsigned value is 2^31.
pub fn fnv1a_abs(data: &[u8]) -> u32 {
    fnv1a(data).unsigned_abs()
}

/// Java `String.hashCode`: sum of s[i]*31^(n-1-i) over UTF-16 code units, with int32 overflow.
pub fn java_string_hashcode(s: &str) -> i32 {
    s.encode_utf16().fold(0i32, |h, unit| {
        h.wrapping_mul(31).wrapping_add(i32::from(unit))
    })
}

/// `Utils.abs`: `n == Integer.MIN_VALUE ? 0 : Math.abs(n)` (clients/.../common/utils/Utils.java).
pub fn java_utils_abs(n: i32) -> u32 {
    if n == i32::MIN {
        0
    } else {
        n.unsigned_abs()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn murmur2_matches_kafka_utils_test() {
        // apache/kafka clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java testMurmur2
        let cases: [(&str, i32); 6] = [
            ("21", -973932308),
            ("foobar", -790332482),
            ("a-little-bit-long-string", -985981536),
            ("a-little-bit-longer-string", -1486304829),
            (
                "lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8",
                -58897971,
            ),
            ("abc", 479470107),
        ];
        for (key, want) in cases {
            assert_eq!(murmur2(key.as_bytes()), want, "murmur2({key:?})");
        }
    }

    #[test]
    fn empty_key_hashes() {
        assert_eq!(murmur2(b"") as u32, 0x106e_08d9);
        assert_eq!(crc32(b""), 0);
        // The catalogue's check value: CRC-32 of "123456789".
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
        assert_eq!(fnv1a_abs(b""), 0x7ee3_623b);
    }

    #[test]
    fn crc32_agrees_with_crc32fast() {
        let bytes: Vec<u8> = (0..=255u8).collect();
        for len in 0..bytes.len() {
            assert_eq!(
                crc32(&bytes[..len]),
                crc32fast::hash(&bytes[..len]),
                "length {len}"
            );
        }
    }

    #[test]
    fn to_positive_is_a_mask_not_abs() {
        assert_eq!(to_positive(-1), 0x7fff_ffff);
        assert_eq!(to_positive(i32::MIN), 0);
        assert_eq!(to_positive(5), 5);
    }

    #[test]
    fn java_hashcode_known_values() {
        assert_eq!(java_string_hashcode("order-consumer-group"), 2012552775);
        assert_eq!(java_string_hashcode("console-consumer-12345"), 158455506);
        assert_eq!(java_string_hashcode("polygenelubricants"), i32::MIN);
        assert_eq!(java_utils_abs(i32::MIN), 0);
        // A character outside the BMP counts as two UTF-16 code units.
        assert_eq!(java_string_hashcode("😀"), 0xd83d * 31 + 0xde00);
    }
}
