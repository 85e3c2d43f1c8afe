//! The channels: real TCP connections on 127.0.0.1, one per worker thread, each chunk
//! framed with its range table and acknowledged by the destination before the worker
//! takes the next chunk (cloud-hypervisor's protocol does the same). The acknowledgement
//! makes every round a barrier: when all workers are done, every page of the round has
//! been applied, whichever connection carried it.
//!
//! Frame (little-endian): type `u8` (1 chunk, 2 end), round kind `u8`, range count `u32`,
//! ranges (`u64` first page, `u32` page count), payload length `u32`, payload. The reply
//! is one byte: 0 applied, 1 refused (the receiver keeps the reason).

use super::link::Link;
use super::memory::{GuestMem, Range};
use super::methods::{ChunkDecoder, ChunkEncoder, PageTally, RoundKind};
use std::io::{self, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

const FRAME_CHUNK: u8 = 1;
const FRAME_END: u8 = 2;
/// Limits on what a receiver accepts, so a corrupt frame cannot make it allocate wildly.
const MAX_RANGES: usize = 1 << 20;
const MAX_PAYLOAD: usize = 1 << 30;

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
    pub chunks: &'a [Vec<Range>],
    next: AtomicUsize,
    /// Pages of the chunks taken so far (for the progress line).
    pub pages_taken: AtomicU64,
}

impl<'a> RoundQueue<'a> {
    pub fn new(kind: RoundKind, chunks: &'a [Vec<Range>]) -> RoundQueue<'a> {
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

/// A source worker's round: takes chunks from the queue until it is empty, encodes each,
/// sends it through the link and waits for its acknowledgement.
pub fn send_round(
    q: &RoundQueue,
    mem: &GuestMem,
    enc: &mut dyn ChunkEncoder,
    conn: &mut TcpStream,
    link: &Link,
    frame: &mut Vec<u8>,
) -> Result<WorkerRound, String> {
    let cpu0 = thread_cpu();
    let mut r = WorkerRound::default();
    loop {
        let i = q.next.fetch_add(1, Ordering::Relaxed);
        let Some(ranges) = q.chunks.get(i) else { break };
        q.pages_taken
            .fetch_add(super::memory::page_count(ranges), Ordering::Relaxed);
        frame.clear();
        frame.push(FRAME_CHUNK);
        frame.push(q.kind.to_byte());
        frame.extend_from_slice(&(ranges.len() as u32).to_le_bytes());
        for rg in ranges {
            frame.extend_from_slice(&rg.first.to_le_bytes());
            frame.extend_from_slice(&rg.count.to_le_bytes());
        }
        let len_at = frame.len();
        frame.extend_from_slice(&[0; 4]);
        enc.encode(q.kind, mem, ranges, frame, &mut r.tally);
        let payload = (frame.len() - len_at - 4) as u32;
        frame[len_at..len_at + 4].copy_from_slice(&payload.to_le_bytes());

        link.send(frame.len());
        let io = |e: io::Error| format!("channel: {e}");
        conn.write_all(frame).map_err(io)?;
        let mut ack = [0u8];
        conn.read_exact(&mut ack).map_err(io)?;
        if ack[0] != 0 {
            return Err("the destination refused a chunk".into());
        }
        r.wire_bytes += frame.len() as u64;
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
    pub error: Option<String>,
}

/// A destination connection's thread body: applies chunks until the end frame.
pub fn receive(
    conn: TcpStream,
    mem: &GuestMem,
    mut dec: Box<dyn ChunkDecoder + '_>,
) -> ReceiverReport {
    let cpu0 = thread_cpu();
    let error = receive_loop(conn, mem, dec.as_mut()).err();
    ReceiverReport {
        cpu_s: thread_cpu() - cpu0,
        error,
    }
}

fn receive_loop(conn: TcpStream, mem: &GuestMem, dec: &mut dyn ChunkDecoder) -> Result<(), String> {
    let io = |e: io::Error| format!("destination channel: {e}");
    let mut ack = conn.try_clone().map_err(io)?;
    let mut rd = BufReader::with_capacity(1 << 18, conn);
    let mut ranges = Vec::new();
    let mut payload = Vec::new();
    let mut buf = [0u8; 12];
    loop {
        rd.read_exact(&mut buf[..1]).map_err(io)?;
        match buf[0] {
            FRAME_END => return Ok(()),
            FRAME_CHUNK => {}
            t => return Err(format!("bad frame type {t}")),
        }
        rd.read_exact(&mut buf[..5]).map_err(io)?;
        let kind = RoundKind::from_byte(buf[0]).ok_or("bad round kind")?;
        let count = u32::from_le_bytes(buf[1..5].try_into().expect("4")) as usize;
        if count > MAX_RANGES {
            return Err(format!("{count} ranges in one chunk"));
        }
        ranges.clear();
        for _ in 0..count {
            rd.read_exact(&mut buf).map_err(io)?;
            let first = u64::from_le_bytes(buf[..8].try_into().expect("8"));
            let n = u32::from_le_bytes(buf[8..].try_into().expect("4"));
            // never trust an address from the wire
            if first
                .checked_add(n as u64)
                .is_none_or(|e| e > mem.pages() as u64)
            {
                return Err(format!("range {first}+{n} outside guest memory"));
            }
            ranges.push(Range { first, count: n });
        }
        rd.read_exact(&mut buf[..4]).map_err(io)?;
        let len = u32::from_le_bytes(buf[..4].try_into().expect("4")) as usize;
        if len > MAX_PAYLOAD {
            return Err(format!("payload of {len} bytes"));
        }
        payload.resize(len, 0);
        rd.read_exact(&mut payload).map_err(io)?;
        let result = dec.apply(kind, mem, &ranges, &payload);
        ack.write_all(&[result.is_err() as u8]).map_err(io)?;
        result?;
    }
}
