//! Upper bounds that keep every command's cost bounded (bad input gets a typed error, never a panic).

pub const MAX_PARTITIONS_PER_TOPIC: u32 = 1024;
pub const MAX_TOPICS: usize = 64;
pub const MAX_MEMBERS_PER_GROUP: u32 = 1000;
pub const MAX_CLIENTS: usize = 4096;
pub const MAX_BROKERS: u32 = 32;
pub const MAX_RECORDS_PER_COMMAND: u32 = 100_000;
pub const MAX_RECORDS_PER_SEC: u32 = 1_000_000;
pub const MAX_NAME_LEN: usize = 249;
