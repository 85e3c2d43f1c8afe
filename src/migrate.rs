//! Migration-engine helpers: a [`Sender`] that decides, page by page, what to send and
//! keeps its [`PageCache`] equal to what the receiver holds, a [`Receiver`] that applies
//! those records, and QEMU's XBZRLE [`Counters`].
//!
//! The invariant (SPEC §6, and the subject of three QEMU fixes in 2014): the sender encodes
//! each dirty page against the copy it last **sent** for that page, never against live
//! memory, and afterwards updates that copy to exactly what the receiver holds. Guest
//! memory may change while a page is being encoded, so the sender first copies the page
//! to a stable buffer and both encodes and sends from that copy.
//!
//! For each dirty page, [`Sender::send_page`] returns a [`PageRecord`]:
//!
//! | record | when | cache afterwards |
//! |---|---|---|
//! | [`Zero`](PageRecord::Zero) | the page is all zero | zeros (inserted if the aging rule allows) |
//! | [`Raw`](PageRecord::Raw) | cache miss | the page, if the aging rule allows inserting it |
//! | [`Unchanged`](PageRecord::Unchanged) | cached copy equals the page | unchanged (age refreshed) |
//! | [`Xbzrle`](PageRecord::Xbzrle) | cached, delta fits in one page | the page |
//! | [`Raw`](PageRecord::Raw) | cached, delta longer than one page (overflow) | the page |
//!
//! Records borrow the sender's internal buffers: nothing is allocated per page. The
//! sender and receiver are `Send`, so each migration thread can own one.
//!
//! # Example: a migration engine
//! ```
//! use xbzrle::migrate::{PageRecord, Receiver, Sender};
//!
//! const PAGE: usize = 4096;
//! let mut guest = vec![0u8; 64 * PAGE]; // the VM's memory
//! xbzrle_testkit::scenario::fill_random(&mut guest[..32 * PAGE], 1);
//! let mut target = vec![0u8; guest.len()]; // the destination's memory
//!
//! // Cache for 16 pages: smaller than memory, so pages compete for slots.
//! let mut sender = Sender::new(16 * PAGE, PAGE)?;
//! let receiver = Receiver::new(PAGE)?;
//! let mut wire = Vec::new(); // stand-in for the migration stream
//!
//! for round in 0..4 {
//!     // the guest dirties some memory, the engine syncs the dirty bitmap...
//!     if round > 0 {
//!         xbzrle_testkit::scenario::Pattern::MEDIUM.apply_in_place(&mut guest[..8 * PAGE], 0);
//!     }
//!     sender.advance_round();
//!     let dirty: Vec<usize> = if round == 0 { (0..64).collect() } else { (0..8).collect() };
//!     for n in dirty {
//!         let page = &guest[n * PAGE..(n + 1) * PAGE];
//!         let record = sender.send_page(n as u64, page);
//!         // serialise it (QEMU's flags: 0x02 zero, 0x08 raw, 0x40 XBZRLE) ...
//!         wire.clear();
//!         match record {
//!             PageRecord::Unchanged => continue, // nothing is sent
//!             PageRecord::Zero => wire.extend_from_slice(&[0x02, 0]),
//!             PageRecord::Raw(p) => { wire.push(0x08); wire.extend_from_slice(p) }
//!             PageRecord::Xbzrle(d) => {
//!                 wire.push(0x40);
//!                 wire.extend_from_slice(&(d.len() as u16).to_be_bytes());
//!                 wire.extend_from_slice(d);
//!             }
//!         }
//!         // ... and on the destination, parse it back and apply it
//!         let record = match wire[0] {
//!             0x02 => PageRecord::Zero,
//!             0x08 => PageRecord::Raw(&wire[1..]),
//!             _ => PageRecord::Xbzrle(&wire[3..]),
//!         };
//!         receiver.apply(record, &mut target[n * PAGE..(n + 1) * PAGE])?;
//!     }
//!     assert_eq!(target, guest);
//! }
//! let c = sender.counters();
//! println!("{} XBZRLE pages, {} bytes, miss rate {:.2}, encoding rate {:.1}",
//!          c.pages, c.bytes, c.cache_miss_rate(), c.encoding_rate(PAGE));
//! assert!(c.pages > 0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use core::fmt;
use std::boxed::Box;
use std::vec;

use crate::cache::{CacheError, PageCache};
use crate::{DecodeError, EncodeError, Encoder};

/// What the sender sends for one dirty page. Payloads borrow the [`Sender`]'s buffers and
/// are valid until its next call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageRecord<'a> {
    /// The page equals what was last sent: send nothing.
    Unchanged,
    /// An XBZRLE payload (at most one page long), to apply to the receiver's copy.
    Xbzrle(&'a [u8]),
    /// The page is all zero (QEMU's zero-page record).
    Zero,
    /// The whole page, verbatim (a cache miss or an XBZRLE overflow).
    Raw(&'a [u8]),
}

impl PageRecord<'_> {
    /// A short lower-case name: `"unchanged"`, `"xbzrle"`, `"zero"` or `"raw"`.
    pub fn kind(&self) -> &'static str {
        match self {
            PageRecord::Unchanged => "unchanged",
            PageRecord::Xbzrle(_) => "xbzrle",
            PageRecord::Zero => "zero",
            PageRecord::Raw(_) => "raw",
        }
    }
}

/// The sender's statistics, named and defined like QEMU's `xbzrle_counters` where QEMU
/// has them. All counts are since the sender was created; use [`Counters::since`] for
/// per-round figures (QEMU reports its rates per dirty-sync period).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counters {
    /// Bytes that XBZRLE caused to be sent, as QEMU counts them: for every page sent as an
    /// XBZRLE record, its payload plus the 3 bytes of record overhead (the `0x01` encoding
    /// flag and the be16 payload length); plus one page of raw bytes for every overflow.
    /// The framing header of each page (QEMU's be64 offset and block id) is not counted,
    /// as it depends on the stream.
    pub bytes: u64,
    /// Pages sent as XBZRLE records (QEMU's `pages`).
    pub pages: u64,
    /// Non-zero dirty pages the sender looked up in the cache (the denominator of
    /// [`cache_miss_rate`](Counters::cache_miss_rate)).
    pub lookups: u64,
    /// Lookups that did not find the page cached (QEMU's `cache_miss`); these pages are
    /// sent raw.
    pub cache_miss: u64,
    /// Cached pages whose delta did not fit in one page (QEMU's `overflow`); sent raw.
    pub overflow: u64,
    /// Cached pages that had not changed: nothing sent.
    pub unchanged: u64,
    /// Pages sent as zero-page records.
    pub zero_pages: u64,
    /// Pages sent raw (`cache_miss + overflow`).
    pub raw_pages: u64,
    /// Bytes of XBZRLE payload alone (without the 3 bytes of overhead).
    pub payload_bytes: u64,
}

impl Counters {
    /// `cache_miss / lookups`: the share of non-zero dirty pages that were not cached
    /// (0 when nothing was looked up). QEMU divides by every page sent in the period
    /// instead; zero pages are left out here because they never consult the cache.
    pub fn cache_miss_rate(&self) -> f64 {
        if self.lookups == 0 {
            0.0
        } else {
            self.cache_miss as f64 / self.lookups as f64
        }
    }

    /// QEMU's encoding rate: `pages × page_size / bytes`, the bytes the XBZRLE pages
    /// would have taken raw over the bytes XBZRLE caused to be sent (including overflow
    /// pages, see [`bytes`](Counters::bytes)). 0 when no page was sent as XBZRLE.
    pub fn encoding_rate(&self, page_size: usize) -> f64 {
        if self.pages == 0 || self.bytes == 0 {
            0.0
        } else {
            (self.pages as f64 * page_size as f64) / self.bytes as f64
        }
    }

    /// The fields in declaration order (for atomic accumulation).
    pub(crate) fn to_array(self) -> [u64; 9] {
        [
            self.bytes,
            self.pages,
            self.lookups,
            self.cache_miss,
            self.overflow,
            self.unchanged,
            self.zero_pages,
            self.raw_pages,
            self.payload_bytes,
        ]
    }

    /// The inverse of `to_array`.
    pub(crate) fn from_array(a: [u64; 9]) -> Counters {
        Counters {
            bytes: a[0],
            pages: a[1],
            lookups: a[2],
            cache_miss: a[3],
            overflow: a[4],
            unchanged: a[5],
            zero_pages: a[6],
            raw_pages: a[7],
            payload_bytes: a[8],
        }
    }

    /// The counts accumulated since `earlier` (a copy taken before), for per-round rates.
    ///
    /// # Example
    /// ```
    /// # use xbzrle::migrate::Counters;
    /// let before = Counters { pages: 10, bytes: 500, ..Counters::default() };
    /// let now = Counters { pages: 30, bytes: 1500, ..Counters::default() };
    /// let round = now.since(&before);
    /// assert_eq!((round.pages, round.bytes), (20, 1000));
    /// assert_eq!(round.encoding_rate(4096), 20.0 * 4096.0 / 1000.0);
    /// ```
    pub fn since(&self, earlier: &Counters) -> Counters {
        Counters {
            bytes: self.bytes.wrapping_sub(earlier.bytes),
            pages: self.pages.wrapping_sub(earlier.pages),
            lookups: self.lookups.wrapping_sub(earlier.lookups),
            cache_miss: self.cache_miss.wrapping_sub(earlier.cache_miss),
            overflow: self.overflow.wrapping_sub(earlier.overflow),
            unchanged: self.unchanged.wrapping_sub(earlier.unchanged),
            zero_pages: self.zero_pages.wrapping_sub(earlier.zero_pages),
            raw_pages: self.raw_pages.wrapping_sub(earlier.raw_pages),
            payload_bytes: self.payload_bytes.wrapping_sub(earlier.payload_bytes),
        }
    }
}

/// The sending side: a page cache, an encoder, and the two page-sized buffers it encodes
/// from and into. See the [module docs](self).
#[derive(Debug, Clone)]
pub struct Sender {
    cache: PageCache,
    encoder: Encoder,
    current: Box<[u8]>,
    encoded: Box<[u8]>,
    counters: Counters,
}

impl Sender {
    /// A sender with a cache of `cache_budget` bytes for pages of `page_size` bytes and
    /// the fastest encoder kernel of this CPU. Allocates the cache and two page buffers.
    ///
    /// # Errors
    /// As [`PageCache::new`].
    pub fn new(cache_budget: usize, page_size: usize) -> Result<Sender, CacheError> {
        Sender::with_encoder(cache_budget, page_size, Encoder::new())
    }

    /// Like [`new`](Self::new), with a chosen encoder (kernel).
    ///
    /// # Example
    /// ```
    /// use xbzrle::{Encoder, Kernel, migrate::Sender};
    /// let s = Sender::with_encoder(1 << 20, 4096, Encoder::with_kernel(Kernel::Scalar)?)?;
    /// assert_eq!(s.encoder().kernel(), Kernel::Scalar);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_encoder(
        cache_budget: usize,
        page_size: usize,
        encoder: Encoder,
    ) -> Result<Sender, CacheError> {
        let cache = PageCache::new(cache_budget, page_size)?;
        Ok(Sender {
            cache,
            encoder,
            current: vec![0u8; page_size].into_boxed_slice(),
            encoded: vec![0u8; page_size].into_boxed_slice(),
            counters: Counters::default(),
        })
    }

    /// The page size.
    pub fn page_size(&self) -> usize {
        self.current.len()
    }

    /// The encoder in use.
    pub fn encoder(&self) -> Encoder {
        self.encoder
    }

    /// The page cache (for inspection).
    pub fn cache(&self) -> &PageCache {
        &self.cache
    }

    /// The statistics so far.
    pub fn counters(&self) -> Counters {
        self.counters
    }

    /// Starts the next dirty-sync round of the cache (call it at every dirty-bitmap sync).
    pub fn advance_round(&mut self) {
        self.cache.advance_round();
    }

    /// Changes the cache budget, keeping what fits (see [`PageCache::resize`]). Safe at
    /// any time: a page that falls out of the cache is simply sent raw next time.
    pub fn resize_cache(&mut self, budget: usize) -> Result<(), CacheError> {
        self.cache.resize(budget)
    }

    /// Decides what to send for dirty page number `page_no`, whose current contents are
    /// `page`, and updates the cache to what the receiver will hold after applying the
    /// returned record (see the table in the [module docs](self)).
    ///
    /// `page` is copied first; everything is derived from that copy, so the record and
    /// the cache agree even if `page` is guest memory that another thread changes (the
    /// page will be dirty again and be resent). The caller must send every record it gets
    /// (except [`Unchanged`](PageRecord::Unchanged)), in order, or the two sides diverge.
    ///
    /// # Panics
    /// If `page.len()` is not the page size.
    pub fn send_page(&mut self, page_no: u64, page: &[u8]) -> PageRecord<'_> {
        assert_eq!(
            page.len(),
            self.current.len(),
            "send_page: the page must be exactly one page long"
        );
        self.current.copy_from_slice(page);
        match decide(
            &mut self.cache,
            &self.encoder,
            page_no,
            &self.current,
            &mut self.encoded,
            &mut self.counters,
        ) {
            Decision::Unchanged => PageRecord::Unchanged,
            Decision::Zero => PageRecord::Zero,
            Decision::Raw => PageRecord::Raw(&self.current),
            Decision::Xbzrle(len) => PageRecord::Xbzrle(&self.encoded[..len]),
        }
    }
}

/// What [`decide`] chose for a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decision {
    /// Cached copy equals the page.
    Unchanged,
    /// All-zero page.
    Zero,
    /// Send `current` verbatim.
    Raw,
    /// Send `encoded[..len]`.
    Xbzrle(usize),
}

/// The sending decision of SPEC §6 for one page, shared by [`Sender`] and the parallel
/// rounds: `current` is a private copy of the page (nobody else writes it), `encoded` a
/// page-sized output buffer. Updates the cache to what the receiver will hold, and the
/// counters.
#[inline]
pub(crate) fn decide<C: crate::cache::CacheAccess>(
    cache: &mut C,
    encoder: &Encoder,
    page_no: u64,
    current: &[u8],
    encoded: &mut [u8],
    c: &mut Counters,
) -> Decision {
    if crate::is_zero_page(current) {
        c.zero_pages += 1;
        // the receiver will hold zeros; a busy slot keeps another page, which is fine
        let _ = cache.insert_zero(page_no);
        return Decision::Zero;
    }

    c.lookups += 1;
    let Some(cached) = cache.lookup(page_no) else {
        c.cache_miss += 1;
        c.raw_pages += 1;
        // cache what we send, if the aging rule lets us; otherwise send uncached
        let _ = cache.insert(page_no, current);
        return Decision::Raw;
    };

    match encoder.encode(cached, current, encoded) {
        Ok(0) => {
            c.unchanged += 1;
            Decision::Unchanged
        }
        Ok(len) => {
            cached.copy_from_slice(current);
            c.pages += 1;
            c.bytes += len as u64 + 3;
            c.payload_bytes += len as u64;
            Decision::Xbzrle(len)
        }
        Err(EncodeError::Overflow) => {
            // the receiver will hold the raw page: so must the cache
            cached.copy_from_slice(current);
            c.overflow += 1;
            c.raw_pages += 1;
            c.bytes += current.len() as u64;
            Decision::Raw
        }
        Err(e @ (EncodeError::LengthMismatch { .. } | EncodeError::PageTooLarge { .. })) => {
            unreachable!("page size was validated at construction: {e}")
        }
    }
}

/// Why [`Receiver::apply`] refused a record. The page was left untouched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReceiveError {
    /// The destination page is not one page long.
    WrongPageLength {
        /// Length of the slice given.
        len: usize,
        /// The receiver's page size.
        page_size: usize,
    },
    /// An XBZRLE payload longer than a page (QEMU's receiver refuses these too).
    PayloadTooLong {
        /// Length of the payload.
        len: usize,
        /// The receiver's page size.
        page_size: usize,
    },
    /// A raw record that is not exactly one page long.
    WrongRawLength {
        /// Length of the raw record.
        len: usize,
        /// The receiver's page size.
        page_size: usize,
    },
    /// The XBZRLE payload is invalid (see [`decode`](crate::decode)).
    Decode(DecodeError),
}

impl fmt::Display for ReceiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            ReceiveError::WrongPageLength { len, page_size } => write!(
                f,
                "destination page is {len} bytes, expected the page size of {page_size} bytes"
            ),
            ReceiveError::PayloadTooLong { len, page_size } => write!(
                f,
                "XBZRLE payload of {len} bytes is longer than the page size of {page_size} bytes"
            ),
            ReceiveError::WrongRawLength { len, page_size } => write!(
                f,
                "raw page record of {len} bytes, expected the page size of {page_size} bytes"
            ),
            ReceiveError::Decode(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ReceiveError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ReceiveError::Decode(e) => Some(e),
            _ => None,
        }
    }
}

impl From<DecodeError> for ReceiveError {
    fn from(e: DecodeError) -> Self {
        ReceiveError::Decode(e)
    }
}

/// The receiving side: applies [`PageRecord`]s to destination pages. It needs no cache
/// (the destination page itself is the old copy) and allocates nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Receiver {
    page_size: usize,
}

impl Receiver {
    /// A receiver for pages of `page_size` bytes.
    ///
    /// # Errors
    /// [`CacheError::BadPageSize`] for 0 or a size above
    /// [`MAX_PAGE_SIZE`](crate::MAX_PAGE_SIZE).
    pub fn new(page_size: usize) -> Result<Receiver, CacheError> {
        if page_size == 0 || page_size > crate::MAX_PAGE_SIZE {
            return Err(CacheError::BadPageSize { page_size });
        }
        Ok(Receiver { page_size })
    }

    /// The page size.
    pub fn page_size(&self) -> usize {
        self.page_size
    }

    /// Applies `record` to `page` (which holds what was last received for it).
    /// Atomic: on error, `page` is unchanged.
    ///
    /// # Example
    /// ```
    /// use xbzrle::migrate::{PageRecord, Receiver, ReceiveError};
    /// let rx = Receiver::new(4096)?;
    /// let mut page = [0u8; 4096];
    /// rx.apply(PageRecord::Xbzrle(&[0x64, 0x01, 0x01]), &mut page)?;
    /// assert_eq!(page[100], 1);
    /// let too_long = [0u8; 4097];
    /// assert!(matches!(rx.apply(PageRecord::Xbzrle(&too_long), &mut page),
    ///                  Err(ReceiveError::PayloadTooLong { len: 4097, .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply(&self, record: PageRecord<'_>, page: &mut [u8]) -> Result<(), ReceiveError> {
        let page_size = self.page_size;
        if page.len() != page_size {
            return Err(ReceiveError::WrongPageLength {
                len: page.len(),
                page_size,
            });
        }
        match record {
            PageRecord::Unchanged => {}
            PageRecord::Zero => page.fill(0),
            PageRecord::Raw(data) => {
                if data.len() != page_size {
                    return Err(ReceiveError::WrongRawLength {
                        len: data.len(),
                        page_size,
                    });
                }
                page.copy_from_slice(data);
            }
            PageRecord::Xbzrle(delta) => {
                if delta.len() > page_size {
                    return Err(ReceiveError::PayloadTooLong {
                        len: delta.len(),
                        page_size,
                    });
                }
                crate::decode(delta, page)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::vec::Vec;
    use xbzrle_testkit::scenario::{fill_random, Pattern};

    const P: usize = 4096;

    #[test]
    fn types_are_send() {
        fn is_send<T: Send>() {}
        is_send::<Sender>();
        is_send::<Receiver>();
        is_send::<PageCache>();
        is_send::<Counters>();
        is_send::<PageRecord<'static>>();
        is_send::<ReceiveError>();
    }

    fn random_page(seed: u64) -> Vec<u8> {
        let mut p = vec![0u8; P];
        fill_random(&mut p, seed);
        p
    }

    #[test]
    fn decision_table_and_counters() {
        let mut s = Sender::new(4 * P, P).unwrap(); // 4 slots
        let rx = Receiver::new(P).unwrap();
        let mut dst = vec![0u8; P];
        let mut page = random_page(1);

        // miss: raw, and cached
        let r = s.send_page(0, &page);
        assert_eq!(r, PageRecord::Raw(&page[..]));
        rx.apply(r, &mut dst).unwrap();
        assert_eq!(s.cache().peek(0), Some(&page[..]));

        // unchanged
        assert_eq!(s.send_page(0, &page), PageRecord::Unchanged);

        // small change: XBZRLE
        Pattern::MEDIUM.apply_in_place(&mut page, 0);
        let r = s.send_page(0, &page);
        let PageRecord::Xbzrle(d) = r else {
            panic!("{r:?}")
        };
        let xlen = d.len() as u64;
        rx.apply(r, &mut dst).unwrap();
        assert_eq!(dst, page);
        assert_eq!(s.cache().peek(0), Some(&page[..]));

        // everything changed: overflow, raw, cache updated
        let page2 = random_page(2);
        let r = s.send_page(0, &page2);
        assert_eq!(r, PageRecord::Raw(&page2[..]));
        rx.apply(r, &mut dst).unwrap();
        assert_eq!(s.cache().peek(0), Some(&page2[..]));

        // zero page: zeros cached
        let zero = vec![0u8; P];
        assert_eq!(s.send_page(0, &zero), PageRecord::Zero);
        rx.apply(PageRecord::Zero, &mut dst).unwrap();
        assert_eq!(s.cache().peek(0), Some(&zero[..]));
        assert_eq!(dst, zero);

        // slot busy (page 4 collides with page 0, used this round): raw, not cached
        let r = s.send_page(4, &page);
        assert_eq!(r, PageRecord::Raw(&page[..]));
        assert!(!s.cache().contains(4));

        let c = s.counters();
        assert_eq!(c.lookups, 5);
        assert_eq!(c.cache_miss, 2);
        assert_eq!(c.overflow, 1);
        assert_eq!(c.pages, 1);
        assert_eq!(c.unchanged, 1);
        assert_eq!(c.zero_pages, 1);
        assert_eq!(c.raw_pages, 3);
        assert_eq!(c.payload_bytes, xlen);
        assert_eq!(c.bytes, xlen + 3 + P as u64);
        assert_eq!(c.cache_miss_rate(), 2.0 / 5.0);
        assert_eq!(c.encoding_rate(P), P as f64 / (xlen + 3 + P as u64) as f64);
    }

    #[test]
    fn receiver_refuses_without_touching_the_page() {
        let rx = Receiver::new(P).unwrap();
        let orig = random_page(3);
        let mut page = orig.clone();
        type Check = fn(&ReceiveError) -> bool;
        let cases: [(PageRecord, Check); 4] = [
            (PageRecord::Xbzrle(&[0u8; P + 1]), |e| {
                matches!(e, ReceiveError::PayloadTooLong { .. })
            }),
            (PageRecord::Raw(&[0u8; P - 1]), |e| {
                matches!(e, ReceiveError::WrongRawLength { .. })
            }),
            // first pair fine, second pair truncated: atomic decode leaves the page
            (PageRecord::Xbzrle(&[0x00, 0x01, 0xaa, 0x05]), |e| {
                matches!(e, ReceiveError::Decode(_))
            }),
            (PageRecord::Xbzrle(&[0xff, 0x7f, 0x01, 0xaa]), |e| {
                matches!(e, ReceiveError::Decode(_))
            }),
        ];
        for (rec, ok) in cases {
            let e = rx.apply(rec, &mut page).unwrap_err();
            assert!(ok(&e), "{e:?}");
            assert!(!e.to_string().is_empty());
            assert_eq!(page, orig);
        }
        assert!(matches!(
            rx.apply(PageRecord::Zero, &mut page[..P - 1]),
            Err(ReceiveError::WrongPageLength { .. })
        ));
        assert!(Receiver::new(0).is_err());
        assert!(Receiver::new(crate::MAX_PAGE_SIZE + 1).is_err());
    }

    /// Why the invariant matters: encoding against a copy that is not what the receiver
    /// holds (here: the cache was not updated after an overflow sent the page raw)
    /// silently corrupts the receiver's page.
    #[test]
    fn stale_cache_copy_corrupts_the_receiver() {
        let rx = Receiver::new(P).unwrap();
        let v1 = random_page(10); // cached and held by the receiver
        let v2 = random_page(11); // all changed: overflow, sent raw; receiver holds v2
        let mut v3 = v1.clone(); // the guest then writes v1 back, but for one byte
        v3[5] ^= 1;
        let mut out = vec![0u8; P];
        assert_eq!(
            crate::encode(&v1, &v2, &mut out),
            Err(EncodeError::Overflow)
        );

        // the right way (what Sender does): the cache was updated to v2
        let mut s = Sender::new(P, P).unwrap();
        let mut dst = vec![0u8; P];
        for v in [&v1, &v2, &v3] {
            rx.apply(s.send_page(9, v), &mut dst).unwrap();
            assert_eq!(&dst, v);
        }

        // the broken way: the cache still holds v1 after the overflow; the delta v1 -> v3
        // is one byte, valid, and applied to v2 it produces a page that is neither.
        let mut dst = v2.clone();
        let n = crate::encode(&v1, &v3, &mut out).unwrap();
        assert_eq!(n, 3);
        rx.apply(PageRecord::Xbzrle(&out[..n]), &mut dst).unwrap();
        assert_ne!(dst, v3, "a stale base must corrupt the receiver");
    }

    proptest::proptest! {
        /// Issue 10 item 4, migrate part: `Receiver::apply` leaves the page unchanged on
        /// any `Err` (wrong page or raw length, payload too long, invalid payload), and
        /// `Sender::resize_cache` leaves the sender's cache unchanged on `Err`.
        #[test]
        fn any_err_leaves_the_state_unchanged(
            ps in 1usize..64,
            page_len in 0usize..70,
            kind in 0u8..4,
            data in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..140),
            budget in proptest::prop_oneof![0usize..300, proptest::strategy::Just(usize::MAX)],
        ) {
            let rx = Receiver::new(ps).unwrap();
            let mut page: Vec<u8> = (0..page_len).map(|i| i as u8 ^ 0x5a).collect();
            let before = page.clone();
            let rec = match kind {
                0 => PageRecord::Unchanged,
                1 => PageRecord::Zero,
                2 => PageRecord::Raw(&data),
                _ => PageRecord::Xbzrle(&data),
            };
            if rx.apply(rec, &mut page).is_err() {
                proptest::prop_assert_eq!(&page, &before);
            }

            let mut tx = Sender::new(4 * ps, ps).unwrap();
            let pg: Vec<u8> = (0..ps).map(|i| (i + 1) as u8).collect();
            for n in 0..6 {
                let _ = tx.send_page(n, &pg);
            }
            let (slots, len, cached): (usize, usize, Vec<Option<Vec<u8>>>) = (
                tx.cache().slots(),
                tx.cache().len(),
                (0..6).map(|n| tx.cache().peek(n).map(<[u8]>::to_vec)).collect(),
            );
            if tx.resize_cache(budget).is_err() {
                proptest::prop_assert_eq!(tx.cache().slots(), slots);
                proptest::prop_assert_eq!(tx.cache().len(), len);
                let now: Vec<Option<Vec<u8>>> =
                    (0..6).map(|n| tx.cache().peek(n).map(<[u8]>::to_vec)).collect();
                proptest::prop_assert_eq!(now, cached);
            }
        }
    }
}
