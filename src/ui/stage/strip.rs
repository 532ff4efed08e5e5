//! Which offsets a partition row draws in its slots of record cells: the newest cells up to the log-end offset
//! and, when a committed offset or a position lies further back than those cells reach, the cells from the
//! oldest of them on the left, then a gap standing for the records between. Every mark then sits at its true
//! place: on the left edge of its offset's cell, or inside the gap in proportion to how far into it it is.

use std::ops::Range;

/// Slots a gap takes: room for its label ("… 37 records …" in the wide layout, "… 37 …" in the narrow one).
pub fn gap_slots(narrow: bool) -> usize {
    if narrow {
        2
    } else {
        3
    }
}

/// The offsets a row draws, left to right: `left` cells, then the `gap` (its offsets not drawn one by one, in
/// `gap_slots` slots), then `right` cells ending at the log-end offset.
#[derive(Clone, Debug, PartialEq)]
pub struct Strip {
    pub left: Range<u64>,
    pub gap: Range<u64>,
    pub gap_slots: usize,
    pub right: Range<u64>,
}

impl Strip {
    /// The row's slots for a log from `log_start` to `leo` with marks at `marks`: the newest `slots` offsets
    /// while every mark is among them (or at the log-end offset); else as many of the marks as fit on the left
    /// (from the oldest one), a gap, and the newest offsets on the right, at least one.
    pub fn plan(slots: usize, gap_slots: usize, log_start: u64, leo: u64, marks: &[u64]) -> Strip {
        let newest = leo.saturating_sub(slots as u64).max(log_start)..leo;
        let oldest = marks.iter().copied().filter(|&m| m <= leo).min();
        let Some(oldest) = oldest.filter(|&m| m < newest.start && slots > gap_slots + 1) else {
            return Strip {
                left: newest.start..newest.start,
                gap: newest.start..newest.start,
                gap_slots: 0,
                right: newest,
            };
        };
        let room = (slots - gap_slots) as u64;
        // Left cells from the oldest mark: as few as leave the fewest marks inside the gap (or on its left
        // edge, where the mark's own record would not show), then the most newest cells on the right.
        let in_gap = |left: u64| {
            let (gap_from, gap_to) = (oldest + left, leo - (room - left));
            marks
                .iter()
                .filter(|&&m| m >= gap_from && m < gap_to)
                .count()
        };
        let left = (1..room).min_by_key(|&l| (in_gap(l), l)).unwrap_or(1);
        let right = room - left;
        Strip {
            left: oldest..oldest + left,
            gap: oldest + left..leo - right,
            gap_slots,
            right: leo - right..leo,
        }
    }

    /// Where `offset` is, in slots from the row's first cell: the left edge of its cell, a point inside the gap,
    /// or the right end (the log-end offset). Offsets before the first cell sit at the first cell.
    pub fn slot_of(&self, offset: u64) -> f64 {
        let left = (self.left.end - self.left.start) as f64;
        if offset < self.left.end {
            return offset.saturating_sub(self.left.start) as f64;
        }
        if offset < self.gap.end {
            let into = (offset - self.gap.start) as f64 / (self.gap.end - self.gap.start) as f64;
            return left + into * self.gap_slots as f64;
        }
        left + self.gap_slots as f64 + offset.saturating_sub(self.right.start) as f64
    }

    pub fn has_gap(&self) -> bool {
        !self.gap.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_among_the_newest_cells_need_no_gap() {
        let s = Strip::plan(12, 3, 0, 100, &[95, 100]);
        assert_eq!(s.right, 88..100);
        assert!(!s.has_gap());
        assert_eq!(s.slot_of(95), 7.0);
        assert_eq!(s.slot_of(100), 12.0);
        // A short log: its cells from the log start.
        let s = Strip::plan(12, 3, 0, 5, &[0]);
        assert_eq!(s.right, 0..5);
        assert_eq!(s.slot_of(0), 0.0);
    }

    #[test]
    fn a_mark_far_back_opens_a_gap_after_its_cell() {
        // Committed 60, position 63, log-end 100: cells 60…65, a gap for 66…96, cells 97…99.
        let s = Strip::plan(12, 3, 0, 100, &[60, 63]);
        assert_eq!(s.left.start, 60);
        assert!(s.left.contains(&63));
        assert_eq!(s.gap.start, s.left.end);
        assert_eq!(s.gap.end, s.right.start);
        assert_eq!(s.right.end, 100);
        assert_eq!(
            (s.left.end - s.left.start) as usize + 3 + (s.right.end - s.right.start) as usize,
            12
        );
        assert_eq!(s.slot_of(60), 0.0);
        assert_eq!(s.slot_of(63), 3.0);
        assert_eq!(s.slot_of(100), 12.0);
        // Inside the gap: between its edges, in proportion.
        let mid = (s.gap.start + s.gap.end) / 2;
        let x = s.slot_of(mid);
        let left = (s.left.end - s.left.start) as f64;
        assert!(x > left && x < left + 3.0, "{x}");
    }

    #[test]
    fn the_phone_keeps_a_cell_each_side() {
        let s = Strip::plan(4, 2, 0, 500, &[3, 499]);
        assert_eq!(s.left, 3..4);
        assert_eq!(s.gap, 4..499);
        assert_eq!(s.right, 499..500);
        assert_eq!(s.slot_of(3), 0.0);
        assert_eq!(s.slot_of(499), 3.0);
        assert_eq!(s.slot_of(500), 4.0);
        // Too few slots for a gap: the newest cells.
        let s = Strip::plan(3, 2, 0, 500, &[3]);
        assert!(!s.has_gap());
    }

    #[test]
    fn marks_left_in_the_gap_are_few_and_ordered() {
        // Three groups: 10, 12 and 90 on a log ending at 100; both old marks on the left, 90 in the gap or
        // right of it, and the slots keep the marks' order.
        let marks = [10, 12, 90];
        let s = Strip::plan(12, 3, 0, 100, &marks);
        assert_eq!(s.left.start, 10);
        assert!(s.left.contains(&12));
        let xs: Vec<f64> = marks.iter().map(|&m| s.slot_of(m)).collect();
        assert!(xs.windows(2).all(|w| w[0] < w[1]), "{xs:?}");
    }
}
