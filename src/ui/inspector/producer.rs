//! A producer: its client, partitioner and rates, and a key tester that walks any key through the
//! partitioner's steps.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::steps::key_steps;
use crate::i18n::{t, tf, use_lang};
use crate::ui::markup::facts;
use crate::ui::snapshot::Snapshot;

#[derive(Properties, PartialEq)]
pub struct ProducerPanelProps {
    pub view: Snapshot,
    pub name: String,
}

#[function_component(ProducerPanel)]
pub fn producer_panel(p: &ProducerPanelProps) -> Html {
    let lang = use_lang();
    let key = use_state(|| "order-7".to_string());
    let v = &p.view.view;
    let Some(pr) = v.producers.iter().find(|x| x.name == p.name) else {
        return html! { <p>{ t(lang, "insp.no_producer") }</p> };
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
            { facts(vec![
                (t(lang, "insp.client"), Html::from(format!("{} ({})", pr.profile.label(), pr.client_id))),
                (t(lang, "insp.partitioner"), Html::from(pr.partitioner.name())),
                (t(lang, "insp.records_sent"), Html::from(pr.records_sent)),
                (t(lang, "insp.rates"), Html::from(if pr.rates.is_empty() { t(lang, "insp.none").into() } else {
                    pr.rates.iter().map(|(to, r)| tf(lang, "insp.rate_to", &[("rate", r), ("topic", to)])).collect::<Vec<_>>().join(", ") })),
            ]) }
            <h3>{ tf(lang, "insp.try_key", &[("topic", &topic), ("n", &partitions)]) }</h3>
            <label class="field">{ t(lang, "insp.key") }{ " " }<input value={(*key).clone()} {oninput} aria-label={t(lang, "insp.key_label")} /></label>
            { key_steps(lang, pr.partitioner, Some(key.as_str()).filter(|k| !k.is_empty()), partitions) }
        </>
    }
}
