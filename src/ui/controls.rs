//! Play/pause, the previous and next notable event (hidden during a lesson, whose caption has the one Back /
//! Next pair), the simulated clock, speed on a log scale (0.1x to 100x) and slow motion (neither in a compact
//! embed's bar).

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
    /// The event-step buttons are shown (free play).
    pub event_steps: bool,
    /// A compact embed: no speed and no slow-motion switch (the full app has them).
    #[prop_or_default]
    pub compact: bool,
    pub on_toggle_play: Callback<()>,
    pub on_step_back: Callback<()>,
    pub on_step_forward: Callback<()>,
    pub on_speed: Callback<f64>,
    pub on_slow_motion: Callback<bool>,
}

#[function_component(Controls)]
pub fn controls(p: &ControlsProps) -> Html {
    let on_speed = p.on_speed.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        // valueAsNumber, not a parse of value: no float parser in the wasm.
        let v = input.value_as_number();
        if v.is_finite() {
            // The browser's Math.pow, not libm's: about 3 KB less wasm.
            on_speed.emit(js_sys::Math::pow(10.0, v));
        }
    });
    let on_slow = p.on_slow_motion.clone();
    let slow_motion = p.slow_motion;
    let toggle_slow = Callback::from(move |_| on_slow.emit(!slow_motion));
    let log_speed = format::fixed(format::log10(p.speed), 2);
    let l = p.lang;
    html! {
        <div class="controls" role="toolbar" aria-label={t(l, "ctl.toolbar")}>
            <button class="btn btn--primary" onclick={p.on_toggle_play.reform(|_| ())}
                    aria-keyshortcuts="Space" data-action="play-pause"
                    aria-label={if p.playing { t(l, "ctl.pause") } else { t(l, "ctl.play") }}>
                { icon_label(if p.playing { t(l, "ctl.pause") } else { t(l, "ctl.play") }) }
            </button>
            if p.event_steps {
                <button class="btn" onclick={p.on_step_back.reform(|_| ())} aria-keyshortcuts="ArrowLeft"
                        title={t(l, "ctl.back_title")} aria-label={t(l, "ctl.back")}
                        data-action="step-back">{ icon_label(t(l, "ctl.back")) }</button>
                <button class="btn" onclick={p.on_step_forward.reform(|_| ())} aria-keyshortcuts="ArrowRight"
                        title={t(l, "ctl.next_title")} aria-label={t(l, "ctl.next")}
                        data-action="step-forward">{ icon_label(t(l, "ctl.next")) }</button>
            }
            <output class="clock" data-time-ms={p.time_ms.to_string()} aria-label={t(l, "ctl.clock")}>
                { format!("t = {}", format::seconds(p.time_ms)) }
            </output>
            if !p.compact {
                <label class="speed extra">
                    <span>{ t(l, "ctl.speed") }</span>
                    <input type="range" min="-1" max="2" step="0.05" value={log_speed} {oninput}
                           aria-valuetext={format::speed(p.speed)} aria-keyshortcuts="+ -" />
                    <output class="speed__value">{ format::speed(p.speed) }</output>
                </label>
                <button class={classes!("btn", "btn--toggle", "extra", p.slow_motion.then_some("is-on"))}
                        aria-pressed={p.slow_motion.to_string()} onclick={toggle_slow}
                        title={t(l, "ctl.slowmo_title")}>
                    { t(l, "ctl.slowmo") }
                </button>
            }
            if p.slow_motion_active {
                // Above the bar's left end, in the free space below the stage; on a phone, where the stage
                // fills the screen and the bar has no room to spare, the clock turns amber instead (app.css) and
                // the words stay for screen readers.
                <span class="badge badge--slow" role="status">{ t(l, "ctl.slowmo_on") }</span>
            }
        </div>
    }
}

/// A button's label whose icon ("❚❚ Pause", "Next event ▸") stays on a phone while its words fold away
/// (`.icon-label__words`; the button's aria-label keeps the whole text).
fn icon_label(text: &str) -> Html {
    let is_icon = |w: &str| !w.chars().any(char::is_alphanumeric);
    let (icon, words, icon_first) = match (text.split_once(' '), text.rsplit_once(' ')) {
        (Some((a, rest)), _) if is_icon(a) => (a, rest, true),
        (_, Some((rest, b))) if is_icon(b) => (b, rest, false),
        _ => return html! { { text } },
    };
    let words = html! { <span class="icon-label__words" aria-hidden="true">{ words }</span> };
    let icon = html! { <span aria-hidden="true">{ icon }</span> };
    if icon_first {
        html! { <>{ icon }{ " " }{ words }</> }
    } else {
        html! { <>{ words }{ " " }{ icon }</> }
    }
}
