//! A standalone migration stream for engines without a protocol of their own: the chunk
//! payloads of [`Round::encode`] framed with their addresses, over any number of
//! connections, plus [`send_round`] / [`receive_round`], which run one scoped thread per
//! connection on top of the core API.
//!
//! Every byte is documented in `docs/parallel-migration.md` (in the repository). In
//! short, all integers little-endian:
//!
//! * a **header** once per connection: magic `"XBPS"`, version 1, three reserved zero
//!   bytes, the page size (u32), the region count (u32, 1 to [`MAX_REGIONS`]) and the
//!   region table (u64 address, u64 length each);
//! * **chunk** records ([`REC_CHUNK`]): the chunk's number in its round (u64), its range
//!   count (u16, 1 to [`MAX_CHUNK_RANGES`]), the ranges, then the core payload;
//! * an **end-of-round** record ([`REC_END_ROUND`]) with the round kind and the number of
//!   chunk records this connection carried in the round;
//! * an **end-of-migration** record ([`REC_END_MIGRATION`]) with the number of rounds.
//!
//! The receiver ([`StreamReader`]) trusts nothing it reads: the region table must be
//! inside the destination's memory, every range of a chunk inside one region, ranges
//! sorted and disjoint, counts bounded before anything is allocated (what a stream can
//! make a receiver allocate: the header's region table, at most 1024 × 16 bytes, and
//! the 256-entry range table, once per connection; one page per chunk, the applier's
//! buffer), and every error is a
//! [`StreamError`] with the byte offset in the connection's stream. It never panics.
//!
//! Pages of one round must be disjoint across all connections ([`send_round`] normalizes
//! its table); a receiver cannot check that across connections without a bitmap of
//! all guest memory, so it does not: a duplicated page is a sender bug, not a memory
//! safety issue (every write is still inside the region table).
//!
//! # Example: two connections, three rounds
//! ```
//! use xbzrle::cache::SharedCache;
//! use xbzrle::parallel::stream::{self, StreamHeader, StreamReader, StreamWriter};
//! use xbzrle::parallel::{Applier, GuestWrite, MemoryRange, OwnedMemory, RoundKind};
//!
//! const PS: usize = 4096;
//! let src = OwnedMemory::new(0, 64 * PS);
//! let dst = OwnedMemory::new(0, 64 * PS);
//! let cache = SharedCache::new(64 * PS, PS)?;
//! let header = StreamHeader::new(PS, vec![MemoryRange::new(0, 64 * PS as u64)])?;
//!
//! // source: two "connections" (any `io::Write + Send`, e.g. a TcpStream)
//! let mut conns = vec![StreamWriter::new(Vec::new(), &header)?, StreamWriter::new(Vec::new(), &header)?];
//! let all = [MemoryRange::new(0, 64 * PS as u64)];
//! for kind in [RoundKind::Bulk, RoundKind::Delta, RoundKind::Final] {
//!     src.write_from(3 * PS as u64 + 5, &[kind.to_byte() + 1; 10])?; // the guest runs
//!     stream::send_round(&cache, kind, &src, &all, 8 * PS as u64, &mut conns)?;
//! }
//! stream::finish(&mut conns)?;
//!
//! // destination
//! let applier = Applier::new(PS)?;
//! let wires: Vec<Vec<u8>> = conns.into_iter().map(StreamWriter::into_inner).collect();
//! let mut readers = wires
//!     .iter()
//!     .map(|w| StreamReader::open(&w[..], &applier, &dst))
//!     .collect::<Result<Vec<_>, _>>()?;
//! let mut rounds = Vec::new();
//! while let Some(r) = stream::receive_round(&applier, &dst, &mut readers)? {
//!     rounds.push(r.kind);
//! }
//! assert_eq!(rounds, [RoundKind::Bulk, RoundKind::Delta, RoundKind::Final]);
//! assert_eq!(dst.to_vec(), src.to_vec());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use core::fmt;
use core::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::io::{self, Read, Write};
use std::vec::Vec;

use super::guest::{GuestRead, GuestWrite, MemoryError};
pub use super::range::MAX_CHUNK_RANGES;
use super::range::{check_ranges, normalize, split_chunks, MemoryRange, RangeError};
use super::round::{Applier, ApplyError, ChunkStats, Round, RoundKind, SendError};
use crate::cache::SharedCache;

/// First four bytes of a stream: `"XBPS"`.
pub const STREAM_MAGIC: [u8; 4] = *b"XBPS";
/// Version of the stream format written by this crate (byte 4).
pub const STREAM_VERSION: u8 = 1;
/// Size of the fixed part of the header, before the region table.
pub const HEADER_LEN: usize = 16;
/// The most regions a header may declare (a receiver refuses more before allocating).
pub const MAX_REGIONS: usize = 1024;
/// The most page bytes one chunk record may cover (1 GiB; cloud-hypervisor's chunks are
/// 64 MiB). [`send_round`] cuts chunks no larger.
pub const MAX_CHUNK_BYTES: u64 = 1 << 30;
/// Record type: a chunk (its number, its ranges, the core payload).
pub const REC_CHUNK: u8 = 0xC1;
/// Record type: end of a round on this connection.
pub const REC_END_ROUND: u8 = 0xC2;
/// Record type: end of the migration on this connection (the last record).
pub const REC_END_MIGRATION: u8 = 0xC3;

/// Size of one range or region entry on the wire.
const RANGE_LEN: usize = 16;

/// What was wrong with a stream (see [`StreamError`] for where).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreamErrorKind {
    /// The stream ended inside a header or record.
    Truncated,
    /// The connection failed with this error (or, when sending, refused a write).
    Io(io::ErrorKind),
    /// The first four bytes are not [`STREAM_MAGIC`].
    BadMagic,
    /// A stream version this crate does not read.
    BadVersion(u8),
    /// A reserved header byte is not zero.
    BadReserved,
    /// A page size of 0 or more than [`MAX_PAGE_SIZE`](crate::MAX_PAGE_SIZE).
    BadPageSize(u32),
    /// The stream's page size is not the receiver's.
    PageSizeMismatch {
        /// The page size in the header.
        stream: u32,
        /// The receiver's ([`Applier::page_size`]).
        local: usize,
    },
    /// A region count of 0 or more than [`MAX_REGIONS`].
    RegionCount(u32),
    /// The region table is not page-aligned, sorted and disjoint.
    BadRegions(RangeError),
    /// A region is outside the destination's memory.
    RegionOutsideMemory(MemoryError),
    /// An unknown record type.
    BadRecord(u8),
    /// A chunk's range count is 0 or more than [`MAX_CHUNK_RANGES`].
    RangeCount(u16),
    /// A chunk's ranges are not page-aligned, sorted and disjoint.
    BadRanges(RangeError),
    /// A chunk's range is not inside one region of the header.
    OutsideRegions {
        /// First address of the range.
        gpa: u64,
        /// Its length.
        length: u64,
    },
    /// A chunk covers more than [`MAX_CHUNK_BYTES`] bytes of pages.
    ChunkTooLarge {
        /// The bytes of pages its ranges cover.
        bytes: u64,
    },
    /// A chunk number not greater than the one before it on this connection in this round.
    ChunkOrder {
        /// The chunk's number.
        index: u64,
        /// The number of the chunk before it.
        previous: u64,
    },
    /// The chunk payload was refused (the [`ApplyError`] has the payload-relative offset
    /// and the page).
    Payload(ApplyError),
    /// A round-kind byte that is not 0, 1 or 2.
    BadRoundKind(u8),
    /// A chunk or an end-of-round record of a kind other than the round's.
    KindMismatch {
        /// The kind of the round's first chunk on this connection.
        expected: RoundKind,
        /// The kind found.
        found: RoundKind,
    },
    /// An end-of-round record counts a different number of chunks than were received.
    ChunkCount {
        /// The count in the record.
        declared: u64,
        /// The chunk records received in the round.
        received: u64,
    },
    /// An end-of-migration record counts a different number of rounds than were received.
    RoundCount {
        /// The count in the record.
        declared: u64,
        /// The end-of-round records received.
        received: u64,
    },
    /// The end of migration came after chunks of an unfinished round.
    UnfinishedRound,
    /// A record was asked for after the end of migration (or written after it).
    Finished,
    /// The connections of [`receive_round`] disagree: some ended the migration and others
    /// a round, or their rounds have different kinds.
    Disagree,
    /// [`receive_round`] was given no connection.
    NoConnections,
}

impl fmt::Display for StreamErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use StreamErrorKind as K;
        match *self {
            K::Truncated => f.write_str("stream truncated"),
            K::Io(k) => write!(f, "connection failed: {k}"),
            K::BadMagic => f.write_str("not a parallel migration stream (bad magic)"),
            K::BadVersion(v) => write!(f, "unsupported stream version {v}"),
            K::BadReserved => f.write_str("reserved header byte is not zero"),
            K::BadPageSize(p) => write!(f, "page size {p} is 0 or larger than 16384"),
            K::PageSizeMismatch { stream, local } => {
                write!(f, "stream page size {stream}, the receiver's is {local}")
            }
            K::RegionCount(n) => write!(f, "region count {n} is 0 or more than {MAX_REGIONS}"),
            K::BadRegions(e) => write!(f, "region table refused: {e}"),
            K::RegionOutsideMemory(e) => write!(f, "region refused: {e}"),
            K::BadRecord(t) => write!(f, "unknown record type {t:#04x}"),
            K::RangeCount(n) => write!(
                f,
                "chunk range count {n} is 0 or more than {MAX_CHUNK_RANGES}"
            ),
            K::BadRanges(e) => write!(f, "chunk ranges refused: {e}"),
            K::OutsideRegions { gpa, length } => write!(
                f,
                "range of {length} bytes at {gpa:#x} is not inside one region of the stream"
            ),
            K::ChunkTooLarge { bytes } => {
                write!(f, "chunk covers {bytes} bytes, more than {MAX_CHUNK_BYTES}")
            }
            K::ChunkOrder { index, previous } => write!(
                f,
                "chunk number {index} does not follow chunk number {previous}"
            ),
            K::Payload(e) => e.fmt(f),
            K::BadRoundKind(k) => write!(f, "unknown round kind {k}"),
            K::KindMismatch { expected, found } => {
                write!(f, "{found:?} record in a {expected:?} round")
            }
            K::ChunkCount { declared, received } => write!(
                f,
                "end of round counts {declared} chunks, {received} were received"
            ),
            K::RoundCount { declared, received } => write!(
                f,
                "end of migration counts {declared} rounds, {received} were received"
            ),
            K::UnfinishedRound => f.write_str("end of migration inside an unfinished round"),
            K::Finished => f.write_str("the migration has ended on this connection"),
            K::Disagree => f.write_str("the connections disagree on the round"),
            K::NoConnections => f.write_str("no connection"),
        }
    }
}

impl std::error::Error for StreamErrorKind {}

/// A refused stream: why ([`kind`](Self::kind)), and where: the byte offset in the
/// connection's stream (from the first byte of its header), the chunk number when the
/// error is inside a chunk record, the connection's index in [`receive_round`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreamError {
    kind: StreamErrorKind,
    offset: u64,
    chunk: Option<u64>,
    connection: Option<usize>,
}

impl StreamError {
    fn new(kind: StreamErrorKind, offset: u64) -> StreamError {
        StreamError {
            kind,
            offset,
            chunk: None,
            connection: None,
        }
    }

    fn in_chunk(mut self, chunk: u64) -> StreamError {
        self.chunk = Some(chunk);
        self
    }

    /// Why the stream was refused.
    pub fn kind(&self) -> StreamErrorKind {
        self.kind
    }

    /// Byte offset, in the connection's stream, of the field that was refused.
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// The chunk's number, for an error inside a chunk record.
    pub fn chunk(&self) -> Option<u64> {
        self.chunk
    }

    /// The connection's index in the slice given to [`receive_round`].
    pub fn connection(&self) -> Option<usize> {
        self.connection
    }
}

impl fmt::Display for StreamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("migration stream refused")?;
        if let Some(c) = self.connection {
            write!(f, " (connection {c})")?;
        }
        if let Some(c) = self.chunk {
            write!(f, " (chunk {c})")?;
        }
        write!(f, " at byte {}: {}", self.offset, self.kind)
    }
}

impl std::error::Error for StreamError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            StreamErrorKind::Payload(e) => Some(e),
            _ => None,
        }
    }
}

/// The header of a stream: the page size and the region table (the guest memory the
/// stream may write).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamHeader {
    page_size: usize,
    regions: Vec<MemoryRange>,
}

impl StreamHeader {
    /// A header for pages of `page_size` bytes and the guest memory `regions`
    /// (page-aligned, sorted, disjoint, 1 to [`MAX_REGIONS`]).
    ///
    /// # Errors
    /// [`StreamErrorKind::BadPageSize`], [`RegionCount`](StreamErrorKind::RegionCount) or
    /// [`BadRegions`](StreamErrorKind::BadRegions).
    ///
    /// # Example
    /// ```
    /// use xbzrle::parallel::stream::{StreamErrorKind, StreamHeader};
    /// use xbzrle::parallel::MemoryRange;
    /// let h = StreamHeader::new(4096, vec![MemoryRange::new(0, 1 << 30)])?;
    /// let mut wire = Vec::new();
    /// h.write_to(&mut wire)?;
    /// assert_eq!(&wire[..8], b"XBPS\x01\0\0\0");
    /// assert_eq!(wire.len(), 16 + 16);
    /// assert!(matches!(StreamHeader::new(4096, vec![]), Err(StreamErrorKind::RegionCount(0))));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        page_size: usize,
        regions: Vec<MemoryRange>,
    ) -> Result<StreamHeader, StreamErrorKind> {
        if page_size == 0 || page_size > crate::MAX_PAGE_SIZE {
            return Err(StreamErrorKind::BadPageSize(
                u32::try_from(page_size).unwrap_or(u32::MAX),
            ));
        }
        if regions.is_empty() || regions.len() > MAX_REGIONS {
            return Err(StreamErrorKind::RegionCount(
                u32::try_from(regions.len()).unwrap_or(u32::MAX),
            ));
        }
        check_ranges(&regions, page_size).map_err(StreamErrorKind::BadRegions)?;
        Ok(StreamHeader { page_size, regions })
    }

    /// The page size.
    pub fn page_size(&self) -> usize {
        self.page_size
    }

    /// The region table.
    pub fn regions(&self) -> &[MemoryRange] {
        &self.regions
    }

    /// Whether `range` lies inside one region.
    pub fn contains(&self, range: MemoryRange) -> bool {
        let i = self.regions.partition_point(|reg| reg.end() <= range.gpa);
        match self.regions.get(i) {
            Some(reg) => reg.gpa <= range.gpa && range.end() <= reg.end() && range.length > 0,
            None => false,
        }
    }

    /// Writes the header: [`HEADER_LEN`] bytes, then 16 per region.
    ///
    /// # Errors
    /// The writer's.
    pub fn write_to<W: Write + ?Sized>(&self, w: &mut W) -> io::Result<()> {
        let mut buf = Vec::with_capacity(HEADER_LEN + RANGE_LEN * self.regions.len());
        buf.extend_from_slice(&STREAM_MAGIC);
        buf.push(STREAM_VERSION);
        buf.extend_from_slice(&[0, 0, 0]);
        // both fit: page size <= 16384, regions <= MAX_REGIONS (checked by `new`)
        buf.extend_from_slice(&(self.page_size as u32).to_le_bytes());
        buf.extend_from_slice(&(self.regions.len() as u32).to_le_bytes());
        for r in &self.regions {
            push_range(&mut buf, r);
        }
        w.write_all(&buf)
    }

    /// Reads and checks a header (not yet against any memory: [`StreamReader::open`]
    /// does that). Reads exactly the header.
    ///
    /// # Errors
    /// A [`StreamError`] with the offset of the refused field.
    pub fn read_from<R: Read + ?Sized>(r: &mut R) -> Result<StreamHeader, StreamError> {
        let mut c = Counting::new(r);
        read_header(&mut c)
    }
}

fn push_range(buf: &mut Vec<u8>, r: &MemoryRange) {
    buf.extend_from_slice(&r.gpa.to_le_bytes());
    buf.extend_from_slice(&r.length.to_le_bytes());
}

fn parse_range(b: &[u8; RANGE_LEN]) -> MemoryRange {
    let mut gpa = [0u8; 8];
    let mut len = [0u8; 8];
    gpa.copy_from_slice(&b[..8]);
    len.copy_from_slice(&b[8..]);
    MemoryRange::new(u64::from_le_bytes(gpa), u64::from_le_bytes(len))
}

/// A reader that counts the bytes it has delivered and remembers the four bytes at a
/// marked offset (the start of a chunk payload: magic, version, round kind).
struct Counting<'r, R: Read + ?Sized> {
    inner: &'r mut R,
    pos: u64,
    mark: u64,
    head: [u8; 4],
}

impl<'r, R: Read + ?Sized> Counting<'r, R> {
    fn new(inner: &'r mut R) -> Self {
        Counting {
            inner,
            pos: 0,
            mark: u64::MAX,
            head: [0; 4],
        }
    }

    /// Reads exactly `buf.len()` bytes; errors name `field`, the offset of the field.
    fn read_field(&mut self, buf: &mut [u8], field: u64) -> Result<(), StreamError> {
        match self.read_exact(buf) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
                Err(StreamError::new(StreamErrorKind::Truncated, field))
            }
            Err(e) => Err(StreamError::new(StreamErrorKind::Io(e.kind()), field)),
        }
    }
}

impl<R: Read + ?Sized> Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        // a reader claiming more than it was given is not trusted either
        let n = n.min(buf.len());
        let start = self.pos;
        let end = start + n as u64;
        let (lo, hi) = (self.mark, self.mark.saturating_add(4));
        if start < hi && end > lo {
            for p in start.max(lo)..end.min(hi) {
                self.head[(p - lo) as usize] = buf[(p - start) as usize];
            }
        }
        self.pos = end;
        Ok(n)
    }
}

fn read_header<R: Read + ?Sized>(c: &mut Counting<'_, R>) -> Result<StreamHeader, StreamError> {
    use StreamErrorKind as K;
    let mut h = [0u8; HEADER_LEN];
    c.read_field(&mut h, 0)?;
    if h[..4] != STREAM_MAGIC {
        return Err(StreamError::new(K::BadMagic, 0));
    }
    if h[4] != STREAM_VERSION {
        return Err(StreamError::new(K::BadVersion(h[4]), 4));
    }
    if h[5..8] != [0, 0, 0] {
        return Err(StreamError::new(K::BadReserved, 5));
    }
    let page_size = u32::from_le_bytes([h[8], h[9], h[10], h[11]]);
    if page_size == 0 || page_size as usize > crate::MAX_PAGE_SIZE {
        return Err(StreamError::new(K::BadPageSize(page_size), 8));
    }
    let count = u32::from_le_bytes([h[12], h[13], h[14], h[15]]);
    if count == 0 || count as usize > MAX_REGIONS {
        return Err(StreamError::new(K::RegionCount(count), 12));
    }
    // bounded by MAX_REGIONS (16 KiB) before allocating
    let mut regions = Vec::with_capacity(count as usize);
    for i in 0..u64::from(count) {
        let mut b = [0u8; RANGE_LEN];
        c.read_field(&mut b, HEADER_LEN as u64 + i * RANGE_LEN as u64)?;
        regions.push(parse_range(&b));
    }
    if let Err(e) = check_ranges(&regions, page_size as usize) {
        return Err(StreamError::new(
            K::BadRegions(e),
            HEADER_LEN as u64 + range_index(e) * RANGE_LEN as u64,
        ));
    }
    Ok(StreamHeader {
        page_size: page_size as usize,
        regions,
    })
}

fn range_index(e: RangeError) -> u64 {
    match e {
        RangeError::NotPageAligned { index }
        | RangeError::Overlap { index }
        | RangeError::Wraps { index } => index as u64,
    }
}

/// The sending side of one connection: writes the header when created, then chunk
/// records, end-of-round and end-of-migration records. [`send_round`] drives several.
///
/// It checks what it writes as the receiver will (every range inside a region, no more
/// than [`MAX_CHUNK_RANGES`] ranges, [`MAX_CHUNK_BYTES`] bytes per chunk, increasing
/// chunk numbers), so that an honest sender never produces a stream its receiver
/// refuses.
#[derive(Debug)]
pub struct StreamWriter<W: Write> {
    w: W,
    header: StreamHeader,
    chunks_in_round: u64,
    last_index: Option<u64>,
    round_kind: Option<RoundKind>,
    rounds: u64,
    finished: bool,
}

fn invalid(msg: &'static str) -> SendError {
    SendError::Io(io::Error::new(io::ErrorKind::InvalidInput, msg))
}

impl<W: Write> StreamWriter<W> {
    /// Writes `header` to `w` and returns the connection's writer.
    ///
    /// # Errors
    /// The writer's.
    pub fn new(mut w: W, header: &StreamHeader) -> io::Result<StreamWriter<W>> {
        header.write_to(&mut w)?;
        Ok(StreamWriter {
            w,
            header: header.clone(),
            chunks_in_round: 0,
            last_index: None,
            round_kind: None,
            rounds: 0,
            finished: false,
        })
    }

    /// The header this connection was opened with.
    pub fn header(&self) -> &StreamHeader {
        &self.header
    }

    /// The connection.
    pub fn get_mut(&mut self) -> &mut W {
        &mut self.w
    }

    /// Gives the connection back.
    pub fn into_inner(self) -> W {
        self.w
    }

    /// Writes one chunk record: its number `index` (greater than the previous chunk's
    /// on this connection in this round), its `ranges` and the payload of
    /// [`Round::encode`]. The round's page size must be the header's.
    ///
    /// # Errors
    /// As [`Round::encode`]; ranges outside the header's regions are
    /// [`SendError::Memory`], too many ranges, too large a chunk, a wrong page size or a
    /// chunk number out of order an [`io::ErrorKind::InvalidInput`] error (nothing is
    /// written in these cases).
    pub fn send_chunk<M: GuestRead + ?Sized>(
        &mut self,
        round: &Round<'_>,
        mem: &M,
        index: u64,
        ranges: &[MemoryRange],
    ) -> Result<ChunkStats, SendError> {
        if self.finished {
            return Err(invalid("the migration has ended on this connection"));
        }
        if round.page_size() != self.header.page_size {
            return Err(invalid("the round's page size is not the stream's"));
        }
        if ranges.is_empty() || ranges.len() > MAX_CHUNK_RANGES {
            return Err(invalid("a chunk has 1 to 256 ranges"));
        }
        let pages = check_ranges(ranges, self.header.page_size).map_err(SendError::Ranges)?;
        if pages.saturating_mul(self.header.page_size as u64) > MAX_CHUNK_BYTES {
            return Err(invalid("a chunk covers at most 1 GiB"));
        }
        if let Some(r) = ranges.iter().find(|r| !self.header.contains(**r)) {
            return Err(SendError::Memory(MemoryError {
                gpa: r.gpa,
                len: r.length,
            }));
        }
        if self.last_index.is_some_and(|last| index <= last) {
            return Err(invalid("chunk numbers must increase within a round"));
        }
        if self.round_kind.is_some_and(|k| k != round.kind()) {
            return Err(invalid("every chunk of a round has the round's kind"));
        }
        let mut rec = Vec::with_capacity(11 + RANGE_LEN * ranges.len());
        rec.push(REC_CHUNK);
        rec.extend_from_slice(&index.to_le_bytes());
        // at most MAX_CHUNK_RANGES (checked above)
        rec.extend_from_slice(&(ranges.len() as u16).to_le_bytes());
        for r in ranges {
            push_range(&mut rec, r);
        }
        self.w.write_all(&rec)?;
        let stats = round.encode(mem, ranges, &mut self.w)?;
        self.chunks_in_round += 1;
        self.last_index = Some(index);
        self.round_kind = Some(round.kind());
        Ok(stats)
    }

    /// Writes the end-of-round record for a round of `kind` and flushes.
    ///
    /// # Errors
    /// The writer's; [`io::ErrorKind::InvalidInput`] after [`finish`](Self::finish) or
    /// if this round's chunks were of another kind.
    pub fn end_round(&mut self, kind: RoundKind) -> io::Result<()> {
        if self.finished {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "the migration has ended on this connection",
            ));
        }
        if self.round_kind.is_some_and(|k| k != kind) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "the round's chunks were of another kind",
            ));
        }
        let mut rec = [0u8; 10];
        rec[0] = REC_END_ROUND;
        rec[1] = kind.to_byte();
        rec[2..].copy_from_slice(&self.chunks_in_round.to_le_bytes());
        self.w.write_all(&rec)?;
        self.w.flush()?;
        self.chunks_in_round = 0;
        self.last_index = None;
        self.round_kind = None;
        self.rounds += 1;
        Ok(())
    }

    /// Writes the end-of-migration record and flushes; nothing may follow. If chunks
    /// were sent since the last end of round, their round is ended first.
    ///
    /// # Errors
    /// The writer's; [`io::ErrorKind::InvalidInput`] if already finished.
    pub fn finish(&mut self) -> io::Result<()> {
        if self.finished {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "the migration has already ended on this connection",
            ));
        }
        if let Some(kind) = self.round_kind {
            self.end_round(kind)?;
        }
        let mut rec = [0u8; 9];
        rec[0] = REC_END_MIGRATION;
        rec[1..].copy_from_slice(&self.rounds.to_le_bytes());
        self.w.write_all(&rec)?;
        self.w.flush()?;
        self.finished = true;
        Ok(())
    }
}

/// What [`StreamReader::next_record`] read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    /// A chunk, applied to guest memory.
    Chunk {
        /// Its number in the round.
        index: u64,
        /// What it contained.
        stats: ChunkStats,
    },
    /// The end of a round on this connection.
    EndRound {
        /// The round's kind.
        kind: RoundKind,
        /// The chunk records this connection carried in it.
        chunks: u64,
    },
    /// The end of the migration on this connection.
    EndMigration {
        /// The rounds this connection carried.
        rounds: u64,
    },
}

/// The receiving side of one connection: reads and checks the header when opened, then
/// one record at a time, applying chunks through an [`Applier`].
///
/// Reads exactly the records asked for and not one byte more (`R` may be a
/// `BufReader<TcpStream>`; use one: records are read field by field).
#[derive(Debug)]
pub struct StreamReader<R: Read> {
    r: R,
    pos: u64,
    header: StreamHeader,
    ranges: Vec<MemoryRange>,
    chunks_in_round: u64,
    last_index: Option<u64>,
    round_kind: Option<RoundKind>,
    rounds: u64,
    finished: bool,
}

impl<R: Read> StreamReader<R> {
    /// Reads the header from `r` and checks it against the receiver: the page size must
    /// be `applier`'s and every region inside `mem`.
    ///
    /// # Errors
    /// A [`StreamError`] with the offset of the refused field.
    pub fn open<M: GuestWrite + ?Sized>(
        mut r: R,
        applier: &Applier,
        mem: &M,
    ) -> Result<StreamReader<R>, StreamError> {
        let mut c = Counting::new(&mut r);
        let header = read_header(&mut c)?;
        let pos = c.pos;
        if header.page_size != applier.page_size() {
            return Err(StreamError::new(
                StreamErrorKind::PageSizeMismatch {
                    stream: header.page_size as u32,
                    local: applier.page_size(),
                },
                8,
            ));
        }
        for (i, reg) in header.regions.iter().enumerate() {
            if let Err(e) = mem.check_range(reg.gpa, reg.length) {
                return Err(StreamError::new(
                    StreamErrorKind::RegionOutsideMemory(e),
                    (HEADER_LEN + i * RANGE_LEN) as u64,
                ));
            }
        }
        Ok(StreamReader {
            r,
            pos,
            header,
            ranges: Vec::with_capacity(MAX_CHUNK_RANGES),
            chunks_in_round: 0,
            last_index: None,
            round_kind: None,
            rounds: 0,
            finished: false,
        })
    }

    /// The stream's header.
    pub fn header(&self) -> &StreamHeader {
        &self.header
    }

    /// Bytes read from the connection so far, header included.
    pub fn position(&self) -> u64 {
        self.pos
    }

    /// The ranges of the last chunk read (empty before the first).
    pub fn last_ranges(&self) -> &[MemoryRange] {
        &self.ranges
    }

    /// The connection.
    pub fn get_mut(&mut self) -> &mut R {
        &mut self.r
    }

    /// Reads the next record; a chunk is applied to `mem` (every page before an error
    /// in its payload was applied, the rest of the chunk was not touched).
    ///
    /// After an error the stream's position is unknown: drop the connection.
    ///
    /// # Errors
    /// A [`StreamError`] with the offset of the refused field and the chunk number.
    pub fn next_record<M: GuestWrite + ?Sized>(
        &mut self,
        applier: &Applier,
        mem: &M,
    ) -> Result<Record, StreamError> {
        let mut c = Counting::new(&mut self.r);
        c.pos = self.pos;
        let res = next_record(
            &mut c,
            applier,
            mem,
            &self.header,
            &mut self.ranges,
            &mut RoundState {
                chunks_in_round: &mut self.chunks_in_round,
                last_index: &mut self.last_index,
                round_kind: &mut self.round_kind,
                rounds: &mut self.rounds,
                finished: &mut self.finished,
            },
        );
        self.pos = c.pos;
        res
    }
}

struct RoundState<'a> {
    chunks_in_round: &'a mut u64,
    last_index: &'a mut Option<u64>,
    round_kind: &'a mut Option<RoundKind>,
    rounds: &'a mut u64,
    finished: &'a mut bool,
}

fn next_record<R: Read + ?Sized, M: GuestWrite + ?Sized>(
    c: &mut Counting<'_, R>,
    applier: &Applier,
    mem: &M,
    header: &StreamHeader,
    ranges: &mut Vec<MemoryRange>,
    st: &mut RoundState<'_>,
) -> Result<Record, StreamError> {
    use StreamErrorKind as K;
    let at = c.pos;
    if *st.finished {
        return Err(StreamError::new(K::Finished, at));
    }
    let mut ty = [0u8; 1];
    c.read_field(&mut ty, at)?;
    match ty[0] {
        REC_CHUNK => {
            let mut f = [0u8; 10];
            c.read_field(&mut f, at + 1)?;
            let mut ib = [0u8; 8];
            ib.copy_from_slice(&f[..8]);
            let index = u64::from_le_bytes(ib);
            let fail = |k, off| Err(StreamError::new(k, off).in_chunk(index));
            if let Some(previous) = *st.last_index {
                if index <= previous {
                    return fail(K::ChunkOrder { index, previous }, at + 1);
                }
            }
            let count = u16::from_le_bytes([f[8], f[9]]);
            if count == 0 || usize::from(count) > MAX_CHUNK_RANGES {
                return fail(K::RangeCount(count), at + 9);
            }
            let table = at + 11;
            ranges.clear();
            for i in 0..u64::from(count) {
                let mut b = [0u8; RANGE_LEN];
                c.read_field(&mut b, table + i * RANGE_LEN as u64)
                    .map_err(|e| e.in_chunk(index))?;
                ranges.push(parse_range(&b));
            }
            let pages = match check_ranges(ranges, header.page_size) {
                Ok(p) => p,
                Err(e) => return fail(K::BadRanges(e), table + range_index(e) * RANGE_LEN as u64),
            };
            if let Some(i) = ranges.iter().position(|r| !header.contains(*r)) {
                let r = ranges[i];
                return fail(
                    K::OutsideRegions {
                        gpa: r.gpa,
                        length: r.length,
                    },
                    table + i as u64 * RANGE_LEN as u64,
                );
            }
            let bytes = pages.saturating_mul(header.page_size as u64);
            if bytes > MAX_CHUNK_BYTES {
                return fail(K::ChunkTooLarge { bytes }, table);
            }
            let start = c.pos;
            c.mark = start;
            let applied = applier.apply(mem, ranges, c);
            c.mark = u64::MAX;
            let stats = match applied {
                Ok(s) => s,
                Err(mut e) => {
                    e.chunk = Some(index);
                    let off = start.saturating_add(e.offset());
                    return fail(K::Payload(e), off);
                }
            };
            // the applier checked the kind byte (payload byte 3)
            let kind = RoundKind::from_byte(c.head[3]).unwrap_or(RoundKind::Final);
            if let Some(expected) = *st.round_kind {
                if expected != kind {
                    return fail(
                        K::KindMismatch {
                            expected,
                            found: kind,
                        },
                        start + 3,
                    );
                }
            }
            *st.round_kind = Some(kind);
            *st.last_index = Some(index);
            *st.chunks_in_round += 1;
            Ok(Record::Chunk { index, stats })
        }
        REC_END_ROUND => {
            let mut f = [0u8; 9];
            c.read_field(&mut f, at + 1)?;
            let kind = RoundKind::from_byte(f[0])
                .ok_or(StreamError::new(K::BadRoundKind(f[0]), at + 1))?;
            if let Some(expected) = *st.round_kind {
                if expected != kind {
                    return Err(StreamError::new(
                        K::KindMismatch {
                            expected,
                            found: kind,
                        },
                        at + 1,
                    ));
                }
            }
            let mut cb = [0u8; 8];
            cb.copy_from_slice(&f[1..]);
            let declared = u64::from_le_bytes(cb);
            if declared != *st.chunks_in_round {
                return Err(StreamError::new(
                    K::ChunkCount {
                        declared,
                        received: *st.chunks_in_round,
                    },
                    at + 2,
                ));
            }
            *st.chunks_in_round = 0;
            *st.last_index = None;
            *st.round_kind = None;
            *st.rounds += 1;
            Ok(Record::EndRound {
                kind,
                chunks: declared,
            })
        }
        REC_END_MIGRATION => {
            let mut f = [0u8; 8];
            c.read_field(&mut f, at + 1)?;
            if *st.chunks_in_round > 0 {
                return Err(StreamError::new(K::UnfinishedRound, at));
            }
            let declared = u64::from_le_bytes(f);
            if declared != *st.rounds {
                return Err(StreamError::new(
                    K::RoundCount {
                        declared,
                        received: *st.rounds,
                    },
                    at + 1,
                ));
            }
            *st.finished = true;
            Ok(Record::EndMigration { rounds: declared })
        }
        other => Err(StreamError::new(K::BadRecord(other), at)),
    }
}

/// What one round over several connections carried ([`send_round`], [`receive_round`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundStats {
    /// The round's kind.
    pub kind: RoundKind,
    /// Chunk records, all connections together.
    pub chunks: u64,
    /// All connections together (payload bytes only: record framing not included).
    pub total: ChunkStats,
    /// Per connection, in the order of the slice given.
    pub per_connection: Vec<ChunkStats>,
}

/// Sends one round of `kind` over `conns`, one scoped thread per connection: `ranges`
/// (any order; normalized here so that no page is sent twice) is cut into chunks of at
/// most `chunk_bytes` (and [`MAX_CHUNK_BYTES`]), numbered in address order, and every
/// thread takes the next chunk from a shared queue until none is left; then every
/// connection gets an end-of-round record. Creates the round ([`Round::new`]: the
/// cache's next round); call once per dirty-bitmap sync.
///
/// # Errors
/// A table that is not page-aligned ([`SendError::Ranges`]) or not inside every
/// connection's regions ([`SendError::Memory`]) is refused before the round starts.
/// Otherwise the first [`SendError`] of any connection (the other threads stop at their
/// next chunk, and no end-of-round record is written). As for [`Round::encode`], the cache
/// already holds pages the destination may not have received: call
/// [`SharedCache::clear`] before retrying on new connections, or abort. An empty
/// `conns` is an [`io::ErrorKind::InvalidInput`] error.
pub fn send_round<M, W>(
    cache: &SharedCache,
    kind: RoundKind,
    mem: &M,
    ranges: &[MemoryRange],
    chunk_bytes: u64,
    conns: &mut [StreamWriter<W>],
) -> Result<RoundStats, SendError>
where
    M: GuestRead + Sync + ?Sized,
    W: Write + Send,
{
    if conns.is_empty() {
        return Err(invalid("send_round needs at least one connection"));
    }
    let ps = cache.page_size();
    let mut table = ranges.to_vec();
    normalize(&mut table);
    check_ranges(&table, ps).map_err(SendError::Ranges)?;
    // refused before the round starts (and before anything is written), rather than by
    // the first connection whose chunk is outside its header's regions
    for conn in conns.iter() {
        if let Some(r) = table.iter().find(|r| !conn.header.contains(**r)) {
            return Err(SendError::Memory(MemoryError {
                gpa: r.gpa,
                len: r.length,
            }));
        }
    }
    let chunks = split_chunks(&table, ps, chunk_bytes.clamp(1, MAX_CHUNK_BYTES));
    let round = Round::new(cache, kind);
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let results: Vec<Result<(u64, ChunkStats), SendError>> = std::thread::scope(|s| {
        let workers: Vec<_> = conns
            .iter_mut()
            .map(|conn| {
                let (round, chunks, next, failed) = (&round, &chunks, &next, &failed);
                s.spawn(move || {
                    let mut sent = (0u64, ChunkStats::default());
                    let r = (|| {
                        while !failed.load(Ordering::Relaxed) {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(chunk) = chunks.get(i) else { break };
                            let st = conn.send_chunk(round, mem, i as u64, chunk)?;
                            sent.0 += 1;
                            sent.1.add(&st);
                        }
                        Ok(())
                    })();
                    if r.is_err() {
                        failed.store(true, Ordering::Relaxed);
                    }
                    r.map(|()| sent)
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|h| match h.join() {
                Ok(r) => r,
                Err(p) => std::panic::resume_unwind(p),
            })
            .collect()
    });
    let mut stats = RoundStats {
        kind,
        chunks: 0,
        total: ChunkStats::default(),
        per_connection: Vec::with_capacity(conns.len()),
    };
    for r in results {
        let (n, st) = r?;
        stats.chunks += n;
        stats.total.add(&st);
        stats.per_connection.push(st);
    }
    for conn in conns.iter_mut() {
        conn.end_round(kind)?;
    }
    Ok(stats)
}

/// Ends the migration on every connection ([`StreamWriter::finish`]).
///
/// # Errors
/// The first connection's error.
pub fn finish<W: Write>(conns: &mut [StreamWriter<W>]) -> io::Result<()> {
    conns.iter_mut().try_for_each(StreamWriter::finish)
}

/// Receives one round over `conns`, one scoped thread per connection, each applying its
/// chunks to `mem` until its end-of-round record. Returns `Ok(None)` when every
/// connection ended the migration instead.
///
/// A thread blocks in `read` until its connection delivers; if a peer may fail, give
/// sockets a read timeout (`TcpStream::set_read_timeout`), or the other threads may
/// wait forever after one connection's error.
///
/// # Errors
/// The first connection's [`StreamError`] (with [`connection`](StreamError::connection)
/// set); [`StreamErrorKind::Disagree`] if the connections ended different kinds of
/// rounds, or some the round and others the migration.
pub fn receive_round<M, R>(
    applier: &Applier,
    mem: &M,
    conns: &mut [StreamReader<R>],
) -> Result<Option<RoundStats>, StreamError>
where
    M: GuestWrite + Sync + ?Sized,
    R: Read + Send,
{
    if conns.is_empty() {
        return Err(StreamError::new(StreamErrorKind::NoConnections, 0));
    }
    type Ended = (Option<RoundKind>, u64, ChunkStats, u64);
    let results: Vec<Result<Ended, StreamError>> = std::thread::scope(|s| {
        let workers: Vec<_> = conns
            .iter_mut()
            .enumerate()
            .map(|(ci, conn)| {
                s.spawn(move || {
                    let mut total = ChunkStats::default();
                    loop {
                        let rec = conn.next_record(applier, mem).map_err(|mut e| {
                            e.connection = Some(ci);
                            e
                        })?;
                        match rec {
                            Record::Chunk { stats, .. } => total.add(&stats),
                            Record::EndRound { kind, chunks } => {
                                return Ok((Some(kind), chunks, total, conn.position()))
                            }
                            Record::EndMigration { .. } => {
                                return Ok((None, 0, total, conn.position()))
                            }
                        }
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|h| match h.join() {
                Ok(r) => r,
                Err(p) => std::panic::resume_unwind(p),
            })
            .collect()
    });
    let mut ended: Vec<Ended> = Vec::with_capacity(results.len());
    for r in results {
        ended.push(r?);
    }
    let first = ended[0].0;
    if let Some((ci, e)) = ended.iter().enumerate().find(|(_, e)| e.0 != first) {
        let mut err = StreamError::new(StreamErrorKind::Disagree, e.3);
        err.connection = Some(ci);
        return Err(err);
    }
    let Some(kind) = first else { return Ok(None) };
    let mut stats = RoundStats {
        kind,
        chunks: 0,
        total: ChunkStats::default(),
        per_connection: Vec::with_capacity(ended.len()),
    };
    for (_, chunks, st, _) in ended {
        stats.chunks += chunks;
        stats.total.add(&st);
        stats.per_connection.push(st);
    }
    Ok(Some(stats))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parallel::OwnedMemory;
    use proptest::prelude::*;

    const PS: usize = 4096;
    const SENTINEL: u8 = 0x5c;

    fn fill(mem: &OwnedMemory, seed: u64) {
        let mut s = seed | 1;
        let mut page = std::vec![0u8; PS];
        for p in 0..(mem.len() / PS) as u64 {
            match (p + seed) % 4 {
                0 => page.fill(0),
                _ => {
                    for b in page.iter_mut() {
                        s ^= s << 13;
                        s ^= s >> 7;
                        s ^= s << 17;
                        *b = if s.is_multiple_of(5) {
                            s as u8
                        } else {
                            (p as u8) ^ (seed as u8)
                        };
                    }
                }
            }
            mem.write_from(mem.base() + p * PS as u64, &page).unwrap();
        }
    }

    /// A valid stream of three rounds over `conns` connections for memory at
    /// `[base, base + pages * PS)`; returns the wires and the source's final contents.
    fn make_streams(conns: usize, base: u64, pages: usize) -> (Vec<Vec<u8>>, Vec<u8>) {
        let src = OwnedMemory::new(base, pages * PS);
        let cache = SharedCache::new(pages * PS, PS).unwrap();
        let all = MemoryRange::new(base, (pages * PS) as u64);
        let header = StreamHeader::new(PS, std::vec![all]).unwrap();
        let mut w: Vec<_> = (0..conns)
            .map(|_| StreamWriter::new(Vec::new(), &header).unwrap())
            .collect();
        fill(&src, 1);
        send_round(&cache, RoundKind::Bulk, &src, &[all], 2 * PS as u64, &mut w).unwrap();
        // a few bytes of a few pages change; one page twice in the table
        src.write_from(base + 5, &[9; 30]).unwrap();
        src.write_from(base + 2 * PS as u64 + 100, &[1; 3]).unwrap();
        let dirty = [
            MemoryRange::new(base + 2 * PS as u64, PS as u64),
            MemoryRange::new(base, PS as u64),
            MemoryRange::new(base, 3 * PS as u64),
        ];
        send_round(&cache, RoundKind::Delta, &src, &dirty, PS as u64, &mut w).unwrap();
        src.write_zeros(base + PS as u64, PS as u64).unwrap();
        src.write_from(base + 10, &[7; 5]).unwrap();
        send_round(
            &cache,
            RoundKind::Final,
            &src,
            &dirty,
            3 * PS as u64,
            &mut w,
        )
        .unwrap();
        finish(&mut w).unwrap();
        (
            w.into_iter().map(StreamWriter::into_inner).collect(),
            src.to_vec(),
        )
    }

    fn receive_all(wires: &[Vec<u8>], dst: &OwnedMemory) -> Result<Vec<RoundStats>, StreamError> {
        let applier = Applier::new(PS).unwrap();
        let mut readers = wires
            .iter()
            .map(|w| StreamReader::open(&w[..], &applier, dst))
            .collect::<Result<Vec<_>, _>>()?;
        let mut rounds = Vec::new();
        while let Some(r) = receive_round(&applier, dst, &mut readers)? {
            rounds.push(r);
        }
        Ok(rounds)
    }

    #[test]
    fn round_trip_over_1_2_4_connections() {
        for conns in [1, 2, 4] {
            let (wires, want) = make_streams(conns, 1 << 20, 8);
            let dst = OwnedMemory::new(1 << 20, 8 * PS);
            let rounds = receive_all(&wires, &dst).unwrap();
            let kinds: Vec<_> = rounds.iter().map(|r| r.kind).collect();
            assert_eq!(kinds, [RoundKind::Bulk, RoundKind::Delta, RoundKind::Final]);
            assert_eq!(rounds[0].chunks, 4);
            // the delta round's table was normalized: pages 0..3, each once
            assert_eq!(rounds[1].total.pages, 3);
            // bulk does not fill the cache: the first delta round sends raw pages
            assert_eq!(rounds[1].total.raw, 3, "{:?}", rounds[1]);
            let last = rounds[2].total;
            assert_eq!(
                (last.xbzrle, last.zero, last.unchanged),
                (1, 1, 1),
                "{last:?}"
            );
            assert_eq!(rounds[1].per_connection.len(), conns);
            assert_eq!(dst.to_vec(), want, "{conns} connections");
        }
    }

    #[test]
    fn header_fields_are_checked_with_offsets() {
        let applier = Applier::new(PS).unwrap();
        let dst = OwnedMemory::new(0, 4 * PS);
        let h = StreamHeader::new(PS, std::vec![MemoryRange::new(0, 4 * PS as u64)]).unwrap();
        let mut good = Vec::new();
        h.write_to(&mut good).unwrap();
        let open = |b: &[u8]| {
            StreamReader::open(b, &applier, &dst)
                .map(|_| ())
                .unwrap_err()
        };
        use StreamErrorKind as K;
        let cases: [(usize, u8, K, u64); 6] = [
            (0, b'Y', K::BadMagic, 0),
            (4, 2, K::BadVersion(2), 4),
            (6, 1, K::BadReserved, 5),
            (10, 1, K::BadPageSize(0x1_1000), 8),
            (12, 0, K::RegionCount(0), 12),
            (
                24,
                1,
                K::BadRegions(RangeError::NotPageAligned { index: 0 }),
                16,
            ),
        ];
        for (at, byte, kind, off) in cases {
            let mut b = good.clone();
            b[at] = byte;
            let e = open(&b);
            assert_eq!((e.kind(), e.offset()), (kind, off), "byte {at}: {e}");
        }
        // a valid page size that is not the receiver's
        let mut b = good.clone();
        b[9] = 0x40;
        let e = open(&b);
        assert_eq!(
            (e.kind(), e.offset()),
            (
                K::PageSizeMismatch {
                    stream: 0x4000,
                    local: PS
                },
                8
            )
        );
        // a region beyond the destination's memory
        let big = StreamHeader::new(PS, std::vec![MemoryRange::new(0, 5 * PS as u64)]).unwrap();
        let mut b = Vec::new();
        big.write_to(&mut b).unwrap();
        assert!(matches!(open(&b).kind(), K::RegionOutsideMemory(_)));
        // a region count far beyond the limit is refused before reading (or allocating)
        let mut b = good.clone();
        b[12..16].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(open(&b).kind(), K::RegionCount(u32::MAX));
        for cut in 0..good.len() {
            let e = open(&good[..cut]);
            assert_eq!(e.kind(), K::Truncated);
            assert!(e.offset() <= cut as u64);
        }
    }

    /// A stream whose header declares `[PS, 3 PS)`, with one chunk record of `ranges`
    /// and a one-record payload per page (zero pages).
    fn hand_chunk(index: u64, ranges: &[MemoryRange], pages: u32) -> Vec<u8> {
        let h =
            StreamHeader::new(PS, std::vec![MemoryRange::new(PS as u64, 2 * PS as u64)]).unwrap();
        let mut b = Vec::new();
        h.write_to(&mut b).unwrap();
        b.push(REC_CHUNK);
        b.extend_from_slice(&index.to_le_bytes());
        b.extend_from_slice(&(ranges.len() as u16).to_le_bytes());
        for r in ranges {
            push_range(&mut b, r);
        }
        b.extend_from_slice(&[b'X', b'B', 1, 1]);
        b.extend_from_slice(&pages.to_le_bytes());
        b.extend(std::iter::repeat_n(
            crate::parallel::TAG_ZERO,
            pages as usize,
        ));
        b.push(crate::parallel::PAYLOAD_END);
        b
    }

    #[test]
    fn chunk_ranges_are_checked_against_the_regions() {
        use StreamErrorKind as K;
        let applier = Applier::new(PS).unwrap();
        let dst = OwnedMemory::from_bytes(0, &[SENTINEL; 4 * PS]);
        let ps = PS as u64;
        let first = |b: &[u8]| {
            let mut r = StreamReader::open(b, &applier, &dst).unwrap();
            r.next_record(&applier, &dst)
        };
        // inside: applied
        let ok = hand_chunk(7, &[MemoryRange::new(ps, 2 * ps)], 2);
        assert!(matches!(first(&ok), Ok(Record::Chunk { index: 7, .. })));
        assert!(dst.to_vec()[PS..3 * PS].iter().all(|&b| b == 0));
        // page 0 and page 3 exist in memory but not in the region table
        for (r, off) in [
            (MemoryRange::new(0, ps), 32 + 11),
            (MemoryRange::new(2 * ps, 2 * ps), 32 + 11),
        ] {
            let e = first(&hand_chunk(1, &[r], 1)).unwrap_err();
            assert_eq!(
                (e.kind(), e.offset(), e.chunk()),
                (
                    K::OutsideRegions {
                        gpa: r.gpa,
                        length: r.length
                    },
                    off,
                    Some(1)
                )
            );
        }
        let two = [MemoryRange::new(2 * ps, ps), MemoryRange::new(ps, ps)];
        let e = first(&hand_chunk(1, &two, 2)).unwrap_err();
        assert_eq!(
            (e.kind(), e.offset()),
            (K::BadRanges(RangeError::Overlap { index: 1 }), 32 + 11 + 16)
        );
        let e = first(&hand_chunk(1, &[], 0)).unwrap_err();
        assert_eq!((e.kind(), e.offset()), (K::RangeCount(0), 32 + 9));
        let mut many = hand_chunk(1, &[], 0);
        many[32 + 9..32 + 11].copy_from_slice(&u16::MAX.to_le_bytes());
        assert_eq!(first(&many).unwrap_err().kind(), K::RangeCount(u16::MAX));
        // payload error: offset in the stream = payload start + payload offset
        let mut bad = hand_chunk(3, &[MemoryRange::new(ps, ps)], 1);
        let tag = bad.len() - 2;
        bad[tag] = 0x77;
        let e = first(&bad).unwrap_err();
        match e.kind() {
            K::Payload(p) => {
                assert_eq!(p.chunk(), Some(3));
                assert_eq!(e.offset(), tag as u64);
                assert_eq!(p.offset(), 8);
            }
            k => panic!("{k:?}"),
        }
        assert!(dst.to_vec()[..PS].iter().all(|&b| b == SENTINEL));
        assert!(dst.to_vec()[3 * PS..].iter().all(|&b| b == SENTINEL));
    }

    #[test]
    fn round_records_are_checked() {
        use StreamErrorKind as K;
        let applier = Applier::new(PS).unwrap();
        let dst = OwnedMemory::new(0, 4 * PS);
        let ps = PS as u64;
        let run = |b: &[u8]| -> Result<Vec<Record>, StreamError> {
            let mut r = StreamReader::open(b, &applier, &dst)?;
            let mut out = Vec::new();
            loop {
                let rec = r.next_record(&applier, &dst)?;
                out.push(rec);
                if let Record::EndMigration { .. } = rec {
                    // nothing may be read after the end
                    assert_eq!(
                        r.next_record(&applier, &dst).unwrap_err().kind(),
                        K::Finished
                    );
                    return Ok(out);
                }
            }
        };
        let mut s = hand_chunk(0, &[MemoryRange::new(ps, ps)], 1);
        let chunk_start = 32;
        let chunk = s[chunk_start..].to_vec();
        s.extend_from_slice(&[REC_END_ROUND, 1]);
        s.extend_from_slice(&1u64.to_le_bytes());
        let end_round = s.len() - 10;
        s.push(REC_END_MIGRATION);
        s.extend_from_slice(&1u64.to_le_bytes());
        assert_eq!(run(&s).unwrap().len(), 3);

        let mut b = s.clone();
        b[end_round + 1] = 2; // Final, but the chunk was Delta
        assert_eq!(
            run(&b).unwrap_err().kind(),
            K::KindMismatch {
                expected: RoundKind::Delta,
                found: RoundKind::Final
            }
        );
        let mut b = s.clone();
        b[end_round + 1] = 9;
        assert_eq!(run(&b).unwrap_err().kind(), K::BadRoundKind(9));
        let mut b = s.clone();
        b[end_round + 2] = 2;
        assert_eq!(
            run(&b).unwrap_err().kind(),
            K::ChunkCount {
                declared: 2,
                received: 1
            }
        );
        let mut b = s.clone();
        b[end_round + 10 + 1] = 0;
        assert_eq!(
            run(&b).unwrap_err().kind(),
            K::RoundCount {
                declared: 0,
                received: 1
            }
        );
        let mut b = s.clone();
        b[end_round] = 0x00;
        assert_eq!(run(&b).unwrap_err().kind(), K::BadRecord(0));
        // the same chunk number twice in a round
        let mut b = s[..end_round].to_vec();
        b.extend_from_slice(&chunk);
        let e = run(&b).unwrap_err();
        assert_eq!(
            (e.kind(), e.offset()),
            (
                K::ChunkOrder {
                    index: 0,
                    previous: 0
                },
                end_round as u64 + 1
            )
        );
        // end of migration inside a round
        let mut b = s[..end_round].to_vec();
        b.push(REC_END_MIGRATION);
        b.extend_from_slice(&0u64.to_le_bytes());
        assert_eq!(run(&b).unwrap_err().kind(), K::UnfinishedRound);
        // a chunk larger than MAX_CHUNK_BYTES
        let huge = StreamHeader::new(PS, std::vec![MemoryRange::new(0, 2 << 30)]).unwrap();
        let mut b = Vec::new();
        huge.write_to(&mut b).unwrap();
        b.push(REC_CHUNK);
        b.extend_from_slice(&0u64.to_le_bytes());
        b.extend_from_slice(&1u16.to_le_bytes());
        push_range(&mut b, &MemoryRange::new(0, (1 << 30) + ps));
        struct Huge;
        impl GuestWrite for Huge {
            fn write_from(&self, _: u64, _: &[u8]) -> Result<(), MemoryError> {
                unreachable!("nothing may be written")
            }
            fn check_range(&self, _: u64, _: u64) -> Result<(), MemoryError> {
                Ok(())
            }
        }
        let mut r = StreamReader::open(&b[..], &applier, &Huge).unwrap();
        assert_eq!(
            r.next_record(&applier, &Huge).unwrap_err().kind(),
            K::ChunkTooLarge {
                bytes: (1 << 30) + ps
            }
        );
    }

    #[test]
    fn connections_must_agree() {
        let (mut wires, _) = make_streams(2, 0, 4);
        // connection 1 ends the migration at once, connection 0 carries rounds
        let h = StreamHeader::new(PS, std::vec![MemoryRange::new(0, 4 * PS as u64)]).unwrap();
        let mut w = StreamWriter::new(Vec::new(), &h).unwrap();
        w.finish().unwrap();
        wires[1] = w.into_inner();
        let dst = OwnedMemory::new(0, 4 * PS);
        let e = receive_all(&wires, &dst).unwrap_err();
        assert_eq!(
            (e.kind(), e.connection()),
            (StreamErrorKind::Disagree, Some(1))
        );
        let applier = Applier::new(PS).unwrap();
        let mut none: [StreamReader<&[u8]>; 0] = [];
        assert_eq!(
            receive_round(&applier, &dst, &mut none).unwrap_err().kind(),
            StreamErrorKind::NoConnections
        );
    }

    #[test]
    fn writer_refuses_what_the_reader_would() {
        let cache = SharedCache::new(1 << 20, PS).unwrap();
        let src = OwnedMemory::new(0, 8 * PS);
        let h = StreamHeader::new(PS, std::vec![MemoryRange::new(0, 4 * PS as u64)]).unwrap();
        let mut w = StreamWriter::new(Vec::new(), &h).unwrap();
        let round = Round::new(&cache, RoundKind::Delta);
        let ps = PS as u64;
        assert!(matches!(
            w.send_chunk(&round, &src, 0, &[MemoryRange::new(4 * ps, ps)]),
            Err(SendError::Memory(_))
        ));
        assert!(w.send_chunk(&round, &src, 0, &[]).is_err());
        w.send_chunk(&round, &src, 5, &[MemoryRange::new(0, ps)])
            .unwrap();
        assert!(w
            .send_chunk(&round, &src, 5, &[MemoryRange::new(ps, ps)])
            .is_err());
        assert!(w.end_round(RoundKind::Final).is_err());
        let before = w.get_mut().len();
        w.finish().unwrap(); // ends the Delta round first
        assert_eq!(w.get_mut().len(), before + 10 + 9);
        assert!(w.finish().is_err());
        assert!(w.end_round(RoundKind::Delta).is_err());
        let mut none: [StreamWriter<Vec<u8>>; 0] = [];
        assert!(send_round(&cache, RoundKind::Bulk, &src, &[], ps, &mut none).is_err());
        // a table outside the regions is refused before the round starts
        let mut one = [StreamWriter::new(Vec::new(), &h).unwrap()];
        let round_before = cache.round();
        let outside = [MemoryRange::new(3 * ps, 2 * ps)];
        assert!(matches!(
            send_round(&cache, RoundKind::Delta, &src, &outside, ps, &mut one),
            Err(SendError::Memory(_))
        ));
        assert_eq!(cache.round(), round_before);
        assert_eq!(one[0].get_mut().len(), 32); // the header only
    }

    /// Runs a whole (possibly hostile) single-connection stream into a destination whose
    /// memory is larger than any region table a stream may declare; returns the outcome
    /// and checks that nothing outside the parsed region table was written.
    fn hostile(bytes: &[u8]) -> Result<(), StreamError> {
        let applier = Applier::new(PS).unwrap();
        let dst = OwnedMemory::from_bytes(0, &[SENTINEL; 16 * PS]);
        let mut r = StreamReader::open(bytes, &applier, &dst)?;
        let res = (|| -> Result<(), StreamError> {
            loop {
                if let Record::EndMigration { .. } = r.next_record(&applier, &dst)? {
                    return Ok(());
                }
            }
        })();
        let after = dst.to_vec();
        for (p, page) in after.chunks(PS).enumerate() {
            let gpa = (p * PS) as u64;
            if !r.header().contains(MemoryRange::new(gpa, PS as u64)) {
                assert!(page.iter().all(|&b| b == SENTINEL), "page {p} written");
            }
        }
        if let Err(e) = &res {
            assert!(e.offset() <= bytes.len() as u64, "{e}");
            let _ = e.to_string();
        }
        res
    }

    fn valid_single() -> Vec<u8> {
        // regions [2 PS, 10 PS) in a 16-page destination
        make_streams(1, 2 * PS as u64, 8).0.remove(0)
    }

    #[test]
    fn every_truncation_is_refused_as_truncated() {
        let s = valid_single();
        assert_eq!(hostile(&s), Ok(()));
        for cut in (0..s.len()).step_by(7).chain([s.len() - 1]) {
            let e = hostile(&s[..cut]).unwrap_err();
            let truncated = match e.kind() {
                StreamErrorKind::Truncated => true,
                StreamErrorKind::Payload(p) => {
                    p.kind() == crate::parallel::ApplyErrorKind::Truncated
                }
                _ => false,
            };
            assert!(truncated, "cut {cut}: {e}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn bit_flips_never_panic_or_escape(flips in proptest::collection::vec((any::<usize>(), 0u8..8), 1..4)) {
            let mut s = valid_single();
            for (at, bit) in flips {
                let i = at % s.len();
                s[i] ^= 1 << bit;
            }
            let _ = hostile(&s);
        }

        #[test]
        fn random_records_after_a_valid_header_never_panic(tail in proptest::collection::vec(any::<u8>(), 0..600)) {
            let mut s = valid_single()[..32].to_vec();
            s.extend_from_slice(&tail);
            let _ = hostile(&s);
        }

        #[test]
        fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = hostile(&bytes);
        }

        #[test]
        fn random_plausible_chunks_never_panic_or_escape(
            index in 0u64..3,
            ranges in proptest::collection::vec((0u64..20, 0u64..4), 0..4),
            body in proptest::collection::vec(prop_oneof![Just(0u8), Just(1), Just(2), Just(3), Just(0xE0), any::<u8>()], 0..64),
        ) {
            let mut s = valid_single()[..32].to_vec();
            s.push(REC_CHUNK);
            s.extend_from_slice(&index.to_le_bytes());
            s.extend_from_slice(&(ranges.len() as u16).to_le_bytes());
            for (p, n) in &ranges {
                push_range(&mut s, &MemoryRange::new(p * PS as u64, n * PS as u64));
            }
            let pages: u64 = ranges.iter().map(|r| r.1).sum();
            s.extend_from_slice(&[b'X', b'B', 1, 1]);
            s.extend_from_slice(&(pages as u32).to_le_bytes());
            s.extend_from_slice(&body);
            let _ = hostile(&s);
        }
    }

    /// The byte-by-byte example of docs/parallel-migration.md §3 is what the writer
    /// produces, and the reader accepts it.
    #[test]
    fn the_documented_example_stream() {
        let doc = include_str!("../../docs/parallel-migration.md");
        let block = doc
            .split("```text\n")
            .nth(1)
            .and_then(|b| b.split("```").next())
            .expect("the example block");
        let mut want = Vec::new();
        for line in block.lines() {
            // hex bytes, then (after three spaces) the comment
            let hex = line.split("   ").next().unwrap_or("");
            for h in hex.split_whitespace() {
                want.push(u8::from_str_radix(h, 16).expect(h));
            }
        }
        let mib = 1u64 << 20;
        let src = OwnedMemory::new(mib, 1 << 20);
        let cache = SharedCache::new(1 << 20, PS).unwrap();
        let h = StreamHeader::new(PS, std::vec![MemoryRange::new(mib, mib)]).unwrap();
        let mut w = StreamWriter::new(Vec::new(), &h).unwrap();
        let round = Round::new(&cache, RoundKind::Bulk);
        w.send_chunk(&round, &src, 0, &[MemoryRange::new(mib, PS as u64)])
            .unwrap();
        w.end_round(RoundKind::Bulk).unwrap();
        w.finish().unwrap();
        assert_eq!(w.into_inner(), want);
        let dst = OwnedMemory::new(mib, 1 << 20);
        assert_eq!(hostile_at(&want, &dst), Ok(()));
    }

    fn hostile_at(bytes: &[u8], dst: &OwnedMemory) -> Result<(), StreamError> {
        let applier = Applier::new(PS).unwrap();
        let mut r = StreamReader::open(bytes, &applier, dst)?;
        while !matches!(r.next_record(&applier, dst)?, Record::EndMigration { .. }) {}
        Ok(())
    }

    #[test]
    fn counting_reader_keeps_the_payload_head() {
        let data = [1u8, 2, 3, 4, 5, 6, 7, 8, 9];
        let mut src = &data[..];
        let mut c = Counting::new(&mut src);
        c.mark = 3;
        let mut a = [0u8; 2];
        let mut b = [0u8; 5];
        c.read_exact(&mut a).unwrap();
        c.read_exact(&mut b).unwrap();
        assert_eq!(c.head, [4, 5, 6, 7]);
        assert_eq!(c.pos, 7);
    }
}
