//! Criterion benchmarks of the model (filled in with the simulation).
use criterion::{criterion_group, criterion_main, Criterion};

fn hashes(c: &mut Criterion) {
    c.bench_function("murmur2 16-byte key", |b| {
        b.iter(|| grouplab_model::hash::murmur2(std::hint::black_box(b"order-000012345")))
    });
}

criterion_group!(benches, hashes);
criterion_main!(benches);
