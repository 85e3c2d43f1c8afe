//! SSE2: 16-byte lanes, four per 64-byte mask. SSE2 is part of x86-64 itself.

use core::arch::x86_64::*;

use crate::arch::generic::{self, Simd};

crate::arch::kernel_type! {
    /// The SSE2 kernel. Always available on x86-64.
    Sse2 {
        features: "sse2",
        detected: cfg!(target_feature = "sse2"),
        wrapper: encode_sse2,
    }
}

/// Equality mask of 16 bytes (bit `i`: `a[i] == b[i]`).
///
/// # Safety
/// `a` and `b` valid for reads of 16 bytes.
#[inline(always)]
unsafe fn eq16(a: *const u8, b: *const u8) -> u64 {
    // SAFETY: the caller guarantees 16 readable bytes at `a` and `b`; unaligned loads.
    unsafe {
        let x = _mm_loadu_si128(a as *const __m128i);
        let y = _mm_loadu_si128(b as *const __m128i);
        _mm_movemask_epi8(_mm_cmpeq_epi8(x, y)) as u32 as u64
    }
}

/// Byte-wise equality of 16 bytes at `a + i` and `b + i` (0xff where equal).
///
/// # Safety
/// `a + i` and `b + i` valid for reads of 16 bytes.
#[inline(always)]
unsafe fn cmp16(a: *const u8, b: *const u8, i: usize) -> __m128i {
    // SAFETY: the caller guarantees 16 readable bytes at `a + i` and `b + i`.
    unsafe {
        _mm_cmpeq_epi8(
            _mm_loadu_si128(a.add(i) as *const __m128i),
            _mm_loadu_si128(b.add(i) as *const __m128i),
        )
    }
}

/// The 16-bit byte mask of `v` (bit `i` = top bit of byte `i`), widened.
///
/// # Safety
/// The CPU supports SSE2 (as every x86-64 CPU does; the kernel value proves it).
#[inline(always)]
unsafe fn mm(v: __m128i) -> u64 {
    // SAFETY: the caller guarantees SSE2.
    unsafe { _mm_movemask_epi8(v) as u32 as u64 }
}

// SAFETY: `Sse2` values exist only where SSE2 runs (see `Sse2::new`).
unsafe impl Simd for Sse2 {
    const COPY: usize = 16;
    // POPCNT is not part of the x86-64 baseline (a software count is slower)
    const FAST_POPCNT: bool = false;

    #[inline(always)]
    unsafe fn eq_mask64(self, a: *const u8, b: *const u8) -> u64 {
        // SAFETY: the caller guarantees 64 readable bytes at `a` and `b`.
        unsafe {
            generic::opaque(
                eq16(a, b)
                    | eq16(a.add(16), b.add(16)) << 16
                    | eq16(a.add(32), b.add(32)) << 32
                    | eq16(a.add(48), b.add(48)) << 48,
            )
        }
    }

    #[inline(always)]
    unsafe fn masks256(self, a: *const u8, b: *const u8) -> Option<[u64; 4]> {
        // SAFETY: the caller guarantees 256 readable bytes at `a` and `b`.
        unsafe {
            let mut c = [_mm_setzero_si128(); 16];
            let mut all = _mm_set1_epi8(-1);
            let mut i = 0;
            while i < 16 {
                c[i] = cmp16(a, b, 16 * i);
                all = _mm_and_si128(all, c[i]);
                i += 1;
            }
            if _mm_movemask_epi8(all) == 0xffff {
                return None;
            }
            let mut ms = [0u64; 4];
            let mut j = 0;
            while j < 4 {
                ms[j] = generic::opaque(
                    mm(c[4 * j])
                        | mm(c[4 * j + 1]) << 16
                        | mm(c[4 * j + 2]) << 32
                        | mm(c[4 * j + 3]) << 48,
                );
                j += 1;
            }
            Some(ms)
        }
    }

    #[inline(always)]
    unsafe fn copy_block(self, src: *const u8, dst: *mut u8) {
        // SAFETY: the caller guarantees 16 readable bytes at `src`, 16 writable at `dst`.
        unsafe { _mm_storeu_si128(dst as *mut __m128i, _mm_loadu_si128(src as *const __m128i)) }
    }
}

impl crate::decode::RunCopy for Sse2 {
    #[inline(always)]
    fn copy_17_to_64(self, dst: &mut [u8], src: &[u8]) {
        let m = dst.len();
        assert!((17..=64).contains(&m) && src.len() == m);
        let (d, s) = (dst.as_mut_ptr(), src.as_ptr());
        if m > 32 {
            // SAFETY: `32 < m`: the blocks at 0, 16, m - 32 and m - 16 lie in the run.
            unsafe {
                let [a, b, c, e] = tie4([
                    load(s),
                    load(s.add(16)),
                    load(s.add(m - 32)),
                    load(s.add(m - 16)),
                ]);
                store(d, a);
                store(d.add(16), b);
                store(d.add(m - 32), c);
                store(d.add(m - 16), e);
            }
        } else {
            // SAFETY: `16 < m <= 32` (checked above); both slices hold `m` bytes.
            unsafe { copy_17_to_32(d, s, m) }
        }
    }
}

/// Copies `m` bytes (17 to 32) from `src` to `dst` as two 16-byte blocks, the first and
/// the last, both loaded before either is stored (see `crate::decode::RunCopy`).
///
/// # Safety
/// `16 < m <= 32`; `src` valid for reads and `dst` for writes of `m` bytes; no overlap.
#[inline(always)]
pub(super) unsafe fn copy_17_to_32(dst: *mut u8, src: *const u8, m: usize) {
    // SAFETY: `16 < m`: `[0, 16)` and `[m - 16, m)` lie in the run (caller).
    unsafe {
        let (a, b) = tie(load(src), load(src.add(m - 16)));
        store(dst, a);
        store(dst.add(m - 16), b);
    }
}

/// Unaligned 16-byte load.
///
/// # Safety
/// `p` valid for reads of 16 bytes.
#[inline(always)]
unsafe fn load(p: *const u8) -> __m128i {
    // SAFETY: the caller guarantees 16 readable bytes at `p`.
    unsafe { _mm_loadu_si128(p as *const __m128i) }
}

/// Unaligned 16-byte store.
///
/// # Safety
/// `p` valid for writes of 16 bytes.
#[inline(always)]
unsafe fn store(p: *mut u8, v: __m128i) {
    // SAFETY: the caller guarantees 16 writable bytes at `p`.
    unsafe { _mm_storeu_si128(p as *mut __m128i, v) }
}

/// Returns `a` and `b` unchanged, through an empty `asm!` that needs both: the stores
/// that use its results cannot be scheduled before either load.
#[inline(always)]
fn tie(mut a: __m128i, mut b: __m128i) -> (__m128i, __m128i) {
    // SAFETY: the template is empty: no instruction runs, no memory or stack is touched.
    unsafe {
        core::arch::asm!(
            "/* {0} {1} */",
            inout(xmm_reg) a,
            inout(xmm_reg) b,
            options(pure, nomem, nostack, preserves_flags)
        )
    };
    (a, b)
}

/// [`tie`] for four blocks.
#[inline(always)]
fn tie4(mut v: [__m128i; 4]) -> [__m128i; 4] {
    // SAFETY: the template is empty: no instruction runs, no memory or stack is touched.
    unsafe {
        core::arch::asm!(
            "/* {0} {1} {2} {3} */",
            inout(xmm_reg) v[0],
            inout(xmm_reg) v[1],
            inout(xmm_reg) v[2],
            inout(xmm_reg) v[3],
            options(pure, nomem, nostack, preserves_flags)
        )
    };
    v
}
