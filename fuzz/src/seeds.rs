//! The seed corpora, `fuzz/corpus/<target>/seed-*`.
//!
//! They are generated from this file, never edited by hand:
//!
//! ```text
//! XBZRLE_WRITE_SEEDS=1 cargo test --manifest-path fuzz/Cargo.toml --lib seeds
//! ```
//!
//! (without the variable the same test only checks that the checked-in files are
//! current). Everything else libFuzzer writes under `fuzz/corpus/` is ignored by git.
//!
//! * decode: every delta of docs/format.md §4's decoding table (on a 4096-byte zero page), the
//!   §4 worked example, canonical encodings of the docs/format.md §7 scenario pages (on their
//!   pseudo-random old pages), and the format's limits (16383-byte runs on a 16 KiB page,
//!   bad lengths, an empty page).
//! * roundtrip: docs/format.md §4's encoding examples, the four scenario pages, a page of 16384
//!   changed bytes (must overflow), 16383-byte runs, runs of 127/128/129 bytes, the
//!   worst-case alternating page, empty and one-byte pages.
//! * kernels: the roundtrip seeds behind a few `KernelHeader`s (unaligned offsets,
//!   output lengths).
//! * receive: chunk payloads of `xbzrle::parallel::Round::encode` (bulk and delta, every
//!   record kind, each page size), and hostile variants (truncated, bad end byte,
//!   oversized XBZRLE length, a range outside memory).

use crate::{model_encode, Edit, KernelHeader, PagePair, PageSpec};
use xbzrle_testkit::scenario::Pattern;

/// One seed file: target, file name (starting with `seed-`), contents.
pub type Seed = (&'static str, String, Vec<u8>);

/// Fill selectors of [`PageSpec::fill`].
pub const ZERO: u8 = 0;
/// Pseudo-random fill.
pub const RANDOM: u8 = 2;

/// The old page of docs/format.md §4's worked example needs bytes no fill produces, so the example
/// is applied to a zero page: the canonical 24 bytes.
pub const SPEC_EXAMPLE: &str = "e9070f0102030405060708090a0b0c0d0e0f030167010169";

/// docs/format.md §4's decoding table: delta (hex), decoded onto a 4096-byte zero page.
pub const SPEC_DECODE_TABLE: &[(&str, &str)] = &[
    ("empty", ""),
    ("truncated-00", "00"),
    ("empty-literal", "0000"),
    ("ok-1", "0001aa"),
    ("empty-zrun", "0001aa0001bb"),
    ("nonshortest-zero", "800001aa"),
    ("nonshortest-one", "810001aa"),
    ("bad-length", "00808001"),
    ("past-end-16383", "ff7f01aa"),
    ("past-end-4096", "802001aa"),
    ("ok-4096", "ff1f01aa"),
    ("truncated-pair", "0001aa05"),
    ("truncated-literal", "0005aabb"),
    ("truncated-128", "008001"),
];

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

/// A scenario page: `len` bytes of pseudo-random old contents (seed 42), changed by the
/// pattern as if the page sat at `offset` of the region. The changes are written as XOR
/// edits, one per stretch of equal XOR value.
pub fn scenario_pair(pattern: Pattern, len: usize, offset: usize) -> PagePair {
    let spec = PageSpec::exact(len, RANDOM, 42);
    let old = spec.page();
    let mut new = old.clone();
    pattern.apply_in_place(&mut new, offset);
    let mut edits = Vec::new();
    let mut k = 0;
    while k < len {
        let x = old[k] ^ new[k];
        if x == 0 {
            k += 1;
            continue;
        }
        let start = k;
        while k < len && old[k] ^ new[k] == x {
            k += 1;
        }
        edits.push(Edit::xor(start, k - start, x));
    }
    let pair = PagePair::build(spec, edits);
    assert!(
        pair.new == new,
        "scenario edits do not rebuild the scenario page"
    );
    pair
}

/// The page pairs behind the roundtrip and kernels seeds, with their names.
pub fn page_pairs() -> Vec<(String, PagePair)> {
    let z4k = PageSpec::exact(4096, ZERO, 0);
    let z16k = PageSpec::exact(16384, ZERO, 0);
    let r16k = PageSpec::exact(16384, RANDOM, 7);
    let mut v: Vec<(String, PagePair)> = vec![
        // docs/format.md §4 encoding examples
        (
            "spec-byte0".into(),
            PagePair::build(z4k, vec![Edit::set(0, 1, 0xaa)]),
        ),
        (
            "spec-byte4095".into(),
            PagePair::build(z4k, vec![Edit::set(4095, 1, 1)]),
        ),
        (
            "spec-gap1".into(),
            PagePair::build(z4k, vec![Edit::set(100, 1, 1), Edit::set(102, 1, 1)]),
        ),
        ("spec-identical".into(), PagePair::build(z4k, vec![])),
        // limits
        (
            "full-16384-overflow".into(),
            PagePair::build(r16k, vec![Edit::xor(0, 16384, 0xff)]),
        ),
        (
            "tail-16383".into(),
            PagePair::build(r16k, vec![Edit::xor(1, 16383, 0x01)]),
        ),
        (
            "head-16383".into(),
            PagePair::build(z16k, vec![Edit::xor(0, 16383, 0x80)]),
        ),
        (
            "zrun-16383".into(),
            PagePair::build(z16k, vec![Edit::set(16383, 1, 1)]),
        ),
        (
            "runs-127-128-129".into(),
            PagePair::build(
                z4k,
                vec![
                    Edit::xor(127, 127, 1),
                    Edit::xor(382, 128, 1),
                    Edit::xor(638, 129, 1),
                    Edit::xor(895, 1, 1),
                ],
            ),
        ),
        (
            "alternating".into(),
            PagePair::build(
                z4k,
                vec![Edit {
                    kind: 2,
                    pos: 0,
                    len: 4096,
                    val: 0x33,
                }],
            ),
        ),
        (
            "interesting-lens".into(),
            PagePair::build(
                PageSpec::exact(16384, 3, 5),
                (0..8)
                    .map(|i| Edit {
                        kind: 3,
                        pos: (i * 2000) as u16,
                        len: i as u16 * 3 + 12,
                        val: 0x10 + i as u8,
                    })
                    .collect(),
            ),
        ),
        (
            "empty-page".into(),
            PagePair::build(PageSpec::exact(0, ZERO, 0), vec![Edit::xor(0, 1, 1)]),
        ),
        (
            "one-byte".into(),
            PagePair::build(PageSpec::exact(1, 1, 9), vec![Edit::xor(0, 1, 1)]),
        ),
        (
            "odd-length".into(),
            PagePair::build(
                PageSpec::exact(1023, RANDOM, 3),
                vec![Edit::set(1000, 23, 0)],
            ),
        ),
    ];
    for (i, p) in Pattern::ALL.iter().enumerate() {
        v.push((
            format!("scenario-{}", p.name.to_ascii_lowercase()),
            scenario_pair(*p, 4096, (3 + i) * 4096),
        ));
    }
    v.push((
        "scenario-very-dense-16k".into(),
        scenario_pair(Pattern::VERY_DENSE, 16384, 0),
    ));
    v
}

/// Every seed of every target.
pub fn all() -> Vec<Seed> {
    let mut seeds: Vec<Seed> = Vec::new();

    // decode
    let z4k = PageSpec::exact(4096, ZERO, 0).to_bytes();
    for (name, delta) in SPEC_DECODE_TABLE {
        let mut b = z4k.clone();
        b.extend(hex(delta));
        seeds.push(("decode", format!("seed-spec-{name}"), b));
    }
    let mut b = z4k.clone();
    b.extend(hex(SPEC_EXAMPLE));
    seeds.push(("decode", "seed-spec-example".into(), b));
    for p in Pattern::ALL {
        let pair = scenario_pair(p, 4096, 4096);
        let mut b = pair.spec.to_bytes();
        b.extend(model_encode(&pair.old, &pair.new).bytes);
        seeds.push((
            "decode",
            format!("seed-scenario-{}", p.name.to_ascii_lowercase()),
            b,
        ));
    }
    let z16k = PageSpec::exact(16384, ZERO, 0).to_bytes();
    let mut b = z16k.clone();
    b.extend([0x00, 0xff, 0x7f]);
    b.extend(std::iter::repeat_n(0x5a, 16383));
    seeds.push(("decode", "seed-literal-16383".into(), b));
    let mut b = z16k.clone();
    b.extend(hex("ff7f01aa"));
    seeds.push(("decode", "seed-zrun-16383".into(), b));
    let mut b = PageSpec::exact(16384, RANDOM, 1).to_bytes();
    b.extend(hex("ff7f80ff01aa"));
    seeds.push(("decode", "seed-bad-length-2".into(), b));
    let mut b = PageSpec::exact(128, ZERO, 0).to_bytes();
    b.extend(hex("7f01aa"));
    seeds.push(("decode", "seed-page128-last".into(), b));
    let mut b = PageSpec::exact(0, ZERO, 0).to_bytes();
    b.extend(hex("0001aa"));
    seeds.push(("decode", "seed-empty-page".into(), b));

    // roundtrip and kernels
    let headers = [
        KernelHeader::default(),
        KernelHeader {
            old_off: 1,
            new_off: 3,
            out_off: 7,
            extra: 5,
        },
        KernelHeader {
            old_off: 63,
            new_off: 0,
            out_off: 33,
            extra: 4096,
        },
    ];
    for (i, (name, pair)) in page_pairs().into_iter().enumerate() {
        let b = pair.to_bytes();
        let mut k = headers[i % headers.len()].to_bytes();
        k.extend(&b);
        seeds.push(("roundtrip", format!("seed-{name}"), b));
        seeds.push(("kernels", format!("seed-{name}"), k));
    }
    for (name, b) in receive_seeds() {
        seeds.push(("receive", name, b));
    }
    seeds
}

/// The `receive` seeds, with their names.
pub fn receive_seeds() -> Vec<(String, Vec<u8>)> {
    use crate::receive::{ReceiveHeader, PAGES, PAGE_SIZES};
    use xbzrle::cache::SharedCache;
    use xbzrle::parallel::{GuestWrite, MemoryRange, OwnedMemory, Round, RoundKind};

    let mut out = Vec::new();
    for (sel, &ps) in PAGE_SIZES.iter().enumerate() {
        // 4 KiB pages: pages 0, 1, 2, 4 and 6 only, to keep the seed small
        let pages = if ps == 4096 { 0b0101_0111 } else { 0 };
        let head = ReceiveHeader {
            mode: sel as u8,
            pages,
            seed: 7,
        };
        let old = head.old_memory();
        let ranges = head.ranges();
        let src = OwnedMemory::from_bytes(0, &old);
        let cache = SharedCache::new(16 * ps, ps).unwrap();
        // the cache learns what the destination holds (raw pages, not kept)
        let all = [MemoryRange::new(0, (PAGES * ps) as u64)];
        Round::new(&cache, RoundKind::Delta)
            .encode(&src, &all, &mut std::io::sink())
            .unwrap();
        // page 0: a few bytes (XBZRLE); page 1: everything (overflow: raw); page 2: stays
        // zero; page 3: unchanged; page 4: zeroed; page 6: a scenario pattern (XBZRLE)
        let psu = ps as u64;
        src.write_from(3, &[0xaa, 0xbb]).unwrap();
        src.write_from(ps as u64 - 1, &[0x11]).unwrap();
        let mut noise = vec![0u8; ps];
        xbzrle_testkit::scenario::fill_random(&mut noise, 99);
        for b in &mut noise {
            *b |= 1;
        }
        let page1: Vec<u8> = old[ps..2 * ps]
            .iter()
            .zip(&noise)
            .map(|(a, n)| a ^ n)
            .collect();
        src.write_from(psu, &page1).unwrap();
        src.write_zeros(4 * psu, psu).unwrap();
        let mut page6 = old[6 * ps..7 * ps].to_vec();
        Pattern::DENSE.apply_in_place(&mut page6, 0);
        src.write_from(6 * psu, &page6).unwrap();

        let mut delta = head.to_bytes().to_vec();
        Round::new(&cache, RoundKind::Delta)
            .encode(&src, &ranges, &mut delta)
            .unwrap();
        let mut bulk = head.to_bytes().to_vec();
        Round::new(&cache, RoundKind::Bulk)
            .encode(&src, &ranges, &mut bulk)
            .unwrap();
        let mut fin = delta.clone();
        fin[3 + 3] = 2; // the same records in a final round
        if ps == 64 {
            let mut t = delta.clone();
            t.truncate(delta.len() / 2);
            out.push((format!("seed-truncated-ps{ps}"), t));
            let mut e = delta.clone();
            *e.last_mut().unwrap() = 0xe1;
            out.push((format!("seed-bad-end-ps{ps}"), e));
            // the first XBZRLE record's length set to 0xffff
            let mut h = delta.clone();
            if let Some(i) = (3 + 8..h.len()).find(|&i| h[i] == 3) {
                h[i + 1] = 0xff;
                h[i + 2] = 0xff;
            }
            out.push((format!("seed-huge-length-ps{ps}"), h));
            let mut o = delta.clone();
            o[0] |= 4;
            out.push((format!("seed-outside-memory-ps{ps}"), o));
        }
        out.push((format!("seed-delta-ps{ps}"), delta));
        out.push((format!("seed-final-ps{ps}"), fin));
        out.push((format!("seed-bulk-ps{ps}"), bulk));
    }
    out
}
