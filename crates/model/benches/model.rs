//! Criterion benchmarks of the model (filled in with the simulation).
use criterion::{criterion_group, criterion_main, Criterion};

fn hashes(c: &mut Criterion) {
    c.bench_function("murmur2 16-byte key", |b| {
        b.iter(|| grouplab_model::hash::murmur2(std::hint::black_box(b"order-000012345")))
    });
    c.bench_function("crc32 16-byte key", |b| {
        b.iter(|| grouplab_model::hash::crc32(std::hint::black_box(b"order-000012345")))
    });
}

/// The assignors at 10 000 partitions (10 topics x 1 000) and 1 000 members: a fresh group, a settled group that
/// one member joins (sticky assignors, with owned partitions), and the same with unequal subscriptions (the
/// sticky assignors' general builder).
fn assignors(c: &mut Criterion) {
    use grouplab_model::assignor::{assign, AssignorName, Subscription};
    use std::collections::BTreeMap;
    use std::hint::black_box;

    let topics: BTreeMap<String, u32> = (0..10).map(|t| (format!("topic-{t}"), 1_000)).collect();
    let names: Vec<String> = topics.keys().cloned().collect();
    let fresh: Vec<Subscription> = (0..1_000u32)
        .map(|i| Subscription {
            member_id: format!("consumer-bench-{i}-{:08x}", i.wrapping_mul(2_654_435_761)),
            group_instance_id: None,
            topics: names.clone(),
            owned_partitions: Vec::new(),
            generation: None,
            revoked: false,
        })
        .collect();
    // Member i subscribes to every topic but topic-(i % 10).
    let unequal: Vec<Subscription> = fresh
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut s = s.clone();
            s.topics.remove(i % 10);
            s
        })
        .collect();
    // The first 999 members own what they got in generation 1; the last one joins.
    let one_joins = |assignor: AssignorName, subs: &[Subscription]| -> Vec<Subscription> {
        let settled = assign(assignor, &topics, &subs[..subs.len() - 1]);
        subs.iter()
            .map(|s| {
                let mut s = s.clone();
                if let Some(owned) = settled.get(&s.member_id) {
                    s.owned_partitions = owned.clone();
                    s.generation = Some(1);
                }
                s
            })
            .collect()
    };

    let mut group = c.benchmark_group("assignor");
    for assignor in AssignorName::ALL {
        let name = format!("{} 10k partitions x 1k members", assignor.name());
        group.bench_function(name, |b| {
            b.iter(|| assign(assignor, black_box(&topics), black_box(&fresh)))
        });
    }
    for assignor in [AssignorName::Sticky, AssignorName::CooperativeSticky] {
        let rejoin = one_joins(assignor, &fresh);
        let name = format!("{} 1 joins 999", assignor.name());
        group.bench_function(name, |b| {
            b.iter(|| assign(assignor, black_box(&topics), black_box(&rejoin)))
        });
        let name = format!("{} unequal subscriptions", assignor.name());
        group.bench_function(name, |b| {
            b.iter(|| assign(assignor, black_box(&topics), black_box(&unequal)))
        });
        let rejoin = one_joins(assignor, &unequal);
        let name = format!("{} unequal subscriptions, 1 joins 999", assignor.name());
        group.bench_function(name, |b| {
            b.iter(|| assign(assignor, black_box(&topics), black_box(&rejoin)))
        });
    }
    group.finish();
}

criterion_group!(benches, hashes, assignors);
criterion_main!(benches);
