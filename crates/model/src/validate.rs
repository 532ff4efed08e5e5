//! Input validation with Kafka's own rules, so every bad command gets a typed error.

use crate::error::{ModelError, Reason};
use crate::limits;

/// Topic names: `[a-zA-Z0-9._-]`, at most 249 characters, not `.` or `..` (Topic.validate in clients/.../internals).
pub fn topic_name(topic: &str) -> Result<(), ModelError> {
    let bad = |reason: Reason| {
        Err(ModelError::InvalidTopicName {
            topic: topic.chars().take(300).collect(),
            reason,
        })
    };
    if topic.is_empty() {
        return bad(Reason::EmptyName);
    }
    if topic == "." || topic == ".." {
        return bad(Reason::Dots);
    }
    if topic.chars().count() > limits::MAX_NAME_LEN {
        return bad(Reason::TooLong {
            max: limits::MAX_NAME_LEN,
        });
    }
    if let Some(c) = topic
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
    {
        return bad(Reason::BadChar { char: c });
    }
    if topic == crate::cluster::OFFSETS_TOPIC {
        return bad(Reason::Internal {
            topic: topic.into(),
        });
    }
    Ok(())
}

pub fn group_id(group: &str) -> Result<(), ModelError> {
    if group.trim().is_empty() {
        return Err(ModelError::InvalidGroupId {
            reason: Reason::EmptyGroupId,
        });
    }
    if group.chars().count() > limits::MAX_NAME_LEN {
        return Err(ModelError::InvalidGroupId {
            reason: Reason::TooLong {
                max: limits::MAX_NAME_LEN,
            },
        });
    }
    if group.chars().any(char::is_control) {
        return Err(ModelError::InvalidGroupId {
            reason: Reason::ControlChars,
        });
    }
    Ok(())
}

/// Names of simulated clients (used in commands and data attributes).
pub fn client_name(name: &str) -> Result<(), ModelError> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if ok {
        Ok(())
    } else {
        Err(ModelError::InvalidName {
            name: name.chars().take(80).collect(),
            reason: Reason::NameChars { max: 64 },
        })
    }
}

pub fn range(field: &str, value: u64, min: u64, max: u64) -> Result<(), ModelError> {
    if (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(ModelError::InvalidValue {
            field: field.to_string(),
            reason: Reason::Outside { value, min, max },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kafka_topic_rules() {
        assert!(topic_name("test-topic").is_ok());
        assert!(topic_name("a.b_c-D9").is_ok());
        assert!(topic_name("").is_err());
        assert!(topic_name(".").is_err());
        assert!(topic_name("..").is_err());
        assert!(topic_name("has space").is_err());
        assert!(topic_name("ünï").is_err());
        assert!(topic_name(&"x".repeat(249)).is_ok());
        assert!(topic_name(&"x".repeat(250)).is_err());
    }
}
