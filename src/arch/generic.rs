//! The encoder algorithm, written once and instantiated per instruction set.
//!
//! A kernel only tells this module how to turn a 64-byte block of `old` and `new` into
//! an equality bitmask (bit `i` set when `old[i] == new[i]`), whether 256 bytes are all
//! unchanged, and how to copy a fixed-size block of bytes. Everything else — run finding,
//! the canonical headers, the overflow decisions — lives here, so every kernel produces
//! the same bytes as the scalar reference by construction (and is tested to).
//!
//! Two phases per batch of blocks (why, with measurements: docs/kernels.md, asm-notes/):
//! 1. Walk the page in 64-byte blocks. `d = !eq` marks changed bytes; the transitions
//!    `t = d ^ ((d << 1) | carry)` mark where a changed run starts or ends. Their positions
//!    (trailing-zero count, clear lowest bit) go into a small list. While the page is
//!    quiet, 256 bytes at a time are checked with one test and skipped.
//! 2. Walk the list in pairs (start, end) and emit `zrun nzrun literal` for each.
//!
//! Everything is `#[inline(always)]` so that the whole algorithm is compiled inside each
//! kernel's `#[target_feature]` wrapper.

use core::mem::MaybeUninit;

use crate::error::EncodeError;
use crate::uleb::{self, MAX_LEN};

/// Bytes per equality mask.
pub(crate) const BLOCK: usize = 64;
/// Bytes checked at once by the quiet-stretch skip.
pub(crate) const SKIP: usize = 256;
/// Literal runs up to this length are copied with a fixed-size wide copy when there is
/// room (a multiple of every kernel's `COPY`).
const FAST: usize = 64;
/// Capacity of the transition list (positions in the page, `u16`).
const LIST: usize = 1024;

/// Hides `m` from the optimiser (an empty `asm!` that "may change" the register).
///
/// Without it LLVM sees through `movemask` results, treats the 64-bit mask as a vector
/// of 64 booleans, and lowers `d << 1` into a bit-by-bit shuffle (hundreds of
/// instructions per block on AVX2). The barrier costs nothing: the value stays in a
/// register.
#[cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]
#[inline(always)]
pub(crate) fn opaque(mut m: u64) -> u64 {
    // SAFETY: the template is empty: no instruction is executed, no memory is touched,
    // the stack is not used; only the compiler's knowledge of `m` is dropped.
    unsafe {
        core::arch::asm!("/* {0} */", inout(reg) m, options(pure, nomem, nostack, preserves_flags))
    };
    m
}

/// The per-instruction-set primitives.
///
/// # Safety
/// Implementors guarantee that a value of the type can only be created when the running
/// CPU supports every instruction its methods use, so that holding a value is the proof
/// that calling them is allowed.
pub(crate) unsafe trait Simd: Copy {
    /// Width in bytes of [`copy_block`](Simd::copy_block).
    const COPY: usize;
    /// Whether `u64::count_ones` is one fast instruction here. Then the transitions of
    /// the four blocks of a 256-byte step are listed at offsets computed by prefix sums
    /// of their counts, with no dependency from block to block; otherwise one count is
    /// carried through the blocks (see `push`).
    const FAST_POPCNT: bool;

    /// Equality mask of 64 bytes: bit `i` is set when `*a.add(i) == *b.add(i)`.
    ///
    /// # Safety
    /// `a` and `b` must be valid for reads of 64 bytes.
    unsafe fn eq_mask64(self, a: *const u8, b: *const u8) -> u64;

    /// Equality mask of a tail of `len < 64` bytes; bits `len..64` are set (the bytes
    /// past the page count as unchanged). Nothing past `len` bytes is read.
    ///
    /// # Safety
    /// `a` and `b` must be valid for reads of `len` bytes, `len < 64`.
    #[inline(always)]
    unsafe fn eq_mask_partial(self, a: *const u8, b: *const u8, len: usize) -> u64 {
        debug_assert!(len < BLOCK);
        let mut x = [0u8; BLOCK];
        let mut y = [0u8; BLOCK];
        // SAFETY: the caller guarantees `len` readable bytes at `a` and `b`; the
        // destinations are local arrays of 64 > len bytes; no overlap.
        unsafe {
            core::ptr::copy_nonoverlapping(a, x.as_mut_ptr(), len);
            core::ptr::copy_nonoverlapping(b, y.as_mut_ptr(), len);
        }
        // SAFETY: both arrays are 64 bytes long.
        unsafe { self.eq_mask64(x.as_ptr(), y.as_ptr()) }
    }

    /// The four equality masks of 256 bytes (`[0]` covers bytes 0..64), or `None` when
    /// all 256 bytes are equal — one test for the common quiet stretch.
    ///
    /// # Safety
    /// `a` and `b` must be valid for reads of 256 bytes.
    unsafe fn masks256(self, a: *const u8, b: *const u8) -> Option<[u64; 4]>;

    /// Copies exactly `COPY` bytes from `src` to `dst`.
    ///
    /// # Safety
    /// `src` valid for reads and `dst` for writes of `COPY` bytes; they do not overlap.
    unsafe fn copy_block(self, src: *const u8, dst: *mut u8);
}

/// Canonical encoding of `new` against `old` (same length, at most `MAX_PAGE_SIZE`,
/// checked by the caller): exactly what [`crate::arch::scalar::encode`] returns.
#[inline(always)]
pub(crate) fn encode<V: Simd>(
    v: V,
    old: &[u8],
    new: &[u8],
    out: &mut [u8],
) -> Result<usize, EncodeError> {
    assert!(old.len() == new.len() && new.len() <= crate::MAX_PAGE_SIZE);
    let n = new.len();
    let op = old.as_ptr();
    let np = new.as_ptr();

    // Only entries below `cnt` are ever read, and each was written first; not zeroing
    // the 2 KiB saves ~40 ns per call.
    let mut list = [const { MaybeUninit::<u16>::uninit() }; LIST];
    let mut cnt = 0usize; // entries in `list`
    let mut k = 0usize; // page position of the next block
    let mut carry = 0u64; // 1 when the byte before `k` changed
    let mut emitter = Emitter {
        fast_out_limit: out.len().saturating_sub(3 + FAST),
        fast_page_limit: n.saturating_sub(FAST - 1),
        out,
        written: 0,
        run_start: 0,
    };

    loop {
        // Phase 1: transitions into `list`, 256 bytes per step (then 64-byte blocks for
        // the last < 256 bytes). A step adds at most 256 entries (and `push` writes at
        // most 64 entries past `cnt` per block), so `cnt <= LIST - 1` whenever the loop
        // exits; the closing entry below then fits too.
        while k < n && cnt + SKIP < LIST {
            if n - k >= SKIP {
                // SAFETY: `k + 256 <= n`, inside both slices.
                match unsafe { v.masks256(op.add(k), np.add(k)) } {
                    None => {
                        if carry != 0 {
                            // a changed run ends exactly at `k`
                            // SAFETY: `cnt < LIST` (loop condition).
                            unsafe { list.get_unchecked_mut(cnt).write(k as u16) };
                            cnt += 1;
                            carry = 0;
                        }
                    }
                    Some(ms) if V::FAST_POPCNT => {
                        // The four blocks' transitions and counts are independent of
                        // each other (the carries come from the masks), so the list
                        // offset of each block is a prefix sum of `popcnt`s and the
                        // four blocks' stores do not wait on each other.
                        let d = [!ms[0], !ms[1], !ms[2], !ms[3]];
                        let t = [
                            d[0] ^ ((d[0] << 1) | carry),
                            d[1] ^ ((d[1] << 1) | (d[0] >> 63)),
                            d[2] ^ ((d[2] << 1) | (d[1] >> 63)),
                            d[3] ^ ((d[3] << 1) | (d[2] >> 63)),
                        ];
                        carry = d[3] >> 63;
                        let c1 = cnt + t[0].count_ones() as usize;
                        let c2 = c1 + t[1].count_ones() as usize;
                        let c3 = c2 + t[2].count_ones() as usize;
                        // SAFETY: `cnt + 256 < LIST` at the start of the step; block `j`
                        // starts at `cnt` plus the transitions of blocks `0..j` and
                        // writes at most 64 entries, so every write is below
                        // `cnt + 256 < LIST`.
                        unsafe {
                            push_at(&mut list, cnt, k, t[0]);
                            push_at(&mut list, c1, k + BLOCK, t[1]);
                            push_at(&mut list, c2, k + 2 * BLOCK, t[2]);
                            push_at(&mut list, c3, k + 3 * BLOCK, t[3]);
                        }
                        cnt = c3 + t[3].count_ones() as usize;
                    }
                    Some(ms) => {
                        for (j, &eq) in ms.iter().enumerate() {
                            let d = !eq;
                            let t = d ^ ((d << 1) | carry);
                            carry = d >> 63;
                            // SAFETY: `cnt + 256 < LIST` at the start of the step, and
                            // each block adds at most 64 entries.
                            unsafe { push(&mut list, &mut cnt, k + BLOCK * j, t) };
                        }
                    }
                }
                k += SKIP;
            } else {
                let eq = if n - k >= BLOCK {
                    // SAFETY: `k + 64 <= n`, inside both slices.
                    unsafe { v.eq_mask64(op.add(k), np.add(k)) }
                } else {
                    // SAFETY: `n - k < 64` bytes remain at `k` in both slices.
                    unsafe { v.eq_mask_partial(op.add(k), np.add(k), n - k) }
                };
                let d = !eq;
                let t = d ^ ((d << 1) | carry);
                carry = d >> 63;
                // SAFETY: `cnt + 256 < LIST`, the block adds at most 64 entries.
                unsafe { push(&mut list, &mut cnt, k, t) };
                k += BLOCK;
            }
        }
        let done = k >= n;
        if done && carry != 0 {
            // the page ends inside a changed run (only when `n` is a multiple of 64)
            list[cnt].write(n as u16);
            cnt += 1;
            carry = 0;
        }

        // Phase 2: emit the complete runs, (start, end) pairs.
        let pairs = cnt / 2;
        for i in 0..pairs {
            // SAFETY: `2 * i + 1 < cnt <= LIST`, and every entry below `cnt` was written.
            let (s, e) = unsafe {
                (
                    list.get_unchecked(2 * i).assume_init() as usize,
                    list.get_unchecked(2 * i + 1).assume_init() as usize,
                )
            };
            emitter.pair(v, new, s, e)?;
        }
        if done {
            debug_assert!(cnt.is_multiple_of(2));
            return Ok(emitter.written);
        }
        // an unfinished run moves to the front of the list
        if cnt % 2 == 1 {
            list[0] = list[cnt - 1]; // written: `cnt - 1 < cnt`
            cnt = 1;
        } else {
            cnt = 0;
        }
    }
}

/// Appends the positions of the set bits of `t` (transitions of the block at page
/// position `k`) to `list[*cnt..]`. The first two are written unconditionally and
/// counted without branches (a block of a real page rarely has more), so the number of
/// transitions per block does not cause branch mispredictions. Positions are at most
/// `n <= 16384` (past the page end the masks say "equal"); the extra unconditional
/// writes hold junk past the new `*cnt` and are never read.
///
/// # Safety
/// `*cnt + 64 <= LIST`.
#[inline(always)]
unsafe fn push(list: &mut [MaybeUninit<u16>; LIST], cnt: &mut usize, k: usize, mut t: u64) {
    let mut c = *cnt;
    for _ in 0..2 {
        // SAFETY: `c <= *cnt + 2 <= LIST - 62`.
        unsafe {
            list.get_unchecked_mut(c)
                .write((k + t.trailing_zeros() as usize) as u16)
        };
        c += (t != 0) as usize;
        t &= t.wrapping_sub(1);
    }
    while t != 0 {
        debug_assert!(c < *cnt + 64);
        // SAFETY: at most 64 transitions per block: `c < *cnt + 64 <= LIST`.
        unsafe {
            list.get_unchecked_mut(c)
                .write((k + t.trailing_zeros() as usize) as u16)
        };
        c += 1;
        t &= t - 1;
    }
    *cnt = c;
}

/// Writes the positions of the set bits of `t` (transitions of the block at page
/// position `k`) to `list[c..c + t.count_ones()]`; the caller advances its count by
/// `t.count_ones()` itself, so consecutive blocks do not wait on each other. The first
/// two entries are written unconditionally (junk when `t` has fewer bits: it lies at or
/// past the caller's new count and is overwritten by the next block or never read), so
/// the usual zero to two transitions per block cost no branch.
///
/// # Safety
/// `c + 64 <= LIST`.
#[inline(always)]
unsafe fn push_at(list: &mut [MaybeUninit<u16>; LIST], c: usize, k: usize, t: u64) {
    let t1 = t & t.wrapping_sub(1);
    // SAFETY: `c + 1 < c + 64 <= LIST`.
    unsafe {
        list.get_unchecked_mut(c)
            .write((k + t.trailing_zeros() as usize) as u16);
        list.get_unchecked_mut(c + 1)
            .write((k + t1.trailing_zeros() as usize) as u16);
    }
    let mut t = t1 & t1.wrapping_sub(1);
    let mut c = c + 2;
    while t != 0 {
        // SAFETY: at most 64 transitions per block: `c < c_start + 64 <= LIST`.
        unsafe {
            list.get_unchecked_mut(c)
                .write((k + t.trailing_zeros() as usize) as u16)
        };
        c += 1;
        t &= t - 1;
    }
}

/// Output state: where the next pair goes and where the current unchanged run began.
struct Emitter<'a> {
    out: &'a mut [u8],
    /// Bytes of `out` holding the encoding so far.
    written: usize,
    /// Where the current unchanged run began: the end of the last changed run emitted
    /// (what the scalar reference calls `run_start`).
    run_start: usize,
    /// `written < fast_out_limit` implies `written + 4 + FAST <= out.len()` (room for the
    /// longest header and a fixed-size copy); 0 when `out` is shorter.
    fast_out_limit: usize,
    /// `s < fast_page_limit` implies `s + FAST <= new.len()`; 0 when the page is shorter.
    fast_page_limit: usize,
}

impl Emitter<'_> {
    /// Emits the changed run `new[s..e]` (`run_start <= s < e <= new.len()`).
    #[inline(always)]
    fn pair<V: Simd>(&mut self, v: V, new: &[u8], s: usize, e: usize) -> Result<(), EncodeError> {
        debug_assert!(self.run_start <= s && s < e && e <= new.len());
        let z = s - self.run_start;
        let m = e - s;
        // `s < n <= 16384`, so the unchanged run is at most 16383: always expressible
        debug_assert!(z <= MAX_LEN);
        let zl = uleb::encoded_len(z);
        let ml = uleb::encoded_len(m);
        let hl = zl + ml;
        let rem = self.out.len() - self.written;
        // Both lengths in one little-endian word: `z` then `m`, shortest forms.
        let h = uleb::packed(z) | (uleb::packed(m) << (8 * zl as u32));
        let dst = self.out.as_mut_ptr();
        let src = new.as_ptr();
        let o = self.written;
        // Fast path, the common case: a literal of at most 64 bytes, with 64 bytes of
        // `new` from the run start (`s < fast_page_limit`) and `4 + 64 >= hl + 64` bytes of
        // room in `out` (`o < fast_out_limit`). One header store and a fixed 64-byte copy, no other checks
        // (the run fits: `hl + m <= rem`).
        if m <= FAST && o < self.fast_out_limit && s < self.fast_page_limit {
            debug_assert!(rem >= hl + FAST && new.len() - s >= FAST);
            // SAFETY: `o + 4 <= o + hl + 64 <= out.len()`; unaligned 4-byte store.
            unsafe { core::ptr::write_unaligned(dst.add(o) as *mut [u8; 4], h.to_le_bytes()) };
            let mut i = 0;
            while i < FAST {
                // SAFETY: `s + i + COPY <= s + 64 <= new.len()` and
                // `o + hl + i + COPY <= o + hl + 64 <= out.len()`.
                unsafe { v.copy_block(src.add(s + i), dst.add(o + hl + i)) };
                i += V::COPY;
            }
            self.written = o + hl + m;
            self.run_start = e;
            return Ok(());
        }
        if m > MAX_LEN || hl + m > rem {
            return Err(EncodeError::Overflow);
        }
        if rem >= 4 {
            // SAFETY: `o + 4 <= out.len()`; unaligned store of 4 bytes. The bytes past
            // `o + hl` are overwritten by the literal or lie past the final length.
            unsafe { core::ptr::write_unaligned(dst.add(o) as *mut [u8; 4], h.to_le_bytes()) };
        } else {
            let hb = h.to_le_bytes();
            self.out[o..o + hl].copy_from_slice(&hb[..hl]);
        }
        let o = o + hl;
        let room = rem - hl; // bytes of `out` from `o` on, `>= m`
        let w = V::COPY;
        if m >= w {
            // whole blocks, the last one overlapping the one before: exact, in bounds
            let mut i = 0;
            while i + w < m {
                // SAFETY: `s + i + w <= e <= new.len()` and `o + i + w <= o + m <= out.len()`.
                unsafe { v.copy_block(src.add(s + i), dst.add(o + i)) };
                i += w;
            }
            // SAFETY: `m >= w`: `[e - w, e)` is inside `new`, `[o + m - w, o + m)` inside `out`.
            unsafe { v.copy_block(src.add(e - w), dst.add(o + m - w)) };
        } else if room >= w && new.len() - s >= w {
            // one block, reading past the run inside `new` and writing past it inside
            // `out` (those output bytes are overwritten later or carry no meaning)
            // SAFETY: `s + w <= new.len()`, `o + w <= out.len()`.
            unsafe { v.copy_block(src.add(s), dst.add(o)) };
        } else {
            self.out[o..o + m].copy_from_slice(&new[s..e]);
        }
        self.written = o + m;
        self.run_start = e;
        Ok(())
    }
}
