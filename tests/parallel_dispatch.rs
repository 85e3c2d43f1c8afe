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
