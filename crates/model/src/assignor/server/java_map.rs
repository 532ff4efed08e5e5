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
//! table instead; in a larger table it becomes a red-black tree ([`super::java_tree`]), whose iteration order
//! follows the tree (8+ keys in one bin: many member ids, or partition sets of topics with thousands of
//! partitions).

use std::cmp::Ordering;

use crate::assignor::java::java_cmp;
use crate::hash::java_string_hashcode;

use super::java_tree::{Remaining, TreeBin, UNTREEIFY_THRESHOLD};
use super::uuid::Uuid;

/// `hashCode` and `compareTo` of the key types the coordinator uses (all `Comparable` to themselves, which
/// decides the order inside a tree bin).
pub trait JavaKey: Eq + Clone {
    fn java_hash(&self) -> i32;
    fn java_cmp(&self, other: &Self) -> Ordering;
}

impl JavaKey for String {
    /// `String.hashCode`: `s[0]*31^(n-1) + …` over UTF-16 units, int32.
    fn java_hash(&self) -> i32 {
        java_string_hashcode(self)
    }

    /// `String.compareTo`: UTF-16 units.
    fn java_cmp(&self, other: &Self) -> Ordering {
        java_cmp(self, other)
    }
}

impl JavaKey for i32 {
    /// `Integer.hashCode`: the value.
    fn java_hash(&self) -> i32 {
        *self
    }

    fn java_cmp(&self, other: &Self) -> Ordering {
        self.cmp(other)
    }
}

impl JavaKey for Uuid {
    fn java_hash(&self) -> i32 {
        self.java_hash_code()
    }

    /// `Uuid.compareTo`.
    fn java_cmp(&self, other: &Self) -> Ordering {
        self.cmp(other)
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
pub(crate) struct Entry<K, V> {
    /// The spread hash (Java's `Node.hash`).
    pub hash: u32,
    pub key: K,
    pub value: V,
}

/// One bin: a list in insertion order, or a tree.
#[derive(Clone, Debug)]
enum Bin<K, V> {
    List(Vec<Entry<K, V>>),
    Tree(TreeBin<K, V>),
}

/// Where a key is: bin index and position in the list, or node in the tree.
#[derive(Clone, Copy)]
enum Slot {
    List(usize, usize),
    Tree(usize, usize),
}

/// A `java.util.HashMap<K, V>` (load factor 0.75) that iterates as OpenJDK 17 does.
#[derive(Clone, Debug)]
pub struct JavaHashMap<K, V> {
    /// The capacity the table gets when it is first allocated (`threshold` before allocation in Java).
    initial_capacity: usize,
    /// Empty until the first insert.
    bins: Vec<Bin<K, V>>,
    size: usize,
}

/// A `java.util.HashSet<K>`: a [`JavaHashMap`] with unit values.
pub type JavaHashSet<K> = JavaHashMap<K, ()>;

impl<K: JavaKey, V> Default for JavaHashMap<K, V> {
    /// `new HashMap<>()`.
    fn default() -> Self {
        Self::with_initial_table(DEFAULT_CAPACITY)
    }
}

impl<K: JavaKey, V> JavaHashMap<K, V> {
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

    /// `HashMap.resize`: allocate, or double and split every bin keeping relative order (`TreeNode.split`: a
    /// half of 6 or fewer becomes a list, a tree moved whole stays as it is, other halves are re-treeified).
    fn resize(&mut self) {
        let new_capacity = if self.bins.is_empty() {
            self.initial_capacity
        } else {
            self.bins.len() * 2
        };
        let old_capacity = self.bins.len();
        let old = std::mem::replace(
            &mut self.bins,
            (0..new_capacity).map(|_| Bin::List(Vec::new())).collect(),
        );
        for (index, bin) in old.into_iter().enumerate() {
            let entries = match bin {
                Bin::List(list) => list,
                Bin::Tree(tree) => {
                    let all_low = tree.iter().all(|e| e.hash as usize & old_capacity == 0);
                    let all_high = tree.iter().all(|e| e.hash as usize & old_capacity != 0);
                    if all_low || all_high {
                        let at = if all_low { index } else { index + old_capacity };
                        self.bins[at] = if tree.len() <= UNTREEIFY_THRESHOLD {
                            Bin::List(tree.into_entries())
                        } else {
                            Bin::Tree(tree)
                        };
                        continue;
                    }
                    let (low, high): (Vec<_>, Vec<_>) = tree
                        .into_entries()
                        .into_iter()
                        .partition(|e| e.hash as usize & old_capacity == 0);
                    for (at, half) in [(index, low), (index + old_capacity, high)] {
                        self.bins[at] = if half.len() <= UNTREEIFY_THRESHOLD {
                            Bin::List(half)
                        } else {
                            Bin::Tree(TreeBin::treeify(half))
                        };
                    }
                    continue;
                }
            };
            for entry in entries {
                let idx = self.index(entry.hash);
                match &mut self.bins[idx] {
                    Bin::List(list) => list.push(entry),
                    Bin::Tree(_) => unreachable!("a fresh table has only lists"),
                }
            }
        }
    }

    /// `treeifyBin`: a small table doubles instead.
    fn treeify_bin(&mut self, idx: usize) {
        if self.bins.len() < MIN_TREEIFY_CAPACITY {
            self.resize();
        } else if let Bin::List(list) = &mut self.bins[idx] {
            let list = std::mem::take(list);
            self.bins[idx] = Bin::Tree(TreeBin::treeify(list));
        }
    }

    fn find(&self, key: &K) -> Option<Slot> {
        if self.bins.is_empty() {
            return None;
        }
        let hash = spread(key.java_hash());
        let idx = self.index(hash);
        match &self.bins[idx] {
            Bin::List(list) => list
                .iter()
                .position(|e| e.hash == hash && e.key == *key)
                .map(|pos| Slot::List(idx, pos)),
            Bin::Tree(tree) => tree.find(hash, key).map(|node| Slot::Tree(idx, node)),
        }
    }

    fn value_at(&self, slot: Slot) -> &V {
        match (slot, &self.bins[slot_bin(slot)]) {
            (Slot::List(_, p), Bin::List(list)) => &list[p].value,
            (Slot::Tree(_, n), Bin::Tree(tree)) => tree.value(n),
            _ => unreachable!("slot matches its bin"),
        }
    }

    fn value_at_mut(&mut self, slot: Slot) -> &mut V {
        match (slot, &mut self.bins[slot_bin(slot)]) {
            (Slot::List(_, p), Bin::List(list)) => &mut list[p].value,
            (Slot::Tree(_, n), Bin::Tree(tree)) => tree.value_mut(n),
            _ => unreachable!("slot matches its bin"),
        }
    }

    pub fn get(&self, key: &K) -> Option<&V> {
        self.find(key).map(|slot| self.value_at(slot))
    }

    pub fn get_mut(&mut self, key: &K) -> Option<&mut V> {
        self.find(key).map(|slot| self.value_at_mut(slot))
    }

    pub fn contains_key(&self, key: &K) -> bool {
        self.find(key).is_some()
    }

    /// `HashMap.put` (`putVal`): replaces the value of a present key in place; otherwise appends at the bin's
    /// tail (or inserts into its tree). Returns the previous value.
    pub fn put(&mut self, key: K, value: V) -> Option<V> {
        if let Some(slot) = self.find(&key) {
            return Some(std::mem::replace(self.value_at_mut(slot), value));
        }
        if self.bins.is_empty() {
            self.resize();
        }
        let hash = spread(key.java_hash());
        let idx = self.index(hash);
        let entry = Entry { hash, key, value };
        match &mut self.bins[idx] {
            Bin::Tree(tree) => {
                tree.insert(entry);
            }
            Bin::List(list) => {
                let bin_len_before = list.len();
                list.push(entry);
                // putVal: appending behind TREEIFY_THRESHOLD nodes calls treeifyBin.
                if bin_len_before >= TREEIFY_THRESHOLD {
                    self.treeify_bin(idx);
                }
            }
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
    /// **head** (or into its tree), and a bin that already held `TREEIFY_THRESHOLD - 1` nodes calls
    /// `treeifyBin`.
    pub fn compute_if_absent(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        if self.bins.is_empty() || self.size > self.threshold() {
            self.resize();
        }
        if let Some(slot) = self.find(&key) {
            return self.value_at_mut(slot);
        }
        let hash = spread(key.java_hash());
        let idx = self.index(hash);
        let entry = Entry {
            hash,
            key: key.clone(),
            value: make(),
        };
        match &mut self.bins[idx] {
            Bin::Tree(tree) => {
                tree.insert(entry);
            }
            Bin::List(list) => {
                let bin_len_before = list.len();
                list.insert(0, entry);
                if bin_len_before >= TREEIFY_THRESHOLD - 1 {
                    self.treeify_bin(idx);
                }
            }
        }
        self.size += 1;
        let slot = self.find(&key).expect("just inserted");
        self.value_at_mut(slot)
    }

    /// `HashMap.remove`: unlinks the entry (`removeTreeNode` in a tree bin, which may turn it back into a
    /// list); the others keep their order and the table keeps its size.
    pub fn remove(&mut self, key: &K) -> Option<V> {
        let slot = self.find(key)?;
        self.size -= 1;
        match slot {
            Slot::List(idx, pos) => match &mut self.bins[idx] {
                Bin::List(list) => Some(list.remove(pos).value),
                Bin::Tree(_) => unreachable!("slot matches its bin"),
            },
            Slot::Tree(idx, node) => {
                let Bin::Tree(tree) = std::mem::replace(&mut self.bins[idx], Bin::List(Vec::new()))
                else {
                    unreachable!("slot matches its bin")
                };
                let (entry, rest) = tree.remove(node);
                self.bins[idx] = match rest {
                    Remaining::Tree(tree) => Bin::Tree(tree),
                    Remaining::List(list) => Bin::List(list),
                };
                Some(entry.value)
            }
        }
    }

    /// Keys and values in Java iteration order.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> + '_ {
        self.bins
            .iter()
            .flat_map(|bin| -> Box<dyn Iterator<Item = &Entry<K, V>> + '_> {
                match bin {
                    Bin::List(list) => Box::new(list.iter()),
                    Bin::Tree(tree) => Box::new(tree.iter()),
                }
            })
            .map(|e| (&e.key, &e.value))
    }

    /// Keys in Java iteration order (`keySet().iterator()`).
    pub fn keys(&self) -> impl Iterator<Item = &K> + '_ {
        self.iter().map(|(k, _)| k)
    }
}

fn slot_bin(slot: Slot) -> usize {
    match slot {
        Slot::List(idx, _) | Slot::Tree(idx, _) => idx,
    }
}

impl<K: JavaKey> JavaHashMap<K, ()> {
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
