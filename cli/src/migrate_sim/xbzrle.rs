//! The `xbzrle` method: this crate's parallel migration API (`xbzrle::parallel`), used
//! as a VMM would use it.
//!
//! * One [`SharedCache`] of `--cache` bytes for the whole migration, shared by every
//!   worker thread, so any chunk can go over any connection and the cache never goes
//!   stale when a page moves to another connection.
//! * One [`Round`] per dirty-bitmap sync, created by [`Method::start_round`] (which the
//!   migration calls once per round, with no chunk in flight): `Bulk` for the first pass
//!   (zero or raw, nothing cached: QEMU caches nothing before its first full pass either),
//!   `Delta` for the live rounds, `Final` for stop-and-copy.
//! * Each worker thread calls [`Round::encode`] with the source region, its chunk and its
//!   own connection; each destination thread calls [`Applier::apply`] with the
//!   destination region, the same chunk's ranges and its connection. The payload is the
//!   crate's (docs/parallel-migration.md): self-delimiting, no length in front.
//!
//! Rounds are separated by a barrier (every chunk acknowledged before the next round
//! starts), and each round's range table comes from one bitmap, so its pages are
//! disjoint: one page is never in flight twice, and the destination applies the deltas
//! of a page in order whatever connections they use.

use super::methods::{CacheRound, ChunkDecoder, ChunkEncoder, Method, PageTally, RoundKind};
use anyhow::anyhow;
use std::io::{Read, Write};
use std::sync::Mutex;
use xbzrle::cache::SharedCache;
use xbzrle::migrate::Counters;
use xbzrle::parallel::{Applier, MemoryRange, RawRegion, Round};

pub struct Xbzrle<'c> {
    cache: &'c SharedCache,
    applier: Applier,
    /// The current round (`None` before the first); `Round` is `Copy`: each chunk takes
    /// a copy, so the lock is held only for that copy.
    round: Mutex<Option<Round<'c>>>,
    /// The cache's counters at the end of the previous round.
    last: Mutex<Counters>,
}

impl<'c> Xbzrle<'c> {
    pub fn new(cache: &'c SharedCache) -> anyhow::Result<Xbzrle<'c>> {
        Ok(Xbzrle {
            cache,
            applier: Applier::new(cache.page_size())?,
            round: Mutex::new(None),
            last: Mutex::new(cache.counters()),
        })
    }
}

impl Method for Xbzrle<'_> {
    fn name(&self) -> &'static str {
        "xbzrle"
    }
    fn encoder(&self) -> Box<dyn ChunkEncoder + '_> {
        Box::new(Encoder { shared: self })
    }
    fn decoder(&self) -> Box<dyn ChunkDecoder + '_> {
        Box::new(Decoder {
            applier: self.applier,
        })
    }
    fn start_round(&self, kind: RoundKind) {
        // one Round per dirty sync: creating it advances the cache's age
        *self.round.lock().unwrap_or_else(|p| p.into_inner()) =
            Some(Round::new(self.cache, kind.lib()));
    }
    fn end_round(&self) -> Option<CacheRound> {
        let now = self.cache.counters();
        let mut last = self.last.lock().unwrap_or_else(|p| p.into_inner());
        let r = now.since(&last);
        *last = now;
        Some(CacheRound {
            lookups: r.lookups,
            misses: r.cache_miss,
            miss_rate: r.cache_miss_rate(),
            overflows: r.overflow,
            xbzrle_pages: r.pages,
        })
    }
}

struct Encoder<'a, 'c> {
    shared: &'a Xbzrle<'c>,
}

impl ChunkEncoder for Encoder<'_, '_> {
    fn encode(
        &mut self,
        kind: RoundKind,
        mem: &RawRegion,
        ranges: &[MemoryRange],
        w: &mut dyn Write,
        t: &mut PageTally,
    ) -> anyhow::Result<()> {
        let round = self
            .shared
            .round
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .ok_or_else(|| anyhow!("xbzrle: a chunk before the first round"))?;
        if round.kind() != kind.lib() {
            return Err(anyhow!("xbzrle: a {} chunk in another round", kind.name()));
        }
        let s = round.encode(mem, ranges, w)?;
        t.zero += s.zero;
        t.raw += s.raw;
        t.compressed += s.xbzrle;
        t.unchanged += s.unchanged;
        Ok(())
    }
}

struct Decoder {
    applier: Applier,
}

impl ChunkDecoder for Decoder {
    fn apply(
        &mut self,
        _: RoundKind,
        mem: &RawRegion,
        ranges: &[MemoryRange],
        r: &mut dyn Read,
    ) -> anyhow::Result<()> {
        self.applier
            .apply(mem, ranges, r)
            .map(|_| ())
            .map_err(anyhow::Error::new)
    }
}
