//! Page ranges: what a round sends, in the engine's own terms.

use core::fmt;
use std::vec::Vec;

/// A range of guest-physical memory: `length` bytes from `gpa` (cloud-hypervisor's
/// `MemoryRange` has the same two fields). For the codec, both must be multiples of the
/// page size and `length` must not be 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct MemoryRange {
    /// First guest-physical address of the range.
    pub gpa: u64,
    /// Length in bytes.
    pub length: u64,
}

impl MemoryRange {
    /// A range of `length` bytes from `gpa`.
    pub const fn new(gpa: u64, length: u64) -> MemoryRange {
        MemoryRange { gpa, length }
    }

    /// One past the last address (saturating at `u64::MAX`).
    pub const fn end(&self) -> u64 {
        self.gpa.saturating_add(self.length)
    }
}

/// Why a range table was refused by [`check_ranges`] (and so by the round encoder and the
/// applier, before they read or write anything).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RangeError {
    /// Range `index` does not start and end on a page boundary, or is empty.
    NotPageAligned {
        /// Index of the range in the table.
        index: usize,
    },
    /// Range `index` starts below the end of the range before it: the table is not in
    /// ascending order or pages overlap (use [`normalize`]).
    Overlap {
        /// Index of the range in the table.
        index: usize,
    },
    /// Range `index` wraps around the end of the 64-bit address space.
    Wraps {
        /// Index of the range in the table.
        index: usize,
    },
}

impl fmt::Display for RangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            RangeError::NotPageAligned { index } => {
                write!(f, "range {index} is empty or not page-aligned")
            }
            RangeError::Overlap { index } => write!(
                f,
                "range {index} overlaps or precedes the range before it (normalize the table)"
            ),
            RangeError::Wraps { index } => {
                write!(f, "range {index} wraps around the address space")
            }
        }
    }
}

impl std::error::Error for RangeError {}

/// Checks that `ranges` is a table the codec accepts: every range non-empty and
/// page-aligned, in ascending order, disjoint (what [`normalize`] produces). Returns the
/// number of pages.
///
/// # Example
/// ```
/// use xbzrle::parallel::{check_ranges, MemoryRange, RangeError};
/// let t = [MemoryRange::new(0, 8192), MemoryRange::new(8192, 4096)];
/// assert_eq!(check_ranges(&t, 4096), Ok(3));
/// let bad = [MemoryRange::new(4096, 4096), MemoryRange::new(0, 8192)];
/// assert_eq!(check_ranges(&bad, 4096), Err(RangeError::Overlap { index: 1 }));
/// ```
pub fn check_ranges(ranges: &[MemoryRange], page_size: usize) -> Result<u64, RangeError> {
    let ps = page_size as u64;
    let mut pages = 0u64;
    let mut prev_end = 0u64;
    for (index, r) in ranges.iter().enumerate() {
        if ps == 0 || r.length == 0 || r.gpa % ps != 0 || r.length % ps != 0 {
            return Err(RangeError::NotPageAligned { index });
        }
        let Some(end) = r.gpa.checked_add(r.length) else {
            return Err(RangeError::Wraps { index });
        };
        if index > 0 && r.gpa < prev_end {
            return Err(RangeError::Overlap { index });
        }
        prev_end = end;
        pages += r.length / ps;
    }
    Ok(pages)
}

/// Sorts `ranges` by address and merges ranges that overlap or touch, dropping empty
/// ones, so that every page appears at most once (a round must not send one page twice:
/// cloud-hypervisor's final round unions two dirty sets). Alignment is not changed.
///
/// # Example
/// ```
/// use xbzrle::parallel::{normalize, MemoryRange};
/// let mut t = vec![
///     MemoryRange::new(8192, 4096),
///     MemoryRange::new(0, 8192),
///     MemoryRange::new(4096, 8192), // overlaps both
///     MemoryRange::new(65536, 0),   // empty
///     MemoryRange::new(20480, 4096),
/// ];
/// normalize(&mut t);
/// assert_eq!(t, [MemoryRange::new(0, 12288), MemoryRange::new(20480, 4096)]);
/// ```
pub fn normalize(ranges: &mut Vec<MemoryRange>) {
    ranges.retain(|r| r.length != 0);
    ranges.sort_unstable_by_key(|r| r.gpa);
    let mut out = 0usize;
    for i in 0..ranges.len() {
        let r = ranges[i];
        if out > 0 && r.gpa <= ranges[out - 1].end() {
            let last = &mut ranges[out - 1];
            let end = last.end().max(r.end());
            last.length = end - last.gpa;
        } else {
            ranges[out] = r;
            out += 1;
        }
    }
    ranges.truncate(out);
}

/// The ranges of the set bits of a dirty bitmap: bit `i` (LSB first within each `u64`
/// word, word 0 first — the layout of KVM's dirty log and of vm-memory's
/// `AtomicBitmap`) stands for the page at `base_gpa + i * page_size`. Runs of set bits
/// become one range each, in ascending order (already normalized). Addresses past
/// `u64::MAX` saturate (never panic): [`check_ranges`] refuses such ranges.
///
/// # Example
/// ```
/// use xbzrle::parallel::{ranges_from_bitmap, MemoryRange};
/// // pages 0, 1, 2 and 64 of a region at 1 MiB
/// let bitmap = [0b111u64, 1];
/// assert_eq!(
///     ranges_from_bitmap(&bitmap, 1 << 20, 4096),
///     [MemoryRange::new(1 << 20, 3 * 4096), MemoryRange::new((1 << 20) + 64 * 4096, 4096)]
/// );
/// ```
pub fn ranges_from_bitmap(bitmap: &[u64], base_gpa: u64, page_size: u64) -> Vec<MemoryRange> {
    let mut out: Vec<MemoryRange> = Vec::new();
    for (w, &word) in bitmap.iter().enumerate() {
        let mut bits = word;
        while bits != 0 {
            let start = bits.trailing_zeros();
            let run = (bits >> start).trailing_ones();
            let first = w as u64 * 64 + u64::from(start);
            // saturating: a bitmap reaching past the end of the address space gives
            // ranges that check_ranges refuses (never a panic, never a wrapped address)
            let gpa = base_gpa.saturating_add(first.saturating_mul(page_size));
            let length = u64::from(run).saturating_mul(page_size);
            match out.last_mut() {
                Some(last) if last.end() == gpa => last.length = last.length.saturating_add(length),
                _ => out.push(MemoryRange { gpa, length }),
            }
            bits = if start + run >= 64 {
                0
            } else {
                bits & !(((1u64 << run) - 1) << start)
            };
        }
    }
    out
}

/// Splits a (normalized) table into chunks of at most `chunk_bytes` bytes of pages each
/// (cloud-hypervisor sends 64 MiB chunks), cutting ranges at page boundaries, and of at
/// most [`MAX_CHUNK_RANGES`] ranges each (the limit of the standalone stream). Each
/// chunk can be sent on any connection.
///
/// `chunk_bytes` is rounded down to a whole number of pages (at least one page).
///
/// # Example
/// ```
/// use xbzrle::parallel::{split_chunks, MemoryRange};
/// let t = [MemoryRange::new(0, 5 * 4096), MemoryRange::new(10 * 4096, 4096)];
/// let chunks = split_chunks(&t, 4096, 2 * 4096);
/// assert_eq!(chunks.len(), 3);
/// assert_eq!(chunks[2], [MemoryRange::new(4 * 4096, 4096), MemoryRange::new(10 * 4096, 4096)]);
/// ```
pub fn split_chunks(
    ranges: &[MemoryRange],
    page_size: usize,
    chunk_bytes: u64,
) -> Vec<Vec<MemoryRange>> {
    let ps = page_size.max(1) as u64;
    let limit = (chunk_bytes / ps).max(1) * ps;
    let mut chunks = Vec::new();
    let mut cur: Vec<MemoryRange> = Vec::new();
    let mut room = limit;
    for r in ranges {
        let mut r = *r;
        while r.length > 0 {
            if room == 0 || cur.len() == MAX_CHUNK_RANGES {
                chunks.push(core::mem::take(&mut cur));
                room = limit;
            }
            let take = r.length.min(room);
            cur.push(MemoryRange::new(r.gpa, take));
            // saturating: a range that wraps stays refused by check_ranges in its
            // chunk instead of continuing at address 0
            r.gpa = r.gpa.saturating_add(take);
            r.length -= take;
            room -= take;
        }
    }
    if !cur.is_empty() {
        chunks.push(cur);
    }
    chunks
}

/// The most ranges one chunk of the standalone [stream](super::stream) may carry (so
/// that a receiver's range table fits in one 4 KiB page: 256 × 16 bytes).
pub const MAX_CHUNK_RANGES: usize = 256;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bitmap_runs_cross_words_and_full_words() {
        let b = [u64::MAX, 1 | (1 << 63), 0, 1 << 63];
        let r = ranges_from_bitmap(&b, 0, 1);
        assert_eq!(
            r,
            [
                MemoryRange::new(0, 65),
                MemoryRange::new(127, 1),
                MemoryRange::new(255, 1)
            ]
        );
        assert!(ranges_from_bitmap(&[0, 0], 0, 4096).is_empty());
    }

    #[test]
    fn normalize_merges_touching_and_contained() {
        let mut t = vec![
            MemoryRange::new(10, 5),
            MemoryRange::new(0, 100),
            MemoryRange::new(100, 1),
            MemoryRange::new(200, 1),
        ];
        normalize(&mut t);
        assert_eq!(t, [MemoryRange::new(0, 101), MemoryRange::new(200, 1)]);
    }

    #[test]
    fn check_and_split() {
        let ps = 4096usize;
        assert_eq!(
            check_ranges(&[MemoryRange::new(1, 4096)], ps),
            Err(RangeError::NotPageAligned { index: 0 })
        );
        assert_eq!(
            check_ranges(&[MemoryRange::new(0, 0)], ps),
            Err(RangeError::NotPageAligned { index: 0 })
        );
        assert_eq!(
            check_ranges(&[MemoryRange::new(u64::MAX - 4095, 8192)], ps),
            Err(RangeError::Wraps { index: 0 })
        );
        assert_eq!(
            check_ranges(&[MemoryRange::new(0, 4096), MemoryRange::new(0, 4096)], ps),
            Err(RangeError::Overlap { index: 1 })
        );
        let many: Vec<_> = (0..600u64)
            .map(|i| MemoryRange::new(i * 2 * 4096, 4096))
            .collect();
        let chunks = split_chunks(&many, ps, 1 << 30);
        assert_eq!(
            chunks.iter().map(Vec::len).collect::<Vec<_>>(),
            [256, 256, 88]
        );
        let flat: Vec<_> = chunks.concat();
        assert_eq!(flat, many);
    }

    /// Regression: huge base addresses and wrapping ranges overflowed (a panic in debug
    /// builds, a wrapped address in release builds).
    #[test]
    fn hostile_values_do_not_overflow() {
        let ps = 4096u64;
        let base = u64::MAX - 3 * ps + 1; // 2^64 - 3 pages: 3 pages left below 2^64
        let r = ranges_from_bitmap(&[u64::MAX, u64::MAX], base, ps);
        assert!(check_ranges(&r, ps as usize).is_err(), "{r:?}");
        let r = ranges_from_bitmap(&[1 << 63; 3], u64::MAX - ps + 1, ps);
        assert!(check_ranges(&r, ps as usize).is_err(), "{r:?}");
        let wraps = [MemoryRange::new(u64::MAX - 2 * ps + 1, 8 * ps)];
        let chunks = split_chunks(&wraps, ps as usize, ps);
        assert_eq!(chunks.len(), 8);
        // the first page is fine (the last one of the address space cannot be expressed:
        // its end is 2^64); nothing wraps around to address 0
        assert!(chunks.iter().flatten().all(|r| r.gpa >= wraps[0].gpa));
        assert_eq!(check_ranges(&chunks[0], ps as usize), Ok(1));
        for chunk in &chunks[1..] {
            assert!(check_ranges(chunk, ps as usize).is_err(), "{chunk:?}");
        }
        let mut t = vec![MemoryRange::new(u64::MAX - 10, 100), MemoryRange::new(0, 5)];
        normalize(&mut t);
        assert_eq!(t[1].end(), u64::MAX);
    }
}
