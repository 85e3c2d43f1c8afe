//! Criterion benchmarks of parallel migration (issue 12 item 8), MB/s of dirty page input
//! (10^6 bytes of pages per second), side by side in one run:
//!
//! * `parallel/overhead/<pattern>`: one thread, a 16 MiB region: `round.encode` (copy
//!   into a scratch page, zero check, shard lock, cache lookup and update, record
//!   framing) against the bare `Encoder::encode` of the same pages. Goal: ≤ 10 % slower.
//! * `parallel/threads/VERY-DENSE-16MiB`: a compute-bound Delta round (the region and its
//!   cache fit the last-level cache) with 1 and 2 threads sharing the cache. Goal: 2
//!   threads ≥ 1.8x one.
//! * `parallel/1GiB/VERY-DENSE`: 2 threads on a 1 GiB region against a two-thread loop
//!   that only reads both buffers. Goal: ≥ 0.9 of the loop. (Needs 3 GiB of RAM;
//!   `XBZRLE_BENCH_PARALLEL_MIB` sets another size.)
//!
//! The workloads are `xbzrle_testkit::parallel_bench`, also run by
//! `xbzrle bench --parallel`; every round pass is checked there (every page an XBZRLE
//! record, payload size exactly the bare deltas plus framing).
//!
//! `cargo bench --bench parallel` runs them; numbers from a shared machine are noise.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::time::{Duration, Instant};
use xbzrle_testkit::parallel_bench::{read_both, DeltaBench};
use xbzrle_testkit::scenario::Pattern;

const PAGE: usize = 4096;
const CHUNK: u64 = 1 << 20;

fn overhead(c: &mut Criterion) {
    for pattern in [Pattern::SPARSE, Pattern::VERY_DENSE] {
        let mut b = DeltaBench::new(pattern, 16 << 20, PAGE).unwrap();
        let mut g = c.benchmark_group(format!("parallel/overhead/{}", pattern.name));
        g.throughput(Throughput::BytesDecimal(b.bytes()));
        g.bench_function(BenchmarkId::from_parameter("bare-encode"), |t| {
            t.iter(|| black_box(b.bare_pass()))
        });
        g.bench_function(BenchmarkId::from_parameter("round-encode"), |t| {
            t.iter(|| black_box(b.round_pass(1, CHUNK).unwrap()))
        });
        g.finish();
    }
}

fn threads(c: &mut Criterion) {
    let mut b = DeltaBench::new(Pattern::VERY_DENSE, 16 << 20, PAGE).unwrap();
    let mut g = c.benchmark_group("parallel/threads/VERY-DENSE-16MiB");
    g.throughput(Throughput::BytesDecimal(b.bytes()));
    for n in [1usize, 2] {
        g.bench_function(BenchmarkId::from_parameter(format!("{n}-threads")), |t| {
            t.iter(|| black_box(b.round_pass(n, CHUNK).unwrap()))
        });
    }
    g.finish();
    eprintln!("shard contention (waits): {}", b.cache.contention());
}

fn big(c: &mut Criterion) {
    let mib: usize = std::env::var("XBZRLE_BENCH_PARALLEL_MIB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1024);
    let mut b = DeltaBench::new(Pattern::VERY_DENSE, mib << 20, PAGE).unwrap();
    let mut g = c.benchmark_group(format!("parallel/{mib}MiB/VERY-DENSE"));
    g.throughput(Throughput::BytesDecimal(b.bytes()));
    g.sample_size(10);
    g.bench_function(BenchmarkId::from_parameter("2-threads-round"), |t| {
        t.iter_custom(|iters| {
            let start = Instant::now();
            for _ in 0..iters {
                black_box(b.round_pass(2, 64 << 20).unwrap());
            }
            start.elapsed()
        })
    });
    g.bench_function(BenchmarkId::from_parameter("2-threads-read-both"), |t| {
        t.iter(|| black_box(read_both(&b.old, &b.new, 2)))
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .sample_size(20);
    targets = overhead, threads, big
}
criterion_main!(benches);
