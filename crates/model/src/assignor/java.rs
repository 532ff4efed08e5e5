//! The bits of the JDK that the assignors' results depend on: `String.compareTo`, `String.hashCode`,
//! `TopicPartition.hashCode`, and the iteration order of `java.util.HashMap` / `HashSet`.
//!
//! The leader hands its assignor a `HashMap<String, Subscription>` (ConsumerCoordinator.onLeaderElected), and
//! `AbstractStickyAssignor` keeps previously owned partitions in `HashMap`s and partition movements in `HashSet`s.
//! Those orders are not random: they follow from the keys' `hashCode`, the table capacity and the insertion order,
//! so we reproduce them here (java.util.HashMap.putVal / resize / treeifyBin).

use crate::collections::VecMap;
use std::cmp::Ordering;

use crate::hash::java_string_hashcode;

/// `String.compareTo`: lexicographic over UTF-16 code units (not bytes: a supplementary character sorts before
/// U+E000..U+FFFF in Java, after them in UTF-8).
pub(crate) fn java_cmp(a: &str, b: &str) -> Ordering {
    if a.is_ascii() && b.is_ascii() {
        a.cmp(b)
    } else {
        a.encode_utf16().cmp(b.encode_utf16())
    }
}

/// `TopicPartition.hashCode`: `31 * (31 + partition) + topic.hashCode()` with int32 overflow.
pub(crate) fn topic_partition_hash(topic_hash: i32, partition: u32) -> i32 {
    31i32
        .wrapping_add(partition as i32)
        .wrapping_mul(31)
        .wrapping_add(topic_hash)
}

/// `HashMap.hash`: `h ^ (h >>> 16)`.
fn spread(hash: i32) -> u32 {
    let h = hash as u32;
    h ^ (h >> 16)
}

/// `HashMap.DEFAULT_INITIAL_CAPACITY`.
const DEFAULT_CAPACITY: usize = 16;
/// `HashMap.TREEIFY_THRESHOLD`: a bin reaching this many entries plus one is treeified (or the table resized).
const TREEIFY_THRESHOLD: usize = 8;
/// `HashMap.MIN_TREEIFY_CAPACITY`: below it, `treeifyBin` resizes the table instead.
const MIN_TREEIFY_CAPACITY: usize = 64;

/// A `java.util.HashSet` (a `HashMap` with default capacity and load factor 0.75) reduced to what decides its
/// iteration order: bins in index order, each bin in insertion order.
///
/// Not modelled: a bin of 9+ entries in a table of 64+ buckets becomes a red-black tree whose iteration order puts
/// the tree root first; for keys that are not `Comparable` (TopicPartition) Java breaks ties by
/// `System.identityHashCode`, so that order is not reproducible even in Java. We keep insertion order there.
#[derive(Clone, Debug)]
pub(crate) struct JavaHashSet<T> {
    capacity: usize,
    size: usize,
    bins: VecMap<usize, Vec<(i32, T)>>,
}

impl<T: PartialEq + Copy> Default for JavaHashSet<T> {
    fn default() -> Self {
        JavaHashSet {
            capacity: 0,
            size: 0,
            bins: VecMap::new(),
        }
    }
}

impl<T: PartialEq + Copy> JavaHashSet<T> {
    fn index(&self, hash: i32) -> usize {
        (spread(hash) as usize) & (self.capacity - 1)
    }

    fn threshold(&self) -> usize {
        self.capacity / 4 * 3
    }

    /// `HashMap.resize`: doubles the table; each bin splits into a low and a high bin, keeping relative order.
    fn resize(&mut self) {
        self.capacity = if self.capacity == 0 {
            DEFAULT_CAPACITY
        } else {
            self.capacity * 2
        };
        let old = std::mem::take(&mut self.bins);
        for (_, bin) in old {
            for (hash, item) in bin {
                let idx = self.index(hash);
                self.bins.entry(idx).or_default().push((hash, item));
            }
        }
    }

    /// `HashSet.add`: false if already present (its position does not change).
    pub(crate) fn insert(&mut self, hash: i32, item: T) -> bool {
        if self.capacity == 0 {
            self.resize();
        }
        let idx = self.index(hash);
        let bin = self.bins.entry(idx).or_default();
        if bin.iter().any(|(_, x)| *x == item) {
            return false;
        }
        bin.push((hash, item));
        // HashMap.putVal: appending to a bin that already held TREEIFY_THRESHOLD entries calls treeifyBin,
        // which only resizes while the table is smaller than MIN_TREEIFY_CAPACITY.
        if bin.len() > TREEIFY_THRESHOLD && self.capacity < MIN_TREEIFY_CAPACITY {
            self.resize();
        }
        self.size += 1;
        if self.size > self.threshold() {
            self.resize();
        }
        true
    }

    /// `HashSet.remove`: unlinks the entry; the others keep their order (the table never shrinks).
    pub(crate) fn remove(&mut self, hash: i32, item: &T) -> bool {
        if self.capacity == 0 {
            return false;
        }
        let idx = self.index(hash);
        let Some(bin) = self.bins.get_mut(&idx) else {
            return false;
        };
        let Some(pos) = bin.iter().position(|(_, x)| x == item) else {
            return false;
        };
        bin.remove(pos);
        if bin.is_empty() {
            self.bins.remove(&idx);
        }
        self.size -= 1;
        true
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.size == 0
    }

    /// `iterator().next()`.
    pub(crate) fn first(&self) -> Option<T> {
        self.bins
            .values()
            .next()
            .and_then(|bin| bin.first())
            .map(|(_, x)| *x)
    }

    /// Java iteration order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = T> + '_ {
        self.bins
            .values()
            .flat_map(|bin| bin.iter().map(|(_, x)| *x))
    }
}

/// The iteration order of a `new HashMap<String, _>()` after putting `keys` in the given order (distinct keys):
/// returns indices into `keys`.
pub(crate) fn hash_map_order<S: AsRef<str>>(keys: &[S]) -> Vec<usize> {
    let mut set = JavaHashSet::default();
    for (i, key) in keys.iter().enumerate() {
        set.insert(java_string_hashcode(key.as_ref()), i);
    }
    set.iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_compare_is_utf16() {
        assert_eq!(java_cmp("consumer-10", "consumer-2"), Ordering::Less);
        // U+FF61 is one UTF-16 unit 0xFF61; U+10000 is the surrogate pair D800 DC00, which Java sorts first.
        assert_eq!(java_cmp("\u{10000}", "\u{FF61}"), Ordering::Less);
        assert_eq!("\u{10000}".cmp("\u{FF61}"), Ordering::Greater);
    }

    #[test]
    fn topic_partition_hash_matches_java() {
        // new TopicPartition("t0", 3).hashCode() == 31 * (31 + 3) + "t0".hashCode() == 1054 + 3644
        assert_eq!(java_string_hashcode("t0"), 3644);
        assert_eq!(topic_partition_hash(3644, 3), 1054 + 3644);
    }

    #[test]
    fn hash_map_order_of_short_ids() {
        // "c0".hashCode() = 3117 -> bucket 13 of 16; "c3" = 3120 -> bucket 0; so c3, c4 come before c0, c1, c2.
        let keys = ["c0", "c1", "c2", "c3", "c4"];
        let order: Vec<&str> = hash_map_order(&keys).into_iter().map(|i| keys[i]).collect();
        assert_eq!(order, ["c3", "c4", "c0", "c1", "c2"]);
    }

    #[test]
    fn hash_map_resizes_at_load_factor() {
        // 13 keys exceed the threshold 12 of a 16-bucket table: the table doubles to 32.
        let keys: Vec<String> = (0..13).map(|i| format!("m{i}")).collect();
        let order = hash_map_order(&keys);
        let mut by_bucket: Vec<(u32, usize)> = keys
            .iter()
            .enumerate()
            .map(|(i, k)| (spread(java_string_hashcode(k)) & 31, i))
            .collect();
        by_bucket.sort();
        assert_eq!(
            order,
            by_bucket.into_iter().map(|(_, i)| i).collect::<Vec<_>>()
        );
    }

    #[test]
    fn colliding_keys_keep_insertion_order_and_removal_keeps_the_rest() {
        // "Aa" and "BB" have the same hashCode (2112).
        let mut set = JavaHashSet::default();
        assert!(set.insert(java_string_hashcode("BB"), 1));
        assert!(set.insert(java_string_hashcode("Aa"), 2));
        assert!(!set.insert(java_string_hashcode("BB"), 1));
        assert_eq!(set.iter().collect::<Vec<_>>(), [1, 2]);
        assert!(set.remove(java_string_hashcode("BB"), &1));
        assert_eq!(set.first(), Some(2));
        assert!(set.remove(java_string_hashcode("Aa"), &2));
        assert!(set.is_empty());
    }

    #[test]
    fn a_ninth_collision_in_a_small_table_resizes_it() {
        // Hashes equal modulo 16 but not modulo 32: after the 9th insert the table doubles to 32 and the two
        // halves separate, so the odd multiples of 16 move behind the even ones.
        let mut set = JavaHashSet::default();
        for i in 0..9 {
            set.insert(i * 16, i);
        }
        assert_eq!(set.capacity, 32);
        assert_eq!(set.iter().collect::<Vec<_>>(), [0, 2, 4, 6, 8, 1, 3, 5, 7]);
    }
}
