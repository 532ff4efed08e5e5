//! Where everything goes on the stage, in CSS pixels (the SVG's user units are pixels, so text keeps its
//! size from a 360 px phone to a 4K screen). Wide screens get three columns (producers, topics, groups) under
//! a row of brokers; narrow screens stack them, in shorter boxes ([`Sizes`]).

use grouplab_model::collections::VecMap;

use grouplab_model::view::WorldView;

use crate::ui::palette::consumer_colour;

/// Below this width the stage stacks its columns.
pub const NARROW_BELOW: f64 = 820.0;
/// A wide stage with this many small groups or more draws them side by side under the topics
/// ([`Layout::groups_in_row`]), at most this many to a row, this far apart (the gutter their ownership lines run
/// down).
pub const GROUPS_IN_ROW_FROM: usize = 3;
pub const GROUPS_IN_ROW_MOST: usize = 4;
pub const GROUPS_IN_ROW_GAP: f64 = 20.0;
/// A member's box in a narrow group two abreast with another: its name and state, what it owns and its rate.
pub const NARROW_PAIRED_MEMBER_H: f64 = 38.0;
/// Right of the rows when the groups stand in a row: the ownership lines' way down to them.
pub const ROW_LINES_MARGIN: f64 = 24.0;
pub const PAD: f64 = 12.0;
pub const TOPIC_HEADER_H: f64 = 24.0;
pub const ROW_LABEL_W: f64 = 62.0;
pub const LAG_W: f64 = 70.0;
/// The lag column of a narrow row.
pub const NARROW_LAG_W: f64 = 58.0;
/// From one group's lag (its text and bar) to the next in a row's lag column, px.
pub const LAG_PITCH: f64 = 17.0;
/// The smallest stage text, px, in either layout (styles/app.css draws none smaller): 11 px at scale 1, so
/// the desktop's fit factor of 1.1 or more makes it 12 px; a phone draws the narrow layout at scale 1.
pub const MIN_TEXT_PX: f64 = 11.0;

/// The heights of the boxes, which the narrow (phone) layout makes shorter by putting more on a line, so the
/// default scene fits one phone screen without shrinking its text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sizes {
    /// A broker: name and state, the partitions it leads, the coordinator badge (its own line when wide,
    /// beside the leads when narrow).
    pub broker_h: f64,
    /// A producer: four lines when wide; name and rate, then client and partitioner, when narrow.
    pub producer_h: f64,
    /// A group's header: name, state badge and generation, assignor and coordinator (two lines when narrow).
    pub group_header_h: f64,
    /// A member: name and state, member id, client, what it owns and its rate; the narrow box leaves the
    /// client line to its title.
    pub member_h: f64,
    /// Between two members, and under the last one.
    pub member_gap: f64,
    /// The least height of a partition row, from one row to the next (rows with lags of several groups
    /// stack them, [`LAG_PITCH`] each, and grow).
    pub row_min_h: f64,
}

impl Sizes {
    pub const WIDE: Sizes = Sizes {
        broker_h: 62.0,
        producer_h: 72.0,
        group_header_h: 66.0,
        member_h: 64.0,
        member_gap: 8.0,
        row_min_h: 58.0,
    };
    pub const NARROW: Sizes = Sizes {
        broker_h: 40.0,
        producer_h: 40.0,
        group_header_h: 46.0,
        member_h: 52.0,
        member_gap: 6.0,
        row_min_h: 53.0,
    };

    pub fn of(narrow: bool) -> Sizes {
        if narrow {
            Sizes::NARROW
        } else {
            Sizes::WIDE
        }
    }
}

/// Digits a record cell shows in full; longer offsets show their last digits after an ellipsis.
pub const CELL_CHARS: usize = 4;
/// Advance of one character of the monospace font, in ems (DejaVu Sans Mono, Menlo and SF Mono: 0.602;
/// Consolas: 0.55), with a little to spare.
pub const MONO_EM: f64 = 0.61;

/// The size of the partition rows' monospace text (record offsets, the log-end offset, positions) and the
/// record cells sized to hold it: text never shrinks to fit (12 px on a desktop, 11 px on a phone); the cells
/// grow instead, and an offset too long for its cell shows its last digits ([`cell_label`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cells {
    /// Font size of the monospace labels, px.
    pub font: f64,
    /// Width of one of their characters, px.
    pub char_w: f64,
    /// Width of a record cell, and from one cell to the next.
    pub w: f64,
    pub pitch: f64,
    /// Room right of the cells for the `LEO n` label of the longest log-end offset drawn.
    pub leo_w: f64,
}

impl Cells {
    pub fn new(narrow: bool, max_leo: u64) -> Cells {
        // As --mono-px in styles/app.css (.stage-svg, .stage-svg.is-narrow).
        let font = if narrow { 11.0 } else { 12.0 };
        let char_w = font * MONO_EM;
        let w = (CELL_CHARS as f64 * char_w + 4.0).ceil();
        // At least four digits, so the layout does not change with every power of ten early on.
        let digits = max_leo.to_string().len().max(4);
        let leo_w = 5.0 + ((4 + digits) as f64 * char_w).ceil() + 4.0;
        Cells {
            font,
            char_w,
            w,
            pitch: w + 2.0,
            leo_w,
        }
    }

    /// Width of `text` in the monospace labels.
    pub fn text_w(&self, text: &str) -> f64 {
        text.chars().count() as f64 * self.char_w
    }
}

/// The text of a record cell: the offset when it fits, else an ellipsis and its last digits ("…990"); the
/// cell's title keeps the whole offset.
pub fn cell_label(offset: u64) -> String {
    let s = offset.to_string();
    if s.len() <= CELL_CHARS {
        s
    } else {
        format!("…{}", &s[s.len() - (CELL_CHARS - 1)..])
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn new(x: f64, y: f64, w: f64, h: f64) -> Self {
        Rect { x, y, w, h }
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
    pub fn right(&self) -> f64 {
        self.x + self.w
    }
    pub fn cx(&self) -> f64 {
        self.x + self.w / 2.0
    }
    pub fn cy(&self) -> f64 {
        self.y + self.h / 2.0
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct TopicLayout {
    pub name: String,
    pub header: Rect,
    /// (partition, row)
    pub rows: Vec<(u32, Rect)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GroupLayout {
    /// The group.id; None for consumers with manual assignment (no group).
    pub group_id: Option<String>,
    pub colour: usize,
    pub rect: Rect,
    /// (consumer name, box)
    pub members: Vec<(String, Rect)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub narrow: bool,
    /// The boxes' heights in this layout.
    pub sizes: Sizes,
    /// Members side by side in a group box (two on a narrow stage 640 px wide or more, else one).
    pub member_cols: usize,
    /// Wide, with three or more small groups: the groups stand side by side under the topics, so the same
    /// change in each (a lesson comparing protocols) is seen at one glance, instead of in a tall column.
    pub groups_in_row: bool,
    /// Record cells per partition row.
    pub cells: usize,
    /// Their size, and the size of the text in and around them.
    pub cell: Cells,
    pub brokers: Vec<(u32, Rect)>,
    pub producers: Vec<(String, Rect)>,
    pub topics: Vec<TopicLayout>,
    pub groups: Vec<GroupLayout>,
    /// group.id -> colour index, for bookmarks and lag bars.
    pub group_colours: VecMap<String, usize>,
    /// consumer name -> its index in the view's consumers (the stress world looks up 256 members for every
    /// message and line).
    consumer_at: VecMap<String, usize>,
    /// Each consumer's member box, by that index.
    member_box: Vec<Option<Rect>>,
    /// Each consumer's colour (1 … 8, palette::consumer_colour of its place in its group's box), by that index.
    member_colour: Vec<Option<usize>>,
    /// Each consumer's place among all members drawn, by that index: its ownership lines' track in the narrow
    /// layout's margin.
    member_lane: Vec<usize>,
}

/// The group ids to draw, in a stable order: the coordinator's groups, then groups only consumers know yet.
pub fn group_ids(view: &WorldView) -> Vec<String> {
    let mut ids: Vec<String> = view.groups.iter().map(|g| g.group_id.clone()).collect();
    for c in &view.consumers {
        if let Some(g) = &c.group_id {
            if !c.standalone && !ids.contains(g) {
                ids.push(g.clone());
            }
        }
    }
    ids
}

impl Layout {
    pub fn compute(view: &WorldView, width: f64) -> Layout {
        let width = width.max(320.0);
        let narrow = width < NARROW_BELOW;
        let sizes = Sizes::of(narrow);
        let ids = group_ids(view);
        let group_colours: VecMap<String, usize> =
            VecMap::from_iter(ids.iter().enumerate().map(|(i, g)| (g.clone(), i)));
        let lag_lines = ids.len().clamp(1, 3) as f64;
        let row_h = (20.0 + LAG_PITCH * lag_lines).max(sizes.row_min_h);

        // Group boxes: one per group, then one for consumers without a group.
        let mut group_members: Vec<(Option<String>, Vec<String>)> = ids
            .iter()
            .map(|g| {
                let members = view
                    .consumers
                    .iter()
                    .filter(|c| c.group_id.as_deref() == Some(g.as_str()) && !c.standalone)
                    .map(|c| c.name.clone())
                    .collect();
                (Some(g.clone()), members)
            })
            .collect();
        let standalone: Vec<String> = view
            .consumers
            .iter()
            .filter(|c| c.standalone || c.group_id.is_none())
            .map(|c| c.name.clone())
            .collect();
        if !standalone.is_empty() {
            group_members.push((None, standalone));
        }

        let max_leo = view
            .topics
            .iter()
            .flat_map(|t| t.partitions.iter())
            .map(|p| p.log_end_offset)
            .max()
            .unwrap_or(0);
        let cell = Cells::new(narrow, max_leo);
        let brokers_y = PAD;
        // Wide: room under the brokers for the messages to and from them.
        let top = brokers_y + sizes.broker_h + 34.0;
        // A phone puts a big group's members two by two, so the group and the rows it reads fit one screen
        // with a lesson's words (each box then shortens its labels with an ellipsis).
        let big_group = group_members.iter().any(|(_, m)| m.len() >= 4);
        let member_cols = if narrow && (width >= 640.0 || (big_group && width >= 340.0)) {
            2
        } else {
            1
        };
        let groups_in_row = !narrow
            && group_members.len() >= GROUPS_IN_ROW_FROM
            && group_members.iter().all(|(_, m)| m.len() <= 3);
        let mut l = Layout {
            width,
            height: 0.0,
            narrow,
            sizes,
            member_cols,
            groups_in_row,
            cells: 0,
            cell,
            brokers: Vec::new(),
            producers: Vec::new(),
            topics: Vec::new(),
            groups: Vec::new(),
            group_colours,
            consumer_at: VecMap::from_iter(
                view.consumers
                    .iter()
                    .enumerate()
                    .map(|(i, c)| (c.name.clone(), i)),
            ),
            member_box: vec![None; view.consumers.len()],
            member_colour: vec![None; view.consumers.len()],
            member_lane: vec![0; view.consumers.len()],
        };

        let (topic_x, topic_w, producers_bottom);
        if narrow {
            // Brokers across, producers across (a lone producer the whole width), topics, then groups.
            let n = view.brokers.len().max(1) as f64;
            let bw = ((width - 2.0 * PAD - (n - 1.0) * 8.0) / n).min(200.0);
            for (i, b) in view.brokers.iter().enumerate() {
                l.brokers.push((
                    b.id,
                    Rect::new(PAD + i as f64 * (bw + 8.0), brokers_y, bw, sizes.broker_h),
                ));
            }
            let cols = if view.producers.len() == 1 { 1 } else { 2 };
            let pw = if cols == 1 {
                (width - 2.0 * PAD).min(440.0)
            } else {
                ((width - 2.0 * PAD - 8.0) / 2.0).min(220.0)
            };
            let producers_y = brokers_y + sizes.broker_h + 12.0;
            let mut y = producers_y;
            for (i, p) in view.producers.iter().enumerate() {
                let col = (i % cols) as f64;
                let row = (i / cols) as f64;
                l.producers.push((
                    p.name.clone(),
                    Rect::new(
                        PAD + col * (pw + 8.0),
                        producers_y + row * (sizes.producer_h + 8.0),
                        pw,
                        sizes.producer_h,
                    ),
                ));
                y = producers_y + (row + 1.0) * (sizes.producer_h + 8.0);
            }
            producers_bottom = y;
            topic_x = PAD;
            // A margin on the right for the ownership lines.
            topic_w = width - 2.0 * PAD - 8.0;
        } else {
            let left_w = 150.0;
            let right_w = (width * 0.27).clamp(250.0, 360.0);
            topic_x = PAD + left_w + 40.0;
            // Groups in a row leave the topics the right column, less a margin for the ownership lines.
            topic_w = if groups_in_row {
                width - PAD - ROW_LINES_MARGIN - topic_x
            } else {
                width - PAD - right_w - 56.0 - topic_x
            };
            let bw = 160.0_f64.min(topic_w / view.brokers.len().max(1) as f64 - 10.0);
            let span = view.brokers.len() as f64 * (bw + 16.0) - 16.0;
            let bx0 = topic_x + (topic_w - span).max(0.0) / 2.0;
            for (i, b) in view.brokers.iter().enumerate() {
                l.brokers.push((
                    b.id,
                    Rect::new(bx0 + i as f64 * (bw + 16.0), brokers_y, bw, sizes.broker_h),
                ));
            }
            for (i, p) in view.producers.iter().enumerate() {
                l.producers.push((
                    p.name.clone(),
                    Rect::new(
                        PAD,
                        top + 24.0 + i as f64 * (sizes.producer_h + 12.0),
                        left_w,
                        sizes.producer_h,
                    ),
                ));
            }
            producers_bottom = top;
            let gx = width - PAD - right_w;
            let mut y = top;
            for (g, members) in group_members.iter().filter(|_| !groups_in_row) {
                let (rect, ms) = l.group_box(members, gx, y, right_w);
                l.groups.push(GroupLayout {
                    colour: g.as_ref().map_or(4, |g| l.group_colours[g]),
                    group_id: g.clone(),
                    rect,
                    members: ms,
                });
                y += rect.h + 14.0;
            }
        }

        // Topics and their partition rows.
        let mut y = producers_bottom;
        for t in &view.topics {
            let header = Rect::new(topic_x, y, topic_w, TOPIC_HEADER_H);
            y += TOPIC_HEADER_H;
            let rows = t
                .partitions
                .iter()
                .map(|p| {
                    let r = Rect::new(topic_x, y, topic_w, row_h - 4.0);
                    y += row_h;
                    (p.partition, r)
                })
                .collect();
            l.topics.push(TopicLayout {
                name: t.name.clone(),
                header,
                rows,
            });
            y += if narrow { 10.0 } else { 14.0 };
        }
        let lag_w = if narrow { NARROW_LAG_W } else { LAG_W };
        l.cells = (((topic_w - ROW_LABEL_W - lag_w - cell.leo_w) / cell.pitch)
            .floor()
            .max(3.0) as usize)
            .min(crate::ui::snapshot::RECORDS_LIMIT);

        let mut bottom = y;
        if narrow || groups_in_row {
            // The groups under the topics, the whole width; several small groups (three members or fewer each)
            // two abreast on a phone, so it shows two groups reading one topic on one screen, and all in one row
            // on a wide stage (under the producers too).
            let pairs = group_members.len() >= 2
                && l.member_cols == 1
                && group_members.iter().all(|(_, m)| m.len() <= 3);
            let cols = if groups_in_row {
                group_members.len().min(GROUPS_IN_ROW_MOST)
            } else if pairs {
                2
            } else {
                1
            };
            let gap = if groups_in_row {
                GROUPS_IN_ROW_GAP
            } else {
                8.0
            };
            if pairs && !groups_in_row {
                // A half-width member box has no room for a useful member id (its title and popover keep it):
                // two lines, so two groups and the rows they read fit a phone's screen with a lesson's words.
                l.sizes.member_h = NARROW_PAIRED_MEMBER_H;
            }
            let gw = (width - 2.0 * PAD - (cols as f64 - 1.0) * gap) / cols as f64;
            let mut gy = if groups_in_row {
                l.producers
                    .iter()
                    .map(|(_, r)| r.bottom() + 14.0)
                    .fold(y, f64::max)
            } else {
                y
            };
            for row in group_members.chunks(cols) {
                let mut row_h: f64 = 0.0;
                for (i, (g, members)) in row.iter().enumerate() {
                    let gx = PAD + i as f64 * (gw + gap);
                    let (rect, ms) = l.group_box(members, gx, gy, gw);
                    row_h = row_h.max(rect.h);
                    l.groups.push(GroupLayout {
                        colour: g.as_ref().map_or(4, |g| l.group_colours[g]),
                        group_id: g.clone(),
                        rect,
                        members: ms,
                    });
                }
                gy += row_h + 12.0;
            }
            bottom = gy;
        }
        for g in &l.groups {
            bottom = bottom.max(g.rect.bottom() + PAD);
        }
        for (_, p) in &l.producers {
            bottom = bottom.max(p.bottom() + PAD);
        }
        l.height = bottom.max(top + 40.0);
        let mut lane = 0;
        for g in &l.groups {
            for (order, (c, r)) in g.members.iter().enumerate() {
                if let Some(&i) = l.consumer_at.get(c) {
                    l.member_box[i] = Some(*r);
                    l.member_colour[i] = Some(consumer_colour(order));
                    l.member_lane[i] = lane;
                }
                lane += 1;
            }
        }
        l
    }

    /// A group's box at (x, y), `w` wide, and its members' boxes: the header, then the members in
    /// `member_cols` columns, `member_gap` apart and under the last.
    fn group_box(&self, members: &[String], x: f64, y: f64, w: f64) -> (Rect, Vec<(String, Rect)>) {
        let s = self.sizes;
        let cols = self.member_cols;
        let mw = (w - 20.0 - (cols as f64 - 1.0) * 8.0) / cols as f64;
        let rows = members.len().div_ceil(cols) as f64;
        let h = s.group_header_h + rows * (s.member_h + s.member_gap);
        let ms = members
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let c = (i % cols) as f64;
                let r = (i / cols) as f64;
                (
                    m.clone(),
                    Rect::new(
                        x + 10.0 + c * (mw + 8.0),
                        y + s.group_header_h + r * (s.member_h + s.member_gap),
                        mw,
                        s.member_h,
                    ),
                )
            })
            .collect();
        (Rect::new(x, y, w, h), ms)
    }

    pub fn broker(&self, id: u32) -> Option<Rect> {
        self.brokers.iter().find(|(b, _)| *b == id).map(|(_, r)| *r)
    }

    pub fn producer(&self, name: &str) -> Option<Rect> {
        self.producers
            .iter()
            .find(|(p, _)| p == name)
            .map(|(_, r)| *r)
    }

    /// The index of the consumer named so in the view the layout was computed from.
    pub fn consumer_index(&self, name: &str) -> Option<usize> {
        self.consumer_at.get(name).copied()
    }

    pub fn member(&self, consumer: &str) -> Option<Rect> {
        self.member_box[self.consumer_index(consumer)?]
    }

    /// The colour (1 … 8) of the consumer at `index` in the view: its place among its group's members.
    pub fn colour_at(&self, index: usize) -> Option<usize> {
        self.member_colour.get(index).copied().flatten()
    }

    /// Where the row of `tp` is: (topic, row) indices into `topics`.
    pub fn row_at(&self, tp: &str) -> Option<(usize, usize)> {
        let (topic, p) = tp.rsplit_once('/')?;
        let p: u32 = p.parse().ok()?;
        let t = self.topics.iter().position(|t| t.name == topic)?;
        let rows = &self.topics[t].rows;
        // Rows are in partition order, so partition p is row p.
        let r = match rows.get(p as usize) {
            Some((q, _)) if *q == p => p as usize,
            _ => rows.iter().position(|(q, _)| *q == p)?,
        };
        Some((t, r))
    }

    pub fn row(&self, tp: &str) -> Option<Rect> {
        let (t, r) = self.row_at(tp)?;
        Some(self.topics[t].rows[r].1)
    }

    /// Where a message to or from a broker starts and ends.
    pub fn broker_anchor(&self, id: u32) -> Option<(f64, f64)> {
        self.broker(id).map(|r| (r.cx(), r.bottom()))
    }

    pub fn producer_anchor(&self, name: &str) -> Option<(f64, f64)> {
        self.producer(name).map(|r| {
            if self.narrow {
                (r.cx(), r.y)
            } else {
                (r.right(), r.cy())
            }
        })
    }

    pub fn member_anchor(&self, consumer: &str) -> Option<(f64, f64)> {
        self.member(consumer).map(|r| self.member_anchor_at(r))
    }

    /// Where messages and ownership lines meet the member in box `r`.
    pub fn member_anchor_at(&self, r: Rect) -> (f64, f64) {
        if self.narrow {
            (r.cx(), r.y)
        } else {
            (r.x, r.cy())
        }
    }

    /// Where the next record of a partition lands: its log-end offset, right of the newest cell.
    pub fn row_tail(&self, tp: &str) -> Option<(f64, f64)> {
        self.row(tp).map(|r| {
            (
                r.x + ROW_LABEL_W + self.cells as f64 * self.cell.pitch,
                r.y + 25.0,
            )
        })
    }

    /// Where an ownership line meets a partition row (its right end).
    pub fn row_anchor(&self, tp: &str) -> Option<(f64, f64)> {
        self.row(tp).map(|r| (r.right(), r.y + 26.0))
    }

    /// Groups in a row: from the row's right end into the margin, down to the space above the groups, along it
    /// to the gutter right of the member's group, down the gutter and into the member's right side; `lane` keeps
    /// neighbours' lines 3 px apart in the margin and the gutter.
    fn own_path_to_row(
        &self,
        rx: f64,
        ry: f64,
        m: Rect,
        lane: usize,
    ) -> Option<(String, f64, f64)> {
        use super::activate::px;
        let g = self
            .groups
            .iter()
            .find(|g| g.rect.x <= m.x && m.right() <= g.rect.right())?;
        let groups_top = self
            .groups
            .iter()
            .map(|g| g.rect.y)
            .fold(f64::INFINITY, f64::min);
        let track = 3.0 * (lane % 5) as f64;
        let margin = self.width - PAD - ROW_LINES_MARGIN + 6.0 + track;
        let above = groups_top - 6.0 - track;
        let gutter = (g.rect.right() + 4.0 + track).min(self.width - 2.0);
        let my = m.y + 18.0;
        let d = format!(
            "M{} {}H{}V{}H{}V{}H{}",
            px(rx),
            px(ry),
            px(margin),
            px(above),
            px(gutter),
            px(my),
            px(m.right())
        );
        Some((d, ry.min(my), ry.max(my)))
    }

    /// The ownership line from the row of `tp` to the member in box `m`, as SVG path data, with the top and
    /// bottom of the band it stays in. Wide: a curve from the row's right end to the member's left side.
    /// Narrow: down the right margin, then into the member's right side (one column of members) or, with two
    /// columns, along the gap above the member and down into its top, so no line runs under another box. The
    /// member at `index` in the view has a track of its own in the margin (five tracks 3 px apart, by its place
    /// among the members drawn), so neighbours' lines, even of the same colour in two groups, do not cover each
    /// other there.
    pub fn own_path(&self, tp: &str, index: usize) -> Option<(String, f64, f64)> {
        let m = self.member_box.get(index).copied().flatten()?;
        let lane = self.member_lane[index];
        use super::activate::px;
        let (rx, ry) = self.row_anchor(tp)?;
        if self.groups_in_row {
            return self.own_path_to_row(rx, ry, m, lane);
        }
        if !self.narrow {
            let (mx, my) = (m.x, m.cy());
            let dx = (mx - rx) / 2.0;
            let d = format!(
                "M{} {}C{} {} {} {} {} {}",
                px(rx),
                px(ry),
                px(rx + dx),
                px(ry),
                px(mx - dx),
                px(my),
                px(mx),
                px(my)
            );
            return Some((d, ry.min(my), ry.max(my)));
        }
        let margin = self.width - 4.0 - 3.0 * (lane % 5) as f64;
        if self.member_cols == 1 {
            let my = m.y + 18.0;
            let d = format!(
                "M{} {}H{}V{}H{}",
                px(rx),
                px(ry),
                px(margin),
                px(my),
                px(m.right())
            );
            Some((d, ry.min(my), ry.max(my)))
        } else {
            let gap_y = m.y - self.sizes.member_gap / 2.0;
            let d = format!(
                "M{} {}H{}V{}H{}V{}",
                px(rx),
                px(ry),
                px(margin),
                px(gap_y),
                px(m.cx()),
                px(m.y)
            );
            Some((d, ry.min(gap_y), ry.max(m.y)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use grouplab_model::command::Command;
    use grouplab_model::scenario::Scenario;

    #[test]
    fn course_notes_fits_phone_and_desktop() {
        let mut t = Scenario::course_notes().build().unwrap();
        t.advance_to(10_000);
        let v = t.sim().view(40);
        for w in [360.0, 390.0, 1024.0, 1440.0, 3840.0] {
            let l = Layout::compute(&v, w);
            assert!(l.height > 0.0);
            assert_eq!(l.topics[0].rows.len(), 4);
            assert!(l.member("consumer1").is_some(), "{w}");
            for (_, r) in &l.topics[0].rows {
                assert!(r.right() <= w, "{w}");
            }
            for g in &l.groups {
                assert!(g.rect.right() <= w, "{w}");
            }
            assert!(l.cells >= 3);
        }
    }

    /// Every box the layout places that must not meet another: brokers, producers, topic headers, partition
    /// rows, group headers and members, each with its name.
    fn boxes(l: &Layout) -> Vec<(String, Rect)> {
        let mut out: Vec<(String, Rect)> = Vec::new();
        out.extend(l.brokers.iter().map(|(b, r)| (format!("broker {b}"), *r)));
        out.extend(
            l.producers
                .iter()
                .map(|(p, r)| (format!("producer {p}"), *r)),
        );
        for t in &l.topics {
            out.push((format!("topic {}", t.name), t.header));
            out.extend(
                t.rows
                    .iter()
                    .map(|(p, r)| (format!("row {}/{p}", t.name), *r)),
            );
        }
        for g in &l.groups {
            let r = g.rect;
            let header = Rect::new(r.x, r.y, r.w, l.sizes.group_header_h);
            out.push((format!("group {:?}", g.group_id), header));
            out.extend(g.members.iter().map(|(m, r)| (format!("member {m}"), *r)));
        }
        out
    }

    fn meet(a: &Rect, b: &Rect) -> bool {
        a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom()
    }

    /// The default scene (brokers, a producer, four partitions, a group of two) on a 360 px phone, drawn at
    /// scale 1: the whole of it on the first screen of a 360×740 phone, under a one-line header and the
    /// controls, no box meeting another and all of them inside the stage.
    #[test]
    fn the_default_scene_fits_a_phone_screen() {
        let mut t = Scenario::course_notes().build().unwrap();
        for at in [3_000, 10_000] {
            t.advance_to(at);
            let v = t.sim().view(40);
            for w in [360.0, 390.0] {
                let l = Layout::compute(&v, w);
                assert!(l.narrow);
                assert_eq!(l.groups[0].members.len(), 2);
                assert!(l.height <= 540.0, "{w} px at {at} ms: {} px tall", l.height);
                let boxes = boxes(&l);
                for (i, (a, ra)) in boxes.iter().enumerate() {
                    assert!(
                        ra.x >= 0.0 && ra.right() <= w,
                        "{a} {ra:?} leaves the stage"
                    );
                    assert!(
                        ra.y >= 0.0 && ra.bottom() <= l.height,
                        "{a} {ra:?} leaves the stage"
                    );
                    for (b, rb) in &boxes[i + 1..] {
                        assert!(!meet(ra, rb), "{w} px: {a} {ra:?} meets {b} {rb:?}");
                    }
                }
                // Members inside their group's box, under its header.
                for g in &l.groups {
                    for (m, r) in &g.members {
                        assert!(r.x >= g.rect.x && r.right() <= g.rect.right(), "{m}");
                        assert!(
                            r.y >= g.rect.y + l.sizes.group_header_h
                                && r.bottom() <= g.rect.bottom(),
                            "{m}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn boxes_never_meet_wide_or_with_many_members() {
        let mut t = Scenario::course_notes().build().unwrap();
        t.advance_to(2_000);
        for i in 3..=6 {
            t.apply(Command::AddConsumer {
                name: Some(format!("consumer{i}")),
                profile: grouplab_model::config::ClientProfile::Java,
                config: grouplab_model::config::ConsumerConfig {
                    group_id: Some("order-consumer-group".into()),
                    ..Default::default()
                },
                topics: vec!["test-topic".into()],
                assign: None,
                records_per_sec: None,
            })
            .unwrap();
        }
        t.advance_to(10_000);
        let v = t.sim().view(40);
        for w in [360.0, 700.0, 1024.0, 1280.0, 1440.0] {
            let l = Layout::compute(&v, w);
            let boxes = boxes(&l);
            for (i, (a, ra)) in boxes.iter().enumerate() {
                assert!(
                    ra.right() <= w && ra.bottom() <= l.height,
                    "{w}: {a} {ra:?}"
                );
                for (b, rb) in &boxes[i + 1..] {
                    assert!(!meet(ra, rb), "{w} px: {a} {ra:?} meets {b} {rb:?}");
                }
            }
        }
    }

    fn colour_of(l: &Layout, consumer: &str) -> Option<usize> {
        l.colour_at(l.consumer_index(consumer)?)
    }

    /// Members 1, 2, 3… of a group take colours 1, 2, 3…: distinct within a group, and a consumer keeps its
    /// colour when a member joins after it or another group appears.
    #[test]
    fn each_member_of_a_group_has_its_own_colour() {
        let mut t = Scenario::course_notes().build().unwrap();
        t.advance_to(10_000);
        let l = Layout::compute(&t.sim().view(40), 1280.0);
        assert_eq!(colour_of(&l, "consumer1"), Some(1));
        assert_eq!(colour_of(&l, "consumer2"), Some(2));
        let add = |name: &str, group: &str| Command::AddConsumer {
            name: Some(name.into()),
            profile: grouplab_model::config::ClientProfile::Java,
            config: grouplab_model::config::ConsumerConfig {
                group_id: Some(group.into()),
                ..Default::default()
            },
            topics: vec!["test-topic".into()],
            assign: None,
            records_per_sec: None,
        };
        t.apply(add("billing1", "billing")).unwrap();
        t.apply(add("consumer3", "order-consumer-group")).unwrap();
        t.advance_to(20_000);
        let v = t.sim().view(40);
        for w in [360.0, 1280.0] {
            let l = Layout::compute(&v, w);
            assert_eq!(colour_of(&l, "consumer1"), Some(1));
            assert_eq!(colour_of(&l, "consumer2"), Some(2));
            assert_eq!(colour_of(&l, "consumer3"), Some(3));
            assert_eq!(colour_of(&l, "billing1"), Some(1));
            for g in &l.groups {
                let mut colours: Vec<usize> = g
                    .members
                    .iter()
                    .filter_map(|(m, _)| colour_of(&l, m))
                    .collect();
                assert_eq!(colours.len(), g.members.len());
                colours.sort_unstable();
                colours.dedup();
                assert_eq!(colours.len(), g.members.len(), "{:?}", g.group_id);
            }
        }
    }

    #[test]
    fn offsets_fit_their_cells_and_the_row() {
        assert_eq!(cell_label(7), "7");
        assert_eq!(cell_label(2880), "2880");
        assert_eq!(cell_label(28_800), "…800");
        assert_eq!(cell_label(9_999_999_990), "…990");
        let mut t = Scenario::course_notes().build().unwrap();
        t.advance_to(1_000);
        t.apply(Command::CreateTopic {
            topic: "imported".into(),
            partitions: 1,
            replication_factor: None,
        })
        .unwrap();
        t.apply(Command::SeedPartition {
            topic: "imported".into(),
            partition: 0,
            log_start_offset: 9_999_999_990,
            log_end_offset: 9_999_999_990,
        })
        .unwrap();
        let v = t.sim().view(40);
        for (w, narrow) in [(360.0, true), (1280.0, false), (3840.0, false)] {
            let l = Layout::compute(&v, w);
            let c = l.cell;
            assert_eq!(l.narrow, narrow);
            assert!(c.font >= if narrow { 11.0 } else { 12.0 });
            // The longest label inside its cell, with a pixel to spare on each side.
            assert!(c.text_w("…990") <= c.w - 2.0, "{w}: {c:?}");
            assert!(c.text_w("9999") <= c.w - 2.0, "{w}: {c:?}");
            let lag_w = if narrow { NARROW_LAG_W } else { LAG_W };
            for (_, r) in &l.topics[1].rows {
                let cells_right = r.x + ROW_LABEL_W + l.cells as f64 * c.pitch;
                let leo_end = cells_right + 5.0 + c.text_w("LEO 9999999990");
                assert!(
                    leo_end <= r.right() - lag_w,
                    "{w}: LEO label ends at {leo_end}, row {r:?}"
                );
            }
        }
    }
}
