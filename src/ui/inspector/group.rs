//! A consumer group: the coordinator computation, state, generation, members, and the assignment of every
//! generation with the partitions that moved highlighted, plus what each assignor would have given the
//! latest generation's members.

use grouplab_model::collections::VecMap;
use std::rc::Rc;

use yew::prelude::*;

use grouplab_model::alternatives::alternative_targets;
use grouplab_model::assignor::{assign_by, AssignorName};
use grouplab_model::config::ClientProfile;
use grouplab_model::group::GenerationRecord;
use grouplab_model::TopicPartition;

use super::steps::coordinator_steps;
use crate::i18n::{t, tf, use_lang};
use crate::session::Selection;
use crate::ui::format;
use crate::ui::markup::fact_rows;
use crate::ui::snapshot::Snapshot;

#[derive(Properties, PartialEq)]
pub struct GroupPanelProps {
    pub view: Snapshot,
    pub group_id: String,
    pub on_select: Callback<Selection>,
}

fn owner_map(record: &GenerationRecord) -> VecMap<&TopicPartition, &str> {
    VecMap::from_iter(
        record
            .assignment
            .iter()
            .flat_map(|(m, tps)| tps.iter().map(move |tp| (tp, m.as_str()))),
    )
}

#[function_component(GroupPanel)]
pub fn group_panel(p: &GroupPanelProps) -> Html {
    let lang = use_lang();
    let tr = |key| t(lang, key);
    let v = &p.view.view;
    let g = v.groups.iter().find(|g| g.group_id == p.group_id);
    let partitions: VecMap<String, u32> = VecMap::from_iter(
        v.topics
            .iter()
            .map(|t| (t.name.clone(), t.partitions.len() as u32)),
    );
    let last = g.and_then(|g| g.history.last().cloned());
    // The client of the generation's leader computed it, and computes the alternatives too.
    let leader_profile = last
        .as_ref()
        .and_then(|l| l.leader.as_deref())
        .and_then(|id| v.consumers.iter().find(|c| c.member_id == id))
        .map_or(ClientProfile::Java, |c| c.profile);
    // Recomputed only when the generation, the partition counts or the leader's client change.
    let alternatives = use_memo(
        (last.clone(), partitions.clone(), leader_profile),
        |(last, partitions, leader)| {
            let Some(last) = last else {
                return Rc::new(Vec::new());
            };
            Rc::new(
                AssignorName::ALL
                    .iter()
                    .map(|a| (*a, assign_by(*leader, *a, partitions, &last.subscriptions)))
                    .collect::<Vec<_>>(),
            )
        },
    );
    // A consumer-protocol group's assignor runs on the broker: what uniform and range would make its target.
    let server_alternatives = use_memo(
        (
            g.and_then(|g| g.target_assignment.clone()),
            g.map(|g| {
                g.members
                    .iter()
                    .map(|m| (m.member_id.clone(), m.subscribed.clone()))
                    .collect::<Vec<_>>()
            }),
            partitions.clone(),
        ),
        |(target, _, partitions)| match (target, g) {
            (Some(_), Some(g)) => Rc::new(alternative_targets(
                g,
                partitions.iter().map(|(t, n)| (t.as_str(), *n)),
            )),
            _ => Rc::new(Vec::new()),
        },
    );
    let Some(g) = g else {
        return html! { <p>{ tr("insp.no_group_yet") }</p> };
    };
    // librdkafka's sticky assignors are ports of Java's pre-2.6 algorithm (KAFKA-SEMANTICS.md c): the model
    // computes Java's, and says so.
    let rdkafka_sticky = leader_profile == ClientProfile::Librdkafka
        && matches!(
            g.assignor,
            Some(AssignorName::Sticky | AssignorName::CooperativeSticky)
        );
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
                <h4>{ tf(lang, "insp.generation_at", &[("gen", &rec.generation_id), ("time", &format::seconds(rec.at_ms)),
                    ("assignor", &rec.protocol.map_or(tr("insp.no_assignor"), |a| a.name()))]) }</h4>
                <ul>
                { for rec.assignment.iter().map(|(m, tps)| html! {
                    <li>
                        <span class="who">{ name_of(m) }</span>{ ": " }
                        if tps.is_empty() { <em>{ tr("insp.idle_nothing") }</em> }
                        { for tps.iter().map(|tp| {
                            let moved = prev.as_ref().is_some_and(|pm| pm.get(tp).is_some_and(|o| *o != m.as_str()));
                            html! { <span class={if moved { "tp moved" } else { "tp" }}
                                          title={if moved { tr("insp.moved_title") } else { "" }}>
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
            <tr class={current.then_some("is-current")}>
                <th scope="row">{ a.name() }{ if current { tr("insp.used") } else { "" } }</th>
                <td>
                { for result.iter().map(|(m, tps)| html! {
                    <div>{ format!("{}: {}", name_of(m), if tps.is_empty() { "–".to_string() } else {
                        tps.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(", ") }) }</div>
                }) }
                </td>
            </tr>
        }
    });

    let server_alternatives_html = server_alternatives.iter().map(|(a, result)| {
        let current = g.server_assignor.as_deref() == Some(a.name());
        html! {
            <tr class={current.then_some("is-current")} data-server-assignor={a.name()}>
                <th scope="row">{ a.name() }{ if current { tr("insp.used") } else { "" } }</th>
                <td>
                { for result.iter().map(|(m, tps)| html! {
                    <div>{ format!("{}: {}", name_of(m), if tps.is_empty() { "–".to_string() } else { tps.join(", ") }) }</div>
                }) }
                </td>
            </tr>
        }
    });

    html! {
        <>
            <dl class="facts">
                <dt>{ tr("insp.state") }</dt><dd data-group-state={g.state.name()}>{ g.state.name() }</dd>
                { fact_rows(vec![
                    (tr("insp.generation"), Html::from(g.generation_id)),
                    (tr("insp.assignor"), Html::from(g.assignor.map_or(tr("insp.none_yet"), |a| a.name()))),
                    (tr("insp.leader"), Html::from(g.leader.as_deref().map(name_of).unwrap_or_else(|| tr("insp.none").into()))),
                    (tr("insp.redelivered"), Html::from(tf(lang, "insp.redelivered_value", &[("n", &g.records_redelivered)]))),
                ]) }
            </dl>
            <h3>{ tr("insp.which_coordinator") }</h3>
            { coordinator_steps(lang, &g.coordinator.lookup, leader_broker) }
            <h3>{ tr("insp.members") }</h3>
            <ul class="members">
                { for g.members.iter().map(|m| {
                    let c = m.consumer.clone();
                    let sel = p.on_select.reform(move |_: MouseEvent| Selection::Consumer(c.clone()));
                    html! {
                        <li>
                            <button class="link" onclick={sel}>{ m.consumer.clone() }</button>
                            { format!(" · {}{}{}{}", m.member_id,
                                m.group_instance_id.as_ref().map(|i| tf(lang, "insp.static_note", &[("id", i)])).unwrap_or_default(),
                                if m.is_leader { tr("insp.leader_mark") } else { "" },
                                tf(lang, "insp.owns_value", &[("owns", &if m.assigned.is_empty() { tr("insp.nothing").into() } else { m.assigned.join(", ") })])) }
                        </li>
                    }
                }) }
            </ul>
            <h3>{ tr("insp.committed_offsets") }</h3>
            <ul class="committed">
                { for g.committed.iter().map(|(tp, o)| html! {
                    <li>{ tf(lang, "insp.committed_line", &[("tp", tp), ("offset", o), ("lag", &g.lag.get(tp).copied().unwrap_or(0))]) }</li>
                }) }
            </ul>
            if rdkafka_sticky {
                <p class="hint" data-hint="rdkafka-sticky">{ tr("insp.rdkafka_sticky") }</p>
            }
            // A consumer-protocol group has epochs, not generations: its target is on the stage and compared below.
            if !g.history.is_empty() {
                <h3>{ tr("insp.per_generation") }</h3>
                <p class="hint">{ tr("insp.moved_hint") }</p>
                { for history }
            }
            if !alternatives.is_empty() {
                <h3>{ tr("insp.other_assignors") }</h3>
                <table class="table"><tbody>{ for alternatives_html }</tbody></table>
            }
            if !server_alternatives.is_empty() {
                <h3>{ tr("insp.other_server_assignors") }</h3>
                <p class="hint">{ tr("insp.other_server_assignors_hint") }</p>
                <table class="table" data-alternatives="server"><tbody>{ for server_alternatives_html }</tbody></table>
            }
        </>
    }
}
