//! The chunk payload: [`Round::encode`] on the source, [`Applier::apply`] on the
//! destination. The byte layout is documented in `docs/parallel-migration.md` and in
//! the [module docs](super).

use core::fmt;
use std::io::{self, Read, Write};
use std::vec::Vec;

use super::guest::{GuestRead, GuestWrite, MemoryError};
use super::range::{check_ranges, MemoryRange, RangeError};
use crate::cache::{CacheError, SharedCache, SlotGuard};
use crate::migrate::{Counters, Decision};
use crate::{DecodeError, EncodeError, Encoder};

/// First two bytes of every chunk payload: `"XB"`.
pub const PAYLOAD_MAGIC: [u8; 2] = *b"XB";
/// Version of the chunk payload format written by this crate (byte 2).
pub const PAYLOAD_VERSION: u8 = 1;
/// Record tag: the page equals what the destination holds; nothing follows.
pub const TAG_UNCHANGED: u8 = 0x00;
/// Record tag: the page is all zero; nothing follows.
pub const TAG_ZERO: u8 = 0x01;
/// Record tag: the whole page follows, `page_size` bytes.
pub const TAG_RAW: u8 = 0x02;
/// Record tag: an XBZRLE delta follows: its length (u16, little-endian, 1 to
/// `page_size`), then the delta.
pub const TAG_XBZRLE: u8 = 0x03;
/// The byte after the last record of a payload.
pub const PAYLOAD_END: u8 = 0xE0;

/// The kind of a round: what the source may send and how the cache is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RoundKind {
    /// Iteration 0: every page is sent zero or raw; the cache is not used or filled
    /// (QEMU does not cache before its first full pass either).
    Bulk,
    /// An iteration of the live phase: XBZRLE against the shared cache, which is updated
    /// to what the destination will hold.
    Delta,
    /// The last round, with the guest paused: as `Delta` (the cache stays consistent, so
    /// that a later round, such as cloud-hypervisor's post-snapshot round, is still
    /// correct).
    Final,
}

impl RoundKind {
    /// The byte that stands for this kind in a payload header (0, 1, 2).
    pub fn to_byte(self) -> u8 {
        match self {
            RoundKind::Bulk => 0,
            RoundKind::Delta => 1,
            RoundKind::Final => 2,
        }
    }

    /// The kind for a payload header byte.
    pub fn from_byte(b: u8) -> Option<RoundKind> {
        match b {
            0 => Some(RoundKind::Bulk),
            1 => Some(RoundKind::Delta),
            2 => Some(RoundKind::Final),
            _ => None,
        }
    }
}

/// What one chunk contained (returned by [`Round::encode`] and [`Applier::apply`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ChunkStats {
    /// Pages in the chunk.
    pub pages: u64,
    /// Pages sent as "unchanged".
    pub unchanged: u64,
    /// Pages sent as zero pages.
    pub zero: u64,
    /// Pages sent raw.
    pub raw: u64,
    /// Pages sent as XBZRLE deltas.
    pub xbzrle: u64,
    /// Payload bytes written or read, header and end byte included.
    pub bytes: u64,
}

impl ChunkStats {
    /// Adds `other`'s counts to these.
    pub fn add(&mut self, other: &ChunkStats) {
        self.pages += other.pages;
        self.unchanged += other.unchanged;
        self.zero += other.zero;
        self.raw += other.raw;
        self.xbzrle += other.xbzrle;
        self.bytes += other.bytes;
    }
}

/// Why [`Round::encode`] failed. The payload written so far is incomplete; and since the
/// cache was already updated for the pages of this chunk that were encoded, the
/// destination must not be assumed to hold them: call [`SharedCache::clear`] before
/// sending these ranges again (or abort the migration).
#[derive(Debug)]
pub enum SendError {
    /// The range table was refused (nothing was read or written).
    Ranges(RangeError),
    /// A range is outside guest memory (nothing was written).
    Memory(MemoryError),
    /// The writer failed.
    Io(io::Error),
}

impl fmt::Display for SendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SendError::Ranges(e) => write!(f, "cannot send chunk: {e}"),
            SendError::Memory(e) => write!(f, "cannot send chunk: {e}"),
            SendError::Io(e) => write!(f, "cannot send chunk: write failed: {e}"),
        }
    }
}

impl std::error::Error for SendError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SendError::Ranges(e) => Some(e),
            SendError::Memory(e) => Some(e),
            SendError::Io(e) => Some(e),
        }
    }
}

impl From<io::Error> for SendError {
    fn from(e: io::Error) -> Self {
        SendError::Io(e)
    }
}

/// One round of a migration on the source, shared by the engine's worker threads
/// (`&Round` is `Send + Sync`): each thread calls [`encode`](Self::encode) for the
/// chunks it takes, writing to the connection it owns.
///
/// Creating a round starts the cache's next round
/// ([`SharedCache::advance_round`]): create exactly one per dirty-bitmap sync.
///
/// # Example
/// ```
/// use xbzrle::cache::SharedCache;
/// use xbzrle::parallel::{Applier, MemoryRange, OwnedMemory, Round, RoundKind, GuestWrite};
///
/// let src = OwnedMemory::new(0, 16 * 4096);
/// let dst = OwnedMemory::new(0, 16 * 4096);
/// let cache = SharedCache::new(1 << 20, 4096)?;
/// let applier = Applier::new(4096)?;
/// let all = [MemoryRange::new(0, 16 * 4096)];
///
/// src.write_from(0, &[1; 4096 * 16])?;
/// for (kind, dirty) in [(RoundKind::Bulk, all), (RoundKind::Delta, all), (RoundKind::Final, all)] {
///     let round = Round::new(&cache, kind);
///     let mut wire = Vec::new();
///     round.encode(&src, &dirty, &mut wire)?;
///     applier.apply(&dst, &dirty, &mut &wire[..])?;
///     assert_eq!(dst.to_vec(), src.to_vec());
///     src.write_from(100, b"the guest writes")?; // dirties page 0
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Round<'c> {
    cache: &'c SharedCache,
    kind: RoundKind,
    encoder: Encoder,
}

/// Output buffer size: payload bytes are gathered and written in pieces of about this
/// size, so a socket sees few large writes.
const OUT_BUF: usize = 64 * 1024;

/// The payload being gathered: `buf[..len]`. `buf` keeps its length (`OUT_BUF` + one
/// record + the header and end byte), allocated and zeroed once per chunk, so a record
/// is built in place (a page read into it, a delta encoded into it) without zeroing
/// its room first. `len < OUT_BUF` between records (`maybe_flush`), so one more record
/// (at most 3 + page size bytes) and the end byte always fit.
struct Out<'w, W: Write + ?Sized> {
    w: &'w mut W,
    buf: Vec<u8>,
    len: usize,
    written: u64,
}

impl<'w, W: Write + ?Sized> Out<'w, W> {
    fn new(w: &'w mut W, page_size: usize) -> Self {
        Out {
            w,
            buf: std::vec![0u8; OUT_BUF + page_size + 8],
            len: 0,
            written: 0,
        }
    }
    #[inline]
    fn push(&mut self, b: u8) {
        self.buf[self.len] = b;
        self.len += 1;
    }
    #[inline]
    fn extend(&mut self, bytes: &[u8]) {
        self.buf[self.len..self.len + bytes.len()].copy_from_slice(bytes);
        self.len += bytes.len();
    }
    #[inline]
    fn maybe_flush(&mut self) -> io::Result<()> {
        if self.len >= OUT_BUF {
            self.flush_buf()?;
        }
        Ok(())
    }
    fn flush_buf(&mut self) -> io::Result<()> {
        self.w.write_all(&self.buf[..self.len])?;
        self.written += self.len as u64;
        self.len = 0;
        Ok(())
    }
}

impl<'c> Round<'c> {
    /// A round of `kind` over `cache`, with the fastest encoder kernel of this CPU.
    /// Starts the cache's next round.
    pub fn new(cache: &'c SharedCache, kind: RoundKind) -> Round<'c> {
        Round::with_encoder(cache, kind, Encoder::new())
    }

    /// Like [`new`](Self::new), with a chosen encoder (kernel).
    pub fn with_encoder(cache: &'c SharedCache, kind: RoundKind, encoder: Encoder) -> Round<'c> {
        cache.advance_round();
        Round {
            cache,
            kind,
            encoder,
        }
    }

    /// The round's kind.
    pub fn kind(&self) -> RoundKind {
        self.kind
    }

    /// The page size (the cache's).
    pub fn page_size(&self) -> usize {
        self.cache.page_size()
    }

    /// The cache.
    pub fn cache(&self) -> &'c SharedCache {
        self.cache
    }

    /// Writes the payload for one chunk of pages — `ranges`, a table as
    /// [`check_ranges`] accepts, in its order — to `w`, reading each page of `mem` into
    /// a private copy first. Callable from any number of threads at once, with disjoint
    /// pages (the ranges of one round should be disjoint: [`normalize`](super::normalize)).
    /// Writes with `write_all` in pieces of about 64 KiB, then flushes `w`.
    ///
    /// A page that is in two chunks of one delta or final round is sent once: its
    /// second record is "unchanged" when the cache shows it was already sent in this
    /// round, so that two deltas for one page are never in flight on two connections
    /// (the destination could apply them in either order). A page that could not be
    /// cached (busy slot) is sent raw or zero both times, which either order gets right
    /// for a paused guest; a running guest dirties it again for the next round. A bulk
    /// round forgets any cached copy of the pages it sends.
    ///
    /// Allocates the output buffer (about 64 KiB) per call, never per page (each page
    /// is read into the spare page of its cache shard).
    ///
    /// # Errors
    /// See [`SendError`]; ranges are checked against `mem` before anything is written.
    pub fn encode<M, W>(
        &self,
        mem: &M,
        ranges: &[MemoryRange],
        w: &mut W,
    ) -> Result<ChunkStats, SendError>
    where
        M: GuestRead + ?Sized,
        W: Write + ?Sized,
    {
        let ps = self.page_size();
        let npages = check_ranges(ranges, ps).map_err(SendError::Ranges)?;
        for r in ranges {
            mem.check_range(r.gpa, r.length)
                .map_err(SendError::Memory)?;
        }
        let declared = u32::try_from(npages).map_err(|_| {
            SendError::Io(io::Error::new(
                io::ErrorKind::InvalidInput,
                "a chunk holds at most 2^32 - 1 pages",
            ))
        })?;
        let mut out = Out::new(w, ps);
        out.extend(&PAYLOAD_MAGIC);
        out.push(PAYLOAD_VERSION);
        out.push(self.kind.to_byte());
        out.extend(&declared.to_le_bytes());
        let mut stats = ChunkStats {
            pages: npages,
            ..ChunkStats::default()
        };
        match self.kind {
            RoundKind::Bulk => self.encode_bulk(mem, ranges, &mut out, &mut stats)?,
            RoundKind::Delta | RoundKind::Final => {
                self.encode_delta(mem, ranges, &mut out, &mut stats)?
            }
        }
        out.push(PAYLOAD_END);
        out.flush_buf()?;
        out.w.flush()?;
        stats.bytes = out.written;
        Ok(stats)
    }

    fn encode_bulk<M, W>(
        &self,
        mem: &M,
        ranges: &[MemoryRange],
        out: &mut Out<'_, W>,
        stats: &mut ChunkStats,
    ) -> Result<(), SendError>
    where
        M: GuestRead + ?Sized,
        W: Write + ?Sized,
    {
        let ps = self.page_size();
        // A bulk page is not cached, and an older cached copy of it must go: the
        // destination is about to hold the new contents, and a later delta against the
        // old copy would write only the runs that differ from it (a bulk round after
        // delta rounds: a region sent again whole). Checked once per chunk, so the
        // usual first pass over an empty cache takes no lock per page.
        let pinned = self.cache.pin();
        let forget = !pinned.is_empty();
        for r in ranges {
            let mut gpa = r.gpa;
            while gpa < r.end() {
                if forget {
                    let page_no = gpa / ps as u64;
                    pinned.slot(page_no).remove(page_no);
                }
                // the page is read straight into the output buffer (our private copy):
                // the zero check sees only that copy
                let at = out.len;
                let page = &mut out.buf[at + 1..at + 1 + ps];
                mem.read_into(gpa, page).map_err(SendError::Memory)?;
                if crate::is_zero_page(page) {
                    out.push(TAG_ZERO);
                    stats.zero += 1;
                } else {
                    out.buf[at] = TAG_RAW;
                    out.len = at + 1 + ps;
                    stats.raw += 1;
                }
                out.maybe_flush()?;
                gpa += ps as u64;
            }
        }
        Ok(())
    }

    fn encode_delta<M, W>(
        &self,
        mem: &M,
        ranges: &[MemoryRange],
        out: &mut Out<'_, W>,
        stats: &mut ChunkStats,
    ) -> Result<(), SendError>
    where
        M: GuestRead + ?Sized,
        W: Write + ?Sized,
    {
        let ps = self.page_size();
        let mut counters = Counters::default();
        let pinned = self.cache.pin();
        let res = (|| {
            for r in ranges {
                let mut gpa = r.gpa;
                while gpa < r.end() {
                    let page_no = gpa / ps as u64;
                    // room for tag + length + one page: the record is built in place
                    let at = out.len;
                    let rec = &mut out.buf[at..at + 3 + ps];
                    let (d, n) = {
                        let mut slot = pinned.slot(page_no);
                        if slot.sent_this_round(page_no) {
                            // The page is already in another payload of this round
                            // (ranges not normalized across chunks, such as the union
                            // of two dirty sets): a second delta could reach the
                            // destination first. "Unchanged" is right whichever
                            // payload is applied first, and the cache keeps what the
                            // first one sent; if the guest wrote the page since, it is
                            // dirty again for the next round.
                            rec[0] = TAG_UNCHANGED;
                            (Decision::Unchanged, 1)
                        } else {
                            self.record(&mut slot, mem, gpa, page_no, rec, &mut counters)
                                .map_err(SendError::Memory)?
                        }
                    };
                    out.len = at + n;
                    match d {
                        Decision::Unchanged => stats.unchanged += 1,
                        Decision::Zero => stats.zero += 1,
                        Decision::Raw => stats.raw += 1,
                        Decision::Xbzrle(_) => stats.xbzrle += 1,
                    }
                    out.maybe_flush()?;
                    gpa += ps as u64;
                }
            }
            Ok(())
        })();
        pinned.add_counters(&counters);
        res
    }

    /// One page of a delta round, with its shard locked: the sending decision of
    /// docs/format.md §6 (as `migrate::decide`, which the single-threaded `Sender` uses;
    /// a test checks they agree), written as a record into `rec` (3 + page size bytes);
    /// returns the decision and the record's length.
    ///
    /// The page is read into the shard's spare page (the stable copy everything looks
    /// at); when it becomes the cached copy (cache miss with a free slot, XBZRLE,
    /// overflow) the spare and the slot swap their pages instead of copying.
    fn record<M: GuestRead + ?Sized>(
        &self,
        slot: &mut SlotGuard<'_>,
        mem: &M,
        gpa: u64,
        page_no: u64,
        rec: &mut [u8],
        c: &mut Counters,
    ) -> Result<(Decision, usize), MemoryError> {
        let ps = rec.len() - 3;
        mem.read_into(gpa, slot.spare_mut())?;
        if crate::is_zero_page(slot.spare()) {
            c.zero_pages += 1;
            // the receiver will hold zeros; a busy slot keeps another page, which is fine
            // (the spare is all zero: swapped in, it is the zero page's cached copy)
            if slot.claim(page_no) {
                slot.swap_spare();
            }
            rec[0] = TAG_ZERO;
            return Ok((Decision::Zero, 1));
        }
        c.lookups += 1;
        if !slot.lookup_in_place(page_no) {
            c.cache_miss += 1;
            c.raw_pages += 1;
            // cache what we send if the aging rule lets us; otherwise send it uncached
            let current = if slot.claim(page_no) {
                slot.swap_spare();
                slot.cached()
            } else {
                slot.spare()
            };
            rec[0] = TAG_RAW;
            rec[1..1 + ps].copy_from_slice(current);
            return Ok((Decision::Raw, 1 + ps));
        }
        match self
            .encoder
            .encode(slot.cached(), slot.spare(), &mut rec[3..3 + ps])
        {
            Ok(0) => {
                c.unchanged += 1;
                rec[0] = TAG_UNCHANGED;
                Ok((Decision::Unchanged, 1))
            }
            Ok(len) => {
                slot.swap_spare();
                c.pages += 1;
                c.bytes += len as u64 + 3;
                c.payload_bytes += len as u64;
                rec[0] = TAG_XBZRLE;
                // len <= page size <= 16384 fits in u16
                rec[1..3].copy_from_slice(&(len as u16).to_le_bytes());
                Ok((Decision::Xbzrle(len), 3 + len))
            }
            Err(EncodeError::Overflow) => {
                // the receiver will hold the raw page: so must the cache
                slot.swap_spare();
                c.overflow += 1;
                c.raw_pages += 1;
                c.bytes += ps as u64;
                rec[0] = TAG_RAW;
                rec[1..1 + ps].copy_from_slice(slot.cached());
                Ok((Decision::Raw, 1 + ps))
            }
            Err(e @ (EncodeError::LengthMismatch { .. } | EncodeError::PageTooLarge { .. })) => {
                unreachable!("page size was validated at construction: {e}")
            }
        }
    }
}

/// What was wrong with a payload that [`Applier::apply`] refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApplyErrorKind {
    /// The range table was refused (nothing was read or written).
    Ranges(RangeError),
    /// A range is outside the destination's memory (nothing was read or written), or
    /// the memory refused a write.
    Memory(MemoryError),
    /// The payload ended early (the reader reported end of file).
    Truncated,
    /// The reader failed with this error.
    Io(io::ErrorKind),
    /// The first two bytes are not [`PAYLOAD_MAGIC`].
    BadMagic,
    /// A payload version this crate does not read.
    BadVersion(u8),
    /// A round-kind byte that is not 0, 1 or 2.
    BadRoundKind(u8),
    /// The header's page count is not the number of pages of the range table.
    PageCount {
        /// The count in the header.
        declared: u32,
        /// The pages of the range table.
        expected: u64,
    },
    /// An unknown record tag.
    BadTag(u8),
    /// A record that a bulk payload cannot carry (unchanged, XBZRLE: the destination
    /// holds nothing to apply them to in iteration 0).
    NotInBulk(u8),
    /// An XBZRLE length of 0 or longer than a page.
    BadDeltaLength(u16),
    /// The XBZRLE delta is invalid (its own offset is within the delta).
    Delta(DecodeError),
    /// The byte after the last record is not [`PAYLOAD_END`].
    BadEnd(u8),
}

impl fmt::Display for ApplyErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            ApplyErrorKind::Ranges(e) => e.fmt(f),
            ApplyErrorKind::Memory(e) => e.fmt(f),
            ApplyErrorKind::Truncated => f.write_str("payload truncated"),
            ApplyErrorKind::Io(k) => write!(f, "read failed: {k}"),
            ApplyErrorKind::BadMagic => f.write_str("not a chunk payload (bad magic)"),
            ApplyErrorKind::BadVersion(v) => write!(f, "unsupported payload version {v}"),
            ApplyErrorKind::BadRoundKind(k) => write!(f, "unknown round kind {k}"),
            ApplyErrorKind::PageCount { declared, expected } => write!(
                f,
                "payload declares {declared} pages, the range table has {expected}"
            ),
            ApplyErrorKind::BadTag(t) => write!(f, "unknown record tag {t:#04x}"),
            ApplyErrorKind::NotInBulk(t) => {
                write!(f, "record tag {t:#04x} is not allowed in a bulk payload")
            }
            ApplyErrorKind::BadDeltaLength(n) => {
                write!(f, "XBZRLE record length {n} is 0 or longer than a page")
            }
            ApplyErrorKind::Delta(e) => e.fmt(f),
            ApplyErrorKind::BadEnd(b) => {
                write!(f, "expected the end-of-payload byte 0xe0, found {b:#04x}")
            }
        }
    }
}

/// A payload that [`Applier::apply`] refused: where and why. Every page before
/// [`page`](Self::page) was applied; that page and the ones after it were not touched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApplyError {
    pub(crate) kind: ApplyErrorKind,
    pub(crate) offset: u64,
    pub(crate) page: Option<u64>,
    pub(crate) chunk: Option<u64>,
}

impl ApplyError {
    pub(crate) fn new(kind: ApplyErrorKind, offset: u64, page: Option<u64>) -> ApplyError {
        ApplyError {
            kind,
            offset,
            page,
            chunk: None,
        }
    }

    /// Why the payload was refused.
    pub fn kind(&self) -> ApplyErrorKind {
        self.kind
    }

    /// Byte offset in the payload of the field that was refused (for a bad delta: of its
    /// record's tag; the delta's own offset is in the [`DecodeError`]).
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// Guest-physical address of the page whose record was refused, if the error is
    /// about one page.
    pub fn page(&self) -> Option<u64> {
        self.page
    }

    /// The chunk's sequence number, when known (the standalone [stream](super::stream)
    /// fills it in).
    pub fn chunk(&self) -> Option<u64> {
        self.chunk
    }
}

impl fmt::Display for ApplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("chunk payload refused")?;
        if let Some(c) = self.chunk {
            write!(f, " (chunk {c})")?;
        }
        write!(f, " at byte {}", self.offset)?;
        if let Some(p) = self.page {
            write!(f, ", page {p:#x}")?;
        }
        write!(f, ": {}", self.kind)
    }
}

impl std::error::Error for ApplyError {}

/// The destination side: applies chunk payloads to guest memory through
/// [`GuestWrite`]. Needs no cache (the destination's memory is the old copy); `&Applier`
/// is shared by the engine's receiving threads.
///
/// Every page is applied atomically: a raw page or a delta is read whole (at most one
/// page of bytes) and validated before the first byte of guest memory is written; for a
/// delta only its literal runs are written. Nothing is written outside `ranges`, and no
/// allocation depends on a length read from the payload.
///
/// # Example
/// ```
/// use xbzrle::parallel::{Applier, ApplyErrorKind, MemoryRange, OwnedMemory};
/// let dst = OwnedMemory::new(0, 4096);
/// let applier = Applier::new(4096)?;
/// let one = [MemoryRange::new(0, 4096)];
/// // header (delta round, 1 page), an XBZRLE record that sets byte 100, end byte
/// let payload = [b'X', b'B', 1, 1, 1, 0, 0, 0, 0x03, 3, 0, 0x64, 0x01, 0xaa, 0xe0];
/// applier.apply(&dst, &one, &mut &payload[..])?;
/// assert_eq!(dst.to_vec()[100], 0xaa);
///
/// let err = applier.apply(&dst, &one, &mut &payload[..12]).unwrap_err();
/// assert_eq!(err.kind(), ApplyErrorKind::Truncated);
/// assert_eq!((err.offset(), err.page()), (8, Some(0)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Applier {
    page_size: usize,
}

/// Reads exactly `buf.len()` bytes at payload offset `*pos`.
fn read_at<R: Read + ?Sized>(
    r: &mut R,
    buf: &mut [u8],
    pos: &mut u64,
    field: u64,
    page: Option<u64>,
) -> Result<(), ApplyError> {
    match r.read_exact(buf) {
        Ok(()) => {
            *pos += buf.len() as u64;
            Ok(())
        }
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
            Err(ApplyError::new(ApplyErrorKind::Truncated, field, page))
        }
        Err(e) => Err(ApplyError::new(ApplyErrorKind::Io(e.kind()), field, page)),
    }
}

impl Applier {
    /// An applier for pages of `page_size` bytes.
    ///
    /// # Errors
    /// [`CacheError::BadPageSize`] for 0 or more than
    /// [`MAX_PAGE_SIZE`](crate::MAX_PAGE_SIZE).
    pub fn new(page_size: usize) -> Result<Applier, CacheError> {
        if page_size == 0 || page_size > crate::MAX_PAGE_SIZE {
            return Err(CacheError::BadPageSize { page_size });
        }
        Ok(Applier { page_size })
    }

    /// The page size.
    pub fn page_size(&self) -> usize {
        self.page_size
    }

    /// Reads one chunk payload from `r` for the pages of `ranges` (the same table, in the
    /// same order, as the source encoded) and applies it to `mem`. Reads exactly the
    /// payload and not one byte more, so `r` may be a buffered reader shared by the
    /// following chunks (with a socket, use a `BufReader`: the applier reads a record at
    /// a time).
    ///
    /// # Errors
    /// [`ApplyError`], with the byte offset and page. Pages before that page were
    /// applied; it and the ones after were not touched.
    pub fn apply<M, R>(
        &self,
        mem: &M,
        ranges: &[MemoryRange],
        r: &mut R,
    ) -> Result<ChunkStats, ApplyError>
    where
        M: GuestWrite + ?Sized,
        R: Read + ?Sized,
    {
        use ApplyErrorKind as K;
        let ps = self.page_size;
        let expected =
            check_ranges(ranges, ps).map_err(|e| ApplyError::new(K::Ranges(e), 0, None))?;
        for r in ranges {
            mem.check_range(r.gpa, r.length)
                .map_err(|e| ApplyError::new(K::Memory(e), 0, Some(r.gpa)))?;
        }
        let mut pos = 0u64;
        let mut head = [0u8; 8];
        read_at(r, &mut head, &mut pos, 0, None)?;
        if head[..2] != PAYLOAD_MAGIC {
            return Err(ApplyError::new(K::BadMagic, 0, None));
        }
        if head[2] != PAYLOAD_VERSION {
            return Err(ApplyError::new(K::BadVersion(head[2]), 2, None));
        }
        let kind = RoundKind::from_byte(head[3]).ok_or(ApplyError::new(
            K::BadRoundKind(head[3]),
            3,
            None,
        ))?;
        let declared = u32::from_le_bytes([head[4], head[5], head[6], head[7]]);
        if u64::from(declared) != expected {
            return Err(ApplyError::new(
                K::PageCount { declared, expected },
                4,
                None,
            ));
        }
        let mut stats = ChunkStats {
            pages: expected,
            ..ChunkStats::default()
        };
        // the only buffer: one page, whatever the payload says
        let mut buf = std::vec![0u8; ps];
        for range in ranges {
            let mut gpa = range.gpa;
            while gpa < range.end() {
                let at = pos;
                let page = Some(gpa);
                let mut tag = [0u8; 1];
                read_at(r, &mut tag, &mut pos, at, page)?;
                let tag = tag[0];
                if kind == RoundKind::Bulk && !matches!(tag, TAG_ZERO | TAG_RAW) {
                    let k = if tag <= TAG_XBZRLE {
                        K::NotInBulk(tag)
                    } else {
                        K::BadTag(tag)
                    };
                    return Err(ApplyError::new(k, at, page));
                }
                let mem_err = |e| ApplyError::new(K::Memory(e), at, page);
                match tag {
                    TAG_UNCHANGED => stats.unchanged += 1,
                    TAG_ZERO => {
                        mem.write_zeros(gpa, ps as u64).map_err(mem_err)?;
                        stats.zero += 1;
                    }
                    TAG_RAW => {
                        read_at(r, &mut buf, &mut pos, at, page)?;
                        mem.write_from(gpa, &buf).map_err(mem_err)?;
                        stats.raw += 1;
                    }
                    TAG_XBZRLE => {
                        let mut len = [0u8; 2];
                        read_at(r, &mut len, &mut pos, at, page)?;
                        let n = u16::from_le_bytes(len);
                        if n == 0 || usize::from(n) > ps {
                            return Err(ApplyError::new(K::BadDeltaLength(n), at + 1, page));
                        }
                        let delta = &mut buf[..usize::from(n)];
                        read_at(r, delta, &mut pos, at, page)?;
                        // validated whole before anything is written; then only the
                        // literal runs are written
                        match crate::decode::for_each_literal(delta, ps, |d, lit| {
                            mem.write_from(gpa + d as u64, lit)
                        }) {
                            Ok(Ok(_)) => {}
                            Ok(Err(e)) => return Err(mem_err(e)),
                            Err(e) => return Err(ApplyError::new(K::Delta(e), at, page)),
                        }
                        stats.xbzrle += 1;
                    }
                    other => return Err(ApplyError::new(K::BadTag(other), at, page)),
                }
                gpa += ps as u64;
            }
        }
        let at = pos;
        let mut end = [0u8; 1];
        read_at(r, &mut end, &mut pos, at, None)?;
        if end[0] != PAYLOAD_END {
            return Err(ApplyError::new(K::BadEnd(end[0]), at, None));
        }
        stats.bytes = pos;
        Ok(stats)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parallel::{GuestWrite, OwnedMemory};

    const PS: usize = 4096;

    fn send(round: &Round<'_>, src: &OwnedMemory, ranges: &[MemoryRange]) -> Vec<u8> {
        let mut wire = Vec::new();
        round.encode(src, ranges, &mut wire).unwrap();
        wire
    }

    fn recv(dst: &OwnedMemory, ranges: &[MemoryRange], wire: &[u8]) -> ChunkStats {
        Applier::new(PS)
            .unwrap()
            .apply(dst, ranges, &mut &wire[..])
            .unwrap()
    }

    /// Regression (review of issue 12 item 1): the same page in two chunks of one round
    /// gave two deltas; applied in the other order on the destination (two connections),
    /// they left a page that matched neither, and the cache then disagreed with the
    /// destination for good.
    #[test]
    fn a_page_in_two_chunks_of_a_round_is_sent_once() {
        let src = OwnedMemory::from_bytes(0, &[1u8; 2 * PS]);
        let dst = OwnedMemory::new(0, 2 * PS);
        let cache = SharedCache::new(16 * PS, PS).unwrap();
        let all = [MemoryRange::new(0, 2 * PS as u64)];
        let page0 = [MemoryRange::new(0, PS as u64)];
        recv(
            &dst,
            &all,
            &send(&Round::new(&cache, RoundKind::Bulk), &src, &all),
        );
        let r = Round::new(&cache, RoundKind::Delta);
        recv(&dst, &all, &send(&r, &src, &all)); // cached now (raw: first lookup misses)

        let r = Round::new(&cache, RoundKind::Delta);
        src.write_from(0, &[2; 10]).unwrap();
        let first = send(&r, &src, &page0);
        src.write_from(5, &[3; 15]).unwrap(); // the guest writes again: dirty again
        let second = send(&r, &src, &page0);
        // the second record of page 0 is "unchanged", whatever the guest did meanwhile
        assert_eq!(second[8], TAG_UNCHANGED);
        // the other connection delivers first
        assert_eq!(recv(&dst, &page0, &second).unchanged, 1);
        assert_eq!(recv(&dst, &page0, &first).xbzrle, 1);
        let mut cached = [0u8; PS];
        assert!(cache.copy_out(0, &mut cached));
        assert_eq!(dst.to_vec()[..PS], cached, "cache = destination");

        // the next round (page 0 was dirtied again) brings the destination up to date
        let r = Round::new(&cache, RoundKind::Final);
        recv(&dst, &page0, &send(&r, &src, &page0));
        assert_eq!(dst.to_vec(), src.to_vec());
    }

    /// Regression (review, item 1): a bulk round sent a page raw but left an older cached
    /// copy of it; the next delta was encoded against that stale copy and wrote only the
    /// runs that differ from it.
    #[test]
    fn bulk_round_forgets_cached_copies() {
        let src = OwnedMemory::from_bytes(0, &[1u8; PS]);
        let dst = OwnedMemory::new(0, PS);
        let cache = SharedCache::new(16 * PS, PS).unwrap();
        let one = [MemoryRange::new(0, PS as u64)];
        for kind in [RoundKind::Bulk, RoundKind::Delta] {
            recv(&dst, &one, &send(&Round::new(&cache, kind), &src, &one));
        }
        assert!(cache.contains(0));
        // a second bulk pass (a region sent whole again) with new contents
        src.write_from(0, &[2; PS]).unwrap();
        recv(
            &dst,
            &one,
            &send(&Round::new(&cache, RoundKind::Bulk), &src, &one),
        );
        assert!(!cache.contains(0), "bulk pages are not cached");
        // now equal to the stale copy except byte 0
        src.write_from(0, &[1; PS]).unwrap();
        src.write_from(0, &[9]).unwrap();
        let stats = recv(
            &dst,
            &one,
            &send(&Round::new(&cache, RoundKind::Delta), &src, &one),
        );
        assert_eq!(stats.raw, 1, "{stats:?}");
        assert_eq!(dst.to_vec(), src.to_vec());
    }

    /// Final rounds update the cache as delta rounds do (unlike QEMU's last stage), so a
    /// round after the final one (cloud-hypervisor's post-snapshot round) is correct.
    #[test]
    fn round_after_final_is_correct() {
        let src = OwnedMemory::from_bytes(0, &[7u8; 4 * PS]);
        let dst = OwnedMemory::new(0, 4 * PS);
        let cache = SharedCache::new(16 * PS, PS).unwrap();
        let all = [MemoryRange::new(0, 4 * PS as u64)];
        let kinds = [
            RoundKind::Bulk,
            RoundKind::Delta,
            RoundKind::Final,
            RoundKind::Delta,
        ];
        let mut xbzrle = 0;
        for (i, kind) in kinds.into_iter().enumerate() {
            // every page changes in every round: a missed cache update shows
            for p in 0..4u64 {
                src.write_from(p * PS as u64 + 17 * i as u64, &[i as u8 + 10; 9])
                    .unwrap();
            }
            xbzrle += recv(&dst, &all, &send(&Round::new(&cache, kind), &src, &all)).xbzrle;
            assert_eq!(dst.to_vec(), src.to_vec(), "after round {i} ({kind:?})");
        }
        assert_eq!(xbzrle, 8, "final and post-final rounds sent deltas");
    }

    /// One thread, one page at a time: a delta round decides exactly as the
    /// single-threaded `Sender` on the same pages with a cache of the same size (same
    /// records, same bytes, same counters), busy slots and overflows included.
    #[test]
    fn rounds_decide_as_the_sender() {
        use crate::migrate::{PageRecord, Sender};
        const PAGES: usize = 48;
        for budget_pages in [1usize, 8, 64] {
            let mut mem = std::vec![0u8; PAGES * PS];
            for (i, b) in mem.iter_mut().enumerate() {
                *b = (i as u32).wrapping_mul(2_654_435_761).to_le_bytes()[3];
            }
            let src = OwnedMemory::from_bytes(0, &mem);
            let mut tx = Sender::new(budget_pages * PS, PS).unwrap();
            let cache = SharedCache::new(budget_pages * PS, PS).unwrap();
            let all = [MemoryRange::new(0, (PAGES * PS) as u64)];
            let mut kinds = [0usize; 4];
            for round in 0..14usize {
                for n in 0..PAGES {
                    let page = &mut mem[n * PS..(n + 1) * PS];
                    match (round * 7 + n * 3) % 8 {
                        0 => page[(n * 31) % PS] ^= 0x5a,
                        1 => page.fill(0),
                        2 => page.iter_mut().for_each(|b| *b = !*b), // overflow
                        3 => page[100..140].fill(round as u8),
                        4 => page.fill(round as u8 | 1),
                        _ => {}
                    }
                }
                src.write_from(0, &mem).unwrap();
                tx.advance_round();
                let mut wire = Vec::new();
                Round::new(&cache, RoundKind::Delta)
                    .encode(&src, &all, &mut wire)
                    .unwrap();
                let mut i = 8;
                for n in 0..PAGES {
                    let rec = tx.send_page(n as u64, &mem[n * PS..(n + 1) * PS]);
                    let (tag, body) = match rec {
                        PageRecord::Unchanged => (TAG_UNCHANGED, &[][..]),
                        PageRecord::Zero => (TAG_ZERO, &[][..]),
                        PageRecord::Raw(b) => (TAG_RAW, b),
                        PageRecord::Xbzrle(b) => (TAG_XBZRLE, b),
                    };
                    kinds[usize::from(tag)] += 1;
                    assert_eq!(wire[i], tag, "budget {budget_pages} round {round} page {n}");
                    i += 1;
                    if tag == TAG_XBZRLE {
                        assert_eq!(wire[i..i + 2], (body.len() as u16).to_le_bytes());
                        i += 2;
                    }
                    assert_eq!(&wire[i..i + body.len()], body);
                    i += body.len();
                }
                assert_eq!(wire[i..], [PAYLOAD_END]);
            }
            assert_eq!(cache.counters(), tx.counters(), "budget {budget_pages}");
            assert!(kinds.iter().all(|&k| k > 0), "{kinds:?}");
        }
    }

    /// The applier writes only the literal runs of a delta (never a whole page over
    /// shared memory), and nothing for a refused record.
    #[test]
    fn applier_writes_only_literal_runs() {
        struct Recording(OwnedMemory, std::sync::Mutex<Vec<(u64, usize)>>);
        impl GuestWrite for Recording {
            fn write_from(&self, gpa: u64, data: &[u8]) -> Result<(), MemoryError> {
                self.1.lock().unwrap().push((gpa, data.len()));
                self.0.write_from(gpa, data)
            }
            fn check_range(&self, gpa: u64, len: u64) -> Result<(), MemoryError> {
                GuestWrite::check_range(&self.0, gpa, len)
            }
        }
        let dst = Recording(OwnedMemory::new(0x10000, 2 * PS), Default::default());
        let ranges = [MemoryRange::new(0x11000, PS as u64)];
        // delta: skip 100, 2 literal bytes; skip 1000, 3 literal bytes
        let mut p = std::vec![b'X', b'B', 1, 1, 1, 0, 0, 0, TAG_XBZRLE, 10, 0];
        p.extend([0x64, 0x02, 0xaa, 0xbb, 0xe8, 0x07, 0x03, 1, 2, 3]);
        p.push(PAYLOAD_END);
        let a = Applier::new(PS).unwrap();
        assert_eq!(a.apply(&dst, &ranges, &mut &p[..]).unwrap().xbzrle, 1);
        assert_eq!(
            *dst.1.lock().unwrap(),
            [(0x11000 + 100, 2), (0x11000 + 1102, 3)]
        );
        // the same delta with its last literal cut short (length 9): refused whole
        dst.1.lock().unwrap().clear();
        p[9] = 9;
        p.remove(p.len() - 2);
        let e = a.apply(&dst, &ranges, &mut &p[..]).unwrap_err();
        assert!(matches!(e.kind(), ApplyErrorKind::Delta(_)), "{e}");
        assert_eq!((e.offset(), e.page()), (8, Some(0x11000)));
        assert!(dst.1.lock().unwrap().is_empty());
    }

    /// The shared cache's counters count what the rounds sent, as the single-threaded
    /// Sender counts it (QEMU's counters), and bulk rounds count nothing.
    #[test]
    fn counters_add_up_across_threads() {
        let src = OwnedMemory::new(0, 64 * PS);
        let cache = SharedCache::new(64 * PS, PS).unwrap();
        let all = [MemoryRange::new(0, 64 * PS as u64)];
        for p in 0..32u64 {
            src.write_from(p * PS as u64, &[p as u8 + 1; 64]).unwrap();
        }
        send(&Round::new(&cache, RoundKind::Bulk), &src, &all);
        assert_eq!(cache.counters(), Counters::default());
        let chunks = crate::parallel::split_chunks(&all, PS, 4 * PS as u64);
        for round in 0..2u8 {
            let r = Round::new(&cache, RoundKind::Delta);
            for p in 0..8u64 {
                src.write_from(p * PS as u64 + 100, &[round + 50; 3])
                    .unwrap();
            }
            std::thread::scope(|s| {
                for part in chunks.chunks(chunks.len() / 4) {
                    let r = &r;
                    let src = &src;
                    s.spawn(move || {
                        for c in part {
                            send(r, src, c);
                        }
                    });
                }
            });
        }
        let c = cache.counters();
        // round 1: 32 misses (raw), 32 zero pages; round 2: 8 deltas, 24 unchanged, 32 zero
        assert_eq!(
            (c.lookups, c.cache_miss, c.raw_pages),
            (64, 32, 32),
            "{c:?}"
        );
        assert_eq!((c.pages, c.unchanged, c.zero_pages), (8, 24, 64), "{c:?}");
        assert_eq!(c.bytes, c.payload_bytes + 3 * 8);
    }
}
