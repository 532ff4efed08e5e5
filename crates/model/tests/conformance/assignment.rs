//! kind = "assignment": a group through membership changes, each member carrying its client-side state (owned
//! partitions and the generation it got them in) from step to step, exactly like a running client.
//!
//! Per step: generation += 1 (numbered across the case), the leader (of the case's `client`) runs `assign_by` with every member's current
//! owned partitions, every member then owns what it was assigned; a cooperative group runs another round while
//! some member revoked something (ConsumerCoordinator.onJoinComplete -> requestRejoin, KIP-429). Eager sticky
//! members report their previous assignment in their user data even though they revoked it before rejoining.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use grouplab_model::assignor::{self, Assignment, AssignorName, RebalanceProtocol, Subscription};
use grouplab_model::config::ClientProfile;
use grouplab_model::TopicPartition;
use serde_json::Value;

use crate::Tally;

/// Safety net against a cooperative group that never settles.
const MAX_ROUNDS_PER_STEP: usize = 10;

/// Member -> topic -> partitions, members with nothing left out.
type Normalized = BTreeMap<String, BTreeMap<String, BTreeSet<u32>>>;

pub fn run(cases: &[Value], tally: &mut Tally) {
    for case in cases {
        let id = case["id"].as_str().unwrap_or("<no id>").to_string();
        match run_case(case) {
            Ok(()) => tally.check(true, String::new),
            Err(why) => tally.check(false, || format!("{id}: {why}")),
        }
    }
}

struct ClientState {
    owned: Vec<TopicPartition>,
    generation: Option<i32>,
}

fn run_case(case: &Value) -> Result<(), String> {
    let name = case["assignor"].as_str().unwrap_or("");
    let assignor =
        AssignorName::from_name(name).ok_or_else(|| format!("unknown assignor {name:?}"))?;
    // The leader's client: it decides the member order of range and roundrobin.
    let leader = match case["client"].as_str().unwrap_or("java") {
        "java" => ClientProfile::Java,
        "librdkafka" => ClientProfile::Librdkafka,
        other => return Err(format!("unknown client {other:?}")),
    };
    let topics: BTreeMap<String, u32> = case["topics"]
        .as_object()
        .ok_or("no topics")?
        .iter()
        .map(|(t, n)| Ok((t.clone(), n.as_u64().ok_or("bad partition count")? as u32)))
        .collect::<Result<_, String>>()?;
    let steps = case["steps"].as_array().ok_or("no steps")?;
    let mut state: HashMap<String, ClientState> = HashMap::new();
    let mut generation = 0i32;
    for (step_no, step) in steps.iter().enumerate() {
        let members = step["members"]
            .as_array()
            .ok_or_else(|| format!("step {step_no}: no members"))?;
        // A member absent from this step has left; a new one starts with nothing.
        let ids: Vec<String> = members
            .iter()
            .map(|m| m["member_id"].as_str().unwrap_or("").to_string())
            .collect();
        state.retain(|id, _| ids.contains(id));
        let mut rounds: Vec<(i32, Assignment)> = Vec::new();
        loop {
            generation += 1;
            let subscriptions: Vec<Subscription> = members
                .iter()
                .zip(&ids)
                .map(|(m, id)| {
                    let client = state.get(id);
                    Subscription {
                        member_id: id.clone(),
                        group_instance_id: m["group_instance_id"].as_str().map(str::to_string),
                        topics: m["topics"]
                            .as_array()
                            .map(|ts| {
                                ts.iter()
                                    .filter_map(|t| t.as_str().map(str::to_string))
                                    .collect()
                            })
                            .unwrap_or_default(),
                        owned_partitions: client.map(|c| c.owned.clone()).unwrap_or_default(),
                        generation: client.and_then(|c| c.generation),
                        revoked: false,
                    }
                })
                .collect();
            let assignment = assignor::assign_by(leader, assignor, &topics, &subscriptions);
            let mut rejoin = false;
            for id in &ids {
                let assigned = assignment.get(id).cloned().unwrap_or_default();
                let previous = state.get(id).map(|c| c.owned.clone()).unwrap_or_default();
                if !assignor::revoked_partitions(&previous, &assigned).is_empty() {
                    rejoin = true;
                }
                state.insert(
                    id.clone(),
                    ClientState {
                        owned: assigned,
                        generation: Some(generation),
                    },
                );
            }
            rounds.push((generation, assignment));
            if assignor.protocol() == RebalanceProtocol::Eager || !rejoin {
                break;
            }
            if rounds.len() >= MAX_ROUNDS_PER_STEP {
                return Err(format!(
                    "step {step_no}: still revoking after {MAX_ROUNDS_PER_STEP} rounds"
                ));
            }
        }

        if let Some(expected_rounds) = step["rounds"].as_array() {
            if expected_rounds.len() != rounds.len() {
                return Err(format!(
                    "step {step_no}: expected {} rounds, got {}: {}",
                    expected_rounds.len(),
                    rounds.len(),
                    rounds
                        .iter()
                        .map(|(g, a)| format!("gen {g} {:?}", normalize_model(a)))
                        .collect::<Vec<_>>()
                        .join("; ")
                ));
            }
            for (round_no, (expected, (got_generation, got))) in
                expected_rounds.iter().zip(&rounds).enumerate()
            {
                let expected_generation = expected["generation"].as_i64();
                if expected_generation != Some(i64::from(*got_generation)) {
                    return Err(format!(
                        "step {step_no} round {round_no}: expected generation {expected_generation:?}, got {got_generation}"
                    ));
                }
                compare(&expected["assignment"], got).map_err(|diff| {
                    format!("step {step_no} round {round_no} (generation {got_generation}): {diff}")
                })?;
            }
        }
        let (_, settled) = rounds.last().ok_or("no rounds")?;
        compare(&step["expected"], settled)
            .map_err(|diff| format!("step {step_no} expected: {diff}"))?;
    }
    Ok(())
}

fn normalize_model(a: &Assignment) -> Normalized {
    let mut out = Normalized::new();
    for (member, list) in a {
        for tp in list {
            out.entry(member.clone())
                .or_default()
                .entry(tp.topic.to_string())
                .or_default()
                .insert(tp.partition);
        }
    }
    out
}

fn normalize_vector(v: &Value) -> Result<Normalized, String> {
    let mut out = Normalized::new();
    for (member, topics) in v.as_object().ok_or("assignment is not an object")? {
        for (topic, parts) in topics
            .as_object()
            .ok_or("member assignment is not an object")?
        {
            for p in parts.as_array().ok_or("partitions are not a list")? {
                let p = p.as_u64().ok_or("partition is not a number")? as u32;
                out.entry(member.clone())
                    .or_default()
                    .entry(topic.clone())
                    .or_default()
                    .insert(p);
            }
        }
    }
    Ok(out)
}

/// Sets per member and topic; members with nothing may be `{}` or missing on either side.
fn compare(expected: &Value, got: &Assignment) -> Result<(), String> {
    let expected = normalize_vector(expected)?;
    let got = normalize_model(got);
    if expected == got {
        return Ok(());
    }
    let members: BTreeSet<&String> = expected.keys().chain(got.keys()).collect();
    let diffs: Vec<String> = members
        .into_iter()
        .filter(|m| expected.get(*m) != got.get(*m))
        .map(|m| format!("{m}: expected {:?}, got {:?}", expected.get(m), got.get(m)))
        .collect();
    Err(diffs.join("; "))
}
