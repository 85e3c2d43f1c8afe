//! Every kernel against the scalar reference: one shared runner applied to every kernel
//! in `Kernel::ALL` that this CPU can run (the others are skipped, and say so), plus the
//! portable 64-byte instantiation of the generic SIMD algorithm, which runs everywhere.
//!
//! Each check compares the full `Result` and `out[..L]` with `Kernel::Scalar` for every
//! `out.len()` from `L - 3` to `L + 3` (and a roomy buffer), with guard bytes around `out`
//! that must survive. `XBZRLE_TEST_SCALE` (default 1, e.g. 4 under emulation) divides the
//! sizes of the big random sweeps; `XBZRLE_EXPECT_KERNEL` makes the dispatch test assert
//! which kernel `Kernel::best()` picks.

use proptest::prelude::*;
use xbzrle::{EncodeError, Encoder, Kernel};
use xbzrle_testkit::scenario::{fill_random, Pattern};

type EncodeFn = fn(&Encoder, &[u8], &[u8], &mut [u8]) -> Result<usize, EncodeError>;

/// A kernel under test.
struct Subject {
    name: &'static str,
    enc: Encoder,
    run: EncodeFn,
}

fn via_encoder(e: &Encoder, old: &[u8], new: &[u8], out: &mut [u8]) -> Result<usize, EncodeError> {
    e.encode(old, new, out)
}

#[cfg(feature = "unstable")]
fn via_portable(_: &Encoder, old: &[u8], new: &[u8], out: &mut [u8]) -> Result<usize, EncodeError> {
    xbzrle::unstable::encode_portable64(old, new, out)
}

/// Every runnable kernel except the reference itself, plus the portable instantiation.
fn subjects() -> Vec<Subject> {
    let mut v = Vec::new();
    for &k in Kernel::ALL {
        if k == Kernel::Scalar {
            continue;
        }
        match Encoder::with_kernel(k) {
            Ok(enc) => v.push(Subject {
                name: k.name(),
                enc,
                run: via_encoder,
            }),
            Err(_) => {
                assert!(!k.is_available());
                eprintln!("skipping {}: not available on this CPU", k.name());
            }
        }
    }
    // the generic algorithm at 64-byte width, on any CPU (through `xbzrle::unstable`;
    // `cargo test` at the workspace root enables it, as do CI's emulated runs)
    #[cfg(feature = "unstable")]
    v.push(Subject {
        name: "portable64",
        enc: Encoder::with_kernel(Kernel::Scalar).unwrap(),
        run: via_portable,
    });
    #[cfg(not(feature = "unstable"))]
    eprintln!("skipping portable64: built without the `unstable` feature");
    v
}

fn scale() -> usize {
    std::env::var("XBZRLE_TEST_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .filter(|&s: &usize| s >= 1)
        .unwrap_or(1)
}

fn reference(old: &[u8], new: &[u8], out: &mut [u8]) -> Result<usize, EncodeError> {
    Encoder::with_kernel(Kernel::Scalar)
        .unwrap()
        .encode(old, new, out)
}

const GUARD: usize = 32;

/// The runner: compares `s` with the reference on `old`/`new` for every interesting
/// `out.len()`, `out` starting `out_off` bytes into its buffer, guarded on both sides.
struct Runner {
    subjects: Vec<Subject>,
    ref_buf: Vec<u8>,
    buf: Vec<u8>,
}

impl Runner {
    fn new() -> Runner {
        Runner {
            subjects: subjects(),
            ref_buf: vec![0; 3 * 16384 + 64],
            buf: vec![0; 3 * 16384 + 2 * GUARD + 128],
        }
    }

    /// Full check: out.len() in L-3..=L+3 plus a roomy buffer.
    fn check(&mut self, old: &[u8], new: &[u8]) {
        self.check_at(old, new, 0, true);
    }

    /// Quicker check for the huge sweeps: one byte short, and roomy.
    fn check_quick(&mut self, old: &[u8], new: &[u8]) {
        self.check_at(old, new, 0, false);
    }

    fn check_at(&mut self, old: &[u8], new: &[u8], out_off: usize, all_lens: bool) {
        let roomy = 2 * new.len() + 16;
        let full = reference(old, new, &mut self.ref_buf[..roomy]);
        let l = match full {
            Ok(l) => l,
            // only a run longer than 16383 can overflow a roomy buffer
            Err(EncodeError::Overflow) => new.len(),
            Err(_) => {
                // argument errors: every kernel must return the same
                for s in &self.subjects {
                    let got = (s.run)(&s.enc, old, new, &mut self.buf[..roomy]);
                    assert_eq!(got, full, "{} on bad arguments", s.name);
                }
                return;
            }
        };
        let mut lens: Vec<usize> = if all_lens {
            (l.saturating_sub(3)..=l + 3).collect()
        } else {
            vec![l.saturating_sub(1)]
        };
        lens.push(roomy);
        for &len in &lens {
            let want = reference(old, new, &mut self.ref_buf[..len]);
            if let Ok(w) = want {
                assert_eq!(Ok(w), full);
            }
            for s in &self.subjects {
                let start = GUARD + out_off;
                self.buf[..start + len + GUARD].fill(0xa5);
                let got = (s.run)(&s.enc, old, new, &mut self.buf[start..start + len]);
                if got != want
                    || matches!(got, Ok(w) if self.buf[start..start + w] != self.ref_buf[..w])
                {
                    panic!(
                        "{} differs from scalar: n={} out.len()={} out_off={} got {:?} want {:?}\n\
                         changed bytes at {:?}",
                        s.name,
                        new.len(),
                        len,
                        out_off,
                        got,
                        want,
                        changed_positions(old, new)
                    );
                }
                assert!(
                    self.buf[..start].iter().all(|&b| b == 0xa5)
                        && self.buf[start + len..start + len + GUARD]
                            .iter()
                            .all(|&b| b == 0xa5),
                    "{} wrote outside out (n={}, out.len()={len})",
                    s.name,
                    new.len()
                );
            }
        }
    }
}

fn changed_positions(old: &[u8], new: &[u8]) -> Vec<usize> {
    (0..old.len())
        .filter(|&i| old[i] != new[i])
        .take(40)
        .collect()
}

/// `old` random, `new` = old with the given runs changed (XOR 0x5a / 0xff).
fn page_with_runs(n: usize, runs: &[(usize, usize)], seed: u64) -> (Vec<u8>, Vec<u8>) {
    let mut old = vec![0u8; n];
    fill_random(&mut old, seed);
    let mut new = old.clone();
    for &(s, l) in runs {
        for (i, b) in new[s..s + l].iter_mut().enumerate() {
            *b ^= if i % 2 == 0 { 0x5a } else { 0xff };
        }
    }
    (old, new)
}

/// Changes `new[s..s + l]` (XOR, so calling it twice restores the page).
fn toggle(new: &mut [u8], s: usize, l: usize) {
    for (i, b) in new[s..s + l].iter_mut().enumerate() {
        *b ^= if i % 2 == 0 { 0x5a } else { 0xff };
    }
}

#[test]
fn one_changed_run_every_position_and_length() {
    let mut r = Runner::new();
    let sc = scale();
    let sizes: Vec<usize> = (0..=70)
        .chain([95, 96, 97, 127, 128, 129, 191, 192, 193, 255, 256])
        .collect();
    for &n in &sizes {
        let (old, mut new) = page_with_runs(n, &[], n as u64);
        for s in 0..n {
            for l in 1..=n - s {
                // under emulation (scale > 1) the big pages are thinned out
                if n > 70 && (s + l) % sc != 0 {
                    continue;
                }
                toggle(&mut new, s, l);
                if n <= 70 || l < 4 || s + l == n || l % 16 == 0 {
                    r.check(&old, &new);
                } else {
                    r.check_quick(&old, &new);
                }
                toggle(&mut new, s, l);
            }
        }
    }
}

#[test]
fn two_changed_runs_every_position_and_length() {
    let mut r = Runner::new();
    let sc = scale();
    // exhaustive on a page that crosses one 64-byte block boundary
    let n = 72;
    let (old, mut new) = page_with_runs(n, &[], 7);
    for s1 in 0..n {
        for l1 in 1..=n - s1 {
            for s2 in s1 + l1 + 1..n {
                for l2 in 1..=n - s2 {
                    if (s1 + l1 + s2 + l2) % sc != 0 {
                        continue;
                    }
                    toggle(&mut new, s1, l1);
                    toggle(&mut new, s2, l2);
                    r.check_quick(&old, &new);
                    toggle(&mut new, s1, l1);
                    toggle(&mut new, s2, l2);
                }
            }
        }
    }
}

#[test]
fn two_changed_runs_on_256_byte_pages() {
    let mut r = Runner::new();
    let n = 256;
    let lens = [
        1, 2, 3, 7, 8, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129,
    ];
    let gaps = [1, 2, 15, 16, 63, 64, 65, 127, 128, 129];
    for s1 in 0..n {
        for &l1 in &lens {
            for &g in &gaps {
                for &l2 in &lens {
                    let s2 = s1 + l1 + g;
                    if s2 + l2 > n {
                        continue;
                    }
                    let (old, new) = page_with_runs(n, &[(s1, l1), (s2, l2)], 9);
                    r.check_quick(&old, &new);
                }
            }
        }
    }
}

#[test]
fn every_slice_offset_of_old_new_and_out() {
    let mut r = Runner::new();
    for n in [1usize, 63, 64, 65, 300, 700] {
        let region = 64 + n;
        let mut oldbuf = vec![0u8; region];
        fill_random(&mut oldbuf, 11);
        let mut newbuf = oldbuf.clone();
        Pattern::DENSE.apply_in_place(&mut newbuf, 0);
        for off in 0..64 {
            // old, new and out shifted independently and together
            let combos = [
                (off, 0, 0),
                (0, off, 0),
                (0, 0, off),
                (off, (off * 7) % 64, (off * 13) % 64),
            ];
            for (oo, no, uo) in combos {
                let old = &oldbuf[oo..oo + n];
                let mut new = newbuf[no..no + n].to_vec();
                // make old/new differ in the DENSE pattern of the shifted view
                new.copy_from_slice(old);
                Pattern::DENSE.apply_in_place(&mut new, off);
                let newv = {
                    let mut b = vec![0u8; region];
                    b[no..no + n].copy_from_slice(&new);
                    b
                };
                r.check_at(old, &newv[no..no + n], uo, uo == off);
            }
        }
    }
}

#[test]
fn page_lengths_around_every_lane_multiple() {
    let mut r = Runner::new();
    let lens = (0..=260)
        .chain(4090..=4102)
        .chain(16370..=16384)
        .collect::<Vec<_>>();
    for &n in &lens {
        for (i, p) in Pattern::ALL.iter().enumerate() {
            let mut old = vec![0u8; n];
            fill_random(&mut old, n as u64 * 5 + i as u64);
            let mut new = old.clone();
            p.apply_in_place(&mut new, (n * 31) % p.stride);
            r.check(&old, &new);
        }
        // last byte changed, first byte changed, all changed, identical
        let (old, new) = page_with_runs(n, &[(n.saturating_sub(1), n.min(1))], 3);
        r.check(&old, &new);
        let (old, new) = page_with_runs(n, &[(0, n.min(1))], 3);
        r.check(&old, &new);
        let (old, new) = page_with_runs(n, &[(0, n)], 3);
        r.check(&old, &new);
        r.check(&old, &old);
    }
}

#[test]
fn argument_errors_are_the_same() {
    let mut r = Runner::new();
    let a = vec![0u8; 16385];
    let b = vec![1u8; 16385];
    r.check(&a, &b); // PageTooLarge
    r.check(&a[..100], &b[..101]); // LengthMismatch
}

#[test]
fn long_runs_and_two_byte_lengths() {
    let mut r = Runner::new();
    // fully changed 16 KiB page: run of 16384 > 16383 -> Overflow with any out
    let (old, new) = page_with_runs(16384, &[(0, 16384)], 1);
    r.check(&old, &new);
    for (s, l) in [
        (0, 16383),
        (1, 16383),
        (16383, 1),
        (0, 128),
        (127, 129),
        (5000, 9000),
    ] {
        let (old, new) = page_with_runs(16384, &[(s, l)], 2);
        r.check(&old, &new);
    }
    // alternating bytes: 8192 runs, far more transitions than one list batch holds
    for n in [4096usize, 16384] {
        let mut old = vec![0u8; n];
        fill_random(&mut old, 4);
        let mut new = old.clone();
        for (i, b) in new.iter_mut().enumerate() {
            if i % 2 == 1 || (i % 1000 < 5) {
                *b ^= 1;
            }
        }
        r.check(&old, &new);
    }
}

#[test]
fn scenario_pages() {
    let mut r = Runner::new();
    let size = 16 * 4096 / scale().min(16);
    let mut old = vec![0u8; size];
    fill_random(&mut old, 42);
    for p in Pattern::ALL {
        let new = p.apply(&old);
        for (o, n) in old.chunks(4096).zip(new.chunks(4096)) {
            r.check(o, n);
        }
    }
}

#[test]
fn slices_ending_at_the_end_of_their_allocation() {
    let r = Runner::new();
    for n in [
        0usize, 1, 15, 17, 63, 64, 65, 100, 255, 256, 257, 4095, 4096,
    ] {
        for p in Pattern::ALL {
            // `vec!` allocates exactly `n` bytes: the slice ends where the allocation ends
            let mut o = vec![0u8; n];
            fill_random(&mut o, n as u64);
            let mut nw = Vec::with_capacity(n);
            nw.extend_from_slice(&o);
            p.apply_in_place(&mut nw, 3);
            if n > 0 {
                nw[n - 1] ^= 0x80; // change reaches the very last byte
            }
            let mut want = vec![0u8; 2 * n + 8];
            let wl = reference(&o, &nw, &mut want);
            for s in &r.subjects {
                for len in [wl.unwrap_or(0), wl.unwrap_or(0).saturating_sub(1)] {
                    // `out` is an exact-capacity allocation: nothing to scribble on past it
                    let mut out = vec![0u8; len];
                    let got = (s.run)(&s.enc, &o, &nw, &mut out);
                    let want_r = reference(&o, &nw, &mut want[..len]);
                    assert_eq!(got, want_r, "{} n={n} len={len}", s.name);
                    if let Ok(l) = got {
                        assert_eq!(out[..l], want[..l], "{} n={n}", s.name);
                    }
                }
            }
        }
    }
}

#[test]
fn dispatch_picks_the_expected_kernel() {
    let best = Kernel::best();
    eprintln!(
        "best kernel: {best}; available: {:?}",
        Kernel::available().map(|k| k.name()).collect::<Vec<_>>()
    );
    assert!(best.is_available());
    assert_eq!(Encoder::new().kernel(), best);
    if let Ok(want) = std::env::var("XBZRLE_EXPECT_KERNEL") {
        assert_eq!(best.name(), want, "XBZRLE_EXPECT_KERNEL");
    }
    for &k in Kernel::ALL {
        assert_eq!(Kernel::from_name(k.name()), Some(k));
        match Encoder::with_kernel(k) {
            Ok(e) => assert_eq!(e.kernel(), k),
            Err(err) => {
                assert_eq!(err.kernel(), k);
                assert!(!k.is_available());
            }
        }
    }
    #[cfg(target_arch = "x86_64")]
    assert!(Kernel::Sse2.is_available() && !Kernel::Neon.is_available());
    #[cfg(target_arch = "aarch64")]
    assert!(Kernel::Neon.is_available() && !Kernel::Sse2.is_available());
}

fn runs_strategy() -> impl Strategy<Value = (usize, Vec<(usize, usize)>, u64)> {
    (0usize..=16384, any::<u64>()).prop_flat_map(|(n, seed)| {
        let runs = proptest::collection::vec((0..=n, 1usize..300), 0..40);
        (Just(n), runs, Just(seed))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases((256 / scale() as u32).max(16)))]

    #[test]
    fn random_pages_match_scalar((n, runs, seed) in runs_strategy(), extra in 0usize..64) {
        let mut old = vec![0u8; n];
        fill_random(&mut old, seed);
        let mut new = old.clone();
        for (s, l) in runs {
            let s = s.min(n);
            let e = (s + l).min(n);
            for b in &mut new[s..e] {
                *b ^= 1 + (seed as u8 % 255);
            }
        }
        let mut r = Runner::new();
        r.check_at(&old, &new, extra, true);
    }

    #[test]
    fn random_scenario_pages_match_scalar(pi in 0usize..4, n in 0usize..=16384, off in 0usize..2000, seed: u64) {
        let p = Pattern::ALL[pi];
        let mut old = vec![0u8; n];
        fill_random(&mut old, seed);
        let mut new = old.clone();
        p.apply_in_place(&mut new, off);
        let mut r = Runner::new();
        r.check(&old, &new);
    }
}
