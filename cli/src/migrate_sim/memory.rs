//! Guest memory shared by the workload thread (which writes it) and the migration workers
//! (which read it), and the dirty log between them.
//!
//! Memory is held as `AtomicU64` words so that the concurrent reads and writes a live
//! migration is made of are ordinary safe Rust (relaxed atomic loads and stores compile to
//! plain moves). Nothing ever looks at shared memory in place: a page is first copied
//! into a private scratch page ([`GuestMem::read_page`]), and encoders, zero checks and
//! the verification work on that copy. A page that changes while it is being copied is
//! marked dirty again by the workload after its write, so it is resent in a later round.

use std::alloc::{alloc_zeroed, Layout};
use std::sync::atomic::{AtomicU64, Ordering};

/// The page size of the simulated guest (x86's, and what the format's benchmarks use).
pub const PAGE: usize = 4096;
const WORDS: usize = PAGE / 8;

/// A run of consecutive guest pages: the unit of the range table a VMM sends with each
/// chunk (cloud-hypervisor's `MemoryRange`, in pages instead of bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub first: u64,
    pub count: u32,
}

/// `n` zeroed atomics from the allocator's zeroed allocation: for large sizes these are
/// fresh pages that the OS maps lazily, so untouched (zero) guest pages cost no memory and
/// building a 4 GiB region takes no time.
fn zeroed_words(n: usize) -> Result<Box<[AtomicU64]>, String> {
    let oom = || format!("cannot allocate {} MiB", (n * 8) >> 20);
    if n == 0 {
        return Ok(Box::new([]));
    }
    let layout = Layout::array::<AtomicU64>(n).map_err(|_| oom())?;
    // SAFETY: the layout has a non-zero size (n > 0).
    let ptr = unsafe { alloc_zeroed(layout) }.cast::<AtomicU64>();
    if ptr.is_null() {
        return Err(oom());
    }
    advise_huge_pages(ptr.cast(), n * 8);
    // SAFETY: `ptr` is non-null, was allocated by the global allocator with the layout of
    // `[AtomicU64; n]`, and all its bytes are zero, which is a valid `AtomicU64` (0). The
    // box takes sole ownership and frees it with the same layout.
    Ok(unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(ptr, n)) })
}

/// Asks for transparent huge pages on the 2 MiB-aligned interior of a fresh allocation:
/// a guest region is touched page by page for the first time during the bulk round, and
/// 4 KiB page faults (very slow in a virtual machine such as this project's CI) would
/// otherwise weigh more than the migration being measured. VMMs back guest memory with
/// huge pages for the same reason. Only advice: failure changes nothing.
fn advise_huge_pages(ptr: *mut u8, len: usize) {
    #[cfg(target_os = "linux")]
    {
        const HUGE: usize = 2 << 20;
        let start = (ptr as usize).next_multiple_of(HUGE);
        let end = (ptr as usize + len) / HUGE * HUGE;
        if end > start {
            // SAFETY: the range lies inside one live allocation of ours; MADV_HUGEPAGE
            // changes how the kernel backs it, never its contents or validity.
            unsafe { libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE) };
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = (ptr, len);
}

/// A guest memory region of whole pages, readable and writable from any thread.
pub struct GuestMem {
    words: Box<[AtomicU64]>,
}

impl GuestMem {
    /// A region of `pages` zero pages (a freshly booted destination is all zero).
    pub fn new(pages: usize) -> Result<GuestMem, String> {
        Ok(GuestMem {
            words: zeroed_words(pages * WORDS)?,
        })
    }

    /// Touches every page for writing (keeping its zero contents), so that the memory is
    /// backed before the migration starts, as a VMM with preallocated guest memory has it
    /// (cloud-hypervisor's `prefault=on`, QEMU's `prealloc`). Without it, first-touch page
    /// faults (slow and erratic in a virtual machine) land inside the measured rounds.
    pub fn prefault(&self) {
        use rayon::prelude::*;
        self.words.par_chunks(WORDS * 512).for_each(|c| {
            for page in c.chunks(WORDS) {
                page[0].fetch_or(0, Ordering::Relaxed);
            }
        });
    }

    pub fn pages(&self) -> usize {
        self.words.len() / WORDS
    }

    fn page_words(&self, n: u64) -> &[AtomicU64] {
        let start = n as usize * WORDS;
        &self.words[start..start + WORDS]
    }

    /// Copies page `n` into `out` (one page long).
    pub fn read_page(&self, n: u64, out: &mut [u8]) {
        for (w, c) in self.page_words(n).iter().zip(out.chunks_exact_mut(8)) {
            c.copy_from_slice(&w.load(Ordering::Relaxed).to_le_bytes());
        }
    }

    /// Overwrites page `n` with `data` (one page long).
    pub fn write_page(&self, n: u64, data: &[u8]) {
        for (w, c) in self.page_words(n).iter().zip(data.chunks_exact(8)) {
            w.store(
                u64::from_le_bytes(c.try_into().expect("8 bytes")),
                Ordering::Relaxed,
            );
        }
    }

    /// Page `n` becomes all zero.
    pub fn zero_page(&self, n: u64) {
        for w in self.page_words(n) {
            w.store(0, Ordering::Relaxed);
        }
    }

    /// The number of pages that differ between `self` and `other` (same size), for the
    /// end-of-migration check; both must be quiescent.
    pub fn count_differing_pages(&self, other: &GuestMem) -> u64 {
        self.words
            .chunks_exact(WORDS)
            .zip(other.words.chunks_exact(WORDS))
            .filter(|(a, b)| {
                a.iter()
                    .zip(b.iter())
                    .any(|(x, y)| x.load(Ordering::Relaxed) != y.load(Ordering::Relaxed))
            })
            .count() as u64
    }
}

/// One dirty bit per page, set by the workload after each write (as KVM's dirty log and
/// vm-memory's bitmap record guest writes) and harvested by the migration at every sync.
pub struct DirtyLog {
    bits: Box<[AtomicU64]>,
}

impl DirtyLog {
    pub fn new(pages: usize) -> Result<DirtyLog, String> {
        Ok(DirtyLog {
            bits: zeroed_words(pages.div_ceil(64))?,
        })
    }

    /// Marks page `n` dirty. Release: whoever harvests the bit also sees the write.
    pub fn mark(&self, n: u64) {
        self.bits[(n / 64) as usize].fetch_or(1 << (n % 64), Ordering::Release);
    }

    /// Moves every dirty bit into `into` (ORed in, same word layout) and clears the log:
    /// the dirty-bitmap sync of one round.
    pub fn harvest(&self, into: &mut [u64]) {
        for (w, out) in self.bits.iter().zip(into.iter_mut()) {
            *out |= w.swap(0, Ordering::Acquire);
        }
    }

    /// Words of the bitmap (for a local bitmap of the same layout).
    pub fn words(&self) -> usize {
        self.bits.len()
    }
}

/// The runs of set bits of a bitmap (LSB first, as KVM's), in ascending order and merged:
/// the range table of a round, each page at most once.
pub fn ranges_of(bitmap: &[u64]) -> Vec<Range> {
    let mut out: Vec<Range> = Vec::new();
    for (wi, &word) in bitmap.iter().enumerate() {
        let mut w = word;
        while w != 0 {
            let bit = w.trailing_zeros() as u64;
            let page = wi as u64 * 64 + bit;
            w &= w - 1;
            match out.last_mut() {
                Some(r) if r.first + r.count as u64 == page && r.count < u32::MAX => r.count += 1,
                _ => out.push(Range {
                    first: page,
                    count: 1,
                }),
            }
        }
    }
    out
}

/// Pages in a range table.
pub fn page_count(ranges: &[Range]) -> u64 {
    ranges.iter().map(|r| r.count as u64).sum()
}

/// Cuts a range table into chunks of at most `chunk_pages` pages each, the units the
/// worker threads take from the shared queue (cloud-hypervisor cuts its table the same
/// way, into 64 MiB chunks).
pub fn chunks_of(ranges: &[Range], chunk_pages: u32) -> Vec<Vec<Range>> {
    let mut chunks = Vec::new();
    let mut cur: Vec<Range> = Vec::new();
    let mut room = chunk_pages;
    for r in ranges {
        let (mut first, mut left) = (r.first, r.count);
        while left > 0 {
            let take = left.min(room);
            cur.push(Range { first, count: take });
            first += take as u64;
            left -= take;
            room -= take;
            if room == 0 {
                chunks.push(std::mem::take(&mut cur));
                room = chunk_pages;
            }
        }
    }
    if !cur.is_empty() {
        chunks.push(cur);
    }
    chunks
}

/// Every page of the region as one range table (the bulk round).
pub fn whole(pages: usize) -> Vec<Range> {
    (0..pages as u64)
        .step_by(u32::MAX as usize)
        .map(|first| Range {
            first,
            count: (pages as u64 - first).min(u32::MAX as u64) as u32,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_and_chunks() {
        let bm = [0b1110_0001u64, 1 << 63, 1];
        let r = ranges_of(&bm);
        assert_eq!(
            r,
            vec![
                Range { first: 0, count: 1 },
                Range { first: 5, count: 3 },
                Range {
                    first: 127,
                    count: 2
                }
            ]
        );
        assert_eq!(page_count(&r), 6);
        let c = chunks_of(&r, 4);
        assert_eq!(c.len(), 2);
        assert_eq!(page_count(&c[0]), 4);
        assert_eq!(page_count(&c[1]), 2);
    }

    #[test]
    fn pages_round_trip() {
        let m = GuestMem::new(3).unwrap();
        let page: Vec<u8> = (0..PAGE).map(|i| i as u8).collect();
        m.write_page(1, &page);
        let mut out = vec![0u8; PAGE];
        m.read_page(1, &mut out);
        assert_eq!(out, page);
        let other = GuestMem::new(3).unwrap();
        assert_eq!(m.count_differing_pages(&other), 1);
        m.zero_page(1);
        assert_eq!(m.count_differing_pages(&other), 0);
    }
}
