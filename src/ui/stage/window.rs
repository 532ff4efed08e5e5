//! Drawing only what can be seen: with many partitions (the stress world has 1024 rows and 256 members), the
//! stage draws the rows, members, ownership lines and messages inside the visible band of the stage (plus a
//! screen of margin above and below), so a frame costs what is on screen, not what exists.

use grouplab_model::view::WorldView;

use super::layout::Layout;

pub use crate::ui::snapshot::DRAW_ALL_ROWS;

/// The partitions whose rows meet `band` at this `width`, and `also` (the selected one).
pub fn shown_partitions(
    view: &WorldView,
    width: f64,
    band: Band,
    also: Option<&str>,
) -> Vec<(String, u32)> {
    let l = Layout::compute(view, width);
    let mut out: Vec<(String, u32)> = l
        .topics
        .iter()
        .flat_map(|t| t.rows.iter().map(move |(p, r)| (t, *p, r)))
        .filter(|(_, _, r)| band.meets(r.y, r.h))
        .map(|(t, p, _)| (t.name.clone(), p))
        .collect();
    out.extend(also.and_then(split));
    out
}

fn split(tp: &str) -> Option<(String, u32)> {
    let (t, p) = tp.rsplit_once('/')?;
    Some((t.to_string(), p.parse().ok()?))
}

/// A vertical band of the stage, in layout units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    pub top: f64,
    pub bottom: f64,
}

impl Band {
    pub const ALL: Band = Band {
        top: f64::NEG_INFINITY,
        bottom: f64::INFINITY,
    };

    /// Whether `[y, y + h]` meets the band.
    pub fn meets(&self, y: f64, h: f64) -> bool {
        y + h >= self.top && y <= self.bottom
    }

    /// The band seen through a scroll container whose top edge is at `wrap_top` in the window (negative when
    /// scrolled past), scrolled by `scroll_top`, `wrap_height` tall, in a window `window_height` tall, at
    /// `zoom`; widened by one window height on both sides, so scrolling a little redraws nothing.
    pub fn visible(
        wrap_top: f64,
        scroll_top: f64,
        wrap_height: f64,
        window_height: f64,
        zoom: f64,
    ) -> Band {
        let from = (-wrap_top).max(0.0) + scroll_top;
        let seen = (window_height - wrap_top.max(0.0))
            .min(wrap_height)
            .max(0.0);
        let z = zoom.max(0.01);
        Band {
            top: (from - window_height) / z,
            bottom: (from + seen + window_height) / z,
        }
    }

    /// The part of the segment from `(x1, y1)` to `(x2, y2)` inside the band, as its two ends and the
    /// distance from `(x1, y1)` to the first (for the dash pattern to stay in step); None if none of it is.
    pub fn clip(
        &self,
        (x1, y1, x2, y2): (f64, f64, f64, f64),
    ) -> Option<((f64, f64, f64, f64), f64)> {
        if !self.meets(y1.min(y2), (y1 - y2).abs()) {
            return None;
        }
        if y1 == y2 || (self.meets(y1, 0.0) && self.meets(y2, 0.0)) {
            return Some(((x1, y1, x2, y2), 0.0));
        }
        let at = |y: f64| (y - y1) / (y2 - y1);
        let (a, b) = (at(self.top), at(self.bottom));
        let (from, to) = (a.min(b).max(0.0), a.max(b).min(1.0));
        let point = |t: f64| (x1 + (x2 - x1) * t, y1 + (y2 - y1) * t);
        let ((ax, ay), (bx, by)) = (point(from), point(to));
        Some(((ax, ay, bx, by), from * (x2 - x1).hypot(y2 - y1)))
    }

    /// Whether redrawing for `now` is needed: the seen part has left the margin this band was drawn with.
    pub fn outgrown_by(&self, now: &Band, window_height: f64) -> bool {
        let inner_top = now.top + window_height;
        let inner_bottom = now.bottom - window_height;
        inner_top < self.top || inner_bottom > self.bottom
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_band_follows_the_scroll_with_a_margin() {
        // The stage starts 400 px down the window, which is 900 px tall: 0..500 of it is seen, plus 900 either way.
        let b = Band::visible(400.0, 0.0, 60_000.0, 900.0, 1.0);
        assert_eq!((b.top, b.bottom), (-900.0, 1400.0));
        assert!(b.meets(1300.0, 50.0) && !b.meets(1500.0, 50.0));
        // Scrolled 10 000 px down the page: the stage's top is far above the window.
        let b = Band::visible(-9_600.0, 0.0, 60_000.0, 900.0, 1.0);
        assert_eq!((b.top, b.bottom), (8_700.0, 11_400.0));
        // At 50% zoom the same screen shows twice the layout.
        let b = Band::visible(0.0, 0.0, 60_000.0, 900.0, 0.5);
        assert_eq!((b.top, b.bottom), (-1_800.0, 3_600.0));
    }

    #[test]
    fn segments_are_cut_to_the_band() {
        let b = Band {
            top: 0.0,
            bottom: 100.0,
        };
        // Inside: untouched.
        assert_eq!(
            b.clip((0.0, 10.0, 50.0, 90.0)),
            Some(((0.0, 10.0, 50.0, 90.0), 0.0))
        );
        // Outside: nothing.
        assert_eq!(b.clip((0.0, 200.0, 50.0, 300.0)), None);
        // From far below up into the band: cut at its bottom edge, 400 along the way.
        let ((x1, y1, x2, y2), from) = b.clip((0.0, 500.0, 0.0, 50.0)).unwrap();
        assert_eq!((x1, y1, x2, y2, from), (0.0, 100.0, 0.0, 50.0, 400.0));
        // Across the whole band, slanted (3-4-5): both ends cut.
        let ((x1, y1, x2, y2), from) = b.clip((0.0, -400.0, 600.0, 400.0)).unwrap();
        assert_eq!((x1, y1, x2, y2), (300.0, 0.0, 375.0, 100.0));
        assert!((from - 500.0).abs() < 1e-9);
        assert_eq!(
            Band::ALL.clip((0.0, -1e6, 0.0, 1e6)),
            Some(((0.0, -1e6, 0.0, 1e6), 0.0))
        );
    }

    #[test]
    fn small_scrolls_need_no_redraw() {
        let drawn = Band::visible(0.0, 0.0, 60_000.0, 900.0, 1.0);
        assert!(!drawn.outgrown_by(&Band::visible(-300.0, 0.0, 60_000.0, 900.0, 1.0), 900.0));
        assert!(drawn.outgrown_by(&Band::visible(-1_200.0, 0.0, 60_000.0, 900.0, 1.0), 900.0));
        assert!(!Band::ALL.outgrown_by(&drawn, 900.0));
    }
}
