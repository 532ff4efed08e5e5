//! Which assignor a group uses when `--state` does not say: the one among range, roundrobin, sticky and
//! cooperative-sticky that, run from scratch over the members (in the member order of the leader's client:
//! Java's AbstractPartitionAssignor.MemberInfo, or librdkafka's) and the group's topics, hands out exactly the
//! imported owners.

use crate::assignor::{self, AssignorName, Subscription};
use crate::collections::VecMap;
use crate::config::ClientProfile;
use crate::topic_partition::TopicPartition;

/// A member as the assignors see it, with what it owns in the imported output.
pub struct Observed<'a> {
    pub member_id: &'a str,
    pub group_instance_id: Option<&'a str>,
    pub owned: Vec<TopicPartition>,
}

/// The assignors that reproduce the observed owners, in the order range, roundrobin, sticky,
/// cooperative-sticky (a fresh sticky assignment of equal subscriptions is the round-robin layout, so several
/// can match).
pub fn matching(
    leader: ClientProfile,
    members: &[Observed],
    topics: &[String],
    partitions_per_topic: &VecMap<String, u32>,
) -> Vec<AssignorName> {
    if members.is_empty() {
        return Vec::new();
    }
    let subscriptions: Vec<Subscription> = members
        .iter()
        .map(|m| Subscription {
            member_id: m.member_id.to_string(),
            group_instance_id: m.group_instance_id.map(str::to_string),
            topics: topics.to_vec(),
            owned_partitions: Vec::new(),
            generation: None,
            revoked: false,
        })
        .collect();
    let mut found = Vec::new();
    for a in AssignorName::ALL {
        let got = assignor::assign_by(leader, a, partitions_per_topic, &subscriptions);
        let same = members.iter().all(|m| {
            let mut owned = m.owned.clone();
            crate::collections::sort::sort(&mut owned);
            got.get(m.member_id).is_some_and(|g| *g == owned)
        });
        if same {
            found.push(a);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member<'a>(id: &'a str, owned: &[u32]) -> Observed<'a> {
        Observed {
            member_id: id,
            group_instance_id: None,
            owned: owned.iter().map(|&p| TopicPartition::new("t", p)).collect(),
        }
    }

    #[test]
    fn tells_range_from_roundrobin() {
        let topics = vec!["t".to_string()];
        let counts = VecMap::from_iter([("t".to_string(), 4)]);
        let range = [member("a", &[0, 1]), member("b", &[2, 3])];
        assert_eq!(
            matching(ClientProfile::Java, &range, &topics, &counts),
            [AssignorName::Range]
        );
        let rr = [member("a", &[0, 2]), member("b", &[1, 3])];
        assert_eq!(
            matching(ClientProfile::Java, &rr, &topics, &counts),
            [
                AssignorName::RoundRobin,
                AssignorName::Sticky,
                AssignorName::CooperativeSticky
            ]
        );
        let neither = [member("a", &[0, 3]), member("b", &[1, 2])];
        assert!(matching(ClientProfile::Java, &neither, &topics, &counts).is_empty());
        // Members sort by member id ("b" < "c"), not by the order they were listed in.
        let listed_late = [member("c", &[2, 3]), member("b", &[0, 1])];
        assert_eq!(
            matching(ClientProfile::Java, &listed_late, &topics, &counts),
            [AssignorName::Range]
        );
    }

    /// A static member `zeta` and a dynamic one: range under a librdkafka leader gives the dynamic member
    /// (`rdkafka-…` < `zeta-…`) the first half, which Java's order (static first) does not reproduce.
    #[test]
    fn the_leaders_client_decides_which_range_layout_matches() {
        let topics = vec!["t".to_string()];
        let counts = VecMap::from_iter([("t".to_string(), 4)]);
        let mut zeta = member("zeta-1", &[2, 3]);
        zeta.group_instance_id = Some("zeta");
        let members = [zeta, member("rdkafka-2", &[0, 1])];
        assert_eq!(
            matching(ClientProfile::Librdkafka, &members, &topics, &counts),
            [AssignorName::Range]
        );
        assert!(!matching(ClientProfile::Java, &members, &topics, &counts)
            .contains(&AssignorName::Range));
    }
}
