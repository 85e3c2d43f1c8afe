//! The `xbzrle` method.
//!
//! STAND-IN: issue 12's parallel-migration API (one shared thread-safe cache,
//! `round.encode(&mem, &ranges, &mut writer)` / `applier.apply(&mem, &ranges, &mut reader)`)
//! was not on branch `parallel` when this was written. Until it is, this file builds the
//! same thing, privately, from the current public API: the cache of last-sent pages is
//! split into shards, each a `xbzrle::migrate::Sender` (QEMU's direct-mapped aging cache,
//! its counters and its send rules) behind its own mutex, page `n` living in shard
//! `n % SHARDS`. Any worker thread can encode any page, so chunks may go over any
//! connection, and the cache never goes stale when a page moves to another connection.
//! Replace this file by the issue-12 API once it lands; the payload format below then
//! becomes that API's.
//!
//! Payload, per page in range order: `0` zero page, `1` + page (raw: a cache miss, an
//! overflow, or any page of the bulk round), `2` + be16 length + XBZRLE delta (applied to
//! the destination's copy), `3` unchanged since last sent (nothing else).
//!
//! Rounds follow QEMU: the bulk round sends zero or raw pages and caches nothing; delta
//! and final rounds encode against the cache and update it as `Sender` does. Rounds are
//! separated by a barrier (every chunk acknowledged), so one page is never in flight
//! twice and the destination applies its deltas in order whatever connection they use.

use super::memory::{GuestMem, Range, PAGE};
use super::methods::{
    pages, CacheRound, ChunkDecoder, ChunkEncoder, Cursor, Method, PageTally, RoundKind,
    TAG_PACKED, TAG_RAW, TAG_ZERO,
};
use std::sync::Mutex;
use xbzrle::migrate::{Counters, PageRecord, Sender};

const TAG_UNCHANGED: u8 = 3;

/// Shards of the cache: enough that two or four workers rarely wait on each other.
const SHARDS: u64 = 16;

pub struct Xbzrle {
    shards: Vec<Mutex<Sender>>,
    /// Sum of the shards' counters at the end of the previous round.
    last: Mutex<Counters>,
}

impl Xbzrle {
    /// A cache of `budget` bytes in total (each shard gets `budget / SHARDS`, rounded down
    /// to a power of two pages by the cache itself).
    pub fn new(budget: u64) -> Result<Xbzrle, String> {
        let per = (budget / SHARDS) as usize;
        let shards = (0..SHARDS)
            .map(|_| Sender::new(per, PAGE).map(Mutex::new))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| format!("--cache {budget}: {e}"))?;
        Ok(Xbzrle {
            shards,
            last: Mutex::new(Counters::default()),
        })
    }

    /// Bytes the cache actually holds (after rounding each shard down).
    pub fn capacity(&self) -> u64 {
        self.shards
            .iter()
            .map(|s| s.lock().expect("shard").cache().capacity_bytes() as u64)
            .sum()
    }

    fn total(&self) -> Counters {
        let mut t = Counters::default();
        for s in &self.shards {
            let c = s.lock().expect("shard").counters();
            t.bytes += c.bytes;
            t.pages += c.pages;
            t.lookups += c.lookups;
            t.cache_miss += c.cache_miss;
            t.overflow += c.overflow;
            t.unchanged += c.unchanged;
            t.zero_pages += c.zero_pages;
            t.raw_pages += c.raw_pages;
            t.payload_bytes += c.payload_bytes;
        }
        t
    }
}

impl Method for Xbzrle {
    fn name(&self) -> &'static str {
        "xbzrle"
    }
    fn encoder(&self) -> Box<dyn ChunkEncoder + '_> {
        Box::new(Encoder {
            shared: self,
            page: vec![0; PAGE],
        })
    }
    fn decoder(&self) -> Box<dyn ChunkDecoder + '_> {
        Box::new(Decoder {
            page: vec![0; PAGE],
        })
    }
    fn start_round(&self, kind: RoundKind) {
        // the cache ages by dirty-sync rounds; the bulk round does not use it
        if kind != RoundKind::Bulk {
            for s in &self.shards {
                s.lock().expect("shard").advance_round();
            }
        }
    }
    fn end_round(&self) -> Option<CacheRound> {
        let now = self.total();
        let mut last = self.last.lock().expect("counters");
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

struct Encoder<'a> {
    shared: &'a Xbzrle,
    page: Vec<u8>,
}

impl ChunkEncoder for Encoder<'_> {
    fn encode(
        &mut self,
        kind: RoundKind,
        mem: &GuestMem,
        ranges: &[Range],
        out: &mut Vec<u8>,
        t: &mut PageTally,
    ) {
        for n in pages(ranges) {
            mem.read_page(n, &mut self.page);
            if kind == RoundKind::Bulk {
                if xbzrle::is_zero_page(&self.page) {
                    out.push(TAG_ZERO);
                    t.zero += 1;
                } else {
                    out.push(TAG_RAW);
                    out.extend_from_slice(&self.page);
                    t.raw += 1;
                }
                continue;
            }
            let mut shard = self.shared.shards[(n % SHARDS) as usize]
                .lock()
                .expect("shard");
            match shard.send_page(n / SHARDS, &self.page) {
                PageRecord::Zero => {
                    out.push(TAG_ZERO);
                    t.zero += 1;
                }
                PageRecord::Unchanged => {
                    out.push(TAG_UNCHANGED);
                    t.unchanged += 1;
                }
                PageRecord::Raw(p) => {
                    out.push(TAG_RAW);
                    out.extend_from_slice(p);
                    t.raw += 1;
                }
                PageRecord::Xbzrle(d) => {
                    out.push(TAG_PACKED);
                    out.extend_from_slice(&(d.len() as u16).to_be_bytes());
                    out.extend_from_slice(d);
                    t.compressed += 1;
                }
            }
        }
    }
}

struct Decoder {
    page: Vec<u8>,
}

impl ChunkDecoder for Decoder {
    fn apply(
        &mut self,
        _: RoundKind,
        mem: &GuestMem,
        ranges: &[Range],
        payload: &[u8],
    ) -> Result<(), String> {
        let mut c = Cursor::new(payload);
        for n in pages(ranges) {
            let at = c.offset();
            match c.u8()? {
                TAG_ZERO => mem.zero_page(n),
                TAG_RAW => mem.write_page(n, c.take(PAGE)?),
                TAG_UNCHANGED => {}
                TAG_PACKED => {
                    let len = c.be16()?;
                    if len > PAGE {
                        return Err(format!("XBZRLE delta of {len} bytes at byte {at}"));
                    }
                    mem.read_page(n, &mut self.page);
                    xbzrle::decode(c.take(len)?, &mut self.page)
                        .map_err(|e| format!("XBZRLE delta at byte {at}: {e}"))?;
                    mem.write_page(n, &self.page);
                }
                tag => return Err(format!("bad tag {tag} at byte {at}")),
            }
        }
        c.finish()
    }
}
