//! A scenario: everything needed to reproduce a history exactly (seed, cluster settings, timed commands).
//! Versioned, so saved scenarios and shared links keep working.

pub mod import;
mod link;

use serde::{Deserialize, Serialize};

pub use link::{JsonError, LinkError, LINK_VERSION, MAX_LINK_CHARS, MAX_SCENARIO_JSON_BYTES};

use crate::command::{Command, KeySpec};
use crate::config::{AutoOffsetReset, ClientProfile, ClusterConfig, ConsumerConfig};
use crate::error::ModelError;
use crate::timeline::{LoggedCommand, Timeline};
use crate::words::{english_display, msg, Message, Worded};

pub const SCENARIO_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub version: u32,
    pub seed: u64,
    #[serde(default)]
    pub cluster: ClusterConfig,
    /// Commands with the simulated time each is applied at, in time order.
    #[serde(default)]
    pub commands: Vec<LoggedCommand>,
    /// Where to stand in the history after loading (None: the end).
    #[serde(default)]
    pub time_ms: Option<u64>,
}

/// Why a scenario could not be loaded; `index` names the command at fault.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioError {
    pub index: Option<usize>,
    pub problem: ScenarioProblem,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ScenarioProblem {
    Version {
        version: u32,
    },
    TooManyCommands {
        commands: usize,
    },
    /// A command's `at_ms` is earlier than the one before.
    Earlier {
        at_ms: u64,
        last: u64,
    },
    /// `at_ms` or `time_ms` beyond [`MAX_SCENARIO_TIME_MS`].
    BeyondADay {
        field: &'static str,
        at_ms: u64,
    },
    Refused(ModelError),
    Link(LinkError),
}

impl Worded for ScenarioProblem {
    fn message(&self) -> Message {
        match self {
            ScenarioProblem::Version { version } => {
                msg!("scn.version" => "unsupported scenario version {version} (this GroupLab reads 1..={max})", version = version, max = &SCENARIO_VERSION)
            }
            ScenarioProblem::TooManyCommands { commands } => {
                msg!("scn.too_many" => "{n} commands is more than the {max} allowed", n = commands, max = &MAX_SCENARIO_COMMANDS)
            }
            ScenarioProblem::Earlier { at_ms, last } => {
                msg!("scn.earlier" => "at_ms {at} is earlier than the command before ({last})", at = at_ms, last = last)
            }
            ScenarioProblem::BeyondADay { field, at_ms } => {
                msg!("scn.beyond_day" => "{field} {at} is beyond one simulated day", field = field, at = at_ms)
            }
            ScenarioProblem::Refused(e) => e.message(),
            ScenarioProblem::Link(e) => e.message(),
        }
    }
}

impl Worded for ScenarioError {
    fn message(&self) -> Message {
        match self.index {
            Some(i) => {
                msg!("scn.at_command" => "command #{n}: {problem}", n = &(i + 1), problem: self.problem.message())
            }
            None => self.problem.message(),
        }
    }
}

english_display!(ScenarioError, ScenarioProblem);

/// The largest simulated time a scenario may ask for (a day), so a hostile file cannot hang the page.
pub const MAX_SCENARIO_TIME_MS: u64 = 24 * 3600 * 1000;
pub const MAX_SCENARIO_COMMANDS: usize = 10_000;

impl Scenario {
    /// Builds the timeline this scenario describes, validating every command; nothing is half-loaded.
    pub fn build(&self) -> Result<Timeline, ScenarioError> {
        if self.version == 0 || self.version > SCENARIO_VERSION {
            return Err(ScenarioError {
                index: None,
                problem: ScenarioProblem::Version {
                    version: self.version,
                },
            });
        }
        if self.commands.len() > MAX_SCENARIO_COMMANDS {
            return Err(ScenarioError {
                index: None,
                problem: ScenarioProblem::TooManyCommands {
                    commands: self.commands.len(),
                },
            });
        }
        let mut t = Timeline::new(self.seed, self.cluster.clone());
        let mut last = 0;
        for (i, c) in self.commands.iter().enumerate() {
            let err = |problem| ScenarioError {
                index: Some(i),
                problem,
            };
            if c.at_ms < last {
                return Err(err(ScenarioProblem::Earlier {
                    at_ms: c.at_ms,
                    last,
                }));
            }
            if c.at_ms > MAX_SCENARIO_TIME_MS {
                return Err(err(ScenarioProblem::BeyondADay {
                    field: "at_ms",
                    at_ms: c.at_ms,
                }));
            }
            last = c.at_ms;
            t.advance_to(c.at_ms);
            t.apply(c.command.clone())
                .map_err(|e| err(ScenarioProblem::Refused(e)))?;
        }
        let until = self.time_ms.unwrap_or(last);
        if until > MAX_SCENARIO_TIME_MS {
            return Err(ScenarioError {
                index: None,
                problem: ScenarioProblem::BeyondADay {
                    field: "time_ms",
                    at_ms: until,
                },
            });
        }
        t.advance_to(until.max(last));
        Ok(t)
    }

    /// The scenario a timeline's history amounts to.
    pub fn from_timeline(t: &Timeline) -> Scenario {
        Scenario {
            version: SCENARIO_VERSION,
            seed: t.seed(),
            cluster: t.config().clone(),
            commands: t.log()[..].to_vec(),
            time_ms: Some(t.now()),
        }
    }

    /// The course notes' example (`../shared/course-notes/consumer.md`): a producer sending keyed records to
    /// `test-topic` (4 partitions) and two confluent-kafka consumers created from the same config
    /// (`group.id: order-consumer-group`, `auto.offset.reset: earliest`).
    pub fn course_notes() -> Scenario {
        let at0 = |command| LoggedCommand { at_ms: 0, command };
        let consumer = |name: &str| Command::AddConsumer {
            name: Some(name.into()),
            profile: ClientProfile::Librdkafka,
            config: ConsumerConfig {
                group_id: Some("order-consumer-group".into()),
                auto_offset_reset: Some(AutoOffsetReset::Earliest),
                ..ConsumerConfig::default()
            },
            topics: vec!["test-topic".into()],
            assign: None,
            records_per_sec: Some(50),
        };
        Scenario {
            version: SCENARIO_VERSION,
            seed: 20_261_124,
            cluster: ClusterConfig {
                latency_ms: 20,
                ..ClusterConfig::default()
            },
            commands: vec![
                at0(Command::CreateTopic {
                    topic: "test-topic".into(),
                    partitions: 4,
                    replication_factor: Some(3),
                }),
                at0(Command::AddProducer {
                    name: None,
                    profile: ClientProfile::Librdkafka,
                    config: Default::default(),
                }),
                at0(Command::SetProduceRate {
                    producer: "producer1".into(),
                    topic: "test-topic".into(),
                    records_per_sec: 4,
                    keys: KeySpec::Random {
                        prefix: "order-".into(),
                        cardinality: 20,
                    },
                }),
                at0(consumer("consumer1")),
                at0(consumer("consumer2")),
            ],
            time_ms: Some(0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn course_notes_builds_and_round_trips() {
        let s = Scenario::course_notes();
        let mut t = s.build().unwrap();
        t.advance_to(8_000);
        let again = Scenario::from_timeline(&t);
        let json = serde_json::to_string(&again).unwrap();
        let back: Scenario = serde_json::from_str(&json).unwrap();
        let t2 = back.build().unwrap();
        assert_eq!(
            serde_json::to_string(&t.sim().view(20)).unwrap(),
            serde_json::to_string(&t2.sim().view(20)).unwrap()
        );
    }

    #[test]
    fn bad_command_is_located() {
        let mut s = Scenario::course_notes();
        s.commands.push(LoggedCommand {
            at_ms: 5,
            command: Command::CreateTopic {
                topic: "bad name".into(),
                partitions: 1,
                replication_factor: None,
            },
        });
        let e = s.build().unwrap_err();
        assert_eq!(e.index, Some(5));
        assert!(
            matches!(
                &e.problem,
                ScenarioProblem::Refused(ModelError::InvalidTopicName {
                    reason: crate::error::Reason::BadChar { char: ' ' },
                    ..
                })
            ),
            "{e:?}"
        );
        assert_eq!(
            e.to_string(),
            "command #6: invalid topic name \"bad name\": character ' ' is not allowed (only a-z, A-Z, 0-9, '.', '_', '-')"
        );
    }
}
