//! Acting on the world: add consumers (profile, assignor, group, group.instance.id), produce (one record with
//! a key or none, a burst, a steady rate), add partitions, run the console consumer, stop and start brokers.
//! Every action is a model `Command`; per-consumer actions live in the inspector.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use grouplab_model::assignor::AssignorName;
use grouplab_model::command::{Command, KeySpec};
use grouplab_model::config::{AutoOffsetReset, ClientProfile, ConsumerConfig, GroupProtocol};

use crate::i18n::{t, tf, use_lang};
use crate::session::Request;

#[derive(Properties, PartialEq)]
pub struct ActionsProps {
    /// (name, partitions)
    pub topics: Vec<(String, u32)>,
    pub groups: Vec<String>,
    pub producers: Vec<String>,
    /// (id, up)
    pub brokers: Vec<(u32, bool)>,
    /// The keyboard's latest request (add a consumer, produce), numbered: acted on once when it changes.
    #[prop_or_default]
    pub request: Option<(Request, u32)>,
    pub on_command: Callback<Command>,
}

fn input(r: &NodeRef) -> String {
    r.cast::<HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

fn checked(r: &NodeRef) -> bool {
    r.cast::<HtmlInputElement>().is_some_and(|i| i.checked())
}

fn select(r: &NodeRef) -> String {
    r.cast::<HtmlSelectElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

fn profile(v: &str) -> ClientProfile {
    if v == "java" {
        ClientProfile::Java
    } else {
        ClientProfile::Librdkafka
    }
}

#[function_component(Actions)]
pub fn actions(p: &ActionsProps) -> Html {
    let lang = use_lang();
    let group = use_node_ref();
    let c_profile = use_node_ref();
    let assignor = use_node_ref();
    let protocol = use_node_ref();
    let remote = use_node_ref();
    // group.protocol=consumer: the assignor runs on the broker (group.remote.assignor), and the client's
    // partition.assignment.strategy is refused (ConsumerConfig, KIP-848), so the form swaps one for the other.
    let consumer_protocol = use_state(|| false);
    let instance = use_node_ref();
    let c_topic = use_node_ref();
    let producer = use_node_ref();
    let p_topic = use_node_ref();
    let key = use_node_ref();
    let null_key = use_node_ref();
    let rate = use_node_ref();
    let from_beginning = use_node_ref();
    let first_topic = p.topics.first().map(|t| t.0.clone()).unwrap_or_default();

    let add_consumer = {
        let (group, c_profile, assignor, instance, c_topic) = (
            group.clone(),
            c_profile.clone(),
            assignor.clone(),
            instance.clone(),
            c_topic.clone(),
        );
        let (protocol, remote) = (protocol.clone(), remote.clone());
        let on = p.on_command.clone();
        let first_topic = first_topic.clone();
        Callback::from(move |()| {
            let g = input(&group).trim().to_string();
            let inst = input(&instance).trim().to_string();
            let a = select(&assignor);
            let kip848 = select(&protocol) == "consumer";
            let r = select(&remote);
            let mut topic = select(&c_topic);
            if topic.is_empty() {
                topic = first_topic.clone();
            }
            on.emit(Command::AddConsumer {
                name: None,
                profile: profile(&select(&c_profile)),
                config: ConsumerConfig {
                    group_id: Some(if g.is_empty() {
                        "order-consumer-group".into()
                    } else {
                        g
                    }),
                    group_instance_id: (!inst.is_empty()).then_some(inst),
                    partition_assignment_strategy: if kip848 {
                        None
                    } else {
                        AssignorName::from_name(&a).map(|a| vec![a])
                    },
                    group_protocol: kip848.then_some(GroupProtocol::Consumer),
                    group_remote_assignor: (kip848 && !r.is_empty()).then_some(r),
                    auto_offset_reset: Some(AutoOffsetReset::Earliest),
                    ..ConsumerConfig::default()
                },
                topics: vec![topic],
                assign: None,
                // Like the course notes' consumers: the application handles 50 records a second.
                records_per_sec: Some(50),
            });
        })
    };

    let produce = |count: u32| {
        let (producer, p_topic, key, null_key) = (
            producer.clone(),
            p_topic.clone(),
            key.clone(),
            null_key.clone(),
        );
        let on = p.on_command.clone();
        let default_producer = p.producers.first().cloned().unwrap_or_default();
        Callback::from(move |()| {
            let k = input(&key);
            let pr = Some(select(&producer)).filter(|s| !s.is_empty());
            on.emit(Command::Produce {
                producer: pr.unwrap_or_else(|| default_producer.clone()),
                topic: select(&p_topic),
                key: (!checked(&null_key)).then_some(k),
                value: None,
                partition: None,
                count: Some(count),
            });
        })
    };
    let set_rate = {
        let (producer, p_topic, key, null_key, rate) = (
            producer.clone(),
            p_topic.clone(),
            key.clone(),
            null_key.clone(),
            rate.clone(),
        );
        let on = p.on_command.clone();
        let default_producer = p.producers.first().cloned().unwrap_or_default();
        Callback::from(move |()| {
            let k = input(&key);
            let keys = if checked(&null_key) {
                KeySpec::Null
            } else if k.is_empty() {
                KeySpec::Random {
                    prefix: "order-".into(),
                    cardinality: 20,
                }
            } else {
                KeySpec::Fixed { key: k }
            };
            let pr = Some(select(&producer)).filter(|s| !s.is_empty());
            on.emit(Command::SetProduceRate {
                producer: pr.unwrap_or_else(|| default_producer.clone()),
                topic: select(&p_topic),
                records_per_sec: input(&rate).trim().parse().unwrap_or(0),
                keys,
            });
        })
    };
    let send_one = produce(1);
    let burst = produce(20);
    // A keyboard request made before the panel was drawn is not replayed when it appears.
    let seen = use_mut_ref(|| p.request.map(|(_, n)| n));
    {
        let (add_consumer, send_one) = (add_consumer.clone(), send_one.clone());
        use_effect_with(p.request, move |request| {
            if let Some((what, n)) = *request {
                if seen.replace(Some(n)) != Some(n) {
                    match what {
                        Request::AddConsumer => add_consumer.emit(()),
                        Request::Produce => send_one.emit(()),
                    }
                }
            }
        });
    }
    let add_producer = {
        let on = p.on_command.clone();
        Callback::from(move |_: MouseEvent| {
            on.emit(Command::AddProducer {
                name: None,
                profile: ClientProfile::Librdkafka,
                config: Default::default(),
            })
        })
    };
    let add_partition = {
        let (p_topic, on, topics) = (p_topic.clone(), p.on_command.clone(), p.topics.clone());
        Callback::from(move |_: MouseEvent| {
            let t = select(&p_topic);
            let n = topics.iter().find(|x| x.0 == t).map_or(1, |x| x.1);
            on.emit(Command::AddPartitions {
                topic: t,
                partitions: n + 1,
            });
        })
    };
    let console = {
        let (p_topic, on, from_beginning) = (
            p_topic.clone(),
            p.on_command.clone(),
            from_beginning.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            on.emit(Command::RunConsoleConsumer {
                topic: select(&p_topic),
                group: None,
                from_beginning: checked(&from_beginning),
                partition: None,
            });
        })
    };

    let topic_options = p
        .topics
        .iter()
        .map(|(t, n)| html! { <option value={t.clone()}>{ format!("{t} ({n})") }</option> })
        .collect::<Html>();

    html! {
        <section class="actions" aria-label={t(lang, "act.region")}>
            <fieldset class="actions__set">
                <legend>{ t(lang, "act.consumers") }</legend>
                <label>{ "group.id" }<input ref={group.clone()} list="group-ids" value="order-consumer-group" size="18" /></label>
                <datalist id="group-ids">
                    { for p.groups.iter().map(|g| html! { <option value={g.clone()} /> }) }
                </datalist>
                <label>
                    { t(lang, "act.client") }
                    <select ref={c_profile.clone()}>
                        <option value="librdkafka" selected=true>{ "confluent-kafka" }</option>
                        <option value="java">{ "Java" }</option>
                    </select>
                </label>
                <label>
                    { "group.protocol" }
                    <select ref={protocol.clone()} data-field="group.protocol" onchange={{
                        let (protocol, consumer_protocol) = (protocol.clone(), consumer_protocol.clone());
                        Callback::from(move |_: Event| consumer_protocol.set(select(&protocol) == "consumer"))
                    }}>
                        <option value="classic" selected=true>{ "classic" }</option>
                        <option value="consumer">{ "consumer" }</option>
                    </select>
                </label>
                if *consumer_protocol {
                    <label>
                        { "group.remote.assignor" }
                        <select ref={remote.clone()} data-field="group.remote.assignor">
                            <option value="" selected=true>{ t(lang, "act.broker_default") }</option>
                            <option value="uniform">{ "uniform" }</option>
                            <option value="range">{ "range" }</option>
                        </select>
                    </label>
                } else {
                    <label>
                        { t(lang, "act.assignor") }
                        <select ref={assignor.clone()}>
                            <option value="" selected=true>{ t(lang, "act.client_default") }</option>
                            { for AssignorName::ALL.iter().map(|a| html! { <option value={a.name()}>{ a.name() }</option> }) }
                        </select>
                    </label>
                }
                <label>{ "group.instance.id" }<input ref={instance.clone()} placeholder={t(lang, "act.dynamic")} size="10" /></label>
                <label>{ t(lang, "act.topic") }<select ref={c_topic.clone()}>{ topic_options.clone() }</select></label>
                <button class="btn btn--primary" onclick={add_consumer.reform(|_| ())} data-action="add-consumer"
                        aria-keyshortcuts="a">{ t(lang, "act.add_consumer") }</button>
            </fieldset>
            <fieldset class="actions__set">
                <legend>{ t(lang, "act.produce") }</legend>
                if p.producers.len() > 1 {
                    <label>
                        { t(lang, "act.producer") }
                        <select ref={producer.clone()}>
                            { for p.producers.iter().map(|x| html! { <option value={x.clone()}>{ x }</option> }) }
                        </select>
                    </label>
                }
                <label>{ t(lang, "act.topic") }<select ref={p_topic.clone()}>{ topic_options }</select></label>
                <label>{ t(lang, "act.key") }<input ref={key.clone()} value="order-7" size="10" /></label>
                <label class="check"><input type="checkbox" ref={null_key.clone()} />{ t(lang, "act.no_key") }</label>
                if p.producers.is_empty() {
                    <button class="btn" onclick={add_producer}>{ t(lang, "act.add_producer") }</button>
                } else {
                    <button class="btn btn--primary" onclick={send_one.reform(|_| ())} data-action="produce"
                            aria-keyshortcuts="p">{ t(lang, "act.send_one") }</button>
                    <button class="btn" data-action="burst" onclick={burst.reform(|_| ())}>{ t(lang, "act.burst") }</button>
                    <label>{ t(lang, "act.rate") }<input ref={rate.clone()} type="number" min="0" max="1000" value="4" class="num" /></label>
                    <button class="btn" data-action="set-rate" title={t(lang, "act.set_rate_title")}
                            onclick={set_rate.reform(|_| ())}>{ t(lang, "act.set_rate") }</button>
                }
            </fieldset>
            <fieldset class="actions__set">
                <legend>{ t(lang, "act.topic_brokers") }</legend>
                <button class="btn" data-action="add-partition" title={t(lang, "act.add_partition_title")}
                        onclick={add_partition}>{ t(lang, "act.add_partition") }</button>
                <button class="btn" data-action="console-consumer" title={t(lang, "act.console_title")}
                        onclick={console}>{ t(lang, "act.console") }</button>
                <label class="check"><input type="checkbox" ref={from_beginning.clone()} checked=true />{ "--from-beginning" }</label>
                { for p.brokers.iter().map(|(id, up)| {
                    let (on, id, up) = (p.on_command.clone(), *id, *up);
                    let onclick = Callback::from(move |_| on.emit(if up {
                        Command::StopBroker { broker: id }
                    } else {
                        Command::StartBroker { broker: id }
                    }));
                    html! {
                        <button class={if up { "btn" } else { "btn btn--danger" }} {onclick}
                                data-action={format!("toggle-broker-{id}")}>
                            { tf(lang, if up { "act.stop_broker" } else { "act.start_broker" }, &[("id", &id)]) }
                        </button>
                    }
                }) }
            </fieldset>
        </section>
    }
}
