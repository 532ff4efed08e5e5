//! The keyboard shortcuts, shown with `?`.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HelpProps {
    pub on_close: Callback<()>,
}

const SHORTCUTS: [(&str, &str); 10] = [
    ("Space", "play or pause"),
    ("→", "run to the next notable event"),
    ("←", "step back to the previous notable event"),
    ("+ / -", "faster / slower (0.1x to 100x)"),
    ("a", "add a consumer (with the settings in Consumers)"),
    ("p", "produce one record (with the key in Produce)"),
    ("m", "slow motion while the group protocol talks, on or off"),
    ("Tab, Enter", "move between and select things on the stage"),
    ("Esc", "close this help, or clear the selection"),
    ("?", "show this help"),
];

#[function_component(Help)]
pub fn help(p: &HelpProps) -> Html {
    html! {
        <div class="help-backdrop" onclick={p.on_close.reform(|_| ())}>
            <section class="help" role="dialog" aria-modal="true" aria-labelledby="help-title"
                     onclick={Callback::from(|e: MouseEvent| e.stop_propagation())}>
                <h2 id="help-title">{ "Keyboard shortcuts" }</h2>
                <dl>
                    { for SHORTCUTS.iter().map(|(k, what)| html! {
                        <>
                            <dt><kbd>{ *k }</kbd></dt>
                            <dd>{ *what }</dd>
                        </>
                    }) }
                </dl>
                <p>{ "Click a broker, record, partition, group or consumer to see it explained in the inspector." }</p>
                <button class="btn btn--primary" onclick={p.on_close.reform(|_| ())} autofocus=true>{ "Close" }</button>
            </section>
        </div>
    }
}
