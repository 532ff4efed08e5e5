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

/// KIP-848: the partitions of a member's target assignment (computed by the coordinator's assignor,
/// `TargetAssignmentBuilder`) that it does not own yet, in the target's order. Each gets a ghost line until the
/// member owns it (`CurrentAssignmentBuilder` hands it over once its previous owner has revoked it).
pub fn not_yet_owned<'a>(
    target: &'a [String],
    owned: &'a [String],
) -> impl Iterator<Item = &'a String> {
    target.iter().filter(move |tp| !owned.contains(tp))
}

#[derive(Properties, PartialEq)]
pub struct OwnershipProps {
    pub lines: Vec<OwnLine>,
    /// KIP-848 target owners not owning yet: thin, dashed, still lines in the member's colour.
    #[prop_or_default]
    pub ghosts: Vec<OwnLine>,
}

#[function_component(Ownership)]
pub fn ownership(p: &OwnershipProps) -> Html {
    html! {
        <g class="ownership" aria-hidden="true">
            { for p.lines.iter().map(|l| html! {
                <path key={format!("{}>{}", l.consumer, l.tp)} class={classes!("own", consumer_class(l.colour), (!l.reading).then_some("own--unread"))}
                      data-owner={l.consumer.clone()} data-owns={l.tp.clone()} data-colour={l.colour.to_string()} d={l.d.clone()} pathLength={l.reading.then_some("1")} />
            }) }
            { for p.ghosts.iter().map(|l| html! {
                <path key={format!("t:{}>{}", l.consumer, l.tp)} class={classes!("own", "own--target", consumer_class(l.colour))}
                      data-target-of={l.consumer.clone()} data-target={l.tp.clone()} data-colour={l.colour.to_string()} d={l.d.clone()} />
            }) }
        </g>
    }
}

#[cfg(test)]
mod tests {
    use super::not_yet_owned;

    fn tps(s: &[&str]) -> Vec<String> {
        s.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_ghost_for_each_target_partition_not_owned_yet() {
        let target = tps(&["t/0", "t/3"]);
        let owned = tps(&["t/0"]);
        let got: Vec<_> = not_yet_owned(&target, &owned).collect();
        assert_eq!(got, vec!["t/3"]);
        // Reconciled: no ghost. Owned but not in the target (being revoked): no ghost either.
        assert_eq!(not_yet_owned(&target, &tps(&["t/3", "t/0"])).count(), 0);
        assert_eq!(
            not_yet_owned(&tps(&["t/3"]), &tps(&["t/3", "t/2"])).count(),
            0
        );
        assert_eq!(not_yet_owned(&target, &[]).count(), 2);
    }
}
