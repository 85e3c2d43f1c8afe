//! The scalar reference encoder: the readable definition of the canonical encoding that
//! every SIMD kernel is tested against, and the portable fallback.
//!
//! It compares eight bytes at a time: `a ^ b` of two little-endian `u64` words is zero
//! where nothing changed, and inside a changed stretch the first unchanged byte is the
//! lowest zero byte of `a ^ b`, found with the "word has a zero byte" trick. Words are
//! read with `from_le_bytes`, so there is no alignment requirement and byte `k` of a
//! word is always page byte `k`, on any endianness.

use crate::error::EncodeError;
use crate::uleb;

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

#[inline(always)]
fn word(s: &[u8], at: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&s[at..at + 8]);
    u64::from_le_bytes(w)
}

/// Length of the longest common prefix of `a` and `b` (same length): the unchanged run.
#[inline]
pub(crate) fn unchanged_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut k = 0;
    while k + 8 <= n {
        let x = word(a, k) ^ word(b, k);
        if x != 0 {
            return k + (x.trailing_zeros() / 8) as usize;
        }
        k += 8;
    }
    while k < n && a[k] == b[k] {
        k += 1;
    }
    k
}

/// Length of the longest prefix where `a` and `b` differ at every byte: the changed run.
#[inline]
pub(crate) fn changed_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut k = 0;
    while k + 8 <= n {
        let x = word(a, k) ^ word(b, k);
        // A byte of `x` is zero where the pages agree. The lowest set bit of `zeros`
        // marks the lowest zero byte exactly (false positives, from borrows, only
        // appear above a true zero byte).
        let zeros = x.wrapping_sub(LO) & !x & HI;
        if zeros != 0 {
            return k + (zeros.trailing_zeros() / 8) as usize;
        }
        k += 8;
    }
    while k < n && a[k] != b[k] {
        k += 1;
    }
    k
}

/// Writes one pair — the unchanged run length `z`, the changed run length and the changed
/// bytes `lit` — at `out[o..]`, or reports `Overflow` when it does not fit or a length is
/// over the format's limit. Returns the new output position.
#[inline(always)]
pub(crate) fn emit_pair(
    out: &mut [u8],
    o: usize,
    z: usize,
    lit: &[u8],
) -> Result<usize, EncodeError> {
    let m = lit.len();
    if z > uleb::MAX_LEN || m > uleb::MAX_LEN {
        return Err(EncodeError::Overflow);
    }
    let need = uleb::encoded_len(z) + uleb::encoded_len(m) + m;
    if need > out.len() - o {
        return Err(EncodeError::Overflow);
    }
    let mut o = o;
    o += uleb::write(&mut out[o..], z);
    o += uleb::write(&mut out[o..], m);
    out[o..o + m].copy_from_slice(lit);
    Ok(o + m)
}

/// Canonical encoding of `new` against `old` (same length, at most `MAX_PAGE_SIZE`;
/// checked by the caller).
pub(crate) fn encode(old: &[u8], new: &[u8], out: &mut [u8]) -> Result<usize, EncodeError> {
    debug_assert_eq!(old.len(), new.len());
    let n = old.len();
    let mut o = 0; // output position
    let mut run_start = 0; // where the current unchanged run began
    let mut k = 0; // page position
    loop {
        k += unchanged_prefix(&old[k..], &new[k..]);
        if k == n {
            // the trailing unchanged run is never written
            return Ok(o);
        }
        let m = changed_prefix(&old[k..], &new[k..]);
        o = emit_pair(out, o, k - run_start, &new[k..k + m])?;
        k += m;
        run_start = k;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_match_a_byte_loop_at_every_position() {
        for n in 0..40 {
            for at in 0..=n {
                // differ only at `at`
                let a = [0u8; 40];
                let mut b = [0u8; 40];
                if at < n {
                    b[at] = 1;
                }
                assert_eq!(unchanged_prefix(&a[..n], &b[..n]), at);
                // differ everywhere but at `at`
                let mut c = [1u8; 40];
                if at < n {
                    c[at] = 0;
                }
                assert_eq!(changed_prefix(&a[..n], &c[..n]), at);
            }
        }
    }
}
