//! The top bar: the product name, sharing (the children) and the language switch (English / Hinglish).
//! Compact in an embed: no tagline, and the name is not a page heading (the course page has its own).

use yew::prelude::*;

use crate::i18n::{t, Lang};

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    pub on_lang: Callback<Lang>,
    #[prop_or_default]
    pub embed: bool,
    #[prop_or_default]
    pub children: Html,
}

#[function_component(Header)]
pub fn header(p: &HeaderProps) -> Html {
    // One switch: it names (and selects) the other language.
    let other = if p.lang == Lang::En {
        Lang::Hi
    } else {
        Lang::En
    };
    let on = p.on_lang.clone();
    html! {
        <header class={classes!("topbar", p.embed.then_some("topbar--embed"))}>
            if p.embed {
                <p class="topbar__title">{ "GroupLab" }</p>
            } else {
                <h1 class="topbar__title">{ "GroupLab" }</h1>
                <p class="topbar__tagline">{ t(p.lang, "app.tagline") }</p>
            }
            { p.children.clone() }
            <button class="btn btn--small topbar__lang" data-lang={other.code()}
                    aria-label={format!("{}: {}", t(p.lang, "lang.label"), other.name())}
                    onclick={Callback::from(move |_| on.emit(other))}>{ other.name() }</button>
        </header>
    }
}
