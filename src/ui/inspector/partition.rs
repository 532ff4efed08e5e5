//! A partition: leader and replicas, log start and end, the newest records, and per group the committed
//! offset, the lag and who owns it.

use yew::prelude::*;

use grouplab_model::view::WorldView;

use crate::i18n::{t, tf, Lang};
use crate::session::Selection;
use crate::ui::markup::{facts, head_row};

pub fn partition_panel(
    lang: Lang,
    v: &WorldView,
    tp: &str,
    on_select: &Callback<Selection>,
) -> Html {
    let tr = |key| t(lang, key);
    let Some((topic, n)) = tp.rsplit_once('/') else {
        return html! {};
    };
    let Some(part) = v
        .topics
        .iter()
        .find(|t| t.name == topic)
        .and_then(|t| t.partitions.iter().find(|x| x.partition.to_string() == n))
    else {
        return html! { <p>{ tr("insp.no_partition_now") }</p> };
    };
    let groups = v.groups.iter().filter(|g| {
        g.committed.contains_key(tp)
            || g.members
                .iter()
                .any(|m| m.subscribed.iter().any(|t| t == topic))
    });
    html! {
        <>
            { facts(vec![
                (tr("insp.leader"), Html::from(part.leader.map_or(tr("insp.offline").into(), |b| tf(lang, "ev.broker", &[("broker", &b)])))),
                (tr("insp.replicas"), Html::from(part.replicas.iter().map(|b| b.to_string()).collect::<Vec<_>>().join(", "))),
                (tr("insp.log_start"), Html::from(part.log_start_offset)),
                (tr("insp.log_end"), Html::from(format!("{}{}", part.log_end_offset, tr("insp.log_end_note")))),
            ]) }
            <table class="table">
                <caption>{ tr("insp.groups_reading") }</caption>
                { head_row(["insp.group", "insp.committed", "insp.lag", "insp.owner"].map(tr)) }
                <tbody>
                { for groups.map(|g| {
                    let owner = v.consumers.iter().find(|c| c.group_id.as_deref() == Some(g.group_id.as_str()) && c.assigned.iter().any(|a| a == tp));
                    html! {
                        <tr>
                            <td>{ g.group_id.clone() }</td>
                            <td>{ g.committed.get(tp).map_or(tr("insp.none").into(), |o| o.to_string()) }</td>
                            <td>{ g.lag.get(tp).map_or("–".into(), |o| o.to_string()) }</td>
                            <td>{ owner.map_or(tr("insp.nobody").into(), |c| tf(lang, "insp.owner_position", &[("name", &c.name),
                                ("pos", &c.positions.get(tp).map_or("–".into(), |o| o.to_string()))])) }</td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            <table class="table records">
                <caption>{ tr("insp.newest") }</caption>
                { head_row(["insp.offset", "insp.key", "insp.value", "insp.producer"].map(tr)) }
                <tbody>
                { for part.records.iter().rev().take(12).map(|r| {
                    let (tp, o) = (tp.to_string(), r.offset);
                    let sel = on_select.reform(move |_: MouseEvent| Selection::Record(tp.clone(), o));
                    html! {
                        <tr>
                            <td><button class="link" title={tr("insp.explain_record")} onclick={sel}>{ r.offset.to_string() }</button></td>
                            <td>{ r.key.clone().unwrap_or_else(|| "null".into()) }</td>
                            <td>{ r.value.clone() }</td>
                            <td>{ r.producer.clone() }</td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
        </>
    }
}
