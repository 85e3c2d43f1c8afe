//! Zero-page detection, as migration senders use it before trying XBZRLE.

/// Whether every byte of `page` is zero.
///
/// # Example
/// ```
/// let mut page = [0u8; 4096];
/// assert!(xbzrle::is_zero_page(&page));
/// page[4095] = 1;
/// assert!(!xbzrle::is_zero_page(&page));
/// ```
pub fn is_zero_page(page: &[u8]) -> bool {
    // which compiled copy of the loop runs is a kernel choice, made in `kernel`
    crate::kernel::is_zero_page(page)
}

/// The loop itself; `#[inline(always)]` so that every clone gets its own copy.
#[inline(always)]
pub(crate) fn zero_page_body(page: &[u8]) -> bool {
    // OR 64 bytes at a time (the compiler vectorises this loop), then the tail.
    let mut chunks = page.chunks_exact(64);
    for c in &mut chunks {
        let mut acc = 0u64;
        for w in c.chunks_exact(8) {
            let mut b = [0u8; 8];
            b.copy_from_slice(w);
            acc |= u64::from_ne_bytes(b);
        }
        if acc != 0 {
            return false;
        }
    }
    chunks.remainder().iter().all(|&b| b == 0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_position_and_length() {
        for n in [0usize, 1, 63, 64, 65, 127, 128, 129, 4096] {
            let mut page = vec![0u8; n];
            assert!(super::is_zero_page(&page));
            assert!(super::zero_page_body(&page));
            for i in 0..n {
                page[i] = 0x10;
                assert!(!super::is_zero_page(&page), "n={n} i={i}");
                assert!(!super::zero_page_body(&page));
                page[i] = 0;
            }
        }
    }
}
