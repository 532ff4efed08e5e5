//! What the components draw from: the model's [`WorldView`] at the displayed time, the messages in flight
//! (with the partition a Produce request carries), and the event log's lines, taken once per change.
//! Props compare by revision, never by deep equality of the whole world.

use std::collections::VecDeque;
use std::rc::Rc;

use grouplab_model::event::{Event, EventKind};
use grouplab_model::timeline::is_notable;
use grouplab_model::view::WorldView;

use crate::engine::Engine;
use crate::sentences::{category, Category};

/// Worlds with at most this many partition rows are drawn whole (every entity keeps its data attributes), and
/// their snapshot copies every partition's records. Bigger ones draw the band in view: the 64 rows of the stress
/// world (27 of them meet the band at the top of a desktop window) cost 12 ms of main-thread CPU a frame drawn
/// whole, 8 ms drawn by band.
pub const DRAW_ALL_ROWS: usize = 32;
/// Records per partition kept in the snapshot (the stage shows as many as fit).
pub const RECORDS_LIMIT: usize = 40;
/// Lines kept per event-log buffer.
const LOG_LINES: usize = 300;

use grouplab_model::sim::UnseenPartitions;

/// A message on the wire (with the partition a Produce request or response carries).
pub type Flight = grouplab_model::view::MessageView;

#[derive(Clone, Debug)]
pub struct Snapshot {
    pub revision: u64,
    pub view: Rc<WorldView>,
    pub flights: Rc<Vec<Flight>>,
    pub display_ms: f64,
    pub end_ms: u64,
    pub markers: Rc<Vec<(u64, String, i32)>>,
    /// Partitions added that the clients see only at their next metadata refresh: the timeline marks when.
    pub upcoming: Option<Rc<UnseenPartitions>>,
    pub playing: bool,
    pub speed: f64,
    pub slow_motion: bool,
    pub slow_motion_active: bool,
}

impl PartialEq for Snapshot {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
    }
}

impl Snapshot {
    /// The state to draw. A world with more partition rows than the stage draws whole copies records only
    /// for the partitions `shown` names (the rows in view, the selected one): copying 40 records of 1024
    /// partitions every frame would cost more than drawing them. `spare` is an earlier snapshot's view: when
    /// nothing holds it any more, it is updated in place instead of building a new one (most of it is the same
    /// strings as a frame before).
    pub fn take(
        engine: &Engine,
        spare: Option<Rc<WorldView>>,
        shown: impl Fn(&WorldView) -> Vec<(String, u32)>,
    ) -> Snapshot {
        let t = engine.timeline();
        let sim = t.sim();
        // Counted from the cluster, so a small world builds its view once per frame, not twice.
        let rows: usize = sim
            .cluster
            .topics
            .values()
            .map(|t| t.partitions.len())
            .sum();
        let mut view = spare
            .and_then(|v| Rc::try_unwrap(v).ok())
            .unwrap_or_default();
        sim.view_into(
            &mut view,
            if rows <= DRAW_ALL_ROWS {
                RECORDS_LIMIT
            } else {
                0
            },
        );
        if rows > DRAW_ALL_ROWS {
            for (topic, partition) in shown(&view) {
                let records = sim.records_view(&topic, partition, RECORDS_LIMIT);
                if let Some(p) = view
                    .topics
                    .iter_mut()
                    .find(|t| t.name == topic)
                    .and_then(|t| t.partitions.get_mut(partition as usize))
                {
                    p.records = records;
                }
            }
        }
        let flights = view.in_flight.clone();
        Snapshot {
            revision: engine.revision(),
            view: Rc::new(view),
            flights: Rc::new(flights),
            display_ms: engine.display_ms(),
            end_ms: t.end_ms(),
            markers: Rc::new(
                t.markers()
                    .iter()
                    .map(|m| (m.time_ms, m.group_id.clone(), m.generation_id))
                    .collect(),
            ),
            upcoming: t.sim().unseen_partitions().map(Rc::new),
            playing: engine.playing,
            speed: engine.speed(),
            slow_motion: engine.slow_motion,
            slow_motion_active: engine.slow_motion_active(),
        }
    }
}

/// One event-log line: the event itself, put into words in the reader's language when drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct LogLine {
    pub seq: u64,
    pub time_ms: u64,
    pub kind: EventKind,
    pub category: Category,
}

fn line(e: &Event) -> Rc<LogLine> {
    Rc::new(LogLine {
        seq: e.seq,
        time_ms: e.time_ms,
        kind: e.kind.clone(),
        category: category(&e.kind),
    })
}

/// The event log's two buffers: notable events (joins, rebalances, crashes…) and everything (routine
/// traffic included), each the newest [`LOG_LINES`], updated incrementally. Lines are shared, so the copy the
/// event log is drawn from costs a pointer per line.
#[derive(Clone, Debug, Default)]
pub struct LogBook {
    pub revision: u64,
    pub notable: VecDeque<Rc<LogLine>>,
    pub all: VecDeque<Rc<LogLine>>,
    epoch: u64,
    last_seq: u64,
}

impl PartialEq for LogBook {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
    }
}

impl LogBook {
    /// Brings the buffers up to the engine's history; returns whether anything changed.
    pub fn update(&mut self, engine: &Engine) -> bool {
        let t = engine.timeline();
        let newest = t.events().next_back().map_or(0, |e| e.seq);
        let mut changed = false;
        if engine.epoch() != self.epoch || newest < self.last_seq {
            self.epoch = engine.epoch();
            self.notable.clear();
            self.all.clear();
            self.last_seq = 0;
            changed = true;
        }
        if newest == self.last_seq {
            if changed {
                self.revision += 1;
            }
            return changed;
        }
        let last = self.last_seq;
        let mut fresh_all: Vec<Rc<LogLine>> = t
            .events()
            .rev()
            .take_while(|e| e.seq > last)
            .take(LOG_LINES)
            .map(line)
            .collect();
        fresh_all.reverse();
        let mut fresh_notable: Vec<Rc<LogLine>> = t
            .notable_events()
            .rev()
            .take_while(|e| e.seq > last)
            .filter(|e| is_notable(&e.kind))
            .take(LOG_LINES)
            .map(line)
            .collect();
        fresh_notable.reverse();
        changed |= !fresh_all.is_empty() || !fresh_notable.is_empty();
        push_bounded(&mut self.all, fresh_all);
        push_bounded(&mut self.notable, fresh_notable);
        self.last_seq = newest.max(self.notable.back().map_or(0, |l| l.seq));
        if changed {
            self.revision += 1;
        }
        changed
    }
}

fn push_bounded(buf: &mut VecDeque<Rc<LogLine>>, lines: Vec<Rc<LogLine>>) {
    buf.extend(lines);
    while buf.len() > LOG_LINES {
        buf.pop_front();
    }
}
