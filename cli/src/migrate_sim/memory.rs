//! Guest memory shared by the workload thread (which writes it) and the migration workers
//! (which read it), and the dirty log between them.
//!
//! Memory is held as `AtomicU64` words so that the concurrent reads and writes a live
//! migration is made of are ordinary safe Rust (relaxed atomic loads and stores compile to
//! plain moves). The workload thread writes it through [`GuestMem::write_page`]; the
//! migration reaches it as a VMM reaches guest memory it mapped itself, through
//! [`GuestMem::region`], the crate's [`RawRegion`] (`xbzrle::parallel`), which copies each
//! page into a private scratch page before an encoder or a zero check looks at it. A page
//! that changes while it is being copied is marked dirty again by the workload after its
//! write, so it is resent in a later round.
//!
//! Range tables are the crate's [`MemoryRange`]s (guest-physical byte addresses; guest
//! address 0 is the first byte of the region), built with its `ranges_from_bitmap` and cut
//! with its `split_chunks`.

use anyhow::anyhow;
use std::alloc::{alloc_zeroed, Layout};
use std::sync::atomic::{AtomicU64, Ordering};
use xbzrle::parallel::{MemoryRange, RawRegion};

/// The page size of the simulated guest (x86's, and what the format's benchmarks use).
pub const PAGE: usize = 4096;
const WORDS: usize = PAGE / 8;

/// `n` zeroed atomics from the allocator's zeroed allocation: for large sizes these are
/// fresh pages that the OS maps lazily, so untouched (zero) guest pages cost no memory and
/// building a 4 GiB region takes no time.
fn zeroed_words(n: usize) -> anyhow::Result<Box<[AtomicU64]>> {
    let oom = || anyhow!("cannot allocate {} MiB", (n * 8) >> 20);
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
/// fewer page faults when [`GuestMem::prefault`] backs it (half a million 4 KiB faults
/// for a 2 GiB guest, slow in a virtual machine such as this project's CI) and fewer TLB
/// misses while the migration is measured. VMMs back guest memory with huge pages for
/// the same reasons. Only advice: failure changes nothing.
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
    pub fn new(pages: usize) -> anyhow::Result<GuestMem> {
        Ok(GuestMem {
            words: zeroed_words(pages * WORDS)?,
        })
    }

    /// Writes a zero into every page, so that the memory is backed by real, writable
    /// pages before the migration starts, as a VMM with preallocated guest memory has it
    /// (cloud-hypervisor's `prefault=on`, QEMU's `prealloc`). Without it, first-touch
    /// page faults (the kernel zeroing a fresh page, slow and erratic in a virtual
    /// machine) land inside the measured rounds. Call it on a fresh (all-zero) region
    /// only, with no other thread using it.
    ///
    /// It must be a store: a read fault, or an RMW that the compiler may turn into a
    /// load (`fetch_or(0)`, what this did before), only maps the kernel's shared zero
    /// page, and the first real write faults again later, inside a measured round (the
    /// cause of bulk rounds that took 10x longer in some runs: docs/migrate-sim.md).
    pub fn prefault(&self) {
        use rayon::prelude::*;
        self.words.par_chunks(WORDS * 512).for_each(|c| {
            for page in c.chunks(WORDS) {
                page[0].store(0, Ordering::Relaxed);
            }
        });
    }

    /// Every page becomes zero (a freshly booted destination).
    pub fn clear(&self) {
        use rayon::prelude::*;
        self.words
            .par_chunks(WORDS * 512)
            .for_each(|c| c.iter().for_each(|w| w.store(0, Ordering::Relaxed)));
    }

    /// The whole region as the crate's [`RawRegion`] at guest-physical address 0: how the
    /// migration threads, source and destination, access it.
    pub fn region(&self) -> RawRegion<'_> {
        let len = self.words.len() * 8;
        let ptr = self.words.as_ptr().cast::<u8>().cast_mut();
        // SAFETY: `RawRegion::new`'s contract, for the lifetime of `&self`:
        // * `ptr` is valid for reads and writes of `len` bytes: it is our own allocation
        //   of `words.len()` `AtomicU64`s, freed only when `self` is dropped, which the
        //   borrow prevents. Writing through a pointer derived from `&[AtomicU64]` is
        //   allowed: atomics are interior-mutable (`UnsafeCell`).
        // * every other access to these bytes is atomic: `GuestMem` itself only ever
        //   touches `words` through `AtomicU64` loads and stores (`read_page`,
        //   `write_page`, `zero_page`, `clear`, `prefault`, the comparison), and hands
        //   out no `&[u8]` or `&mut [u8]` over them.
        // The pointer is 8-byte aligned and `len` a multiple of 8 (`AtomicU64`), so `new`
        // cannot fail.
        unsafe { RawRegion::new(0, ptr, len) }.expect("AtomicU64 words are 8-byte aligned")
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
            c.copy_from_slice(&w.load(Ordering::Relaxed).to_ne_bytes());
        }
    }

    /// Overwrites page `n` with `data` (one page long).
    pub fn write_page(&self, n: u64, data: &[u8]) {
        for (w, c) in self.page_words(n).iter().zip(data.chunks_exact(8)) {
            w.store(
                u64::from_ne_bytes(c.try_into().expect("8 bytes")),
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
    pub fn new(pages: usize) -> anyhow::Result<DirtyLog> {
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

/// Pages in a range table.
pub fn page_count(ranges: &[MemoryRange]) -> u64 {
    ranges.iter().map(|r| r.length / PAGE as u64).sum()
}

/// The range table of the dirty pages in `bitmap` (one bit per page, LSB first, as KVM's
/// and as [`DirtyLog::harvest`] fills it), in ascending order, each page once.
pub fn ranges_of(bitmap: &[u64]) -> Vec<MemoryRange> {
    xbzrle::parallel::ranges_from_bitmap(bitmap, 0, PAGE as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_of_bitmap() {
        let bm = [0b1110_0001u64, 1 << 63, 1];
        let r = ranges_of(&bm);
        let p = PAGE as u64;
        assert_eq!(
            r,
            vec![
                MemoryRange::new(0, p),
                MemoryRange::new(5 * p, 3 * p),
                MemoryRange::new(127 * p, 2 * p),
            ]
        );
        assert_eq!(page_count(&r), 6);
    }

    #[test]
    fn region_sees_what_the_workload_writes() {
        use xbzrle::parallel::{GuestRead, GuestWrite};
        let m = GuestMem::new(2).unwrap();
        m.prefault();
        let page: Vec<u8> = (0..PAGE).map(|i| (i * 7) as u8).collect();
        m.write_page(1, &page);
        let mut out = vec![0u8; PAGE];
        m.region().read_into(PAGE as u64, &mut out).unwrap();
        assert_eq!(out, page);
        m.region().write_from(3, b"abc").unwrap();
        m.read_page(0, &mut out);
        assert_eq!(&out[..6], b"\0\0\0abc");
        assert!(m.region().read_into(PAGE as u64 + 1, &mut out).is_err());
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
