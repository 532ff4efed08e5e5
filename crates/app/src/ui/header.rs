//! The top bar with the product name.

use yew::prelude::*;

#[function_component(Header)]
pub fn header() -> Html {
    html! {
        <header class="topbar">
            <h1 class="topbar__title">{ "GroupLab" }</h1>
            <p class="topbar__tagline">{ "Kafka consumer groups, simulated" }</p>
        </header>
    }
}
