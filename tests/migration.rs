//! Plays long random migrations through `migrate::Sender` and `migrate::Receiver` and
//! checks, after every dirty-sync round, that the receiver's memory equals the sender's
//! (and that every cached page equals what the receiver holds: docs/format.md §6's invariant).
//!
//! The same harness is run against deliberately broken senders (cache not updated after
//! an overflow, after a zero page, or after an XBZRLE send) to show the property can fail.

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use std::collections::BTreeSet;
use xbzrle::cache::PageCache;
use xbzrle::migrate::{PageRecord, Receiver, Sender};
use xbzrle::EncodeError;
use xbzrle_testkit::scenario::{fill_random, Pattern};

const PAGES: usize = 24;

/// How the guest changes its memory within one round.
#[derive(Debug, Clone)]
enum Op {
    /// A docs/format.md §7 pattern over `npages` pages starting at `page` (areas cross pages).
    Pattern {
        pat: usize,
        page: usize,
        npages: usize,
        offset: usize,
    },
    /// Whole page rewritten with random bytes (overflows if cached).
    Randomize { page: usize, seed: u64 },
    /// Page cleared to zeros.
    Zero { page: usize },
    /// A few bytes written.
    Poke { page: usize, pos: usize, val: u8 },
    /// Page set back to what it was a round ago.
    Restore { page: usize },
    /// Page marked dirty without a change.
    Touch { page: usize },
}

#[derive(Debug, Clone)]
struct Round {
    ops: Vec<Op>,
    /// New cache budget in pages, applied before the round's sends.
    resize: Option<usize>,
}

#[derive(Debug, Clone)]
struct Script {
    page_size: usize,
    cache_pages: usize,
    seed: u64,
    rounds: Vec<Round>,
}

fn op() -> impl Strategy<Value = Op> {
    let p = 0..PAGES;
    prop_oneof![
        4 => (0..4usize, p.clone(), 1..4usize, 0..100_000usize)
            .prop_map(|(pat, page, npages, offset)| Op::Pattern { pat, page, npages, offset }),
        2 => (p.clone(), any::<u64>()).prop_map(|(page, seed)| Op::Randomize { page, seed }),
        1 => p.clone().prop_map(|page| Op::Zero { page }),
        3 => (p.clone(), any::<usize>(), any::<u8>())
            .prop_map(|(page, pos, val)| Op::Poke { page, pos, val }),
        2 => p.clone().prop_map(|page| Op::Restore { page }),
        1 => p.prop_map(|page| Op::Touch { page }),
    ]
}

fn script(max_rounds: usize) -> impl Strategy<Value = Script> {
    let round = (
        prop::collection::vec(op(), 0..10),
        prop::option::weighted(0.1, 1..20usize),
    )
        .prop_map(|(ops, resize)| Round { ops, resize });
    (
        prop::sample::select(vec![64usize, 512, 4096]),
        1..16usize,
        any::<u64>(),
        prop::collection::vec(round, 1..max_rounds),
    )
        .prop_map(|(page_size, cache_pages, seed, rounds)| Script {
            page_size,
            cache_pages,
            seed,
            rounds,
        })
}

/// An owned copy of a record (the harness keeps it across calls).
#[derive(Debug)]
enum Owned {
    Unchanged,
    Xbzrle(Vec<u8>),
    Zero,
    Raw(Vec<u8>),
}

impl From<PageRecord<'_>> for Owned {
    fn from(r: PageRecord<'_>) -> Owned {
        match r {
            PageRecord::Unchanged => Owned::Unchanged,
            PageRecord::Xbzrle(d) => Owned::Xbzrle(d.to_vec()),
            PageRecord::Zero => Owned::Zero,
            PageRecord::Raw(p) => Owned::Raw(p.to_vec()),
        }
    }
}

impl Owned {
    fn as_record(&self) -> PageRecord<'_> {
        match self {
            Owned::Unchanged => PageRecord::Unchanged,
            Owned::Xbzrle(d) => PageRecord::Xbzrle(d),
            Owned::Zero => PageRecord::Zero,
            Owned::Raw(p) => PageRecord::Raw(p),
        }
    }
}

/// A sending side under test.
trait Side {
    fn send(&mut self, n: u64, page: &[u8]) -> Owned;
    fn advance(&mut self);
    fn resize(&mut self, budget: usize);
    /// The cached copy of page `n`, if the implementation exposes one.
    fn cached(&self, n: u64) -> Option<&[u8]>;
}

impl Side for Sender {
    fn send(&mut self, n: u64, page: &[u8]) -> Owned {
        self.send_page(n, page).into()
    }
    fn advance(&mut self) {
        self.advance_round();
    }
    fn resize(&mut self, budget: usize) {
        self.resize_cache(budget).unwrap();
    }
    fn cached(&self, n: u64) -> Option<&[u8]> {
        self.cache().peek(n)
    }
}

/// The mistakes a sender can make (each one a bug QEMU or others have had in some form).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Bug {
    /// After an overflow the page is sent raw but the cache keeps the old copy.
    OverflowKeepsOldCopy,
    /// After a zero page is sent, the cache keeps the old copy.
    ZeroPageNotCached,
    /// After an XBZRLE send, the cache keeps the old copy.
    XbzrleSendNotCached,
}

/// A sender built from the public pieces, with one deliberate bug.
struct Broken {
    cache: PageCache,
    out: Vec<u8>,
    bug: Bug,
}

impl Side for Broken {
    fn send(&mut self, n: u64, page: &[u8]) -> Owned {
        if xbzrle::is_zero_page(page) {
            if self.bug != Bug::ZeroPageNotCached {
                let _ = self.cache.insert_zero(n);
            }
            return Owned::Zero;
        }
        let Some(cached) = self.cache.lookup(n) else {
            let _ = self.cache.insert(n, page);
            return Owned::Raw(page.to_vec());
        };
        match xbzrle::encode(cached, page, &mut self.out) {
            Ok(0) => Owned::Unchanged,
            Ok(len) => {
                if self.bug != Bug::XbzrleSendNotCached {
                    cached.copy_from_slice(page);
                }
                Owned::Xbzrle(self.out[..len].to_vec())
            }
            Err(EncodeError::Overflow) => {
                if self.bug != Bug::OverflowKeepsOldCopy {
                    cached.copy_from_slice(page);
                }
                Owned::Raw(page.to_vec())
            }
            Err(e) => panic!("{e}"),
        }
    }
    fn advance(&mut self) {
        self.cache.advance_round();
    }
    fn resize(&mut self, budget: usize) {
        self.cache.resize(budget).unwrap();
    }
    fn cached(&self, _n: u64) -> Option<&[u8]> {
        None
    }
}

/// Plays `s` through `side` and a `Receiver`; `Err` describes the first divergence.
fn play(s: &Script, side: &mut dyn Side) -> Result<(), String> {
    let ps = s.page_size;
    let rx = Receiver::new(ps).unwrap();
    let mut mem = vec![0u8; PAGES * ps];
    fill_random(&mut mem, s.seed);
    // a few zero pages from the start
    for p in (0..PAGES).step_by(7) {
        mem[p * ps..(p + 1) * ps].fill(0);
    }
    let mut dst = vec![0u8; mem.len()];
    let mut prev = mem.clone();
    let mut rng = s.seed | 1;

    // round 0: the bulk pass sends every page; then the scripted rounds
    let mut dirty: BTreeSet<usize> = (0..PAGES).collect();
    for (r, round) in std::iter::once(None)
        .chain(s.rounds.iter().map(Some))
        .enumerate()
    {
        if let Some(round) = round {
            let snapshot = mem.clone();
            for op in &round.ops {
                let (page, touched) = apply(op, &mut mem, &prev, ps, &mut rng);
                dirty.extend(page..page + touched);
            }
            prev = snapshot;
            if let Some(pages) = round.resize {
                side.resize(pages * ps);
            }
        }
        side.advance();
        for &p in &dirty {
            let range = p * ps..(p + 1) * ps;
            let rec = side.send(p as u64, &mem[range.clone()]);
            rx.apply(rec.as_record(), &mut dst[range])
                .map_err(|e| format!("round {r}, page {p}: receiver refused: {e}"))?;
        }
        dirty.clear();
        for p in 0..PAGES {
            let range = p * ps..(p + 1) * ps;
            if mem[range.clone()] != dst[range.clone()] {
                return Err(format!(
                    "round {r}: receiver's page {p} differs from sender's"
                ));
            }
            if let Some(c) = side.cached(p as u64) {
                if c != &dst[range] {
                    return Err(format!(
                        "round {r}: cached page {p} differs from receiver's"
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Applies one op; returns the first page it touched and how many pages.
fn apply(op: &Op, mem: &mut [u8], prev: &[u8], ps: usize, rng: &mut u64) -> (usize, usize) {
    let page_range = |p: usize| p * ps..(p + 1) * ps;
    match *op {
        Op::Pattern {
            pat,
            page,
            npages,
            offset,
        } => {
            let n = npages.min(PAGES - page);
            Pattern::ALL[pat].apply_in_place(&mut mem[page * ps..(page + n) * ps], offset);
            (page, n)
        }
        Op::Randomize { page, seed } => {
            fill_random(&mut mem[page_range(page)], seed);
            (page, 1)
        }
        Op::Zero { page } => {
            mem[page_range(page)].fill(0);
            (page, 1)
        }
        Op::Poke { page, pos, val } => {
            *rng ^= *rng << 13;
            *rng ^= *rng >> 7;
            *rng ^= *rng << 17;
            let k = 1 + (*rng % 4) as usize;
            for i in 0..k {
                mem[page * ps + (pos + i * 37) % ps] = val.wrapping_add(i as u8);
            }
            (page, 1)
        }
        Op::Restore { page } => {
            mem[page_range(page)].copy_from_slice(&prev[page_range(page)]);
            (page, 1)
        }
        Op::Touch { page } => (page, 1),
    }
}

fn sender(s: &Script) -> Sender {
    Sender::new(s.cache_pages * s.page_size, s.page_size).unwrap()
}

proptest! {
    #![proptest_config(Config { cases: 64, ..Config::default() })]

    #[test]
    fn receiver_always_equals_sender(s in script(40)) {
        let mut tx = sender(&s);
        if let Err(e) = play(&s, &mut tx) {
            return Err(TestCaseError::fail(e));
        }
        let c = tx.counters();
        prop_assert_eq!(c.lookups, c.cache_miss + c.overflow + c.pages + c.unchanged);
        prop_assert_eq!(c.raw_pages, c.cache_miss + c.overflow);
    }
}

/// A long fixed migration that exercises every kind of record, evictions and resizes.
#[test]
fn long_migration_hits_every_path() {
    let mut runner = TestRunner::deterministic();
    let mut total = xbzrle::migrate::Counters::default();
    for i in 0..4 {
        let mut s = script(60).new_tree(&mut runner).unwrap().current();
        s.page_size = 4096;
        s.cache_pages = 8;
        // every kernel this CPU can run, in turn
        let kernels: Vec<_> = xbzrle::Kernel::available().collect();
        let enc = xbzrle::Encoder::with_kernel(kernels[i % kernels.len()]).unwrap();
        let mut tx = Sender::with_encoder(s.cache_pages * s.page_size, s.page_size, enc).unwrap();
        play(&s, &mut tx).unwrap();
        let c = tx.counters();
        total = xbzrle::migrate::Counters {
            bytes: total.bytes + c.bytes,
            pages: total.pages + c.pages,
            lookups: total.lookups + c.lookups,
            cache_miss: total.cache_miss + c.cache_miss,
            overflow: total.overflow + c.overflow,
            unchanged: total.unchanged + c.unchanged,
            zero_pages: total.zero_pages + c.zero_pages,
            raw_pages: total.raw_pages + c.raw_pages,
            payload_bytes: total.payload_bytes + c.payload_bytes,
        };
    }
    // the property test above is only meaningful if all of these happen
    assert!(total.pages > 0, "{total:?}");
    assert!(total.overflow > 0, "{total:?}");
    assert!(total.cache_miss > total.lookups / 100, "{total:?}");
    assert!(total.unchanged > 0, "{total:?}");
    assert!(total.zero_pages > 0, "{total:?}");
}

/// Mutation check: the same property, run against each deliberately broken sender, finds
/// a divergence.
#[test]
fn property_detects_broken_senders() {
    for bug in [
        Bug::OverflowKeepsOldCopy,
        Bug::ZeroPageNotCached,
        Bug::XbzrleSendNotCached,
    ] {
        let mut runner = TestRunner::new_with_rng(
            Config {
                cases: 256,
                failure_persistence: None,
                max_shrink_iters: 0,
                ..Config::default()
            },
            proptest::test_runner::TestRng::deterministic_rng(
                proptest::test_runner::RngAlgorithm::ChaCha,
            ),
        );
        let result = runner.run(&script(30), |s| {
            let mut tx = Broken {
                cache: PageCache::new(s.cache_pages * s.page_size, s.page_size).unwrap(),
                out: vec![0u8; s.page_size],
                bug,
            };
            play(&s, &mut tx).map_err(TestCaseError::fail)
        });
        assert!(
            result.is_err(),
            "the property did not detect {bug:?}: the test would be meaningless"
        );
    }
    // and the harness itself accepts a correct sender built from the same pieces as
    // `Broken` would be without bugs: `Sender` (checked by the property test above).
}
