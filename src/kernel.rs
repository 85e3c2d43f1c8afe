//! Kernels and run-time dispatch: which encoder implementation runs, chosen once.

use crate::error::{EncodeError, KernelUnavailable};

/// An encoder implementation. Every kernel produces exactly the same result (the
/// canonical encoding) for the same input; they differ only in speed.
///
/// # Example
/// ```
/// for k in xbzrle::Kernel::available() {
///     println!("{} can run here", k.name());
/// }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Kernel {
    /// Portable reference: eight bytes at a time in `u64` words.
    Scalar,
}

impl Kernel {
    /// Every kernel this crate knows, available here or not, slowest first.
    pub const ALL: &'static [Kernel] = &[Kernel::Scalar];

    /// A short lower-case name (`"scalar"`, ...), as the CLI and benchmarks print it.
    pub fn name(self) -> &'static str {
        match self {
            Kernel::Scalar => "scalar",
        }
    }

    /// Looks a kernel up by its [`name`](Kernel::name).
    pub fn from_name(name: &str) -> Option<Kernel> {
        Kernel::ALL.iter().copied().find(|k| k.name() == name)
    }

    /// Whether this CPU (and this build's target) can run the kernel.
    pub fn is_available(self) -> bool {
        match self {
            Kernel::Scalar => true,
        }
    }

    /// The kernels this CPU can run, slowest first.
    pub fn available() -> impl Iterator<Item = Kernel> {
        Kernel::ALL.iter().copied().filter(|k| k.is_available())
    }

    /// The kernel [`Encoder::new`] and [`encode`](crate::encode) use on this CPU.
    pub fn best() -> Kernel {
        Kernel::Scalar
    }
}

impl core::fmt::Display for Kernel {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

/// An encoder bound to one kernel that this CPU is known to support.
///
/// # Example
/// ```
/// use xbzrle::{Encoder, Kernel};
/// let enc = Encoder::with_kernel(Kernel::Scalar)?;
/// let old = [0u8; 4096];
/// let mut new = old;
/// new[100] = 1;
/// let mut out = [0u8; 64];
/// let len = enc.encode(&old, &new, &mut out).unwrap();
/// assert_eq!(&out[..len], &[100, 1, 1]);
/// # Ok::<(), xbzrle::KernelUnavailable>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Encoder {
    kernel: Kernel,
}

impl Default for Encoder {
    fn default() -> Self {
        Encoder::new()
    }
}

impl Encoder {
    /// An encoder with the fastest kernel for this CPU.
    pub fn new() -> Encoder {
        Encoder {
            kernel: Kernel::best(),
        }
    }

    /// An encoder with the given kernel, or an error when this CPU cannot run it.
    pub fn with_kernel(kernel: Kernel) -> Result<Encoder, KernelUnavailable> {
        if kernel.is_available() {
            Ok(Encoder { kernel })
        } else {
            Err(KernelUnavailable { kernel })
        }
    }

    /// The kernel this encoder runs.
    pub fn kernel(&self) -> Kernel {
        self.kernel
    }

    /// Same contract as the free function [`encode`](crate::encode).
    pub fn encode(&self, old: &[u8], new: &[u8], out: &mut [u8]) -> Result<usize, EncodeError> {
        check_pages(old, new)?;
        match self.kernel {
            Kernel::Scalar => crate::scalar::encode(old, new, out),
        }
    }
}

/// The argument checks every kernel shares.
#[inline(always)]
pub(crate) fn check_pages(old: &[u8], new: &[u8]) -> Result<(), EncodeError> {
    if old.len() != new.len() {
        return Err(EncodeError::LengthMismatch {
            old: old.len(),
            new: new.len(),
        });
    }
    if new.len() > crate::MAX_PAGE_SIZE {
        return Err(EncodeError::PageTooLarge { len: new.len() });
    }
    Ok(())
}
