//! `xbzrle diff` / `xbzrle patch` end to end: round trips, determinism across thread
//! counts, and refusal of every kind of corrupt or mismatched input with nothing written.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};
use xbzrle_testkit::scenario::{fill_random, Pattern};

mod common;
use common::{Dir, BIN};

fn run(args: &[&Path]) -> Output {
    Command::new(BIN).args(args).output().expect("run xbzrle")
}

fn run_s(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("run xbzrle")
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// An image pair: OLD random with some zero pages; NEW = OLD with the MEDIUM pattern,
/// some pages zeroed, some randomized (raw), some untouched; then resized.
fn images(old_len: usize, new_len: usize, seed: u64) -> (Vec<u8>, Vec<u8>) {
    let mut old = vec![0u8; old_len];
    fill_random(&mut old, seed);
    for (i, c) in old.chunks_mut(4096).enumerate() {
        if i % 5 == 3 {
            c.fill(0);
        }
    }
    let mut new = old.clone();
    new.resize(new_len, 0);
    if new_len > old_len {
        fill_random(&mut new[old_len..], seed + 1);
    }
    let n = new.len();
    Pattern::MEDIUM.apply_in_place(&mut new[..n / 2], 0);
    for (i, c) in new.chunks_mut(4096).enumerate() {
        match i % 7 {
            2 => c.fill(0),
            4 => fill_random(c, seed + 10 + i as u64),
            _ => {}
        }
    }
    (old, new)
}

fn diff(d: &Dir, old: &[u8], new: &[u8], extra: &[&str]) -> Vec<u8> {
    let (o, n, delta) = (d.write("old", old), d.write("new", new), d.path("delta"));
    let mut args = vec!["diff", p(&o), p(&n), "-o", p(&delta)];
    args.extend_from_slice(extra);
    let out = run_s(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    fs::read(delta).unwrap()
}

fn round_trip(old: &[u8], new: &[u8], extra: &[&str]) -> usize {
    let d = Dir::new();
    let delta = diff(&d, old, new, extra);
    let out = run(&[
        "patch".as_ref(),
        &d.path("old"),
        &d.path("delta"),
        "-o".as_ref(),
        &d.path("out"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = fs::read(d.path("out")).unwrap();
    assert!(
        got == new,
        "patch did not rebuild NEW ({} vs {} bytes)",
        got.len(),
        new.len()
    );
    assert_eq!(d.names(), ["delta", "new", "old", "out"]);
    delta.len()
}

#[test]
fn round_trips_of_any_size() {
    let k = 4096;
    for &(ol, nl) in &[
        (0, 0),
        (0, 5000),
        (5000, 0),
        (3 * k, 3 * k),
        (10_000, 10_000),
        (10_000, 12_345),
        (12_345, 10_000),
        (1, 1),
        (k - 1, k + 1),
        (300 * k + 7, 290 * k + 5), // several frames
    ] {
        let (old, new) = images(ol, nl, (ol * 31 + nl) as u64);
        round_trip(&old, &new, &[]);
    }
}

#[test]
fn round_trips_with_other_page_sizes() {
    let (old, new) = images(70_001, 70_001, 5);
    for ps in ["1", "100", "512", "16384"] {
        round_trip(&old, &new, &["--page-size", ps]);
    }
    for bad in ["0", "16385"] {
        let d = Dir::new();
        let (o, n) = (d.write("old", &old), d.write("new", &new));
        let out = run_s(&[
            "diff",
            p(&o),
            p(&n),
            "-o",
            p(&d.path("delta")),
            "--page-size",
            bad,
        ]);
        assert!(!out.status.success());
        assert_eq!(d.names(), ["new", "old"]);
    }
}

#[test]
fn identical_images_cost_one_byte_per_page() {
    let (old, _) = images(100 * 4096, 0, 7);
    let len = round_trip(&old, &old, &[]);
    // header 64 + one frame (4 + 100 + 8) + trailer 40
    assert_eq!(len, 64 + 4 + 100 + 8 + 40);
}

#[test]
fn delta_is_small_for_the_medium_pattern() {
    let mut old = vec![0u8; 64 * 4096];
    fill_random(&mut old, 9);
    let new = Pattern::MEDIUM.apply(&old);
    let len = round_trip(&old, &new, &[]);
    let pct = len as f64 * 100.0 / new.len() as f64;
    assert!((5.1..5.5).contains(&pct), "{pct}");
}

#[test]
fn same_delta_whatever_the_thread_count() {
    let (old, new) = images(700 * 4096 + 123, 700 * 4096 + 4000, 11);
    let d = Dir::new();
    let one = diff(&d, &old, &new, &["--threads", "1"]);
    for t in ["2", "3", "5"] {
        assert!(
            diff(&d, &old, &new, &["--threads", t]) == one,
            "--threads {t} differs"
        );
    }
    // and patch with several thread counts
    for t in ["1", "3"] {
        let out = run_s(&[
            "patch",
            p(&d.path("old")),
            p(&d.path("delta")),
            "-o",
            p(&d.path("out")),
            "--threads",
            t,
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(fs::read(d.path("out")).unwrap() == new);
    }
}

/// Runs patch on (base, delta) with an existing output file, expects a refusal with a
/// one-line message containing `want`, and checks nothing was written or left behind.
fn refused(base: &[u8], delta: &[u8], extra: &[&str], want: &str) {
    let d = Dir::new();
    let (b, dl) = (d.write("base", base), d.write("delta", delta));
    let o = d.write("out", b"precious");
    let mut args = vec!["patch", p(&b), p(&dl), "-o", p(&o)];
    args.extend_from_slice(extra);
    let out = run_s(&args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "accepted ({want}): {err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(want), "expected {want:?}, got {err}");
    assert_eq!(fs::read(&o).unwrap(), b"precious", "output was touched");
    assert_eq!(
        d.names(),
        ["base", "delta", "out"],
        "temporary file left behind"
    );
}

fn sample() -> (Vec<u8>, Vec<u8>, Vec<u8>) {
    let (old, new) = images(300 * 4096 + 100, 300 * 4096 + 100, 3);
    let d = Dir::new();
    let delta = diff(&d, &old, &new, &[]);
    (old, new, delta)
}

fn u32_at(b: &[u8], at: usize) -> usize {
    u32::from_le_bytes(b[at..at + 4].try_into().unwrap()) as usize
}

#[test]
fn corrupt_deltas_are_refused_with_nothing_written() {
    let (old, _new, delta) = sample();
    let n0 = u32_at(&delta, 64); // records of frame 0
    let flip = |at: usize| {
        let mut d = delta.clone();
        d[at] ^= 0x10;
        d
    };
    let len = delta.len();
    refused(&old, &flip(0), &[], "bad magic");
    refused(&old, &flip(13), &[], "header is corrupt");
    refused(&old, &flip(30), &[], "header is corrupt");
    refused(&old, &flip(60), &[], "header is corrupt");
    refused(&old, &flip(64), &[], "frame 0");
    refused(&old, &flip(68), &[], "frame 0 checksum");
    refused(&old, &flip(64 + 4 + n0 / 2), &[], "frame 0 checksum");
    refused(&old, &flip(64 + 4 + n0 + 3), &[], "frame 0 checksum");
    refused(
        &old,
        &flip(64 + 4 + n0 + 8 + 4 + 10),
        &[],
        "frame 1 checksum",
    );
    refused(&old, &flip(len - 1), &[], "trailer");
    refused(&old, &flip(len - 20), &[], "trailer");
    refused(&old, &flip(len - 40), &[], "trailer");
    refused(&old, &flip(len - 41), &[], "checksum");
    for cut in [
        0,
        10,
        63,
        64,
        100,
        64 + 4 + n0,
        len / 2,
        len - 41,
        len - 40,
        len - 1,
    ] {
        refused(&old, &delta[..cut], &[], "truncated");
    }
    let mut longer = delta.clone();
    longer.push(0);
    refused(&old, &longer, &[], "trailer");
    // a frame moved: frames 0 and 1 swapped (both checksummed, but for another position)
    let n1 = u32_at(&delta, 64 + 4 + n0 + 8);
    let (f0, f1) = (
        64..64 + 4 + n0 + 8,
        64 + 4 + n0 + 8..64 + 4 + n0 + 8 + 4 + n1 + 8,
    );
    let mut swapped = delta[..64].to_vec();
    swapped.extend_from_slice(&delta[f1.clone()]);
    swapped.extend_from_slice(&delta[f0]);
    swapped.extend_from_slice(&delta[f1.end..]);
    refused(&old, &swapped, &[], "frame 0");
    refused(&old, &[b'x'; 200], &[], "magic");
}

#[test]
fn every_byte_flip_is_refused() {
    let (old, new) = images(3 * 4096 + 5, 3 * 4096 + 5, 13);
    let d = Dir::new();
    let delta = diff(&d, &old, &new, &["--page-size", "1024"]);
    let base = d.write("base", &old);
    for at in (0..delta.len())
        .step_by(7)
        .chain(delta.len() - 40..delta.len())
    {
        let mut bad = delta.clone();
        bad[at] ^= 1 << (at % 8);
        let dl = d.write("bad", &bad);
        let out = run_s(&["patch", p(&base), p(&dl), "-o", p(&d.path("out"))]);
        assert!(!out.status.success(), "flip at {at} accepted");
        assert!(!d.path("out").exists());
    }
    assert_eq!(d.names(), ["bad", "base", "delta", "new", "old"]);
}

#[test]
fn wrong_base_image_is_refused() {
    let (old, _new, delta) = sample();
    let mut other = old.clone();
    other[12345] ^= 1;
    refused(&other, &delta, &[], "wrong base image");
    refused(&old[..old.len() - 1], &delta, &[], "wrong base image");
    let mut longer = old.clone();
    longer.push(0);
    refused(&longer, &delta, &[], "wrong base image");
    refused(&[], &delta, &[], "wrong base image");
}

#[test]
fn wrong_page_size_is_refused() {
    let (old, _new, delta) = sample();
    refused(
        &old,
        &delta,
        &["--page-size", "8192"],
        "page size 4096, not 8192",
    );
    // a header rewritten consistently (valid header checksum) for another page size:
    // every frame is bound to the original header and fails
    let mut bad = delta.clone();
    bad[12..16].copy_from_slice(&8192u32.to_le_bytes());
    bad[16..20].copy_from_slice(&128u32.to_le_bytes());
    let pages = (300u64 * 4096 + 100).div_ceil(8192);
    bad[40..48].copy_from_slice(&pages.to_le_bytes());
    let h = xxhash_rust::xxh3::xxh3_64(&bad[..56]);
    bad[56..64].copy_from_slice(&h.to_le_bytes());
    refused(&old, &bad, &[], "trailer");
}

#[test]
fn missing_inputs_are_reported() {
    let d = Dir::new();
    let out = run_s(&[
        "diff",
        p(&d.path("nope")),
        p(&d.path("nope2")),
        "-o",
        p(&d.path("x")),
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot open OLD image"));
    let out = run_s(&[
        "diff",
        "/dev/null",
        "/dev/null",
        "-o",
        p(&d.path("x")),
        "--threads",
        "0",
    ]);
    assert!(!out.status.success());
    assert!(d.names().is_empty());
}

/// Rewrites frame 0's records with `f` and re-seals the frame with a valid checksum, so
/// that only `patch`'s structural checks stand between the records and the output.
fn reframe(delta: &[u8], f: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    let h = u64::from_le_bytes(delta[56..64].try_into().unwrap());
    let n0 = u32_at(delta, 64);
    let mut recs = delta[68..68 + n0].to_vec();
    f(&mut recs);
    let mut frame = (recs.len() as u32).to_le_bytes().to_vec();
    frame.extend_from_slice(&recs);
    let c = xxhash_rust::xxh3::xxh3_64_with_seed(&frame, h); // seed H + 0
    frame.extend_from_slice(&c.to_le_bytes());
    let mut out = delta[..64].to_vec();
    out.extend_from_slice(&frame);
    out.extend_from_slice(&delta[68 + n0 + 8..]);
    out
}

#[test]
fn checksummed_but_malformed_records_are_refused() {
    let (old, new, delta) = sample();
    // the reframing itself is faithful: an unchanged frame still patches
    let d = Dir::new();
    let (b, dl) = (
        d.write("base", &old),
        d.write("delta", &reframe(&delta, |_| {})),
    );
    let out = run_s(&["patch", p(&b), p(&dl), "-o", p(&d.path("out"))]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(fs::read(d.path("out")).unwrap() == new);

    // find the first XBZRLE record of frame 0 (kind 0x40) by walking the records
    let first_xbzrle = |r: &[u8]| {
        let mut i = 0;
        loop {
            match r[i] {
                0x00 | 0x02 => i += 1,
                0x08 => i += 1 + 4096,
                0x40 => return i,
                k => panic!("kind {k}"),
            }
        }
    };
    refused(&old, &reframe(&delta, |r| r[0] = 0x11), &[], "unknown kind");
    refused(
        &old,
        &reframe(&delta, |r| r.push(0)),
        &[],
        "garbage after the last record",
    );
    refused(
        &old,
        &reframe(&delta, |r| r.truncate(r.len() - 1)),
        &[],
        "frame 0",
    );
    refused(
        &old,
        &reframe(&delta, |r| {
            let i = first_xbzrle(r);
            // zero-run length 16383: past the end of a 4096-byte page
            r[i + 3] = 0xff;
            r[i + 4] = 0x7f;
        }),
        &[],
        "past the end of the page",
    );
    refused(
        &old,
        &reframe(&delta, |r| {
            let i = first_xbzrle(r);
            r[i + 1..i + 3].copy_from_slice(&0u16.to_le_bytes()); // empty payload
        }),
        &[],
        "length 0",
    );
    refused(
        &old,
        &reframe(&delta, |r| {
            let i = first_xbzrle(r);
            r[i + 1..i + 3].copy_from_slice(&4097u16.to_le_bytes()); // longer than a page
        }),
        &[],
        "length 4097",
    );
}
