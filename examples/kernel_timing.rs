//! Quick side-by-side timing of every available kernel on the docs/format.md §7 scenarios ("hot":
//! 8 pages of 4 KiB repeated, old + new = 64 KiB), plus the per-call dispatch overhead.
//! Every timed encoding is checked against the scalar reference.
//!
//! `cargo run --release --example kernel_timing [rounds] [no-dispatch]` (default 21 rounds;
//! `ONLY_PATTERN=dense` restricts the scenarios, `ONLY_PATTERN=none` times only dispatch;
//! min..max over interleaved rounds are printed).

use std::hint::black_box;
use std::time::Instant;

use xbzrle::{EncodeError, Encoder, Kernel};
use xbzrle_testkit::scenario::{fill_random, Pattern};

const PAGE: usize = 4096;
const PAGES: usize = 8;

type Run = Box<dyn Fn(&[u8], &[u8], &mut [u8]) -> Result<usize, EncodeError>>;

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(21);
    let mut subjects: Vec<(String, Run)> = Vec::new();
    for k in Kernel::available() {
        let e = Encoder::with_kernel(k).unwrap();
        subjects.push((
            k.name().into(),
            Box::new(move |o, n, out| e.encode(o, n, out)),
        ));
    }
    subjects.push((
        "portable64".into(),
        Box::new(xbzrle::unstable::encode_portable64),
    ));
    println!("best = {}", Kernel::best());

    let mut old = vec![0u8; PAGE * PAGES];
    fill_random(&mut old, 42);
    let mut out = vec![0u8; PAGE];
    let scalar = Encoder::with_kernel(Kernel::Scalar).unwrap();
    let only = std::env::var("ONLY_PATTERN").ok();
    for p in Pattern::ALL {
        if only
            .as_deref()
            .is_some_and(|o| !o.eq_ignore_ascii_case(p.name))
        {
            continue;
        }
        let new = p.apply(&old);
        // expected output per page, from the reference
        let mut want = Vec::new();
        let mut total = 0;
        for (o, n) in old.chunks(PAGE).zip(new.chunks(PAGE)) {
            let l = scalar.encode(o, n, &mut out).unwrap();
            // the reference output must rebuild the new page
            let mut page = o.to_vec();
            xbzrle::decode(&out[..l], &mut page).unwrap();
            assert!(
                page == n,
                "the reference encoding of {} does not decode",
                p.name
            );
            want.push(out[..l].to_vec());
            total += l;
        }
        for (name, run) in &subjects {
            for (i, (o, n)) in old.chunks(PAGE).zip(new.chunks(PAGE)).enumerate() {
                let l = run(o, n, &mut out).unwrap();
                assert_eq!(&out[..l], &want[i][..], "{name} differs on {}", p.name);
            }
        }
        let mut res: Vec<Vec<f64>> = vec![Vec::new(); subjects.len()];
        // short measurements (~0.1-0.5 ms), many interleaved rounds: on a shared machine
        // the best round is the undisturbed speed, the median shows the noise
        let reps = 16;
        for _ in 0..rounds {
            for (si, (name, run)) in subjects.iter().enumerate() {
                let t = Instant::now();
                let mut sum = 0;
                for _ in 0..reps {
                    for (o, n) in old.chunks(PAGE).zip(new.chunks(PAGE)) {
                        sum += run(black_box(o), black_box(n), &mut out).unwrap();
                    }
                }
                let dt = t.elapsed().as_secs_f64();
                assert_eq!(sum, total * reps, "{name}");
                res[si].push((reps * PAGES * PAGE) as f64 / dt / 1e6);
            }
        }
        println!(
            "{:<10} encoded {:.2} %",
            p.name,
            total as f64 * 100.0 / (PAGE * PAGES) as f64
        );
        let base = median(&mut res[0].clone());
        let base_best = res[0].iter().cloned().fold(0.0, f64::max);
        for (si, (name, _)) in subjects.iter().enumerate() {
            let v = &mut res[si];
            let med = median(v);
            let best = v[v.len() - 1];
            println!(
                "  {:<10} median {:>6.0} MB/s (x{:.2})  best {:>6.0} MB/s (x{:.2})",
                name,
                med,
                med / base,
                best,
                best / base_best
            );
        }
    }

    if std::env::args().nth(2).as_deref() == Some("no-dispatch") {
        return;
    }
    // is_zero_page on a cache-resident zero page (the whole page is read).
    let zero = vec![0u8; PAGE];
    let mut tz = Vec::new();
    for _ in 0..rounds {
        let t = Instant::now();
        for _ in 0..100_000 {
            black_box(xbzrle::is_zero_page(black_box(&zero)));
        }
        tz.push(t.elapsed().as_secs_f64() * 1e9 / 100_000.0);
    }
    println!(
        "is_zero_page, zero 4 KiB page: {:.1} ns/call",
        median(&mut tz)
    );

    // Dispatch overhead: the free function vs a pre-built Encoder.
    let enc = Encoder::new();
    let page = vec![7u8; PAGE];
    let tiny = [1u8; 16];
    for (what, a, b) in [
        ("unchanged 4 KiB page", &page[..], &page[..]),
        ("16-byte page, unchanged", &tiny[..], &tiny[..]),
        ("empty page", &[][..], &[][..]),
    ] {
        let iters = 2_000_000usize / (1 + a.len() / 256);
        let mut t_free = Vec::new();
        let mut t_enc = Vec::new();
        for _ in 0..rounds {
            let t = Instant::now();
            for _ in 0..iters {
                black_box(xbzrle::encode(black_box(a), black_box(b), &mut out).unwrap());
            }
            t_free.push(t.elapsed().as_secs_f64() * 1e9 / iters as f64);
            let t = Instant::now();
            for _ in 0..iters {
                black_box(
                    black_box(&enc)
                        .encode(black_box(a), black_box(b), &mut out)
                        .unwrap(),
                );
            }
            t_enc.push(t.elapsed().as_secs_f64() * 1e9 / iters as f64);
        }
        let sc = Encoder::with_kernel(Kernel::Scalar).unwrap();
        let mut t_sc = Vec::new();
        for _ in 0..rounds {
            let t = Instant::now();
            for _ in 0..iters {
                black_box(
                    black_box(&sc)
                        .encode(black_box(a), black_box(b), &mut out)
                        .unwrap(),
                );
            }
            t_sc.push(t.elapsed().as_secs_f64() * 1e9 / iters as f64);
        }
        let min = |v: &[f64]| v.iter().cloned().fold(f64::INFINITY, f64::min);
        println!(
            "{what}: free encode {:.2} ns/call (min {:.2}), Encoder::encode ({}) {:.2} (min {:.2}), scalar Encoder {:.2} (min {:.2})",
            median(&mut t_free.clone()),
            min(&t_free),
            enc.kernel(),
            median(&mut t_enc.clone()),
            min(&t_enc),
            median(&mut t_sc.clone()),
            min(&t_sc)
        );
    }
}
