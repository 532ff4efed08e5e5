//! The page: header and the stage the simulation is drawn on.

use yew::prelude::*;

use super::Header;

/// The root component.
///
/// `#stage` carries `data-stage-ready` once it shows something; the browser benchmark and the end-to-end
/// tests wait for that attribute, so the real stage must set it when its first frame is drawn.
#[function_component(App)]
pub fn app() -> Html {
    html! {
        <>
            <Header />
            <main id="stage" class="stage" data-stage-ready="true" aria-label="Simulation stage">
                <p class="stage__placeholder">
                    { "A Kafka consumer group will appear here: partitions, consumers and the coordinator." }
                </p>
            </main>
        </>
    }
}
