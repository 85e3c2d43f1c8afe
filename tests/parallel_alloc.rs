//! The parallel applier allocates one page per chunk, whatever the payload says (issue 12
//! item 6: no allocation driven by an untrusted length beyond one page), and the round
//! encoder a fixed amount per chunk: counted with a global allocator. (One test in this
//! binary, so no other test allocates concurrently.)

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use xbzrle::cache::SharedCache;
use xbzrle::parallel::{Applier, GuestWrite, MemoryRange, OwnedMemory, Round, RoundKind};
use xbzrle_testkit::scenario::{fill_random, Pattern};

struct Counting;

static ALLOCS: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every method forwards to `System` with the caller's arguments unchanged, so
// `System`'s guarantees carry over; the counters have no effect on memory.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: forwarded verbatim; the caller upholds `GlobalAlloc::alloc`'s contract.
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(new_size, Ordering::Relaxed);
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

fn counted<T>(f: impl FnOnce() -> T) -> (T, usize, usize) {
    let (a, b) = (
        ALLOCS.load(Ordering::Relaxed),
        BYTES.load(Ordering::Relaxed),
    );
    let r = f();
    (
        r,
        ALLOCS.load(Ordering::Relaxed) - a,
        BYTES.load(Ordering::Relaxed) - b,
    )
}

#[test]
fn one_page_per_chunk_whatever_the_payload() {
    const P: usize = 4096;
    const PAGES: usize = 64;
    let mut init = vec![0u8; PAGES * P];
    fill_random(&mut init, 1);
    let src = OwnedMemory::from_bytes(0, &init);
    let dst = OwnedMemory::from_bytes(0, &init);
    let cache = SharedCache::new(PAGES * P, P).unwrap();
    let applier = Applier::new(P).unwrap();
    let all = [MemoryRange::new(0, (PAGES * P) as u64)];
    let mut wire = Vec::with_capacity(2 * PAGES * P);
    Round::new(&cache, RoundKind::Delta)
        .encode(&src, &all, &mut wire)
        .unwrap();
    for p in 0..PAGES {
        let mut page = init[p * P..(p + 1) * P].to_vec();
        match p % 4 {
            0 => Pattern::MEDIUM.apply_in_place(&mut page, p * P),
            1 => page.fill(0),
            2 => fill_random(&mut page, p as u64),
            _ => {}
        }
        src.write_from((p * P) as u64, &page).unwrap();
    }
    wire.clear();
    let (stats, allocs, _) = counted(|| {
        Round::new(&cache, RoundKind::Delta)
            .encode(&src, &all, &mut wire)
            .unwrap()
    });
    assert!(stats.xbzrle > 0 && stats.zero > 0 && stats.raw > 0 && stats.unchanged > 0);
    // a page of scratch and the output buffer, not one per page
    assert!(allocs <= 3, "{allocs} allocations to encode a chunk");

    // the real payload, then hostile ones: huge XBZRLE lengths, huge page counts,
    // truncations; one page of buffer each time
    let mut hostile = vec![wire.clone()];
    let mut h = wire.clone();
    h[4..8].copy_from_slice(&u32::MAX.to_le_bytes());
    hostile.push(h);
    let mut h = wire[..8].to_vec();
    h.extend([3, 0xff, 0xff]);
    h.extend(std::iter::repeat_n(0u8, 70_000));
    hostile.push(h);
    hostile.push(wire[..wire.len() / 2].to_vec());
    for (i, payload) in hostile.iter().enumerate() {
        let (r, allocs, bytes) = counted(|| applier.apply(&dst, &all, &mut &payload[..]));
        assert_eq!(r.is_ok(), i == 0, "{i}: {r:?}");
        assert!(
            allocs <= 1 && bytes <= P,
            "{i}: {allocs} allocations, {bytes} bytes"
        );
    }
    assert_eq!(dst.to_vec(), src.to_vec());
}
