//! A stand-in for QEMU's in-place decoder, so that `xbzrle bench` can put this crate's
//! decoder beside it on any machine without QEMU's code (GPL) in this repository.
//!
//! Written here from the format's rules, in the shape QEMU's decoder has (its
//! `xbzrle_decode_buffer`): one pass over the delta, each run's checks made as the run is
//! read, and each literal run written straight into the page with one variable-length
//! `memcpy`. It is not atomic: a refused delta leaves the runs before the bad one
//! written. Measured against QEMU's own C decoder (gcc -O2, built outside this
//! repository) on the docs/format.md §7 scenarios, it ran at 0.89 to 1.06 of its speed
//! (hot and stream, Zen 3).

/// Applies `delta` to `page` in place; the end offset of the last literal run, or `None`
/// where QEMU's decoder returns -1.
#[inline(never)]
pub fn decode(delta: &[u8], page: &mut [u8]) -> Option<usize> {
    let (n, len) = (delta.len(), page.len());
    let (mut i, mut d) = (0usize, 0usize);
    while i < n {
        let (zeros, used) = length(delta, i)?;
        if i > 0 && zeros == 0 {
            return None;
        }
        i += used;
        d += zeros;
        if d > len {
            return None;
        }
        let (m, used) = length(delta, i)?;
        if m == 0 {
            return None;
        }
        i += used;
        if m > len - d || m > n - i {
            return None;
        }
        page[d..d + m].copy_from_slice(&delta[i..i + m]);
        d += m;
        i += m;
    }
    Some(d)
}

/// The length field at `delta[i..]` and the bytes it takes; `None` when fewer than two
/// bytes are left (QEMU asks for two even for a one-byte field) or the field runs past
/// two bytes.
#[inline(always)]
fn length(delta: &[u8], i: usize) -> Option<(usize, usize)> {
    let pair = delta.get(i..i + 2)?;
    let (lo, hi) = (pair[0], pair[1]);
    if lo < 0x80 {
        Some((usize::from(lo), 1))
    } else if hi < 0x80 {
        Some((usize::from(lo & 0x7f) | usize::from(hi) << 7, 2))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use xbzrle_testkit::scenario::{fill_random, Pattern};

    /// Agrees with `xbzrle::decode` on every scenario page and on every short delta
    /// over an alphabet that hits each check (values and end offsets; the page contents
    /// only on accepted deltas, since a refused one may be half-applied here).
    #[test]
    fn agrees_with_the_crate_decoder() {
        let mut old = vec![0u8; 8 * 4096];
        fill_random(&mut old, 3);
        for p in Pattern::ALL {
            let new = p.apply(&old);
            let mut out = vec![0u8; 4096];
            for (o, n) in old.chunks(4096).zip(new.chunks(4096)) {
                let l = xbzrle::encode(o, n, &mut out).unwrap();
                let (mut a, mut b) = (o.to_vec(), o.to_vec());
                assert_eq!(
                    super::decode(&out[..l], &mut a),
                    xbzrle::decode(&out[..l], &mut b).ok()
                );
                assert!(a == n && b == n, "{}", p.name);
            }
        }
        const ALPHABET: [u8; 7] = [0x00, 0x01, 0x02, 0x7f, 0x80, 0x81, 0xff];
        let mut delta = [0u8; 6];
        for len in 0..=delta.len() {
            for code in 0..ALPHABET.len().pow(len as u32) {
                let mut c = code;
                for b in &mut delta[..len] {
                    *b = ALPHABET[c % ALPHABET.len()];
                    c /= ALPHABET.len();
                }
                for page_len in [0, 1, 2, 3, 130, 300] {
                    let (mut a, mut b) = (vec![0u8; page_len], vec![0u8; page_len]);
                    let ours = xbzrle::decode(&delta[..len], &mut b).ok();
                    assert_eq!(
                        super::decode(&delta[..len], &mut a),
                        ours,
                        "{:02x?}",
                        &delta[..len]
                    );
                    if ours.is_some() {
                        assert_eq!(a, b);
                    }
                }
            }
        }
    }
}
