//! The standalone stream (`xbzrle::parallel::stream`) over real loopback TCP: 1, 2 and 4
//! connections, rounds Bulk, Delta, Delta (after a cache resize), Final and a
//! post-final Delta round, the guest changing pages between rounds with the
//! docs/format.md §7 patterns, zero pages and random pages; after every round the
//! destination must equal the source byte for byte.

use std::io::{BufReader, BufWriter};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

use xbzrle::cache::SharedCache;
use xbzrle::parallel::stream::{self, StreamHeader, StreamReader, StreamWriter};
use xbzrle::parallel::{Applier, GuestWrite, MemoryRange, OwnedMemory, RoundKind};
use xbzrle_testkit::scenario::{fill_random, Pattern};

const PS: usize = 4096;
const PAGES: usize = 512; // 2 MiB
const BASE: u64 = 1 << 32;

/// Changes the source for round `round` and returns the dirty table (unsorted, with a
/// duplicate, as a union of two dirty sets would be).
fn dirty_the_guest(src: &OwnedMemory, round: u64) -> Vec<MemoryRange> {
    let ps = PS as u64;
    let mut dirty = Vec::new();
    let pattern = Pattern::ALL[(round % 4) as usize];
    // a pattern over pages 10..40, shifting with the round
    let first = 10 + round;
    let mut region = vec![0u8; 30 * PS];
    let _ = xbzrle::parallel::GuestRead::read_into(src, BASE + first * ps, &mut region);
    pattern.apply_in_place(&mut region, round as usize);
    src.write_from(BASE + first * ps, &region).unwrap();
    dirty.push(MemoryRange::new(BASE + first * ps, 30 * ps));
    // random pages (overflow: sent raw) and zero pages
    let mut page = vec![0u8; PS];
    for k in 0..8u64 {
        let p = (round * 37 + k * 53) % PAGES as u64;
        if k % 2 == 0 {
            fill_random(&mut page, round * 100 + k);
            src.write_from(BASE + p * ps, &page).unwrap();
        } else {
            src.write_zeros(BASE + p * ps, ps).unwrap();
        }
        dirty.push(MemoryRange::new(BASE + p * ps, ps));
    }
    dirty.push(MemoryRange::new(BASE + first * ps, ps)); // the same page again
    dirty.reverse();
    dirty
}

fn migrate(conns: usize) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let src = OwnedMemory::new(BASE, PAGES * PS);
    let mut seed_region = vec![0u8; PAGES * PS];
    fill_random(&mut seed_region, 7);
    seed_region[..64 * PS].fill(0); // zero pages in the bulk round
    src.write_from(BASE, &seed_region).unwrap();
    let dst = OwnedMemory::new(BASE, PAGES * PS);
    let all = MemoryRange::new(BASE, (PAGES * PS) as u64);
    let header = StreamHeader::new(PS, vec![all]).unwrap();

    let rounds = [
        RoundKind::Bulk,
        RoundKind::Delta,
        RoundKind::Delta,
        RoundKind::Final,
        RoundKind::Delta, // post-final (cloud-hypervisor's post-snapshot round)
    ];
    // the source and the destination step through the rounds together, so the test can
    // compare memory after each round
    let (to_dst, round_done) = std::sync::mpsc::channel::<()>();
    let (to_src, dst_checked) = std::sync::mpsc::channel::<()>();
    std::thread::scope(|s| {
        let src = &src;
        let dst = &dst;
        let header = &header;
        s.spawn(move || {
            let cache = SharedCache::new(64 * PS, PS).unwrap();
            let mut writers: Vec<_> = (0..conns)
                .map(|_| {
                    let c = TcpStream::connect(addr).unwrap();
                    StreamWriter::new(BufWriter::new(c), header).unwrap()
                })
                .collect();
            for (i, kind) in rounds.iter().enumerate() {
                let dirty = if i == 0 {
                    vec![all]
                } else {
                    dirty_the_guest(src, i as u64)
                };
                if i == 2 {
                    cache.resize(32 * PS).unwrap(); // live resize between rounds
                }
                let st =
                    stream::send_round(&cache, *kind, src, &dirty, 16 * PS as u64, &mut writers)
                        .unwrap();
                assert_eq!(st.kind, *kind);
                to_dst.send(()).unwrap();
                dst_checked.recv().unwrap();
            }
            stream::finish(&mut writers).unwrap();
            assert!(cache.counters().pages > 0, "no XBZRLE page was sent");
        });
        let applier = Applier::new(PS).unwrap();
        let mut readers: Vec<_> = (0..conns)
            .map(|_| {
                let (c, _) = listener.accept().unwrap();
                c.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
                StreamReader::open(BufReader::new(c), &applier, dst).unwrap()
            })
            .collect();
        let mut i = 0;
        while let Some(st) = stream::receive_round(&applier, dst, &mut readers).unwrap() {
            assert_eq!(st.kind, rounds[i]);
            assert_eq!(st.per_connection.len(), conns);
            round_done.recv().unwrap();
            assert!(
                dst.to_vec() == src.to_vec(),
                "{conns} connections: round {i} differs"
            );
            to_src.send(()).unwrap();
            i += 1;
        }
        assert_eq!(i, rounds.len());
    });
}

#[test]
fn one_connection() {
    migrate(1);
}

#[test]
fn two_connections() {
    migrate(2);
}

#[test]
fn four_connections() {
    migrate(4);
}
