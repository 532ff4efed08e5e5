//! Lessons: the course notes as guided, narrated steps over the deterministic model.
//!
//! A lesson is an id, a base [`Scenario`] (seeded) and steps. Step `k` starts where step `k - 1` ended,
//! applies its commands at its start and plays until its end; its check says what the model must show
//! then. Any step's state is rebuilt from the base scenario plus the commands of steps `0..=k` (the model
//! is deterministic), so Back truly rewinds and a deep link lands on exactly the same state.
//! Narration and titles live in the i18n tables under `<id>.title` and `<id>.<step>`.
//!
//! One file per lesson: its base scenario, its steps (commands, how long each plays, the entities its
//! narration talks about) and, beside them, what each step must show (`check`, run by the native tests).

#[cfg(test)]
mod check;
pub mod facts;
mod make;
pub mod narration;
pub mod rebalance_cost;

mod console;
mod cooperative;
mod crash;
mod group;
mod idle;
mod keys;
mod kip848;
mod offsets;
mod partitions;
pub mod protocols;
mod pubsub;
mod static_members;

use grouplab_model::command::Command;
use grouplab_model::scenario::Scenario;
use grouplab_model::timeline::LoggedCommand;

pub use keys::KEY_HASH;
pub use make::{crc_partition, GROUP, TOPIC};
pub use partitions::KEY_MOVE;

/// Every lesson, in the order of the table of contents.
pub fn all() -> Vec<Lesson> {
    vec![
        group::lesson(),
        offsets::lesson(),
        keys::lesson(),
        console::lesson(),
        idle::lesson(),
        pubsub::lesson(),
        crash::lesson(),
        cooperative::lesson(),
        static_members::lesson(),
        partitions::lesson(),
        kip848::lesson(),
        protocols::lesson(),
    ]
}

/// An entity a step's narration talks about: highlighted on the stage while the step is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// A consumer, by name.
    Consumer(&'static str),
    /// Whichever member the coordinator leaves without a partition (it depends on generated member ids).
    IdleMember,
    Group(&'static str),
    /// A partition of the lesson's topic.
    Partition(u32),
    /// Every partition of the lesson's topic.
    AllPartitions,
    Producer(&'static str),
}

impl Mark {
    pub fn names_consumer(&self, name: &str) -> bool {
        matches!(self, Mark::Consumer(c) if *c == name)
    }

    pub fn names_group(&self, id: &str) -> bool {
        matches!(self, Mark::Group(g) if *g == id)
    }

    pub fn names_producer(&self, name: &str) -> bool {
        matches!(self, Mark::Producer(p) if *p == name)
    }

    /// Partition `partition` of `topic`: named alone, or with all of the lesson's topic.
    pub fn names_partition(&self, topic: &str, partition: u32) -> bool {
        topic == TOPIC
            && match self {
                Mark::Partition(p) => *p == partition,
                Mark::AllPartitions => true,
                _ => false,
            }
    }
}

pub struct Step {
    pub commands: Vec<Command>,
    /// Simulated time the step plays for, after its commands.
    pub dur_ms: u64,
    /// What the narration talks about.
    pub marks: Vec<Mark>,
}

impl Step {
    pub fn new(dur_ms: u64, commands: Vec<Command>, marks: Vec<Mark>) -> Step {
        Step {
            commands,
            dur_ms,
            marks,
        }
    }
}

pub struct Lesson {
    pub id: &'static str,
    pub base: Scenario,
    pub steps: Vec<Step>,
}

impl Lesson {
    /// Simulated time at which step `k` starts (its commands are applied then).
    pub fn start_ms(&self, k: usize) -> u64 {
        let base = self.base.time_ms.unwrap_or(0);
        base + self.steps[..k.min(self.steps.len())]
            .iter()
            .map(|s| s.dur_ms)
            .sum::<u64>()
    }

    /// Simulated time at which step `k` ends (the narration pauses there).
    pub fn end_ms(&self, k: usize) -> u64 {
        self.start_ms(k + 1)
    }

    /// The scenario of step `k`: at its start (`at_end == false`, its commands just applied) or at its end.
    pub fn scenario(&self, k: usize, at_end: bool) -> Scenario {
        let k = k.min(self.steps.len().saturating_sub(1));
        let mut s = self.base.clone();
        for (j, step) in self.steps[..=k].iter().enumerate() {
            let at_ms = self.start_ms(j);
            s.commands
                .extend(step.commands.iter().map(|c| LoggedCommand {
                    at_ms,
                    command: c.clone(),
                }));
        }
        s.time_ms = Some(if at_end {
            self.end_ms(k)
        } else {
            self.start_ms(k)
        });
        s
    }
}

/// The i18n key of a lesson's title.
pub fn title_key(id: &str) -> String {
    format!("{id}.title")
}

/// The i18n key of a step's narration.
pub fn step_key(id: &str, k: usize) -> String {
    format!("{id}.{k}")
}

/// Where the learner is: a lesson and a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub lesson: usize,
    pub step: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    const RECORDS_LIMIT: usize = 40;

    /// Every step of every lesson, built from scratch, shows what its check asks for; and building the
    /// start of a step then playing it gives the same state as building its end directly.
    #[test]
    fn every_step_checks() {
        for lesson in all() {
            for k in 0..lesson.steps.len() {
                let t = lesson
                    .scenario(k, true)
                    .build()
                    .unwrap_or_else(|e| panic!("{} step {k}: {e}", lesson.id));
                let v = t.sim().view(RECORDS_LIMIT);
                let check = match lesson.id {
                    "group" => group::check,
                    "offsets" => offsets::check,
                    "keys" => keys::check,
                    "console" => console::check,
                    "idle" => idle::check,
                    "pubsub" => pubsub::check,
                    "crash" => crash::check,
                    "cooperative" => cooperative::check,
                    "static" => static_members::check,
                    "partitions" => partitions::check,
                    "kip848" => kip848::check,
                    "protocols" => protocols::check,
                    id => panic!("lesson {id} has no checks"),
                };
                if let Err(m) = check(k, &v) {
                    panic!("lesson {} step {k}: {m}", lesson.id);
                }
            }
        }
    }

    #[test]
    fn playing_a_step_equals_building_its_end() {
        for lesson in all() {
            let k = lesson.steps.len() - 1;
            let mut t = lesson.scenario(k, false).build().unwrap();
            t.advance_to(lesson.end_ms(k));
            let direct = lesson.scenario(k, true).build().unwrap();
            assert_eq!(
                serde_json::to_string(&t.sim().view(20)).unwrap(),
                serde_json::to_string(&direct.sim().view(20)).unwrap(),
                "{}",
                lesson.id
            );
        }
    }

    #[test]
    fn ids_are_unique_and_twelve() {
        let ids: Vec<_> = all().iter().map(|l| l.id).collect();
        assert_eq!(ids.len(), 12);
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), ids.len());
    }
}
