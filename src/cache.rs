//! The sender's page cache: what was last *sent* for each page (SPEC §6).
//!
//! [`PageCache`] follows the design of QEMU's XBZRLE cache:
//!
//! * a fixed memory budget in bytes, allocated once at construction (and at
//!   [`resize`](PageCache::resize)), never per page;
//! * **direct-mapped**: the slot count is `budget / page_size` rounded *down* to a power of
//!   two, and page number `n` can only live in slot `n & (slots - 1)`;
//! * **aging**: the cache counts dirty-sync rounds ([`advance_round`](PageCache::advance_round)).
//!   Every entry remembers the round in which it was last inserted or looked up. An entry
//!   used within the last two rounds (`entry.age + 1 >= current round`) is *not* evicted by
//!   a different page: [`insert`](PageCache::insert) then fails with
//!   [`InsertError::SlotBusy`], and the caller sends that page raw without caching it;
//! * a successful [`lookup`](PageCache::lookup) refreshes the entry's age;
//! * [`resize`](PageCache::resize) keeps every entry that still fits; when two old entries
//!   land in the same new slot, the most recently used one is kept.
//!
//! Page numbers are any `u64` (for example a guest-physical address divided by the page
//! size). All operations are O(1) (apart from `resize`) and never allocate.
//!
//! # Example
//! ```
//! use xbzrle::cache::{PageCache, InsertError};
//!
//! // 64 KiB budget, 4 KiB pages: 16 slots
//! let mut cache = PageCache::new(64 * 1024, 4096)?;
//! assert_eq!(cache.slots(), 16);
//!
//! let page = [7u8; 4096];
//! cache.insert(3, &page)?;
//! assert_eq!(cache.lookup(3).map(|p| p[0]), Some(7));
//!
//! // page 19 maps to the same slot (19 & 15 == 3); the entry for page 3 was used in
//! // this round, so it is kept and the insert fails: send page 19 raw, uncached.
//! assert_eq!(cache.insert(19, &page), Err(InsertError::SlotBusy { occupant: 3 }));
//!
//! // two rounds later, page 3 has not been used since: it may be evicted
//! cache.advance_round();
//! cache.advance_round();
//! cache.insert(19, &page)?;
//! assert!(cache.lookup(3).is_none());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use core::fmt;
use core::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, RwLock, RwLockReadGuard, TryLockError};
use std::vec::Vec;

/// The cache could not be built with these parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CacheError {
    /// The page size is 0 or larger than [`MAX_PAGE_SIZE`](crate::MAX_PAGE_SIZE), which
    /// the codec cannot handle.
    BadPageSize {
        /// The page size that was given.
        page_size: usize,
    },
    /// The memory budget cannot hold a single page.
    BudgetTooSmall {
        /// The budget that was given, in bytes.
        budget: usize,
        /// The page size.
        page_size: usize,
    },
    /// The budget could not be allocated (or `budget` does not fit in memory).
    OutOfMemory {
        /// The number of bytes that could not be allocated.
        bytes: usize,
    },
}

impl fmt::Display for CacheError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            CacheError::BadPageSize { page_size } => write!(
                f,
                "page size {page_size} is not supported: it must be between 1 and {} bytes",
                crate::MAX_PAGE_SIZE
            ),
            CacheError::BudgetTooSmall { budget, page_size } => write!(
                f,
                "cache budget of {budget} bytes is smaller than one page of {page_size} bytes"
            ),
            CacheError::OutOfMemory { bytes } => {
                write!(f, "could not allocate {bytes} bytes for the page cache")
            }
        }
    }
}

impl std::error::Error for CacheError {}

/// Why [`PageCache::insert`] did not store a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InsertError {
    /// The slot holds a different page that was used within the last two rounds (QEMU's
    /// aging rule): it is kept, and the new page is not cached.
    SlotBusy {
        /// The page number that occupies the slot.
        occupant: u64,
    },
    /// The data is not exactly one page long.
    WrongLength {
        /// Length of the data that was given.
        len: usize,
        /// The cache's page size.
        page_size: usize,
    },
}

impl fmt::Display for InsertError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            InsertError::SlotBusy { occupant } => write!(
                f,
                "cache slot is held by page {occupant}, used within the last two rounds"
            ),
            InsertError::WrongLength { len, page_size } => write!(
                f,
                "cannot cache {len} bytes: the cache's page size is {page_size} bytes"
            ),
        }
    }
}

impl std::error::Error for InsertError {}

/// Metadata of one slot. `page == EMPTY` marks a free slot.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Slot {
    page: u64,
    age: u64,
}

const EMPTY: u64 = u64::MAX;

/// A direct-mapped table of slots with QEMU's aging rule, without a round counter of its
/// own: [`PageCache`] is one table, [`SharedCache`] is one table per shard. The caller
/// maps a page number to a slot index; every rule of the module docs is implemented here
/// once.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    page_size: usize,
    meta: Vec<Slot>,
    /// The frame (page-sized piece of `data`) that holds each slot's bytes: with
    /// `spare`, a permutation of `0..=slots`.
    frame: Vec<usize>,
    /// The one frame no slot uses: a sender of a [`SharedCache`] reads the next page
    /// into it, and when that page becomes the slot's new contents the two frames swap
    /// instead of the page being copied (docs/format.md §6 asks for the stable copy; the
    /// swap saves the second copy, into the cache).
    spare: usize,
    data: Vec<u8>,
    used: usize,
}

impl Table {
    fn new(slots: usize, page_size: usize) -> Result<Table, CacheError> {
        let mut meta = Vec::new();
        meta.try_reserve_exact(slots)
            .map_err(|_| CacheError::OutOfMemory {
                bytes: slots.saturating_mul(core::mem::size_of::<Slot>()),
            })?;
        meta.resize(
            slots,
            Slot {
                page: EMPTY,
                age: 0,
            },
        );
        let mut frame = Vec::new();
        frame
            .try_reserve_exact(slots)
            .map_err(|_| CacheError::OutOfMemory {
                bytes: slots.saturating_mul(core::mem::size_of::<usize>()),
            })?;
        frame.extend(0..slots);
        let bytes = slots
            .checked_add(1)
            .and_then(|frames| frames.checked_mul(page_size))
            .ok_or(CacheError::OutOfMemory { bytes: usize::MAX })?;
        let data = alloc_zeroed(bytes)?;
        Ok(Table {
            page_size,
            meta,
            frame,
            spare: slots,
            data,
            used: 0,
        })
    }

    #[inline]
    fn frame_bytes(&self, frame: usize) -> core::ops::Range<usize> {
        frame * self.page_size..(frame + 1) * self.page_size
    }

    #[inline]
    fn bytes(&self, slot: usize) -> core::ops::Range<usize> {
        self.frame_bytes(self.frame[slot])
    }

    /// The spare frame's bytes (see `spare`).
    #[inline]
    pub(crate) fn spare_mut(&mut self) -> &mut [u8] {
        let r = self.frame_bytes(self.spare);
        &mut self.data[r]
    }

    /// The spare frame's bytes, read-only.
    #[inline]
    pub(crate) fn spare(&self) -> &[u8] {
        &self.data[self.frame_bytes(self.spare)]
    }

    /// The bytes of `slot` (whatever page it holds, if any).
    #[inline]
    pub(crate) fn slot_bytes(&self, slot: usize) -> &[u8] {
        &self.data[self.bytes(slot)]
    }

    /// Makes the spare frame the bytes of `slot`, and the slot's old frame the spare.
    #[inline]
    pub(crate) fn swap_spare(&mut self, slot: usize) {
        core::mem::swap(&mut self.frame[slot], &mut self.spare);
    }

    #[inline]
    fn holds(&self, slot: usize, page: u64) -> bool {
        page != EMPTY && self.meta[slot].page == page
    }

    #[inline]
    fn peek(&self, slot: usize, page: u64) -> Option<&[u8]> {
        if self.holds(slot, page) {
            Some(&self.data[self.bytes(slot)])
        } else {
            None
        }
    }

    /// The cached copy of `page` in `slot`, its age refreshed to `round`.
    #[inline]
    pub(crate) fn lookup(&mut self, slot: usize, page: u64, round: u64) -> Option<&mut [u8]> {
        if self.holds(slot, page) {
            self.meta[slot].age = round;
            let r = self.bytes(slot);
            Some(&mut self.data[r])
        } else {
            None
        }
    }

    /// Claims `slot` for `page` under the aging rule; returns its bytes to fill.
    #[inline]
    pub(crate) fn claim(
        &mut self,
        slot: usize,
        page: u64,
        round: u64,
    ) -> Result<&mut [u8], InsertError> {
        if page == EMPTY {
            return Err(InsertError::SlotBusy { occupant: EMPTY });
        }
        let m = self.meta[slot];
        if m.page != EMPTY && m.page != page && m.age + 1 >= round {
            return Err(InsertError::SlotBusy { occupant: m.page });
        }
        if m.page == EMPTY {
            self.used += 1;
        }
        self.meta[slot] = Slot { page, age: round };
        let r = self.bytes(slot);
        Ok(&mut self.data[r])
    }

    /// `claim` + copy, with the length checked before the slot is claimed.
    #[inline]
    pub(crate) fn insert(
        &mut self,
        slot: usize,
        page: u64,
        data: &[u8],
        round: u64,
    ) -> Result<(), InsertError> {
        // every check before the slot is claimed: a failed insert changes nothing
        if data.len() != self.page_size {
            return Err(InsertError::WrongLength {
                len: data.len(),
                page_size: self.page_size,
            });
        }
        self.claim(slot, page, round)?.copy_from_slice(data);
        Ok(())
    }

    fn remove(&mut self, slot: usize, page: u64) -> bool {
        if self.holds(slot, page) {
            self.meta[slot].page = EMPTY;
            self.used -= 1;
            true
        } else {
            false
        }
    }

    fn clear(&mut self) {
        for m in &mut self.meta {
            m.page = EMPTY;
        }
        self.used = 0;
    }

    /// The occupied slots in slot order, with their bytes.
    fn entries(&self) -> impl Iterator<Item = (Slot, &[u8])> + '_ {
        self.meta
            .iter()
            .enumerate()
            .filter(|(_, m)| m.page != EMPTY)
            .map(|(s, m)| (*m, &self.data[self.bytes(s)]))
    }

    /// Offers an entry of an old table to this (new) table's `slot`, under the resize
    /// rule: it replaces the occupant only if it is strictly more recent.
    fn offer(&mut self, slot: usize, m: Slot, data: &[u8]) {
        let cur = self.meta[slot];
        if cur.page != EMPTY && cur.age >= m.age {
            return;
        }
        if cur.page == EMPTY {
            self.used += 1;
        }
        self.meta[slot] = m;
        let r = self.bytes(slot);
        self.data[r].copy_from_slice(data);
    }
}

/// Direct-mapped page cache with QEMU's aging rule. See the [module docs](self).
///
/// For a cache shared by several sending threads, see [`SharedCache`].
#[derive(Debug, Clone)]
pub struct PageCache {
    table: Table,
    round: u64,
}

/// Allocates `n` zeroed bytes, reporting failure instead of aborting. The memory comes
/// from the allocator's zeroed allocation (for large sizes, fresh pages the OS maps in
/// lazily), so a large cache costs nothing until its slots are used.
fn alloc_zeroed(n: usize) -> Result<Vec<u8>, CacheError> {
    let oom = CacheError::OutOfMemory { bytes: n };
    if n == 0 {
        return Ok(Vec::new());
    }
    let layout = std::alloc::Layout::array::<u8>(n).map_err(|_| oom)?;
    // SAFETY: `layout` has a non-zero size (n > 0), as `alloc_zeroed` requires.
    let ptr = unsafe { std::alloc::alloc_zeroed(layout) };
    if ptr.is_null() {
        return Err(oom);
    }
    // SAFETY: `ptr` is non-null and was allocated by the global allocator with the layout
    // of `[u8; n]` (size n, align 1), exactly the layout of a `Vec<u8>` of capacity n;
    // all n bytes are initialised (zeroed), so a length of n (<= capacity) is valid; the
    // Vec takes sole ownership and will free it with the same layout.
    Ok(unsafe { Vec::from_raw_parts(ptr, n, n) })
}

fn slot_count(budget: usize, page_size: usize) -> Result<usize, CacheError> {
    if page_size == 0 || page_size > crate::MAX_PAGE_SIZE {
        return Err(CacheError::BadPageSize { page_size });
    }
    let pages = budget / page_size;
    if pages == 0 {
        return Err(CacheError::BudgetTooSmall { budget, page_size });
    }
    // round down to a power of two
    Ok(1usize << (usize::BITS - 1 - pages.leading_zeros()))
}

impl PageCache {
    /// A cache of `budget` bytes for pages of `page_size` bytes: `budget / page_size`
    /// slots rounded down to a power of two, all allocated now (with one more page: the
    /// spare page that a [`SharedCache`] shard reads pages into).
    ///
    /// # Errors
    /// [`CacheError::BadPageSize`] for a page size of 0 or above
    /// [`MAX_PAGE_SIZE`](crate::MAX_PAGE_SIZE), [`CacheError::BudgetTooSmall`] when the
    /// budget is smaller than one page, [`CacheError::OutOfMemory`] when it cannot be
    /// allocated.
    ///
    /// # Example
    /// ```
    /// use xbzrle::cache::{PageCache, CacheError};
    /// // 100 pages' worth rounds down to 64 slots
    /// assert_eq!(PageCache::new(100 * 4096, 4096)?.slots(), 64);
    /// assert_eq!(
    ///     PageCache::new(4095, 4096).unwrap_err(),
    ///     CacheError::BudgetTooSmall { budget: 4095, page_size: 4096 }
    /// );
    /// assert!(PageCache::new(1 << 20, 0).is_err());
    /// # Ok::<(), CacheError>(())
    /// ```
    pub fn new(budget: usize, page_size: usize) -> Result<PageCache, CacheError> {
        let slots = slot_count(budget, page_size)?;
        Ok(PageCache {
            table: Table::new(slots, page_size)?,
            round: 0,
        })
    }

    /// The page size in bytes.
    pub fn page_size(&self) -> usize {
        self.table.page_size
    }

    /// The number of slots (a power of two).
    pub fn slots(&self) -> usize {
        self.table.meta.len()
    }

    /// The bytes of page data the cache holds when full: `slots() * page_size()`.
    pub fn capacity_bytes(&self) -> usize {
        self.table.meta.len() * self.table.page_size
    }

    /// How many slots hold a page.
    pub fn len(&self) -> usize {
        self.table.used
    }

    /// Whether no slot holds a page.
    pub fn is_empty(&self) -> bool {
        self.table.used == 0
    }

    /// The current round (starts at 0).
    pub fn round(&self) -> u64 {
        self.round
    }

    /// Starts the next dirty-sync round (QEMU bumps its cache generation at every
    /// dirty-bitmap sync). Entries not used in this round or the one before become
    /// evictable.
    pub fn advance_round(&mut self) {
        self.round += 1;
    }

    /// The slot page number `page` maps to: `page & (slots - 1)`.
    #[inline]
    pub fn slot_of(&self, page: u64) -> usize {
        (page & (self.table.meta.len() as u64 - 1)) as usize
    }

    /// Whether `page` is cached, without refreshing its age.
    pub fn contains(&self, page: u64) -> bool {
        self.table.holds(self.slot_of(page), page)
    }

    /// The cached copy of `page`, without refreshing its age.
    pub fn peek(&self, page: u64) -> Option<&[u8]> {
        self.table.peek(self.slot_of(page), page)
    }

    /// The cached copy of `page`, refreshing its age to the current round (it then
    /// cannot be evicted in this round or the next). Writing through the returned slice
    /// updates the cached copy.
    pub fn lookup(&mut self, page: u64) -> Option<&mut [u8]> {
        let s = self.slot_of(page);
        self.table.lookup(s, page, self.round)
    }

    /// Stores `data` as the cached copy of `page`, with the current round as its age.
    ///
    /// Succeeds when the slot is free, already holds `page`, or holds a page that was not
    /// used in this round or the one before (which is evicted). Otherwise fails with
    /// [`InsertError::SlotBusy`] and changes nothing.
    ///
    /// The page number `u64::MAX` is reserved (it marks free slots) and cannot be cached:
    /// inserting it fails with `SlotBusy { occupant: u64::MAX }`.
    pub fn insert(&mut self, page: u64, data: &[u8]) -> Result<(), InsertError> {
        let s = self.slot_of(page);
        self.table.insert(s, page, data, self.round)
    }

    /// Like [`insert`](Self::insert), but fills the cached copy with zeros (what the
    /// receiver holds after a zero-page record).
    pub fn insert_zero(&mut self, page: u64) -> Result<(), InsertError> {
        let s = self.slot_of(page);
        self.table.claim(s, page, self.round)?.fill(0);
        Ok(())
    }

    /// Forgets `page` if it is cached; returns whether it was.
    pub fn remove(&mut self, page: u64) -> bool {
        let s = self.slot_of(page);
        self.table.remove(s, page)
    }

    /// Empties the cache (the round counter is kept).
    pub fn clear(&mut self) {
        self.table.clear();
    }

    /// Gives the cache a new budget (same page size), keeping every entry that still
    /// fits. Entries whose pages map to the same new slot compete: the one used most
    /// recently (highest age) is kept; on equal ages the one with the lower old slot
    /// index is kept. Ages and the round are preserved.
    ///
    /// On error the cache is unchanged.
    ///
    /// # Example
    /// ```
    /// use xbzrle::cache::PageCache;
    /// let mut cache = PageCache::new(8 * 4096, 4096)?;
    /// cache.insert(1, &[1u8; 4096])?;
    /// cache.advance_round();
    /// cache.insert(5, &[5u8; 4096])?; // newer; 5 & 3 == 1 & 3
    /// cache.resize(4 * 4096)?;
    /// assert_eq!(cache.slots(), 4);
    /// assert_eq!(cache.peek(5).map(|p| p[0]), Some(5));
    /// assert!(cache.peek(1).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn resize(&mut self, budget: usize) -> Result<(), CacheError> {
        let mut new = PageCache::new(budget, self.page_size())?;
        new.round = self.round;
        for (m, data) in self.table.entries() {
            let s = new.slot_of(m.page);
            new.table.offer(s, m, data);
        }
        *self = new;
        Ok(())
    }
}

/// The page-cache operations of one sending decision (docs/format.md §6): implemented by
/// [`PageCache`] (for the [`Sender`](crate::migrate::Sender)'s `decide`) and by one
/// locked slot of a [`SharedCache`]. The parallel rounds decide with the same rules in
/// `parallel::round` (reading into the shard's spare page); a test checks that both
/// give the same records and counters.
pub(crate) trait CacheAccess {
    /// Lookup with age refresh.
    fn lookup(&mut self, page: u64) -> Option<&mut [u8]>;
    /// Insert (aging rule); failures are ignored by the caller.
    fn insert(&mut self, page: u64, data: &[u8]) -> Result<(), InsertError>;
    /// Insert zeros (aging rule).
    fn insert_zero(&mut self, page: u64) -> Result<(), InsertError>;
}

impl CacheAccess for PageCache {
    #[inline]
    fn lookup(&mut self, page: u64) -> Option<&mut [u8]> {
        PageCache::lookup(self, page)
    }
    #[inline]
    fn insert(&mut self, page: u64, data: &[u8]) -> Result<(), InsertError> {
        PageCache::insert(self, page, data)
    }
    #[inline]
    fn insert_zero(&mut self, page: u64) -> Result<(), InsertError> {
        PageCache::insert_zero(self, page)
    }
}

/// The most shards a [`SharedCache`] splits its slots into.
const MAX_SHARDS: usize = 64;

/// The slots of a [`SharedCache`], split into shards that each have a lock.
#[derive(Debug)]
struct Shards {
    /// log2 of the total slot count.
    slot_bits: u32,
    /// log2 of the shard count.
    shard_bits: u32,
    shards: Vec<Mutex<Table>>,
}

impl Shards {
    fn new(budget: usize, page_size: usize) -> Result<Shards, CacheError> {
        let slots = slot_count(budget, page_size)?;
        let nshards = slots.min(MAX_SHARDS);
        let per = slots / nshards;
        let mut shards = Vec::new();
        shards
            .try_reserve_exact(nshards)
            .map_err(|_| CacheError::OutOfMemory { bytes: nshards })?;
        for _ in 0..nshards {
            shards.push(Mutex::new(Table::new(per, page_size)?));
        }
        Ok(Shards {
            slot_bits: slots.trailing_zeros(),
            shard_bits: nshards.trailing_zeros(),
            shards,
        })
    }

    fn slots(&self) -> usize {
        1 << self.slot_bits
    }

    /// (shard, slot within the shard) of `page`. The global slot is `page & (slots - 1)`
    /// (QEMU's direct mapping); its high bits choose the shard, so that a thread walking
    /// consecutive pages stays in one shard for `slots / shards` pages.
    #[inline]
    fn locate(&self, page: u64) -> (usize, usize) {
        let slot = (page & ((1u64 << self.slot_bits) - 1)) as usize;
        let local_bits = self.slot_bits - self.shard_bits;
        (slot >> local_bits, slot & ((1 << local_bits) - 1))
    }
}

/// Recovers the data of a lock that a panicking thread held: a shard is consistent after
/// every statement that changes it, so a panic elsewhere cannot leave it half-updated.
fn relock<T>(r: Result<T, std::sync::PoisonError<T>>) -> T {
    r.unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Atomic accumulators of [`Counters`](crate::migrate::Counters).
#[derive(Debug, Default)]
struct AtomicCounters([AtomicU64; 9]);

impl AtomicCounters {
    fn add(&self, c: &crate::migrate::Counters) {
        let v = c.to_array();
        for (a, x) in self.0.iter().zip(v) {
            if x != 0 {
                a.fetch_add(x, Ordering::Relaxed);
            }
        }
    }
    fn get(&self) -> crate::migrate::Counters {
        crate::migrate::Counters::from_array(core::array::from_fn(|i| {
            self.0[i].load(Ordering::Relaxed)
        }))
    }
}

/// A page cache shared by every sending thread of a migration: QEMU's direct-mapped
/// cache with its aging rule (the [module docs](self)), behind `&self`, so that any page
/// can be sent by any thread over any connection and its cached copy is always the one
/// last sent, whichever thread sent it.
///
/// * The slots are split into at most 64 shards, each behind its own lock; one page
///   operation locks one shard for the time it takes to encode that page. Pages of
///   different shards never wait for each other.
/// * [`advance_round`](Self::advance_round) is one atomic increment.
/// * [`resize`](Self::resize) may be called at any time from any thread: it waits for
///   the chunks being encoded to finish, rebuilds the slots with the same rule as
///   [`PageCache::resize`], and the chunks after it use the new slots.
/// * It keeps QEMU's counters for everything sent through it
///   ([`counters`](Self::counters)), and how often a thread found a shard locked by
///   another ([`contention`](Self::contention)).
///
/// The sending rounds of [`parallel`](crate::parallel) use it; it can also be used
/// directly.
///
/// # Example
/// ```
/// use xbzrle::cache::SharedCache;
/// use std::sync::Arc;
///
/// let cache = Arc::new(SharedCache::new(1 << 20, 4096)?); // 256 slots
/// let threads: Vec<_> = (0..2u64)
///     .map(|t| {
///         let cache = Arc::clone(&cache);
///         std::thread::spawn(move || {
///             for p in (t * 100)..(t * 100 + 100) {
///                 cache.insert(p, &[p as u8; 4096]).unwrap();
///             }
///         })
///     })
///     .collect();
/// threads.into_iter().for_each(|t| t.join().unwrap());
/// assert_eq!(cache.len(), 200);
///
/// let mut copy = [0u8; 4096];
/// assert!(cache.copy_out(150, &mut copy));
/// assert_eq!(copy[0], 150);
/// cache.resize(64 * 4096)?; // live resize: keeps what fits
/// assert_eq!(cache.slots(), 64);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct SharedCache {
    page_size: usize,
    shards: RwLock<Shards>,
    round: AtomicU64,
    counters: AtomicCounters,
    contended: AtomicU64,
}

/// The shards of a [`SharedCache`], read-locked for the duration of one chunk (a resize
/// waits for it).
pub(crate) struct Pinned<'a> {
    cache: &'a SharedCache,
    shards: RwLockReadGuard<'a, Shards>,
}

/// One slot of a [`SharedCache`], locked: the [`CacheAccess`] of one page decision.
pub(crate) struct SlotGuard<'a> {
    table: MutexGuard<'a, Table>,
    slot: usize,
    round: u64,
}

impl CacheAccess for SlotGuard<'_> {
    #[inline]
    fn lookup(&mut self, page: u64) -> Option<&mut [u8]> {
        self.table.lookup(self.slot, page, self.round)
    }
    #[inline]
    fn insert(&mut self, page: u64, data: &[u8]) -> Result<(), InsertError> {
        let (s, r) = (self.slot, self.round);
        self.table.insert(s, page, data, r)
    }
    #[inline]
    fn insert_zero(&mut self, page: u64) -> Result<(), InsertError> {
        let (s, r) = (self.slot, self.round);
        self.table.claim(s, page, r)?.fill(0);
        Ok(())
    }
}

impl SlotGuard<'_> {
    /// Whether this slot holds `page` with the age of the current round: the page was
    /// already looked up or inserted in this round, so it was already sent in this round
    /// (docs/format.md §6: a second delta in flight for one page could be applied in
    /// either order on the destination).
    #[inline]
    pub(crate) fn sent_this_round(&self, page: u64) -> bool {
        self.table.holds(self.slot, page) && self.table.meta[self.slot].age == self.round
    }

    /// Forgets `page` if this slot holds it.
    #[inline]
    pub(crate) fn remove(&mut self, page: u64) -> bool {
        let s = self.slot;
        self.table.remove(s, page)
    }

    /// The shard's spare page: where the sender reads the current page (under the
    /// shard's lock, so that no other thread uses the spare meanwhile).
    #[inline]
    pub(crate) fn spare_mut(&mut self) -> &mut [u8] {
        self.table.spare_mut()
    }

    /// The spare page, read-only.
    #[inline]
    pub(crate) fn spare(&self) -> &[u8] {
        self.table.spare()
    }

    /// The slot's bytes (the cached copy, when the slot holds the page).
    #[inline]
    pub(crate) fn cached(&self) -> &[u8] {
        self.table.slot_bytes(self.slot)
    }

    /// Whether the slot holds `page`; if so its age is refreshed (a lookup).
    #[inline]
    pub(crate) fn lookup_in_place(&mut self, page: u64) -> bool {
        let (s, r) = (self.slot, self.round);
        self.table.lookup(s, page, r).is_some()
    }

    /// Claims the slot for `page` under the aging rule, without writing its bytes;
    /// returns whether it did. The caller then makes the bytes right
    /// ([`swap_spare`](Self::swap_spare)).
    #[inline]
    pub(crate) fn claim(&mut self, page: u64) -> bool {
        let (s, r) = (self.slot, self.round);
        self.table.claim(s, page, r).is_ok()
    }

    /// The spare page becomes the slot's bytes (the new cached copy) and the slot's old
    /// bytes the spare: an update of the cached copy without a copy.
    #[inline]
    pub(crate) fn swap_spare(&mut self) {
        let s = self.slot;
        self.table.swap_spare(s);
    }
}

impl Pinned<'_> {
    /// Whether no slot holds a page (every shard locked in turn: a snapshot).
    pub(crate) fn is_empty(&self) -> bool {
        self.shards
            .shards
            .iter()
            .all(|m| relock(m.lock()).used == 0)
    }

    /// Locks the shard of `page` (counting contention) and returns its slot.
    #[inline]
    pub(crate) fn slot(&self, page: u64) -> SlotGuard<'_> {
        let (shard, slot) = self.shards.locate(page);
        let m = &self.shards.shards[shard];
        let table = match m.try_lock() {
            Ok(g) => g,
            Err(TryLockError::Poisoned(p)) => p.into_inner(),
            Err(TryLockError::WouldBlock) => {
                self.cache.contended.fetch_add(1, Ordering::Relaxed);
                relock(m.lock())
            }
        };
        SlotGuard {
            table,
            slot,
            round: self.cache.round.load(Ordering::Relaxed),
        }
    }

    /// Adds a chunk's counts to the cache's counters.
    pub(crate) fn add_counters(&self, c: &crate::migrate::Counters) {
        self.cache.counters.add(c);
    }
}

impl SharedCache {
    /// A shared cache of `budget` bytes for pages of `page_size` bytes: the same slot
    /// count as [`PageCache::new`] (`budget / page_size` rounded down to a power of
    /// two), all allocated now, plus one spare page per shard (at most 64): a sending
    /// thread reads the current page into its shard's spare page, which becomes the
    /// cached copy by a swap instead of a second copy.
    ///
    /// # Errors
    /// As [`PageCache::new`].
    pub fn new(budget: usize, page_size: usize) -> Result<SharedCache, CacheError> {
        Ok(SharedCache {
            page_size,
            shards: RwLock::new(Shards::new(budget, page_size)?),
            round: AtomicU64::new(0),
            counters: AtomicCounters::default(),
            contended: AtomicU64::new(0),
        })
    }

    fn read(&self) -> RwLockReadGuard<'_, Shards> {
        relock(self.shards.read())
    }

    /// Read-locks the slot layout for one chunk.
    pub(crate) fn pin(&self) -> Pinned<'_> {
        Pinned {
            cache: self,
            shards: self.read(),
        }
    }

    /// The page size in bytes.
    pub fn page_size(&self) -> usize {
        self.page_size
    }

    /// The number of slots (a power of two).
    pub fn slots(&self) -> usize {
        self.read().slots()
    }

    /// The number of shards (locks) the slots are split into.
    pub fn shards(&self) -> usize {
        self.read().shards.len()
    }

    /// The bytes of page data the cache holds when full: `slots() * page_size()`.
    pub fn capacity_bytes(&self) -> usize {
        self.slots() * self.page_size
    }

    /// How many slots hold a page (a snapshot: other threads may be inserting).
    pub fn len(&self) -> usize {
        let s = self.read();
        s.shards.iter().map(|m| relock(m.lock()).used).sum()
    }

    /// Whether no slot holds a page (a snapshot).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The current round (starts at 0).
    pub fn round(&self) -> u64 {
        self.round.load(Ordering::Relaxed)
    }

    /// Starts the next dirty-sync round, as [`PageCache::advance_round`]. Call it once
    /// per dirty-bitmap sync, not once per thread.
    pub fn advance_round(&self) {
        self.round.fetch_add(1, Ordering::Relaxed);
    }

    /// Whether `page` is cached, without refreshing its age.
    pub fn contains(&self, page: u64) -> bool {
        let s = self.read();
        let (shard, slot) = s.locate(page);
        let holds = relock(s.shards[shard].lock()).holds(slot, page);
        holds
    }

    /// Copies the cached copy of `page` into `out` without refreshing its age; returns
    /// whether `page` is cached. (A reference cannot be handed out: other threads may
    /// change the entry as soon as its lock is released.)
    ///
    /// # Panics
    /// If `out` is not one page long.
    pub fn copy_out(&self, page: u64, out: &mut [u8]) -> bool {
        assert_eq!(out.len(), self.page_size, "copy_out: out must be one page");
        let s = self.read();
        let (shard, slot) = s.locate(page);
        let t = relock(s.shards[shard].lock());
        match t.peek(slot, page) {
            Some(d) => {
                out.copy_from_slice(d);
                true
            }
            None => false,
        }
    }

    /// Stores `data` as the cached copy of `page`, as [`PageCache::insert`].
    pub fn insert(&self, page: u64, data: &[u8]) -> Result<(), InsertError> {
        self.pin().slot(page).insert(page, data)
    }

    /// Forgets `page` if it is cached; returns whether it was.
    pub fn remove(&self, page: u64) -> bool {
        let s = self.read();
        let (shard, slot) = s.locate(page);
        let removed = relock(s.shards[shard].lock()).remove(slot, page);
        removed
    }

    /// Empties the cache (the round counter and the counters are kept).
    pub fn clear(&self) {
        let s = self.read();
        for m in &s.shards {
            relock(m.lock()).clear();
        }
    }

    /// Gives the cache a new budget (same page size) while other threads use it, with
    /// the rule of [`PageCache::resize`] (entries that still fit are kept; on a
    /// collision the most recently used one, then the one of the lowest old slot). It
    /// waits until no chunk is being encoded, and blocks new chunks while it copies.
    ///
    /// On error the cache is unchanged.
    ///
    /// # Example
    /// ```
    /// use xbzrle::cache::SharedCache;
    /// let cache = SharedCache::new(8 * 4096, 4096)?;
    /// cache.insert(1, &[1u8; 4096])?;
    /// cache.advance_round();
    /// cache.insert(5, &[5u8; 4096])?; // newer; 5 & 3 == 1 & 3
    /// cache.resize(4 * 4096)?;
    /// assert_eq!(cache.slots(), 4);
    /// assert!(cache.contains(5) && !cache.contains(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn resize(&self, budget: usize) -> Result<(), CacheError> {
        let mut w = relock(self.shards.write());
        let mut new = Shards::new(budget, self.page_size)?;
        // old slots in global order: shard by shard, slot by slot within a shard
        for m in w.shards.iter_mut() {
            let t = relock(m.get_mut());
            for (slot, data) in t.entries() {
                let (ns, nl) = new.locate(slot.page);
                relock(new.shards[ns].get_mut()).offer(nl, slot, data);
            }
        }
        *w = new;
        Ok(())
    }

    /// QEMU's counters for every page sent through this cache so far, by all threads.
    pub fn counters(&self) -> crate::migrate::Counters {
        self.counters.get()
    }

    /// How many times a thread found the shard it needed locked by another thread (lock
    /// contention; 0 when each thread works on its own pages).
    pub fn contention(&self) -> u64 {
        self.contended.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slot_count_rounds_down_to_power_of_two() {
        assert_eq!(PageCache::new(4096, 4096).unwrap().slots(), 1);
        assert_eq!(PageCache::new(3 * 4096, 4096).unwrap().slots(), 2);
        assert_eq!(PageCache::new(4 * 4096 + 4095, 4096).unwrap().slots(), 4);
        assert_eq!(PageCache::new(1000, 10).unwrap().slots(), 64);
        assert_eq!(
            PageCache::new(1 << 20, MAX_PS + 1).unwrap_err(),
            CacheError::BadPageSize {
                page_size: MAX_PS + 1
            }
        );
        assert!(PageCache::new(1 << 20, MAX_PS).is_ok());
        let e = PageCache::new(10, 4096).unwrap_err();
        assert!(e.to_string().contains("smaller than one page"), "{e}");
        let e = PageCache::new(10, 0).unwrap_err();
        assert!(e.to_string().contains("page size 0"), "{e}");
    }
    const MAX_PS: usize = crate::MAX_PAGE_SIZE;

    #[test]
    fn huge_budget_is_an_error_not_an_abort() {
        let e = PageCache::new(usize::MAX, 4096).unwrap_err();
        assert!(matches!(e, CacheError::OutOfMemory { .. }), "{e:?}");
        assert!(e.to_string().contains("could not allocate"));
        // a large cache is cheap to create: its pages are not touched
        let c = PageCache::new(1 << 28, 4096).unwrap();
        assert_eq!(c.capacity_bytes(), 1 << 28);
        assert!(c.peek(5).is_none());
    }

    #[test]
    fn aging_rule_matches_qemu() {
        let mut c = PageCache::new(4 * 16, 16).unwrap(); // 4 slots
        let a = [1u8; 16];
        let b = [2u8; 16];
        c.insert(0, &a).unwrap(); // age 0, round 0
        assert_eq!(c.insert(4, &b), Err(InsertError::SlotBusy { occupant: 0 }));
        c.advance_round(); // round 1: age 0 + 1 >= 1, still fresh
        assert_eq!(c.insert(4, &b), Err(InsertError::SlotBusy { occupant: 0 }));
        c.advance_round(); // round 2: 0 + 1 < 2, evictable
        c.insert(4, &b).unwrap();
        assert!(c.peek(0).is_none());
        assert_eq!(c.peek(4), Some(&b[..]));
        assert_eq!(c.len(), 1);
        // re-inserting the same page always succeeds
        c.insert(4, &a).unwrap();
        assert_eq!(c.peek(4), Some(&a[..]));
    }

    #[test]
    fn lookup_refreshes_age_peek_does_not() {
        let mut c = PageCache::new(16, 16).unwrap(); // 1 slot
        c.insert(7, &[0u8; 16]).unwrap();
        c.advance_round();
        c.advance_round();
        assert!(c.peek(7).is_some()); // no refresh
        assert!(c.contains(7));
        c.lookup(7).unwrap()[0] = 9; // refresh to round 2, and write through
        c.advance_round(); // round 3: 2 + 1 >= 3
        assert_eq!(
            c.insert(8, &[0u8; 16]),
            Err(InsertError::SlotBusy { occupant: 7 })
        );
        assert_eq!(c.peek(7).unwrap()[0], 9);
        c.advance_round(); // round 4
        c.insert_zero(8).unwrap();
        assert_eq!(c.peek(8), Some(&[0u8; 16][..]));
    }

    #[test]
    fn wrong_length_and_reserved_page() {
        let mut c = PageCache::new(64, 16).unwrap();
        assert_eq!(
            c.insert(1, &[0u8; 15]),
            Err(InsertError::WrongLength {
                len: 15,
                page_size: 16
            })
        );
        assert!(c.insert(u64::MAX, &[0u8; 16]).is_err());
        assert!(c.lookup(u64::MAX).is_none());
        assert!(!c.remove(u64::MAX));
    }

    /// Regression: a wrong-length insert used to evict the slot's occupant and register
    /// the new page with the old page's bytes before reporting `WrongLength`.
    #[test]
    fn wrong_length_insert_changes_nothing() {
        let mut c = PageCache::new(64, 16).unwrap(); // 4 slots
        c.insert(1, &[7u8; 16]).unwrap();
        c.advance_round();
        c.advance_round();
        c.advance_round(); // page 1 is old enough to be evicted by a good insert
        let colliding = (1..64u64)
            .map(|p| p + 1)
            .find(|&p| c.slot_of(p) == c.slot_of(1))
            .unwrap();
        let (len, round) = (c.len(), c.round());
        for bad in [&[9u8; 15][..], &[9u8; 17][..], &[][..]] {
            assert!(matches!(
                c.insert(colliding, bad),
                Err(InsertError::WrongLength { .. })
            ));
            assert!(c.insert(1, bad).is_err());
            assert_eq!(c.peek(1), Some(&[7u8; 16][..]), "occupant kept");
            assert!(!c.contains(colliding), "nothing registered");
            assert_eq!((c.len(), c.round()), (len, round));
        }
        // and a good insert still evicts as the aging rule says
        c.insert(colliding, &[9u8; 16]).unwrap();
        assert_eq!(c.peek(colliding), Some(&[9u8; 16][..]));
        assert!(!c.contains(1));
    }

    /// The shared cache follows exactly the rules of `PageCache` (one implementation of
    /// them, `Table`): random operations, resizes included, give the same answers.
    #[test]
    fn shared_cache_behaves_like_page_cache() {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut rnd = move |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        for budget_pages in [1usize, 3, 64, 200, 1024] {
            let mut a = PageCache::new(budget_pages * 8, 8).unwrap();
            let b = SharedCache::new(budget_pages * 8, 8).unwrap();
            assert_eq!(a.slots(), b.slots());
            let mut out = [0u8; 8];
            for _ in 0..4000 {
                let page = rnd(3000);
                match rnd(20) {
                    0..=7 => {
                        let d = [page as u8; 8];
                        assert_eq!(a.insert(page, &d), b.insert(page, &d));
                    }
                    8..=13 => {
                        let hit = a.lookup(page).map(|p| p.to_vec());
                        let mut pinned_hit = None;
                        {
                            let p = b.pin();
                            let mut s = p.slot(page);
                            if let Some(d) = CacheAccess::lookup(&mut s, page) {
                                pinned_hit = Some(d.to_vec());
                            }
                        }
                        assert_eq!(hit, pinned_hit);
                    }
                    14..=16 => a.advance_round(),
                    17 => assert_eq!(a.remove(page), b.remove(page)),
                    _ => {
                        let nb = (rnd(2 * budget_pages as u64) as usize + 1) * 8;
                        a.resize(nb).unwrap();
                        b.resize(nb).unwrap();
                    }
                }
                while b.round() < a.round() {
                    b.advance_round();
                }
                assert_eq!(a.len(), b.len());
                assert_eq!(a.contains(page), b.contains(page));
                assert_eq!(a.peek(page).is_some(), b.copy_out(page, &mut out));
                if let Some(p) = a.peek(page) {
                    assert_eq!(p, out);
                }
            }
        }
    }

    #[test]
    fn shared_cache_is_send_sync() {
        fn check<T: Send + Sync>() {}
        check::<SharedCache>();
    }

    #[test]
    fn resize_keeps_what_fits_and_most_recent_on_collision() {
        let mut c = PageCache::new(8 * 4, 4).unwrap(); // 8 slots
        for p in 0..8u64 {
            c.insert(p, &[p as u8; 4]).unwrap();
            c.advance_round();
        }
        // grow: everything kept
        c.resize(16 * 4).unwrap();
        assert_eq!(c.len(), 8);
        for p in 0..8u64 {
            assert_eq!(c.peek(p), Some(&[p as u8; 4][..]));
        }
        // shrink to 2 slots: pages 6 (even) and 7 (odd) are the newest
        c.resize(2 * 4 + 3).unwrap();
        assert_eq!(c.slots(), 2);
        assert_eq!(c.len(), 2);
        assert_eq!(c.peek(6), Some(&[6u8; 4][..]));
        assert_eq!(c.peek(7), Some(&[7u8; 4][..]));
        assert_eq!(c.round(), 8);
        // failed resize leaves it alone
        assert!(c.resize(3).is_err());
        assert_eq!(c.len(), 2);
        c.clear();
        assert!(c.is_empty());
    }

    /// Everything a caller can observe of the cache (and its hidden slot ages).
    fn state(c: &PageCache) -> (usize, Vec<(u64, u64)>, Vec<u8>, u64, usize) {
        (
            c.table.page_size,
            c.table.meta.iter().map(|m| (m.page, m.age)).collect(),
            (0..c.slots())
                .flat_map(|s| c.table.slot_bytes(s).to_vec())
                .collect(),
            c.round,
            c.table.used,
        )
    }

    #[derive(Debug, Clone)]
    enum Op {
        Insert(u64, usize, u8),
        InsertZero(u64),
        Lookup(u64),
        Remove(u64),
        Advance,
        Resize(usize),
        Clear,
    }

    fn op() -> impl proptest::strategy::Strategy<Value = Op> {
        use proptest::prelude::*;
        // few pages, so slots collide; page u64::MAX is reserved; lengths around 8
        let page = prop_oneof![0u64..12, Just(u64::MAX)];
        prop_oneof![
            4 => (page.clone(), prop_oneof![Just(8usize), 0usize..20], any::<u8>())
                .prop_map(|(p, l, b)| Op::Insert(p, l, b)),
            2 => page.clone().prop_map(Op::InsertZero),
            2 => page.clone().prop_map(Op::Lookup),
            1 => page.prop_map(Op::Remove),
            2 => Just(Op::Advance),
            1 => prop_oneof![0usize..80, Just(usize::MAX)].prop_map(Op::Resize),
            1 => Just(Op::Clear),
        ]
    }

    proptest::proptest! {
        /// Issue 10 item 4: every `Result`-returning method of the cache (insert,
        /// insert_zero, resize) leaves the whole state unchanged when it returns `Err`,
        /// whatever came before.
        #[test]
        fn any_err_leaves_the_cache_unchanged(
            slots in 1usize..5,
            ops in proptest::collection::vec(op(), 0..60),
        ) {
            let mut c = PageCache::new(slots * 8, 8).unwrap();
            for o in ops {
                let before = state(&c);
                let failed = match o {
                    Op::Insert(p, l, b) => c.insert(p, &vec![b; l]).is_err(),
                    Op::InsertZero(p) => c.insert_zero(p).is_err(),
                    Op::Resize(b) => c.resize(b).is_err(),
                    Op::Lookup(p) => {
                        c.lookup(p);
                        false
                    }
                    Op::Remove(p) => {
                        c.remove(p);
                        false
                    }
                    Op::Advance => {
                        c.advance_round();
                        false
                    }
                    Op::Clear => {
                        c.clear();
                        false
                    }
                };
                if failed {
                    proptest::prop_assert_eq!(&state(&c), &before, "after {:?}", o);
                }
                proptest::prop_assert_eq!(
                    c.len(),
                    c.table.meta.iter().filter(|m| m.page != EMPTY).count()
                );
            }
        }
    }
}
