//! Replays target-assignment cases through `assignor::server::TargetAssignmentState` and prints one line per
//! step, in the format of `scripts/kip848-java-diff/Harness.java`, which runs the same cases through Kafka's
//! own assignor classes (see that folder's README).
//!
//! Input on stdin, one case after another:
//! `CASE uniform|range`, then per step `STEP`, `T <name> <topic id> <partitions>` per topic,
//! `M <member id> <instance id|-> <topic,topic,…|->` per member in insertion order, `END`.
//! Output per step: `member:topic=p,p;topic=p; | member:…` (members and topics sorted).
//! A static member whose instance belonged in the previous step to a member id that is gone inherits its target.

use std::collections::BTreeSet;
use std::io::{self, BufRead, Write};

use grouplab_model::assignor::server::{
    MemberSubscription, ServerAssignor, TargetAssignmentState, TopicMetadata,
};

fn main() {
    let stdin = io::stdin();
    let mut out = io::BufWriter::new(io::stdout());
    let mut assignor = ServerAssignor::Uniform;
    let mut state = TargetAssignmentState::new();
    let mut previous: Vec<MemberSubscription> = Vec::new();
    let mut topics: Vec<TopicMetadata> = Vec::new();
    let mut members: Vec<MemberSubscription> = Vec::new();
    for line in stdin.lock().lines() {
        let line = line.expect("stdin");
        let f: Vec<&str> = line.split(' ').collect();
        match f[0] {
            "CASE" => {
                assignor = f[1].parse().expect("assignor");
                state = TargetAssignmentState::new();
                previous.clear();
            }
            "STEP" => {
                topics.clear();
                members.clear();
            }
            "T" => topics.push(TopicMetadata::new(
                f[1],
                f[2].parse().expect("topic id"),
                f[3].parse().expect("partition count"),
            )),
            "M" => members.push(MemberSubscription {
                member_id: f[1].to_string(),
                instance_id: (f[2] != "-").then(|| f[2].to_string()),
                subscribed_topics: match f[3] {
                    "-" => Vec::new(),
                    list => list.split(',').map(str::to_string).collect(),
                },
            }),
            "END" => {
                let now: BTreeSet<&str> = members.iter().map(|m| m.member_id.as_str()).collect();
                let before: BTreeSet<&str> =
                    previous.iter().map(|m| m.member_id.as_str()).collect();
                for m in &members {
                    let Some(instance) = &m.instance_id else {
                        continue;
                    };
                    if before.contains(m.member_id.as_str()) {
                        continue;
                    }
                    let old = previous.iter().find(|p| {
                        p.instance_id.as_ref() == Some(instance)
                            && !now.contains(p.member_id.as_str())
                    });
                    if let Some(old) = old {
                        state.replace_static(&old.member_id, &m.member_id);
                    }
                }
                let target = state.compute(assignor, &members, &topics);
                let line: Vec<String> = target
                    .iter()
                    .map(|(member, topics)| {
                        let topics: String = topics
                            .iter()
                            .map(|(t, ps)| {
                                let ps: Vec<String> = ps.iter().map(i32::to_string).collect();
                                format!("{t}={};", ps.join(","))
                            })
                            .collect();
                        format!("{member}:{topics}")
                    })
                    .collect();
                writeln!(out, "{}", line.join(" | ")).expect("stdout");
                previous = std::mem::take(&mut members);
            }
            other => panic!("unknown line {other:?}"),
        }
    }
}
