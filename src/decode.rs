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
/// headers, not the literal bytes (docs/kernels.md in the repository measures what it
/// costs).
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
    let mut runs = RunTable::new(delta.len(), page.len());
    let Some(end) = accepts_with(delta, page.len(), |d, i, m| runs.push(d, i, m)) else {
        // Refused: `walk` names the first error. (It refuses exactly what `accepts`
        // does, so the apply below never runs; it keeps this path panic-free anyway.)
        let end = walk(delta, page.len(), |_, _, _| {})?;
        apply_validated(delta, page, 0, 0);
        return Ok(end);
    };
    runs.apply(delta, page);
    Ok(end)
}

/// How many literal runs the validation pass remembers for the apply pass. Real pages
/// have few (the scenarios of docs/format.md §7 have 4 to 34 per 4 KiB page); the runs
/// after these are applied by parsing their headers a second time. Small enough that
/// clearing the table costs little next to a sparse page's decode.
const REMEMBERED_RUNS: usize = 32;

/// The first literal runs the validation pass found, so that applying them is only the
/// copies, without parsing their headers again.
struct RunTable {
    /// Per run: (offset in the page, length, offset of its bytes in the delta); the
    /// first `len` are in use.
    runs: [(u16, u16, u32); REMEMBERED_RUNS],
    len: usize,
    /// How many runs fit: 0 when the page or the delta is too long for the fields.
    cap: usize,
    /// Whether the delta has runs after the remembered ones.
    more: bool,
}

impl RunTable {
    #[inline(always)]
    fn new(delta_len: usize, page_len: usize) -> RunTable {
        let fits = u32::try_from(delta_len).is_ok() && u16::try_from(page_len).is_ok();
        RunTable {
            runs: [(0, 0, 0); REMEMBERED_RUNS],
            len: 0,
            cap: if fits { REMEMBERED_RUNS } else { 0 },
            more: false,
        }
    }

    /// Remembers the run of `m` bytes at `delta[i..]` for `page[d..]`. The values fit
    /// the fields whenever the delta turns out valid (runs end inside the page); an
    /// invalid delta's table is never applied.
    #[inline(always)]
    fn push(&mut self, d: usize, i: usize, m: usize) {
        if self.len < self.cap {
            self.runs[self.len] = (d as u16, m as u16, i as u32);
            self.len += 1;
        } else {
            self.more = true;
        }
    }

    /// Applies a delta that was accepted while this table was filled: the remembered
    /// runs, then (by parsing) the rest.
    #[inline(always)]
    fn apply(&self, delta: &[u8], page: &mut [u8]) {
        let remembered = &self.runs[..self.len];
        for &(d, m, i) in remembered {
            let (d, m, i) = (usize::from(d), usize::from(m), i as usize);
            copy_literal(&mut page[d..d + m], &delta[i..i + m]);
        }
        if self.more {
            let (d, i) = match remembered.last() {
                Some(&(d, m, i)) => (usize::from(d) + usize::from(m), i as usize + usize::from(m)),
                None => (0, 0),
            };
            apply_validated(delta, page, i, d);
        }
    }
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
    match accepts(delta, page_len) {
        Some(end) => Ok(end),
        None => walk(delta, page_len, |_, _, _| {}),
    }
}

/// Whether `walk` accepts `delta`, found with fewer checks per run: the end offset if it
/// does, `None` if it refuses (then `walk` finds the first error and its offset).
///
/// The page and truncation checks of `walk` are made once at the end instead of per run:
/// the page offset `d` and the delta offset `i` only grow, so "every run ends inside the
/// page" is "the last one does", and "no literal run is cut off" is "the walk ends
/// exactly at the end of the delta". `d` is bounded per run so that it cannot overflow.
#[inline(always)]
fn accepts(delta: &[u8], page_len: usize) -> Option<usize> {
    accepts_with(delta, page_len, |_, _, _| {})
}

#[inline(always)]
fn accepts_with(
    delta: &[u8],
    page_len: usize,
    mut run: impl FnMut(usize, usize, usize),
) -> Option<usize> {
    let n = delta.len();
    let mut i = 0;
    let mut d = 0;
    while i < n {
        let (z, used) = uleb::read(delta[i], *delta.get(i + 1)?)?;
        if z == 0 && i != 0 {
            return None;
        }
        i += used;
        let (m, used) = uleb::read(*delta.get(i)?, *delta.get(i + 1)?)?;
        if m == 0 || d > page_len {
            return None;
        }
        run(d + z, i + used, m);
        d += z + m;
        i += used + m;
    }
    (i == n && d <= page_len).then_some(d)
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

/// Applies the runs of a delta that [`validate`] accepted for a page of `page.len()`
/// bytes, from the run header at `delta[from..]`, whose zero run starts at
/// `page[page_from..]`.
///
/// Safe code with ordinary bounds checks: on a delta that was not validated it may stop
/// early or panic on an index, but it cannot touch memory outside the slices.
#[inline]
fn apply_validated(delta: &[u8], page: &mut [u8], from: usize, page_from: usize) {
    let n = delta.len();
    let mut i = from;
    let mut d = page_from;
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
        33..=64 => {
            dst[..32].copy_from_slice(&src[..32]);
            dst[m - 32..].copy_from_slice(&src[m - 32..]);
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

    /// A delta of `runs` literal runs of 1 to 5 bytes, 3 bytes apart, on a page of
    /// `page_len` bytes, and the page it makes from an all-zero page.
    fn many_runs(runs: usize, page_len: usize, first_zero_run: usize) -> (Vec<u8>, Vec<u8>) {
        let mut delta = Vec::new();
        let mut want = vec![0u8; page_len];
        let mut d = 0;
        for k in 0..runs {
            let z = if k == 0 { first_zero_run } else { 3 };
            let m = 1 + k % 5;
            for v in [z, m] {
                let mut hdr = [0u8; 2];
                let used = uleb::write(&mut hdr, v);
                delta.extend_from_slice(&hdr[..used]);
            }
            d += z;
            for j in 0..m {
                let b = (k * 7 + j) as u8 | 1;
                delta.push(b);
                want[d + j] = b;
            }
            d += m;
        }
        (delta, want)
    }

    /// Around the number of runs the validation pass remembers, and on pages too long
    /// for its fields, the atomic decoder writes what the single-pass one writes.
    #[test]
    fn remembered_and_reparsed_runs_decode_alike() {
        for page_len in [4096, 65535, 65536, 70000] {
            for runs in (0..=REMEMBERED_RUNS + 3).chain([200]) {
                let (delta, want) = many_runs(runs, page_len, 5);
                let mut atomic = vec![0u8; page_len];
                let mut single = vec![0u8; page_len];
                let end = decode(&delta, &mut atomic);
                assert_eq!(end, decode_non_atomic(&delta, &mut single), "{runs} runs");
                assert!(end.is_ok(), "{runs} runs, page {page_len}: {end:?}");
                assert!(
                    atomic == want && single == want,
                    "{runs} runs, page {page_len}"
                );
            }
        }
    }

    /// `accepts` (the fast check) and `walk` (the checks of docs/format.md §2, one by one)
    /// agree on every delta of up to seven bytes over an alphabet that hits every branch
    /// of the length field and of the run checks, for page lengths around the runs' ends.
    #[test]
    fn fast_check_agrees_with_the_full_walk_on_every_short_delta() {
        const ALPHABET: [u8; 9] = [0x00, 0x01, 0x02, 0x03, 0x7f, 0x80, 0x81, 0xff, 0x40];
        const PAGE_LENS: [usize; 8] = [0, 1, 2, 3, 4, 6, 130, 16384];
        let mut delta = [0u8; 7];
        let mut checked = 0u64;
        for len in 0..=delta.len() {
            for code in 0..ALPHABET.len().pow(len as u32) {
                let mut c = code;
                for b in &mut delta[..len] {
                    *b = ALPHABET[c % ALPHABET.len()];
                    c /= ALPHABET.len();
                }
                let d = &delta[..len];
                for page_len in PAGE_LENS {
                    let full = walk(d, page_len, |_, _, _| {});
                    assert_eq!(accepts(d, page_len), full.ok(), "{d:02x?} page {page_len}");
                    assert_eq!(validate(d, page_len), full);
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, 8 * (0..=7).map(|l| 9u64.pow(l)).sum::<u64>());
    }
}
