//! AVX2: 32-byte lanes, two per 64-byte mask.

use core::arch::x86_64::*;

use crate::arch::generic::{self, Simd};
use crate::DecodeError;

crate::arch::kernel_type! {
    /// The AVX2 kernel (also uses BMI1/BMI2 and POPCNT for the bit scans).
    Avx2 {
        features: "avx2,bmi1,bmi2,popcnt",
        detected: super::cpuid_avx2::get(),
        wrapper: encode_avx2,
    }
}

impl Avx2 {
    /// [`crate::is_zero_page`] compiled for AVX2.
    #[inline]
    pub(crate) fn is_zero_page(self, page: &[u8]) -> bool {
        // SAFETY: an `Avx2` value exists only when the CPU has AVX2, BMI1, BMI2, POPCNT (`new`).
        unsafe { is_zero_page_avx2(page) }
    }
}

impl Avx2 {
    /// [`crate::decode`] compiled for AVX2.
    #[inline]
    pub(crate) fn decode(self, delta: &[u8], page: &mut [u8]) -> Result<usize, DecodeError> {
        // SAFETY: an `Avx2` value exists only when the CPU has AVX2, BMI1, BMI2, POPCNT (`new`).
        unsafe { decode_avx2(delta, page) }
    }

    /// The single-pass decoder (measurements only) compiled for AVX2.
    #[cfg(feature = "unstable")]
    #[inline]
    pub(crate) fn decode_non_atomic(
        self,
        delta: &[u8],
        page: &mut [u8],
    ) -> Result<usize, DecodeError> {
        // SAFETY: an `Avx2` value exists only when the CPU has AVX2, BMI1, BMI2, POPCNT (`new`).
        unsafe { decode_non_atomic_avx2(delta, page) }
    }
}

/// # Safety
/// The CPU must support AVX2.
#[target_feature(enable = "avx2")]
unsafe fn decode_avx2(delta: &[u8], page: &mut [u8]) -> Result<usize, DecodeError> {
    // SAFETY: the caller guarantees AVX2 (this function's contract).
    crate::decode::decode_body(unsafe { Avx2::new_unchecked() }, delta, page)
}

/// # Safety
/// The CPU must support AVX2.
#[cfg(feature = "unstable")]
#[target_feature(enable = "avx2")]
unsafe fn decode_non_atomic_avx2(delta: &[u8], page: &mut [u8]) -> Result<usize, DecodeError> {
    // SAFETY: the caller guarantees AVX2 (this function's contract).
    crate::decode::decode_non_atomic_body(unsafe { Avx2::new_unchecked() }, delta, page)
}

/// # Safety
/// The CPU must support AVX2.
#[target_feature(enable = "avx2")]
unsafe fn is_zero_page_avx2(page: &[u8]) -> bool {
    crate::zero::zero_page_body(page)
}

/// Unaligned 32-byte load.
///
/// # Safety
/// `p` valid for reads of 32 bytes; the CPU supports AVX2.
#[inline(always)]
unsafe fn load(p: *const u8) -> __m256i {
    // SAFETY: the caller guarantees 32 readable bytes at `p`; unaligned load.
    unsafe { _mm256_loadu_si256(p as *const __m256i) }
}

/// Equality mask of 32 bytes (bit `i`: `a[i] == b[i]`).
///
/// # Safety
/// `a` and `b` valid for reads of 32 bytes; the CPU supports AVX2.
#[inline(always)]
unsafe fn eq32(a: *const u8, b: *const u8) -> u64 {
    // SAFETY: the caller guarantees 32 readable bytes at `a` and `b`.
    unsafe { _mm256_movemask_epi8(_mm256_cmpeq_epi8(load(a), load(b))) as u32 as u64 }
}

/// `vpmovmskb`: the top bit of each byte, as 32 bits.
///
/// # Safety
/// The CPU supports AVX2.
#[inline(always)]
unsafe fn mm(v: __m256i) -> u64 {
    // SAFETY: AVX2 is available (the caller is compiled inside the AVX2 wrapper).
    unsafe { _mm256_movemask_epi8(v) as u32 as u64 }
}

/// Byte-wise equality of 32 bytes at `a + i` and `b + i` (0xff where equal).
///
/// # Safety
/// `a + i` and `b + i` valid for reads of 32 bytes; the CPU supports AVX2.
#[inline(always)]
unsafe fn cmp32(a: *const u8, b: *const u8, i: usize) -> __m256i {
    // SAFETY: the caller guarantees 32 readable bytes at `a + i` and `b + i`.
    unsafe { _mm256_cmpeq_epi8(load(a.add(i)), load(b.add(i))) }
}

// SAFETY: `Avx2` values exist only where AVX2, BMI1, BMI2 and POPCNT run (see `Avx2::new`).
unsafe impl Simd for Avx2 {
    const COPY: usize = 32;
    const FAST_POPCNT: bool = true;

    #[inline(always)]
    unsafe fn eq_mask64(self, a: *const u8, b: *const u8) -> u64 {
        // SAFETY: the caller guarantees 64 readable bytes at `a` and `b`.
        unsafe { generic::opaque(eq32(a, b) | eq32(a.add(32), b.add(32)) << 32) }
    }

    #[inline(always)]
    unsafe fn masks256(self, a: *const u8, b: *const u8) -> Option<[u64; 4]> {
        // SAFETY: the caller guarantees 256 readable bytes at `a` and `b`.
        unsafe {
            // no closures here: they would not inherit the AVX2 target feature
            let c = [
                cmp32(a, b, 0),
                cmp32(a, b, 32),
                cmp32(a, b, 64),
                cmp32(a, b, 96),
                cmp32(a, b, 128),
                cmp32(a, b, 160),
                cmp32(a, b, 192),
                cmp32(a, b, 224),
            ];
            let all = _mm256_and_si256(
                _mm256_and_si256(_mm256_and_si256(c[0], c[1]), _mm256_and_si256(c[2], c[3])),
                _mm256_and_si256(_mm256_and_si256(c[4], c[5]), _mm256_and_si256(c[6], c[7])),
            );
            if _mm256_movemask_epi8(all) == -1 {
                return None;
            }
            Some([
                generic::opaque(mm(c[0]) | mm(c[1]) << 32),
                generic::opaque(mm(c[2]) | mm(c[3]) << 32),
                generic::opaque(mm(c[4]) | mm(c[5]) << 32),
                generic::opaque(mm(c[6]) | mm(c[7]) << 32),
            ])
        }
    }

    #[inline(always)]
    unsafe fn copy_block(self, src: *const u8, dst: *mut u8) {
        // SAFETY: the caller guarantees 32 readable bytes at `src`, 32 writable at `dst`.
        unsafe { _mm256_storeu_si256(dst as *mut __m256i, load(src)) }
    }
}

impl crate::decode::RunCopy for Avx2 {
    #[inline(always)]
    fn copy_17_to_64(self, dst: &mut [u8], src: &[u8]) {
        let m = dst.len();
        assert!((17..=64).contains(&m) && src.len() == m);
        // SAFETY: an `Avx2` value exists only when the CPU has AVX2 (`new`); the
        // lengths were checked just above.
        unsafe { copy_17_to_64_avx2(dst.as_mut_ptr(), src.as_ptr(), m) }
    }
}

/// Copies `m` bytes (17 to 64) from `src` to `dst` as two 32-byte blocks, or two 16-byte
/// blocks when `m <= 32`, the first and the last; both are loaded before either is
/// stored (see `crate::decode::RunCopy`).
///
/// # Safety
/// The CPU supports AVX2; `17 <= m <= 64`; `src` valid for reads and `dst` for writes
/// of `m` bytes; they do not overlap.
#[inline]
#[target_feature(enable = "avx2")]
unsafe fn copy_17_to_64_avx2(dst: *mut u8, src: *const u8, m: usize) {
    if m > 32 {
        // SAFETY: `32 < m`: both blocks, `[0, 32)` and `[m - 32, m)`, lie in the run.
        unsafe {
            let (a, b) = tie(load(src), load(src.add(m - 32)));
            _mm256_storeu_si256(dst as *mut __m256i, a);
            _mm256_storeu_si256(dst.add(m - 32) as *mut __m256i, b);
        }
    } else {
        // SAFETY: `16 < m <= 32`: both blocks, `[0, 16)` and `[m - 16, m)`, lie in the run.
        unsafe { super::sse2::copy_17_to_32(dst, src, m) }
    }
}

/// Returns `a` and `b` unchanged, through an empty `asm!` that needs both: the stores
/// that use its results cannot be scheduled before either load.
#[inline]
#[target_feature(enable = "avx2")]
fn tie(mut a: __m256i, mut b: __m256i) -> (__m256i, __m256i) {
    // SAFETY: the template is empty: no instruction runs, no memory or stack is touched.
    unsafe {
        core::arch::asm!(
            "/* {0} {1} */",
            inout(ymm_reg) a,
            inout(ymm_reg) b,
            options(pure, nomem, nostack, preserves_flags)
        )
    };
    (a, b)
}
