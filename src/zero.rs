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
