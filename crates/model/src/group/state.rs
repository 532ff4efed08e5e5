//! The states a group goes through, as the Admin client names them.

use serde::{Deserialize, Serialize};

/// Group states: the classic protocol's (ClassicGroupState) and the consumer protocol's
/// (ConsumerGroup.ConsumerGroupState: Empty, Assigning, Reconciling, Stable, Dead), as the Admin client's
/// GroupState names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum GroupState {
    Empty,
    PreparingRebalance,
    CompletingRebalance,
    Stable,
    Dead,
    /// KIP-848: the group epoch moved past the assignment epoch; the target is not computed yet.
    Assigning,
    /// KIP-848: some member has not reached the target assignment.
    Reconciling,
}

impl GroupState {
    pub fn name(self) -> &'static str {
        match self {
            GroupState::Empty => "Empty",
            GroupState::PreparingRebalance => "PreparingRebalance",
            GroupState::CompletingRebalance => "CompletingRebalance",
            GroupState::Stable => "Stable",
            GroupState::Dead => "Dead",
            GroupState::Assigning => "Assigning",
            GroupState::Reconciling => "Reconciling",
        }
    }
}
