//! A producer: its client, partitioner and rates, and a key tester that walks any key through the
//! partitioner's steps.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::steps::key_steps;
use crate::ui::snapshot::Snapshot;

#[derive(Properties, PartialEq)]
pub struct ProducerPanelProps {
    pub view: Snapshot,
    pub name: String,
}

#[function_component(ProducerPanel)]
pub fn producer_panel(p: &ProducerPanelProps) -> Html {
    let key = use_state(|| "order-7".to_string());
    let v = &p.view.view;
    let Some(pr) = v.producers.iter().find(|x| x.name == p.name) else {
        return html! { <p>{ "This producer does not exist at this point of the history." }</p> };
    };
    let oninput = {
        let key = key.clone();
        Callback::from(move |e: InputEvent| {
            let i: HtmlInputElement = e.target_unchecked_into();
            key.set(i.value());
        })
    };
    let topic = pr
        .rates
        .first()
        .map(|(t, _)| t.clone())
        .or_else(|| v.topics.first().map(|t| t.name.clone()))
        .unwrap_or_default();
    let partitions = v
        .topics
        .iter()
        .find(|t| t.name == topic)
        .map_or(1, |t| t.partitions.len() as u32);
    html! {
        <>
            <dl class="facts">
                <dt>{ "client" }</dt><dd>{ format!("{} ({})", pr.profile.label(), pr.client_id) }</dd>
                <dt>{ "partitioner" }</dt><dd>{ pr.partitioner.name() }</dd>
                <dt>{ "records sent" }</dt><dd>{ pr.records_sent }</dd>
                <dt>{ "rates" }</dt><dd>{ if pr.rates.is_empty() { "none".into() } else {
                    pr.rates.iter().map(|(t, r)| format!("{r}/s to {t}")).collect::<Vec<_>>().join(", ") } }</dd>
            </dl>
            <h3>{ format!("Try a key ({topic}, {partitions} partitions)") }</h3>
            <label class="field">{ "key " }<input value={(*key).clone()} {oninput} aria-label="Key to place" /></label>
            { key_steps(pr.partitioner, Some(key.as_str()).filter(|k| !k.is_empty()), partitions) }
        </>
    }
}
