//! The stage's context menu: right-click an entity (or press the Menu key / Shift+F10 on it) for what can be
//! done to it: crash, close or restart a consumer, commit now, slow it down; stop or start a broker; produce to
//! a partition or from a producer; add a partition to a topic; add a consumer to a group.
//!
//! A WAI-ARIA menu: focus goes to the first item, arrows move, Escape (or a click elsewhere) closes. It is
//! placed through the CSSOM (the strict CSP forbids style attributes).

use grouplab_model::command::Command;
use grouplab_model::config::{ClientProfile, ConsumerConfig, GroupProtocol};
use grouplab_model::consumer::ConsumerStatus;
use grouplab_model::view::WorldView;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::snapshot::Snapshot;
use crate::i18n::{t, Lang};
use crate::session::Selection;

/// An open menu: for what, and where (client pixels).
#[derive(Clone, Debug, PartialEq)]
pub struct MenuAt {
    pub target: Selection,
    pub x: f64,
    pub y: f64,
}

/// The entity an element of the stage draws, from its data attributes.
pub fn selection_of(el: &web_sys::Element) -> Option<Selection> {
    let el = el
        .closest("[data-consumer], [data-partition], [data-broker], [data-producer], [data-topic], [data-group]")
        .ok()??;
    let attr = |name: &str| el.get_attribute(name);
    if let Some(c) = attr("data-consumer") {
        return Some(Selection::Consumer(c));
    }
    if let Some(tp) = attr("data-partition") {
        return Some(Selection::Partition(tp));
    }
    if let Some(b) = attr("data-broker").and_then(|b| b.parse().ok()) {
        return Some(Selection::Broker(b));
    }
    if let Some(p) = attr("data-producer") {
        return Some(Selection::Producer(p));
    }
    if let Some(topic) = attr("data-topic") {
        return Some(Selection::Topic(topic));
    }
    attr("data-group")
        .filter(|g| !g.is_empty())
        .map(Selection::Group)
}

/// What can be done to `target` now, as (i18n key, command).
pub fn items(target: &Selection, view: &WorldView) -> Vec<(&'static str, Command)> {
    let mut out = Vec::new();
    match target {
        Selection::Consumer(name) => {
            let Some(c) = view.consumers.iter().find(|c| &c.name == name) else {
                return out;
            };
            let consumer = name.clone();
            if c.status == ConsumerStatus::Running {
                out.push((
                    "menu.commit",
                    Command::CommitNow {
                        consumer: consumer.clone(),
                        sync: true,
                    },
                ));
                let slow = c.records_per_sec == Some(1);
                out.push((
                    if slow { "menu.fast" } else { "menu.slow" },
                    Command::SetProcessingRate {
                        consumer: consumer.clone(),
                        records_per_sec: if slow { None } else { Some(1) },
                    },
                ));
                out.push((
                    "menu.close",
                    Command::CloseConsumer {
                        consumer: consumer.clone(),
                    },
                ));
                out.push(("menu.crash", Command::CrashConsumer { consumer }));
            } else {
                out.push(("menu.restart", Command::RestartConsumer { consumer }));
            }
        }
        Selection::Broker(b) => {
            let up = view.brokers.iter().any(|x| x.id == *b && x.up);
            out.push(if up {
                ("menu.stop_broker", Command::StopBroker { broker: *b })
            } else {
                ("menu.start_broker", Command::StartBroker { broker: *b })
            });
        }
        Selection::Partition(tp) | Selection::Record(tp, _) => {
            let (topic, p) = tp.rsplit_once('/').unwrap_or((tp, "0"));
            if let (Some(producer), Ok(partition)) = (view.producers.first(), p.parse()) {
                out.push((
                    "menu.produce_here",
                    Command::Produce {
                        producer: producer.name.clone(),
                        topic: topic.to_string(),
                        key: None,
                        value: None,
                        partition: Some(partition),
                        count: None,
                    },
                ));
            }
        }
        Selection::Producer(name) => {
            if let Some(topic) = view.topics.first() {
                for (key, count) in [("menu.produce_one", 1), ("menu.produce_burst", 10)] {
                    out.push((
                        key,
                        Command::Produce {
                            producer: name.clone(),
                            topic: topic.name.clone(),
                            key: None,
                            value: None,
                            partition: None,
                            count: Some(count),
                        },
                    ));
                }
            }
        }
        Selection::Topic(topic) => {
            if let Some(tv) = view.topics.iter().find(|t| &t.name == topic) {
                out.push((
                    "menu.add_partition",
                    Command::AddPartitions {
                        topic: topic.clone(),
                        partitions: tv.partitions.len() as u32 + 1,
                    },
                ));
            }
        }
        Selection::Group(g) => {
            // A new member like the group's first one: same profile and subscription.
            let like = view
                .consumers
                .iter()
                .find(|c| c.group_id.as_deref() == Some(g) && !c.standalone);
            out.push((
                "menu.add_consumer",
                Command::AddConsumer {
                    name: None,
                    profile: like.map_or(ClientProfile::Librdkafka, |c| c.profile),
                    // KIP-848: a group speaks one protocol (the model refuses a mixed one), so the new member copies
                    // group.protocol and group.remote.assignor.
                    config: ConsumerConfig {
                        group_id: Some(g.clone()),
                        group_protocol: like
                            .map(|c| c.group_protocol)
                            .filter(|p| *p == GroupProtocol::Consumer),
                        group_remote_assignor: like.and_then(|c| c.remote_assignor.clone()),
                        ..ConsumerConfig::default()
                    },
                    topics: like.map_or_else(
                        || view.topics.iter().take(1).map(|t| t.name.clone()).collect(),
                        |c| c.topics.clone(),
                    ),
                    assign: None,
                    records_per_sec: like.and_then(|c| c.records_per_sec),
                },
            ));
        }
    }
    out
}

#[derive(Properties, PartialEq)]
pub struct ContextMenuProps {
    pub lang: Lang,
    pub at: MenuAt,
    /// The world the items are for (compared by revision: comparing the items' commands would cost more wasm
    /// than drawing a few buttons again).
    pub snap: Snapshot,
    pub on_command: Callback<Command>,
    pub on_close: Callback<()>,
}

#[function_component(ContextMenu)]
pub fn context_menu(p: &ContextMenuProps) -> Html {
    let menu = use_node_ref();
    {
        let (menu, x, y) = (menu.clone(), p.at.x, p.at.y);
        use_effect_with((x as i64, y as i64), move |_| {
            if let Some(el) = menu.cast::<web_sys::HtmlElement>() {
                place(&el, x, y);
                if let Some(first) = el.query_selector("[role=menuitem]").ok().flatten() {
                    if let Ok(first) = first.dyn_into::<web_sys::HtmlElement>() {
                        let _ = first.focus();
                    }
                }
            }
        });
    }
    let onkeydown = {
        let close = p.on_close.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Escape" | "Tab" => {
                e.prevent_default();
                close.emit(());
            }
            "ArrowDown" | "ArrowUp" => {
                e.prevent_default();
                step_focus(&e, e.key() == "ArrowDown");
            }
            _ => {}
        })
    };
    let title = p.at.target.name(p.lang);
    let items = items(&p.at.target, &p.snap.view);
    html! {
        <div class="context-menu-layer" onclick={p.on_close.reform(|_| ())}
             oncontextmenu={p.on_close.reform(|e: MouseEvent| e.prevent_default())}>
            <div class="context-menu" role="menu" ref={menu} aria-label={title.clone()} data-menu-for={p.at.target.label()}
                 {onkeydown} onclick={Callback::from(|e: MouseEvent| e.stop_propagation())}>
                <p class="context-menu__title">{ title }</p>
                if items.is_empty() {
                    <p class="context-menu__empty">{ t(p.lang, "menu.nothing") }</p>
                }
                { for items.into_iter().map(|(key, cmd)| {
                    let (on, close) = (p.on_command.clone(), p.on_close.clone());
                    html! {
                        <button type="button" role="menuitem" class="context-menu__item" data-menu-item={key}
                                onclick={Callback::from(move |_| { on.emit(cmd.clone()); close.emit(()); })}>
                            { t(p.lang, key) }
                        </button>
                    }
                }) }
            </div>
        </div>
    }
}

/// At (x, y), kept inside the window.
fn place(el: &web_sys::HtmlElement, x: f64, y: f64) {
    let (w, h) = web_sys::window()
        .map(|w| {
            let n = |v: Result<wasm_bindgen::JsValue, _>| {
                v.ok().and_then(|v| v.as_f64()).unwrap_or(800.0)
            };
            (n(w.inner_width()), n(w.inner_height()))
        })
        .unwrap_or((800.0, 600.0));
    let (mw, mh) = (el.offset_width() as f64, el.offset_height() as f64);
    let style = el.style();
    // Whole CSS pixels (clientX, innerWidth and offsetWidth are integers anyway), printed as integers: the
    // wasm then needs no float formatting.
    let at = |v: f64| format!("{}px", v.round() as i64);
    let _ = style.set_property("left", &at(x.min(w - mw - 4.0).max(4.0)));
    let _ = style.set_property("top", &at(y.min(h - mh - 4.0).max(4.0)));
}

/// Moves focus to the next (or previous) item, wrapping around.
fn step_focus(e: &KeyboardEvent, down: bool) {
    // Events are delegated by Yew: find the menu from the focused item, not from currentTarget.
    let active = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let Some(menu) = active
        .as_ref()
        .and_then(|a| a.closest("[role=menu]").ok().flatten())
    else {
        return;
    };
    let Ok(items) = menu.query_selector_all("[role=menuitem]") else {
        return;
    };
    let n = items.length();
    if n == 0 {
        return;
    }
    let at = (0..n).find(|i| {
        items
            .item(*i)
            .and_then(|x| x.dyn_into::<web_sys::Element>().ok())
            == active
    });
    let next = match at {
        Some(i) if down => (i + 1) % n,
        Some(i) => (i + n - 1) % n,
        None => 0,
    };
    if let Some(el) = items
        .item(next)
        .and_then(|x| x.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
