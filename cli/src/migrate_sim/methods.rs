//! The methods compared, behind one small interface: a per-worker [`ChunkEncoder`] that
//! writes the payload of one chunk of page ranges to its connection on the source, and a
//! per-connection [`ChunkDecoder`] that reads such a payload and applies it to the
//! destination for the same ranges.
//!
//! Payloads carry no addresses: the range table travels in the chunk's frame (as a VMM
//! sends it anyway) and records follow its order. Guest memory is reached through the
//! crate's [`RawRegion`] (`GuestRead::read_into` copies each page into a private buffer
//! first; shared memory is never examined in place).
//!
//! | method | payload per chunk | bulk round |
//! |---|---|---|
//! | `raw` | u32 length, then every page | the same |
//! | `zero` | u32 length, then per page a tag: zero, or raw + page | the same |
//! | `lz4` | u32 length, then per page a tag: zero, raw + page, or LZ4 block (be16 length) | the same |
//! | `zstd` | u32 length, then a tag per page (zero / data) and one zstd level-1 frame of all data pages of the chunk (multifd-zstd compresses per packet) | the same |
//! | `xbzrle` | the crate's chunk payload (`Round::encode`, docs/parallel-migration.md), self-delimiting | zero or raw, nothing cached (QEMU caches nothing in its first pass) |
//!
//! Zero-page detection in every method but `raw` follows QEMU, whose multifd channels
//! detect zero pages too.

use super::memory::{page_count, PAGE};
use anyhow::anyhow;
use serde::Serialize;
use std::io::{Read, Write};
use xbzrle::parallel::{GuestRead, GuestWrite, MemoryRange, RawRegion};

/// The three kinds of round of a precopy migration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RoundKind {
    /// Iteration 0: every page.
    Bulk,
    /// The pages dirtied during the previous round, guest running.
    Delta,
    /// Stop-and-copy: the last dirty pages, guest paused.
    Final,
}

impl RoundKind {
    pub fn name(self) -> &'static str {
        match self {
            RoundKind::Bulk => "bulk",
            RoundKind::Delta => "delta",
            RoundKind::Final => "final",
        }
    }
    /// The crate's round kind (and its byte in frames, `RoundKind::to_byte`).
    pub fn lib(self) -> xbzrle::parallel::RoundKind {
        match self {
            RoundKind::Bulk => xbzrle::parallel::RoundKind::Bulk,
            RoundKind::Delta => xbzrle::parallel::RoundKind::Delta,
            RoundKind::Final => xbzrle::parallel::RoundKind::Final,
        }
    }
    pub fn to_byte(self) -> u8 {
        self.lib().to_byte()
    }
    pub fn from_byte(b: u8) -> Option<RoundKind> {
        [RoundKind::Bulk, RoundKind::Delta, RoundKind::Final]
            .into_iter()
            .find(|k| k.to_byte() == b)
    }
}

/// What was sent for the pages of a chunk or a round.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct PageTally {
    /// Zero-page records.
    pub zero: u64,
    /// Whole pages sent as they are.
    pub raw: u64,
    /// Pages sent compressed or as an XBZRLE delta.
    pub compressed: u64,
    /// Pages found unchanged since last sent (XBZRLE): nothing but a tag.
    pub unchanged: u64,
}

impl PageTally {
    pub fn add(&mut self, o: &PageTally) {
        self.zero += o.zero;
        self.raw += o.raw;
        self.compressed += o.compressed;
        self.unchanged += o.unchanged;
    }
}

/// The XBZRLE cache's figures for one round (QEMU's counters).
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct CacheRound {
    /// Non-zero dirty pages looked up in the cache.
    pub lookups: u64,
    /// Lookups that missed (page sent raw).
    pub misses: u64,
    /// `misses / lookups` (0 when nothing was looked up).
    pub miss_rate: f64,
    /// Cached pages whose delta did not fit in a page (sent raw).
    pub overflows: u64,
    /// Pages sent as XBZRLE deltas.
    pub xbzrle_pages: u64,
}

/// Turns chunks into payloads on one source worker thread.
pub trait ChunkEncoder: Send {
    /// Writes the payload for the pages of `ranges` (read from `mem`) to `w`.
    fn encode(
        &mut self,
        kind: RoundKind,
        mem: &RawRegion,
        ranges: &[MemoryRange],
        w: &mut dyn Write,
        tally: &mut PageTally,
    ) -> anyhow::Result<()>;
}

/// Applies payloads on one destination connection.
pub trait ChunkDecoder: Send {
    /// Reads one payload from `r` (exactly its bytes) and applies it to the pages of
    /// `ranges` in `mem`; an error names the reason.
    fn apply(
        &mut self,
        kind: RoundKind,
        mem: &RawRegion,
        ranges: &[MemoryRange],
        r: &mut dyn Read,
    ) -> anyhow::Result<()>;
}

/// One migration method: shared state (a cache, if any) plus a factory of encoders and
/// decoders, one per thread.
pub trait Method: Sync {
    fn name(&self) -> &'static str;
    fn encoder(&self) -> Box<dyn ChunkEncoder + '_>;
    fn decoder(&self) -> Box<dyn ChunkDecoder + '_>;
    /// Called between rounds, no chunk in flight, before a round of `kind` starts.
    fn start_round(&self, _kind: RoundKind) {}
    /// Cache figures of the round just finished, for methods with a cache.
    fn end_round(&self) -> Option<CacheRound> {
        None
    }
}

/// `--methods` names.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum MethodName {
    Raw,
    Zero,
    Xbzrle,
    Lz4,
    Zstd,
}

/// The guest-physical address of every page of a range table, in order.
pub fn pages(ranges: &[MemoryRange]) -> impl Iterator<Item = u64> + '_ {
    ranges.iter().flat_map(|r| (r.gpa..r.end()).step_by(PAGE))
}

/// Most bytes a length-prefixed payload may announce: twice the largest `--chunk` (64 MiB;
/// room for tags and an incompressible zstd frame), so a corrupt length cannot make the
/// receiver allocate more.
const MAX_PAYLOAD: usize = 2 * (64 << 20);

/// Writes a payload built in memory with its u32 length in front.
fn write_framed(w: &mut dyn Write, payload: &[u8]) -> anyhow::Result<()> {
    let io = |e: std::io::Error| anyhow!("channel: {e}");
    w.write_all(&(payload.len() as u32).to_le_bytes())
        .map_err(io)?;
    w.write_all(payload).map_err(io)
}

/// Reads a payload written by [`write_framed`] into `buf`.
fn read_framed(r: &mut dyn Read, buf: &mut Vec<u8>) -> anyhow::Result<()> {
    let io = |e: std::io::Error| anyhow!("destination channel: {e}");
    let mut len = [0u8; 4];
    r.read_exact(&mut len).map_err(io)?;
    let len = u32::from_le_bytes(len) as usize;
    if len > MAX_PAYLOAD {
        return Err(anyhow!("payload of {len} bytes announced"));
    }
    buf.resize(len, 0);
    r.read_exact(buf).map_err(io)
}

/// A guest access the range check let through but the memory refused: cannot happen with
/// ranges checked against the region, reported rather than trusted.
fn mem_err(e: xbzrle::parallel::MemoryError) -> anyhow::Error {
    e.into()
}

/// Reads a payload front to back; every read is bounds-checked, so a short or corrupt
/// payload is an error, never a panic.
pub struct Cursor<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(buf: &'a [u8]) -> Cursor<'a> {
        Cursor { buf, pos: 0 }
    }
    pub fn take(&mut self, n: usize) -> anyhow::Result<&'a [u8]> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.buf.len())
            .ok_or_else(|| anyhow!("payload truncated at byte {}", self.pos))?;
        let s = &self.buf[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    pub fn u8(&mut self) -> anyhow::Result<u8> {
        Ok(self.take(1)?[0])
    }
    pub fn be16(&mut self) -> anyhow::Result<usize> {
        let b = self.take(2)?;
        Ok(u16::from_be_bytes([b[0], b[1]]) as usize)
    }
    pub fn be32(&mut self) -> anyhow::Result<usize> {
        let b = self.take(4)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }
    pub fn offset(&self) -> usize {
        self.pos
    }
    /// Refuses trailing bytes: a payload must be exactly what its ranges call for.
    pub fn finish(&self) -> anyhow::Result<()> {
        if self.pos == self.buf.len() {
            Ok(())
        } else {
            Err(anyhow!(
                "{} unexpected bytes after the last page",
                self.buf.len() - self.pos
            ))
        }
    }
}

pub const TAG_ZERO: u8 = 0;
pub const TAG_RAW: u8 = 1;
pub const TAG_PACKED: u8 = 2;

/// Appends the page at `gpa` of `mem` to `out` and returns where it landed.
fn push_page(mem: &RawRegion, gpa: u64, out: &mut Vec<u8>) -> anyhow::Result<usize> {
    let at = out.len();
    out.resize(at + PAGE, 0);
    mem.read_into(gpa, &mut out[at..]).map_err(mem_err)?;
    Ok(at)
}

// ---- raw -----------------------------------------------------------------------------

/// Every page as it is (cloud-hypervisor's method).
pub struct Raw;

/// Raw and zero-skip share their buffers: the payload being built or read.
struct PlainCodec {
    skip_zero: bool,
    buf: Vec<u8>,
}

impl PlainCodec {
    fn new(skip_zero: bool) -> PlainCodec {
        PlainCodec {
            skip_zero,
            buf: Vec::new(),
        }
    }
}

impl Method for Raw {
    fn name(&self) -> &'static str {
        "raw"
    }
    fn encoder(&self) -> Box<dyn ChunkEncoder + '_> {
        Box::new(PlainCodec::new(false))
    }
    fn decoder(&self) -> Box<dyn ChunkDecoder + '_> {
        Box::new(PlainCodec::new(false))
    }
}

// ---- zero ----------------------------------------------------------------------------

/// Zero pages as a one-byte record, every other page raw.
pub struct ZeroSkip;

impl Method for ZeroSkip {
    fn name(&self) -> &'static str {
        "zero"
    }
    fn encoder(&self) -> Box<dyn ChunkEncoder + '_> {
        Box::new(PlainCodec::new(true))
    }
    fn decoder(&self) -> Box<dyn ChunkDecoder + '_> {
        Box::new(PlainCodec::new(true))
    }
}

impl ChunkEncoder for PlainCodec {
    fn encode(
        &mut self,
        _: RoundKind,
        mem: &RawRegion,
        ranges: &[MemoryRange],
        w: &mut dyn Write,
        t: &mut PageTally,
    ) -> anyhow::Result<()> {
        let out = &mut self.buf;
        out.clear();
        for gpa in pages(ranges) {
            if !self.skip_zero {
                push_page(mem, gpa, out)?;
                t.raw += 1;
                continue;
            }
            out.push(TAG_RAW);
            let at = push_page(mem, gpa, out)?;
            if xbzrle::is_zero_page(&out[at..]) {
                out.truncate(at - 1);
                out.push(TAG_ZERO);
                t.zero += 1;
            } else {
                t.raw += 1;
            }
        }
        write_framed(w, out)
    }
}

/// Applies a zero-or-raw record (shared by the methods that have them).
fn apply_plain(tag: u8, c: &mut Cursor, mem: &RawRegion, gpa: u64) -> anyhow::Result<bool> {
    match tag {
        TAG_ZERO => mem.write_zeros(gpa, PAGE as u64).map_err(mem_err)?,
        TAG_RAW => mem.write_from(gpa, c.take(PAGE)?).map_err(mem_err)?,
        _ => return Ok(false),
    }
    Ok(true)
}

impl ChunkDecoder for PlainCodec {
    fn apply(
        &mut self,
        _: RoundKind,
        mem: &RawRegion,
        ranges: &[MemoryRange],
        r: &mut dyn Read,
    ) -> anyhow::Result<()> {
        read_framed(r, &mut self.buf)?;
        let mut c = Cursor::new(&self.buf);
        for gpa in pages(ranges) {
            if !self.skip_zero {
                mem.write_from(gpa, c.take(PAGE)?).map_err(mem_err)?;
                continue;
            }
            let at = c.offset();
            let tag = c.u8()?;
            if !apply_plain(tag, &mut c, mem, gpa)? {
                return Err(anyhow!("bad tag {tag} at byte {at}"));
            }
        }
        c.finish()
    }
}

// ---- lz4 -----------------------------------------------------------------------------

/// Per-page LZ4 (lz4_flex block format), raw when it does not shrink the page.
pub struct Lz4;

struct Lz4Codec {
    page: Vec<u8>,
    packed: Vec<u8>,
    buf: Vec<u8>,
}

impl Lz4Codec {
    fn new() -> Lz4Codec {
        Lz4Codec {
            page: vec![0; PAGE],
            packed: vec![0; lz4_flex::block::get_maximum_output_size(PAGE)],
            buf: Vec::new(),
        }
    }
}

impl Method for Lz4 {
    fn name(&self) -> &'static str {
        "lz4"
    }
    fn encoder(&self) -> Box<dyn ChunkEncoder + '_> {
        Box::new(Lz4Codec::new())
    }
    fn decoder(&self) -> Box<dyn ChunkDecoder + '_> {
        Box::new(Lz4Codec::new())
    }
}

impl ChunkEncoder for Lz4Codec {
    fn encode(
        &mut self,
        _: RoundKind,
        mem: &RawRegion,
        ranges: &[MemoryRange],
        w: &mut dyn Write,
        t: &mut PageTally,
    ) -> anyhow::Result<()> {
        let out = &mut self.buf;
        out.clear();
        for gpa in pages(ranges) {
            mem.read_into(gpa, &mut self.page).map_err(mem_err)?;
            if xbzrle::is_zero_page(&self.page) {
                out.push(TAG_ZERO);
                t.zero += 1;
                continue;
            }
            match lz4_flex::block::compress_into(&self.page, &mut self.packed) {
                // worth it only when the record is smaller than a raw one
                Ok(len) if len + 2 < PAGE => {
                    out.push(TAG_PACKED);
                    out.extend_from_slice(&(len as u16).to_be_bytes());
                    out.extend_from_slice(&self.packed[..len]);
                    t.compressed += 1;
                }
                _ => {
                    out.push(TAG_RAW);
                    out.extend_from_slice(&self.page);
                    t.raw += 1;
                }
            }
        }
        write_framed(w, out)
    }
}

impl ChunkDecoder for Lz4Codec {
    fn apply(
        &mut self,
        _: RoundKind,
        mem: &RawRegion,
        ranges: &[MemoryRange],
        r: &mut dyn Read,
    ) -> anyhow::Result<()> {
        read_framed(r, &mut self.buf)?;
        let mut c = Cursor::new(&self.buf);
        for gpa in pages(ranges) {
            let at = c.offset();
            let tag = c.u8()?;
            if apply_plain(tag, &mut c, mem, gpa)? {
                continue;
            }
            if tag != TAG_PACKED {
                return Err(anyhow!("bad tag {tag} at byte {at}"));
            }
            let len = c.be16()?;
            let got = lz4_flex::block::decompress_into(c.take(len)?, &mut self.page)
                .map_err(|e| anyhow!("LZ4 block at byte {at}: {e}"))?;
            if got != PAGE {
                return Err(anyhow!(
                    "LZ4 block at byte {at} gives {got} bytes, not a page"
                ));
            }
            mem.write_from(gpa, &self.page).map_err(mem_err)?;
        }
        c.finish()
    }
}

// ---- zstd ----------------------------------------------------------------------------

/// zstd level 1 over each chunk's non-zero pages, as QEMU's multifd-zstd compresses
/// each packet.
pub struct Zstd;

struct ZstdEncoder {
    cctx: zstd::bulk::Compressor<'static>,
    batch: Vec<u8>,
    buf: Vec<u8>,
}

struct ZstdDecoder {
    dctx: zstd::bulk::Decompressor<'static>,
    batch: Vec<u8>,
    buf: Vec<u8>,
}

impl Method for Zstd {
    fn name(&self) -> &'static str {
        "zstd"
    }
    fn encoder(&self) -> Box<dyn ChunkEncoder + '_> {
        Box::new(ZstdEncoder {
            cctx: zstd::bulk::Compressor::new(1).expect("zstd context"),
            batch: Vec::new(),
            buf: Vec::new(),
        })
    }
    fn decoder(&self) -> Box<dyn ChunkDecoder + '_> {
        Box::new(ZstdDecoder {
            dctx: zstd::bulk::Decompressor::new().expect("zstd context"),
            batch: Vec::new(),
            buf: Vec::new(),
        })
    }
}

impl ChunkEncoder for ZstdEncoder {
    fn encode(
        &mut self,
        _: RoundKind,
        mem: &RawRegion,
        ranges: &[MemoryRange],
        w: &mut dyn Write,
        t: &mut PageTally,
    ) -> anyhow::Result<()> {
        let out = &mut self.buf;
        out.clear();
        self.batch.clear();
        for gpa in pages(ranges) {
            let at = push_page(mem, gpa, &mut self.batch)?;
            if xbzrle::is_zero_page(&self.batch[at..]) {
                self.batch.truncate(at);
                out.push(TAG_ZERO);
                t.zero += 1;
            } else {
                out.push(TAG_RAW);
                t.compressed += 1;
            }
        }
        if !self.batch.is_empty() {
            let at = out.len();
            let bound = zstd::zstd_safe::compress_bound(self.batch.len());
            out.resize(at + 4 + bound, 0);
            let len = self
                .cctx
                .compress_to_buffer(&self.batch[..], &mut out[at + 4..])
                .map_err(|e| anyhow!("zstd: {e}"))?;
            out[at..at + 4].copy_from_slice(&(len as u32).to_be_bytes());
            out.truncate(at + 4 + len);
        }
        write_framed(w, out)
    }
}

impl ChunkDecoder for ZstdDecoder {
    fn apply(
        &mut self,
        _: RoundKind,
        mem: &RawRegion,
        ranges: &[MemoryRange],
        r: &mut dyn Read,
    ) -> anyhow::Result<()> {
        read_framed(r, &mut self.buf)?;
        let mut c = Cursor::new(&self.buf);
        let count = page_count(ranges) as usize;
        let tags = c.take(count)?;
        let data = tags.iter().filter(|&&t| t == TAG_RAW).count();
        if let Some(bad) = tags.iter().position(|&t| t != TAG_RAW && t != TAG_ZERO) {
            return Err(anyhow!("bad tag {} at byte {bad}", tags[bad]));
        }
        if data > 0 {
            let len = c.be32()?;
            let frame = c.take(len)?;
            self.batch.resize(data * PAGE, 0);
            let got = self
                .dctx
                .decompress_to_buffer(frame, &mut self.batch[..])
                .map_err(|e| anyhow!("zstd frame: {e}"))?;
            if got != data * PAGE {
                return Err(anyhow!("zstd frame gives {got} bytes, not {data} pages"));
            }
        }
        c.finish()?;
        let mut next = self.batch.chunks_exact(PAGE);
        for (gpa, &tag) in pages(ranges).zip(tags) {
            if tag == TAG_ZERO {
                mem.write_zeros(gpa, PAGE as u64).map_err(mem_err)?;
                continue;
            }
            let page = next
                .next()
                .ok_or_else(|| anyhow!("zstd frame: fewer pages than tags"))?;
            mem.write_from(gpa, page).map_err(mem_err)?;
        }
        Ok(())
    }
}
