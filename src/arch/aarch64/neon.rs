//! NEON: 16-byte lanes. NEON has no byte movemask, so a 64-byte equality mask is built
//! from a de-interleaving load (`vld4q_u8`: vector `j` holds bytes `4i + j`), four
//! compares, three shift-right-and-insert steps that pack the four compare results into
//! one nibble per byte, and a narrowing shift (`vshrn_n_u16`) that packs two nibbles
//! into each byte of a 64-bit mask, in page order.

use core::arch::aarch64::*;

use crate::arch::generic::{self, Simd};

crate::arch::kernel_type! {
    /// The NEON kernel. NEON is part of the AArch64 base architecture.
    Neon {
        features: "neon",
        detected: cfg!(target_feature = "neon"),
        wrapper: encode_neon,
    }
}

/// Hides a loaded vector from the optimiser (empty `asm!`), so that LLVM keeps the
/// intended `ld4` / `cmeq` / `sri` / `shrn` sequence. Without it LLVM moved the compares
/// before the de-interleaving (plain `ldp` loads, `cmeq`, then `tbl` shuffles of the
/// results) and rebuilt the packing with `shl #7` / `cmlt` / constant masks (see
/// asm-notes/README.md).
#[inline(always)]
fn opaque_v(mut v: uint8x16_t) -> uint8x16_t {
    // SAFETY: the template is empty: nothing is executed or touched; only the compiler's
    // knowledge of `v` is dropped.
    unsafe {
        core::arch::asm!("/* {0:v} */", inout(vreg) v, options(pure, nomem, nostack, preserves_flags))
    };
    v
}

/// Compares 64 bytes, de-interleaved: vector `j` holds the results for bytes `4i + j`.
///
/// # Safety
/// `a` and `b` valid for reads of 64 bytes; the CPU supports NEON.
#[inline(always)]
unsafe fn cmp4(a: *const u8, b: *const u8) -> uint8x16x4_t {
    // SAFETY: the caller guarantees 64 readable bytes at `a` and `b`.
    unsafe {
        let x = vld4q_u8(a);
        let y = vld4q_u8(b);
        uint8x16x4_t(
            vceqq_u8(opaque_v(x.0), opaque_v(y.0)),
            vceqq_u8(opaque_v(x.1), opaque_v(y.1)),
            vceqq_u8(opaque_v(x.2), opaque_v(y.2)),
            vceqq_u8(opaque_v(x.3), opaque_v(y.3)),
        )
    }
}

/// Packs de-interleaved compare results (0x00/0xff) into a 64-bit mask in page order.
///
/// # Safety
/// The CPU supports NEON.
#[inline(always)]
unsafe fn pack(c: uint8x16x4_t) -> u64 {
    // SAFETY: NEON is available (the caller runs inside the NEON wrapper).
    unsafe {
        // insert so that byte i of t3 holds (c3 c2 c1 c0) of bytes 4i..4i+4 in both
        // nibbles
        let t0 = vsriq_n_u8::<1>(c.1, c.0);
        let t1 = vsriq_n_u8::<1>(c.3, c.2);
        let t2 = vsriq_n_u8::<2>(t1, t0);
        let t3 = vsriq_n_u8::<4>(t2, t2);
        // byte i of the result: low nibble from t3[2i], high nibble from t3[2i+1]
        let t4 = vshrn_n_u16::<4>(vreinterpretq_u16_u8(t3));
        generic::opaque(vget_lane_u64::<0>(vreinterpret_u64_u8(t4)))
    }
}

// SAFETY: `Neon` values exist only where NEON runs (see `Neon::new`).
unsafe impl Simd for Neon {
    const COPY: usize = 16;
    // a 64-bit count is `fmov` + `cnt` + `addv` + `fmov` here; not measured on real
    // hardware yet, so the serial count stays
    const FAST_POPCNT: bool = false;

    #[inline(always)]
    unsafe fn eq_mask64(self, a: *const u8, b: *const u8) -> u64 {
        // SAFETY: the caller guarantees 64 readable bytes at `a` and `b`.
        unsafe { pack(cmp4(a, b)) }
    }

    #[inline(always)]
    unsafe fn masks256(self, a: *const u8, b: *const u8) -> Option<[u64; 4]> {
        // SAFETY: the caller guarantees 256 readable bytes at `a` and `b`.
        unsafe {
            let c = [
                cmp4(a, b),
                cmp4(a.add(64), b.add(64)),
                cmp4(a.add(128), b.add(128)),
                cmp4(a.add(192), b.add(192)),
            ];
            let mut all = vandq_u8(c[0].0, c[0].1);
            all = vandq_u8(all, vandq_u8(c[0].2, c[0].3));
            let mut j = 1;
            while j < 4 {
                all = vandq_u8(all, vandq_u8(c[j].0, c[j].1));
                all = vandq_u8(all, vandq_u8(c[j].2, c[j].3));
                j += 1;
            }
            if vminvq_u8(all) == 0xff {
                return None;
            }
            Some([pack(c[0]), pack(c[1]), pack(c[2]), pack(c[3])])
        }
    }

    #[inline(always)]
    unsafe fn copy_block(self, src: *const u8, dst: *mut u8) {
        // SAFETY: the caller guarantees 16 readable bytes at `src`, 16 writable at `dst`.
        unsafe { vst1q_u8(dst, vld1q_u8(src)) }
    }
}
