//! What the guest holds and how it writes: the initial contents of memory, and the
//! workload thread that dirties it while the migration runs.
//!
//! Initial contents, decided per page from a hash of the seed and the page number:
//! 40 % zero pages (free memory), 30 % random pages (compressed or encrypted data, nothing
//! compresses them) and 30 % text-like pages (words from a small vocabulary: LZ4 and zstd
//! shrink them 2–4x).
//!
//! The workload writes only to its working set, one contiguous run of pages (a guest's
//! hot heap), at `--dirty-rate` MB/s of pages touched. Each page of the working set has a
//! fixed write pattern (a page is rewritten the same way every time, as a program's
//! data structures are): one of the patterns of docs/format.md §7, a changed area of L bytes every S
//! bytes laid over the whole region, filled with fresh random bytes at each touch, or the
//! whole page rewritten with random bytes (`random-pages`).

use super::memory::{DirtyLog, GuestMem, PAGE};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicU8, Ordering};
use std::time::{Duration, Instant};
use xbzrle_testkit::scenario::Pattern;

/// `--workload`: how the guest writes its working set.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Workload {
    /// SPARSE (docs/format.md §7) on every page (12 bytes every 1111: ~1.4 % of a page as XBZRLE).
    Sparse,
    /// MEDIUM (33 every 701: ~5.1 %).
    Medium,
    /// DENSE (41 every 203: ~22 %).
    Dense,
    /// VERY-DENSE (43 every 121: ~37 %).
    VeryDense,
    /// Whole pages rewritten with random bytes: XBZRLE overflows, nothing compresses.
    RandomPages,
    /// Per page: 30 % sparse, 30 % medium, 20 % dense, 10 % very-dense, 10 % random pages.
    Mixed,
}

/// How one page is rewritten.
#[derive(Clone, Copy)]
enum Touch {
    Pattern(Pattern),
    Random,
}

/// A 64-bit mix of the seed and a page number (splitmix64's finaliser): per-page choices
/// that are the same for every method of a run.
fn hash(seed: u64, n: u64) -> u64 {
    let mut z = seed
        .wrapping_mul(0x9e37_79b9_7f4a_7c15)
        .wrapping_add(n.wrapping_mul(0xbf58_476d_1ce4_e5b9))
        .wrapping_add(0x94d0_49bb_1331_11eb);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// xorshift64*: fast, reproducible, good enough to make bytes nothing can compress.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(hash(seed, 0x5eed) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn fill(&mut self, buf: &mut [u8]) {
        for c in buf.chunks_mut(8) {
            let v = self.next().to_le_bytes();
            c.copy_from_slice(&v[..c.len()]);
        }
    }
}

const WORDS: [&str; 32] = [
    "the",
    "migration",
    "page",
    "of",
    "guest",
    "memory",
    "is",
    "sent",
    "and",
    "dirty",
    "round",
    "cache",
    "delta",
    "a",
    "to",
    "in",
    "kernel",
    "process",
    "buffer",
    "request",
    "user",
    "session",
    "value",
    "error",
    "log",
    "time",
    "index",
    "record",
    "table",
    "node",
    "{\"id\":",
    "</div>",
];

/// A text-like page: words from a small vocabulary, as logs, caches of web pages and
/// source text look to a compressor.
fn text_page(rng: &mut Rng, buf: &mut [u8]) {
    let mut i = 0;
    while i < buf.len() {
        let r = rng.next();
        let w = WORDS[(r % WORDS.len() as u64) as usize].as_bytes();
        for &b in w.iter().chain(if r & 0x700 == 0 { b"\n" } else { b" " }) {
            if i == buf.len() {
                break;
            }
            buf[i] = b;
            i += 1;
        }
    }
}

/// Writes the initial contents described in the module docs into every page of `mem`
/// (whatever it held: one region serves every method of a run in turn).
pub fn fill_initial(mem: &GuestMem, seed: u64) {
    use rayon::prelude::*;
    (0..mem.pages() as u64).into_par_iter().for_each_init(
        || vec![0u8; PAGE],
        |buf, n| {
            let h = hash(seed, n);
            let mut rng = Rng::new(h);
            match h % 10 {
                0..=3 => return mem.zero_page(n),
                4..=6 => rng.fill(buf),
                _ => text_page(&mut rng, buf),
            }
            mem.write_page(n, buf);
        },
    );
}

/// Settings of the workload thread.
#[derive(Clone, Copy, Debug)]
pub struct Config {
    pub workload: Workload,
    /// Pages touched per second.
    pub pages_per_sec: f64,
    pub ws_first: u64,
    pub ws_pages: u64,
    pub seed: u64,
}

impl Config {
    fn touch_of(&self, n: u64) -> Touch {
        let p = |p| Touch::Pattern(p);
        match self.workload {
            Workload::Sparse => p(Pattern::SPARSE),
            Workload::Medium => p(Pattern::MEDIUM),
            Workload::Dense => p(Pattern::DENSE),
            Workload::VeryDense => p(Pattern::VERY_DENSE),
            Workload::RandomPages => Touch::Random,
            Workload::Mixed => match hash(self.seed ^ 0x3c3c, n) % 10 {
                0..=2 => p(Pattern::SPARSE),
                3..=5 => p(Pattern::MEDIUM),
                6 | 7 => p(Pattern::DENSE),
                8 => p(Pattern::VERY_DENSE),
                _ => Touch::Random,
            },
        }
    }
}

/// Rewrites `buf`, page `n` of the region, as `touch` says.
fn apply(touch: Touch, n: u64, buf: &mut [u8], rng: &mut Rng) {
    match touch {
        Touch::Random => rng.fill(buf),
        Touch::Pattern(p) => {
            // areas start at multiples of the stride in the whole region, so they
            // continue across page boundaries (docs/format.md §7)
            let base = n as usize * PAGE;
            let mut start = base / p.stride * p.stride;
            while start < base + PAGE {
                let lo = start.max(base) - base;
                let hi = (start + p.len).min(base + PAGE).saturating_sub(base);
                if lo < hi {
                    rng.fill(&mut buf[lo..hi]);
                }
                start += p.stride;
            }
        }
    }
}

/// `Control::state` values (0, the default, is running).
const PAUSE: u8 = 1;
const STOP: u8 = 2;

/// Start, pause (for the stop-and-copy round) and stop the workload thread.
#[derive(Default)]
pub struct Control {
    state: AtomicU8,
    paused: AtomicBool,
    touched: AtomicU64,
}

impl Control {
    /// Asks the workload to pause and waits until it has: after this returns, every
    /// write it made is in memory and in the dirty log, and it writes nothing more.
    pub fn pause(&self) {
        self.state.store(PAUSE, Ordering::SeqCst);
        while !self.paused.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_micros(50));
        }
    }
    pub fn stop(&self) {
        self.state.store(STOP, Ordering::SeqCst);
    }
    /// Pages touched so far.
    pub fn touched(&self) -> u64 {
        self.touched.load(Ordering::Relaxed)
    }
}

/// The workload thread's body: touches pages of the working set at the configured rate
/// until stopped. Every touch is a read-modify-write of the whole page followed by its
/// dirty bit, so a page the migration copied mid-write is always resent. Returns the CPU
/// seconds it used (it competes with the migration threads for the machine's cores).
pub fn run(mem: &GuestMem, log: &DirtyLog, cfg: Config, ctl: &Control) -> f64 {
    let cpu0 = super::transport::thread_cpu();
    let mut rng = Rng::new(cfg.seed ^ 0xd1e7);
    let mut buf = vec![0u8; PAGE];
    let start = Instant::now();
    let mut done = 0u64;
    loop {
        match ctl.state.load(Ordering::SeqCst) {
            STOP => return super::transport::thread_cpu() - cpu0,
            PAUSE => {
                ctl.paused.store(true, Ordering::SeqCst);
                std::thread::sleep(Duration::from_micros(200));
                continue;
            }
            _ => {}
        }
        let due = (start.elapsed().as_secs_f64() * cfg.pages_per_sec) as u64;
        if done >= due || cfg.ws_pages == 0 {
            std::thread::sleep(Duration::from_micros(500));
            continue;
        }
        // a small batch between control checks, so a pause is honoured quickly
        for _ in 0..(due - done).min(64) {
            let n = cfg.ws_first + rng.next() % cfg.ws_pages;
            mem.read_page(n, &mut buf);
            apply(cfg.touch_of(n), n, &mut buf, &mut rng);
            mem.write_page(n, &buf);
            log.mark(n);
            done += 1;
        }
        ctl.touched.store(done, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A touched page encodes to about the share docs/format.md §7 gives its pattern.
    #[test]
    fn patterns_give_spec_sizes() {
        let mut rng = Rng::new(7);
        let mut old = vec![0u8; PAGE];
        rng.fill(&mut old);
        let mut out = vec![0u8; PAGE];
        for (p, pct) in [(Pattern::SPARSE, 1.35), (Pattern::VERY_DENSE, 37.2)] {
            let mut total = 0;
            for n in 0..64 {
                let mut new = old.clone();
                apply(Touch::Pattern(p), n, &mut new, &mut rng);
                total += xbzrle::encode(&old, &new, &mut out).unwrap();
            }
            let got = total as f64 * 100.0 / (64 * PAGE) as f64;
            assert!((got - pct).abs() < pct * 0.1 + 0.2, "{} {got}", p.name);
        }
    }
}
