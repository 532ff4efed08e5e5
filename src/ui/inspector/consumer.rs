//! A consumer: configuration, membership, what it owns, its positions, and its actions.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use grouplab_model::command::Command;
use grouplab_model::consumer::ConsumerStatus;
use grouplab_model::view::WorldView;

use crate::i18n::{t, tf, use_lang, Lang};
use crate::ui::format;
use crate::ui::markup::facts;
use crate::ui::stage::member::{is_idle, state_key, state_label};

#[derive(Properties, PartialEq)]
pub struct ActionsProps {
    pub name: String,
    pub status: ConsumerStatus,
    pub rate: Option<u32>,
    #[prop_or_default]
    pub compact: bool,
    pub on_command: Callback<Command>,
}

/// Close (graceful LeaveGroup), crash, restart, commit now, and the processing rate.
#[function_component(ConsumerActions)]
pub fn consumer_actions(p: &ActionsProps) -> Html {
    let lang = use_lang();
    let running = p.status == ConsumerStatus::Running;
    let cmd = |c: Command| {
        let on = p.on_command.clone();
        Callback::from(move |_: MouseEvent| on.emit(c.clone()))
    };
    let name = p.name.clone();
    let on = p.on_command.clone();
    let onchange = Callback::from(move |e: Event| {
        let s: HtmlSelectElement = e.target_unchecked_into();
        let rate = s.value().parse::<u32>().ok();
        on.emit(Command::SetProcessingRate {
            consumer: name.clone(),
            records_per_sec: rate,
        });
    });
    let n = p.name.clone();
    let rate = p.rate.map(|r| r.to_string()).unwrap_or_default();
    html! {
        <div class="consumer-actions" data-actions-for={p.name.clone()}>
            if running {
                <button class="btn btn--small" data-action="close" title={t(lang, "insp.close_title")}
                        onclick={cmd(Command::CloseConsumer { consumer: n.clone() })}>{ t(lang, "insp.close") }</button>
                <button class="btn btn--small btn--danger" data-action="crash" title={t(lang, "insp.crash_title")}
                        onclick={cmd(Command::CrashConsumer { consumer: n.clone() })}>{ t(lang, "insp.crash") }</button>
                <button class="btn btn--small" data-action="commit" title={t(lang, "insp.commit_title")}
                        onclick={cmd(Command::CommitNow { consumer: n.clone(), sync: true })}>{ t(lang, "insp.commit") }</button>
                <label class={if p.compact { "rate sr-label" } else { "rate" }}>
                    <span>{ t(lang, "insp.processing") }</span>
                    <select {onchange} aria-label={tf(lang, "insp.processing_of", &[("name", &p.name)])} data-action="rate">
                        { for [("", t(lang, "insp.instant")), ("50", "50/s"), ("10", "10/s"), ("1", t(lang, "insp.slow"))].iter().map(|(v, l)| html! {
                            <option value={*v} selected={rate == *v}>{ *l }</option>
                        }) }
                    </select>
                </label>
            } else {
                <button class="btn btn--small" data-action="restart"
                        onclick={cmd(Command::RestartConsumer { consumer: n.clone() })}>{ t(lang, "insp.restart") }</button>
            }
        </div>
    }
}

pub fn consumer_panel(
    lang: Lang,
    v: &WorldView,
    name: &str,
    on_command: &Callback<Command>,
) -> Html {
    let Some(c) = v.consumers.iter().find(|c| c.name == name) else {
        return html! { <p>{ t(lang, "insp.no_consumer") }</p> };
    };
    let gs = c
        .group_id
        .as_deref()
        .and_then(|g| v.groups.iter().find(|x| x.group_id == g))
        .map(|g| g.state);
    let since_poll = v.time_ms.saturating_sub(c.last_poll_ms);
    let status = match &c.status {
        ConsumerStatus::Failed(r) => tf(lang, "insp.failed", &[("reason", r)]),
        ConsumerStatus::Running => t(lang, "insp.running").into(),
        ConsumerStatus::Crashed => t(lang, "insp.crashed").into(),
        ConsumerStatus::Closed => t(lang, "insp.closed").into(),
    };
    let tr = |key| t(lang, key);
    let note = |on: bool, key| if on { t(lang, key) } else { "" };
    html! {
        <>
            { facts(vec![
                (tr("insp.state"), Html::from([tr(state_key(state_label(c, gs))), note(is_idle(c, gs), "insp.idle_note")].concat())),
                (tr("insp.process"), Html::from(status)),
                (tr("insp.client"), Html::from(format!("{} ({})", c.profile.label(), c.client_id))),
                ("group.id", Html::from([c.group_id.as_deref().unwrap_or(tr("insp.no_group_assign")), note(c.console, "insp.console_note")].concat())),
                (tr("insp.member_id"), html! { <code>{ if c.member_id.is_empty() { tr("insp.none_yet_paren") } else { &c.member_id } }</code> }),
                ("group.instance.id", Html::from(c.group_instance_id.clone().unwrap_or_else(|| tr("insp.dynamic_member").into()))),
                (tr("insp.generation"), Html::from(format!("{}{}", c.generation_id, note(c.is_leader, "insp.leader_note")))),
                (tr("insp.strategies"), Html::from(c.strategies.iter().map(|a| a.name()).collect::<Vec<_>>().join(", "))),
                (tr("insp.owns"), Html::from(if c.assigned.is_empty() { tr("insp.nothing").into() } else { c.assigned.join(", ") })),
                (tr("insp.positions"), Html::from(if c.positions.is_empty() { "–".into() } else {
                    c.positions.iter().map(|(tp, o)| tf(lang, "insp.position_at", &[("tp", tp), ("offset", o)])).collect::<Vec<_>>().join(", ") })),
                (tr("insp.processing"), Html::from(c.records_per_sec.map_or(tr("insp.instant").into(), |r| tf(lang, "insp.records_per_sec", &[("rate", &r)])))),
                (tr("insp.delivered"), Html::from(tf(lang, "insp.delivered_value", &[("n", &c.records_delivered), ("again", &c.records_redelivered)]))),
                (tr("insp.last_poll"), Html::from(tf(lang, "insp.last_poll_value", &[("ago", &format::seconds(since_poll)), ("max", &c.max_poll_interval_ms)]))),
                ("session.timeout.ms", Html::from(c.session_timeout_ms)),
            ]) }
            <ConsumerActions name={c.name.clone()} status={c.status.clone()} rate={c.records_per_sec} on_command={on_command.clone()} />
            <p class="hint">{ tr("insp.consumer_hint") }</p>
        </>
    }
}
