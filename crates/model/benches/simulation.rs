//! Criterion benchmarks of the simulation: throughput of producing and delivering records, and seeking back.
//! Run with `make bench` (or `cargo bench -p grouplab-model --bench simulation`).

#[path = "support/workload.rs"]
mod workload;

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use grouplab_model::command::{Command, KeySpec};
use grouplab_model::scenario::Scenario;
use grouplab_model::sim::Sim;
use grouplab_model::timeline::Timeline;

const RECORDS: u64 = 1_000_000;

fn produce_and_deliver(c: &mut Criterion) {
    let base = workload::stable_world();
    let mut group = c.benchmark_group("simulation");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.throughput(Throughput::Elements(RECORDS));
    group.bench_function(
        "produce and deliver 1M records, 64 partitions, 3 groups",
        |b| {
            b.iter_batched(
                || base.clone(),
                |mut sim| {
                    // 100 000 records/s for 10 simulated seconds, then 2 s for the consumers to drain.
                    workload::produce_for(&mut sim, 100_000, 10_000);
                    workload::produce_for(&mut sim, 0, 2_000);
                    debug_assert!(
                        sim.consumers
                            .iter()
                            .map(|c| c.records_delivered)
                            .sum::<u64>()
                            >= 3 * RECORDS
                    );
                    sim
                },
                BatchSize::LargeInput,
            )
        },
    );
    group.finish();
}

/// The course-notes world after an hour at 100 records/s.
fn an_hour_of_history() -> Timeline {
    let mut t = Scenario::course_notes().build().unwrap();
    t.apply(Command::SetProduceRate {
        producer: "producer1".into(),
        topic: "test-topic".into(),
        records_per_sec: 100,
        keys: KeySpec::Random {
            prefix: "order-".into(),
            cardinality: 1000,
        },
    })
    .unwrap();
    t.advance_to(3_700_000);
    t
}

fn seek_back(c: &mut Criterion) {
    let base = an_hour_of_history();
    let mut group = c.benchmark_group("timeline");
    group.sample_size(20);
    group.bench_function("seek back one simulated hour (100 records/s)", |b| {
        b.iter_batched(
            || base.clone(),
            |mut t| {
                t.seek(100_000);
                t
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

/// The browser benchmark's stress world (`scripts/browser-bench.mjs --scenario stress`) after 10 s: 1024
/// partitions, 2000 records/s, 256 consumers in 3 groups.
fn stress_world() -> Sim {
    let mut sim = workload::orders_world(1024);
    sim.apply(Command::SetProduceRate {
        producer: "producer1".into(),
        topic: "orders".into(),
        records_per_sec: 2000,
        keys: KeySpec::Random {
            prefix: "customer-".into(),
            cardinality: 1000,
        },
    })
    .unwrap();
    for i in 0..256 {
        workload::join(&mut sim, None, format!("group-{}", i % 3));
    }
    sim.advance_to(10_000);
    sim
}

/// What the UI takes every frame: the whole world's view, built anew or updated in place from the last one.
fn view_of_a_big_world(c: &mut Criterion) {
    let sim = stress_world();
    let mut group = c.benchmark_group("view");
    group.sample_size(20);
    group.bench_function("view(0), 1024 partitions, 256 consumers", |b| {
        b.iter(|| sim.view(0))
    });
    let mut v = sim.view(0);
    group.bench_function("view_into(0), same, updated in place", |b| {
        b.iter(|| sim.view_into(&mut v, 0))
    });
    group.finish();
}

criterion_group!(benches, produce_and_deliver, seek_back, view_of_a_big_world);
criterion_main!(benches);
