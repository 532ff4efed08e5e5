//! kind = "target_assignment": a KIP-848 consumer group's target assignment through membership, subscription
//! and partition-count changes, computed by the server-side assignors (`uniform`, `range`).
//!
//! One `TargetAssignmentState` per case, carried from step to step like the coordinator's stored targets: a
//! member missing from a step has left (tombstone); a static member whose instance id belonged in the previous
//! step to a member id that is now gone inherits that member's target (`replace_static`) before the step runs.
//! Every step counts. Besides `expected`, a step's Java iteration orders (`member_iteration_order`,
//! `topic_iteration_order`, `current_iteration_order`) are checked where present, so that a wrong hash-map
//! emulation shows as such.

use std::collections::{BTreeMap, BTreeSet};

use grouplab_model::assignor::server::{
    homogeneous_topic_order, is_homogeneous, member_iteration_order, GroupTarget,
    MemberSubscription, ServerAssignor, TargetAssignmentState, TopicMetadata, Uuid,
};
use serde_json::Value;

use crate::Tally;

pub fn run(cases: &[Value], tally: &mut Tally) {
    for case in cases {
        let id = case["id"].as_str().unwrap_or("<no id>").to_string();
        match run_case(case) {
            Ok(results) => {
                for (step_no, result) in results.into_iter().enumerate() {
                    tally.check(result.is_ok(), || {
                        format!("{id} step {step_no}: {}", result.unwrap_err())
                    });
                }
            }
            Err(why) => tally.check(false, || format!("{id}: {why}")),
        }
    }
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn parse_members(step: &Value) -> Result<Vec<MemberSubscription>, String> {
    step["members"]
        .as_array()
        .ok_or("no members")?
        .iter()
        .map(|m| {
            Ok(MemberSubscription {
                member_id: m["member_id"].as_str().ok_or("no member_id")?.to_string(),
                instance_id: m["instance_id"].as_str().map(str::to_string),
                subscribed_topics: strings(&m["subscribed_topics"]),
            })
        })
        .collect()
}

/// `{member: {topic: [partitions]}}`.
fn parse_expected(v: &Value) -> Result<GroupTarget, String> {
    let mut out = GroupTarget::new();
    for (member, topics) in v.as_object().ok_or("no expected")? {
        let mut per_topic = BTreeMap::new();
        for (topic, partitions) in topics.as_object().ok_or("bad expected")? {
            let ps: Vec<i32> = partitions
                .as_array()
                .ok_or("bad partitions")?
                .iter()
                .map(|p| p.as_i64().map(|p| p as i32).ok_or("bad partition"))
                .collect::<Result<_, _>>()?;
            per_topic.insert(topic.clone(), ps);
        }
        out.insert(member.clone(), per_topic);
    }
    Ok(out)
}

/// `current_iteration_order`: `{member: [[topic, [partitions]], ...]}`.
fn parse_current_order(v: &Value) -> BTreeMap<String, Vec<(String, Vec<i32>)>> {
    let mut out = BTreeMap::new();
    for (member, entries) in v.as_object().into_iter().flatten() {
        let list = entries
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| {
                let topic = e[0].as_str().unwrap_or("").to_string();
                let ps = e[1]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|p| p.as_i64().map(|p| p as i32))
                    .collect();
                (topic, ps)
            })
            .collect();
        out.insert(member.clone(), list);
    }
    out
}

/// One result per step: Ok, or what differed.
fn run_case(case: &Value) -> Result<Vec<Result<(), String>>, String> {
    let name = case["assignor"].as_str().unwrap_or("");
    let assignor: ServerAssignor = name.parse().map_err(|e| format!("{e}"))?;
    let mut topic_ids: BTreeMap<String, Uuid> = BTreeMap::new();
    for (topic, meta) in case["topics"].as_object().ok_or("no topics")? {
        let id = meta["topic_id"].as_str().ok_or("no topic_id")?;
        topic_ids.insert(topic.clone(), id.parse().map_err(|e| format!("{e}"))?);
    }
    let steps = case["steps"].as_array().ok_or("no steps")?;
    let mut state = TargetAssignmentState::default();
    let mut previous: Vec<MemberSubscription> = Vec::new();
    let mut results = Vec::new();
    for step in steps {
        let members = parse_members(step)?;
        let topics: Vec<TopicMetadata> = step["topic_partitions"]
            .as_object()
            .ok_or("no topic_partitions")?
            .iter()
            .map(|(t, n)| {
                let id = *topic_ids
                    .get(t)
                    .ok_or_else(|| format!("topic {t} has no id"))?;
                Ok(TopicMetadata::new(
                    t,
                    id,
                    n.as_u64().ok_or("bad count")? as u32,
                ))
            })
            .collect::<Result<_, String>>()?;

        // GroupMetadataManager.replaceMember: the new id of a returning static member takes the target of its
        // instance's previous member id, if that id is gone.
        let now: BTreeSet<&str> = members.iter().map(|m| m.member_id.as_str()).collect();
        let before: BTreeSet<&str> = previous.iter().map(|m| m.member_id.as_str()).collect();
        for m in &members {
            let Some(instance) = &m.instance_id else {
                continue;
            };
            if before.contains(m.member_id.as_str()) {
                continue;
            }
            let old = previous.iter().find(|p| {
                p.instance_id.as_ref() == Some(instance) && !now.contains(p.member_id.as_str())
            });
            if let Some(old) = old {
                state.replace_static(&old.member_id, &m.member_id);
            }
        }

        let mut problems: Vec<String> = Vec::new();
        let order: Vec<String> = member_iteration_order(&members)
            .into_iter()
            .map(|i| members[i].member_id.clone())
            .collect();
        let want_order = strings(&step["member_iteration_order"]);
        if order != want_order {
            problems.push(format!(
                "member_iteration_order: expected {want_order:?}, got {order:?}"
            ));
        }
        let homogeneous = is_homogeneous(&members);
        if let Some(kind) = step["subscription_type"].as_str() {
            if homogeneous != (kind == "HOMOGENEOUS") {
                problems.push(format!(
                    "subscription_type: expected {kind}, got homogeneous={homogeneous}"
                ));
            }
        }
        if step.get("topic_iteration_order").is_some() {
            let want = strings(&step["topic_iteration_order"]);
            let got = homogeneous_topic_order(&members, &topics);
            if want != got {
                problems.push(format!(
                    "topic_iteration_order: expected {want:?}, got {got:?}"
                ));
            }
        }
        if let Some(current) = step.get("current_iteration_order") {
            let want = parse_current_order(current);
            let got: BTreeMap<String, Vec<(String, Vec<i32>)>> = members
                .iter()
                .map(|m| (m.member_id.clone(), state.java_order(&m.member_id)))
                .filter(|(_, order)| !order.is_empty())
                .collect();
            if want != got {
                let differing: Vec<String> = want
                    .keys()
                    .chain(got.keys())
                    .filter(|k| want.get(*k) != got.get(*k))
                    .map(|k| format!("{k}: expected {:?}, got {:?}", want.get(k), got.get(k)))
                    .collect();
                problems.push(format!("current_iteration_order: {}", differing.join("; ")));
            }
        }

        let expected = parse_expected(&step["expected"])?;
        let got = state.compute(assignor, &members, &topics);
        if *got != expected {
            let differing: Vec<String> = expected
                .keys()
                .chain(got.keys())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .filter(|k| expected.get(*k) != got.get(*k))
                .map(|k| format!("{k}: expected {:?}, got {:?}", expected.get(k), got.get(k)))
                .collect();
            problems.push(format!("expected differs: {}", differing.join("; ")));
        }
        results.push(if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.join(" | "))
        });
        previous = members;
    }
    Ok(results)
}
