//! A cloud-hypervisor-like migration engine for the parallel tests (issue 12 item 7),
//! written in the test: a shared queue of chunks ([`split_chunks`]), N connections (real
//! loopback TCP on 127.0.0.1 or in-memory pipes), one source worker thread per
//! connection (each owns its writer) and one destination thread per connection (each
//! owns its reader), a frame per chunk (its range table, then the payload), an
//! end-of-round frame; a guest writer thread dirtying pages during the live rounds
//! (docs/format.md §7 patterns, random pages, zero pages, pages that overflow), dirty
//! tracking by the test (a bitmap, or vm-memory's), rounds Bulk, Delta..., Final and a
//! post-final Delta round, cache resizes between and during rounds.

#![allow(dead_code)]

use std::collections::{BTreeSet, VecDeque};
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};

use xbzrle::cache::SharedCache;
use xbzrle::parallel::{
    normalize, ranges_from_bitmap, split_chunks, Applier, ChunkStats, GuestRead, GuestWrite,
    MemoryRange, Round, RoundKind, MAX_CHUNK_RANGES,
};
use xbzrle_testkit::scenario::{fill_random, Pattern};

pub const PS: usize = 4096;

/// Dirty tracking: the writer marks what it wrote, each round takes (and clears) it.
pub trait Dirty: Sync {
    /// Called after the guest wrote `[gpa, gpa + len)`.
    fn mark(&self, gpa: u64, len: u64);
    /// The dirty pages since the last sync, as ranges; clears them.
    fn sync(&self) -> Vec<MemoryRange>;
}

/// The test's own dirty log: one bitmap per region (u64 words, LSB first, as KVM).
pub struct Bitmaps {
    regions: Vec<(MemoryRange, Vec<AtomicU64>)>,
}

impl Bitmaps {
    pub fn new(regions: &[MemoryRange]) -> Bitmaps {
        Bitmaps {
            regions: regions
                .iter()
                .map(|r| {
                    let pages = (r.length / PS as u64) as usize;
                    (
                        *r,
                        (0..pages.div_ceil(64)).map(|_| AtomicU64::new(0)).collect(),
                    )
                })
                .collect(),
        }
    }
}

impl Dirty for Bitmaps {
    fn mark(&self, gpa: u64, len: u64) {
        for (r, words) in &self.regions {
            let mut g = gpa.max(r.gpa) / PS as u64 * PS as u64;
            while g < (gpa + len).min(r.end()) {
                let bit = ((g - r.gpa) / PS as u64) as usize;
                // Release: whoever sees the bit sees the write before it
                words[bit / 64].fetch_or(1 << (bit % 64), Ordering::Release);
                g += PS as u64;
            }
        }
    }

    fn sync(&self) -> Vec<MemoryRange> {
        let mut out = Vec::new();
        for (r, words) in &self.regions {
            let bits: Vec<u64> = words.iter().map(|w| w.swap(0, Ordering::Acquire)).collect();
            out.extend(ranges_from_bitmap(&bits, r.gpa, PS as u64));
        }
        out
    }
}

/// How the connections are made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transport {
    /// Real loopback TCP on 127.0.0.1.
    Tcp,
    /// In-memory pipes (bounded, so writers block; readers get odd-sized pieces).
    Pipe,
}

struct PipeState {
    buf: VecDeque<u8>,
    closed: bool,
}

struct Pipe {
    state: Mutex<PipeState>,
    cv: Condvar,
}

const PIPE_CAP: usize = 96 * 1024;

struct PipeWriter(Arc<Pipe>);
struct PipeReader(Arc<Pipe>);

impl Write for PipeWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        let mut s = self.0.state.lock().unwrap();
        while s.buf.len() >= PIPE_CAP {
            s = self.0.cv.wait(s).unwrap();
        }
        let n = data.len().min(PIPE_CAP - s.buf.len());
        s.buf.extend(&data[..n]);
        self.0.cv.notify_all();
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Drop for PipeWriter {
    fn drop(&mut self) {
        self.0.state.lock().unwrap().closed = true;
        self.0.cv.notify_all();
    }
}

impl Read for PipeReader {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let mut s = self.0.state.lock().unwrap();
        while s.buf.is_empty() && !s.closed {
            s = self.0.cv.wait(s).unwrap();
        }
        // odd piece sizes, so records straddle reads
        let n = out.len().min(s.buf.len()).min(3001);
        for (o, b) in out[..n].iter_mut().zip(s.buf.drain(..n)) {
            *o = b;
        }
        self.0.cv.notify_all();
        Ok(n)
    }
}

pub type Tx = BufWriter<Box<dyn Write + Send>>;
pub type Rx = BufReader<Box<dyn Read + Send>>;

/// `n` connections: the source ends (writers) and the destination ends (readers).
pub fn connect(n: usize, transport: Transport) -> (Vec<Tx>, Vec<Rx>) {
    let mut tx: Vec<Tx> = Vec::new();
    let mut rx: Vec<Rx> = Vec::new();
    match transport {
        Transport::Tcp => {
            let listener = TcpListener::bind("127.0.0.1:0").unwrap();
            let addr = listener.local_addr().unwrap();
            for _ in 0..n {
                let client = TcpStream::connect(addr).unwrap();
                let (server, _) = listener.accept().unwrap();
                tx.push(BufWriter::new(Box::new(client)));
                rx.push(BufReader::new(Box::new(server)));
            }
        }
        Transport::Pipe => {
            for _ in 0..n {
                let p = Arc::new(Pipe {
                    state: Mutex::new(PipeState {
                        buf: VecDeque::new(),
                        closed: false,
                    }),
                    cv: Condvar::new(),
                });
                tx.push(BufWriter::new(Box::new(PipeWriter(Arc::clone(&p)))));
                rx.push(BufReader::new(Box::new(PipeReader(p))));
            }
        }
    }
    (tx, rx)
}

/// One chunk frame: range count (u32 LE, 0 = end of round), ranges (u64 gpa, u64
/// length), then the payload.
fn write_frame_head(w: &mut Tx, chunk: &[MemoryRange]) -> io::Result<()> {
    w.write_all(&(chunk.len() as u32).to_le_bytes())?;
    for r in chunk {
        w.write_all(&r.gpa.to_le_bytes())?;
        w.write_all(&r.length.to_le_bytes())?;
    }
    Ok(())
}

fn read_frame_head(r: &mut Rx) -> io::Result<Option<Vec<MemoryRange>>> {
    let mut n = [0u8; 4];
    r.read_exact(&mut n)?;
    let n = u32::from_le_bytes(n) as usize;
    if n == 0 {
        return Ok(None);
    }
    assert!(n <= MAX_CHUNK_RANGES, "frame with {n} ranges");
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let mut b = [0u8; 16];
        r.read_exact(&mut b)?;
        out.push(MemoryRange::new(
            u64::from_le_bytes(b[..8].try_into().unwrap()),
            u64::from_le_bytes(b[8..].try_into().unwrap()),
        ));
    }
    Ok(Some(out))
}

/// What a migration did, for the test's assertions.
#[derive(Debug, Default)]
pub struct Report {
    /// Everything the sources sent / the destinations applied.
    pub sent: ChunkStats,
    pub applied: ChunkStats,
    /// Per round: which connection carried the round's first chunk, when it held the
    /// first page of memory (always dirty in the rounds before the post-final one).
    pub first_page_conn: Vec<usize>,
    /// Rounds run.
    pub rounds: usize,
    /// The cache's counters at the end.
    pub counters: xbzrle::migrate::Counters,
}

/// One round: the chunks go through a shared queue; the first `n` chunks are given to
/// connection `(k + round_no) % n` first, so that the same pages travel on different
/// connections in different rounds; the others go to whichever worker is free.
#[allow(clippy::too_many_arguments)]
fn run_round<S, D>(
    round: &Round<'_>,
    round_no: usize,
    chunks: Vec<Vec<MemoryRange>>,
    src: &S,
    dst: &D,
    tx: &mut [Tx],
    rx: &mut [Rx],
    first_gpa: u64,
    report: &mut Report,
) where
    S: GuestRead + Sync,
    D: GuestWrite + Sync,
{
    let n = tx.len();
    type Queue = VecDeque<(usize, Vec<MemoryRange>)>;
    let mut own: Vec<Queue> = (0..n).map(|_| VecDeque::new()).collect();
    let mut shared = VecDeque::new();
    for (k, c) in chunks.into_iter().enumerate() {
        if k < n {
            own[(k + round_no) % n].push_back((k, c));
        } else {
            shared.push_back((k, c));
        }
    }
    let shared = Mutex::new(shared);
    let applier = Applier::new(PS).unwrap();
    let carried = Mutex::new(None);
    let (sent, applied) = std::thread::scope(|s| {
        let mut senders = Vec::new();
        let mut receivers = Vec::new();
        for (i, ((w, r), mut mine)) in tx.iter_mut().zip(rx.iter_mut()).zip(own).enumerate() {
            let shared = &shared;
            let carried = &carried;
            senders.push(s.spawn(move || {
                let mut st = ChunkStats::default();
                while let Some((k, chunk)) = mine
                    .pop_front()
                    .or_else(|| shared.lock().unwrap().pop_front())
                {
                    if k == 0
                        && chunk
                            .iter()
                            .any(|c| c.gpa <= first_gpa && first_gpa < c.end())
                    {
                        *carried.lock().unwrap() = Some(i);
                    }
                    write_frame_head(w, &chunk).unwrap();
                    st.add(&round.encode(src, &chunk, w).unwrap());
                }
                write_frame_head(w, &[]).unwrap();
                w.flush().unwrap();
                st
            }));
            let applier = &applier;
            receivers.push(s.spawn(move || {
                let mut st = ChunkStats::default();
                while let Some(chunk) = read_frame_head(r).unwrap() {
                    st.add(&applier.apply(dst, &chunk, r).unwrap());
                }
                st
            }));
        }
        let mut sent = ChunkStats::default();
        let mut applied = ChunkStats::default();
        for h in senders {
            sent.add(&h.join().unwrap());
        }
        for h in receivers {
            applied.add(&h.join().unwrap());
        }
        (sent, applied)
    });
    assert_eq!(sent, applied, "what was sent is what was applied");
    report.sent.add(&sent);
    report.applied.add(&applied);
    if let Some(c) = *carried.lock().unwrap() {
        report.first_page_conn.push(c);
    }
    report.rounds += 1;
}

/// What the guest writer does to one page (docs/format.md §7 patterns, random pages,
/// zero pages, pages that overflow, small edits).
pub fn dirty_page<M: GuestRead + GuestWrite + ?Sized>(
    mem: &M,
    dirty: &dyn Dirty,
    gpa: u64,
    kind: u64,
    rnd: u64,
) {
    let mut page = vec![0u8; PS];
    mem.read_into(gpa, &mut page).unwrap();
    match kind % 6 {
        0 | 1 => Pattern::ALL[(rnd % 4) as usize].apply_in_place(&mut page, gpa as usize),
        2 => fill_random(&mut page, rnd),
        3 => page.fill(0),
        4 => {
            let off = (rnd as usize >> 8) % (PS - 8);
            page[off..off + 8].copy_from_slice(&rnd.to_le_bytes());
        }
        _ => page.iter_mut().for_each(|b| *b ^= 0xff), // every byte: overflows
    }
    mem.write_from(gpa, &page).unwrap();
    dirty.mark(gpa, PS as u64);
}

fn xorshift(x: &mut u64) -> u64 {
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    *x
}

/// A copy of every region.
pub fn snapshot<M: GuestRead + ?Sized>(mem: &M, regions: &[MemoryRange]) -> Vec<u8> {
    let mut out = Vec::new();
    for r in regions {
        let mut b = vec![0u8; r.length as usize];
        mem.read_into(r.gpa, &mut b).unwrap();
        out.extend(b);
    }
    out
}

/// The configuration of one migration.
#[derive(Debug, Clone, Copy)]
pub struct Plan {
    pub conns: usize,
    pub transport: Transport,
    /// Pages per chunk.
    pub chunk_pages: u64,
    pub seed: u64,
}

/// Migrates `src` (regions `regions`) to `dst` while a writer thread dirties `src`:
/// Bulk, three Delta rounds (one of them sending the union of two dirty sets without
/// normalizing across them: pages in two chunks), a cache resize before round 2 and one
/// during round 3, the Final round with the writer stopped (two dirty sets unioned and
/// normalized, as cloud-hypervisor's final round), then a post-final Delta round. Asserts
/// `dst == src` after the final and the post-final rounds.
pub fn migrate<S, D>(
    src: &S,
    dst: &D,
    regions: &[MemoryRange],
    dirty: &dyn Dirty,
    plan: Plan,
) -> Report
where
    S: GuestRead + GuestWrite + Sync,
    D: GuestRead + GuestWrite + Sync,
{
    let total: u64 = regions.iter().map(|r| r.length).sum();
    let cache = SharedCache::new(total as usize, PS).unwrap();
    let (mut tx, mut rx) = connect(plan.conns, plan.transport);
    let chunk_bytes = plan.chunk_pages * PS as u64;
    let first_gpa = regions[0].gpa;
    let mut report = Report::default();
    let stop = AtomicBool::new(false);
    let writes = AtomicU64::new(0);
    // hot pages the "engine" itself dirties before each round: the first page (always
    // in chunk 0, so it moves between connections), an overflowing page, a zero page
    let hot = |round: u64| {
        dirty_page(src, dirty, first_gpa, 4, round * 77 + 1);
        dirty_page(src, dirty, first_gpa + PS as u64, 5, 0);
        dirty_page(
            src,
            dirty,
            first_gpa + 2 * PS as u64,
            3 + (round % 2) * 2,
            0,
        );
    };

    std::thread::scope(|s| {
        // the guest
        let writer = s.spawn(|| {
            let mut x = plan.seed | 1;
            let pages: Vec<u64> = regions
                .iter()
                .flat_map(|r| (r.gpa..r.end()).step_by(PS))
                .collect();
            while !stop.load(Ordering::Relaxed) {
                let r = xorshift(&mut x);
                // mostly a working set of an eighth of memory (re-dirtied pages: deltas),
                // sometimes anywhere
                let span = if r.is_multiple_of(5) {
                    pages.len()
                } else {
                    pages.len().div_ceil(8)
                };
                let gpa = pages[((r >> 3) % span as u64) as usize];
                dirty_page(src, dirty, gpa, r >> 40, xorshift(&mut x));
                if writes.fetch_add(1, Ordering::Relaxed) % 8 == 7 {
                    std::thread::sleep(std::time::Duration::from_micros(200));
                }
            }
        });

        // iteration 0: whole regions, raw
        let bulk = Round::new(&cache, RoundKind::Bulk);
        let chunks = split_chunks(regions, PS, chunk_bytes);
        run_round(
            &bulk,
            0,
            chunks,
            src,
            dst,
            &mut tx,
            &mut rx,
            first_gpa,
            &mut report,
        );

        let mut prev: Vec<MemoryRange> = Vec::new();
        for round_no in 1..=3usize {
            hot(round_no as u64);
            if round_no == 2 {
                cache.resize(total as usize / 4).unwrap(); // between rounds: shrink
            }
            let mut dirty_now = dirty.sync();
            normalize(&mut dirty_now);
            let round = Round::new(&cache, RoundKind::Delta);
            let mut chunks = split_chunks(&dirty_now, PS, chunk_bytes);
            if round_no == 2 {
                // two dirty sets, each normalized, not merged: pages in two chunks
                chunks.extend(split_chunks(&prev, PS, chunk_bytes));
            }
            if round_no == 3 {
                // live resize while the workers encode
                s.spawn(|| cache.resize(2 * total as usize).unwrap());
            }
            run_round(
                &round,
                round_no,
                chunks,
                src,
                dst,
                &mut tx,
                &mut rx,
                first_gpa,
                &mut report,
            );
            prev = dirty_now;
        }

        // the guest pauses
        stop.store(true, Ordering::Relaxed);
        writer.join().unwrap();
        hot(4);
        let mut last = dirty.sync();
        last.extend(&prev); // cloud-hypervisor's final round: two dirty sets
        normalize(&mut last);
        let fin = Round::new(&cache, RoundKind::Final);
        let chunks = split_chunks(&last, PS, chunk_bytes);
        run_round(
            &fin,
            4,
            chunks,
            src,
            dst,
            &mut tx,
            &mut rx,
            first_gpa,
            &mut report,
        );
        assert!(
            snapshot(dst, regions) == snapshot(src, regions),
            "after the final round"
        );

        // post-snapshot round: a few pages touched after the final round
        for (k, r) in regions.iter().enumerate() {
            dirty_page(src, dirty, r.gpa + 5 * PS as u64, k as u64, 9);
            dirty_page(src, dirty, r.end() - PS as u64, 4, 10 + k as u64);
        }
        let mut post = dirty.sync();
        normalize(&mut post);
        let round = Round::new(&cache, RoundKind::Delta);
        let chunks = split_chunks(&post, PS, chunk_bytes);
        run_round(
            &round,
            5,
            chunks,
            src,
            dst,
            &mut tx,
            &mut rx,
            first_gpa,
            &mut report,
        );
        assert!(
            snapshot(dst, regions) == snapshot(src, regions),
            "after the post-final round"
        );
    });
    assert!(writes.load(Ordering::Relaxed) > 0);
    report.counters = cache.counters();
    report
}

/// The checks every migration's report must pass: every kind of record was exercised,
/// and the first page moved between connections.
pub fn check_report(r: &Report, conns: usize) {
    let s = &r.sent;
    assert!(
        s.raw > 0 && s.zero > 0 && s.xbzrle > 0 && s.unchanged > 0,
        "{s:?}"
    );
    assert!(r.counters.overflow > 0, "{:?}", r.counters);
    assert_eq!(r.rounds, 6);
    let used: BTreeSet<_> = r.first_page_conn.iter().collect();
    assert_eq!(
        used.len(),
        conns.min(r.first_page_conn.len()),
        "{:?}",
        r.first_page_conn
    );
}
