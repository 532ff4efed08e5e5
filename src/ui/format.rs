//! Small text helpers shared by the components.

/// Simulated time as seconds with milliseconds: `12.345 s`.
pub fn seconds(ms: u64) -> String {
    format!("{}.{:03} s", ms / 1000, ms % 1000)
}

/// A speed factor: `0.1x`, `2.5x`, `100x`.
pub fn speed(s: f64) -> String {
    let decimals = if s >= 10.0 {
        0
    } else if s >= 1.0 {
        1
    } else {
        2
    };
    format!("{}x", fixed(s, decimals))
}

/// `v` with `decimals` digits after the point, like `{:.N}`, but in integer arithmetic: the wasm then needs
/// no exact float formatting (about 5 KB).
pub fn fixed(v: f64, decimals: u32) -> String {
    let scale = 10i64.pow(decimals);
    let n = (v * scale as f64).round() as i64;
    let sign = if n < 0 { "-" } else { "" };
    let n = n.unsigned_abs();
    let scale = scale.unsigned_abs();
    if decimals == 0 {
        format!("{sign}{n}")
    } else {
        let width = decimals as usize;
        format!("{sign}{}.{:0width$}", n / scale, n % scale)
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

/// log₁₀ of `v`: the browser's Math.log10 in the wasm (libm's would add about 3 KB), Rust's natively (the
/// build-time first frame, tests).
pub fn log10(v: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Math::log10(v);
    #[cfg(not(target_arch = "wasm32"))]
    return v.log10();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(seconds(12_345), "12.345 s");
        assert_eq!(speed(0.1), "0.10x");
        assert_eq!(speed(100.0), "100x");
        assert_eq!(speed(2.5), "2.5x");
        assert_eq!(fixed(-0.25, 2), "-0.25");
        assert_eq!(fixed(0.456_78, 2), "0.46");
        assert_eq!(fixed(12.3456, 3), "12.346");
        assert_eq!(fixed(-0.001, 2), "0.00");
        assert_eq!(short_id("rdkafka-1234", 8), "rdkafka…");
    }
}
