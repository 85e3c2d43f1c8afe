//! The decoder: validate the whole delta, then apply it, so that a refused delta never
//! leaves a half-written page.

use crate::error::{DecodeError, DecodeErrorKind};
use crate::uleb;

/// Applies an XBZRLE `delta` to `page` in place, which must hold the OLD page.
///
/// Accepts and refuses exactly what QEMU's decoder does and returns QEMU's value: the
/// offset just past the last changed run (0 for an empty delta), which is *not* the page
/// size. Bytes after that offset are left as they were.
///
/// The call is atomic: the whole delta is checked before the first byte of `page` is
/// written, so on `Err` the page is exactly as it was. The check only walks the run
/// headers, not the literal bytes (see the README for what it costs).
///
/// # Example
/// ```
/// let mut page = [0u8; 4096];
/// // skip 1001 bytes, then write 2 literal bytes
/// let end = xbzrle::decode(&[0xe9, 0x07, 0x02, 0xaa, 0xbb], &mut page)?;
/// assert_eq!(end, 1003);
/// assert_eq!(&page[1000..1004], &[0, 0xaa, 0xbb, 0]);
///
/// // a truncated delta is refused and the page is untouched
/// let err = xbzrle::decode(&[0x00, 0x05, 0x11], &mut page).unwrap_err();
/// assert_eq!(err.kind(), xbzrle::DecodeErrorKind::Truncated);
/// assert_eq!(&page[1000..1004], &[0, 0xaa, 0xbb, 0]);
/// # Ok::<(), xbzrle::DecodeError>(())
/// ```
pub fn decode(delta: &[u8], page: &mut [u8]) -> Result<usize, DecodeError> {
    let end = validate(delta, page.len())?;
    apply_validated(delta, page);
    Ok(end)
}

/// Checks `delta` against a page of `page_len` bytes without touching any page: returns
/// what [`decode`] would return. A receiver can use it to refuse a payload before it
/// commits to anything.
///
/// # Example
/// ```
/// assert_eq!(xbzrle::validate(&[0xff, 0x1f, 0x01, 0xaa], 4096), Ok(4096));
/// assert!(xbzrle::validate(&[0xff, 0x1f, 0x01, 0xaa], 4095).is_err());
/// ```
pub fn validate(delta: &[u8], page_len: usize) -> Result<usize, DecodeError> {
    walk(delta, page_len, |_, _, _| {})
}

/// The checks of docs/format.md §2, in order, calling `literal(d, i, m)` for each literal run (`m`
/// bytes at `delta[i..]` for `page[d..]`) as soon as it has been checked. Returns the
/// offset just past the last literal run, or the first error.
#[inline(always)]
fn walk(
    delta: &[u8],
    page_len: usize,
    mut literal: impl FnMut(usize, usize, usize),
) -> Result<usize, DecodeError> {
    use DecodeErrorKind::*;
    let n = delta.len();
    let mut i = 0;
    let mut d = 0;
    while i < n {
        // zero run
        if n - i < 2 {
            return Err(DecodeError::new(Truncated, i));
        }
        let Some((z, used)) = uleb::read(delta[i], delta[i + 1]) else {
            return Err(DecodeError::new(BadLength, i));
        };
        if z == 0 && i != 0 {
            return Err(DecodeError::new(EmptyZeroRun, i));
        }
        if z > page_len - d {
            return Err(DecodeError::new(PastPageEnd, i));
        }
        d += z;
        i += used;
        // literal run
        if n - i < 2 {
            return Err(literal_header_missing(delta, i));
        }
        let Some((m, used)) = uleb::read(delta[i], delta[i + 1]) else {
            return Err(DecodeError::new(BadLength, i));
        };
        if m == 0 {
            return Err(DecodeError::new(EmptyLiteralRun, i));
        }
        if m > page_len - d {
            return Err(DecodeError::new(PastPageEnd, i));
        }
        if m > n - i - used {
            return Err(DecodeError::new(Truncated, i));
        }
        literal(d, i + used, m);
        d += m;
        i += used + m;
    }
    Ok(d)
}

/// The error for a literal run header with fewer than two bytes left (docs/format.md §2 step 5).
/// The delta is refused either way; when the one byte left is a literal length of zero,
/// the more precise kind is reported (docs/format.md §4: `00 00` is an empty literal run).
#[cold]
fn literal_header_missing(delta: &[u8], i: usize) -> DecodeError {
    let kind = match delta.get(i) {
        Some(0) => DecodeErrorKind::EmptyLiteralRun,
        _ => DecodeErrorKind::Truncated,
    };
    DecodeError::new(kind, i)
}

/// Validates `delta` for a page of `page_len` bytes, then calls `literal(d, bytes)` for
/// each literal run (the bytes for `page[d..d + bytes.len()]`), in order, stopping at the
/// first `Err` of the callback. Nothing is called for a refused delta. This is how a
/// destination that cannot hand out `&mut [u8]` over its memory applies a delta: it
/// writes only the literal runs.
#[cfg(feature = "std")]
pub(crate) fn for_each_literal<E>(
    delta: &[u8],
    page_len: usize,
    mut literal: impl FnMut(usize, &[u8]) -> Result<(), E>,
) -> Result<Result<usize, E>, DecodeError> {
    let end = validate(delta, page_len)?;
    let mut res = Ok(());
    let again = walk(delta, page_len, |d, i, m| {
        if res.is_ok() {
            res = literal(d, &delta[i..i + m]);
        }
    });
    debug_assert_eq!(again, Ok(end));
    Ok(res.map(|()| end))
}

/// Applies a delta that [`validate`] accepted for a page of `page.len()` bytes.
///
/// Safe code with ordinary bounds checks: on a delta that was not validated it may stop
/// early or panic on an index, but it cannot touch memory outside the slices.
#[inline]
fn apply_validated(delta: &[u8], page: &mut [u8]) {
    let n = delta.len();
    let mut i = 0;
    let mut d = 0;
    while i < n {
        let Some((z, used)) = uleb::read(delta[i], delta[i + 1]) else {
            debug_assert!(false, "apply_validated on an unvalidated delta");
            return;
        };
        d += z;
        i += used;
        let Some((m, used)) = uleb::read(delta[i], delta[i + 1]) else {
            debug_assert!(false, "apply_validated on an unvalidated delta");
            return;
        };
        i += used;
        copy_literal(&mut page[d..d + m], &delta[i..i + m]);
        d += m;
        i += m;
    }
}

/// Copies a literal run. Short runs (most runs of real pages) use two fixed-size,
/// possibly overlapping copies that stay inside the run, instead of a call to `memcpy`
/// with a variable length. Nothing outside `dst` is written: the bytes after a literal
/// run are unchanged bytes of the old page and must survive.
#[inline(always)]
fn copy_literal(dst: &mut [u8], src: &[u8]) {
    let m = dst.len();
    debug_assert_eq!(m, src.len());
    match m {
        0..=3 => {
            for (d, s) in dst.iter_mut().zip(src) {
                *d = *s;
            }
        }
        4..=7 => {
            dst[..4].copy_from_slice(&src[..4]);
            dst[m - 4..].copy_from_slice(&src[m - 4..]);
        }
        8..=16 => {
            dst[..8].copy_from_slice(&src[..8]);
            dst[m - 8..].copy_from_slice(&src[m - 8..]);
        }
        17..=32 => {
            dst[..16].copy_from_slice(&src[..16]);
            dst[m - 16..].copy_from_slice(&src[m - 16..]);
        }
        _ => {
            dst.copy_from_slice(src);
        }
    }
}

/// The single-pass decoder without the up-front validation: it writes runs as it reads
/// them, as QEMU's does, so a refused delta may leave the page half-written. Kept only
/// to measure what atomicity costs (benchmarks, through `crate::unstable`).
#[cfg_attr(not(feature = "unstable"), allow(dead_code))]
pub(crate) fn decode_non_atomic(delta: &[u8], page: &mut [u8]) -> Result<usize, DecodeError> {
    let page_len = page.len();
    walk(delta, page_len, |d, i, m| {
        copy_literal(&mut page[d..d + m], &delta[i..i + m])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_literal_writes_exactly_the_run_for_every_length() {
        let src: [u8; 100] = core::array::from_fn(|k| k as u8 + 1);
        for m in 0..=64 {
            for at in 0..4 {
                let mut page = [0xeeu8; 100];
                copy_literal(&mut page[at..at + m], &src[..m]);
                assert!(page[..at].iter().all(|&b| b == 0xee));
                assert_eq!(&page[at..at + m], &src[..m]);
                assert!(page[at + m..].iter().all(|&b| b == 0xee));
            }
        }
    }
}
