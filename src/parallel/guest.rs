//! Access to guest memory: the [`GuestRead`] and [`GuestWrite`] traits and two
//! implementations, [`OwnedMemory`] (safe) and [`RawRegion`] (memory the engine maps).
//!
//! Guest memory can change at any time (vCPUs, devices, other migration threads), so
//! nothing here hands out a `&[u8]` over it: a sender copies each page into a private
//! scratch page ([`GuestRead::read_into`]) and everything it looks at — the zero check,
//! the SIMD kernels — sees only that copy; a receiver writes bytes it has validated
//! ([`GuestWrite::write_from`]), never through a `&mut [u8]` over shared memory.

use core::fmt;
use core::sync::atomic::{AtomicU64, Ordering};
use std::boxed::Box;
use std::vec::Vec;

/// An access outside guest memory (or that the memory refused).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MemoryError {
    /// First address of the access.
    pub gpa: u64,
    /// Length of the access in bytes.
    pub len: u64,
}

impl fmt::Display for MemoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "guest memory access of {} bytes at {:#x} is outside guest memory",
            self.len, self.gpa
        )
    }
}

impl std::error::Error for MemoryError {}

/// Guest memory a sender reads. Implementations must be callable from several threads
/// at once (`&self`), while the guest keeps writing.
///
/// # Example
/// ```
/// use xbzrle::parallel::GuestRead;
/// let ram = vec![7u8; 8192];
/// let mut page = [0u8; 4096];
/// ram[..].read_into(4096, &mut page)?; // a plain slice: guest-physical address = index
/// assert_eq!(page[0], 7);
/// assert!(ram[..].check_range(8192, 1).is_err());
/// # Ok::<(), xbzrle::parallel::MemoryError>(())
/// ```
pub trait GuestRead {
    /// Copies the `buf.len()` bytes at `gpa` into `buf` (a snapshot: bytes the guest
    /// writes meanwhile may or may not be seen, and the page will be dirty again).
    fn read_into(&self, gpa: u64, buf: &mut [u8]) -> Result<(), MemoryError>;

    /// Whether the `len` bytes at `gpa` can be read.
    fn check_range(&self, gpa: u64, len: u64) -> Result<(), MemoryError>;
}

/// Guest memory a receiver writes. Implementations must be callable from several threads
/// at once (`&self`) on disjoint addresses.
///
/// # Example
/// ```
/// use xbzrle::parallel::{GuestRead, GuestWrite, OwnedMemory};
/// let ram = OwnedMemory::new(1 << 20, 8192); // 8 KiB at guest address 1 MiB
/// ram.write_from((1 << 20) + 10, b"abc")?;
/// ram.write_zeros((1 << 20) + 11, 1)?;
/// let mut b = [0u8; 3];
/// ram.read_into((1 << 20) + 10, &mut b)?;
/// assert_eq!(&b, b"a\0c");
/// assert!(GuestWrite::check_range(&ram, 0, 1).is_err());
/// # Ok::<(), xbzrle::parallel::MemoryError>(())
/// ```
pub trait GuestWrite {
    /// Writes `data` at `gpa`.
    fn write_from(&self, gpa: u64, data: &[u8]) -> Result<(), MemoryError>;

    /// Writes `len` zero bytes at `gpa`. The default writes from a zeroed buffer.
    fn write_zeros(&self, gpa: u64, len: u64) -> Result<(), MemoryError> {
        const Z: [u8; 512] = [0; 512];
        self.check_range(gpa, len)?;
        let mut done = 0u64;
        while done < len {
            let n = (len - done).min(Z.len() as u64);
            self.write_from(gpa + done, &Z[..n as usize])?;
            done += n;
        }
        Ok(())
    }

    /// Whether the `len` bytes at `gpa` can be written.
    fn check_range(&self, gpa: u64, len: u64) -> Result<(), MemoryError>;
}

/// Offset of `[gpa, gpa + len)` in a region of `size` bytes at `base`, or the error.
#[inline]
fn offset_in(base: u64, size: u64, gpa: u64, len: u64) -> Result<usize, MemoryError> {
    let err = MemoryError { gpa, len };
    let off = gpa.checked_sub(base).ok_or(err)?;
    let end = off.checked_add(len).ok_or(err)?;
    if end > size {
        return Err(err);
    }
    usize::try_from(off).map_err(|_| err)
}

/// A plain slice as guest memory at guest-physical address 0, for reading only (nobody
/// can write it while it is borrowed).
impl GuestRead for [u8] {
    fn read_into(&self, gpa: u64, buf: &mut [u8]) -> Result<(), MemoryError> {
        let off = offset_in(0, self.len() as u64, gpa, buf.len() as u64)?;
        buf.copy_from_slice(&self[off..off + buf.len()]);
        Ok(())
    }

    fn check_range(&self, gpa: u64, len: u64) -> Result<(), MemoryError> {
        offset_in(0, self.len() as u64, gpa, len).map(|_| ())
    }
}

/// Byte-granular copies in and out of memory seen as relaxed atomic 64-bit words: every
/// access is atomic, so other threads may read and write the same memory at the same
/// time without a data race. Relaxed word loads and stores compile to plain moves.
#[derive(Clone, Copy)]
struct Words<'a>(&'a [AtomicU64]);

impl Words<'_> {
    /// Copies `buf.len()` bytes from byte offset `off` (in bounds: checked by the caller).
    #[inline]
    fn read(self, off: usize, buf: &mut [u8]) {
        let mut pos = off;
        let mut rest = buf;
        // head, up to the next word boundary
        if !pos.is_multiple_of(8) && !rest.is_empty() {
            let b = self.0[pos / 8].load(Ordering::Relaxed).to_ne_bytes();
            let n = (8 - pos % 8).min(rest.len());
            let (h, t) = rest.split_at_mut(n);
            h.copy_from_slice(&b[pos % 8..pos % 8 + n]);
            pos += n;
            rest = t;
        }
        // whole words
        let whole = rest.len() / 8;
        let (mid, tail) = rest.split_at_mut(whole * 8);
        let words = &self.0[pos / 8..pos / 8 + whole];
        for (dst, w) in mid.chunks_exact_mut(8).zip(words) {
            dst.copy_from_slice(&w.load(Ordering::Relaxed).to_ne_bytes());
        }
        pos += whole * 8;
        // tail
        if !tail.is_empty() {
            let b = self.0[pos / 8].load(Ordering::Relaxed).to_ne_bytes();
            tail.copy_from_slice(&b[..tail.len()]);
        }
    }

    /// Stores the bytes of `val` selected by `mask` into word `w`, leaving the others
    /// (which another thread may be writing) as they are.
    #[inline]
    fn merge(self, w: usize, val: u64, mask: u64) {
        let _ = self.0[w].fetch_update(Ordering::Relaxed, Ordering::Relaxed, |x| {
            Some((x & !mask) | (val & mask))
        });
    }

    /// Writes `data` at byte offset `off` (in bounds: checked by the caller).
    #[inline]
    fn write(self, off: usize, data: &[u8]) {
        let mut pos = off;
        let mut rest = data;
        if !pos.is_multiple_of(8) && !rest.is_empty() {
            let n = (8 - pos % 8).min(rest.len());
            let mut b = [0u8; 8];
            let mut m = [0u8; 8];
            b[pos % 8..pos % 8 + n].copy_from_slice(&rest[..n]);
            m[pos % 8..pos % 8 + n].fill(0xff);
            self.merge(pos / 8, u64::from_ne_bytes(b), u64::from_ne_bytes(m));
            pos += n;
            rest = &rest[n..];
        }
        let whole = rest.len() / 8;
        let words = &self.0[pos / 8..pos / 8 + whole];
        for (src, w) in rest[..whole * 8].chunks_exact(8).zip(words) {
            let mut b = [0u8; 8];
            b.copy_from_slice(src);
            w.store(u64::from_ne_bytes(b), Ordering::Relaxed);
        }
        pos += whole * 8;
        let tail = &rest[whole * 8..];
        if !tail.is_empty() {
            let mut b = [0u8; 8];
            let mut m = [0u8; 8];
            b[..tail.len()].copy_from_slice(tail);
            m[..tail.len()].fill(0xff);
            self.merge(pos / 8, u64::from_ne_bytes(b), u64::from_ne_bytes(m));
        }
    }
}

/// Guest memory owned by this process: one region of `len` bytes at guest-physical
/// address `base`, readable and writable by any number of threads at once (a sender's
/// guest simulation, a receiver's destination). Safe: every access is atomic.
///
/// # Example
/// ```
/// use xbzrle::parallel::{GuestRead, GuestWrite, OwnedMemory};
/// let ram = OwnedMemory::from_bytes(0, &[1u8; 4096]);
/// std::thread::scope(|s| {
///     s.spawn(|| ram.write_from(0, &[2; 100]).unwrap()); // a "vCPU"
///     let mut page = [0u8; 4096];
///     ram.read_into(0, &mut page).unwrap(); // a migration thread, concurrently
///     assert!(page[100..].iter().all(|&b| b == 1));
/// });
/// assert_eq!(ram.to_vec()[..101], [[2u8; 100].as_slice(), &[1]].concat());
/// ```
#[derive(Debug)]
pub struct OwnedMemory {
    base: u64,
    len: usize,
    words: Box<[AtomicU64]>,
}

impl OwnedMemory {
    /// `len` zero bytes at guest-physical address `base`.
    pub fn new(base: u64, len: usize) -> OwnedMemory {
        let words = (0..len.div_ceil(8)).map(|_| AtomicU64::new(0)).collect();
        OwnedMemory { base, len, words }
    }

    /// A copy of `bytes` at guest-physical address `base`.
    pub fn from_bytes(base: u64, bytes: &[u8]) -> OwnedMemory {
        let m = OwnedMemory::new(base, bytes.len());
        Words(&m.words).write(0, bytes);
        m
    }

    /// The guest-physical address of the first byte.
    pub fn base(&self) -> u64 {
        self.base
    }

    /// The size in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the region is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// A copy of the whole region (a snapshot).
    pub fn to_vec(&self) -> Vec<u8> {
        let mut v = vec_zeroed(self.len);
        Words(&self.words).read(0, &mut v);
        v
    }
}

fn vec_zeroed(n: usize) -> Vec<u8> {
    std::vec![0u8; n]
}

impl GuestRead for OwnedMemory {
    fn read_into(&self, gpa: u64, buf: &mut [u8]) -> Result<(), MemoryError> {
        let off = offset_in(self.base, self.len as u64, gpa, buf.len() as u64)?;
        Words(&self.words).read(off, buf);
        Ok(())
    }

    fn check_range(&self, gpa: u64, len: u64) -> Result<(), MemoryError> {
        offset_in(self.base, self.len as u64, gpa, len).map(|_| ())
    }
}

impl GuestWrite for OwnedMemory {
    fn write_from(&self, gpa: u64, data: &[u8]) -> Result<(), MemoryError> {
        let off = offset_in(self.base, self.len as u64, gpa, data.len() as u64)?;
        Words(&self.words).write(off, data);
        Ok(())
    }

    fn check_range(&self, gpa: u64, len: u64) -> Result<(), MemoryError> {
        offset_in(self.base, self.len as u64, gpa, len).map(|_| ())
    }
}

/// Why [`RawRegion::new`] refused a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RegionError {
    /// The address that was given.
    pub addr: usize,
    /// The length that was given.
    pub len: usize,
}

impl fmt::Display for RegionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "raw region at {:#x} of {} bytes: address and length must be multiples of 8",
            self.addr, self.len
        )
    }
}

impl std::error::Error for RegionError {}

/// Memory the engine has mapped itself (for example with `mmap`, shared with the guest),
/// as one region at guest-physical address `base`. Others — vCPUs, devices, other
/// threads — may write it at any time; this type only ever accesses it with relaxed
/// atomic 64-bit loads and stores (byte-granular at the edges of an access), copying
/// each page into the caller's buffer before anything looks at it.
///
/// # Example
/// ```
/// use xbzrle::parallel::{GuestRead, GuestWrite, RawRegion};
/// let mut backing = vec![0u64; 1024]; // 8 KiB, 8-byte aligned
/// // SAFETY: `backing` outlives `region` and is only accessed through `region` while it
/// // exists (the mutable borrow of `backing` is not used again until after).
/// let region = unsafe { RawRegion::new(0x1000, backing.as_mut_ptr().cast(), 8192) }?;
/// region.write_from(0x1000 + 5, b"hi")?;
/// let mut page = [0u8; 4096];
/// region.read_into(0x1000, &mut page)?;
/// assert_eq!(&page[5..7], b"hi");
/// # drop(region);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct RawRegion<'a> {
    base: u64,
    words: &'a [AtomicU64],
}

impl<'a> RawRegion<'a> {
    /// A region of `len` bytes at `ptr`, which holds guest-physical addresses `base ..
    /// base + len`.
    ///
    /// # Errors
    /// [`RegionError`] when `ptr` or `len` is not a multiple of 8.
    ///
    /// # Safety
    /// For the lifetime `'a`:
    /// * `ptr` must be valid for reads and writes of `len` bytes, and not be freed or
    ///   unmapped;
    /// * every other access to those bytes from this process must be an atomic access
    ///   (for example through another `RawRegion` or an `AtomicU64`), or be made by code
    ///   outside the Rust abstract machine (the guest through KVM, a device, another
    ///   process); in particular no `&[u8]` or `&mut [u8]` over them may be used while
    ///   the region exists.
    ///
    /// Concurrent writes by others are expected and fine: the sender sees a snapshot of
    /// each page, and the page will be dirty again.
    pub unsafe fn new(base: u64, ptr: *mut u8, len: usize) -> Result<RawRegion<'a>, RegionError> {
        let addr = ptr as usize;
        if !addr.is_multiple_of(8) || !len.is_multiple_of(8) || (ptr.is_null() && len != 0) {
            return Err(RegionError { addr, len });
        }
        let words = if len == 0 {
            &[][..]
        } else {
            // SAFETY: `ptr` is non-null and 8-byte aligned (checked above), the alignment
            // of `AtomicU64`, which has the size and bit validity of `u64`, for which any
            // initialised bytes are valid (the caller promises valid, mapped memory for
            // 'a); `len / 8` words cover exactly `len` bytes. Shared references to atomics
            // allow the concurrent writes the caller allows, as long as those are atomic
            // or outside the abstract machine, which is the caller's contract; we only
            // ever access the words atomically.
            unsafe { core::slice::from_raw_parts(ptr.cast::<AtomicU64>(), len / 8) }
        };
        Ok(RawRegion { base, words })
    }

    /// The guest-physical address of the first byte.
    pub fn base(&self) -> u64 {
        self.base
    }

    /// The size in bytes.
    pub fn len(&self) -> usize {
        self.words.len() * 8
    }

    /// Whether the region is empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

impl GuestRead for RawRegion<'_> {
    fn read_into(&self, gpa: u64, buf: &mut [u8]) -> Result<(), MemoryError> {
        let off = offset_in(self.base, self.len() as u64, gpa, buf.len() as u64)?;
        Words(self.words).read(off, buf);
        Ok(())
    }

    fn check_range(&self, gpa: u64, len: u64) -> Result<(), MemoryError> {
        offset_in(self.base, self.len() as u64, gpa, len).map(|_| ())
    }
}

impl GuestWrite for RawRegion<'_> {
    fn write_from(&self, gpa: u64, data: &[u8]) -> Result<(), MemoryError> {
        let off = offset_in(self.base, self.len() as u64, gpa, data.len() as u64)?;
        Words(self.words).write(off, data);
        Ok(())
    }

    fn check_range(&self, gpa: u64, len: u64) -> Result<(), MemoryError> {
        offset_in(self.base, self.len() as u64, gpa, len).map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_copies_every_offset_and_length() {
        let src: Vec<u8> = (0..64u8).map(|b| b.wrapping_mul(37) | 1).collect();
        for off in 0..17 {
            for len in 0..40 {
                let m = OwnedMemory::new(100, 64);
                m.write_from(100 + off, &src[..len]).unwrap();
                let v = m.to_vec();
                assert!(v[..off as usize].iter().all(|&b| b == 0));
                assert_eq!(&v[off as usize..off as usize + len], &src[..len]);
                assert!(v[off as usize + len..].iter().all(|&b| b == 0));
                let mut back = vec![0u8; len];
                m.read_into(100 + off, &mut back).unwrap();
                assert_eq!(back, &src[..len]);
            }
        }
        let m = OwnedMemory::new(100, 61);
        assert!(m.read_into(99, &mut [0]).is_err());
        assert!(m.read_into(160, &mut [0, 0]).is_err());
        assert!(m.read_into(160, &mut [0]).is_ok());
        assert!(m.write_from(u64::MAX, &[0, 0]).is_err());
        assert!(m.write_zeros(100, 62).is_err());
    }

    #[test]
    fn raw_region_checks_alignment() {
        let mut b = vec![0u64; 4];
        let p = b.as_mut_ptr().cast::<u8>();
        // SAFETY: `b` outlives the regions and is not otherwise accessed meanwhile.
        unsafe {
            assert!(RawRegion::new(0, p.add(1), 8).is_err());
            assert!(RawRegion::new(0, p, 7).is_err());
            let r = RawRegion::new(0, p, 32).unwrap();
            r.write_zeros(0, 32).unwrap();
            r.write_from(3, &[9; 20]).unwrap();
            assert_eq!(r.len(), 32);
        }
        assert_eq!(b[1], u64::from_ne_bytes([9; 8]));
    }
}
