//! AVX-512BW: one 64-byte lane per mask, compared straight into a mask register.
//!
//! Only the compare-to-mask, the masked tail load and the 256-byte check are 512-bit
//! code; literal copies use 32-byte AVX2 moves. This machine class's CI has AVX-512; the
//! generic algorithm at 64-byte width is also tested everywhere through the portable
//! 64-byte instantiation.

// The AVX-512 intrinsics and target features are stable since Rust 1.89, the crate's
// MSRV (`rust-version`, enforced by clippy's `incompatible_msrv` lint in CI).

use core::arch::x86_64::*;

use crate::arch::generic::{self, Simd};

crate::arch::kernel_type! {
    /// The AVX-512BW kernel (with AVX2, BMI1, BMI2 and POPCNT).
    Avx512 {
        features: "avx512f,avx512bw,avx2,bmi1,bmi2,popcnt",
        detected: super::cpuid_avx512::get(),
        wrapper: encode_avx512,
    }
}

/// Unaligned 64-byte load.
///
/// # Safety
/// `p` valid for reads of 64 bytes; the CPU supports AVX-512BW.
#[inline(always)]
unsafe fn load(p: *const u8) -> __m512i {
    // SAFETY: the caller guarantees 64 readable bytes at `p`; unaligned load.
    unsafe { _mm512_loadu_epi8(p as *const i8) }
}

// SAFETY: `Avx512` values exist only where all enabled features run (see `Avx512::new`).
unsafe impl Simd for Avx512 {
    const COPY: usize = 32;
    const FAST_POPCNT: bool = true;

    #[inline(always)]
    unsafe fn eq_mask64(self, a: *const u8, b: *const u8) -> u64 {
        // SAFETY: the caller guarantees 64 readable bytes at `a` and `b`.
        unsafe { generic::opaque(_mm512_cmpeq_epi8_mask(load(a), load(b))) }
    }

    #[inline(always)]
    unsafe fn eq_mask_partial(self, a: *const u8, b: *const u8, len: usize) -> u64 {
        debug_assert!(len < 64);
        let k: __mmask64 = (1u64 << len) - 1;
        // SAFETY: masked loads read only the `len` selected bytes (faults on the others
        // are suppressed), which the caller guarantees to be readable. Unselected lanes
        // are zero in both, so they compare equal: bits `len..64` are set.
        unsafe {
            let x = _mm512_maskz_loadu_epi8(k, a as *const i8);
            let y = _mm512_maskz_loadu_epi8(k, b as *const i8);
            generic::opaque(_mm512_cmpeq_epi8_mask(x, y))
        }
    }

    #[inline(always)]
    unsafe fn masks256(self, a: *const u8, b: *const u8) -> Option<[u64; 4]> {
        // SAFETY: the caller guarantees 256 readable bytes at `a` and `b`.
        unsafe {
            let m = [
                _mm512_cmpeq_epi8_mask(load(a), load(b)),
                _mm512_cmpeq_epi8_mask(load(a.add(64)), load(b.add(64))),
                _mm512_cmpeq_epi8_mask(load(a.add(128)), load(b.add(128))),
                _mm512_cmpeq_epi8_mask(load(a.add(192)), load(b.add(192))),
            ];
            if m[0] & m[1] & m[2] & m[3] == !0 {
                return None;
            }
            Some([
                generic::opaque(m[0]),
                generic::opaque(m[1]),
                generic::opaque(m[2]),
                generic::opaque(m[3]),
            ])
        }
    }

    #[inline(always)]
    unsafe fn copy_block(self, src: *const u8, dst: *mut u8) {
        // SAFETY: the caller guarantees 32 readable bytes at `src`, 32 writable at `dst`.
        unsafe {
            _mm256_storeu_si256(
                dst as *mut __m256i,
                _mm256_loadu_si256(src as *const __m256i),
            )
        }
    }
}
