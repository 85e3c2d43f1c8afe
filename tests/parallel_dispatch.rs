//! Parallel migration through a cloud-hypervisor-like dispatcher (issue 12 item 7): a
//! shared queue of chunks over 1, 2 and 4 connections, real loopback TCP and in-memory
//! pipes, a guest writer thread dirtying pages during the live rounds, rounds Bulk,
//! Delta, Final and post-final, cache resizes; the destination equals the source byte for
//! byte after the final and post-final rounds. The engine is in `parallel_common`.

mod parallel_common;

use parallel_common::*;
use xbzrle::parallel::{MemoryRange, OwnedMemory};

const BASE: u64 = 1 << 20;
const PAGES: usize = 512;

fn run(conns: usize, transport: Transport) {
    let regions = [MemoryRange::new(BASE, (PAGES * PS) as u64)];
    let mut init = vec![0u8; PAGES * PS];
    xbzrle_testkit::scenario::fill_random(&mut init, 5);
    init[10 * PS..40 * PS].fill(0); // some zero pages for the bulk round
    let src = OwnedMemory::from_bytes(BASE, &init);
    let dst = OwnedMemory::new(BASE, PAGES * PS);
    let dirty = Bitmaps::new(&regions);
    let plan = Plan {
        conns,
        transport,
        chunk_pages: 24,
        seed: 0x1234 + conns as u64,
    };
    let report = migrate(&src, &dst, &regions, &dirty, plan);
    check_report(&report, conns);
}

#[test]
fn tcp_1() {
    run(1, Transport::Tcp);
}

#[test]
fn tcp_2() {
    run(2, Transport::Tcp);
}

#[test]
fn tcp_4() {
    run(4, Transport::Tcp);
}

#[test]
fn pipe_1() {
    run(1, Transport::Pipe);
}

#[test]
fn pipe_2() {
    run(2, Transport::Pipe);
}

#[test]
fn pipe_4() {
    run(4, Transport::Pipe);
}

/// `RawRegion` over a `Vec`-backed region that another thread writes all the time (with
/// `RawRegion`'s atomic word stores: the test has no data race): every round sees a
/// snapshot of each page, made of whole 8-byte words of what the writer stored; the
/// destination always equals the cache's copy (what was sent); after the writer stops,
/// one more round makes the destination equal the source.
#[test]
fn raw_region_written_concurrently() {
    use std::sync::atomic::{AtomicBool, Ordering};
    use xbzrle::cache::SharedCache;
    use xbzrle::parallel::{Applier, GuestRead, GuestWrite, RawRegion, Round, RoundKind};

    let mut backing = vec![0u64; 2 * PS / 8];
    // SAFETY: `backing` outlives `region` (dropped before `backing` is read again at the
    // end) and while `region` exists it is only accessed through `region`'s atomic words
    // (by this thread and the writer thread).
    let region = unsafe { RawRegion::new(0, backing.as_mut_ptr().cast(), 2 * PS) }.unwrap();
    let dst = OwnedMemory::new(0, 2 * PS);
    let cache = SharedCache::new(4 * PS, PS).unwrap();
    let applier = Applier::new(PS).unwrap();
    let both = [MemoryRange::new(0, 2 * PS as u64)];
    let stop = AtomicBool::new(false);
    let fills = [0x11u8, 0x22, 0x00, 0x33];
    std::thread::scope(|s| {
        s.spawn(|| {
            let mut i = 0usize;
            while !stop.load(Ordering::Relaxed) {
                // whole pages of one byte value, and single words, on both pages
                region
                    .write_from((i % 2 * PS) as u64, &[fills[i % 4]; PS])
                    .unwrap();
                region
                    .write_from((i * 8 % (2 * PS)) as u64, &[fills[(i + 1) % 4]; 8])
                    .unwrap();
                i += 1;
            }
        });
        for n in 0..300 {
            let kind = if n == 0 {
                RoundKind::Bulk
            } else {
                RoundKind::Delta
            };
            let round = Round::new(&cache, kind);
            let mut wire = Vec::new();
            round.encode(&region, &both, &mut wire).unwrap();
            applier.apply(&dst, &both, &mut &wire[..]).unwrap();
            let now = dst.to_vec();
            for w in now.chunks(8) {
                assert!(w.iter().all(|&b| b == w[0]), "torn word {w:?}");
                assert!(fills.contains(&w[0]));
            }
            if n > 0 {
                let mut cached = vec![0u8; PS];
                for p in 0..2 {
                    if cache.copy_out(p, &mut cached) {
                        assert!(
                            cached[..] == now[p as usize * PS..][..PS],
                            "cache != destination"
                        );
                    }
                }
            }
        }
        stop.store(true, Ordering::Relaxed);
    });
    let round = Round::new(&cache, RoundKind::Final);
    let mut wire = Vec::new();
    round.encode(&region, &both, &mut wire).unwrap();
    applier.apply(&dst, &both, &mut &wire[..]).unwrap();
    let mut src = vec![0u8; 2 * PS];
    region.read_into(0, &mut src).unwrap();
    assert_eq!(dst.to_vec(), src);
    // `region` is not used after this point
    let bytes: Vec<u8> = backing.iter().flat_map(|w| w.to_ne_bytes()).collect();
    assert_eq!(bytes, src);
}
