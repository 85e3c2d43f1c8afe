//! Hostile chunk payloads (issue 12 item 6): truncated, bit-flipped, oversized and random
//! payloads given to `parallel::Applier` give a typed `ApplyError` with the byte offset,
//! the page and the reason, never a panic; nothing outside the range table is written;
//! the refused page and the ones after it are left unchanged (each page is atomic). The
//! applier is compared with the byte-at-a-time model `xbzrle_testkit::payload`.

use std::io::{self, Read};

use proptest::prelude::*;
use xbzrle::cache::SharedCache;
use xbzrle::parallel::{
    ranges_from_bitmap, Applier, ApplyErrorKind, GuestWrite, MemoryRange, OwnedMemory, Round,
    RoundKind,
};
use xbzrle_testkit::payload::model_apply;
use xbzrle_testkit::scenario::fill_random;

const PAGES: usize = 8;

/// A destination, the range table, and a payload the source really sent for it.
#[derive(Debug, Clone)]
struct Case {
    ps: usize,
    old: Vec<u8>,
    ranges: Vec<MemoryRange>,
    payload: Vec<u8>,
}

fn case(ps: usize, seed: u64, bits: u8, edits: &[(usize, u8)], bulk: bool) -> Case {
    let mut old = vec![0u8; PAGES * ps];
    fill_random(&mut old, seed);
    old[3 * ps..4 * ps].fill(0);
    let ranges = ranges_from_bitmap(&[u64::from(bits.max(1))], 0, ps as u64);
    let src = OwnedMemory::from_bytes(0, &old);
    let cache = SharedCache::new(PAGES * ps, ps).unwrap();
    let all = [MemoryRange::new(0, (PAGES * ps) as u64)];
    Round::new(&cache, RoundKind::Delta)
        .encode(&src, &all, &mut io::sink())
        .unwrap();
    for &(pos, v) in edits {
        src.write_from((pos % (PAGES * ps)) as u64, &[v]).unwrap();
    }
    let kind = if bulk {
        RoundKind::Bulk
    } else {
        RoundKind::Delta
    };
    let mut payload = Vec::new();
    Round::new(&cache, kind)
        .encode(&src, &ranges, &mut payload)
        .unwrap();
    Case {
        ps,
        old,
        ranges,
        payload,
    }
}

/// Applies `payload` with the applier and the model; checks everything issue 12 item 6
/// asks; returns the applier's verdict.
fn check(c: &Case, payload: &[u8]) -> Result<u64, ApplyErrorKind> {
    let ps = c.ps;
    let dst = OwnedMemory::from_bytes(0, &c.old);
    let mut reader = payload;
    let got = Applier::new(ps)
        .unwrap()
        .apply(&dst, &c.ranges, &mut reader);
    let mut model = c.old.clone();
    let want = model_apply(&mut model, ps, &c.ranges, payload);
    let now = dst.to_vec();
    assert!(now == model, "memory differs from the model");
    let in_table = |g: u64| c.ranges.iter().any(|r| r.gpa <= g && g < r.end());
    for p in 0..PAGES {
        let s = p * ps..(p + 1) * ps;
        if !in_table(s.start as u64) {
            assert!(
                now[s.clone()] == c.old[s],
                "page {p} outside the table written"
            );
        }
    }
    match (got, want) {
        (Ok(stats), Ok(n)) => {
            assert_eq!(stats.bytes, n);
            assert_eq!(
                (payload.len() - reader.len()) as u64,
                n,
                "read past the payload"
            );
            Ok(n)
        }
        (Err(e), Err((kind, offset, page))) => {
            assert_eq!((e.kind(), e.offset(), e.page()), (kind, offset, page));
            assert!(offset <= payload.len() as u64);
            let msg = e.to_string();
            assert!(msg.contains(&format!("at byte {offset}")), "{msg}");
            if let Some(failed) = page {
                assert!(in_table(failed), "the error names a page of the table");
                let s = failed as usize..failed as usize + ps;
                assert!(now[s.clone()] == c.old[s], "refused page written");
                for g in (failed as usize + ps..PAGES * ps).step_by(ps) {
                    assert!(
                        now[g..g + ps] == c.old[g..g + ps],
                        "page after the error written"
                    );
                }
            }
            Err(kind)
        }
        (got, want) => panic!("applier {got:?}, model {want:?}"),
    }
}

fn arb_case() -> impl Strategy<Value = Case> {
    (
        prop_oneof![Just(16usize), Just(64), Just(256), Just(4096)],
        any::<u64>(),
        any::<u8>(),
        proptest::collection::vec((any::<usize>(), any::<u8>()), 0..40),
        proptest::bool::weighted(0.2),
    )
        .prop_map(|(ps, seed, bits, edits, bulk)| case(ps, seed, bits, &edits, bulk))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The unmodified payload is accepted and gives the source's memory on its pages.
    #[test]
    fn real_payloads_are_accepted(c in arb_case()) {
        prop_assert!(check(&c, &c.payload).is_ok());
    }

    /// Every truncation is refused as truncated, at or before the cut.
    #[test]
    fn truncated(c in arb_case(), cut in any::<prop::sample::Index>()) {
        let n = cut.index(c.payload.len());
        match check(&c, &c.payload[..n]) {
            Err(ApplyErrorKind::Truncated) => {}
            other => prop_assert!(false, "{other:?}"),
        }
    }

    /// Bit flips anywhere: no panic, agreement with the model.
    #[test]
    fn bit_flipped(
        c in arb_case(),
        flips in proptest::collection::vec((any::<prop::sample::Index>(), 0u8..8), 1..4),
    ) {
        let mut p = c.payload.clone();
        for (i, bit) in flips {
            let i = i.index(p.len());
            p[i] ^= 1 << bit;
        }
        let _ = check(&c, &p);
    }

    /// Oversized fields: every XBZRLE length set to a value above the page size (or 0),
    /// the page count changed, bytes appended (a following chunk: not read).
    #[test]
    fn oversized(
        c in arb_case(),
        len in prop_oneof![Just(0u16), Just(u16::MAX), 1u16..=u16::MAX],
        count in any::<u32>(),
        tail in proptest::collection::vec(any::<u8>(), 0..64),
    ) {
        // lengths: walk the records as the format says and patch the first XBZRLE one
        let mut p = c.payload.clone();
        let mut i = 8;
        while i < p.len() - 1 {
            match p[i] {
                0 | 1 => i += 1,
                2 => i += 1 + c.ps,
                3 => {
                    p[i + 1..i + 3].copy_from_slice(&len.to_le_bytes());
                    break;
                }
                _ => break,
            }
        }
        let r = check(&c, &p);
        if (usize::from(len) > c.ps || len == 0) && p != c.payload {
            prop_assert_eq!(r, Err(ApplyErrorKind::BadDeltaLength(len)));
        }
        let mut q = c.payload.clone();
        q[4..8].copy_from_slice(&count.to_le_bytes());
        let _ = check(&c, &q);
        let mut t = c.payload.clone();
        t.extend(&tail);
        prop_assert_eq!(check(&c, &t), check(&c, &c.payload));
    }

    /// Random bytes, behind a plausible header or not.
    #[test]
    fn random(
        c in arb_case(),
        body in proptest::collection::vec(any::<u8>(), 0..600),
        header in any::<bool>(),
    ) {
        let mut p = Vec::new();
        if header {
            p.extend_from_slice(&c.payload[..8]);
        }
        p.extend(body);
        let _ = check(&c, &p);
    }
}

/// A reader that fails after `n` bytes: the I/O error is reported with its kind, never
/// as a panic, and the pages from the one being read are untouched.
#[test]
fn reader_errors_are_typed() {
    struct Failing<'a>(&'a [u8]);
    impl Read for Failing<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.0.is_empty() {
                return Err(io::Error::new(io::ErrorKind::ConnectionReset, "peer gone"));
            }
            let n = buf.len().min(self.0.len()).min(7);
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }
    let c = case(64, 3, 0xff, &[(5, 1), (200, 2), (300, 9)], false);
    for n in 0..c.payload.len() {
        let dst = OwnedMemory::from_bytes(0, &c.old);
        let e = Applier::new(64)
            .unwrap()
            .apply(&dst, &c.ranges, &mut Failing(&c.payload[..n]))
            .unwrap_err();
        assert_eq!(e.kind(), ApplyErrorKind::Io(io::ErrorKind::ConnectionReset));
        assert!(e.offset() <= n as u64);
        if let Some(p) = e.page() {
            let now = dst.to_vec();
            assert!(now[p as usize..] == c.old[p as usize..]);
        }
    }
}
