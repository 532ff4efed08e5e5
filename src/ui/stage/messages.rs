//! Requests and responses in flight, each drawn where its send and arrival times put it at the displayed
//! clock (a pure interpolation, as RaftScope does).

use yew::prelude::*;

use super::activate::px;
use super::svg::{rect, text, title};

#[derive(Clone, Debug, PartialEq)]
pub struct Dot {
    pub id: u64,
    pub x: f64,
    pub y: f64,
    /// From and to, for the faint path of protocol messages.
    pub path: Option<(f64, f64, f64, f64)>,
    /// How far along the whole path the drawn part starts (a path cut to the band drawn keeps its dashes
    /// where they were): 0 when drawn whole.
    pub path_from: f64,
    pub label: String,
    /// `api-joingroup`, `is-response`, `is-error`…
    pub class: String,
    pub title: String,
    /// Small (heartbeats, produce) or a labelled pill.
    pub pill: bool,
}

/// The faint path of a protocol message, from sender to receiver (cut to the band drawn).
#[derive(Clone, Debug, PartialEq)]
pub struct Path {
    pub id: u64,
    pub class: String,
    pub seg: (f64, f64, f64, f64),
    /// How far along the whole path the drawn part starts (0 when drawn whole).
    pub from: f64,
}

impl Path {
    pub fn of(d: &Dot) -> Option<Path> {
        Some(Path {
            id: d.id,
            class: d.class.clone(),
            seg: d.path?,
            from: d.path_from,
        })
    }
}

#[derive(Properties, PartialEq)]
pub struct PathsProps {
    pub paths: Vec<Path>,
}

/// The paths, in a layer of their own under the moving dots: they change only when a message is sent or
/// arrives, so the many long dashed lines of a big rebalance are painted once, not again every frame with
/// the dots moving over them.
#[function_component(MessagePaths)]
pub fn message_paths(p: &PathsProps) -> Html {
    html! {
        <g class="messages" aria-hidden="true">
            { for p.paths.iter().map(|l| {
                let (x1, y1, x2, y2) = l.seg;
                html! {
                    <line key={format!("p{}", l.id)} class={classes!("msg-path", l.class.clone())}
                          x1={px(x1)} y1={px(y1)} x2={px(x2)} y2={px(y2)}
                          stroke-dashoffset={(l.from > 0.0).then(|| px(l.from))} />
                }
            }) }
        </g>
    }
}

#[derive(Properties, PartialEq)]
pub struct MessagesProps {
    pub dots: Vec<Dot>,
}

#[function_component(Messages)]
pub fn messages(p: &MessagesProps) -> Html {
    html! {
        <g class="messages" aria-hidden="true">
            // Unkeyed: most messages fly for a frame or two, so a dot keyed by its message was created and
            // removed again each frame (38 a frame in the stress world); by position, the last frame's dots are
            // reused and only their attributes change (nothing animates a dot's element between frames).
            { for p.dots.iter().map(|d| {
                if d.pill {
                    // Bold 11 px: about 7.6 px a character in the widest common sans (DejaVu Sans Bold, a
                    // Linux default), so "ConsumerGroupHeartbeat" stays inside its pill.
                    let w = 10.0 + d.label.len() as f64 * 7.6;
                    html! {
                        <g class={classes!("msg", d.class.clone())} data-api={d.label.clone()}>
                            { title(d.title.clone()) }
                            { rect("", d.x - w / 2.0, d.y - 9.0, w, 18.0, "9") }
                            { text("", d.x, d.y + 4.0, "middle", &d.label) }
                        </g>
                    }
                } else {
                    html! {
                        <g class={classes!("msg", "msg--small", d.class.clone())} data-api={d.label.clone()}>
                            { title(d.title.clone()) }
                            <circle cx={px(d.x)} cy={px(d.y)} r="5" />
                        </g>
                    }
                }
            }) }
        </g>
    }
}
