//! NEON: 16-byte lanes. NEON has no byte movemask, so a 64-byte equality mask is built
//! from a de-interleaving load (`vld4q_u8`: vector `j` holds bytes `4i + j`), four
//! compares, three shift-right-and-insert steps that pack the four compare results into
//! one nibble per byte, and a narrowing shift (`vshrn_n_u16`) that packs two nibbles
//! into each byte of a 64-bit mask, in page order.

use core::arch::aarch64::*;

use crate::arch::generic::{self, Simd};
use crate::error::EncodeError;

/// The NEON kernel. NEON is part of the AArch64 base architecture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Neon(());

impl Neon {
    /// The kernel; always available on AArch64 targets with NEON enabled (all of them
    /// by default).
    #[inline]
    pub(crate) fn new() -> Option<Self> {
        if cfg!(target_feature = "neon") {
            Some(Neon(()))
        } else {
            None
        }
    }

    /// Canonical encoding (same contract as `crate::scalar::encode`).
    #[inline]
    pub(crate) fn encode(
        self,
        old: &[u8],
        new: &[u8],
        out: &mut [u8],
    ) -> Result<usize, EncodeError> {
        // SAFETY: a `Neon` value exists only when NEON is enabled (see `new`).
        unsafe { encode_neon(self, old, new, out) }
    }
}

/// # Safety
/// The CPU must support NEON.
#[target_feature(enable = "neon")]
unsafe fn encode_neon(
    v: Neon,
    old: &[u8],
    new: &[u8],
    out: &mut [u8],
) -> Result<usize, EncodeError> {
    generic::encode(v, old, new, out)
}

#[inline(always)]
unsafe fn xor16(a: *const u8, b: *const u8, i: usize) -> uint8x16_t {
    // SAFETY: the caller guarantees 16 readable bytes at `a + i` and `b + i`.
    unsafe { veorq_u8(vld1q_u8(a.add(i)), vld1q_u8(b.add(i))) }
}

// SAFETY: `Neon` values exist only where NEON runs (see `Neon::new`).
unsafe impl Simd for Neon {
    const COPY: usize = 16;

    #[inline(always)]
    unsafe fn eq_mask64(self, a: *const u8, b: *const u8) -> u64 {
        // SAFETY: the caller guarantees 64 readable bytes at `a` and `b`.
        unsafe {
            let x = vld4q_u8(a);
            let y = vld4q_u8(b);
            let c0 = vceqq_u8(x.0, y.0); // bytes 4i
            let c1 = vceqq_u8(x.1, y.1); // bytes 4i + 1
            let c2 = vceqq_u8(x.2, y.2);
            let c3 = vceqq_u8(x.3, y.3);
            // compare results are 0x00 or 0xff; insert so that byte i of t3 holds
            // (c3 c2 c1 c0) in both nibbles
            let t0 = vsriq_n_u8::<1>(c1, c0);
            let t1 = vsriq_n_u8::<1>(c3, c2);
            let t2 = vsriq_n_u8::<2>(t1, t0);
            let t3 = vsriq_n_u8::<4>(t2, t2);
            // byte i of the result: low nibble from t3[2i], high nibble from t3[2i+1]
            let t4 = vshrn_n_u16::<4>(vreinterpretq_u16_u8(t3));
            vget_lane_u64::<0>(vreinterpret_u64_u8(t4))
        }
    }

    #[inline(always)]
    unsafe fn equal256(self, a: *const u8, b: *const u8) -> bool {
        // SAFETY: the caller guarantees 256 readable bytes at `a` and `b`.
        unsafe {
            let mut acc0 = xor16(a, b, 0);
            let mut acc1 = xor16(a, b, 16);
            let mut i = 32;
            while i < 256 {
                acc0 = vorrq_u8(acc0, xor16(a, b, i));
                acc1 = vorrq_u8(acc1, xor16(a, b, i + 16));
                i += 32;
            }
            vmaxvq_u8(vorrq_u8(acc0, acc1)) == 0
        }
    }

    #[inline(always)]
    unsafe fn copy_block(self, src: *const u8, dst: *mut u8) {
        // SAFETY: the caller guarantees 16 readable bytes at `src`, 16 writable at `dst`.
        unsafe { vst1q_u8(dst, vld1q_u8(src)) }
    }
}
