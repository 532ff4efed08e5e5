//! Time travel: the command log, checkpoints of the world, seeking, and forking the history when the user acts
//! in the past (as RaftScope does). Same seed + same command log = same history.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use crate::command::Command;
use crate::config::ClusterConfig;
use crate::error::ModelError;
use crate::event::{Event, EventKind};
use crate::sim::commands::Applied;
use crate::sim::Sim;

/// A command and the simulated time it was applied at.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LoggedCommand {
    pub at_ms: u64,
    pub command: Command,
}

/// Something worth a mark on the timeline scrubber.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Marker {
    pub time_ms: u64,
    pub seq: u64,
    pub group_id: String,
    pub generation_id: i32,
}

const BASE_CHECKPOINT_MS: u64 = 1_000;
const MAX_CHECKPOINTS: usize = 256;
const MIN_CHECKPOINTS: usize = 16;
/// Records all checkpoints may hold together (each checkpoint copies every partition's retained records):
/// a big world keeps fewer, sparser checkpoints instead of growing without bound.
const CHECKPOINT_RECORD_BUDGET: usize = 4_000_000;
const MAX_EVENTS: usize = 20_000;
const MAX_NOTABLE_EVENTS: usize = 50_000;

#[derive(Clone, Debug)]
pub struct Timeline {
    seed: u64,
    config: ClusterConfig,
    log: Vec<LoggedCommand>,
    /// How many log entries the current world has applied.
    applied: usize,
    sim: Sim,
    /// (log entries applied, world) at increasing times; the first is the empty world at 0.
    checkpoints: Vec<(usize, Sim)>,
    checkpoint_every_ms: u64,
    events: VecDeque<Event>,
    /// Notable events only (not routine traffic), kept much longer than `events`.
    notable: VecDeque<Event>,
    markers: Vec<Marker>,
    /// The furthest time this history has reached.
    end_ms: u64,
}

impl Timeline {
    pub fn new(seed: u64, config: ClusterConfig) -> Self {
        let sim = Sim::new(seed, config.clone());
        Timeline {
            seed,
            config,
            log: Vec::new(),
            applied: 0,
            checkpoints: vec![(0, sim.clone())],
            sim,
            checkpoint_every_ms: BASE_CHECKPOINT_MS,
            events: VecDeque::new(),
            notable: VecDeque::new(),
            markers: Vec::new(),
            end_ms: 0,
        }
    }

    pub fn sim(&self) -> &Sim {
        &self.sim
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    pub fn config(&self) -> &ClusterConfig {
        &self.config
    }

    pub fn now(&self) -> u64 {
        self.sim.now()
    }

    pub fn end_ms(&self) -> u64 {
        self.end_ms.max(self.sim.now())
    }

    pub fn log(&self) -> &[LoggedCommand] {
        &self.log
    }

    /// Recent events up to now, oldest first (bounded).
    pub fn events(&self) -> impl DoubleEndedIterator<Item = &Event> + ExactSizeIterator {
        self.events.iter()
    }

    /// Recent notable events up to now (joins, rebalances, revocations, crashes...), oldest first (bounded,
    /// but far longer than `events`, which routine traffic fills quickly).
    pub fn notable_events(&self) -> impl DoubleEndedIterator<Item = &Event> + ExactSizeIterator {
        self.notable.iter()
    }

    /// Checkpoints held for seeking back.
    pub fn checkpoint_count(&self) -> usize {
        self.checkpoints.len()
    }

    pub fn markers(&self) -> &[Marker] {
        &self.markers
    }

    /// Applies a command now. Acting in the past forks: the future after now is dropped.
    pub fn apply(&mut self, command: Command) -> Result<Applied, ModelError> {
        let now = self.sim.now();
        // The model refuses a command before changing anything (Sim::apply validates first), so the future is
        // dropped only for a command it takes: a refused one leaves the history as it was.
        let applied = self.sim.apply(command.clone())?;
        if self.applied < self.log.len() || self.end_ms > now {
            self.fork_at_now();
        }
        let command = with_picked_name(command, applied.name.as_deref());
        self.log.push(LoggedCommand {
            at_ms: now,
            command,
        });
        self.applied = self.log.len();
        self.collect_events();
        Ok(applied)
    }

    fn fork_at_now(&mut self) {
        let now = self.sim.now();
        self.log.truncate(self.applied);
        self.checkpoints
            .retain(|(applied, sim)| sim.now() <= now && *applied <= self.applied);
        self.markers.retain(|m| m.time_ms <= now);
        self.end_ms = now;
    }

    /// Runs forward to `t`, replaying logged commands on the way and taking checkpoints.
    pub fn advance_to(&mut self, t: u64) {
        loop {
            let next_cmd = self
                .log
                .get(self.applied)
                .map(|c| c.at_ms)
                .filter(|&at| at <= t);
            let last_cp = self.checkpoints.last().map_or(0, |(_, s)| s.now());
            let next_cp = last_cp + self.checkpoint_every_ms;
            let target = next_cmd
                .unwrap_or(t)
                .min(t)
                .min(next_cp.max(self.sim.now()));
            self.sim.advance_to(target);
            self.collect_events();
            if self.sim.now() >= next_cp {
                self.push_checkpoint();
            }
            if let Some(at) = next_cmd {
                if self.sim.now() >= at {
                    let command = self.log[self.applied].command.clone();
                    // A logged command succeeded when it was first applied, and the world is the same again.
                    let _ = self.sim.apply(command);
                    self.applied += 1;
                    self.collect_events();
                    continue;
                }
            }
            if self.sim.now() >= t {
                break;
            }
        }
        self.end_ms = self.end_ms.max(t);
    }

    pub fn advance_by(&mut self, ms: u64) {
        self.advance_to(self.sim.now().saturating_add(ms));
    }

    /// Moves to `t` (backward: restore the last checkpoint at or before `t`, then replay).
    pub fn seek(&mut self, t: u64) {
        if t >= self.sim.now() {
            self.advance_to(t);
            return;
        }
        let i = self
            .checkpoints
            .iter()
            .rposition(|(_, s)| s.now() <= t)
            .unwrap_or(0);
        let (applied, sim) = self.checkpoints[i].clone();
        self.sim = sim;
        self.applied = applied;
        // Events after the checkpoint will be emitted again with the same sequence numbers.
        let keep_until = self.sim.now();
        while self.events.back().is_some_and(|e| e.time_ms > keep_until) {
            self.events.pop_back();
        }
        while self.notable.back().is_some_and(|e| e.time_ms > keep_until) {
            self.notable.pop_back();
        }
        let _ = self.sim.take_events();
        self.advance_to(t);
    }

    /// Runs until something other than routine traffic happens (or `limit_ms` passes): "step forward".
    pub fn step_forward(&mut self, limit_ms: u64) -> u64 {
        let start = self.sim.now();
        let seen = self.events.back().map_or(0, |e| e.seq);
        let deadline = start.saturating_add(limit_ms);
        while self.sim.now() < deadline {
            let next = self
                .sim
                .next_wake_ms()
                .unwrap_or(deadline)
                .clamp(self.sim.now() + 1, deadline);
            self.advance_to(next);
            if self
                .events
                .iter()
                .rev()
                .take_while(|e| e.seq > seen)
                .any(|e| is_notable(&e.kind))
            {
                break;
            }
        }
        self.sim.now()
    }

    /// The time of the last notable event strictly before now: "step back" seeks there.
    pub fn previous_notable_ms(&self) -> Option<u64> {
        let now = self.sim.now();
        self.notable
            .iter()
            .rev()
            .filter(|e| e.time_ms < now)
            .map(|e| e.time_ms)
            .next()
    }

    fn push_checkpoint(&mut self) {
        self.checkpoints.push((self.applied, self.sim.clone()));
        let records = self.sim.retained_records().max(1);
        let limit = (CHECKPOINT_RECORD_BUDGET / records).clamp(MIN_CHECKPOINTS, MAX_CHECKPOINTS);
        while self.checkpoints.len() > limit {
            // Thin out: keep the first and every other one after it, and space future ones twice as far.
            let mut i = 0usize;
            self.checkpoints.retain(|_| {
                i += 1;
                i == 1 || i.is_multiple_of(2)
            });
            self.checkpoint_every_ms *= 2;
        }
    }

    fn collect_events(&mut self) {
        let last_seq = self.events.back().map_or(0, |e| e.seq);
        let last_notable = self.notable.back().map_or(0, |e| e.seq);
        for e in self.sim.take_events() {
            if is_notable(&e.kind) && e.seq > last_notable {
                self.notable.push_back(e.clone());
                if self.notable.len() > MAX_NOTABLE_EVENTS {
                    self.notable.pop_front();
                }
            }
            if e.seq <= last_seq {
                continue;
            }
            if let EventKind::GenerationStarted {
                group_id,
                generation_id,
                ..
            } = &e.kind
            {
                if !self.markers.iter().any(|m| m.seq == e.seq) {
                    self.markers.push(Marker {
                        time_ms: e.time_ms,
                        seq: e.seq,
                        group_id: group_id.clone(),
                        generation_id: *generation_id,
                    });
                }
            }
            self.events.push_back(e);
            if self.events.len() > MAX_EVENTS {
                self.events.pop_front();
            }
        }
    }
}

/// The command with the name the model picked for an unnamed client, so the log says who is who on its own.
fn with_picked_name(command: Command, picked: Option<&str>) -> Command {
    let Some(picked) = picked else {
        return command;
    };
    match command {
        Command::AddConsumer {
            name: None,
            profile,
            config,
            topics,
            assign,
            records_per_sec,
        } => Command::AddConsumer {
            name: Some(picked.to_string()),
            profile,
            config,
            topics,
            assign,
            records_per_sec,
        },
        Command::AddProducer {
            name: None,
            profile,
            config,
        } => Command::AddProducer {
            name: Some(picked.to_string()),
            profile,
            config,
        },
        command => command,
    }
}

/// Events a person would step to (not heartbeats, produce traffic or fetches).
pub fn is_notable(kind: &EventKind) -> bool {
    !matches!(
        kind,
        EventKind::RequestSent { .. }
            | EventKind::ResponseSent { .. }
            | EventKind::RecordsProduced { .. }
            | EventKind::RecordsFetched { .. }
            | EventKind::OffsetCommitted { .. }
            | EventKind::LeaderChanged { .. }
    )
}
