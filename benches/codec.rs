//! Criterion benchmarks of the codec, hot (8 cache-resident 4 KiB pages): encode with
//! every kernel this CPU can run, and decode (atomic and non-atomic), on the docs/format.md §7
//! scenarios plus UNCHANGED / ALL-CHANGED / RANDOM. Throughput is bytes of page input.
//!
//! `cargo bench` runs them; `cargo bench -- encode/DENSE` filters. For the full
//! per-CPU table (stream setting, baselines, read bound) use `cargo run --release -- bench`.
//!
//! Every output is checked once before it is timed: each delta must decode onto its old
//! page to exactly the new page, and every kernel must produce the reference bytes.
//! Decoding is timed onto pages that already hold the NEW contents: applying a delta to
//! its new page is idempotent (it writes the same bytes at the same places as onto the
//! old page), so every iteration does the same work without restoring the old page.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;
use xbzrle::{Encoder, Kernel};
use xbzrle_testkit::scenario::{fill_random, Pattern};

const PAGE: usize = 4096;
const PAGES: usize = 8;

/// (name, old region, new region): the pattern laid over the whole 8-page region.
fn scenarios() -> Vec<(&'static str, Vec<u8>, Vec<u8>)> {
    let mut old = vec![0u8; PAGE * PAGES];
    fill_random(&mut old, 0x0123_4567_89ab_cdef);
    let mut v: Vec<(&'static str, Vec<u8>, Vec<u8>)> = Pattern::ALL
        .iter()
        .map(|p| (p.name, old.clone(), p.apply(&old)))
        .collect();
    v.push(("UNCHANGED", old.clone(), old.clone()));
    v.push((
        "ALL-CHANGED",
        old.clone(),
        old.iter().map(|b| b ^ 0xa5).collect(),
    ));
    let mut random = vec![0u8; old.len()];
    fill_random(&mut random, 0xfedc_ba98_7654_3210);
    v.push(("RANDOM", old, random));
    v
}

/// Encodes every page into its own slot of `out`; returns the bytes produced (an
/// overflowed page counts as 0: it would be sent raw).
#[inline(always)]
fn encode_all(enc: &Encoder, old: &[u8], new: &[u8], out: &mut [u8], lens: &mut [usize]) {
    for (((o, n), slot), len) in old
        .chunks_exact(PAGE)
        .zip(new.chunks_exact(PAGE))
        .zip(out.chunks_exact_mut(PAGE))
        .zip(lens.iter_mut())
    {
        *len = match enc.encode(o, n, slot) {
            Ok(l) => l,
            Err(xbzrle::EncodeError::Overflow) => usize::MAX,
            Err(e) => panic!("{e}"),
        };
    }
}

fn bench(c: &mut Criterion) {
    let reference = Encoder::with_kernel(Kernel::Scalar).unwrap();
    for (name, old, new) in scenarios() {
        // Reference deltas, verified by decoding.
        let mut ref_out = vec![0u8; PAGE * PAGES];
        let mut ref_lens = vec![0usize; PAGES];
        encode_all(&reference, &old, &new, &mut ref_out, &mut ref_lens);
        for p in 0..PAGES {
            let l = ref_lens[p];
            if l == usize::MAX {
                continue;
            }
            let mut page = old[p * PAGE..(p + 1) * PAGE].to_vec();
            xbzrle::decode(&ref_out[p * PAGE..p * PAGE + l], &mut page).unwrap();
            assert_eq!(page, &new[p * PAGE..(p + 1) * PAGE], "{name} page {p}");
        }

        let mut g = c.benchmark_group(format!("encode/{name}"));
        g.throughput(Throughput::BytesDecimal((PAGE * PAGES) as u64));
        for k in Kernel::available() {
            let enc = Encoder::with_kernel(k).unwrap();
            let mut out = vec![0u8; PAGE * PAGES];
            let mut lens = vec![0usize; PAGES];
            // Checked before timing: same lengths and bytes as the verified reference.
            encode_all(&enc, &old, &new, &mut out, &mut lens);
            assert_eq!(lens, ref_lens, "{name}: kernel {k}");
            for (p, &l) in lens.iter().enumerate() {
                if l != usize::MAX {
                    let r = p * PAGE..p * PAGE + l;
                    assert_eq!(out[r.clone()], ref_out[r], "{name}: kernel {k} page {p}");
                }
            }
            g.bench_function(BenchmarkId::from_parameter(k.name()), |b| {
                b.iter(|| {
                    encode_all(&enc, black_box(&old), black_box(&new), &mut out, &mut lens);
                    black_box((&out, &lens));
                })
            });
        }
        g.finish();

        if ref_lens.iter().all(|&l| l == usize::MAX) {
            continue; // nothing to decode: every page is sent raw
        }
        let mut g = c.benchmark_group(format!("decode/{name}"));
        g.throughput(Throughput::BytesDecimal((PAGE * PAGES) as u64));
        for (id, atomic) in [("atomic", true), ("non-atomic", false)] {
            let mut pages = new.clone();
            g.bench_function(BenchmarkId::from_parameter(id), |b| {
                b.iter(|| {
                    for (p, page) in pages.chunks_exact_mut(PAGE).enumerate() {
                        let l = ref_lens[p];
                        if l == usize::MAX {
                            continue;
                        }
                        let delta = black_box(&ref_out[p * PAGE..p * PAGE + l]);
                        let r = if atomic {
                            xbzrle::decode(delta, page)
                        } else {
                            xbzrle::unstable::decode_non_atomic(delta, page)
                        };
                        black_box(r.unwrap());
                    }
                })
            });
            // Decoding onto the new pages must leave them exactly as they were.
            assert_eq!(pages, new, "{name}: decode ({id})");
        }
        g.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30);
    targets = bench
}
criterion_main!(benches);
