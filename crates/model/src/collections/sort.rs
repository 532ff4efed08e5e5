//! Sorting with one shared copy of the sort code (see docs/size.md).
//!
//! `slice::sort`, `sort_by`, `sort_by_key` and `sort_unstable` compile a fresh copy of std's sort (4 to 5 KB
//! of wasm) for every element type and every comparator closure; the model sorts in about twenty places, so
//! those copies were about 90 KB of the app's wasm. These helpers sort a permutation of indices with one
//! non-generic merge sort and then move the elements into place, so a call site costs a few hundred bytes.
//!
//! The merge sort is stable, so [`sort_by`] gives exactly the order `slice::sort_by` gives (equal elements
//! keep their order) and histories do not change. [`sort`] also stands in for `sort_unstable` on types whose
//! equal values are indistinguishable (integers, `&str`), where every correct sort gives the same result.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`: the same order as `v.sort_by(cmp)`.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = sorted_order(v.len(), &mut |a, b| cmp(&v[a], &v[b]) == Ordering::Less);
    if let Some(order) = order {
        permute(order, &mut |a, b| v.swap(a, b));
    }
}

/// Sorts `v` stably: the same order as `v.sort()`.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts `v` stably by `key`: the same order as `v.sort_by_key(key)`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The stable sorted order of `0..n` under `is_less`: `order[i]` is the index of the element that belongs at
/// `i`. None when the elements are in order already (the common case, checked in one pass).
#[inline(never)]
fn sorted_order(n: usize, is_less: &mut dyn FnMut(usize, usize) -> bool) -> Option<Vec<usize>> {
    if (1..n).all(|i| !is_less(i, i - 1)) {
        return None;
    }
    // Bottom-up merge sort; on a tie the left run's element goes first, which keeps it stable.
    let mut src: Vec<usize> = (0..n).collect();
    let mut dst = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j) = (lo, mid);
            for slot in &mut dst[lo..hi] {
                if i < mid && (j >= hi || !is_less(src[j], src[i])) {
                    *slot = src[i];
                    i += 1;
                } else {
                    *slot = src[j];
                    j += 1;
                }
            }
            lo = hi;
        }
        std::mem::swap(&mut src, &mut dst);
        width *= 2;
    }
    Some(src)
}

/// Rearranges a sequence by swaps so that position `i` holds what was at `order[i]`, following each cycle of
/// the permutation once.
#[inline(never)]
fn permute(mut order: Vec<usize>, swap: &mut dyn FnMut(usize, usize)) {
    const DONE: usize = usize::MAX;
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = std::mem::replace(&mut order[at], DONE);
            if from == start || from == DONE {
                break;
            }
            swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (no dev-dependency needed).
    fn numbers(seed: u64, n: usize, modulo: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (x >> 33) % modulo
            })
            .collect()
    }

    #[test]
    fn matches_std_stable_sort() {
        for n in [0, 1, 2, 3, 7, 8, 9, 31, 64, 100, 1000] {
            for modulo in [1, 2, 5, 1000] {
                // (key, original position): equal keys must keep their order, as in std's stable sort.
                let v: Vec<(u64, usize)> = numbers(n as u64 + modulo, n, modulo)
                    .into_iter()
                    .enumerate()
                    .map(|(i, k)| (k, i))
                    .collect();
                let mut ours = v.clone();
                sort_by_key(&mut ours, |e| e.0);
                let mut std_sorted = v.clone();
                std_sorted.sort_by_key(|e| e.0);
                assert_eq!(ours, std_sorted, "n={n} modulo={modulo}");

                // Odd keys first, each parity descending.
                let cmp = |a: &(u64, usize), b: &(u64, usize)| {
                    (a.0 % 2).cmp(&(b.0 % 2)).reverse().then(b.0.cmp(&a.0))
                };
                let mut ours = v.clone();
                sort_by(&mut ours, cmp);
                let mut std_sorted = v;
                std_sorted.sort_by(cmp);
                assert_eq!(ours, std_sorted, "other order, n={n} modulo={modulo}");
            }
        }
    }

    #[test]
    fn sorts_strings_and_sorted_input() {
        let mut v: Vec<String> = ["b", "a", "c", "a"].iter().map(|s| s.to_string()).collect();
        sort(&mut v);
        assert_eq!(v, ["a", "a", "b", "c"]);
        sort(&mut v);
        assert_eq!(v, ["a", "a", "b", "c"]);
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }
}
