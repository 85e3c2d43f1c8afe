//! Reader for the RAM part of a QEMU precopy live-migration stream (feature `std`).
//!
//! [`read_ram`] parses the file header, the optional configuration section and the
//! section records, and replays the RAM section ("ram") onto freshly allocated RAM blocks:
//! the block list of the setup section, then every page record of the iterative rounds and
//! of the final one (zero pages, raw pages, XBZRLE pages decoded with [`crate::decode`]
//! onto the block's current contents). It stops cleanly at the first device-state section
//! after the RAM section has ended (device state has no length prefix, so it cannot be
//! skipped without knowing every device), or at the end-of-file marker.
//!
//! Everything read from the stream is checked: sizes against [`ReadOptions::max_ram`],
//! page offsets against their block, XBZRLE payloads by the strict decoder. Errors are
//! [`StreamError`]s carrying the byte offset in the stream and a typed reason; the reader
//! never panics on any input. The format, as implemented, is described in
//! `docs/qemu-stream.md`.
//!
//! # Example
//! ```
//! use xbzrle::qemu_stream::{read_ram, ReadOptions};
//!
//! // A minimal stream: header, RAM setup with one 2-page block "pc.ram", one round with a
//! // raw page and a zero page, the (empty) final section, EOF.
//! let mut s = Vec::new();
//! s.extend_from_slice(b"QEVM\0\0\0\x03");
//! s.push(0x01); // section start
//! s.extend_from_slice(&2u32.to_be_bytes()); // section id
//! s.push(3);
//! s.extend_from_slice(b"ram");
//! s.extend_from_slice(&0u32.to_be_bytes()); // instance id
//! s.extend_from_slice(&4u32.to_be_bytes()); // version id
//! s.extend_from_slice(&(8192u64 | 0x04).to_be_bytes()); // MEM_SIZE: total RAM
//! s.push(6);
//! s.extend_from_slice(b"pc.ram");
//! s.extend_from_slice(&8192u64.to_be_bytes());
//! s.extend_from_slice(&0x10u64.to_be_bytes()); // EOS
//! s.push(0x02); // section part
//! s.extend_from_slice(&2u32.to_be_bytes());
//! s.extend_from_slice(&0x08u64.to_be_bytes()); // PAGE at offset 0, block named:
//! s.push(6);
//! s.extend_from_slice(b"pc.ram");
//! s.extend_from_slice(&[0xab; 4096]);
//! s.extend_from_slice(&(4096u64 | 0x20 | 0x02).to_be_bytes()); // ZERO, same block
//! s.push(0);
//! s.extend_from_slice(&0x10u64.to_be_bytes()); // EOS
//! s.push(0x03); // section end
//! s.extend_from_slice(&2u32.to_be_bytes());
//! s.extend_from_slice(&0x10u64.to_be_bytes());
//! s.push(0x08); // EOF
//!
//! let ram = read_ram(&s[..], &ReadOptions::default(), |_| {})?;
//! assert_eq!(ram.blocks[0].id, "pc.ram");
//! assert_eq!(&ram.blocks[0].data[..4096], &[0xab; 4096][..]);
//! assert_eq!(ram.total.normal_pages, 1);
//! assert_eq!(ram.total.zero_pages, 1);
//! # Ok::<(), xbzrle::qemu_stream::StreamError>(())
//! ```

use std::fmt;
use std::io::{self, Read};

/// `QEMU_VM_FILE_MAGIC`, "QEVM".
pub const FILE_MAGIC: u32 = 0x5145_564d;
/// The only stream version QEMU has written since 2012.
pub const FILE_VERSION: u32 = 3;

/// Section record types (the byte that starts each record).
mod sec {
    pub const EOF: u8 = 0x08;
    pub const START: u8 = 0x01;
    pub const PART: u8 = 0x02;
    pub const END: u8 = 0x03;
    pub const FULL: u8 = 0x04;
    pub const SUBSECTION: u8 = 0x05;
    pub const VMDESC: u8 = 0x06;
    pub const CONFIGURATION: u8 = 0x07;
    pub const COMMAND: u8 = 0x09;
    pub const FOOTER: u8 = 0x7e;
}

/// Flags in the low bits of a RAM record's be64 header word.
pub mod flags {
    /// Obsolete "full" flag; refused.
    pub const FULL: u64 = 0x01;
    /// A page filled with one byte value (QEMU: `RAM_SAVE_FLAG_ZERO`, once `COMPRESS`).
    pub const ZERO: u64 = 0x02;
    /// The block list (setup section only): the address field is the total RAM size.
    pub const MEM_SIZE: u64 = 0x04;
    /// A raw page follows.
    pub const PAGE: u64 = 0x08;
    /// End of a RAM section's data.
    pub const EOS: u64 = 0x10;
    /// Same block as the previous page record: no block id follows.
    pub const CONTINUE: u64 = 0x20;
    /// An XBZRLE-encoded page follows.
    pub const XBZRLE: u64 = 0x40;
    /// RDMA hook (not supported in a file stream).
    pub const HOOK: u64 = 0x80;
    /// Compressed page (removed compression feature; refused).
    pub const COMPRESS_PAGE: u64 = 0x100;
    /// Multifd synchronisation point: carries no data, ignored.
    pub const MULTIFD_FLUSH: u64 = 0x200;
}

/// `ENCODING_FLAG_XBZRLE`, the byte between the XBZRLE record header and the length.
pub const ENCODING_FLAG_XBZRLE: u8 = 0x01;

/// Most RAM blocks a stream may declare.
pub const MAX_BLOCKS: usize = 4096;

/// Options of [`read_ram`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    /// Largest total RAM (sum of all block sizes) the stream may declare, in bytes. A
    /// larger declaration is refused before anything is allocated.
    pub max_ram: u64,
    /// Target page size; QEMU's x86 targets use 4096. A `target-page-bits`
    /// configuration subsection in the stream overrides it.
    pub page_size: usize,
}

impl Default for ReadOptions {
    /// `max_ram` 16 GiB, `page_size` 4096.
    fn default() -> Self {
        ReadOptions {
            max_ram: 16 << 30,
            page_size: 4096,
        }
    }
}

/// Why a stream was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum StreamErrorKind {
    /// The stream ends in the middle of a field, or before the RAM section ended.
    Truncated,
    /// An I/O error other than end of file.
    Io(io::ErrorKind),
    /// The first four bytes are not "QEVM".
    BadMagic(u32),
    /// A stream version other than 3.
    BadVersion(u32),
    /// A section record type byte this reader does not know.
    UnknownSectionType(u8),
    /// A configuration subsection this reader does not know (its length is unknown).
    UnknownSubsection(String),
    /// A migration capability that changes the RAM format and is not supported.
    UnsupportedCapability(String),
    /// A section this reader cannot skip where it needs to go on (e.g. device state, or a
    /// second iterable section, before the RAM section has ended).
    UnsupportedSection(String),
    /// A section part/end for a section id that was never started.
    UnknownSectionId(u32),
    /// A section footer (0x7e) missing or naming another section.
    BadFooter,
    /// A RAM record with flags this reader does not accept.
    BadFlags(u64),
    /// A second block list, or page records before the block list.
    BadMemSize,
    /// The block list declares more RAM than [`ReadOptions::max_ram`] (`declared`
    /// bytes; `limit`).
    RamTooLarge {
        /// Bytes the stream declares.
        declared: u64,
        /// The limit.
        limit: u64,
    },
    /// A block whose size does not fit what is left of the declared total, is not a
    /// multiple of the page size, or a duplicate block id, or too many blocks.
    BadBlock(String),
    /// A page record names a block that is not in the block list.
    UnknownBlock(String),
    /// A `CONTINUE` record with no previous block.
    ContinueWithoutBlock,
    /// A page offset that is not page aligned or lies past the end of its block.
    PageOutOfRange {
        /// The block.
        block: String,
        /// The offset.
        offset: u64,
    },
    /// A zero page with a fill byte other than 0 (`fill`): QEMU refuses these too.
    BadZeroFill(u8),
    /// An XBZRLE record whose encoding byte is not 0x01.
    BadEncodingFlag(u8),
    /// An XBZRLE record whose length exceeds the page size.
    XbzrleTooLong(u16),
    /// An XBZRLE payload the decoder refused.
    Xbzrle(crate::DecodeError),
    /// The stream has no RAM section.
    NoRam,
}

impl fmt::Display for StreamErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use StreamErrorKind::*;
        match self {
            Truncated => f.write_str("stream truncated"),
            Io(k) => write!(f, "I/O error: {k}"),
            BadMagic(m) => write!(f, "not a QEMU migration stream (magic {m:#010x})"),
            BadVersion(v) => write!(f, "unsupported stream version {v} (want 3)"),
            UnknownSectionType(t) => write!(f, "unknown section type {t:#04x}"),
            UnknownSubsection(s) => write!(f, "unknown configuration subsection {s:?}"),
            UnsupportedCapability(s) => write!(f, "unsupported migration capability {s:?}"),
            UnsupportedSection(s) => write!(f, "cannot skip section {s}"),
            UnknownSectionId(id) => write!(f, "section id {id} was never started"),
            BadFooter => f.write_str("missing or wrong section footer"),
            BadFlags(fl) => write!(f, "unsupported RAM record flags {fl:#x}"),
            BadMemSize => f.write_str("misplaced RAM block list (MEM_SIZE)"),
            RamTooLarge { declared, limit } => write!(
                f,
                "stream declares {declared} bytes of RAM, above the limit of {limit} bytes (raise --max-ram)"
            ),
            BadBlock(s) => write!(f, "bad RAM block: {s}"),
            UnknownBlock(s) => write!(f, "page for unknown RAM block {s:?}"),
            ContinueWithoutBlock => f.write_str("CONTINUE page record with no previous block"),
            PageOutOfRange { block, offset } => {
                write!(f, "page offset {offset:#x} out of range of block {block:?}")
            }
            BadZeroFill(b) => write!(f, "zero page with fill byte {b:#04x}"),
            BadEncodingFlag(b) => write!(f, "XBZRLE encoding byte {b:#04x} (want 0x01)"),
            XbzrleTooLong(n) => write!(f, "XBZRLE payload of {n} bytes is longer than a page"),
            Xbzrle(e) => write!(f, "{e}"),
            NoRam => f.write_str("stream has no RAM section"),
        }
    }
}

/// A refused stream: where (byte offset of the offending field) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamError {
    offset: u64,
    kind: StreamErrorKind,
}

impl StreamError {
    /// Builds an error.
    pub fn new(kind: StreamErrorKind, offset: u64) -> StreamError {
        StreamError { offset, kind }
    }
    /// Byte offset in the stream of the field that was refused (for truncation: where
    /// the stream ended).
    pub fn offset(&self) -> u64 {
        self.offset
    }
    /// Why the stream was refused.
    pub fn kind(&self) -> &StreamErrorKind {
        &self.kind
    }
}

impl fmt::Display for StreamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at stream byte {}: {}", self.offset, self.kind)
    }
}

impl std::error::Error for StreamError {}

/// One RAM block as rebuilt from the stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RamBlock {
    /// QEMU's block id, e.g. "pc.ram" (as found in the stream: untrusted).
    pub id: String,
    /// The block's contents (its `used_length` bytes).
    pub data: Vec<u8>,
}

/// Record counts, in QEMU's vocabulary (`query-migrate`): `duplicate` zero pages,
/// `normal` raw pages, `xbzrle-cache.pages`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RecordCounts {
    /// ZERO records (QEMU's `ram.duplicate`).
    pub zero_pages: u64,
    /// PAGE records (QEMU's `ram.normal`).
    pub normal_pages: u64,
    /// XBZRLE records (QEMU's `xbzrle-cache.pages`).
    pub xbzrle_pages: u64,
    /// Sum of the XBZRLE payload lengths.
    pub xbzrle_payload_bytes: u64,
    /// What QEMU counts as `xbzrle-cache.bytes`: per XBZRLE record, the payload plus the
    /// encoding byte and be16 length (3) plus the block id (1 + length) when the record
    /// does not carry `CONTINUE` (everything but the be64 header word).
    pub xbzrle_bytes: u64,
}

impl RecordCounts {
    fn add(&mut self, o: &RecordCounts) {
        self.zero_pages += o.zero_pages;
        self.normal_pages += o.normal_pages;
        self.xbzrle_pages += o.xbzrle_pages;
        self.xbzrle_payload_bytes += o.xbzrle_payload_bytes;
        self.xbzrle_bytes += o.xbzrle_bytes;
    }
}

/// The records of one round.
///
/// The stream does not mark QEMU's passes over the dirty bitmap; a pass sends pages in
/// increasing (block, offset) order, so a new round starts wherever a page record does not
/// come after the previous one. The final section (QEMU's completion stage, guest stopped)
/// is always a round of its own, marked `final_stage`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Round {
    /// Counts of the round.
    pub counts: RecordCounts,
    /// Whether this is the final (completion) section.
    pub final_stage: bool,
}

/// How the kind of a page record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind<'a> {
    /// A zero page (fill byte 0).
    Zero,
    /// A raw page.
    Normal,
    /// An XBZRLE page with its payload.
    Xbzrle(&'a [u8]),
}

/// A page record as applied, passed to the callback of [`read_ram`].
#[derive(Debug, Clone, Copy)]
pub struct PageRecord<'a> {
    /// Stream offset of the record's header word.
    pub stream_offset: u64,
    /// Index of the round (0-based) in [`RamImage::rounds`].
    pub round: usize,
    /// Index of the block in [`RamImage::blocks`].
    pub block: usize,
    /// Block id.
    pub block_id: &'a str,
    /// Offset of the page in its block.
    pub offset: u64,
    /// What the record carried.
    pub kind: PageKind<'a>,
    /// The page before the record was applied.
    pub before: &'a [u8],
    /// The page after.
    pub after: &'a [u8],
}

/// Where reading stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopReason {
    /// At the end-of-file marker (0x08).
    Eof,
    /// At a device-state section after the RAM section ended (offset of its type byte).
    DeviceState(u64),
}

/// The result of [`read_ram`].
#[derive(Debug, Clone)]
pub struct RamImage {
    /// The RAM blocks, in the stream's order.
    pub blocks: Vec<RamBlock>,
    /// The target page size used.
    pub page_size: usize,
    /// Machine type from the configuration section, if any.
    pub machine: Option<String>,
    /// Counts per round.
    pub rounds: Vec<Round>,
    /// Counts of the whole stream.
    pub total: RecordCounts,
    /// Number of RAM sections records (start, parts, end).
    pub ram_sections: u64,
    /// Where reading stopped.
    pub stop: StopReason,
    /// Stream bytes consumed.
    pub bytes_read: u64,
}

struct Src<R> {
    r: R,
    pos: u64,
    peeked: Option<u8>,
}

impl<R: Read> Src<R> {
    fn err(&self, kind: StreamErrorKind, at: u64) -> StreamError {
        StreamError::new(kind, at)
    }
    fn fill(&mut self, buf: &mut [u8]) -> Result<(), StreamError> {
        let mut done = 0;
        if let (Some(b), false) = (self.peeked, buf.is_empty()) {
            buf[0] = b;
            self.peeked = None;
            done = 1;
            self.pos += 1;
        }
        while done < buf.len() {
            match self.r.read(&mut buf[done..]) {
                Ok(0) => return Err(self.err(StreamErrorKind::Truncated, self.pos)),
                Ok(n) => {
                    done += n;
                    self.pos += n as u64;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(self.err(StreamErrorKind::Io(e.kind()), self.pos)),
            }
        }
        Ok(())
    }
    fn u8(&mut self) -> Result<u8, StreamError> {
        let mut b = [0u8; 1];
        self.fill(&mut b)?;
        Ok(b[0])
    }
    fn be16(&mut self) -> Result<u16, StreamError> {
        let mut b = [0u8; 2];
        self.fill(&mut b)?;
        Ok(u16::from_be_bytes(b))
    }
    fn be32(&mut self) -> Result<u32, StreamError> {
        let mut b = [0u8; 4];
        self.fill(&mut b)?;
        Ok(u32::from_be_bytes(b))
    }
    fn be64(&mut self) -> Result<u64, StreamError> {
        let mut b = [0u8; 8];
        self.fill(&mut b)?;
        Ok(u64::from_be_bytes(b))
    }
    /// u8 length + bytes, as a (lossy) string.
    fn idstr(&mut self) -> Result<String, StreamError> {
        let n = self.u8()? as usize;
        let mut b = [0u8; 255];
        self.fill(&mut b[..n])?;
        Ok(String::from_utf8_lossy(&b[..n]).into_owned())
    }
    /// Next byte without consuming it; `None` at end of stream.
    fn peek(&mut self) -> Result<Option<u8>, StreamError> {
        if self.peeked.is_none() {
            let mut b = [0u8; 1];
            loop {
                match self.r.read(&mut b) {
                    Ok(0) => return Ok(None),
                    Ok(_) => break,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(self.err(StreamErrorKind::Io(e.kind()), self.pos)),
                }
            }
            self.peeked = Some(b[0]);
        }
        Ok(self.peeked)
    }
    fn skip(&mut self, mut n: u64) -> Result<(), StreamError> {
        let mut b = [0u8; 512];
        while n > 0 {
            let k = n.min(512) as usize;
            self.fill(&mut b[..k])?;
            n -= k as u64;
        }
        Ok(())
    }
}

struct Ram {
    blocks: Vec<RamBlock>,
    declared: bool,
    last_block: Option<usize>,
    /// (block, offset) of the previous page record, for round detection.
    last_pos: Option<(usize, u64)>,
    rounds: Vec<Round>,
    in_final: bool,
    before: Vec<u8>,
}

/// Reads a QEMU precopy migration stream and rebuilds its RAM blocks.
///
/// `on_page` is called after each page record has been applied, with the page before and
/// after (the `--verify` of the CLI re-encodes XBZRLE pages from these). See the
/// [module documentation](self) for what is accepted, and for an example.
pub fn read_ram<R: Read>(
    reader: R,
    opts: &ReadOptions,
    mut on_page: impl FnMut(&PageRecord<'_>),
) -> Result<RamImage, StreamError> {
    let mut s = Src {
        r: reader,
        pos: 0,
        peeked: None,
    };
    let magic = s.be32()?;
    if magic != FILE_MAGIC {
        return Err(s.err(StreamErrorKind::BadMagic(magic), 0));
    }
    let version = s.be32()?;
    if version != FILE_VERSION {
        return Err(s.err(StreamErrorKind::BadVersion(version), 4));
    }
    let mut page_size = opts.page_size;
    if page_size == 0 || !page_size.is_power_of_two() || page_size > crate::MAX_PAGE_SIZE {
        page_size = 4096;
    }
    let mut machine = None;
    let mut ignore_shared = false;
    if s.peek()? == Some(sec::CONFIGURATION) {
        s.u8()?;
        let len_at = s.pos;
        let len = s.be32()?;
        if len > 256 {
            return Err(s.err(
                StreamErrorKind::BadBlock("machine name too long".into()),
                len_at,
            ));
        }
        let mut name = vec![0u8; len as usize];
        s.fill(&mut name)?;
        machine = Some(String::from_utf8_lossy(&name).into_owned());
        while s.peek()? == Some(sec::SUBSECTION) {
            s.u8()?;
            let at = s.pos;
            let name = s.idstr()?;
            let _version = s.be32()?;
            match name.as_str() {
                "configuration/target-page-bits" => {
                    let bits_at = s.pos;
                    let bits = s.be32()?;
                    if !(9..=14).contains(&bits) {
                        return Err(s.err(
                            StreamErrorKind::BadBlock(format!("target page bits {bits}")),
                            bits_at,
                        ));
                    }
                    page_size = 1 << bits;
                }
                "configuration/capabilities" => {
                    let n = s.be32()?;
                    if n > 256 {
                        return Err(s.err(StreamErrorKind::UnknownSubsection(name), at));
                    }
                    for _ in 0..n {
                        let cap_at = s.pos;
                        let cap = s.idstr()?;
                        match cap.as_str() {
                            "x-ignore-shared" => ignore_shared = true,
                            "mapped-ram" => {
                                return Err(
                                    s.err(StreamErrorKind::UnsupportedCapability(cap), cap_at)
                                )
                            }
                            _ => {}
                        }
                    }
                }
                "configuration/uuid" => s.skip(16)?,
                _ => return Err(s.err(StreamErrorKind::UnknownSubsection(name), at)),
            }
        }
    }

    let mut ram = Ram {
        blocks: Vec::new(),
        declared: false,
        last_block: None,
        last_pos: None,
        rounds: Vec::new(),
        in_final: false,
        before: vec![0u8; page_size],
    };
    let mut ram_section: Option<u32> = None;
    let mut ram_ended = false;
    let mut ram_sections = 0u64;
    let stop;
    loop {
        let at = s.pos;
        let t = match s.peek()? {
            Some(t) => t,
            None => {
                return Err(s.err(StreamErrorKind::Truncated, at));
            }
        };
        s.u8()?;
        match t {
            sec::EOF => {
                if ram_section.is_none() {
                    return Err(s.err(StreamErrorKind::NoRam, at));
                }
                if !ram_ended {
                    return Err(s.err(StreamErrorKind::Truncated, at));
                }
                stop = StopReason::Eof;
                break;
            }
            sec::START | sec::FULL => {
                let id = s.be32()?;
                let name_at = s.pos;
                let name = s.idstr()?;
                let _instance = s.be32()?;
                let _version = s.be32()?;
                if t == sec::START && name == "ram" && ram_section.is_none() {
                    ram_section = Some(id);
                    ram_sections += 1;
                    ram_part(
                        &mut s,
                        &mut ram,
                        page_size,
                        opts,
                        ignore_shared,
                        &mut on_page,
                    )?;
                    footer(&mut s, id)?;
                } else if ram_ended {
                    stop = StopReason::DeviceState(at);
                    break;
                } else {
                    return Err(s.err(
                        StreamErrorKind::UnsupportedSection(format!(
                            "{name:?} (type {t:#04x}) before the end of RAM"
                        )),
                        name_at,
                    ));
                }
            }
            sec::PART | sec::END => {
                let id_at = s.pos;
                let id = s.be32()?;
                if Some(id) != ram_section || ram_ended {
                    if ram_ended {
                        stop = StopReason::DeviceState(at);
                        break;
                    }
                    return Err(s.err(StreamErrorKind::UnknownSectionId(id), id_at));
                }
                ram_sections += 1;
                if t == sec::END {
                    ram.in_final = true;
                    ram.rounds.push(Round {
                        counts: RecordCounts::default(),
                        final_stage: true,
                    });
                }
                ram_part(
                    &mut s,
                    &mut ram,
                    page_size,
                    opts,
                    ignore_shared,
                    &mut on_page,
                )?;
                footer(&mut s, id)?;
                if t == sec::END {
                    ram_ended = true;
                }
            }
            sec::COMMAND => {
                let cmd = s.be16()?;
                let len = s.be16()?;
                if cmd == 1 || cmd == 2 {
                    // POSTCOPY_ADVISE / LISTEN: block records would carry page sizes.
                    return Err(s.err(
                        StreamErrorKind::UnsupportedSection(format!("postcopy command {cmd}")),
                        at,
                    ));
                }
                s.skip(len as u64)?;
            }
            sec::VMDESC | sec::FOOTER | sec::SUBSECTION | sec::CONFIGURATION => {
                if ram_ended {
                    stop = StopReason::DeviceState(at);
                    break;
                }
                return Err(s.err(
                    StreamErrorKind::UnsupportedSection(format!("type {t:#04x} here")),
                    at,
                ));
            }
            _ => return Err(s.err(StreamErrorKind::UnknownSectionType(t), at)),
        }
    }
    let mut total = RecordCounts::default();
    for r in &ram.rounds {
        total.add(&r.counts);
    }
    Ok(RamImage {
        blocks: ram.blocks,
        page_size,
        machine,
        rounds: ram.rounds,
        total,
        ram_sections,
        stop,
        bytes_read: s.pos,
    })
}

fn footer<R: Read>(s: &mut Src<R>, id: u32) -> Result<(), StreamError> {
    // Section footers exist since QEMU 2.4 machine types; accept their absence.
    if s.peek()? == Some(sec::FOOTER) {
        let at = s.pos;
        s.u8()?;
        if s.be32()? != id {
            return Err(s.err(StreamErrorKind::BadFooter, at));
        }
    }
    Ok(())
}

fn ram_part<R: Read>(
    s: &mut Src<R>,
    ram: &mut Ram,
    page_size: usize,
    opts: &ReadOptions,
    ignore_shared: bool,
    on_page: &mut impl FnMut(&PageRecord<'_>),
) -> Result<(), StreamError> {
    let mask = page_size as u64 - 1;
    let mut payload = vec![0u8; page_size];
    loop {
        let at = s.pos;
        let word = s.be64()?;
        let fl = word & mask & !flags::MULTIFD_FLUSH;
        let addr = word & !mask;
        if word & mask & flags::MULTIFD_FLUSH != 0 && fl == 0 {
            continue;
        }
        if fl == flags::EOS {
            return Ok(());
        }
        if fl == flags::MEM_SIZE {
            if ram.declared {
                return Err(s.err(StreamErrorKind::BadMemSize, at));
            }
            ram.declared = true;
            read_blocks(
                s,
                ram,
                word & !flags::MEM_SIZE,
                at,
                page_size,
                opts,
                ignore_shared,
            )?;
            continue;
        }
        let kind = fl & !flags::CONTINUE;
        if !matches!(kind, flags::ZERO | flags::PAGE | flags::XBZRLE) {
            return Err(s.err(StreamErrorKind::BadFlags(word & mask), at));
        }
        if !ram.declared {
            return Err(s.err(StreamErrorKind::BadMemSize, at));
        }
        let b = if fl & flags::CONTINUE != 0 {
            ram.last_block
                .ok_or_else(|| s.err(StreamErrorKind::ContinueWithoutBlock, at))?
        } else {
            let id_at = s.pos;
            let id = s.idstr()?;
            match ram.blocks.iter().position(|b| b.id == id) {
                Some(i) => i,
                None => return Err(s.err(StreamErrorKind::UnknownBlock(id), id_at)),
            }
        };
        ram.last_block = Some(b);
        let block_len = ram.blocks[b].data.len() as u64;
        if addr >= block_len || block_len - addr < page_size as u64 {
            return Err(s.err(
                StreamErrorKind::PageOutOfRange {
                    block: ram.blocks[b].id.clone(),
                    offset: addr,
                },
                at,
            ));
        }
        // Round bookkeeping.
        if ram.rounds.is_empty() || (!ram.in_final && ram.last_pos.is_some_and(|p| p >= (b, addr)))
        {
            ram.rounds.push(Round::default());
        }
        ram.last_pos = Some((b, addr));
        let round = ram.rounds.len() - 1;
        let start = addr as usize;
        let mut xbz_len = 0usize;
        match kind {
            flags::ZERO => {
                let fill_at = s.pos;
                let fill = s.u8()?;
                if fill != 0 {
                    return Err(s.err(StreamErrorKind::BadZeroFill(fill), fill_at));
                }
                let page = &mut ram.blocks[b].data[start..start + page_size];
                ram.before.copy_from_slice(page);
                page.fill(0);
                ram.rounds[round].counts.zero_pages += 1;
            }
            flags::PAGE => {
                s.fill(&mut payload)?;
                let page = &mut ram.blocks[b].data[start..start + page_size];
                ram.before.copy_from_slice(page);
                page.copy_from_slice(&payload);
                ram.rounds[round].counts.normal_pages += 1;
            }
            _ => {
                let enc_at = s.pos;
                let enc = s.u8()?;
                if enc != ENCODING_FLAG_XBZRLE {
                    return Err(s.err(StreamErrorKind::BadEncodingFlag(enc), enc_at));
                }
                let len_at = s.pos;
                let len = s.be16()?;
                if len as usize > page_size {
                    return Err(s.err(StreamErrorKind::XbzrleTooLong(len), len_at));
                }
                xbz_len = len as usize;
                let data_at = s.pos;
                s.fill(&mut payload[..xbz_len])?;
                let page = &mut ram.blocks[b].data[start..start + page_size];
                ram.before.copy_from_slice(page);
                crate::decode(&payload[..xbz_len], page).map_err(|e| {
                    StreamError::new(StreamErrorKind::Xbzrle(e), data_at + e.offset() as u64)
                })?;
                let c = &mut ram.rounds[round].counts;
                c.xbzrle_pages += 1;
                c.xbzrle_payload_bytes += len as u64;
                let id_bytes = if fl & flags::CONTINUE != 0 {
                    0
                } else {
                    1 + ram.blocks[b].id.len() as u64
                };
                c.xbzrle_bytes += 3 + len as u64 + id_bytes;
            }
        }
        let blk = &ram.blocks[b];
        on_page(&PageRecord {
            stream_offset: at,
            round,
            block: b,
            block_id: &blk.id,
            offset: addr,
            kind: match kind {
                flags::ZERO => PageKind::Zero,
                flags::PAGE => PageKind::Normal,
                _ => PageKind::Xbzrle(&payload[..xbz_len]),
            },
            before: &ram.before,
            after: &blk.data[start..start + page_size],
        });
    }
}

fn read_blocks<R: Read>(
    s: &mut Src<R>,
    ram: &mut Ram,
    total: u64,
    total_at: u64,
    page_size: usize,
    opts: &ReadOptions,
    ignore_shared: bool,
) -> Result<(), StreamError> {
    if total > opts.max_ram {
        return Err(s.err(
            StreamErrorKind::RamTooLarge {
                declared: total,
                limit: opts.max_ram,
            },
            total_at,
        ));
    }
    let mut left = total;
    while left > 0 {
        let at = s.pos;
        if ram.blocks.len() >= MAX_BLOCKS {
            return Err(s.err(StreamErrorKind::BadBlock("too many blocks".into()), at));
        }
        let id = s.idstr()?;
        let len_at = s.pos;
        let len = s.be64()?;
        if ignore_shared {
            let _addr = s.be64()?;
        }
        if len > left || len & (page_size as u64 - 1) != 0 || len == 0 {
            return Err(s.err(
                StreamErrorKind::BadBlock(format!(
                    "{id:?} of {len} bytes (declared total left {left}, page size {page_size})"
                )),
                len_at,
            ));
        }
        if ram.blocks.iter().any(|b| b.id == id) {
            return Err(s.err(
                StreamErrorKind::BadBlock(format!("duplicate id {id:?}")),
                at,
            ));
        }
        left -= len;
        let len = usize::try_from(len).map_err(|_| {
            s.err(
                StreamErrorKind::RamTooLarge {
                    declared: total,
                    limit: opts.max_ram,
                },
                total_at,
            )
        })?;
        ram.blocks.push(RamBlock {
            id,
            data: vec![0u8; len],
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use xbzrle_testkit::qemu_stream::StreamWriter as W;

    fn small() -> ReadOptions {
        ReadOptions {
            max_ram: 1 << 20,
            ..ReadOptions::default()
        }
    }

    fn sample() -> Vec<u8> {
        let mut w = W::header("test");
        w.start_ram(&[("pc.ram", 4 * 4096), ("/rom@etc/x", 4096)]);
        w.part(false)
            .page(0, Some("pc.ram"), &[7u8; 4096])
            .zero(4096, None)
            .page(0, Some("/rom@etc/x"), &[1u8; 4096])
            .end_part();
        // second round: XBZRLE on page 0
        let mut new = [7u8; 4096];
        new[10] = 9;
        new[4000] = 3;
        let mut out = [0u8; 4096];
        let n = crate::encode(&[7u8; 4096], &new, &mut out).unwrap();
        w.part(false)
            .xbzrle(0, Some("pc.ram"), &out[..n])
            .end_part();
        w.part(true).zero(8192, Some("pc.ram")).end_part();
        w.device_section("timer");
        w.bytes
    }

    #[test]
    fn reads_sample() {
        let s = sample();
        let mut xbz = 0;
        let img = read_ram(&s[..], &small(), |p| {
            if let PageKind::Xbzrle(payload) = p.kind {
                xbz += 1;
                let mut out = [0u8; 4096];
                let n = crate::encode(p.before, p.after, &mut out).unwrap();
                assert_eq!(&out[..n], payload);
            }
        })
        .unwrap();
        assert_eq!(xbz, 1);
        assert_eq!(img.blocks.len(), 2);
        assert_eq!(img.blocks[0].data[10], 9);
        assert_eq!(img.blocks[0].data[11], 7);
        assert_eq!(img.blocks[1].data, vec![1u8; 4096]);
        assert_eq!(img.rounds.len(), 3);
        assert!(img.rounds[2].final_stage);
        assert_eq!(img.total.zero_pages, 2);
        assert_eq!(img.total.normal_pages, 2);
        assert_eq!(img.total.xbzrle_pages, 1);
        assert_eq!(img.machine.as_deref(), Some("test"));
        assert!(matches!(img.stop, StopReason::DeviceState(_)));
    }

    #[test]
    fn truncation_at_every_byte() {
        let s = sample();
        let stop = match read_ram(&s[..], &small(), |_| {}).unwrap().stop {
            StopReason::DeviceState(o) => o as usize,
            StopReason::Eof => s.len(),
        };
        for n in 0..stop {
            let e = read_ram(&s[..n], &small(), |_| {}).unwrap_err();
            assert_eq!(e.kind(), &StreamErrorKind::Truncated, "cut at {n}");
            assert!(e.offset() <= n as u64);
        }
    }

    #[test]
    fn bit_flips_never_panic() {
        let s = sample();
        for i in 0..s.len() {
            for bit in 0..8 {
                let mut t = s.clone();
                t[i] ^= 1 << bit;
                if let Err(e) = read_ram(&t[..], &small(), |_| {}) {
                    assert!(e.offset() <= t.len() as u64);
                    assert!(!e.to_string().is_empty());
                }
            }
        }
    }

    #[test]
    fn refuses_huge_block() {
        let mut w = W::header("test");
        w.start_ram(&[("pc.ram", 1 << 40)]);
        let e = read_ram(&w.bytes[..], &ReadOptions::default(), |_| {}).unwrap_err();
        assert_eq!(
            e.kind(),
            &StreamErrorKind::RamTooLarge {
                declared: 1 << 40,
                limit: 16 << 30
            }
        );
        assert_eq!(e.offset(), 8 + 9 + 1 + 4 + 4 + 4 + 4);
        assert!(e.to_string().contains("--max-ram"));
    }

    #[test]
    fn typed_errors() {
        let opts = small();
        let e = read_ram(&b"QEVX\0\0\0\x03"[..], &opts, |_| {}).unwrap_err();
        assert!(matches!(e.kind(), StreamErrorKind::BadMagic(_)));
        let mut w = W::header("test");
        w.start_ram(&[("pc.ram", 4096)]);
        w.part(false).page(4096, Some("pc.ram"), &[0; 4096]);
        let e = read_ram(&w.bytes[..], &opts, |_| {}).unwrap_err();
        assert!(matches!(e.kind(), StreamErrorKind::PageOutOfRange { .. }));
        let mut w = W::header("test");
        w.start_ram(&[("pc.ram", 4096)]);
        w.part(false).zero(0, None);
        let e = read_ram(&w.bytes[..], &opts, |_| {}).unwrap_err();
        assert_eq!(e.kind(), &StreamErrorKind::ContinueWithoutBlock);
        let mut w = W::header("test");
        w.start_ram(&[("pc.ram", 4096)]);
        w.part(false).xbzrle(0, Some("pc.ram"), &[0x00, 0x05, 1]);
        let e = read_ram(&w.bytes[..], &opts, |_| {}).unwrap_err();
        assert!(matches!(e.kind(), StreamErrorKind::Xbzrle(_)));
        let mut w = W::header("test");
        w.start_ram(&[("pc.ram", 4096)]);
        w.part(false).page(0, Some("nope"), &[0; 4096]);
        let e = read_ram(&w.bytes[..], &opts, |_| {}).unwrap_err();
        assert!(matches!(e.kind(), StreamErrorKind::UnknownBlock(_)));
    }

    #[test]
    fn random_streams_never_panic() {
        let mut x = 0x1234_5678_9abc_def1u64;
        let base = sample();
        for _ in 0..2000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let n = (x % 300) as usize;
            let mut t: Vec<u8> = base[..(x as usize >> 20) % base.len()].to_vec();
            for _ in 0..n {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                t.push(x as u8);
            }
            let _ = read_ram(&t[..], &small(), |_| {});
        }
    }
}
