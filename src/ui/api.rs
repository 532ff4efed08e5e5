//! The JavaScript API of one instance, for course pages and tests: `window.grouplab` on the app's own page,
//! `element.grouplab` on each embed's element, and every instance in `window.grouplab.instances`. Every
//! function takes plain JS values or JSON strings, returns plain JS objects, and never throws on bad input:
//! errors come back as `{ error, message }`. See the README section "JavaScript API".

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Object, Reflect, JSON};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use yew::Callback;

use grouplab_model::command::Command;
use grouplab_model::scenario::{Scenario, MAX_SCENARIO_TIME_MS};

use crate::engine::Engine;
use crate::lessons::{Lesson, Place};
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

type Shared = Rc<RefCell<Engine>>;

/// What an instance's API needs from the page: a redraw after a change, a lesson step to open (None: free
/// play), and the shareable link of the current state.
pub struct Hooks {
    pub refresh: Callback<()>,
    pub go: Callback<Option<Place>>,
    pub link: Rc<dyn Fn() -> String>,
}

/// Builds one instance's API object, publishes it on `element.grouplab` and in `window.grouplab.instances`
/// (and as `window.grouplab` itself for the page's own instance), and returns its listeners.
pub fn install(
    engine: Shared,
    hooks: Hooks,
    lessons: Rc<Vec<Lesson>>,
    element: &web_sys::Element,
    page: bool,
) -> SharedListeners {
    let Hooks { refresh, go, link } = hooks;
    let listeners: SharedListeners = Rc::default();
    let api = Object::new();
    def0(&api, "link", move || JsValue::from_str(&link()));
    let toc: Vec<(&'static str, usize)> = lessons.iter().map(|l| (l.id, l.steps.len())).collect();
    def2(&api, "lesson", move |id, step| {
        if id.is_null() || id.is_undefined() {
            go.emit(None);
            return object(&[("ok", true.into())]);
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
        go.emit(Some(Place {
            lesson: i,
            step: k as usize,
        }));
        object(&[("ok", true.into()), ("steps", (steps as f64).into())])
    });
    let e = engine.clone();
    def0(&api, "state", move || {
        with_engine(&e, |en| to_js(&en.timeline().sim().view(RECORDS_LIMIT)))
    });
    let e = engine.clone();
    def0(&api, "time", move || {
        with_engine(&e, |en| JsValue::from_f64(en.timeline().now() as f64))
    });
    let e = engine.clone();
    def0(&api, "scenario", move || {
        with_engine(&e, |en| to_js(&Scenario::from_timeline(en.timeline())))
    });
    let (e, r, ls) = (engine.clone(), refresh.clone(), listeners.clone());
    def1(&api, "run", move |v| {
        let cmd: Command = match parse(&v) {
            Ok(c) => c,
            Err(m) => return error("invalid_command", &m),
        };
        mutate(&e, &ls, &r, |en| match en.apply(cmd) {
            Ok(applied) => with(
                to_js(&applied),
                &[("ok", true.into()), ("time_ms", time(en))],
            ),
            Err(err) => with(to_js(&err), &[("message", err.to_string().into())]),
        })
    });
    let (e, r, ls) = (engine.clone(), refresh.clone(), listeners.clone());
    def1(&api, "advance", move |v| match millis(&v) {
        Ok(ms) => mutate(&e, &ls, &r, |en| {
            en.advance(ms);
            object(&[("ok", true.into()), ("time_ms", time(en))])
        }),
        Err(m) => error("invalid_time", &m),
    });
    let (e, r, ls) = (engine.clone(), refresh.clone(), listeners.clone());
    def1(&api, "seek", move |v| match millis(&v) {
        Ok(ms) => mutate(&e, &ls, &r, |en| {
            en.seek(ms);
            object(&[("ok", true.into()), ("time_ms", time(en))])
        }),
        Err(m) => error("invalid_time", &m),
    });
    let (e, r, ls) = (engine.clone(), refresh.clone(), listeners.clone());
    def1(&api, "load", move |v| {
        let scenario: Scenario = match parse(&v) {
            Ok(s) => s,
            Err(m) => return error("invalid_scenario", &m),
        };
        mutate(&e, &ls, &r, |en| match en.load(scenario) {
            Ok(()) => object(&[("ok", true.into()), ("time_ms", time(en))]),
            Err(e) => error("invalid_scenario", &e.to_string()),
        })
    });
    let (e, r, ls) = (engine.clone(), refresh.clone(), listeners.clone());
    def0(&api, "pause", move || {
        mutate(&e, &ls, &r, |en| {
            en.set_playing(false);
            object(&[
                ("ok", true.into()),
                ("playing", false.into()),
                ("time_ms", time(en)),
            ])
        })
    });
    let (e, r, ls) = (engine.clone(), refresh.clone(), listeners.clone());
    def0(&api, "play", move || {
        mutate(&e, &ls, &r, |en| {
            en.set_playing(true);
            object(&[("ok", true.into()), ("playing", true.into())])
        })
    });
    let (e, r, ls) = (engine.clone(), refresh.clone(), listeners.clone());
    def1(&api, "setSpeed", move |v| {
        match v.as_f64().filter(|s| s.is_finite() && *s > 0.0) {
            Some(s) => mutate(&e, &ls, &r, |en| {
                en.set_speed(s);
                object(&[("ok", true.into()), ("speed", en.speed().into())])
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
        let Ok(en) = engine.try_borrow() else {
            return;
        };
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

fn with_engine(e: &Shared, f: impl FnOnce(&Engine) -> JsValue) -> JsValue {
    match e.try_borrow() {
        Ok(en) => f(&en),
        Err(_) => busy(),
    }
}

fn busy() -> JsValue {
    error(
        "busy",
        "GroupLab is busy; call again from outside the callback",
    )
}

fn mutate(
    e: &Shared,
    listeners: &SharedListeners,
    refresh: &Callback<()>,
    f: impl FnOnce(&mut Engine) -> JsValue,
) -> JsValue {
    let out = match e.try_borrow_mut() {
        Ok(mut en) => f(&mut en),
        Err(_) => return busy(),
    };
    fire_events(e, listeners);
    refresh.emit(());
    out
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
    // from_slice, as everywhere: one copy of the JSON reader in the wasm (issue 6, bundle size).
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
