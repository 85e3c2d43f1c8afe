//! vm-memory 0.18 guest memory (feature `vm-memory`).

use vm_memory::{Bytes, GuestAddress, GuestMemory, Permissions};

use super::guest::{GuestRead, GuestWrite, MemoryError};

/// Any vm-memory [`GuestMemory`] (for example `GuestMemoryMmap`, with or without a dirty
/// bitmap, or the snapshot `&*GuestMemoryAtomic::memory()`) as [`GuestRead`] and
/// [`GuestWrite`]. Reads and writes go through vm-memory's `read_slice` / `write_slice`,
/// which copy with volatile accesses; a write also marks the pages dirty in the region's
/// bitmap, as any vm-memory write does.
///
/// # Example
/// ```
/// # #[cfg(feature = "vm-memory")] {
/// use vm_memory::{GuestAddress, GuestMemoryMmap};
/// use xbzrle::parallel::{GuestRead, GuestWrite, VmMemory};
/// let gm = GuestMemoryMmap::<()>::from_ranges(&[(GuestAddress(0x10000), 0x4000)]).unwrap();
/// let mem = VmMemory(&gm);
/// mem.write_from(0x10010, b"abc").unwrap();
/// let mut b = [0u8; 3];
/// mem.read_into(0x10010, &mut b).unwrap();
/// assert_eq!(&b, b"abc");
/// assert!(GuestRead::check_range(&mem, 0x13fff, 2).is_err());
/// # }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct VmMemory<'a, M: ?Sized>(pub &'a M);

fn check<M: GuestMemory + ?Sized>(
    m: &M,
    gpa: u64,
    len: u64,
    access: Permissions,
) -> Result<(), MemoryError> {
    let err = MemoryError { gpa, len };
    if len == 0 {
        return Ok(());
    }
    let n = usize::try_from(len).map_err(|_| err)?;
    gpa.checked_add(len).ok_or(err)?;
    if m.check_range(GuestAddress(gpa), n, access) {
        Ok(())
    } else {
        Err(err)
    }
}

impl<M: GuestMemory + ?Sized> GuestRead for VmMemory<'_, M> {
    fn read_into(&self, gpa: u64, buf: &mut [u8]) -> Result<(), MemoryError> {
        let err = MemoryError {
            gpa,
            len: buf.len() as u64,
        };
        self.0.read_slice(buf, GuestAddress(gpa)).map_err(|_| err)
    }

    fn check_range(&self, gpa: u64, len: u64) -> Result<(), MemoryError> {
        check(self.0, gpa, len, Permissions::Read)
    }
}

impl<M: GuestMemory + ?Sized> GuestWrite for VmMemory<'_, M> {
    fn write_from(&self, gpa: u64, data: &[u8]) -> Result<(), MemoryError> {
        let err = MemoryError {
            gpa,
            len: data.len() as u64,
        };
        self.0.write_slice(data, GuestAddress(gpa)).map_err(|_| err)
    }

    fn check_range(&self, gpa: u64, len: u64) -> Result<(), MemoryError> {
        check(self.0, gpa, len, Permissions::Write)
    }
}
