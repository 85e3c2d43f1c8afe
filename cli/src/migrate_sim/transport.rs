//! The channels: real TCP connections on 127.0.0.1, one per worker thread, each chunk
//! framed with its range table and acknowledged by the destination before the worker
//! takes the next chunk (cloud-hypervisor's protocol does the same). The acknowledgement
//! makes every round a barrier: when all workers are done, every page of the round has
//! been applied, whichever connection carried it.
//!
//! Frame (little-endian): type `u8` (1 chunk, 2 end), round kind `u8` (the crate's
//! `RoundKind::to_byte`), range count `u32`, ranges (`u64` guest-physical address, `u64`
//! length in bytes), then the method's payload, which delimits itself (the xbzrle
//! method's is the crate's chunk payload; the others put a `u32` length in front). The
//! reply is one byte: 0 applied, 1 refused (the receiver keeps the reason).
//!
//! Everything a worker writes goes through the shared [`Link`] in pieces of at most
//! [`LINK_PIECE`] bytes, so that every method is paced the same way, at the same
//! granularity, whatever the size of its writes.

use super::link::Link;
use super::memory::page_count;
use super::methods::{ChunkDecoder, ChunkEncoder, PageTally, RoundKind};
use anyhow::anyhow;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use xbzrle::parallel::{check_ranges, GuestWrite, MemoryRange, RawRegion, MAX_CHUNK_RANGES};

const FRAME_CHUNK: u8 = 1;
const FRAME_END: u8 = 2;
/// The largest write that passes the link at once (the crate's `Round::encode` writes in
/// pieces of about 64 KiB too).
pub const LINK_PIECE: usize = 64 * 1024;

/// A connection seen through the simulated link: each write waits for its tokens, then
/// goes to the socket. Counts the bytes (the wire bytes of the round).
struct LinkWriter<'a> {
    conn: &'a mut TcpStream,
    link: &'a Link,
    bytes: u64,
}

impl Write for LinkWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = buf.len().min(LINK_PIECE);
        self.link.send(n);
        self.conn.write_all(&buf[..n])?;
        self.bytes += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.conn.flush()
    }
}

/// CPU time of the calling thread (user + system), in seconds.
pub fn thread_cpu() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; CLOCK_THREAD_CPUTIME_ID is supported on
    // Linux and the BSDs. On failure `ts` stays zero.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

/// `n` connected pairs of loopback TCP streams: (source side, destination side).
pub fn connect(n: usize) -> io::Result<Vec<(TcpStream, TcpStream)>> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let addr = listener.local_addr()?;
    (0..n)
        .map(|_| {
            let src = TcpStream::connect(addr)?;
            let (dst, _) = listener.accept()?;
            // frames are written whole and acks are one byte: no Nagle delays
            src.set_nodelay(true)?;
            dst.set_nodelay(true)?;
            Ok((src, dst))
        })
        .collect()
}

/// One round's work, shared by the workers: the chunks and the index of the next one.
pub struct RoundQueue<'a> {
    pub kind: RoundKind,
    pub chunks: &'a [Vec<MemoryRange>],
    next: AtomicUsize,
    /// Pages of the chunks taken so far (for the progress line).
    pub pages_taken: AtomicU64,
}

impl<'a> RoundQueue<'a> {
    pub fn new(kind: RoundKind, chunks: &'a [Vec<MemoryRange>]) -> RoundQueue<'a> {
        RoundQueue {
            kind,
            chunks,
            next: AtomicUsize::new(0),
            pages_taken: AtomicU64::new(0),
        }
    }
}

/// What one worker did in one round.
#[derive(Default)]
pub struct WorkerRound {
    pub wire_bytes: u64,
    pub cpu_s: f64,
    pub tally: PageTally,
}

/// A source worker's round: takes chunks from the queue until it is empty, writes each
/// (frame header, then the method's payload) through the link to its connection and
/// waits for its acknowledgement.
pub fn send_round(
    q: &RoundQueue,
    mem: &RawRegion,
    enc: &mut dyn ChunkEncoder,
    conn: &mut TcpStream,
    link: &Link,
) -> anyhow::Result<WorkerRound> {
    let cpu0 = thread_cpu();
    let mut r = WorkerRound::default();
    let io = |e: io::Error| anyhow!("channel: {e}");
    loop {
        let i = q.next.fetch_add(1, Ordering::Relaxed);
        let Some(ranges) = q.chunks.get(i) else { break };
        q.pages_taken
            .fetch_add(page_count(ranges), Ordering::Relaxed);
        let mut head = Vec::with_capacity(6 + ranges.len() * 16);
        head.push(FRAME_CHUNK);
        head.push(q.kind.to_byte());
        head.extend_from_slice(&(ranges.len() as u32).to_le_bytes());
        for rg in ranges {
            head.extend_from_slice(&rg.gpa.to_le_bytes());
            head.extend_from_slice(&rg.length.to_le_bytes());
        }
        let mut lw = LinkWriter {
            conn: &mut *conn,
            link,
            bytes: 0,
        };
        {
            // the header and the payload's first bytes leave together
            let mut w = BufWriter::with_capacity(LINK_PIECE, &mut lw);
            w.write_all(&head).map_err(io)?;
            enc.encode(q.kind, mem, ranges, &mut w, &mut r.tally)?;
            w.flush().map_err(io)?;
        }
        r.wire_bytes += lw.bytes;
        let mut ack = [0u8];
        conn.read_exact(&mut ack).map_err(io)?;
        if ack[0] != 0 {
            return Err(anyhow!("the destination refused a chunk"));
        }
    }
    r.cpu_s = thread_cpu() - cpu0;
    Ok(r)
}

/// Tells the destination end of a connection that the migration is over.
pub fn send_end(conn: &mut TcpStream) -> io::Result<()> {
    conn.write_all(&[FRAME_END])
}

/// What a destination connection did over the whole migration.
pub struct ReceiverReport {
    pub cpu_s: f64,
    /// Why it stopped early, if it did.
    pub error: Option<anyhow::Error>,
}

/// A destination connection's thread body: applies chunks until the end frame.
pub fn receive(
    conn: TcpStream,
    mem: &RawRegion,
    mut dec: Box<dyn ChunkDecoder + '_>,
) -> ReceiverReport {
    let cpu0 = thread_cpu();
    let error = receive_loop(conn, mem, dec.as_mut()).err();
    ReceiverReport {
        cpu_s: thread_cpu() - cpu0,
        error,
    }
}

fn receive_loop(
    conn: TcpStream,
    mem: &RawRegion,
    dec: &mut dyn ChunkDecoder,
) -> anyhow::Result<()> {
    let io = |e: io::Error| anyhow!("destination channel: {e}");
    let mut ack = conn.try_clone().map_err(io)?;
    let mut rd = BufReader::with_capacity(1 << 18, conn);
    let mut ranges = Vec::new();
    let mut buf = [0u8; 16];
    loop {
        rd.read_exact(&mut buf[..1]).map_err(io)?;
        match buf[0] {
            FRAME_END => return Ok(()),
            FRAME_CHUNK => {}
            t => return Err(anyhow!("bad frame type {t}")),
        }
        rd.read_exact(&mut buf[..5]).map_err(io)?;
        let kind = RoundKind::from_byte(buf[0]).ok_or_else(|| anyhow!("bad round kind"))?;
        let count = u32::from_le_bytes(buf[1..5].try_into().expect("4 bytes")) as usize;
        if count > MAX_CHUNK_RANGES {
            return Err(anyhow!("{count} ranges in one chunk"));
        }
        ranges.clear();
        for _ in 0..count {
            rd.read_exact(&mut buf).map_err(io)?;
            let gpa = u64::from_le_bytes(buf[..8].try_into().expect("8 bytes"));
            let len = u64::from_le_bytes(buf[8..].try_into().expect("8 bytes"));
            ranges.push(MemoryRange::new(gpa, len));
        }
        // never trust an address from the wire (the decoders check again)
        check_ranges(&ranges, super::memory::PAGE)?;
        for r in &ranges {
            mem.check_range(r.gpa, r.length)?;
        }
        let result = dec.apply(kind, mem, &ranges, &mut rd);
        ack.write_all(&[result.is_err() as u8]).map_err(io)?;
        result?;
    }
}
