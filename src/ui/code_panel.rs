//! The client code beside the stage (Python with confluent-kafka, Java, the Kafka CLI), generated from the
//! command log up to now, so it follows every action. Shown as text in `<pre>`, never as HTML.

use std::rc::Rc;

use yew::prelude::*;

use grouplab_model::timeline::LoggedCommand;

use crate::codegen::{generate, Flavour};
use crate::i18n::{t, Lang};

#[derive(Properties)]
pub struct CodePanelProps {
    pub lang: Lang,
    /// Commands applied up to the displayed time.
    pub log: Rc<Vec<LoggedCommand>>,
}

/// By identity: the app makes a new log only when it changed (docs/size.md).
impl PartialEq for CodePanelProps {
    fn eq(&self, o: &Self) -> bool {
        self.lang == o.lang && Rc::ptr_eq(&self.log, &o.log)
    }
}

#[function_component(CodePanel)]
pub fn code_panel(p: &CodePanelProps) -> Html {
    let flavour = use_state(|| Flavour::Python);
    let code = generate(*flavour, &p.log, u64::MAX);
    let tabs = Flavour::ALL.iter().map(|f| {
        let set = flavour.clone();
        let f = *f;
        html! {
            <button role="tab" class={if *flavour == f { "btn btn--small is-on" } else { "btn btn--small" }}
                    aria-selected={(*flavour == f).to_string()} data-code-tab={f.id()}
                    onclick={Callback::from(move |_| set.set(f))}>{ f.label() }</button>
        }
    });
    html! {
        <section class="panel code-panel" aria-labelledby="code-title">
            <header class="panel__header">
                <h2 id="code-title">{ t(p.lang, "code.heading") }</h2>
                <div role="tablist" class="tabs">{ for tabs }</div>
            </header>
            <pre class="code" data-code={flavour.id()} tabindex="0" role="tabpanel"><code>{ code }</code></pre>
            <p class="hint">{ t(p.lang, "code.note") }</p>
        </section>
    }
}
