//! A broker: up or down, the partitions it leads, the groups it coordinates and why.

use yew::prelude::*;

use grouplab_model::command::Command;
use grouplab_model::view::WorldView;

use super::steps::coordinator_steps;
use crate::i18n::{t, tf, Lang};
use crate::ui::markup::facts;

pub fn broker_panel(lang: Lang, v: &WorldView, id: u32, on_command: &Callback<Command>) -> Html {
    let Some(b) = v.brokers.iter().find(|b| b.id == id) else {
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
    let (up, on) = (b.up, on_command.clone());
    let toggle = Callback::from(move |_| {
        on.emit(if up {
            Command::StopBroker { broker: id }
        } else {
            Command::StartBroker { broker: id }
        })
    });
    html! {
        <>
            { facts(vec![
                (t(lang, "insp.status"), Html::from(t(lang, if b.up { "insp.up" } else { "insp.down" }))),
                (t(lang, "insp.leads"), Html::from(if leads.is_empty() { t(lang, "insp.no_partition").into() } else { leads.join(", ") })),
                (t(lang, "insp.coordinates"), Html::from(if b.coordinates.is_empty() { t(lang, "insp.no_group").into() } else { b.coordinates.join(", ") })),
            ]) }
            <button class={if b.up { "btn btn--danger" } else { "btn" }} onclick={toggle}>
                { t(lang, if b.up { "insp.stop_broker" } else { "insp.start_broker" }) }
            </button>
            <p class="hint">{ t(lang, "insp.broker_hint") }</p>
            { for v.groups.iter().filter(|g| b.coordinates.contains(&g.group_id)).map(|g| html! {
                <>
                    <h3>{ tf(lang, "insp.why_coordinator", &[("broker", &b.id), ("group", &g.group_id)]) }</h3>
                    { coordinator_steps(lang, &g.coordinator.lookup, g.coordinator.broker) }
                </>
            }) }
        </>
    }
}
