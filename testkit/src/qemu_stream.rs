//! A writer of small QEMU migration streams (the RAM part and a device section after it),
//! for the tests of `xbzrle::qemu_stream` and of `xbzrle qemu-ram`.
//!
//! It writes only what the reader understands: the file header, a setup section with the
//! block list, iterative and final RAM parts, and a device section that ends the RAM data.
//! The layout is described in the repository's `docs/qemu-stream.md`.

use xbzrle::qemu_stream::flags;

/// A migration stream being built. Every method appends to [`StreamWriter::bytes`].
///
/// ```
/// use xbzrle_testkit::qemu_stream::StreamWriter;
/// let mut w = StreamWriter::header("pc");
/// w.start_ram(&[("pc.ram", 4096)]);
/// w.part(true).zero(0, Some("pc.ram")).end_part(); // the final RAM part
/// w.device_section("timer");
/// let img = xbzrle::qemu_stream::read_ram(&w.bytes[..], &Default::default(), |_| {}).unwrap();
/// assert_eq!(img.blocks[0].data, vec![0u8; 4096]);
/// ```
#[derive(Debug, Default, Clone)]
pub struct StreamWriter {
    /// The stream so far.
    pub bytes: Vec<u8>,
}

/// Section id of the RAM section in streams of this writer.
const RAM_SECTION: u32 = 2;

impl StreamWriter {
    /// The file header (magic, version 3) and a configuration section naming `machine`.
    pub fn header(machine: &str) -> StreamWriter {
        let mut w = StreamWriter::default();
        w.bytes.extend_from_slice(b"QEVM\0\0\0\x03");
        w.u8(7).be32(machine.len() as u32);
        w.bytes.extend_from_slice(machine.as_bytes());
        w
    }
    /// Appends one byte.
    pub fn u8(&mut self, b: u8) -> &mut Self {
        self.bytes.push(b);
        self
    }
    /// Appends a big-endian u16.
    pub fn be16(&mut self, v: u16) -> &mut Self {
        self.bytes.extend_from_slice(&v.to_be_bytes());
        self
    }
    /// Appends a big-endian u32.
    pub fn be32(&mut self, v: u32) -> &mut Self {
        self.bytes.extend_from_slice(&v.to_be_bytes());
        self
    }
    /// Appends a big-endian u64.
    pub fn be64(&mut self, v: u64) -> &mut Self {
        self.bytes.extend_from_slice(&v.to_be_bytes());
        self
    }
    /// Appends a length-prefixed id string (at most 255 bytes).
    pub fn id(&mut self, s: &str) -> &mut Self {
        self.u8(u8::try_from(s.len()).expect("id of at most 255 bytes"));
        self.bytes.extend_from_slice(s.as_bytes());
        self
    }
    /// The RAM setup section: its header, the block list `(id, length)` and its footer.
    pub fn start_ram(&mut self, blocks: &[(&str, u64)]) -> &mut Self {
        self.u8(1).be32(RAM_SECTION).id("ram").be32(0).be32(4);
        let total: u64 = blocks.iter().map(|b| b.1).sum();
        self.be64(total | flags::MEM_SIZE);
        for (id, len) in blocks {
            self.id(id).be64(*len);
        }
        self.end_part()
    }
    /// Starts a RAM part: an iterative one, or the final one when `end`.
    pub fn part(&mut self, end: bool) -> &mut Self {
        self.u8(if end { 3 } else { 2 }).be32(RAM_SECTION)
    }
    /// Ends a RAM part (end-of-section flag and section footer).
    pub fn end_part(&mut self) -> &mut Self {
        self.be64(flags::EOS).u8(0x7e).be32(RAM_SECTION)
    }
    /// A raw page at `addr` of `block` (`None`: the previous record's block).
    pub fn page(&mut self, addr: u64, block: Option<&str>, data: &[u8]) -> &mut Self {
        self.record(addr, flags::PAGE, block);
        self.bytes.extend_from_slice(data);
        self
    }
    /// A zero page at `addr`.
    pub fn zero(&mut self, addr: u64, block: Option<&str>) -> &mut Self {
        self.record(addr, flags::ZERO, block).u8(0)
    }
    /// An XBZRLE page at `addr` with the given payload.
    pub fn xbzrle(&mut self, addr: u64, block: Option<&str>, payload: &[u8]) -> &mut Self {
        let len = u16::try_from(payload.len()).expect("payload of at most 65535 bytes");
        self.record(addr, flags::XBZRLE, block).u8(1).be16(len);
        self.bytes.extend_from_slice(payload);
        self
    }
    /// A record header: address and flags, then the block id unless it continues.
    pub fn record(&mut self, addr: u64, f: u64, block: Option<&str>) -> &mut Self {
        match block {
            Some(b) => self.be64(addr | f).id(b),
            None => self.be64(addr | f | flags::CONTINUE),
        }
    }
    /// A complete device section (a full section named `name` with 8 bytes of state),
    /// which ends the RAM data; the reader accepts it only after the final RAM part.
    pub fn device_section(&mut self, name: &str) -> &mut Self {
        self.u8(4).be32(3).id(name).be32(0).be32(2).be64(1234)
    }
}
