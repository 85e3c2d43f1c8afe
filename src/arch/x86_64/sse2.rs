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
