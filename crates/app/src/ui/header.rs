//! The top bar with the product name and the language switch (English / Hinglish).

use yew::prelude::*;

use crate::i18n::{t, Lang};

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    pub on_lang: Callback<Lang>,
}

#[function_component(Header)]
pub fn header(p: &HeaderProps) -> Html {
    let buttons = Lang::ALL.iter().map(|l| {
        let l = *l;
        let on = p.on_lang.clone();
        html! {
            <button class={classes!("btn", "btn--small", "btn--toggle", (p.lang == l).then_some("is-on"))}
                    aria-pressed={(p.lang == l).to_string()} data-lang={l.code()}
                    onclick={Callback::from(move |_| on.emit(l))}>{ l.name() }</button>
        }
    });
    html! {
        <header class="topbar">
            <h1 class="topbar__title">{ "GroupLab" }</h1>
            <p class="topbar__tagline">{ t(p.lang, "app.tagline") }</p>
            <div class="topbar__lang" role="group" aria-label={t(p.lang, "lang.label")}>{ for buttons }</div>
        </header>
    }
}
