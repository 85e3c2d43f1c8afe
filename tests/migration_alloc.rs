//! The sender and receiver allocate nothing per page: counted with a global allocator.
//! (One test in this binary, so no other test allocates concurrently.)

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use xbzrle::migrate::{PageRecord, Receiver, Sender};
use xbzrle_testkit::scenario::{fill_random, Pattern};

struct Counting;

static ALLOCS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every method forwards to `System` with the caller's arguments unchanged, so
// `System`'s guarantees carry over; the counter has no effect on memory.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: forwarded verbatim; the caller upholds `GlobalAlloc::alloc`'s contract.
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn no_allocation_per_page() {
    const P: usize = 4096;
    const PAGES: usize = 32;
    let mut mem = vec![0u8; PAGES * P];
    fill_random(&mut mem[P..], 1);
    let mut dst = vec![0u8; PAGES * P];
    let mut tx = Sender::new(8 * P, P).unwrap();
    let rx = Receiver::new(P).unwrap();
    let mut kinds = [0usize; 4];

    let before = ALLOCS.load(Ordering::Relaxed);
    for round in 0..20u64 {
        tx.advance_round();
        for n in 0..PAGES {
            let page = &mut mem[n * P..(n + 1) * P];
            match (round + n as u64) % 5 {
                0 => Pattern::DENSE.apply_in_place(page, n * P),
                1 => fill_random(page, round * 100 + n as u64), // overflow
                2 => page.fill(0),
                _ => {}
            }
            let rec = tx.send_page(n as u64, page);
            kinds[match rec {
                PageRecord::Unchanged => 0,
                PageRecord::Xbzrle(_) => 1,
                PageRecord::Zero => 2,
                PageRecord::Raw(_) => 3,
            }] += 1;
            rx.apply(rec, &mut dst[n * P..(n + 1) * P]).unwrap();
        }
    }
    let after = ALLOCS.load(Ordering::Relaxed);
    assert_eq!(after - before, 0, "allocations while sending pages");
    assert_eq!(mem, dst);
    assert!(kinds.iter().all(|&k| k > 0), "{kinds:?}");
    // the counter works: constructing a sender allocates
    let s = Sender::new(P, P).unwrap();
    assert!(ALLOCS.load(Ordering::Relaxed) > after);
    drop(s);
}
