//! Lines from each member to the partitions it owns now, in the member's own colour. A new line draws itself
//! in (CSS), so ownership visibly re-routes when SyncGroup hands out a new assignment.

use yew::prelude::*;

use crate::ui::palette::consumer_class;

#[derive(Clone, Debug, PartialEq)]
pub struct OwnLine {
    pub consumer: String,
    pub tp: String,
    /// The owner's colour, 1 … 8 (palette::consumer_colour).
    pub colour: usize,
    /// The owner's process runs; a stopped member's partitions are held for it, unread (a dashed line).
    pub reading: bool,
    /// SVG path data.
    pub d: String,
}

#[derive(Properties, PartialEq)]
pub struct OwnershipProps {
    pub lines: Vec<OwnLine>,
}

#[function_component(Ownership)]
pub fn ownership(p: &OwnershipProps) -> Html {
    html! {
        <g class="ownership" aria-hidden="true">
            { for p.lines.iter().map(|l| html! {
                <path key={format!("{}>{}", l.consumer, l.tp)} class={classes!("own", consumer_class(l.colour), (!l.reading).then_some("own--unread"))}
                      data-owner={l.consumer.clone()} data-owns={l.tp.clone()} data-colour={l.colour.to_string()} d={l.d.clone()} pathLength={l.reading.then_some("1")} />
            }) }
        </g>
    }
}
