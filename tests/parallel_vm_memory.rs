//! Parallel migration on real vm-memory 0.18 `GuestMemoryMmap` (feature `vm-memory`,
//! mmap backend; issue 12 items 4 and 7): two guest regions with a gap, a guest writer
//! thread dirtying pages through vm-memory while the CH-like dispatcher of
//! `parallel_common` migrates them over TCP and pipes; dirty tracking by vm-memory's own
//! `AtomicBitmap` (as cloud-hypervisor ORs it into the KVM dirty log) or by the test's
//! bitmap. After the final round the destination equals the source byte for byte. Also:
//! `RawRegion` over an anonymous mmap written by another thread during a migration.

mod parallel_common;

use parallel_common::*;
use vm_memory::bitmap::AtomicBitmap;
use vm_memory::{GuestAddress, GuestMemoryBackend, GuestMemoryMmap, GuestMemoryRegion, MmapRegion};
use xbzrle::parallel::{ranges_from_bitmap, GuestWrite, MemoryRange, RawRegion, VmMemory};

/// Two regions with a hole between them (CH's guest RAM below and above a gap).
const REGIONS: [MemoryRange; 2] = [
    MemoryRange::new(0, 256 * PS as u64),
    MemoryRange::new(0x100_0000, 192 * PS as u64),
];

fn layout() -> Vec<(GuestAddress, usize)> {
    REGIONS
        .iter()
        .map(|r| (GuestAddress(r.gpa), r.length as usize))
        .collect()
}

fn fill<M: GuestWrite>(mem: &M) {
    for (k, r) in REGIONS.iter().enumerate() {
        let mut b = vec![0u8; r.length as usize];
        xbzrle_testkit::scenario::fill_random(&mut b, 11 + k as u64);
        b[PS * 20..PS * 30].fill(0);
        mem.write_from(r.gpa, &b).unwrap();
    }
}

/// vm-memory's dirty bitmap: every write through `GuestMemory` marks it (so the writer's
/// `mark` has nothing to do); a sync takes and clears every region's bitmap.
struct VmDirty<'a>(&'a GuestMemoryMmap<AtomicBitmap>);

impl Dirty for VmDirty<'_> {
    fn mark(&self, _gpa: u64, _len: u64) {}

    fn sync(&self) -> Vec<MemoryRange> {
        let mut out = Vec::new();
        for region in self.0.iter() {
            let words = (**region).bitmap().get_and_reset();
            out.extend(ranges_from_bitmap(&words, region.start_addr().0, PS as u64));
        }
        out
    }
}

#[test]
fn vm_bitmap_tcp_2_connections() {
    let src_gm = GuestMemoryMmap::<AtomicBitmap>::from_ranges(&layout()).unwrap();
    let dst_gm = GuestMemoryMmap::<()>::from_ranges(&layout()).unwrap();
    let (src, dst) = (VmMemory(&src_gm), VmMemory(&dst_gm));
    fill(&src);
    let dirty = VmDirty(&src_gm);
    dirty.sync(); // dirty logging starts now
    let plan = Plan {
        conns: 2,
        transport: Transport::Tcp,
        chunk_pages: 40,
        seed: 77,
    };
    let report = migrate(&src, &dst, &REGIONS, &dirty, plan);
    check_report(&report, 2);
}

#[test]
fn own_bitmap_pipes_4_connections() {
    let src_gm = GuestMemoryMmap::<()>::from_ranges(&layout()).unwrap();
    let dst_gm = GuestMemoryMmap::<()>::from_ranges(&layout()).unwrap();
    let (src, dst) = (VmMemory(&src_gm), VmMemory(&dst_gm));
    fill(&src);
    let dirty = Bitmaps::new(&REGIONS);
    let plan = Plan {
        conns: 4,
        transport: Transport::Pipe,
        chunk_pages: 16,
        seed: 78,
    };
    let report = migrate(&src, &dst, &REGIONS, &dirty, plan);
    check_report(&report, 4);
    assert_eq!(
        snapshot(&src, &REGIONS),
        snapshot(&VmMemory(&dst_gm), &REGIONS)
    );
}

/// `RawRegion` over memory the "engine" mapped itself (an anonymous mmap, through
/// vm-memory's `MmapRegion`, which this test never reads or writes through: every access
/// goes through `RawRegion`'s atomic words, as its contract asks), written by the guest
/// writer thread while the migration reads it; destination on `GuestMemoryMmap`.
#[test]
fn raw_region_on_mmap_written_concurrently() {
    let len = 256 * PS;
    let map = MmapRegion::<()>::new(len).unwrap();
    assert_eq!(map.size(), len);
    // SAFETY: the mapping is valid for reads and writes of `len` bytes (MmapRegion::new)
    // and outlives `src` (dropped at the end of this function, after `src`); it is
    // page-aligned, so 8-byte aligned; nothing else in this process accesses it while
    // `src` exists: the writer thread and the encoders all go through `src`.
    let src = unsafe { RawRegion::new(0x4000_0000, map.as_ptr(), len) }.unwrap();
    let regions = [MemoryRange::new(0x4000_0000, len as u64)];
    let mut init = vec![0u8; len];
    xbzrle_testkit::scenario::fill_random(&mut init, 3);
    src.write_from(regions[0].gpa, &init).unwrap();
    let dst_gm = GuestMemoryMmap::<()>::from_ranges(&[(GuestAddress(0x4000_0000), len)]).unwrap();
    let dst = VmMemory(&dst_gm);
    let dirty = Bitmaps::new(&regions);
    let plan = Plan {
        conns: 2,
        transport: Transport::Pipe,
        chunk_pages: 32,
        seed: 79,
    };
    let report = migrate(&src, &dst, &regions, &dirty, plan);
    check_report(&report, 2);
}
