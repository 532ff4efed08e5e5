//! Names for the simulated consumers of imported members, and what an unknown client id was.

use crate::collections::VecSet;
use crate::config::ClientProfile;

/// A consumer name from a client id: the characters a simulated client's name allows (`[a-zA-Z0-9._-]`, at most
/// 64), and unique among `taken` (`rdkafka`, `rdkafka-2`, …).
pub fn consumer_name(client_id: &str, taken: &mut VecSet<String>) -> String {
    let mut base: String = client_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '-'
            }
        })
        .take(56)
        .collect();
    if base.trim_matches('-').is_empty() {
        base = "consumer".into();
    }
    let mut name = base.clone();
    let mut i = 1;
    while taken.contains(&name) {
        i += 1;
        name = format!("{base}-{i}");
    }
    taken.insert(name.clone());
    name
}

/// The client id a member id was made from: member ids are `client.id + "-" + UUID`
/// (ClassicGroup.generateMemberId), so the client id is what precedes the 36-character UUID.
pub fn client_id_of(member_id: &str) -> String {
    let cut = member_id.len().checked_sub(37);
    match cut {
        Some(i) if member_id.is_char_boundary(i) && member_id[i..].starts_with('-') && i > 0 => {
            member_id[..i].to_string()
        }
        _ => member_id.to_string(),
    }
}

/// librdkafka's default client.id is `rdkafka`; Java's is `consumer-<group>-<n>` (ConsumerConfig).
pub fn profile_of(client_id: &str) -> ClientProfile {
    if client_id.starts_with("rdkafka") {
        ClientProfile::Librdkafka
    } else {
        ClientProfile::Java
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_valid_and_unique() {
        let mut taken = VecSet::new();
        assert_eq!(consumer_name("rdkafka", &mut taken), "rdkafka");
        assert_eq!(consumer_name("rdkafka", &mut taken), "rdkafka-2");
        assert_eq!(consumer_name("my app #1", &mut taken), "my-app--1");
        assert_eq!(consumer_name("###", &mut taken), "consumer");
        let long = consumer_name(&"x".repeat(300), &mut taken);
        assert!(crate::validate::client_name(&long).is_ok());
    }

    #[test]
    fn client_ids_and_profiles() {
        assert_eq!(
            client_id_of("consumer-g-1-6f1c5a8e-3b52-4d8e-9a0e-2f7c1b9d4e01"),
            "consumer-g-1"
        );
        assert_eq!(client_id_of("short"), "short");
        assert_eq!(profile_of("rdkafka"), ClientProfile::Librdkafka);
        assert_eq!(profile_of("consumer-g-1"), ClientProfile::Java);
    }
}
