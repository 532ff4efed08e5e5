//! The simulation bench's workload as a plain program, for profilers (`perf record`, `valgrind --tool=callgrind`).
//! `STEPS` = simulated tenths of a second of production at 100 000 records/s (default 300).

#[path = "../benches/support/workload.rs"]
mod workload;

fn main() {
    let mut sim = workload::stable_world();
    let steps: u64 = std::env::var("STEPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(300);
    let start = std::time::Instant::now();
    workload::produce_for(&mut sim, 100_000, steps * 100);
    let delivered: u64 = sim.consumers.iter().map(|c| c.records_delivered).sum();
    println!("{delivered} records delivered in {:?}", start.elapsed());
}
