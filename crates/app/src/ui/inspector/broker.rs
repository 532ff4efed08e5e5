//! A broker: up or down, the partitions it leads, the groups it coordinates and why.

use yew::prelude::*;

use grouplab_model::command::Command;

use super::steps::coordinator_steps;
use crate::ui::snapshot::Snapshot;

#[derive(Properties, PartialEq)]
pub struct BrokerPanelProps {
    pub view: Snapshot,
    pub id: u32,
    pub on_command: Callback<Command>,
}

#[function_component(BrokerPanel)]
pub fn broker_panel(p: &BrokerPanelProps) -> Html {
    let v = &p.view.view;
    let Some(b) = v.brokers.iter().find(|b| b.id == p.id) else {
        return html! {};
    };
    let leads: Vec<String> = v
        .topics
        .iter()
        .flat_map(|t| {
            t.partitions
                .iter()
                .filter(|x| x.leader == Some(b.id))
                .map(move |x| format!("{}/{}", t.name, x.partition))
        })
        .collect();
    let (id, up, on) = (b.id, b.up, p.on_command.clone());
    let toggle = Callback::from(move |_| {
        on.emit(if up {
            Command::StopBroker { broker: id }
        } else {
            Command::StartBroker { broker: id }
        })
    });
    html! {
        <>
            <dl class="facts">
                <dt>{ "status" }</dt><dd>{ if b.up { "up" } else { "down" } }</dd>
                <dt>{ "leads" }</dt><dd>{ if leads.is_empty() { "no partition".into() } else { leads.join(", ") } }</dd>
                <dt>{ "coordinates" }</dt><dd>{ if b.coordinates.is_empty() { "no group".into() } else { b.coordinates.join(", ") } }</dd>
            </dl>
            <button class={classes!("btn", b.up.then_some("btn--danger"))} onclick={toggle}>
                { if b.up { "Stop this broker" } else { "Start this broker" } }
            </button>
            <p class="hint">{ "Stopping the coordinator's broker moves the leadership of its __consumer_offsets partition, and with it the coordinator." }</p>
            { for v.groups.iter().filter(|g| b.coordinates.contains(&g.group_id)).map(|g| html! {
                <>
                    <h3>{ format!("Why broker {} coordinates {}", b.id, g.group_id) }</h3>
                    { coordinator_steps(&g.coordinator.lookup, g.coordinator.broker) }
                </>
            }) }
        </>
    }
}
