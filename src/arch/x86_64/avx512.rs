//! AVX-512BW: one 64-byte lane per mask, compared straight into a mask register.
//!
//! Only the compare-to-mask, the masked tail load and the 256-byte check are 512-bit
//! code; literal copies use 32-byte AVX2 moves. This machine class's CI has AVX-512; the
//! generic algorithm at 64-byte width is also tested everywhere through the portable
//! 64-byte instantiation.

// Compiled only with Rust >= 1.89 (`xbzrle_avx512`, set by build.rs), where these
// intrinsics are stable; the crate's MSRV is older.
#![allow(clippy::incompatible_msrv)]

use core::arch::x86_64::*;

use crate::arch::generic::{self, Simd};
use crate::error::EncodeError;

/// The AVX-512BW kernel (with AVX2, BMI1, BMI2 and POPCNT).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Avx512(());

impl Avx512 {
    /// The kernel, when this CPU has AVX-512F/BW, AVX2, BMI1, BMI2 and POPCNT.
    #[inline]
    pub(crate) fn new() -> Option<Self> {
        if super::cpuid_avx512::get() {
            Some(Avx512(()))
        } else {
            None
        }
    }

    /// The kernel without the CPU check, for the dispatch cache.
    ///
    /// # Safety
    /// [`new`](Self::new) must have returned `Some` earlier in this process (CPU features
    /// do not change while a process runs).
    #[inline(always)]
    pub(crate) unsafe fn new_unchecked() -> Self {
        Avx512(())
    }

    /// Canonical encoding (same contract as `crate::scalar::encode`).
    #[inline]
    pub(crate) fn encode(
        self,
        old: &[u8],
        new: &[u8],
        out: &mut [u8],
    ) -> Result<usize, EncodeError> {
        // SAFETY: an `Avx512` value exists only when the CPU has these features (`new`).
        unsafe { encode_avx512(self, old, new, out) }
    }
}

/// # Safety
/// The CPU must support AVX-512F, AVX-512BW, AVX2, BMI1, BMI2 and POPCNT.
#[target_feature(enable = "avx512f,avx512bw,avx2,bmi1,bmi2,popcnt")]
unsafe fn encode_avx512(
    v: Avx512,
    old: &[u8],
    new: &[u8],
    out: &mut [u8],
) -> Result<usize, EncodeError> {
    generic::encode(v, old, new, out)
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
