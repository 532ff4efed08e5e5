//! `HashMap.TreeNode`: a hash bin of 8+ keys in a table of 64+ bins becomes a red-black tree, and its
//! iteration order (the nodes' `next` links) then follows the tree: `treeify` and every insertion move the root
//! to the front of the bin, and a key inserted into a tree is linked right behind its tree parent.
//!
//! Keys are ordered by their spread hash (signed), then by `compareTo` (`String`, `Integer` and Kafka's `Uuid`
//! are all `Comparable` to themselves, so `tieBreakOrder` is never reached for distinct keys).

use std::cmp::Ordering;

use super::java_map::{Entry, JavaKey};

#[derive(Clone, Debug)]
struct Node<K, V> {
    entry: Entry<K, V>,
    parent: Option<usize>,
    left: Option<usize>,
    right: Option<usize>,
    prev: Option<usize>,
    next: Option<usize>,
    red: bool,
}

/// One tree bin: nodes in an arena (removed ones become `None`), `head` = the bin's first node.
#[derive(Clone, Debug)]
pub(crate) struct TreeBin<K, V> {
    nodes: Vec<Option<Node<K, V>>>,
    head: Option<usize>,
}

/// What is left of a bin after `removeTreeNode`.
pub(crate) enum Remaining<K, V> {
    Tree(TreeBin<K, V>),
    /// The tree got too small and was untreeified (or emptied).
    List(Vec<Entry<K, V>>),
}

/// `HashMap.UNTREEIFY_THRESHOLD`: a split half this small becomes a plain list again.
pub(crate) const UNTREEIFY_THRESHOLD: usize = 6;

impl<K: JavaKey, V> TreeBin<K, V> {
    fn n(&self, i: usize) -> &Node<K, V> {
        self.nodes[i].as_ref().expect("live node")
    }

    fn m(&mut self, i: usize) -> &mut Node<K, V> {
        self.nodes[i].as_mut().expect("live node")
    }

    fn red(&self, i: Option<usize>) -> bool {
        i.is_some_and(|i| self.n(i).red)
    }

    /// `treeifyBin` + `TreeNode.treeify`: the list's nodes, linked in list order, inserted one by one.
    pub fn treeify(entries: Vec<Entry<K, V>>) -> Self {
        let count = entries.len();
        let nodes = entries
            .into_iter()
            .enumerate()
            .map(|(i, entry)| {
                Some(Node {
                    entry,
                    parent: None,
                    left: None,
                    right: None,
                    prev: i.checked_sub(1),
                    next: (i + 1 < count).then_some(i + 1),
                    red: false,
                })
            })
            .collect();
        let mut bin = TreeBin {
            nodes,
            head: (count > 0).then_some(0),
        };
        let mut root: Option<usize> = None;
        for x in 0..count {
            match root {
                None => {
                    bin.m(x).red = false;
                    root = Some(x);
                }
                Some(r) => {
                    let parent = bin.descend(r, x);
                    root = Some(bin.attach(r, parent, x));
                }
            }
        }
        if let Some(r) = root {
            bin.move_root_to_front(r);
        }
        bin
    }

    /// Order of `x` relative to `p`: hash (as Java's signed int), then `compareTo`.
    fn dir(&self, x: &Entry<K, V>, p: usize) -> Ordering {
        let pe = &self.n(p).entry;
        (x.hash as i32)
            .cmp(&(pe.hash as i32))
            .then_with(|| x.key.java_cmp(&pe.key))
    }

    /// Walks down from `root` to the node under which `x` belongs; returns (parent, goes left).
    fn descend(&self, root: usize, x: usize) -> (usize, bool) {
        let mut p = root;
        loop {
            let left = self.dir(&self.n(x).entry, p) != Ordering::Greater;
            let child = if left {
                self.n(p).left
            } else {
                self.n(p).right
            };
            match child {
                Some(c) => p = c,
                None => return (p, left),
            }
        }
    }

    /// Links `x` under `parent` and rebalances; returns the new root.
    fn attach(&mut self, root: usize, (parent, left): (usize, bool), x: usize) -> usize {
        self.m(x).parent = Some(parent);
        if left {
            self.m(parent).left = Some(x);
        } else {
            self.m(parent).right = Some(x);
        }
        self.balance_insertion(root, x)
    }

    fn root(&self) -> usize {
        let mut r = self.head.expect("non-empty tree");
        while let Some(p) = self.n(r).parent {
            r = p;
        }
        r
    }

    /// `moveRootToFront`.
    fn move_root_to_front(&mut self, root: usize) {
        let first = self.head;
        if first == Some(root) {
            return;
        }
        let (rp, rn) = (self.n(root).prev, self.n(root).next);
        if let Some(rn) = rn {
            self.m(rn).prev = rp;
        }
        if let Some(rp) = rp {
            self.m(rp).next = rn;
        }
        if let Some(f) = first {
            self.m(f).prev = Some(root);
        }
        self.m(root).next = first;
        self.m(root).prev = None;
        self.head = Some(root);
    }

    /// Linear: the tree's order only matters for where keys go, not for finding them.
    pub fn find(&self, hash: u32, key: &K) -> Option<usize> {
        self.nodes.iter().position(|n| {
            n.as_ref()
                .is_some_and(|n| n.entry.hash == hash && n.entry.key == *key)
        })
    }

    pub fn value(&self, i: usize) -> &V {
        &self.n(i).entry.value
    }

    pub fn value_mut(&mut self, i: usize) -> &mut V {
        &mut self.m(i).entry.value
    }

    /// `putTreeVal` of an absent key: linked right behind its tree parent, then the root moves to the front.
    /// Returns the new node.
    pub fn insert(&mut self, entry: Entry<K, V>) -> usize {
        let root = self.root();
        let x = self.nodes.len();
        self.nodes.push(Some(Node {
            entry,
            parent: None,
            left: None,
            right: None,
            prev: None,
            next: None,
            red: false,
        }));
        let (xp, left) = self.descend(root, x);
        let xpn = self.n(xp).next;
        self.m(xp).next = Some(x);
        self.m(x).prev = Some(xp);
        self.m(x).next = xpn;
        if let Some(xpn) = xpn {
            self.m(xpn).prev = Some(x);
        }
        let root = self.attach(root, (xp, left), x);
        self.move_root_to_front(root);
        x
    }

    /// The bin's entries in iteration order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry<K, V>> + '_ {
        std::iter::successors(self.head, |&i| self.n(i).next).map(|i| &self.n(i).entry)
    }

    /// `untreeify` / `split`: the entries in iteration order.
    pub fn into_entries(mut self) -> Vec<Entry<K, V>> {
        let order: Vec<usize> = std::iter::successors(self.head, |&i| self.n(i).next).collect();
        order
            .into_iter()
            .map(|i| self.nodes[i].take().expect("live node").entry)
            .collect()
    }

    pub fn len(&self) -> usize {
        self.nodes.iter().filter(|n| n.is_some()).count()
    }

    /// `removeTreeNode(movable = true)`. Returns the entry and, when the tree got too small, the bin as a
    /// plain list (`untreeify`).
    pub fn remove(mut self, p: usize) -> (Entry<K, V>, Remaining<K, V>) {
        // Unlink from the bin's list first.
        let old_first = self.head.expect("non-empty tree");
        let (pred, succ) = (self.n(p).prev, self.n(p).next);
        let mut first = self.head;
        match pred {
            None => {
                self.head = succ;
                first = succ;
            }
            Some(pred) => self.m(pred).next = succ,
        }
        if let Some(succ) = succ {
            self.m(succ).prev = pred;
        }
        if first.is_none() {
            let entry = self.nodes[p].take().expect("live node").entry;
            return (entry, Remaining::List(Vec::new()));
        }
        // The root as Java finds it: from the bin's first node before the unlinking (p itself, usually).
        let mut root = old_first;
        while let Some(parent) = self.n(root).parent {
            root = parent;
        }
        let too_small = match (self.n(root).right, self.n(root).left) {
            (None, _) | (_, None) => true,
            (_, Some(rl)) => self.n(rl).left.is_none(),
        };
        if too_small {
            let entry = self.nodes[p].take().expect("live node").entry;
            return (entry, Remaining::List(self.into_entries()));
        }
        let (pl, pr) = (self.n(p).left, self.n(p).right);
        let replacement;
        if let (Some(pl), Some(pr)) = (pl, pr) {
            let mut s = pr;
            while let Some(sl) = self.n(s).left {
                s = sl;
            }
            let c = self.n(s).red;
            self.m(s).red = self.n(p).red;
            self.m(p).red = c;
            let sr = self.n(s).right;
            let pp = self.n(p).parent;
            if s == pr {
                self.m(p).parent = Some(s);
                self.m(s).right = Some(p);
            } else {
                let sp = self.n(s).parent;
                self.m(p).parent = sp;
                if let Some(sp) = sp {
                    if self.n(sp).left == Some(s) {
                        self.m(sp).left = Some(p);
                    } else {
                        self.m(sp).right = Some(p);
                    }
                }
                self.m(s).right = Some(pr);
                self.m(pr).parent = Some(s);
            }
            self.m(p).left = None;
            self.m(p).right = sr;
            if let Some(sr) = sr {
                self.m(sr).parent = Some(p);
            }
            self.m(s).left = Some(pl);
            self.m(pl).parent = Some(s);
            self.m(s).parent = pp;
            match pp {
                None => root = s,
                Some(pp) if self.n(pp).left == Some(p) => self.m(pp).left = Some(s),
                Some(pp) => self.m(pp).right = Some(s),
            }
            replacement = sr.unwrap_or(p);
        } else {
            replacement = pl.or(pr).unwrap_or(p);
        }
        if replacement != p {
            let pp = self.n(p).parent;
            self.m(replacement).parent = pp;
            match pp {
                None => {
                    root = replacement;
                    self.m(replacement).red = false;
                }
                Some(pp) if self.n(pp).left == Some(p) => self.m(pp).left = Some(replacement),
                Some(pp) => self.m(pp).right = Some(replacement),
            }
            let node = self.m(p);
            node.left = None;
            node.right = None;
            node.parent = None;
        }
        let r = if self.n(p).red {
            root
        } else {
            self.balance_deletion(root, Some(replacement))
        };
        if replacement == p {
            if let Some(pp) = self.n(p).parent {
                self.m(p).parent = None;
                if self.n(pp).left == Some(p) {
                    self.m(pp).left = None;
                } else if self.n(pp).right == Some(p) {
                    self.m(pp).right = None;
                }
            }
        }
        self.move_root_to_front(r);
        let entry = self.nodes[p].take().expect("live node").entry;
        (entry, Remaining::Tree(self))
    }

    fn rotate_left(&mut self, mut root: usize, p: usize) -> usize {
        let Some(r) = self.n(p).right else {
            return root;
        };
        let rl = self.n(r).left;
        self.m(p).right = rl;
        if let Some(rl) = rl {
            self.m(rl).parent = Some(p);
        }
        let pp = self.n(p).parent;
        self.m(r).parent = pp;
        match pp {
            None => {
                root = r;
                self.m(r).red = false;
            }
            Some(pp) if self.n(pp).left == Some(p) => self.m(pp).left = Some(r),
            Some(pp) => self.m(pp).right = Some(r),
        }
        self.m(r).left = Some(p);
        self.m(p).parent = Some(r);
        root
    }

    fn rotate_right(&mut self, mut root: usize, p: usize) -> usize {
        let Some(l) = self.n(p).left else {
            return root;
        };
        let lr = self.n(l).right;
        self.m(p).left = lr;
        if let Some(lr) = lr {
            self.m(lr).parent = Some(p);
        }
        let pp = self.n(p).parent;
        self.m(l).parent = pp;
        match pp {
            None => {
                root = l;
                self.m(l).red = false;
            }
            Some(pp) if self.n(pp).right == Some(p) => self.m(pp).right = Some(l),
            Some(pp) => self.m(pp).left = Some(l),
        }
        self.m(l).right = Some(p);
        self.m(p).parent = Some(l);
        root
    }

    /// `balanceInsertion` (CLR).
    fn balance_insertion(&mut self, mut root: usize, mut x: usize) -> usize {
        self.m(x).red = true;
        loop {
            let Some(mut xp) = self.n(x).parent else {
                self.m(x).red = false;
                return x;
            };
            if !self.n(xp).red {
                return root;
            }
            let Some(mut xpp) = self.n(xp).parent else {
                return root;
            };
            let xppl = self.n(xpp).left;
            if Some(xp) == xppl {
                let xppr = self.n(xpp).right;
                if self.red(xppr) {
                    let xppr = xppr.expect("red is some");
                    self.m(xppr).red = false;
                    self.m(xp).red = false;
                    self.m(xpp).red = true;
                    x = xpp;
                } else {
                    let mut xpp_opt = Some(xpp);
                    let mut xp_opt = Some(xp);
                    if self.n(xp).right == Some(x) {
                        x = xp;
                        root = self.rotate_left(root, x);
                        xp_opt = self.n(x).parent;
                        xpp_opt = xp_opt.and_then(|xp| self.n(xp).parent);
                    }
                    if let Some(xp2) = xp_opt {
                        xp = xp2;
                        self.m(xp).red = false;
                        if let Some(xpp2) = xpp_opt {
                            xpp = xpp2;
                            self.m(xpp).red = true;
                            root = self.rotate_right(root, xpp);
                        }
                    }
                }
            } else if self.red(xppl) {
                let xppl = xppl.expect("red is some");
                self.m(xppl).red = false;
                self.m(xp).red = false;
                self.m(xpp).red = true;
                x = xpp;
            } else {
                let mut xpp_opt = Some(xpp);
                let mut xp_opt = Some(xp);
                if self.n(xp).left == Some(x) {
                    x = xp;
                    root = self.rotate_right(root, x);
                    xp_opt = self.n(x).parent;
                    xpp_opt = xp_opt.and_then(|xp| self.n(xp).parent);
                }
                if let Some(xp2) = xp_opt {
                    xp = xp2;
                    self.m(xp).red = false;
                    if let Some(xpp2) = xpp_opt {
                        xpp = xpp2;
                        self.m(xpp).red = true;
                        root = self.rotate_left(root, xpp);
                    }
                }
            }
        }
    }

    /// `balanceDeletion` (CLR).
    fn balance_deletion(&mut self, mut root: usize, mut x: Option<usize>) -> usize {
        loop {
            let Some(xi) = x else { return root };
            if xi == root {
                return root;
            }
            let Some(mut xp) = self.n(xi).parent else {
                self.m(xi).red = false;
                return xi;
            };
            if self.n(xi).red {
                self.m(xi).red = false;
                return root;
            }
            let xpl = self.n(xp).left;
            if xpl == Some(xi) {
                let mut xpr = self.n(xp).right;
                let mut xp_opt = Some(xp);
                if self.red(xpr) {
                    self.m(xpr.expect("red")).red = false;
                    self.m(xp).red = true;
                    root = self.rotate_left(root, xp);
                    xp_opt = self.n(xi).parent;
                    xpr = xp_opt.and_then(|xp| self.n(xp).right);
                }
                match xpr {
                    None => x = xp_opt,
                    Some(mut s) => {
                        let (sl, sr) = (self.n(s).left, self.n(s).right);
                        if !self.red(sr) && !self.red(sl) {
                            self.m(s).red = true;
                            x = xp_opt;
                        } else {
                            let mut s_opt = Some(s);
                            if !self.red(sr) {
                                if let Some(sl) = sl {
                                    self.m(sl).red = false;
                                }
                                self.m(s).red = true;
                                root = self.rotate_right(root, s);
                                xp_opt = self.n(xi).parent;
                                s_opt = xp_opt.and_then(|xp| self.n(xp).right);
                            }
                            if let Some(s2) = s_opt {
                                s = s2;
                                self.m(s).red = xp_opt.is_some_and(|xp| self.n(xp).red);
                                if let Some(sr) = self.n(s).right {
                                    self.m(sr).red = false;
                                }
                            }
                            if let Some(xp2) = xp_opt {
                                xp = xp2;
                                self.m(xp).red = false;
                                root = self.rotate_left(root, xp);
                            }
                            x = Some(root);
                        }
                    }
                }
            } else {
                let mut xpl = xpl;
                let mut xp_opt = Some(xp);
                if self.red(xpl) {
                    self.m(xpl.expect("red")).red = false;
                    self.m(xp).red = true;
                    root = self.rotate_right(root, xp);
                    xp_opt = self.n(xi).parent;
                    xpl = xp_opt.and_then(|xp| self.n(xp).left);
                }
                match xpl {
                    None => x = xp_opt,
                    Some(mut s) => {
                        let (sl, sr) = (self.n(s).left, self.n(s).right);
                        if !self.red(sl) && !self.red(sr) {
                            self.m(s).red = true;
                            x = xp_opt;
                        } else {
                            let mut s_opt = Some(s);
                            if !self.red(sl) {
                                if let Some(sr) = sr {
                                    self.m(sr).red = false;
                                }
                                self.m(s).red = true;
                                root = self.rotate_left(root, s);
                                xp_opt = self.n(xi).parent;
                                s_opt = xp_opt.and_then(|xp| self.n(xp).left);
                            }
                            if let Some(s2) = s_opt {
                                s = s2;
                                self.m(s).red = xp_opt.is_some_and(|xp| self.n(xp).red);
                                if let Some(sl) = self.n(s).left {
                                    self.m(sl).red = false;
                                }
                            }
                            if let Some(xp2) = xp_opt {
                                xp = xp2;
                                self.m(xp).red = false;
                                root = self.rotate_right(root, xp);
                            }
                            x = Some(root);
                        }
                    }
                }
            }
        }
    }
}
