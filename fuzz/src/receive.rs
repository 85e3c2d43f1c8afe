//! The `receive` target: a hostile chunk payload from the network applied by
//! `xbzrle::parallel::Applier` to guest memory (issue 12 item 6).
//!
//! Input layout: a 3-byte [`ReceiveHeader`], then the payload, verbatim.
//!
//! * byte 0: bits 0-1 choose the page size (16, 64, 256, 4096 bytes); bit 2 adds a range
//!   just past the end of guest memory (must be refused before anything is read);
//! * byte 1: which of the 8 pages of guest memory the range table holds (bit i = page i;
//!   0 means all 8);
//! * byte 2: the seed of the destination's old contents (pages 2 and 5 are zero).
//!
//! [`check_receive`] runs the applier on `OwnedMemory` and the byte-at-a-time model of
//! `xbzrle_testkit::payload` on a `Vec`, and checks: no panic; the same result, error
//! kind, byte offset and page; the same memory; on success exactly the payload was read;
//! nothing outside the range table written; on an error the refused page and every page
//! after it unchanged.

use xbzrle::parallel::{ranges_from_bitmap, Applier, MemoryRange, OwnedMemory};
use xbzrle_testkit::payload::model_apply;
use xbzrle_testkit::scenario::fill_random;

/// Pages of guest memory in the `receive` target.
pub const PAGES: usize = 8;

/// The page sizes byte 0 chooses from.
pub const PAGE_SIZES: [usize; 4] = [16, 64, 256, 4096];

/// The first three bytes of a `receive` input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReceiveHeader {
    /// Page size selector (bits 0-1) and flags (bit 2: a range outside memory).
    pub mode: u8,
    /// Range table as a page bitmap (0 = every page).
    pub pages: u8,
    /// Seed of the old contents.
    pub seed: u8,
}

impl ReceiveHeader {
    /// Reads the header (missing bytes are 0).
    pub fn read(b: &[u8]) -> ReceiveHeader {
        let g = |i: usize| b.get(i).copied().unwrap_or(0);
        ReceiveHeader {
            mode: g(0),
            pages: g(1),
            seed: g(2),
        }
    }

    /// The three bytes.
    pub fn to_bytes(self) -> [u8; 3] {
        [self.mode, self.pages, self.seed]
    }

    /// The page size.
    pub fn page_size(self) -> usize {
        PAGE_SIZES[usize::from(self.mode & 3)]
    }

    /// The range table.
    pub fn ranges(self) -> Vec<MemoryRange> {
        let ps = self.page_size() as u64;
        let bits = if self.pages == 0 { 0xff } else { self.pages };
        let mut r = ranges_from_bitmap(&[u64::from(bits)], 0, ps);
        if self.mode & 4 != 0 {
            r.push(MemoryRange::new(PAGES as u64 * ps, ps));
        }
        r
    }

    /// The destination's contents before the payload.
    pub fn old_memory(self) -> Vec<u8> {
        let ps = self.page_size();
        let mut m = vec![0u8; PAGES * ps];
        fill_random(&mut m, u64::from(self.seed));
        m[2 * ps..3 * ps].fill(0);
        m[5 * ps..6 * ps].fill(0);
        m
    }
}

/// Runs one `receive` input (header + payload); panics on any disagreement.
pub fn check_receive(data: &[u8]) {
    let head = ReceiveHeader::read(data);
    let payload = data.get(3..).unwrap_or(&[]);
    let ps = head.page_size();
    let ranges = head.ranges();
    let old = head.old_memory();

    let dst = OwnedMemory::from_bytes(0, &old);
    let mut reader = payload;
    let got = Applier::new(ps).unwrap().apply(&dst, &ranges, &mut reader);
    let mut model = old.clone();
    let want = model_apply(&mut model, ps, &ranges, payload);
    let now = dst.to_vec();
    assert!(now == model, "memory differs from the model");

    let in_table = |p: usize| {
        let gpa = (p * ps) as u64;
        ranges.iter().any(|r| r.gpa <= gpa && gpa < r.end())
    };
    for p in 0..PAGES {
        if !in_table(p) {
            assert!(
                now[p * ps..(p + 1) * ps] == old[p * ps..(p + 1) * ps],
                "page {p} outside the table written"
            );
        }
    }
    match (got, want) {
        (Ok(stats), Ok(n)) => {
            assert_eq!(stats.bytes, n);
            assert_eq!(
                (payload.len() - reader.len()) as u64,
                n,
                "read past the payload"
            );
        }
        (Err(e), Err((kind, offset, page))) => {
            assert_eq!((e.kind(), e.offset(), e.page()), (kind, offset, page));
            let msg = e.to_string();
            assert!(msg.contains(&format!("at byte {offset}")), "{msg}");
            if let Some(failed) = page {
                // the refused page and every page after it (in table order) untouched
                let mut after = false;
                for r in &ranges {
                    let mut g = r.gpa;
                    while g < r.end() {
                        after |= g == failed;
                        let p = g as usize;
                        if after && p + ps <= old.len() {
                            assert!(
                                now[p..p + ps] == old[p..p + ps],
                                "page {g:#x} written after an error"
                            );
                        }
                        g += ps as u64;
                    }
                }
            }
        }
        (got, want) => panic!("applier {got:?}, model {want:?}"),
    }
}
