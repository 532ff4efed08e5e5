//! `VecSet`: an ordered set kept as a sorted `Vec`, the set twin of [`crate::collections::VecMap`] (see docs/size.md:
//! a `BTreeSet` instantiation costs 1 to 5 KB of wasm, this one a few hundred bytes).
//!
//! Iteration is in order, exactly as `BTreeSet`'s; lookups are a binary search, inserts and removes O(n), which
//! for the model's small sets (members, partitions of one consumer, subscribers of one topic) is a short memmove.

use std::borrow::Borrow;
use std::fmt;

/// An ordered set with the `BTreeSet` methods the model uses.
#[derive(Clone, PartialEq, Eq)]
pub struct VecSet<T> {
    /// Sorted, distinct.
    items: Vec<T>,
}

impl<T> VecSet<T> {
    pub const fn new() -> Self {
        VecSet { items: Vec::new() }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn clear(&mut self) {
        self.items.clear();
    }

    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }

    pub fn first(&self) -> Option<&T> {
        self.items.first()
    }

    pub fn last(&self) -> Option<&T> {
        self.items.last()
    }

    pub fn retain(&mut self, keep: impl FnMut(&T) -> bool) {
        self.items.retain(keep);
    }
}

impl<T: Ord> VecSet<T> {
    fn find<Q: Ord + ?Sized>(&self, value: &Q) -> Result<usize, usize>
    where
        T: Borrow<Q>,
    {
        self.items.binary_search_by(|x| x.borrow().cmp(value))
    }

    pub fn contains<Q: Ord + ?Sized>(&self, value: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.find(value).is_ok()
    }

    /// Like `BTreeSet::insert`: false (and the set unchanged) if `value` was there.
    pub fn insert(&mut self, value: T) -> bool {
        match self.find(&value) {
            Ok(_) => false,
            Err(i) => {
                self.items.insert(i, value);
                true
            }
        }
    }

    pub fn remove<Q: Ord + ?Sized>(&mut self, value: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        match self.find(value) {
            Ok(i) => {
                self.items.remove(i);
                true
            }
            Err(_) => false,
        }
    }
}

impl<T> Default for VecSet<T> {
    fn default() -> Self {
        VecSet::new()
    }
}

impl<T: fmt::Debug> fmt::Debug for VecSet<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

/// As `BTreeSet`'s `collect()`: sorted, each value once.
impl<T: Ord> FromIterator<T> for VecSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut items: Vec<T> = items.into_iter().collect();
        crate::collections::sort::sort(&mut items);
        items.dedup();
        VecSet { items }
    }
}

impl<T: Ord> Extend<T> for VecSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        for x in items {
            self.insert(x);
        }
    }
}

impl<'a, T> IntoIterator for &'a VecSet<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<T> IntoIterator for VecSet<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// Inserts and removes answer as `BTreeSet`'s do and leave the same values in the same order.
        #[test]
        fn behaves_like_btree_set(ops in prop::collection::vec((any::<bool>(), 0..32u8), 0..200)) {
            let mut ours = VecSet::new();
            let mut std = BTreeSet::new();
            for (insert, x) in ops {
                if insert {
                    prop_assert_eq!(ours.insert(x), std.insert(x));
                } else {
                    prop_assert_eq!(ours.remove(&x), std.remove(&x));
                }
                prop_assert!(ours.iter().eq(std.iter()));
                prop_assert_eq!(ours.first(), std.first());
                prop_assert_eq!(ours.last(), std.last());
                prop_assert_eq!(ours.contains(&x), std.contains(&x));
            }
        }

        #[test]
        fn collects_like_btree_set(items in prop::collection::vec(0..16u8, 0..64)) {
            let ours: VecSet<u8> = items.iter().copied().collect();
            let std: BTreeSet<u8> = items.iter().copied().collect();
            prop_assert!(ours.iter().eq(std.iter()));
        }
    }
}
