//! A consumer group: the coordinator computation, state, generation, members, and the assignment of every
//! generation with the partitions that moved highlighted, plus what each assignor would have given the
//! latest generation's members.

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::prelude::*;

use grouplab_model::assignor::{assign, AssignorName};
use grouplab_model::group::GenerationRecord;
use grouplab_model::TopicPartition;

use super::steps::coordinator_steps;
use crate::ui::format;
use crate::ui::selection::Selection;
use crate::ui::snapshot::Snapshot;

#[derive(Properties, PartialEq)]
pub struct GroupPanelProps {
    pub view: Snapshot,
    pub group_id: String,
    pub on_select: Callback<Selection>,
}

fn owner_map(record: &GenerationRecord) -> BTreeMap<&TopicPartition, &str> {
    record
        .assignment
        .iter()
        .flat_map(|(m, tps)| tps.iter().map(move |tp| (tp, m.as_str())))
        .collect()
}

#[function_component(GroupPanel)]
pub fn group_panel(p: &GroupPanelProps) -> Html {
    let v = &p.view.view;
    let g = v.groups.iter().find(|g| g.group_id == p.group_id);
    let partitions: BTreeMap<String, u32> = v
        .topics
        .iter()
        .map(|t| (t.name.clone(), t.partitions.len() as u32))
        .collect();
    let last = g.and_then(|g| g.history.last().cloned());
    // Recomputed only when the generation or the partition counts change.
    let alternatives = use_memo((last.clone(), partitions.clone()), |(last, partitions)| {
        let Some(last) = last else {
            return Rc::new(Vec::new());
        };
        Rc::new(
            AssignorName::ALL
                .iter()
                .map(|a| (*a, assign(*a, partitions, &last.subscriptions)))
                .collect::<Vec<_>>(),
        )
    });
    let Some(g) = g else {
        return html! { <p>{ "The coordinator has not created this group yet (its first member is still looking for the coordinator)." }</p> };
    };
    let name_of = |member_id: &str| -> String {
        v.consumers
            .iter()
            .find(|c| c.member_id == member_id && !member_id.is_empty())
            .map(|c| c.name.clone())
            .unwrap_or_else(|| format::short_id(member_id, 14))
    };
    let leader_broker = g.coordinator.broker;

    let history = g.history.iter().enumerate().rev().take(8).map(|(i, rec)| {
        let prev = if i > 0 { Some(owner_map(&g.history[i - 1])) } else { None };
        html! {
            <div class="generation" data-generation={rec.generation_id.to_string()}>
                <h4>{ format!("generation {} at {} · {}", rec.generation_id, format::seconds(rec.at_ms),
                    rec.protocol.map_or("no assignor", |a| a.name())) }</h4>
                <ul>
                { for rec.assignment.iter().map(|(m, tps)| html! {
                    <li>
                        <span class="who">{ name_of(m) }</span>{ ": " }
                        if tps.is_empty() { <em>{ "nothing (idle)" }</em> }
                        { for tps.iter().map(|tp| {
                            let moved = prev.as_ref().is_some_and(|pm| pm.get(tp).is_some_and(|o| *o != m.as_str()));
                            html! { <span class={classes!("tp", moved.then_some("moved"))}
                                          title={if moved { "moved from another member in this generation" } else { "" }}>
                                { tp.to_string() }</span> }
                        }) }
                    </li>
                }) }
                </ul>
            </div>
        }
    });

    let alternatives_html = alternatives.iter().map(|(a, result)| {
        let current = g.assignor == Some(*a);
        html! {
            <tr class={classes!(current.then_some("is-current"))}>
                <th scope="row">{ a.name() }{ if current { " (used)" } else { "" } }</th>
                <td>
                { for result.iter().map(|(m, tps)| html! {
                    <div>{ format!("{}: {}", name_of(m), if tps.is_empty() { "–".to_string() } else {
                        tps.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(", ") }) }</div>
                }) }
                </td>
            </tr>
        }
    });

    html! {
        <>
            <dl class="facts">
                <dt>{ "state" }</dt><dd data-group-state={g.state.name()}>{ g.state.name() }</dd>
                <dt>{ "generation" }</dt><dd>{ g.generation_id }</dd>
                <dt>{ "assignor" }</dt><dd>{ g.assignor.map_or("none yet", |a| a.name()) }</dd>
                <dt>{ "leader" }</dt><dd>{ g.leader.as_deref().map(name_of).unwrap_or_else(|| "none".into()) }</dd>
                <dt>{ "redelivered" }</dt><dd>{ format!("{} records read twice after rebalances", g.records_redelivered) }</dd>
            </dl>
            <h3>{ "Which broker is the coordinator" }</h3>
            { coordinator_steps(&g.coordinator.lookup, leader_broker) }
            <h3>{ "Members" }</h3>
            <ul class="members">
                { for g.members.iter().map(|m| {
                    let c = m.consumer.clone();
                    let sel = p.on_select.reform(move |_: MouseEvent| Selection::Consumer(c.clone()));
                    html! {
                        <li>
                            <button class="link" onclick={sel}>{ &m.consumer }</button>
                            { format!(" · {}{}{} · owns {}", m.member_id,
                                m.group_instance_id.as_ref().map(|i| format!(" · static {i}")).unwrap_or_default(),
                                if m.is_leader { " · leader" } else { "" },
                                if m.assigned.is_empty() { "nothing".into() } else { m.assigned.join(", ") }) }
                        </li>
                    }
                }) }
            </ul>
            <h3>{ "Committed offsets" }</h3>
            <ul class="committed">
                { for g.committed.iter().map(|(tp, o)| html! {
                    <li>{ format!("{tp}: {o} (lag {})", g.lag.get(tp).copied().unwrap_or(0)) }</li>
                }) }
            </ul>
            <h3>{ "Assignment per generation" }</h3>
            <p class="hint">{ "Highlighted partitions moved to another member in that generation." }</p>
            { for history }
            if !alternatives.is_empty() {
                <h3>{ "Same members, other assignors" }</h3>
                <table class="table"><tbody>{ for alternatives_html }</tbody></table>
            }
        </>
    }
}
