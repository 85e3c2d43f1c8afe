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
#[inline]
pub fn decode(delta: &[u8], page: &mut [u8]) -> Result<usize, DecodeError> {
    // which compiled copy of the decoder runs is a kernel choice, made in `kernel`
    crate::kernel::decode(delta, page)
}

/// [`decode_body`] compiled for the baseline instruction set, out of line.
#[inline(never)]
pub(crate) fn decode_baseline(delta: &[u8], page: &mut [u8]) -> Result<usize, DecodeError> {
    decode_body(baseline_copy(), delta, page)
}

/// The literal copies of the baseline decoder: SSE2's on x86-64 (part of the baseline
/// there), plain fixed-size copies elsewhere.
#[inline(always)]
pub(crate) fn baseline_copy() -> impl RunCopy {
    #[cfg(target_arch = "x86_64")]
    return crate::arch::x86_64::Sse2::new().expect("SSE2 is part of x86-64");
    #[cfg(not(target_arch = "x86_64"))]
    PlainCopy
}

/// How one compiled copy of the decoder copies a literal run of 17 to 64 bytes (most
/// runs of real pages): two fixed-size blocks, the first and the last (overlapping when
/// the run is shorter than two), with **both loaded before either is stored**. The
/// compiler, knowing the page and the delta cannot overlap, would otherwise store the
/// first block before loading the second, and that order cost 5-20 % of the decode
/// time of the docs/format.md §7 scenarios on Zen 3 (docs/kernels.md).
pub(crate) trait RunCopy: Copy {
    /// Copies `src` to `dst` (same length, 17 to 64 bytes; panics otherwise).
    fn copy_17_to_64(self, dst: &mut [u8], src: &[u8]);
}

/// Fixed-size copies in the order the compiler chooses, for CPUs without a kernel type
/// that implements [`RunCopy`].
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
#[derive(Clone, Copy)]
pub(crate) struct PlainCopy;

impl RunCopy for PlainCopy {
    #[inline(always)]
    fn copy_17_to_64(self, dst: &mut [u8], src: &[u8]) {
        if dst.len() > 32 {
            copy_two::<32>(dst, src);
        } else {
            copy_two::<16>(dst, src);
        }
    }
}

/// The atomic decoder itself; `#[inline(always)]` so that every instruction-set clone
/// (see `kernel::decode`) gets its own copy, with its own wide copies.
#[inline(always)]
pub(crate) fn decode_body(
    c: impl RunCopy,
    delta: &[u8],
    page: &mut [u8],
) -> Result<usize, DecodeError> {
    let mut table = [Run::default(); REMEMBERED_RUNS];
    let Some(accepted) = accepts_remembering(delta, page.as_ptr(), page.len(), &mut table) else {
        // Refused: `walk` names the first error. (It refuses exactly what `accepts`
        // does, so the apply below never runs; it keeps this path panic-free anyway.)
        let end = walk(delta, page.len(), |_, _, _| {})?;
        apply_validated(c, delta, page, 0, 0);
        return Ok(end);
    };
    let remembered = &table[..accepted.remembered];
    for run in remembered {
        let (d, m, i) = (usize::from(run.at), usize::from(run.len), run.from as usize);
        // SAFETY: `accepts_remembering` accepted `delta` for a page of `page.len()`
        // bytes, and every run it remembered ends inside the page and inside the delta.
        let (dst, src) = unsafe {
            (
                page.get_unchecked_mut(d..d + m),
                delta.get_unchecked(i..i + m),
            )
        };
        copy_literal(c, dst, src);
    }
    if accepted.remembered < accepted.runs {
        // the runs after the table: parse their headers again
        let (d, i) = match remembered.last() {
            Some(run) => (
                usize::from(run.at) + usize::from(run.len),
                run.from as usize + usize::from(run.len),
            ),
            None => (0, 0),
        };
        apply_validated(c, delta, page, i, d);
    }
    Ok(accepted.end)
}

/// Asks for the cache line at `p` in a writable state, without waiting for it: the
/// validation pass knows where each literal run goes before the apply pass writes it,
/// and a page that is not in the cache (a receiver's guest memory) then has its lines
/// on the way while the rest of the delta is checked. A hint only: it cannot fault and
/// changes no memory, whatever `p` is.
#[inline(always)]
fn prefetch_for_write(p: *const u8) {
    // SAFETY: SSE is part of the x86-64 baseline; a prefetch reads and writes no memory
    // and never faults, so any address is allowed.
    #[cfg(target_arch = "x86_64")]
    unsafe {
        core::arch::x86_64::_mm_prefetch::<{ core::arch::x86_64::_MM_HINT_ET0 }>(p as *const i8)
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// How many literal runs the validation pass remembers for the apply pass. Real pages
/// have few (the scenarios of docs/format.md §7 have 4 to 34 per 4 KiB page); the runs
/// after these are applied by parsing their headers a second time. Small enough that
/// clearing the table costs little next to a sparse page's decode.
const REMEMBERED_RUNS: usize = 32;

/// A literal run the validation pass found: `len` bytes at `delta[from..]` for
/// `page[at..]`.
#[derive(Clone, Copy, Default)]
struct Run {
    at: u16,
    len: u16,
    from: u32,
}

/// What [`accepts_remembering`] found in a delta it accepted.
struct Accepted {
    /// What [`decode`] returns: the offset just past the last literal run.
    end: usize,
    /// Literal runs in the delta.
    runs: usize,
    /// How many of them, from the first, are in the table.
    remembered: usize,
}

/// [`accepts`], remembering the first literal runs in `table`, so that applying them is
/// only the copies, and prefetching the lines of `page_ptr[..page_len]` each run will
/// write (addresses only; nothing is read or written there). Nothing is remembered when the page or the delta is too long for the
/// table's fields. Every remembered run of an accepted delta ends inside the page and
/// inside the delta (see [`accepts_with`]).
#[inline(always)]
fn accepts_remembering(
    delta: &[u8],
    page_ptr: *const u8,
    page_len: usize,
    table: &mut [Run; REMEMBERED_RUNS],
) -> Option<Accepted> {
    let fits = u32::try_from(delta.len()).is_ok() && u16::try_from(page_len).is_ok();
    let table = &mut table[..if fits { REMEMBERED_RUNS } else { 0 }];
    // a local count (not a field behind the closure) stays in a register
    let mut runs = 0usize;
    let end = accepts_with(delta, page_len, |d, i, m| {
        // the first and last line of the run (`m >= 1`); 41-byte runs often span two
        prefetch_for_write(page_ptr.wrapping_add(d));
        prefetch_for_write(page_ptr.wrapping_add(d + m - 1));
        if let Some(slot) = table.get_mut(runs) {
            // the values fit the fields whenever the delta turns out valid (runs end
            // inside the page); an invalid delta's table is never applied
            *slot = Run {
                at: d as u16,
                len: m as u16,
                from: i as u32,
            };
        }
        runs += 1;
    })?;
    Some(Accepted {
        end,
        runs,
        remembered: runs.min(table.len()),
    })
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
#[inline(always)]
fn apply_validated(c: impl RunCopy, delta: &[u8], page: &mut [u8], from: usize, page_from: usize) {
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
        copy_literal(c, &mut page[d..d + m], &delta[i..i + m]);
        d += m;
        i += m;
    }
}

/// Copies a literal run. Short runs (most runs of real pages) use two fixed-size,
/// possibly overlapping copies that stay inside the run, instead of a call to `memcpy`
/// with a variable length. Nothing outside `dst` is written: the bytes after a literal
/// run are unchanged bytes of the old page and must survive.
///
/// A chain of comparisons from the longest class down, not a `match` on ranges: the
/// `match` was compiled to a jump through a table, whose indirect branch cost up to a
/// third of the decode time of the docs/format.md §7 scenarios (measured against
/// the same code with this chain: 0.62-0.77 against 0.98-1.06 of a single-pass C
/// decoder's speed, hot).
#[inline(always)]
fn copy_literal(c: impl RunCopy, dst: &mut [u8], src: &[u8]) {
    let m = dst.len();
    debug_assert_eq!(m, src.len());
    if m > 64 {
        dst.copy_from_slice(src);
    } else if m >= 17 {
        c.copy_17_to_64(dst, src);
    } else if m >= 8 {
        copy_two::<8>(dst, src);
    } else if m >= 4 {
        copy_two::<4>(dst, src);
    } else {
        for (d, s) in dst.iter_mut().zip(src) {
            *d = *s;
        }
    }
}

/// Copies `src` to `dst` (same length `m`, `W <= m <= 2 * W`) as two blocks of `W` bytes,
/// the first and the last, which overlap when `m < 2 * W`.
#[inline(always)]
fn copy_two<const W: usize>(dst: &mut [u8], src: &[u8]) {
    let m = dst.len();
    let head: [u8; W] = src[..W].try_into().expect("W <= m");
    let tail: [u8; W] = src[m - W..].try_into().expect("W <= m");
    dst[..W].copy_from_slice(&head);
    dst[m - W..].copy_from_slice(&tail);
}

/// The single-pass decoder without the up-front validation: it writes runs as it reads
/// them, as QEMU's does, so a refused delta may leave the page half-written. Kept only
/// to measure what atomicity costs (benchmarks, through `crate::unstable`).
/// Dispatched like [`decode`] (`kernel::decode_non_atomic`), so that the two are compared
/// compiled alike.
#[inline(always)]
#[cfg_attr(not(feature = "unstable"), allow(dead_code))]
pub(crate) fn decode_non_atomic_body(
    c: impl RunCopy,
    delta: &[u8],
    page: &mut [u8],
) -> Result<usize, DecodeError> {
    let page_len = page.len();
    walk(delta, page_len, |d, i, m| {
        copy_literal(c, &mut page[d..d + m], &delta[i..i + m])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_literal_writes_exactly_the_run_for_every_length() {
        let src: [u8; 100] = core::array::from_fn(|k| k as u8 + 1);
        for m in 0..=96 {
            for at in 0..4 {
                let mut page = [0xeeu8; 104];
                copy_literal(baseline_copy(), &mut page[at..at + m], &src[..m]);
                let mut plain = [0xeeu8; 104];
                copy_literal(PlainCopy, &mut plain[at..at + m], &src[..m]);
                assert_eq!(plain, page);
                #[cfg(target_arch = "x86_64")]
                if let Some(k) = crate::arch::x86_64::Avx2::new() {
                    let mut wide = [0xeeu8; 104];
                    copy_literal(k, &mut wide[at..at + m], &src[..m]);
                    assert_eq!(wide, page);
                }
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

    type Decoder = fn(&[u8], &mut [u8]) -> Result<usize, DecodeError>;

    /// Every compiled copy of the atomic decoder this CPU can run: the baseline one, the
    /// dispatched one, and the AVX2 clone where AVX2 runs (the Westmere run in CI covers
    /// a CPU without it).
    fn atomic_decoders() -> Vec<(&'static str, Decoder)> {
        let mut v: Vec<(&'static str, Decoder)> =
            vec![("baseline", decode_baseline), ("dispatched", decode)];
        #[cfg(target_arch = "x86_64")]
        if crate::arch::x86_64::Avx2::new().is_some() {
            v.push(("avx2", |d, p| {
                crate::arch::x86_64::Avx2::new()
                    .expect("checked above")
                    .decode(d, p)
            }));
        }
        v
    }

    /// Around the number of runs the validation pass remembers, and on pages too long
    /// for its fields, every atomic decoder writes what the single-pass one writes.
    #[test]
    fn remembered_and_reparsed_runs_decode_alike() {
        for page_len in [4096, 65535, 65536, 70000] {
            for runs in (0..=REMEMBERED_RUNS + 3).chain([200]) {
                let (delta, want) = many_runs(runs, page_len, 5);
                let mut single = vec![0u8; page_len];
                let end = decode_non_atomic_body(baseline_copy(), &delta, &mut single);
                assert!(end.is_ok(), "{runs} runs, page {page_len}: {end:?}");
                assert!(single == want, "{runs} runs, page {page_len}");
                for (name, dec) in atomic_decoders() {
                    let mut atomic = vec![0u8; page_len];
                    assert_eq!(dec(&delta, &mut atomic), end, "{name}: {runs} runs");
                    assert!(atomic == want, "{name}: {runs} runs, page {page_len}");
                }
            }
        }
    }

    /// Every atomic decoder returns what the single-pass decoder returns on every delta
    /// of up to six bytes over an alphabet that hits every check, and leaves the same
    /// page when it accepts; a refused delta leaves the page exactly as it was.
    #[test]
    fn every_atomic_decoder_agrees_with_the_single_pass_one_on_short_deltas() {
        const ALPHABET: [u8; 9] = [0x00, 0x01, 0x02, 0x03, 0x7f, 0x80, 0x81, 0xff, 0x40];
        const PAGE_LENS: [usize; 6] = [0, 1, 3, 6, 130, 16384];
        let decoders = atomic_decoders();
        let old: Vec<u8> = (0..16384).map(|k| (k % 251) as u8 | 0x10).collect();
        let mut delta = [0u8; 6];
        for len in 0..=delta.len() {
            for code in 0..ALPHABET.len().pow(len as u32) {
                let mut c = code;
                for b in &mut delta[..len] {
                    *b = ALPHABET[c % ALPHABET.len()];
                    c /= ALPHABET.len();
                }
                let d = &delta[..len];
                for page_len in PAGE_LENS {
                    let old = &old[..page_len];
                    let mut single = old.to_vec();
                    let want = decode_non_atomic_body(PlainCopy, d, &mut single);
                    for (name, dec) in &decoders {
                        let mut page = old.to_vec();
                        assert_eq!(dec(d, &mut page), want, "{name}: {d:02x?} page {page_len}");
                        let expect: &[u8] = if want.is_ok() { &single } else { old };
                        assert!(page == expect, "{name}: {d:02x?} page {page_len}");
                    }
                }
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
