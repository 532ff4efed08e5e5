//! Requests and responses in flight, each drawn where its send and arrival times put it at the displayed
//! clock (a pure interpolation, as RaftScope does).

use yew::prelude::*;

use super::activate::px;

#[derive(Clone, Debug, PartialEq)]
pub struct Dot {
    pub id: u64,
    pub x: f64,
    pub y: f64,
    /// From and to, for the faint path of protocol messages.
    pub path: Option<(f64, f64, f64, f64)>,
    pub label: String,
    /// `api-joingroup`, `is-response`, `is-error`…
    pub class: String,
    pub title: String,
    /// Small (heartbeats, produce) or a labelled pill.
    pub pill: bool,
}

#[derive(Properties, PartialEq)]
pub struct MessagesProps {
    pub dots: Vec<Dot>,
}

#[function_component(Messages)]
pub fn messages(p: &MessagesProps) -> Html {
    html! {
        <g class="messages" aria-hidden="true">
            { for p.dots.iter().filter_map(|d| d.path.map(|(x1, y1, x2, y2)| html! {
                <line key={format!("p{}", d.id)} class={classes!("msg-path", d.class.clone())}
                      x1={px(x1)} y1={px(y1)} x2={px(x2)} y2={px(y2)} />
            })) }
            { for p.dots.iter().map(|d| {
                if d.pill {
                    let w = 8.0 + d.label.len() as f64 * 6.4;
                    html! {
                        <g key={d.id.to_string()} class={classes!("msg", d.class.clone())} data-api={d.label.clone()}>
                            <title>{ d.title.clone() }</title>
                            <rect x={px(d.x - w / 2.0)} y={px(d.y - 9.0)} width={px(w)} height="18" rx="9" />
                            <text x={px(d.x)} y={px(d.y + 4.0)} text-anchor="middle">{ d.label.clone() }</text>
                        </g>
                    }
                } else {
                    html! {
                        <g key={d.id.to_string()} class={classes!("msg", "msg--small", d.class.clone())} data-api={d.label.clone()}>
                            <title>{ d.title.clone() }</title>
                            <circle cx={px(d.x)} cy={px(d.y)} r="5" />
                        </g>
                    }
                }
            }) }
        </g>
    }
}
