//! The simulation as the page drives it: the model's [`Timeline`], the play/pause state, the speed, the
//! display clock (fractional simulated milliseconds, so messages in flight move smoothly between whole
//! milliseconds) and the automatic slow motion while group-protocol messages are in flight.
//!
//! Pure Rust (no web-sys): the Yew components and `window.grouplab` both drive one `Engine` behind an
//! `Rc<RefCell<_>>`.

use grouplab_model::command::Command;
use grouplab_model::group::GroupState;
use grouplab_model::net::Api;
use grouplab_model::scenario::{Scenario, ScenarioError};
use grouplab_model::sim::commands::Applied;
use grouplab_model::timeline::Timeline;
use grouplab_model::ModelError;

/// Slowest and fastest speeds (simulated ms per real ms).
pub const MIN_SPEED: f64 = 0.1;
pub const MAX_SPEED: f64 = 100.0;
/// Speed while a group-protocol message is in flight and slow motion is on: a 20 ms hop takes about 0.4 s.
pub const SLOW_MOTION_SPEED: f64 = 0.05;
/// Above this speed slow motion is skipped (the user asked for speed).
const SLOW_MOTION_MAX_SPEED: f64 = 10.0;
/// Real time slow motion may take at the start (after a load or reset): the first exchange of the group protocol is
/// shown slowly for at most this long, then the clock runs at its speed, so records flow within about a second of
/// opening the page (the producer's first record reaches the log 280 simulated ms in, after its metadata and
/// produce round trips). Later exchanges are slowed down for as long as they last.
pub const START_SLOW_MOTION_MS: f64 = 150.0;
/// A frame never advances more than this much real time (a hidden tab resumes without a jump).
const MAX_FRAME_MS: f64 = 100.0;
/// "Step forward" looks this far ahead for the next notable event.
pub const STEP_LIMIT_MS: u64 = 60_000;

pub struct Engine {
    timeline: Timeline,
    /// What "reset" goes back to.
    scenario: Scenario,
    pub playing: bool,
    speed: f64,
    pub slow_motion: bool,
    /// Simulated time shown, fractional; the model stands at its floor.
    display_ms: f64,
    /// Bumped on every change the page must redraw for.
    revision: u64,
    /// Bumped when the history is replaced or rewound (load, reset, seeking back): event consumers restart.
    epoch: u64,
    /// A lesson step plays until this simulated time, then the clock pauses there.
    pub stop_at: Option<u64>,
    /// The real time slow motion may still take in the start's protocol exchange; None once it is over.
    start_budget_ms: Option<f64>,
}

impl Engine {
    /// Builds `scenario`; on failure falls back to an empty cluster (never a blank page).
    pub fn new(scenario: Scenario) -> Result<Self, ScenarioError> {
        let timeline = scenario.build()?;
        let display_ms = timeline.now() as f64;
        Ok(Engine {
            timeline,
            scenario,
            playing: true,
            speed: 1.0,
            slow_motion: true,
            display_ms,
            revision: 1,
            epoch: 1,
            stop_at: None,
            start_budget_ms: Some(START_SLOW_MOTION_MS),
        })
    }

    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn epoch(&self) -> u64 {
        self.epoch
    }

    pub fn display_ms(&self) -> f64 {
        self.display_ms
    }

    pub fn speed(&self) -> f64 {
        self.speed
    }

    pub fn set_speed(&mut self, speed: f64) {
        if speed.is_finite() {
            self.speed = speed.clamp(MIN_SPEED, MAX_SPEED);
            self.touch();
        }
    }

    /// The speed the clock runs at now: slow motion while the group protocol talks.
    pub fn effective_speed(&self) -> f64 {
        if self.slow_motion_active() {
            self.speed.min(SLOW_MOTION_SPEED)
        } else {
            self.speed
        }
    }

    pub fn slow_motion_active(&self) -> bool {
        let spent = self.start_budget_ms.is_some_and(|b| b <= 0.0);
        self.slow_motion
            && !spent
            && self.speed <= SLOW_MOTION_MAX_SPEED
            && self.protocol_in_flight()
    }

    /// Whether a group-protocol message (not heartbeats, produce or offset traffic) is on the wire.
    fn protocol_in_flight(&self) -> bool {
        self.timeline
            .sim()
            .in_flight
            .values()
            .any(|m| is_protocol(m.payload.api()) || self.reconciling_heartbeat(m))
    }

    /// A KIP-848 ConsumerGroupHeartbeat to or from a member whose group or client is not settled.
    fn reconciling_heartbeat(&self, m: &grouplab_model::net::Message) -> bool {
        if m.payload.api() != Api::ConsumerGroupHeartbeat {
            return false;
        }
        let sim = self.timeline.sim();
        let end = if m.payload.is_request() { m.from } else { m.to };
        let grouplab_model::net::Endpoint::Consumer(i) = end else {
            return false;
        };
        let Some(c) = sim.consumers.get(i as usize) else {
            return false;
        };
        let group_state = c
            .cfg
            .group_id
            .as_deref()
            .and_then(|g| sim.group(g))
            .map(|g| g.state);
        heartbeat_matters(group_state, Some(c.cg_state.name()))
    }

    fn touch(&mut self) {
        self.revision += 1;
    }

    /// Advances the clock by `real_ms` of wall time at the current speed. Returns whether anything changed.
    pub fn tick(&mut self, real_ms: f64) -> bool {
        if !self.playing || !real_ms.is_finite() || real_ms <= 0.0 {
            return false;
        }
        let mut left = real_ms.min(MAX_FRAME_MS);
        let chunking = self.slow_motion && self.speed <= SLOW_MOTION_MAX_SPEED;
        // Advance in hops shorter than a network hop so a JoinGroup cannot be sent and received unseen.
        let hop_sim = (self.timeline.config().latency_ms as f64 / 2.0).clamp(1.0, 10.0);
        let mut guard = 0;
        while left > 0.0 && guard < 400 {
            guard += 1;
            let speed = self.effective_speed();
            let real = if chunking {
                left.min(hop_sim / speed)
            } else {
                left
            };
            left -= real;
            self.spend_start_budget(real, speed < self.speed);
            self.display_ms += real * speed;
            if let Some(stop) = self.stop_at.filter(|s| self.display_ms >= *s as f64) {
                self.timeline.advance_to(stop);
                self.display_ms = stop as f64;
                self.stop_at = None;
                self.playing = false;
                break;
            }
            let target = self.display_ms.floor() as u64;
            if target > self.timeline.now() {
                self.timeline.advance_to(target);
            }
        }
        self.touch();
        true
    }

    /// Moves the clock to `ms` (backward restores a checkpoint and replays).
    pub fn seek(&mut self, ms: u64) {
        if ms < self.timeline.now() {
            self.epoch += 1;
        }
        self.timeline.seek(ms);
        self.display_ms = self.timeline.now() as f64;
        self.touch();
    }

    /// Runs forward by exactly `ms` simulated milliseconds (tests drive time with it).
    pub fn advance(&mut self, ms: u64) {
        let target = self.timeline.now().saturating_add(ms);
        self.timeline.advance_to(target);
        self.display_ms = self.timeline.now() as f64;
        self.touch();
    }

    pub fn step_forward(&mut self) {
        self.playing = false;
        self.timeline.step_forward(STEP_LIMIT_MS);
        self.display_ms = self.timeline.now() as f64;
        self.touch();
    }

    pub fn step_back(&mut self) {
        self.playing = false;
        let to = self.timeline.previous_notable_ms().unwrap_or(0);
        self.seek(to);
    }

    /// Applies a command now (acting in the past forks the history).
    pub fn apply(&mut self, command: Command) -> Result<Applied, ModelError> {
        // The model stands at the floor of the display clock; act there.
        self.display_ms = self.timeline.now() as f64;
        let r = self.timeline.apply(command);
        self.touch();
        r
    }

    /// Replaces the world with `scenario` (kept for reset). On error nothing changes.
    pub fn load(&mut self, scenario: Scenario) -> Result<(), ScenarioError> {
        let timeline = scenario.build()?;
        self.replace(scenario, timeline);
        Ok(())
    }

    /// Replaces the world with a scenario already built into `timeline`.
    pub fn replace(&mut self, scenario: Scenario, timeline: Timeline) {
        self.timeline = timeline;
        self.scenario = scenario;
        self.epoch += 1;
        self.display_ms = self.timeline.now() as f64;
        self.start_budget_ms = Some(START_SLOW_MOTION_MS);
        self.touch();
    }

    /// Counts `real` ms against the start's slow-motion budget (when `slowed`); the start is over once the first
    /// exchange is: no group-protocol message on the wire after time 0.
    fn spend_start_budget(&mut self, real: f64, slowed: bool) {
        let Some(budget) = self.start_budget_ms else {
            return;
        };
        if self.timeline.now() > 0 && !self.protocol_in_flight() {
            self.start_budget_ms = None;
        } else if slowed {
            self.start_budget_ms = Some(budget - real);
        }
    }

    /// Back to the loaded scenario's start.
    pub fn reset(&mut self) {
        if let Ok(t) = self.scenario.build() {
            self.timeline = t;
            self.epoch += 1;
            self.display_ms = self.timeline.now() as f64;
            self.start_budget_ms = Some(START_SLOW_MOTION_MS);
        }
        self.touch();
    }

    /// Plays from now until `stop` simulated ms, then pauses (a lesson step).
    pub fn play_until(&mut self, stop: u64) {
        self.stop_at = Some(stop);
        self.playing = true;
        self.display_ms = self.timeline.now() as f64;
        self.touch();
    }

    pub fn set_playing(&mut self, playing: bool) {
        if !playing {
            self.stop_at = None;
        }
        self.playing = playing;
        self.display_ms = self.timeline.now() as f64;
        self.touch();
    }

    pub fn set_slow_motion(&mut self, on: bool) {
        self.slow_motion = on;
        self.touch();
    }
}

/// Messages of the group protocol proper, which slow motion waits for.
pub fn is_protocol(api: Api) -> bool {
    matches!(
        api,
        Api::FindCoordinator | Api::JoinGroup | Api::SyncGroup | Api::LeaveGroup
    )
}

/// Whether a ConsumerGroupHeartbeat (KIP-848) is worth watching: its member joins, revokes, waits or acknowledges
/// (the client's `MemberState` is not STABLE), or its group has a target not reached yet (ASSIGNING,
/// RECONCILING: `ConsumerGroup.ConsumerGroupState`). A settled member's keep-alive is not.
pub fn heartbeat_matters(group_state: Option<GroupState>, client_state: Option<&str>) -> bool {
    group_state.is_some_and(|s| s != GroupState::Stable)
        || client_state.is_some_and(|s| s != "STABLE")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Opening the course notes' scenario: slow motion shows the first exchange for at most
    /// START_SLOW_MOTION_MS of real time, so the producer's first record is on the log within about a second
    /// of real time (60 frames of 16 ms).
    #[test]
    fn the_start_is_slowed_for_at_most_a_moment() {
        let mut e = Engine::new(Scenario::course_notes()).unwrap();
        let mut real = 0.0;
        let mut slowed = 0.0;
        let produced = |e: &Engine| {
            e.timeline()
                .sim()
                .view(0)
                .topics
                .iter()
                .flat_map(|t| &t.partitions)
                .map(|p| p.log_end_offset)
                .sum::<u64>()
        };
        while produced(&e) == 0 && real < 5_000.0 {
            if e.slow_motion_active() {
                slowed += 16.0;
            }
            e.tick(16.0);
            real += 16.0;
        }
        assert!(slowed > 0.0, "the first exchange is shown slowly");
        assert!(slowed <= START_SLOW_MOTION_MS + 16.0, "slowed {slowed} ms");
        assert!(real <= 500.0, "first record after {real} ms of real time");
        // A later exchange (a consumer joining) is slowed again.
        e.advance(20_000);
        e.apply(grouplab_model::command::Command::CloseConsumer {
            consumer: "consumer2".into(),
        })
        .unwrap();
        e.tick(16.0);
        assert!(e.slow_motion_active());
    }

    #[test]
    fn course_notes_plays_and_seeks_back() {
        let mut e = Engine::new(Scenario::course_notes()).unwrap();
        for _ in 0..200 {
            e.tick(50.0);
        }
        assert!(e.timeline().now() > 0);
        e.advance(10_000);
        let now = e.timeline().now();
        e.seek(now / 2);
        assert_eq!(e.timeline().now(), now / 2);
        e.step_forward();
        assert!(e.timeline().now() >= now / 2);
    }

    #[test]
    fn play_until_stops_exactly_there() {
        let mut e = Engine::new(Scenario::course_notes()).unwrap();
        e.set_speed(10.0);
        e.play_until(1_234);
        for _ in 0..100 {
            e.tick(50.0);
        }
        assert_eq!(e.timeline().now(), 1_234);
        assert!(!e.playing);
        assert_eq!(e.stop_at, None);
    }

    #[test]
    fn speed_is_clamped() {
        let mut e = Engine::new(Scenario::course_notes()).unwrap();
        e.set_speed(1e9);
        assert_eq!(e.speed(), MAX_SPEED);
        e.set_speed(f64::NAN);
        assert_eq!(e.speed(), MAX_SPEED);
        e.set_speed(0.0);
        assert_eq!(e.speed(), MIN_SPEED);
    }
}
