//! Small text helpers shared by the components.

/// Simulated time as seconds with milliseconds: `12.345 s`.
pub fn seconds(ms: u64) -> String {
    format!("{}.{:03} s", ms / 1000, ms % 1000)
}

/// A speed factor: `0.1x`, `2.5x`, `100x`.
pub fn speed(s: f64) -> String {
    if s >= 10.0 {
        format!("{s:.0}x")
    } else if s >= 1.0 {
        format!("{s:.1}x")
    } else {
        format!("{s:.2}x")
    }
}

/// A long member id shortened for the stage (the full id is in the inspector and the data attribute).
pub fn short_id(id: &str, max: usize) -> String {
    if id.chars().count() <= max {
        id.to_string()
    } else {
        let head: String = id.chars().take(max.saturating_sub(1)).collect();
        format!("{head}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(seconds(12_345), "12.345 s");
        assert_eq!(speed(0.1), "0.10x");
        assert_eq!(speed(100.0), "100x");
        assert_eq!(short_id("rdkafka-1234", 8), "rdkafka…");
    }
}
