//! A portable instantiation of the generic algorithm at 64-byte width, built from `u64`
//! SWAR operations. It runs on every target, so the generic algorithm is tested at the
//! AVX-512 width even on machines without AVX-512. Not a public kernel: exposed (hidden)
//! only for the test suite.

use crate::arch::generic::{self, Simd};
use crate::error::EncodeError;

/// Software "vector" of 64 bytes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Portable64(());

const LO7: u64 = 0x7f7f_7f7f_7f7f_7f7f;

/// Reads 8 bytes at `p` as a little-endian word.
///
/// # Safety
/// `p` must be valid for reads of 8 bytes.
#[inline(always)]
unsafe fn word(p: *const u8) -> u64 {
    // SAFETY: the caller guarantees 8 readable bytes at `p`; unaligned read.
    u64::from_le(unsafe { core::ptr::read_unaligned(p as *const u64) })
}

/// 8 bits, bit `i` set when byte `i` of `x` is zero (exact: no carries between bytes).
#[inline(always)]
fn zero_bytes(x: u64) -> u64 {
    // high bit of each byte set when that byte is nonzero
    let nz = (((x & LO7) + LO7) | x) & !LO7;
    // gather the eight high bits into one byte, byte i -> bit i
    let packed = ((nz >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56;
    !packed & 0xff
}

// SAFETY: only plain integer operations; valid on every CPU.
unsafe impl Simd for Portable64 {
    const COPY: usize = 8;
    // not fast here (no POPCNT in the baseline), but this instantiation exists to test
    // the AVX-512 path at 64-byte width, which uses the prefix-sum listing
    const FAST_POPCNT: bool = true;

    #[inline(always)]
    unsafe fn eq_mask64(self, a: *const u8, b: *const u8) -> u64 {
        let mut m = 0;
        for i in 0..8 {
            // SAFETY: the caller guarantees 64 readable bytes at `a` and `b`.
            let x = unsafe { word(a.add(8 * i)) ^ word(b.add(8 * i)) };
            m |= zero_bytes(x) << (8 * i);
        }
        m
    }

    #[inline(always)]
    unsafe fn masks256(self, a: *const u8, b: *const u8) -> Option<[u64; 4]> {
        let mut acc = 0;
        for i in 0..32 {
            // SAFETY: the caller guarantees 256 readable bytes at `a` and `b`.
            acc |= unsafe { word(a.add(8 * i)) ^ word(b.add(8 * i)) };
        }
        if acc == 0 {
            return None;
        }
        // SAFETY: as above, 4 x 64 bytes.
        unsafe {
            Some([
                self.eq_mask64(a, b),
                self.eq_mask64(a.add(64), b.add(64)),
                self.eq_mask64(a.add(128), b.add(128)),
                self.eq_mask64(a.add(192), b.add(192)),
            ])
        }
    }

    #[inline(always)]
    unsafe fn copy_block(self, src: *const u8, dst: *mut u8) {
        // SAFETY: the caller guarantees 8 readable bytes at `src`, 8 writable at `dst`.
        unsafe { core::ptr::copy_nonoverlapping(src, dst, 8) }
    }
}

/// The portable 64-byte instantiation (test support; same contract as `encode`).
pub(crate) fn encode(old: &[u8], new: &[u8], out: &mut [u8]) -> Result<usize, EncodeError> {
    crate::kernel::check_pages(old, new)?;
    generic::encode(Portable64(()), old, new, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_bytes_is_exact() {
        for i in 0..8 {
            for v in [1u64, 0x80, 0xff, 0x7f] {
                let x = !(0xffu64 << (8 * i)) | (v << (8 * i));
                assert_eq!(zero_bytes(x), 0, "{x:x}");
                let y = x & !(0xffu64 << (8 * i));
                assert_eq!(zero_bytes(y), 1 << i, "{y:x}");
            }
        }
        assert_eq!(zero_bytes(0), 0xff);
        assert_eq!(zero_bytes(0x0100_0000_0000_0001), 0b0111_1110);
    }

    /// The 64-byte instantiation against the scalar reference on every single changed
    /// run of a 300-byte page (all starts and lengths crossing the 64-byte blocks) and
    /// every output length around the result. The full runner (tests/kernels.rs, through
    /// `xbzrle::unstable`) sweeps far more.
    #[test]
    fn equals_the_scalar_reference_on_every_single_run() {
        let n = 300;
        let old: Vec<u8> = (0..n).map(|i| (i * 7) as u8).collect();
        let mut want = vec![0u8; 2 * n];
        let mut got = vec![0u8; 2 * n];
        for s in 0..n {
            for e in s + 1..=n.min(s + 140) {
                let mut new = old.clone();
                new[s..e].iter_mut().for_each(|b| *b = !*b);
                let w = crate::arch::scalar::encode(&old, &new, &mut want).unwrap();
                for out_len in [w.saturating_sub(1), w, w + 1, 2 * n] {
                    let r = encode(&old, &new, &mut got[..out_len]);
                    let r0 = crate::arch::scalar::encode(&old, &new, &mut want[..out_len]);
                    assert_eq!(r, r0, "s={s} e={e} out_len={out_len}");
                    if let Ok(l) = r {
                        assert_eq!(got[..l], want[..l], "s={s} e={e}");
                    }
                }
            }
        }
    }
}
