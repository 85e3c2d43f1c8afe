//! The image-delta container (version 1). All integers little-endian.
//!
//! ```text
//! header   64 bytes
//!   0  8  magic "XBZRLEIM"
//!   8  4  version = 1
//!  12  4  page size P (1 ..= 16384)
//!  16  4  pages per frame F (>= 1, F * P <= 16 MiB)
//!  20  4  reserved, 0
//!  24  8  OLD image length in bytes
//!  32  8  NEW image length in bytes
//!  40  8  page count = ceil(NEW length / P)
//!  48  8  reserved, 0
//!  56  8  H = XXH3-64(bytes 0..56)                     (the header checksum)
//! frame k (k = 0 .. ceil(pages / F)), covering pages k*F .. min((k+1)*F, pages)
//!   0  4  N = length of the records
//!   4  N  one record per page, in page order
//!  4+N 8  XXH3-64 with seed H + k of bytes 0 .. 4+N
//! record
//!   00                 unchanged: the page equals the OLD page
//!   02                 zero: the page is all zeros
//!   08 + P bytes       raw: the page verbatim
//!   40 + u16 L + L     XBZRLE payload against the OLD page, 1 <= L <= P
//! trailer  40 bytes
//!   0  8  magic "XBZRLEND"
//!   8  8  frame count
//!  16  8  checksum of the whole OLD image (see below)
//!  24  8  checksum of the whole NEW image
//!  32  8  XXH3-64 with seed H of bytes 0..32
//! ```
//!
//! The checksum of an image is computed in pieces so that it can be computed in
//! parallel: cut the image into consecutive pieces of S = F × P bytes (the last one
//! shorter; none for an empty image), take the XXH3-64 of each piece, and the image's
//! checksum is the XXH3-64 of those values written one after the other as u64 LE.
//!
//! Pages are taken from the images zero-extended to any length. The OLD page `i` is OLD
//! bytes `[i*P, (i+1)*P)` (zeros past OLD's end); the NEW page `i` is NEW's bytes there,
//! and, past NEW's end in its last page, the OLD page's bytes (so an unchanged tail costs
//! nothing). `patch` writes the first NEW-length bytes of the patched pages.

use std::io::{self, Read};
use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed, Xxh3};

pub const MAGIC: [u8; 8] = *b"XBZRLEIM";
pub const END_MAGIC: [u8; 8] = *b"XBZRLEND";
pub const VERSION: u32 = 1;
pub const HEADER_LEN: usize = 64;
pub const TRAILER_LEN: usize = 40;
/// Largest frame span (pages per frame × page size) `patch` accepts.
pub const MAX_FRAME_SPAN: u64 = 16 << 20;
/// Largest image length a header may declare (no file can be longer): keeps every sum
/// and product of lengths and offsets far from overflowing a u64.
pub const MAX_IMAGE_LEN: u64 = i64::MAX as u64;
/// Frame span `diff` aims for.
pub const FRAME_SPAN: usize = 1 << 20;

pub const UNCHANGED: u8 = 0x00;
pub const ZERO: u8 = 0x02;
pub const RAW: u8 = 0x08;
pub const XBZRLE: u8 = 0x40;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub page_size: u32,
    pub pages_per_frame: u32,
    pub old_len: u64,
    pub new_len: u64,
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().unwrap())
}
fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().unwrap())
}

impl Header {
    pub fn new(page_size: usize, old_len: u64, new_len: u64) -> Header {
        Header {
            page_size: page_size as u32,
            pages_per_frame: (FRAME_SPAN / page_size).max(1) as u32,
            old_len,
            new_len,
        }
    }

    pub fn page_size(&self) -> usize {
        self.page_size as usize
    }

    pub fn page_count(&self) -> u64 {
        self.new_len.div_ceil(self.page_size as u64)
    }

    pub fn frame_count(&self) -> u64 {
        self.page_count().div_ceil(self.pages_per_frame as u64)
    }

    /// Pages in frame `k`.
    pub fn pages_in_frame(&self, k: u64) -> usize {
        let first = k * self.pages_per_frame as u64;
        (self.page_count() - first).min(self.pages_per_frame as u64) as usize
    }

    /// Bytes of the largest frame span: pages per frame × page size.
    pub fn frame_span(&self) -> usize {
        self.pages_per_frame as usize * self.page_size()
    }

    /// Largest valid record length of a frame of `pages` pages.
    pub fn max_records_len(&self, pages: usize) -> usize {
        pages * (self.page_size() + 3)
    }

    /// The 64 header bytes, and the header checksum H.
    pub fn to_bytes(self) -> ([u8; HEADER_LEN], u64) {
        let mut b = [0u8; HEADER_LEN];
        b[0..8].copy_from_slice(&MAGIC);
        b[8..12].copy_from_slice(&VERSION.to_le_bytes());
        b[12..16].copy_from_slice(&self.page_size.to_le_bytes());
        b[16..20].copy_from_slice(&self.pages_per_frame.to_le_bytes());
        b[24..32].copy_from_slice(&self.old_len.to_le_bytes());
        b[32..40].copy_from_slice(&self.new_len.to_le_bytes());
        b[40..48].copy_from_slice(&self.page_count().to_le_bytes());
        let h = xxh3_64(&b[..56]);
        b[56..64].copy_from_slice(&h.to_le_bytes());
        (b, h)
    }

    /// Parses and checks a header; returns it with its checksum H.
    pub fn parse(b: &[u8]) -> Result<(Header, u64), String> {
        if b.len() < HEADER_LEN {
            return Err("delta is truncated: shorter than its header".into());
        }
        if b[0..8] != MAGIC {
            return Err("not an xbzrle image delta (bad magic)".into());
        }
        let h = u64_at(b, 56);
        if xxh3_64(&b[..56]) != h {
            return Err("delta header is corrupt (checksum mismatch)".into());
        }
        let version = u32_at(b, 8);
        if version != VERSION {
            return Err(format!(
                "delta format version {version} is not supported (only {VERSION})"
            ));
        }
        let hd = Header {
            page_size: u32_at(b, 12),
            pages_per_frame: u32_at(b, 16),
            old_len: u64_at(b, 24),
            new_len: u64_at(b, 32),
        };
        let ps = hd.page_size as usize;
        if hd.old_len > MAX_IMAGE_LEN || hd.new_len > MAX_IMAGE_LEN {
            return Err("delta header is corrupt: impossible image length".into());
        }
        if ps == 0 || ps > xbzrle::MAX_PAGE_SIZE {
            return Err(format!("delta header is corrupt: page size {ps}"));
        }
        if hd.pages_per_frame == 0 || hd.pages_per_frame as u64 * ps as u64 > MAX_FRAME_SPAN {
            return Err(format!(
                "delta header is corrupt: {} pages per frame",
                hd.pages_per_frame
            ));
        }
        if u32_at(b, 20) != 0 || u64_at(b, 48) != 0 || u64_at(b, 40) != hd.page_count() {
            return Err("delta header is corrupt (inconsistent fields)".into());
        }
        Ok((hd, h))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trailer {
    pub frame_count: u64,
    pub old_hash: u64,
    pub new_hash: u64,
}

impl Trailer {
    pub fn to_bytes(self, header_hash: u64) -> [u8; TRAILER_LEN] {
        let mut b = [0u8; TRAILER_LEN];
        b[0..8].copy_from_slice(&END_MAGIC);
        b[8..16].copy_from_slice(&self.frame_count.to_le_bytes());
        b[16..24].copy_from_slice(&self.old_hash.to_le_bytes());
        b[24..32].copy_from_slice(&self.new_hash.to_le_bytes());
        let c = xxh3_64_with_seed(&b[..32], header_hash);
        b[32..40].copy_from_slice(&c.to_le_bytes());
        b
    }

    pub fn parse(b: &[u8; TRAILER_LEN], header_hash: u64) -> Result<Trailer, String> {
        if b[0..8] != END_MAGIC || xxh3_64_with_seed(&b[..32], header_hash) != u64_at(b, 32) {
            return Err("delta is truncated or its trailer is corrupt".into());
        }
        Ok(Trailer {
            frame_count: u64_at(b, 8),
            old_hash: u64_at(b, 16),
            new_hash: u64_at(b, 24),
        })
    }
}

/// Checks that a delta of `dlen` bytes can hold the frames `hd` announces (each at least
/// 12 bytes of framing and one byte per page), with checked arithmetic.
pub fn check_size(hd: &Header, dlen: u64) -> Result<(), String> {
    let min = hd
        .frame_count()
        .checked_mul(12)
        .and_then(|f| f.checked_add(hd.page_count()))
        .and_then(|b| b.checked_add((HEADER_LEN + TRAILER_LEN) as u64));
    match min {
        Some(min) if dlen >= min => Ok(()),
        _ if dlen < (HEADER_LEN + TRAILER_LEN) as u64 => {
            Err("delta is truncated (no trailer)".into())
        }
        _ => Err(format!(
            "delta is truncated: {dlen} bytes cannot hold the {} pages its header announces",
            hd.page_count()
        )),
    }
}

/// Reads until `buf` is full or end of file; returns the bytes read.
pub fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match r.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(got)
}

/// Reads frame `k` (`[N][records][checksum]`) into `buf` and checks its length and
/// checksum. Returns the range of its records in `buf`.
pub fn read_frame(
    r: &mut impl Read,
    buf: &mut Vec<u8>,
    hd: &Header,
    hh: u64,
    k: u64,
) -> Result<std::ops::Range<usize>, String> {
    let truncated = || format!("delta is truncated (in frame {k})");
    let io_err = |e: io::Error| format!("cannot read delta: {e}");
    let mut len = [0u8; 4];
    if read_up_to(r, &mut len).map_err(io_err)? != 4 {
        return Err(truncated());
    }
    let n = u32::from_le_bytes(len) as usize;
    if n > hd.max_records_len(hd.pages_in_frame(k)) {
        return Err(format!(
            "delta is corrupt: frame {k} has an impossible length"
        ));
    }
    buf.clear();
    buf.extend_from_slice(&len);
    buf.resize(4 + n + 8, 0);
    if read_up_to(r, &mut buf[4..]).map_err(io_err)? != n + 8 {
        return Err(truncated());
    }
    let stored = u64::from_le_bytes(buf[4 + n..].try_into().unwrap());
    if frame_checksum(&buf[..4 + n], hh, k) != stored {
        return Err(format!("delta is corrupt: frame {k} checksum mismatch"));
    }
    Ok(4..4 + n)
}

/// `patch`'s verification pass over the frames: reads the `body_len` bytes between the
/// header and the trailer from `r` and checks every frame (length, checksum, every
/// record's structure and XBZRLE payload) and that nothing follows the last one. Calls
/// `progress` with the bytes of each frame.
pub fn verify_frames(
    r: impl Read,
    body_len: u64,
    hd: &Header,
    hh: u64,
    mut progress: impl FnMut(u64),
) -> Result<(), String> {
    let mut r = r.take(body_len);
    let mut buf = Vec::new();
    for k in 0..hd.frame_count() {
        let recs = read_frame(&mut r, &mut buf, hd, hh, k)?;
        for_each_record(
            &buf[recs],
            hd.pages_in_frame(k),
            hd.page_size(),
            true,
            |_, _| {},
        )
        .map_err(|e| format!("delta is corrupt: frame {k}: {e}"))?;
        progress(buf.len() as u64);
    }
    if read_up_to(&mut r, &mut [0u8; 1]).map_err(|e| format!("cannot read delta: {e}"))? != 0 {
        return Err("delta is corrupt: unexpected bytes after the last frame".into());
    }
    Ok(())
}

/// Seed of frame `k`'s checksum: binds every frame to its header and its position.
pub fn frame_seed(header_hash: u64, k: u64) -> u64 {
    header_hash.wrapping_add(k)
}

/// Checksum of a frame's bytes `[N][records]`.
pub fn frame_checksum(frame: &[u8], header_hash: u64, k: u64) -> u64 {
    xxh3_64_with_seed(frame, frame_seed(header_hash, k))
}

/// Appends one record per page of `old`/`new` (same length, a whole number of pages) to
/// `out`, counting them in `stats`.
pub fn encode_pages(
    enc: &xbzrle::Encoder,
    page_size: usize,
    old: &[u8],
    new: &[u8],
    out: &mut Vec<u8>,
    stats: &mut Stats,
) {
    for (o, n) in old.chunks_exact(page_size).zip(new.chunks_exact(page_size)) {
        if o == n {
            out.push(UNCHANGED);
            stats.unchanged += 1;
        } else if xbzrle::is_zero_page(n) {
            out.push(ZERO);
            stats.zero += 1;
        } else {
            let at = out.len();
            // kind, u16 length, then at most one page of payload (QEMU's output limit)
            out.resize(at + 3 + page_size, 0);
            match enc.encode(o, n, &mut out[at + 3..]) {
                Ok(len) => {
                    out[at] = XBZRLE;
                    out[at + 1..at + 3].copy_from_slice(&(len as u16).to_le_bytes());
                    out.truncate(at + 3 + len);
                    stats.xbzrle += 1;
                }
                Err(xbzrle::EncodeError::Overflow) => {
                    out.truncate(at);
                    out.push(RAW);
                    out.extend_from_slice(n);
                    stats.raw += 1;
                }
                Err(e) => unreachable!("page size was checked: {e}"),
            }
        }
    }
}

/// Starts frame bytes in `out`: room for the length field.
pub fn start_frame(out: &mut Vec<u8>) {
    out.clear();
    out.extend_from_slice(&[0u8; 4]);
}

/// Completes frame `k` in `out` (started by [`start_frame`], records appended): fills in
/// the length and appends the checksum.
pub fn finish_frame(out: &mut Vec<u8>, header_hash: u64, k: u64) {
    let n = (out.len() - 4) as u32;
    out[0..4].copy_from_slice(&n.to_le_bytes());
    let c = frame_checksum(out, header_hash, k);
    out.extend_from_slice(&c.to_le_bytes());
}

/// How many pages of each kind.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    pub unchanged: u64,
    pub zero: u64,
    pub xbzrle: u64,
    pub raw: u64,
}

impl Stats {
    pub fn add(&mut self, o: &Stats) {
        self.unchanged += o.unchanged;
        self.zero += o.zero;
        self.xbzrle += o.xbzrle;
        self.raw += o.raw;
    }
}

/// Splits a frame's records into one `PageRecord` per page, checking their structure
/// (and, with `validate`, every XBZRLE payload against the page size). Calls `f` with the
/// page's index in the frame.
pub fn for_each_record<'a>(
    records: &'a [u8],
    pages: usize,
    page_size: usize,
    validate: bool,
    mut f: impl FnMut(usize, xbzrle::migrate::PageRecord<'a>),
) -> Result<(), String> {
    use xbzrle::migrate::PageRecord;
    let mut i = 0;
    for p in 0..pages {
        let Some(&kind) = records.get(i) else {
            return Err(format!("record of page {p} is missing"));
        };
        i += 1;
        let rec = match kind {
            UNCHANGED => PageRecord::Unchanged,
            ZERO => PageRecord::Zero,
            RAW => {
                let Some(data) = records.get(i..i + page_size) else {
                    return Err(format!("raw record of page {p} is cut short"));
                };
                i += page_size;
                PageRecord::Raw(data)
            }
            XBZRLE => {
                let Some(l) = records.get(i..i + 2) else {
                    return Err(format!("XBZRLE record of page {p} is cut short"));
                };
                let len = u16::from_le_bytes([l[0], l[1]]) as usize;
                i += 2;
                if len == 0 || len > page_size {
                    return Err(format!("XBZRLE record of page {p} has length {len}"));
                }
                let Some(d) = records.get(i..i + len) else {
                    return Err(format!("XBZRLE record of page {p} is cut short"));
                };
                i += len;
                if validate {
                    xbzrle::validate(d, page_size)
                        .map_err(|e| format!("XBZRLE record of page {p}: {e}"))?;
                }
                PageRecord::Xbzrle(d)
            }
            k => return Err(format!("record of page {p} has unknown kind {k:#04x}")),
        };
        f(p, rec);
    }
    if i != records.len() {
        return Err(format!(
            "{} bytes of garbage after the last record",
            records.len() - i
        ));
    }
    Ok(())
}

/// The checksum of an image from the checksums of its pieces, fed in order.
#[derive(Clone, Default)]
pub struct ImageHash(Xxh3);

impl ImageHash {
    pub fn new() -> ImageHash {
        ImageHash(Xxh3::new())
    }
    pub fn add_piece(&mut self, piece_hash: u64) {
        self.0.update(&piece_hash.to_le_bytes());
    }
    pub fn digest(&self) -> u64 {
        self.0.digest()
    }
}
