//! The workloads of the parallel-migration benchmarks (issue 12 item 8), shared by the
//! criterion bench `benches/parallel.rs` and `xbzrle bench --parallel`, so that both
//! measure exactly the same thing.
//!
//! A [`DeltaBench`] is a compute-bound Delta round that can be repeated: an `old` and a
//! `new` region (a pattern of docs/format.md §7 over random bytes), and a
//! [`SharedCache`] that holds one of them for every page (as after a round that sent
//! it). Each pass encodes the other region against the cache, which leaves the cache
//! holding that region: the next pass encodes the first one again (the reverse deltas
//! have the same runs and the same size), so every pass does the same work without a
//! restore between passes. Payloads go to a counting sink, and every pass is checked:
//! every page must be an XBZRLE record and the payload bytes must be exactly what the
//! bare encoder's deltas add up to.
//!
//! # Example
//! ```
//! use xbzrle_testkit::parallel_bench::DeltaBench;
//! use xbzrle_testkit::scenario::Pattern;
//! let mut b = DeltaBench::new(Pattern::VERY_DENSE, 64 * 4096, 4096)?;
//! let bare = b.bare_pass();
//! let one = b.round_pass(1, 16 * 4096).unwrap();
//! let two = b.round_pass(2, 16 * 4096).unwrap();
//! assert_eq!(one, two); // same payload bytes whatever the thread count
//! assert!(one > bare);  // record headers on top of the deltas
//! assert_ne!(xbzrle_testkit::parallel_bench::read_both(&b.old, &b.new, 2), 0);
//! // 64-byte SPARSE pages: most are unchanged, so no delta benchmark
//! assert!(DeltaBench::new(Pattern::SPARSE, 1 << 16, 64).is_err());
//! # Ok::<(), String>(())
//! ```

use std::hint::black_box;
use std::io::{self, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use xbzrle::cache::SharedCache;
use xbzrle::parallel::{split_chunks, MemoryRange, Round, RoundKind};
use xbzrle::Encoder;

use crate::scenario::{fill_random, Pattern};

/// A writer that only counts bytes (a socket that costs nothing).
#[derive(Debug, Default)]
pub struct CountingSink(pub u64);

impl Write for CountingSink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A repeatable Delta round (see the module docs).
#[derive(Debug)]
pub struct DeltaBench {
    /// The region before the guest wrote (random bytes).
    pub old: Vec<u8>,
    /// The region after (`old` with the pattern applied).
    pub new: Vec<u8>,
    /// The shared cache; holds `old` after [`new`](Self::new), and alternates.
    pub cache: SharedCache,
    /// The page size.
    pub page_size: usize,
    /// Whether the cache holds `new` (the next pass then encodes `old`).
    cache_holds_new: bool,
    /// Sum of the bare encoder's delta lengths over one pass (every page encoded).
    delta_bytes: u64,
    encoder: Encoder,
}

impl DeltaBench {
    /// `bytes` (rounded down to whole pages, at least one) of `pattern`, and a cache of
    /// the same size holding `old` (filled by a Delta round over `old`: all misses).
    ///
    /// # Errors
    /// If a page of the pattern is unchanged or does not encode as XBZRLE (overflow; with
    /// small pages): a benchmark of deltas needs every page to have one. Also a page size
    /// the cache refuses.
    pub fn new(pattern: Pattern, bytes: usize, page_size: usize) -> Result<DeltaBench, String> {
        if page_size == 0 || page_size > xbzrle::MAX_PAGE_SIZE {
            return Err(format!("page size {page_size} is not 1 to 16384"));
        }
        let len = (bytes / page_size).max(1) * page_size;
        let mut old = vec![0u8; len];
        fill_random(&mut old, 0x5eed_0f01_d000);
        let new = pattern.apply(&old);
        let cache = SharedCache::new(len, page_size).map_err(|e| e.to_string())?;
        let encoder = Encoder::new();
        let mut delta_bytes = 0u64;
        let mut out = vec![0u8; page_size];
        for (p, (o, n)) in old
            .chunks_exact(page_size)
            .zip(new.chunks_exact(page_size))
            .enumerate()
        {
            match encoder.encode(o, n, &mut out) {
                Ok(l) if l > 0 => delta_bytes += l as u64,
                _ => {
                    return Err(format!(
                        "{} with {page_size}-byte pages: page {p} is unchanged or overflows \
                         (every page must be an XBZRLE record)",
                        pattern.name
                    ))
                }
            }
        }
        let b = DeltaBench {
            old,
            new,
            cache,
            page_size,
            cache_holds_new: false,
            delta_bytes,
            encoder,
        };
        // fill the cache with `old` (a round of misses), then check it holds all of it
        let r = Round::new(&b.cache, RoundKind::Delta);
        let st = r
            .encode(&b.old[..], &b.all(), &mut CountingSink::default())
            .map_err(|e| e.to_string())?;
        if st.raw != b.pages() {
            return Err("the cache did not take every page".into());
        }
        Ok(b)
    }

    /// The pages of a region.
    pub fn pages(&self) -> u64 {
        (self.old.len() / self.page_size) as u64
    }

    /// The bytes of a region (MB/s figures are of this many bytes per pass).
    pub fn bytes(&self) -> u64 {
        self.old.len() as u64
    }

    /// The whole region as one range.
    pub fn all(&self) -> [MemoryRange; 1] {
        [MemoryRange::new(0, self.bytes())]
    }

    /// One pass of the bare encoder over the pages the next round pass would encode
    /// (cached copy → current region), into one page of output per page; returns the
    /// delta bytes. Does not change the cache.
    pub fn bare_pass(&mut self) -> u64 {
        let (cached, current) = if self.cache_holds_new {
            (&self.new, &self.old)
        } else {
            (&self.old, &self.new)
        };
        let mut out = vec![0u8; self.page_size];
        let mut total = 0u64;
        for (o, n) in cached
            .chunks_exact(self.page_size)
            .zip(current.chunks_exact(self.page_size))
        {
            total += black_box(self.encoder.encode(o, n, &mut out)).unwrap_or(0) as u64;
        }
        assert_eq!(total, self.delta_bytes, "bare pass");
        total
    }

    /// One Delta round over the whole region: `threads` threads (1: the calling thread
    /// itself) take chunks of `chunk_bytes` from a shared queue and
    /// [`Round::encode`](xbzrle::parallel::Round::encode) them into counting sinks.
    /// Returns the payload bytes, checked against the bare deltas.
    ///
    /// # Errors
    /// A description of what was wrong with the pass.
    pub fn round_pass(&mut self, threads: usize, chunk_bytes: u64) -> Result<u64, String> {
        let current: &[u8] = if self.cache_holds_new {
            &self.old
        } else {
            &self.new
        };
        let chunks = split_chunks(&self.all(), self.page_size, chunk_bytes);
        let round = Round::new(&self.cache, RoundKind::Delta);
        let next = AtomicUsize::new(0);
        let work = || -> Result<(u64, u64), String> {
            let mut sink = CountingSink::default();
            let mut xbzrle = 0u64;
            while let Some(chunk) = chunks.get(next.fetch_add(1, Ordering::Relaxed)) {
                let st = round
                    .encode(current, chunk, &mut sink)
                    .map_err(|e| e.to_string())?;
                xbzrle += st.xbzrle;
            }
            Ok((sink.0, xbzrle))
        };
        let results: Vec<Result<(u64, u64), String>> = if threads <= 1 {
            vec![work()]
        } else {
            std::thread::scope(|s| {
                let hs: Vec<_> = (0..threads).map(|_| s.spawn(work)).collect();
                hs.into_iter()
                    .map(|h| h.join().unwrap_or_else(|_| Err("thread panicked".into())))
                    .collect()
            })
        };
        self.cache_holds_new = !self.cache_holds_new;
        let (mut bytes, mut xbzrle) = (0u64, 0u64);
        for r in results {
            let (b, x) = r?;
            bytes += b;
            xbzrle += x;
        }
        // every page an XBZRLE record (tag + u16 + delta), 9 bytes per payload
        let want = self.delta_bytes + 3 * self.pages() + 9 * chunks.len() as u64;
        if xbzrle != self.pages() || bytes != want {
            return Err(format!(
                "round pass: {xbzrle} XBZRLE pages of {}, {bytes} payload bytes instead of {want}",
                self.pages()
            ));
        }
        Ok(bytes)
    }
}

/// The read-both-buffers bound: `threads` threads each read their share of `a` and `b`
/// (whole pages, 64 bytes at a time, OR of XOR) — the memory traffic of a Delta round
/// (the current page and its cached copy) with no work on it. Returns the OR of all the
/// XORs (non-zero when the buffers differ).
pub fn read_both(a: &[u8], b: &[u8], threads: usize) -> u64 {
    let n = a.len().min(b.len());
    let threads = threads.max(1);
    let share = n.div_ceil(threads).div_ceil(64) * 64;
    let fold = |x: &[u8], y: &[u8]| -> u64 {
        let mut acc = [0u64; 8];
        for (cx, cy) in x.chunks_exact(64).zip(y.chunks_exact(64)) {
            for i in 0..8 {
                let wx = u64::from_ne_bytes(cx[i * 8..i * 8 + 8].try_into().unwrap_or([0; 8]));
                let wy = u64::from_ne_bytes(cy[i * 8..i * 8 + 8].try_into().unwrap_or([0; 8]));
                acc[i] |= wx ^ wy;
            }
        }
        black_box(acc.iter().fold(0, |s, v| s | v))
    };
    if threads == 1 {
        return fold(&a[..n], &b[..n]);
    }
    std::thread::scope(|s| {
        let hs: Vec<_> = a[..n]
            .chunks(share)
            .zip(b[..n].chunks(share))
            .map(|(x, y)| s.spawn(move || fold(x, y)))
            .collect();
        hs.into_iter()
            .map(|h| h.join().unwrap_or(0))
            .fold(0, |s, v| s | v)
    })
}
