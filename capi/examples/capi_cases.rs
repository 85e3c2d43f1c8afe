//! Writes the differential test cases of `capi/tests/differential.c`: generated inputs
//! together with the results of the Rust API (`xbzrle::encode`, `xbzrle::decode`) on them.
//! The C program runs the same inputs through the C entry points and requires the same
//! results.
//!
//! ```sh
//! cargo run --release -p xbzrle-capi --example capi_cases -- CASES_FILE [COUNT] [SEED]
//! ```
//!
//! File format (all integers little-endian u32 unless noted), after the 8-byte magic
//! `XBZCASE1` and the case count:
//!
//! * encode case: `u8 0`, old_len, new_len, out_len, `u8 alias` (1: the C side passes
//!   the same buffer as old and new; then new is not stored), old bytes, new bytes,
//!   `i32` expected status (the C enum value), expected length, expected bytes;
//! * decode case: `u8 1`, page_len, delta_len, old page, delta, `i32` expected status,
//!   expected position (end offset, or the offset of the refused field), and on success
//!   the expected page.

use std::io::Write;

use xbzrle_rs::{DecodeErrorKind, EncodeError};
use xbzrle_testkit::scenario::{fill_random, Pattern};

/// splitmix64: small, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// Run lengths that matter to the format and the kernels.
const INTERESTING: &[usize] = &[
    1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256, 257, 4095, 4096,
    16383, 16384,
];

fn page_len(rng: &mut Rng) -> usize {
    match rng.below(10) {
        0..=4 => 4096,
        5..=6 => rng.below(16385),
        7 => rng.below(300),
        8 => [0, 1, 8, 64, 4095, 4097, 8192, 16383, 16384][rng.below(9)],
        _ => 16384,
    }
}

fn old_page(rng: &mut Rng, len: usize) -> Vec<u8> {
    let mut p = vec![0u8; len];
    match rng.below(3) {
        0 => {}
        1 => fill_random(&mut p, rng.next()),
        _ => p.iter_mut().for_each(|b| *b = (rng.next() & 3) as u8),
    }
    p
}

/// `old` with some runs changed (or a benchmark scenario applied).
fn new_page(rng: &mut Rng, old: &[u8]) -> Vec<u8> {
    let mut new = old.to_vec();
    let len = old.len();
    if len == 0 {
        return new;
    }
    match rng.below(10) {
        0 => {} // identical
        1 => {
            let p = Pattern::ALL[rng.below(4)];
            p.apply_in_place(&mut new, rng.below(1 << 20));
        }
        2 => new.iter_mut().for_each(|b| *b ^= 0xa5), // all changed
        3 => {
            // every other byte
            new.iter_mut().step_by(2).for_each(|b| *b ^= 1);
        }
        _ => {
            let most = if rng.chance(50) { 4 } else { 60 };
            let runs = 1 + rng.below(most);
            for _ in 0..runs {
                let run = if rng.chance(40) {
                    INTERESTING[rng.below(INTERESTING.len())]
                } else {
                    1 + rng.below(48)
                }
                .min(len);
                let at = rng.below(len - run + 1);
                for b in &mut new[at..at + run] {
                    *b ^= 1 + (rng.next() % 255) as u8;
                }
            }
        }
    }
    new
}

fn encode_status(r: &Result<usize, EncodeError>) -> i32 {
    match r {
        Ok(_) => 0,
        Err(EncodeError::Overflow) => 1,
        Err(EncodeError::LengthMismatch { .. }) => 2,
        Err(EncodeError::PageTooLarge { .. }) => 3,
    }
}

fn decode_status(k: DecodeErrorKind) -> i32 {
    match k {
        DecodeErrorKind::Truncated => 4,
        DecodeErrorKind::BadLength => 5,
        DecodeErrorKind::EmptyZeroRun => 6,
        DecodeErrorKind::EmptyLiteralRun => 7,
        DecodeErrorKind::PastPageEnd => 8,
    }
}

fn u32le(out: &mut Vec<u8>, v: usize) {
    out.extend_from_slice(&u32::try_from(v).unwrap().to_le_bytes());
}

/// The canonical encoding of `new` against `old` (pages of equal length ≤ 16384), or
/// None when it needs a run over 16383 bytes.
fn canonical(old: &[u8], new: &[u8]) -> Option<Vec<u8>> {
    let mut out = vec![0u8; 3 * old.len() + 16];
    let n = xbzrle_rs::encode(old, new, &mut out).ok()?;
    out.truncate(n);
    Some(out)
}

fn encode_case(rng: &mut Rng, out: &mut Vec<u8>) {
    let len = page_len(rng);
    let mut old = old_page(rng, len);
    let alias = rng.chance(5);
    let mut new = if alias {
        old.clone()
    } else {
        new_page(rng, &old)
    };
    match rng.below(40) {
        0 => new.push(0), // length mismatch
        1 => old.truncate(old.len().saturating_sub(1 + rng.below(8))),
        2 => {
            // page too large
            let extra = 1 + rng.below(600);
            old.resize(16384 + extra, 7);
            new = old.clone();
            if rng.chance(50) {
                new[3] ^= 1;
            }
        }
        _ => {}
    }
    let alias = alias && old == new;
    let need = if old.len() == new.len() && old.len() <= 16384 {
        canonical(&old, &new).map(|c| c.len())
    } else {
        None
    };
    let page = old.len();
    let out_len = match (need, rng.below(8)) {
        (Some(l), 0) => l,
        (Some(l), 1) => l.saturating_sub(1),
        (Some(l), 2) => l + 1,
        (Some(l), 3) => l + rng.below(70),
        (_, 4) => 0,
        (_, 5) => rng.below(page + 1),
        (_, 6) => 2 * page + 8,
        _ => page,
    };
    let mut buf = vec![0u8; out_len];
    let r = xbzrle_rs::encode(&old, &new, &mut buf);
    out.push(0);
    u32le(out, old.len());
    u32le(out, new.len());
    u32le(out, out_len);
    out.push(alias as u8);
    out.extend_from_slice(&old);
    if !alias {
        out.extend_from_slice(&new);
    }
    out.extend_from_slice(&encode_status(&r).to_le_bytes());
    let n = *r.as_ref().unwrap_or(&0);
    u32le(out, n);
    out.extend_from_slice(&buf[..n]);
}

fn decode_case(rng: &mut Rng, out: &mut Vec<u8>) {
    let len = page_len(rng);
    let old = old_page(rng, len);
    let target = new_page(rng, &old);
    let mut delta = canonical(&old, &target).unwrap_or_default();
    match rng.below(10) {
        0..=3 => {} // valid
        4 => delta.truncate(rng.below(delta.len() + 1)),
        5 | 6 => {
            for _ in 0..1 + rng.below(3) {
                if !delta.is_empty() {
                    let at = rng.below(delta.len());
                    delta[at] = match rng.below(4) {
                        0 => 0,
                        1 => 0x80,
                        2 => 0xff,
                        _ => rng.next() as u8,
                    };
                }
            }
        }
        7 => delta.extend((0..1 + rng.below(6)).map(|_| rng.next() as u8)),
        8 => {
            delta = (0..rng.below(40)).map(|_| rng.next() as u8).collect();
        }
        _ => {
            // hand-made pairs with edge lengths
            delta.clear();
            for k in 0..1 + rng.below(4) {
                // a zero zrun is fine in the first pair only (EmptyZeroRun after it)
                let z = if rng.chance(if k == 0 { 50 } else { 15 }) {
                    0
                } else {
                    rng.below(300)
                };
                let m = [0, 1, 2, 127, 128, 300][rng.below(6)];
                for (j, v) in [z, m].into_iter().enumerate() {
                    if v < 128 {
                        delta.push(v as u8);
                    } else {
                        delta.push(0x80 | (v & 0x7f) as u8);
                        delta.push((v >> 7) as u8);
                    }
                    if j == 1 {
                        delta.extend((0..m).map(|_| rng.next() as u8));
                    }
                }
            }
        }
    }
    // sometimes decode onto a page of another size
    let page_len = if rng.chance(10) {
        rng.below(len + 200)
    } else {
        len
    };
    let mut page = old.clone();
    page.resize(page_len, 0x3c);
    let before = page.clone();
    let r = xbzrle_rs::decode(&delta, &mut page);
    out.push(1);
    u32le(out, page_len);
    u32le(out, delta.len());
    out.extend_from_slice(&before);
    out.extend_from_slice(&delta);
    match r {
        Ok(end) => {
            out.extend_from_slice(&0i32.to_le_bytes());
            u32le(out, end);
            out.extend_from_slice(&page);
        }
        Err(e) => {
            assert_eq!(page, before, "decode is atomic");
            out.extend_from_slice(&decode_status(e.kind()).to_le_bytes());
            u32le(out, e.offset());
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args
        .get(1)
        .expect("usage: capi_cases CASES_FILE [COUNT] [SEED]");
    let count: usize = args.get(2).map_or(4000, |s| s.parse().expect("COUNT"));
    let seed: u64 = args.get(3).map_or(1, |s| s.parse().expect("SEED"));
    let mut rng = Rng(seed);
    let mut out = Vec::new();
    out.extend_from_slice(b"XBZCASE1");
    u32le(&mut out, count);
    let mut kinds = [0usize; 2];
    for i in 0..count {
        if i % 2 == 0 {
            encode_case(&mut rng, &mut out);
        } else {
            decode_case(&mut rng, &mut out);
        }
        kinds[i % 2] += 1;
    }
    std::fs::File::create(path)
        .and_then(|mut f| f.write_all(&out))
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    println!(
        "capi_cases: {count} cases ({} encode, {} decode, seed {seed}, {} bytes) -> {path}",
        kinds[0],
        kinds[1],
        out.len()
    );
}
