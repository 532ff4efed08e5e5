//! A consumer: configuration, membership, what it owns, its positions, and its actions.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use grouplab_model::command::Command;
use grouplab_model::consumer::ConsumerStatus;

use crate::ui::format;
use crate::ui::snapshot::Snapshot;
use crate::ui::stage::member::{is_idle, state_label};

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
                <button class="btn btn--small" onclick={cmd(Command::CloseConsumer { consumer: n.clone() })}
                        title="consumer.close(): commit, then LeaveGroup" data-action="close">{ "Close" }</button>
                <button class="btn btn--small btn--danger" onclick={cmd(Command::CrashConsumer { consumer: n.clone() })}
                        title="The process dies: no commit, no LeaveGroup" data-action="crash">{ "Crash" }</button>
                <button class="btn btn--small" onclick={cmd(Command::CommitNow { consumer: n.clone(), sync: true })}
                        title="commitSync() of the current positions" data-action="commit">{ "Commit" }</button>
                <label class={classes!("rate", p.compact.then_some("sr-label"))}>
                    <span>{ "processing" }</span>
                    <select {onchange} aria-label={format!("Processing rate of {}", p.name)} data-action="rate">
                        { for [("", "instant"), ("50", "50/s"), ("10", "10/s"), ("1", "1/s (slow)")].iter().map(|(v, l)| html! {
                            <option value={*v} selected={rate == *v}>{ *l }</option>
                        }) }
                    </select>
                </label>
            } else {
                <button class="btn btn--small" onclick={cmd(Command::RestartConsumer { consumer: n.clone() })}
                        data-action="restart">{ "Restart" }</button>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ConsumerPanelProps {
    pub view: Snapshot,
    pub name: String,
    pub on_command: Callback<Command>,
}

#[function_component(ConsumerPanel)]
pub fn consumer_panel(p: &ConsumerPanelProps) -> Html {
    let v = &p.view.view;
    let Some(c) = v.consumers.iter().find(|c| c.name == p.name) else {
        return html! { <p>{ "This consumer does not exist at this point of the history." }</p> };
    };
    let gs = c
        .group_id
        .as_deref()
        .and_then(|g| v.groups.iter().find(|x| x.group_id == g))
        .map(|g| g.state);
    let since_poll = v.time_ms.saturating_sub(c.last_poll_ms);
    let status = match &c.status {
        ConsumerStatus::Failed(r) => format!("failed: {r}"),
        s => format!("{s:?}").to_lowercase(),
    };
    html! {
        <>
            <dl class="facts">
                <dt>{ "state" }</dt><dd>{ state_label(c, gs) }{ if is_idle(c, gs) { " (idle: more consumers than partitions)" } else { "" } }</dd>
                <dt>{ "process" }</dt><dd>{ status }</dd>
                <dt>{ "client" }</dt><dd>{ format!("{} ({})", c.profile.label(), c.client_id) }</dd>
                <dt>{ "group.id" }</dt><dd>{ c.group_id.clone().unwrap_or_else(|| "none (assign)".into()) }{ if c.console { " · console consumer" } else { "" } }</dd>
                <dt>{ "member id" }</dt><dd><code>{ if c.member_id.is_empty() { "(none yet)" } else { &c.member_id } }</code></dd>
                <dt>{ "group.instance.id" }</dt><dd>{ c.group_instance_id.clone().unwrap_or_else(|| "none: dynamic member".into()) }</dd>
                <dt>{ "generation" }</dt><dd>{ c.generation_id }{ if c.is_leader { " · group leader (runs the assignor)" } else { "" } }</dd>
                <dt>{ "strategies" }</dt><dd>{ c.strategies.iter().map(|a| a.name()).collect::<Vec<_>>().join(", ") }</dd>
                <dt>{ "owns" }</dt><dd>{ if c.assigned.is_empty() { "nothing".into() } else { c.assigned.join(", ") } }</dd>
                <dt>{ "positions" }</dt><dd>{ if c.positions.is_empty() { "–".into() } else {
                    c.positions.iter().map(|(tp, o)| format!("{tp} at {o}")).collect::<Vec<_>>().join(", ") } }</dd>
                <dt>{ "processing" }</dt><dd>{ c.records_per_sec.map_or("instant".into(), |r| format!("{r} records/s")) }</dd>
                <dt>{ "delivered" }</dt><dd>{ format!("{} records ({} redelivered)", c.records_delivered, c.records_redelivered) }</dd>
                <dt>{ "last poll()" }</dt><dd>{ format!("{} ago (max.poll.interval.ms {})", format::seconds(since_poll), c.max_poll_interval_ms) }</dd>
                <dt>{ "session.timeout.ms" }</dt><dd>{ c.session_timeout_ms }</dd>
            </dl>
            <ConsumerActions name={c.name.clone()} status={c.status.clone()} rate={c.records_per_sec} on_command={p.on_command.clone()} />
            <p class="hint">{ "Slow it to 1/s or \"stuck\": once a batch takes longer than max.poll.interval.ms, the consumer leaves the group and its partitions move." }</p>
        </>
    }
}
