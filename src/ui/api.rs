//! The JavaScript API of one instance, for course pages and tests: `window.grouplab` on the app's own page,
//! `element.grouplab` on each embed's element, and every instance in `window.grouplab.instances`. Every
//! function takes plain JS values or JSON strings, returns plain JS objects, and never throws on bad input:
//! errors come back as `{ error, message }`. Documented in docs/api.md.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Object, Reflect, JSON};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use yew::Callback;

use grouplab_model::command::Command;
use grouplab_model::scenario::{Scenario, MAX_SCENARIO_TIME_MS};

use crate::engine::Engine;
use crate::lessons::Place;
use crate::session::{Effect, Msg, Origin, Reply, Session};
use crate::ui::app::SharedSession;
use crate::ui::snapshot::RECORDS_LIMIT;

/// The `on()` listeners of one instance, and how far they have been told.
#[derive(Default)]
pub struct Listeners {
    next_id: u32,
    list: Vec<(u32, String, Function)>,
    epoch: u64,
    seq: u64,
}

pub type SharedListeners = Rc<RefCell<Listeners>>;

type Shared = SharedSession;

/// Builds one instance's API object, publishes it on `element.grouplab` and in `window.grouplab.instances`
/// (and as `window.grouplab` itself for the page's own instance), and returns its listeners. Every call that
/// changes something is a session [`Msg`], as the page's own controls send; `changed` hands the page the
/// session's effects so it carries them out and redraws.
pub fn install(
    session: Shared,
    changed: Callback<Vec<Effect>>,
    element: &web_sys::Element,
    page: bool,
) -> SharedListeners {
    let listeners: SharedListeners = Rc::default();
    let api = Object::new();
    let send = {
        let (session, listeners) = (session.clone(), listeners.clone());
        Rc::new(
            move |msg: Msg, answer: &dyn Fn(&Session, Reply) -> JsValue| {
                let (effects, out) = match session.try_borrow_mut() {
                    Ok(mut s) => {
                        let (effects, reply) = s.update(msg);
                        (effects, answer(&s, reply))
                    }
                    Err(_) => return busy(),
                };
                fire_events(&session, &listeners);
                changed.emit(effects);
                out
            },
        )
    };
    let s = session.clone();
    def0(&api, "link", move || {
        with_session(&s, |se| JsValue::from_str(&se.scenario_link()))
    });
    let toc: Vec<(&'static str, usize)> = session.borrow().toc.to_vec();
    let go = send.clone();
    def2(&api, "lesson", move |id, step| {
        if id.is_null() || id.is_undefined() {
            return go(Msg::Lesson(None), &|_, _| object(&[("ok", true.into())]));
        }
        let id = id.as_string().unwrap_or_default();
        let Some(i) = toc.iter().position(|(l, _)| *l == id) else {
            return error(
                "unknown_lesson",
                &format!("no lesson {id:?} (see the table of contents)"),
            );
        };
        let steps = toc[i].1;
        let k = step.as_f64().unwrap_or(0.0);
        if !(k >= 0.0 && k < steps as f64 && k.fract() == 0.0) {
            return error(
                "invalid_step",
                &format!("lesson {id} has steps 0 to {}", steps - 1),
            );
        }
        let place = Place {
            lesson: i,
            step: k as usize,
        };
        go(Msg::Lesson(Some(place)), &|_, _| {
            object(&[("ok", true.into()), ("steps", (steps as f64).into())])
        })
    });
    let s = session.clone();
    def0(&api, "state", move || {
        with_session(&s, |se| {
            to_js(&se.engine.timeline().sim().view(RECORDS_LIMIT))
        })
    });
    let s = session.clone();
    def0(&api, "time", move || {
        with_session(
            &s,
            |se| JsValue::from_f64(se.engine.timeline().now() as f64),
        )
    });
    let s = session.clone();
    def0(&api, "scenario", move || {
        with_session(&s, |se| {
            to_js(&Scenario::from_timeline(se.engine.timeline()))
        })
    });
    let run = send.clone();
    def1(&api, "run", move |v| {
        let cmd: Command = match parse(&v) {
            Ok(c) => c,
            Err(m) => return error("invalid_command", &m),
        };
        run(
            Msg::Command(Box::new(cmd), Origin::Api),
            &|se, reply| match reply {
                Reply::Applied(Ok(applied)) => with(
                    to_js(&applied),
                    &[("ok", true.into()), ("time_ms", time(&se.engine))],
                ),
                Reply::Applied(Err(err)) => {
                    with(to_js(&err), &[("message", err.to_string().into())])
                }
                _ => error("internal", "no answer"),
            },
        )
    });
    let advance = send.clone();
    def1(&api, "advance", move |v| match millis(&v) {
        Ok(ms) => advance(Msg::Advance(ms), &|se, _| {
            object(&[("ok", true.into()), ("time_ms", time(&se.engine))])
        }),
        Err(m) => error("invalid_time", &m),
    });
    let seek = send.clone();
    def1(&api, "seek", move |v| match millis(&v) {
        Ok(ms) => seek(Msg::Seek(ms), &|se, _| {
            object(&[("ok", true.into()), ("time_ms", time(&se.engine))])
        }),
        Err(m) => error("invalid_time", &m),
    });
    let load = send.clone();
    def1(&api, "load", move |v| {
        let scenario: Scenario = match parse(&v) {
            Ok(s) => s,
            Err(m) => return error("invalid_scenario", &m),
        };
        load(
            Msg::Load(Box::new(scenario), Origin::Api),
            &|se, reply| match reply {
                Reply::Loaded(Ok(())) => {
                    object(&[("ok", true.into()), ("time_ms", time(&se.engine))])
                }
                Reply::Loaded(Err(e)) => error("invalid_scenario", &e.to_string()),
                _ => error("internal", "no answer"),
            },
        )
    });
    let pause = send.clone();
    def0(&api, "pause", move || {
        pause(Msg::SetPlaying(false), &|se, _| {
            object(&[
                ("ok", true.into()),
                ("playing", false.into()),
                ("time_ms", time(&se.engine)),
            ])
        })
    });
    let play = send.clone();
    def0(&api, "play", move || {
        play(Msg::SetPlaying(true), &|_, _| {
            object(&[("ok", true.into()), ("playing", true.into())])
        })
    });
    let speed = send.clone();
    def1(&api, "setSpeed", move |v| {
        match v.as_f64().filter(|s| s.is_finite() && *s > 0.0) {
            Some(s) => speed(Msg::Speed(s), &|se, _| {
                object(&[("ok", true.into()), ("speed", se.engine.speed().into())])
            }),
            None => error(
                "invalid_speed",
                "speed must be a positive number (0.1 to 100)",
            ),
        }
    });
    let ls = listeners.clone();
    def2(&api, "on", move |name, cb| {
        let Some(name) = name.as_string() else {
            return error(
                "invalid_listener",
                "on(eventName, callback): eventName must be a string",
            );
        };
        let Ok(cb) = cb.dyn_into::<Function>() else {
            return error(
                "invalid_listener",
                "on(eventName, callback): callback must be a function",
            );
        };
        let id = {
            let mut l = ls.borrow_mut();
            l.next_id += 1;
            let id = l.next_id;
            l.list.push((id, name, cb));
            id
        };
        let ls = ls.clone();
        let off = Closure::<dyn Fn()>::new(move || {
            ls.borrow_mut().list.retain(|(i, _, _)| *i != id);
        });
        off.into_js_value()
    });
    publish(&api, element, page);
    listeners
}

/// `element.grouplab = api`; `window.grouplab.instances.push(api)`; the page's instance is `window.grouplab`.
fn publish(api: &Object, element: &web_sys::Element, page: bool) {
    let Some(w) = web_sys::window() else { return };
    let key = JsValue::from_str("grouplab");
    let _ = Reflect::set(element, &key, api);
    let existing = Reflect::get(&w, &key).ok().filter(|v| v.is_object());
    let instances = existing
        .as_ref()
        .and_then(|g| Reflect::get(g, &JsValue::from_str("instances")).ok())
        .and_then(|v| v.dyn_into::<js_sys::Array>().ok())
        .unwrap_or_default();
    instances.push(api);
    let _ = Reflect::set(api, &JsValue::from_str("instances"), &instances);
    let global = match (page, existing) {
        (false, Some(g)) => g,
        (false, None) => Object::new().into(),
        (true, _) => api.clone().into(),
    };
    let _ = Reflect::set(&global, &JsValue::from_str("instances"), &instances);
    let _ = Reflect::set(&w, &key, &global);
}

/// Calls the `on()` listeners with the events that happened since the last call.
pub fn fire_events(engine: &Shared, listeners: &SharedListeners) {
    let pending: Vec<String> = {
        let Ok(session) = engine.try_borrow() else {
            return;
        };
        let en = &session.engine;
        {
            let mut l = listeners.borrow_mut();
            let t = en.timeline();
            let newest = t.events().next_back().map_or(0, |e| e.seq);
            if l.epoch != en.epoch() || newest < l.seq {
                l.epoch = en.epoch();
                l.seq = newest;
                return;
            }
            let last = l.seq;
            l.seq = newest;
            if l.list.is_empty() {
                return;
            }
            let mut out: Vec<String> = t
                .events()
                .rev()
                .take_while(|e| e.seq > last)
                .filter_map(|e| serde_json::to_string(e).ok())
                .collect();
            out.reverse();
            out
        }
    };
    for json in pending {
        let arg = JSON::parse(&json).unwrap_or(JsValue::NULL);
        let name = Reflect::get(&arg, &JsValue::from_str("event"))
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        let targets: Vec<Function> = listeners
            .borrow()
            .list
            .iter()
            .filter(|(_, n, _)| n == "*" || *n == name)
            .map(|(_, _, f)| f.clone())
            .collect();
        for f in targets {
            // A listener that throws must not stop the simulation.
            let _ = f.call1(&JsValue::NULL, &arg);
        }
    }
}

fn with_session(s: &Shared, f: impl FnOnce(&Session) -> JsValue) -> JsValue {
    match s.try_borrow() {
        Ok(se) => f(&se),
        Err(_) => busy(),
    }
}

fn busy() -> JsValue {
    error(
        "busy",
        "GroupLab is busy; call again from outside the callback",
    )
}

/// A JSON string, or a JS value turned into JSON, parsed as `T`.
fn parse<T: serde::de::DeserializeOwned>(v: &JsValue) -> Result<T, String> {
    let text = if let Some(s) = v.as_string() {
        s
    } else if v.is_undefined() || v.is_null() {
        return Err("expected an object or a JSON string, got nothing".into());
    } else {
        JSON::stringify(v)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or("the value cannot be turned into JSON")?
    };
    serde_json::from_slice(text.as_bytes()).map_err(|e| e.to_string())
}

fn millis(v: &JsValue) -> Result<u64, String> {
    match v.as_f64() {
        Some(ms) if ms.is_finite() && ms >= 0.0 && ms <= MAX_SCENARIO_TIME_MS as f64 => {
            Ok(ms.round() as u64)
        }
        _ => Err(format!(
            "expected a number of simulated milliseconds from 0 to {MAX_SCENARIO_TIME_MS}"
        )),
    }
}

fn error(code: &str, message: &str) -> JsValue {
    object(&[("error", code.into()), ("message", message.into())])
}

/// The simulated time now, as a JS number.
fn time(en: &Engine) -> JsValue {
    (en.timeline().now() as f64).into()
}

/// A plain JS object with these fields.
fn object(fields: &[(&str, JsValue)]) -> JsValue {
    with(Object::new().into(), fields)
}

/// `target` (an object) with these fields set too.
fn with(target: JsValue, fields: &[(&str, JsValue)]) -> JsValue {
    for (name, value) in fields {
        let _ = Reflect::set(&target, &JsValue::from_str(name), value);
    }
    target
}

fn to_js<T: Serialize>(v: &T) -> JsValue {
    match serde_json::to_string(v) {
        Ok(s) => JSON::parse(&s).unwrap_or(JsValue::NULL),
        Err(e) => error("internal", &e.to_string()),
    }
}

fn set(api: &Object, name: &str, f: JsValue) {
    let _ = Reflect::set(api, &JsValue::from_str(name), &f);
}

fn def0(api: &Object, name: &str, f: impl Fn() -> JsValue + 'static) {
    set(
        api,
        name,
        Closure::<dyn Fn() -> JsValue>::new(f).into_js_value(),
    );
}

fn def1(api: &Object, name: &str, f: impl Fn(JsValue) -> JsValue + 'static) {
    set(
        api,
        name,
        Closure::<dyn Fn(JsValue) -> JsValue>::new(f).into_js_value(),
    );
}

fn def2(api: &Object, name: &str, f: impl Fn(JsValue, JsValue) -> JsValue + 'static) {
    set(
        api,
        name,
        Closure::<dyn Fn(JsValue, JsValue) -> JsValue>::new(f).into_js_value(),
    );
}
