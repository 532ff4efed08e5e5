//! Play/pause, step back and forward, speed on a log scale (0.1x to 100x), the simulated clock, slow motion
//! and reset.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::format;
use crate::i18n::{t, Lang};

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub lang: Lang,
    pub playing: bool,
    pub time_ms: u64,
    pub speed: f64,
    pub slow_motion: bool,
    pub slow_motion_active: bool,
    pub on_toggle_play: Callback<()>,
    pub on_step_back: Callback<()>,
    pub on_step_forward: Callback<()>,
    pub on_speed: Callback<f64>,
    pub on_slow_motion: Callback<bool>,
    pub on_reset: Callback<()>,
    pub on_help: Callback<()>,
}

#[function_component(Controls)]
pub fn controls(p: &ControlsProps) -> Html {
    let on_speed = p.on_speed.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        // valueAsNumber, not a parse of value: no float parser in the wasm.
        let v = input.value_as_number();
        if v.is_finite() {
            on_speed.emit(js_sys::Math::pow(10.0, v));
        }
    });
    let on_slow = p.on_slow_motion.clone();
    let slow_motion = p.slow_motion;
    let toggle_slow = Callback::from(move |_| on_slow.emit(!slow_motion));
    // The browser's Math.log10 and Math.pow (above), not libm's: about 3 KB less wasm.
    let log_speed = format::fixed(js_sys::Math::log10(p.speed), 2);
    let l = p.lang;
    html! {
        <div class="controls" role="toolbar" aria-label={t(l, "ctl.toolbar")}>
            <button class="btn btn--primary" onclick={p.on_toggle_play.reform(|_| ())}
                    aria-keyshortcuts="Space" data-action="play-pause">
                { if p.playing { t(l, "ctl.pause") } else { t(l, "ctl.play") } }
            </button>
            <button class="btn" onclick={p.on_step_back.reform(|_| ())} aria-keyshortcuts="ArrowLeft"
                    title={t(l, "ctl.back_title")} data-action="step-back">{ t(l, "ctl.back") }</button>
            <button class="btn" onclick={p.on_step_forward.reform(|_| ())} aria-keyshortcuts="ArrowRight"
                    title={t(l, "ctl.next_title")} data-action="step-forward">{ t(l, "ctl.next") }</button>
            <output class="clock" data-time-ms={p.time_ms.to_string()} aria-label={t(l, "ctl.clock")}>
                { format!("t = {}", format::seconds(p.time_ms)) }
            </output>
            <label class="speed">
                <span>{ t(l, "ctl.speed") }</span>
                <input type="range" min="-1" max="2" step="0.05" value={log_speed} {oninput}
                       aria-valuetext={format::speed(p.speed)} aria-keyshortcuts="+ -" />
                <output class="speed__value">{ format::speed(p.speed) }</output>
            </label>
            <button class={classes!("btn", "btn--toggle", p.slow_motion.then_some("is-on"))}
                    aria-pressed={p.slow_motion.to_string()} onclick={toggle_slow}
                    title={t(l, "ctl.slowmo_title")}>
                { t(l, "ctl.slowmo") }
            </button>
            if p.slow_motion_active {
                <span class="badge badge--slow" role="status">{ t(l, "ctl.slowmo_on") }</span>
            }
            <span class="controls__spacer" />
            <button class="btn" data-action="reset" onclick={p.on_reset.reform(|_| ())}>{ t(l, "ctl.reset") }</button>
            <button class="btn" onclick={p.on_help.reform(|_| ())} aria-keyshortcuts="?" title={t(l, "ctl.help")} aria-label={t(l, "help.title")}>{ "?" }</button>
        </div>
    }
}
