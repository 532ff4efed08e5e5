//! OpenJDK 17 `java.util.HashMap` / `HashSet`, reduced to what decides their iteration order, as the
//! server-side assignors and the coordinator's records use them.
//!
//! A table of `capacity` bins (a power of two); a key goes to bin `spread(hashCode) & (capacity - 1)`;
//! iteration walks the bins in index order, each bin front to back. What differs between the calls is where a
//! new key lands in its bin and when the table doubles, so each Java entry point has its own method:
//! * `put` / `putIfAbsent` / `HashSet.add` ([`JavaHashMap::put`]): append at the bin's tail, then double the
//!   table if `size > threshold`;
//! * `computeIfAbsent` ([`JavaHashMap::compute_if_absent`]): double first if `size > threshold`, then insert
//!   at the bin's **head**;
//! * `new HashMap<>(n)` ([`JavaHashMap::with_capacity`]): capacity = next power of two ≥ n (1 for n ≤ 1),
//!   allocated at the first insert; `new HashMap<>()` allocates 16;
//! * `new HashSet<>(collection)` ([`JavaHashMap::from_collection`]): `new HashMap<>(max((int)(size/.75f)+1, 16))`
//!   and one `add` per element;
//! * a resize splits each bin into a low and a high bin and keeps their relative order; `remove` never shrinks.
//!
//! A bin that would grow past `TREEIFY_THRESHOLD` in a table smaller than 64 makes `treeifyBin` double the
//! table instead. Real tree bins (64+ bins, 8+ colliding keys) reorder their bin; the assignors' inputs never
//! get there (≤ 200 partitions, a handful of topics) and they are not modelled.

use crate::hash::java_string_hashcode;

use super::uuid::Uuid;

/// `Object.hashCode` of the key types the coordinator uses.
pub trait JavaHash {
    fn java_hash(&self) -> i32;
}

impl JavaHash for String {
    /// `String.hashCode`: `s[0]*31^(n-1) + …` over UTF-16 units, int32.
    fn java_hash(&self) -> i32 {
        java_string_hashcode(self)
    }
}

impl JavaHash for i32 {
    /// `Integer.hashCode`: the value.
    fn java_hash(&self) -> i32 {
        *self
    }
}

impl JavaHash for Uuid {
    fn java_hash(&self) -> i32 {
        self.java_hash_code()
    }
}

/// `HashMap.hash`: `h ^ (h >>> 16)`.
pub fn spread(hash: i32) -> u32 {
    let h = hash as u32;
    h ^ (h >> 16)
}

/// `HashMap.tableSizeFor`: the next power of two ≥ `n`, at least 1.
pub fn table_size_for(n: usize) -> usize {
    n.max(1).next_power_of_two()
}

/// `(int) (n / 0.75f) + 1`, the capacity Java code passes to size a map for `n` entries (float arithmetic as Java).
pub fn capacity_for(n: usize) -> usize {
    (n as f32 / 0.75f32) as usize + 1
}

const DEFAULT_CAPACITY: usize = 16;
/// `HashMap.TREEIFY_THRESHOLD`.
const TREEIFY_THRESHOLD: usize = 8;
/// `HashMap.MIN_TREEIFY_CAPACITY`.
const MIN_TREEIFY_CAPACITY: usize = 64;

#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry<K, V> {
    hash: u32,
    key: K,
    value: V,
}

/// A `java.util.HashMap<K, V>` (load factor 0.75) that iterates as OpenJDK 17 does.
#[derive(Clone, Debug)]
pub struct JavaHashMap<K, V> {
    /// The capacity the table gets when it is first allocated (`threshold` before allocation in Java).
    initial_capacity: usize,
    /// Empty until the first insert.
    bins: Vec<Vec<Entry<K, V>>>,
    size: usize,
}

/// A `java.util.HashSet<K>`: a [`JavaHashMap`] with unit values.
pub type JavaHashSet<K> = JavaHashMap<K, ()>;

impl<K: JavaHash + Eq, V> Default for JavaHashMap<K, V> {
    /// `new HashMap<>()`.
    fn default() -> Self {
        Self::with_initial_table(DEFAULT_CAPACITY)
    }
}

impl<K: JavaHash + Eq, V> JavaHashMap<K, V> {
    /// `new HashMap<>()` / `new HashSet<>()`.
    pub fn new() -> Self {
        Self::default()
    }

    /// `new HashMap<>(n)` / `new HashSet<>(n)`.
    pub fn with_capacity(n: usize) -> Self {
        Self::with_initial_table(table_size_for(n))
    }

    fn with_initial_table(capacity: usize) -> Self {
        JavaHashMap {
            initial_capacity: capacity,
            bins: Vec::new(),
            size: 0,
        }
    }

    /// The table's length (0 before the first insert).
    pub fn capacity(&self) -> usize {
        self.bins.len()
    }

    pub fn len(&self) -> usize {
        self.size
    }

    pub fn is_empty(&self) -> bool {
        self.size == 0
    }

    /// `threshold = (int) (capacity * 0.75)`, the same for every power of two as Java's doubling of it.
    fn threshold(&self) -> usize {
        self.bins.len() * 3 / 4
    }

    fn index(&self, hash: u32) -> usize {
        hash as usize & (self.bins.len() - 1)
    }

    /// `HashMap.resize`: allocate, or double and split every bin keeping relative order.
    fn resize(&mut self) {
        let new_capacity = if self.bins.is_empty() {
            self.initial_capacity
        } else {
            self.bins.len() * 2
        };
        let old = std::mem::replace(
            &mut self.bins,
            (0..new_capacity).map(|_| Vec::new()).collect(),
        );
        for entry in old.into_iter().flatten() {
            let idx = self.index(entry.hash);
            self.bins[idx].push(entry);
        }
    }

    fn find(&self, key: &K) -> Option<(usize, usize)> {
        if self.bins.is_empty() {
            return None;
        }
        let hash = spread(key.java_hash());
        let idx = self.index(hash);
        self.bins[idx]
            .iter()
            .position(|e| e.hash == hash && e.key == *key)
            .map(|pos| (idx, pos))
    }

    pub fn get(&self, key: &K) -> Option<&V> {
        self.find(key).map(|(i, p)| &self.bins[i][p].value)
    }

    pub fn get_mut(&mut self, key: &K) -> Option<&mut V> {
        self.find(key).map(|(i, p)| &mut self.bins[i][p].value)
    }

    pub fn contains_key(&self, key: &K) -> bool {
        self.find(key).is_some()
    }

    /// `HashMap.put` (`putVal`): replaces the value of a present key in place; otherwise appends at the bin's
    /// tail. Returns the previous value.
    pub fn put(&mut self, key: K, value: V) -> Option<V> {
        if let Some((i, p)) = self.find(&key) {
            return Some(std::mem::replace(&mut self.bins[i][p].value, value));
        }
        if self.bins.is_empty() {
            self.resize();
        }
        let hash = spread(key.java_hash());
        let idx = self.index(hash);
        let bin_len_before = self.bins[idx].len();
        self.bins[idx].push(Entry { hash, key, value });
        // putVal: appending behind TREEIFY_THRESHOLD nodes calls treeifyBin, which resizes small tables.
        if bin_len_before >= TREEIFY_THRESHOLD && self.bins.len() < MIN_TREEIFY_CAPACITY {
            self.resize();
        }
        self.size += 1;
        if self.size > self.threshold() {
            self.resize();
        }
        None
    }

    /// `HashMap.putIfAbsent` (also `putVal`, tail insertion); true if the key was added.
    pub fn put_if_absent(&mut self, key: K, value: V) -> bool {
        if self.contains_key(&key) {
            return false;
        }
        self.put(key, value);
        true
    }

    /// `HashMap.computeIfAbsent`: resizes *before* inserting when `size > threshold`, inserts at the bin's
    /// **head**, and a bin that already held `TREEIFY_THRESHOLD - 1` nodes triggers `treeifyBin`.
    pub fn compute_if_absent(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        if self.bins.is_empty() || self.size > self.threshold() {
            self.resize();
        }
        if let Some((i, p)) = self.find(&key) {
            return &mut self.bins[i][p].value;
        }
        let hash = spread(key.java_hash());
        let idx = self.index(hash);
        let bin_len_before = self.bins[idx].len();
        self.bins[idx].insert(
            0,
            Entry {
                hash,
                key,
                value: make(),
            },
        );
        if bin_len_before >= TREEIFY_THRESHOLD - 1 && self.bins.len() < MIN_TREEIFY_CAPACITY {
            self.resize();
        }
        self.size += 1;
        // The new entry headed its bin; a split keeps relative order, so it still heads its (new) bin.
        let idx = self.index(hash);
        &mut self.bins[idx][0].value
    }

    /// `HashMap.remove`: unlinks the entry; the others keep their order and the table keeps its size.
    pub fn remove(&mut self, key: &K) -> Option<V> {
        let (i, p) = self.find(key)?;
        self.size -= 1;
        Some(self.bins[i].remove(p).value)
    }

    /// Keys and values in Java iteration order.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> + '_ {
        self.bins.iter().flatten().map(|e| (&e.key, &e.value))
    }

    /// Keys in Java iteration order (`keySet().iterator()`).
    pub fn keys(&self) -> impl Iterator<Item = &K> + '_ {
        self.iter().map(|(k, _)| k)
    }
}

impl<K: JavaHash + Eq> JavaHashMap<K, ()> {
    /// `HashSet.add`; true if the element was added.
    pub fn add(&mut self, key: K) -> bool {
        self.put_if_absent(key, ())
    }

    /// `new HashSet<>(collection)`: sized for `size` (the collection's `size()`, which a view such as
    /// `TopicIds` may report larger than what it yields), then one `add` per element.
    pub fn from_collection(size: usize, items: impl IntoIterator<Item = K>) -> Self {
        let mut set = Self::with_capacity(capacity_for(size).max(DEFAULT_CAPACITY));
        for item in items {
            set.add(item);
        }
        set
    }
}
