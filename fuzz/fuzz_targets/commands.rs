//! Random command sequences (valid and invalid) applied to the model with random waits, seeks back and forks:
//! nothing may panic, and committed offsets never pass the log-end offset.
#![no_main]

use arbitrary::{Arbitrary, Result, Unstructured};
use grouplab_model::assignor::AssignorName;
use grouplab_model::command::{Command, KeySpec, RestoredMember, RestoredOffset};
use grouplab_model::config::{
    AutoOffsetReset, ClientProfile, ClusterConfig, ConsumerConfig, GroupProtocol, ProducerConfig,
};
use grouplab_model::timeline::Timeline;
use grouplab_model::TopicPartition;
use libfuzzer_sys::fuzz_target;

fn name(u: &mut Unstructured) -> Result<String> {
    Ok(match u.int_in_range(0..=6)? {
        0 => "producer1".into(),
        1 => "consumer1".into(),
        2 => "consumer2".into(),
        3 => "t".into(),
        4 => "g".into(),
        5 => String::new(),
        _ => String::arbitrary(u)?,
    })
}

fn profile(u: &mut Unstructured) -> Result<ClientProfile> {
    Ok(if bool::arbitrary(u)? {
        ClientProfile::Java
    } else {
        ClientProfile::Librdkafka
    })
}

fn consumer_config(u: &mut Unstructured) -> Result<ConsumerConfig> {
    let mut c = classic_config(u)?;
    // KIP-848: group.protocol=consumer, sometimes without the classic-only settings it refuses, and a remote
    // assignor the broker has or lacks.
    match u.int_in_range(0..=3)? {
        2 => c.group_protocol = Some(GroupProtocol::Consumer),
        3 => {
            c.group_protocol = Some(GroupProtocol::Consumer);
            c.partition_assignment_strategy = None;
            c.session_timeout_ms = None;
            c.heartbeat_interval_ms = None;
        }
        _ => {}
    }
    c.group_remote_assignor = match u.int_in_range(0..=3)? {
        1 => Some("uniform".into()),
        2 => Some("range".into()),
        3 => Some(name(u)?),
        _ => None,
    };
    Ok(c)
}

fn classic_config(u: &mut Unstructured) -> Result<ConsumerConfig> {
    Ok(ConsumerConfig {
        group_id: Option::<()>::arbitrary(u)?
            .map(|_| "g".to_string())
            .or(if bool::arbitrary(u)? {
                Some(name(u)?)
            } else {
                None
            }),
        group_instance_id: if bool::arbitrary(u)? {
            Some(name(u)?)
        } else {
            None
        },
        partition_assignment_strategy: if bool::arbitrary(u)? {
            Some(
                (0..u.int_in_range(0..=3)?)
                    .map(|_| Ok(AssignorName::ALL[u.int_in_range(0..=3)?]))
                    .collect::<Result<_>>()?,
            )
        } else {
            None
        },
        session_timeout_ms: Option::<u32>::arbitrary(u)?.map(u64::from),
        heartbeat_interval_ms: Option::<u16>::arbitrary(u)?.map(u64::from),
        max_poll_interval_ms: Option::<u32>::arbitrary(u)?.map(u64::from),
        max_poll_records: Option::<u16>::arbitrary(u)?.map(u32::from),
        auto_offset_reset: if bool::arbitrary(u)? {
            Some(
                [
                    AutoOffsetReset::Earliest,
                    AutoOffsetReset::Latest,
                    AutoOffsetReset::None,
                ][u.int_in_range(0..=2)?],
            )
        } else {
            None
        },
        enable_auto_commit: Option::<bool>::arbitrary(u)?,
        auto_commit_interval_ms: Option::<u16>::arbitrary(u)?.map(u64::from),
        metadata_max_age_ms: Option::<u16>::arbitrary(u)?.map(u64::from),
        ..Default::default()
    })
}

fn command(u: &mut Unstructured) -> Result<Command> {
    Ok(match u.int_in_range(0..=17)? {
        0 => Command::CreateTopic {
            topic: name(u)?,
            partitions: u32::arbitrary(u)? % 2048,
            replication_factor: Option::<u8>::arbitrary(u)?.map(u32::from),
        },
        1 => Command::AddPartitions {
            topic: name(u)?,
            partitions: u32::arbitrary(u)? % 2048,
        },
        2 => Command::StopBroker {
            broker: u.int_in_range(0..=4)?,
        },
        3 => Command::StartBroker {
            broker: u.int_in_range(0..=4)?,
        },
        4 => Command::AddProducer {
            name: if bool::arbitrary(u)? {
                Some(name(u)?)
            } else {
                None
            },
            profile: profile(u)?,
            config: ProducerConfig {
                linger_ms: Option::<u16>::arbitrary(u)?.map(u64::from),
                batch_size: Option::<u16>::arbitrary(u)?.map(u32::from),
                ..Default::default()
            },
        },
        5 => Command::Produce {
            producer: name(u)?,
            topic: name(u)?,
            key: Option::<String>::arbitrary(u)?,
            value: None,
            partition: Option::<u8>::arbitrary(u)?.map(u32::from),
            count: Option::<u16>::arbitrary(u)?.map(|c| u32::from(c) % 2000),
        },
        6 => Command::SetProduceRate {
            producer: name(u)?,
            topic: name(u)?,
            records_per_sec: u32::arbitrary(u)? % 3000,
            keys: match u.int_in_range(0..=3)? {
                0 => KeySpec::Null,
                1 => KeySpec::Fixed {
                    key: String::arbitrary(u)?,
                },
                2 => KeySpec::Random {
                    prefix: String::arbitrary(u)?,
                    cardinality: u32::arbitrary(u)?,
                },
                _ => KeySpec::Cycle {
                    keys: Vec::<String>::arbitrary(u)?,
                },
            },
        },
        7 | 8 => Command::AddConsumer {
            name: if bool::arbitrary(u)? {
                Some(name(u)?)
            } else {
                None
            },
            profile: profile(u)?,
            config: consumer_config(u)?,
            topics: (0..u.int_in_range(0..=2)?)
                .map(|_| name(u))
                .collect::<Result<_>>()?,
            assign: if bool::arbitrary(u)? {
                Some(
                    (0..u.int_in_range(0..=3)?)
                        .map(|_| Ok(TopicPartition::new(name(u)?, u32::from(u8::arbitrary(u)?))))
                        .collect::<Result<_>>()?,
                )
            } else {
                None
            },
            records_per_sec: Option::<u16>::arbitrary(u)?.map(u32::from),
        },
        9 => Command::CloseConsumer { consumer: name(u)? },
        10 => Command::CrashConsumer { consumer: name(u)? },
        11 => Command::RestartConsumer { consumer: name(u)? },
        12 => Command::CommitNow {
            consumer: name(u)?,
            sync: bool::arbitrary(u)?,
        },
        13 => Command::SetProcessingRate {
            consumer: name(u)?,
            records_per_sec: Option::<u16>::arbitrary(u)?.map(u32::from),
        },
        15 => Command::SeedPartition {
            topic: name(u)?,
            partition: u32::from(u8::arbitrary(u)?),
            log_start_offset: u64::arbitrary(u)? % 1_000_000,
            log_end_offset: u64::arbitrary(u)? >> u.int_in_range(0..=63)?,
        },
        16 => Command::RestoreGroup {
            group_id: name(u)?,
            generation_id: i32::arbitrary(u)?,
            protocol: if bool::arbitrary(u)? {
                Some(AssignorName::ALL[u.int_in_range(0..=3)?])
            } else {
                None
            },
            members: (0..u.int_in_range(0..=4)?)
                .map(|_| {
                    Ok(RestoredMember {
                        consumer: name(u)?,
                        member_id: name(u)?,
                        group_instance_id: Option::<()>::arbitrary(u)?.map(|_| "i".to_string()),
                        client_id: name(u)?,
                        client_host: Option::<String>::arbitrary(u)?,
                        profile: profile(u)?,
                        topics: (0..u.int_in_range(0..=2)?)
                            .map(|_| name(u))
                            .collect::<Result<_>>()?,
                        assignment: (0..u.int_in_range(0..=3)?)
                            .map(|_| Ok(TopicPartition::new(name(u)?, u32::from(u8::arbitrary(u)? % 8))))
                            .collect::<Result<_>>()?,
                        member_epoch: Option::<i32>::arbitrary(u)?,
                        target: if bool::arbitrary(u)? {
                            Some(
                                (0..u.int_in_range(0..=3)?)
                                    .map(|_| Ok(TopicPartition::new(name(u)?, u32::from(u8::arbitrary(u)? % 8))))
                                    .collect::<Result<_>>()?,
                            )
                        } else {
                            None
                        },
                    })
                })
                .collect::<Result<_>>()?,
            offsets: (0..u.int_in_range(0..=3)?)
                .map(|_| {
                    Ok(RestoredOffset {
                        topic: name(u)?,
                        partition: u32::from(u8::arbitrary(u)? % 8),
                        offset: u64::arbitrary(u)? % 10_000,
                    })
                })
                .collect::<Result<_>>()?,
            group_epoch: Option::<i32>::arbitrary(u)?,
            assignment_epoch: Option::<i32>::arbitrary(u)?,
            server_assignor: if bool::arbitrary(u)? {
                Some(["uniform", "range", "x"][u.int_in_range(0..=2)?].to_string())
            } else {
                None
            },
        },
        _ => Command::RunConsoleConsumer {
            topic: name(u)?,
            group: if bool::arbitrary(u)? {
                Some(name(u)?)
            } else {
                None
            },
            from_beginning: bool::arbitrary(u)?,
            partition: Option::<u8>::arbitrary(u)?.map(u32::from),
        },
    })
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(seed) = u64::arbitrary(&mut u) else {
        return;
    };
    let mut t = Timeline::new(seed, ClusterConfig::default());
    for _ in 0..24 {
        let Ok(c) = command(&mut u) else { break };
        let _ = t.apply(c);
        let Ok(wait) = u.int_in_range(0u32..=60_000) else {
            break;
        };
        t.advance_by(u64::from(wait));
        if u.ratio(1, 8).unwrap_or(false) {
            // Seek back somewhere and go on from there (forking on the next command).
            let back = u.int_in_range(0..=t.now()).unwrap_or(0);
            t.seek(back);
        }
    }
    let v = t.sim().view(5);
    for g in &v.groups {
        for topic in &v.topics {
            for p in &topic.partitions {
                let key = format!("{}/{}", topic.name, p.partition);
                if let Some(&c) = g.committed.get(&key) {
                    assert!(
                        c <= p.log_end_offset,
                        "{} {key}: committed {c} > LEO {}",
                        g.group_id,
                        p.log_end_offset
                    );
                }
            }
        }
    }
    let _ = serde_json::to_string(&v);
});
