//! Unit tests of the consumer-protocol coordinator, driven directly with requests.
