//! A byte-at-a-time model of the parallel chunk payload receiver
//! (`xbzrle::parallel::Applier::apply`), for differential tests and the `receive` fuzz
//! target: the same bytes must give the same result, the same error (kind, byte offset,
//! page) and the same memory.
//!
//! The model works on a plain `Vec<u8>` holding guest-physical addresses `0..len`, reads
//! the payload from a slice, and decodes deltas with `xbzrle::decode` on a copy of the
//! page (the applier writes only literal runs through `GuestWrite` instead).
//!
//! # Example
//! ```
//! use xbzrle::parallel::{ApplyErrorKind, MemoryRange};
//! use xbzrle_testkit::payload::model_apply;
//! let mut mem = vec![0u8; 4096];
//! let one = [MemoryRange::new(0, 4096)];
//! let p = [b'X', b'B', 1, 1, 1, 0, 0, 0, 0x03, 3, 0, 0x64, 0x01, 0xaa, 0xe0];
//! assert_eq!(model_apply(&mut mem, 4096, &one, &p), Ok(15));
//! assert_eq!(mem[100], 0xaa);
//! assert_eq!(
//!     model_apply(&mut mem, 4096, &one, &p[..3]),
//!     Err((ApplyErrorKind::Truncated, 0, None))
//! );
//! ```

use xbzrle::parallel::{check_ranges, ApplyErrorKind, MemoryError, MemoryRange};

/// The model's verdict on a refused payload: the error kind, the byte offset and the
/// page, as `ApplyError::{kind, offset, page}` report them.
pub type ModelError = (ApplyErrorKind, u64, Option<u64>);

/// Applies `payload` for `ranges` to `mem` (guest-physical address = index) as the
/// documented format says, one page at a time: on an error, the pages before the
/// refused record are applied and nothing else is written. Returns the payload bytes
/// read.
pub fn model_apply(
    mem: &mut [u8],
    page_size: usize,
    ranges: &[MemoryRange],
    payload: &[u8],
) -> Result<u64, ModelError> {
    use ApplyErrorKind as K;
    let expected = check_ranges(ranges, page_size).map_err(|e| (K::Ranges(e), 0, None))?;
    for r in ranges {
        if r.end() > mem.len() as u64 {
            let e = MemoryError {
                gpa: r.gpa,
                len: r.length,
            };
            return Err((K::Memory(e), 0, Some(r.gpa)));
        }
    }
    let byte = |i: usize| payload.get(i).copied();
    if payload.len() < 8 {
        return Err((K::Truncated, 0, None));
    }
    if payload[..2] != *b"XB" {
        return Err((K::BadMagic, 0, None));
    }
    if payload[2] != 1 {
        return Err((K::BadVersion(payload[2]), 2, None));
    }
    let kind = payload[3];
    if kind > 2 {
        return Err((K::BadRoundKind(kind), 3, None));
    }
    let declared = u32::from_le_bytes([payload[4], payload[5], payload[6], payload[7]]);
    if u64::from(declared) != expected {
        return Err((K::PageCount { declared, expected }, 4, None));
    }
    let mut i = 8usize;
    for r in ranges {
        let mut gpa = r.gpa;
        while gpa < r.end() {
            let at = i as u64;
            let page = Some(gpa);
            let g = gpa as usize;
            let Some(tag) = byte(i) else {
                return Err((K::Truncated, at, page));
            };
            i += 1;
            if kind == 0 && tag != 1 && tag != 2 {
                let k = if tag <= 3 {
                    K::NotInBulk(tag)
                } else {
                    K::BadTag(tag)
                };
                return Err((k, at, page));
            }
            match tag {
                0 => {}
                1 => mem[g..g + page_size].fill(0),
                2 => {
                    let Some(raw) = payload.get(i..i + page_size) else {
                        return Err((K::Truncated, at, page));
                    };
                    mem[g..g + page_size].copy_from_slice(raw);
                    i += page_size;
                }
                3 => {
                    let (Some(lo), Some(hi)) = (byte(i), byte(i + 1)) else {
                        return Err((K::Truncated, at, page));
                    };
                    let n = u16::from_le_bytes([lo, hi]);
                    i += 2;
                    if n == 0 || usize::from(n) > page_size {
                        return Err((K::BadDeltaLength(n), at + 1, page));
                    }
                    let Some(delta) = payload.get(i..i + usize::from(n)) else {
                        return Err((K::Truncated, at, page));
                    };
                    let mut copy = mem[g..g + page_size].to_vec();
                    if let Err(e) = xbzrle::decode(delta, &mut copy) {
                        return Err((K::Delta(e), at, page));
                    }
                    mem[g..g + page_size].copy_from_slice(&copy);
                    i += usize::from(n);
                }
                t => return Err((K::BadTag(t), at, page)),
            }
            gpa += page_size as u64;
        }
    }
    match byte(i) {
        None => Err((K::Truncated, i as u64, None)),
        Some(0xE0) => Ok(i as u64 + 1),
        Some(b) => Err((K::BadEnd(b), i as u64, None)),
    }
}
