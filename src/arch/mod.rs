//! The SIMD kernels: one generic algorithm ([`generic`]) and, per instruction set, the
//! few primitives it needs plus a thin `#[target_feature]` wrapper that instantiates it.
//!
//! Every kernel type can only be constructed when the CPU supports it (`new()` returns
//! `None` otherwise), so its safe `encode` method can never run an unsupported instruction.

pub(crate) mod generic;
#[cfg(any(test, feature = "unstable"))]
pub(crate) mod portable;
pub(crate) mod scalar;

#[cfg(target_arch = "x86_64")]
pub(crate) mod x86_64;

#[cfg(target_arch = "aarch64")]
pub(crate) mod aarch64;

/// Declares a kernel type and its one `#[target_feature]` instantiation of
/// [`generic::encode`].
///
/// The type is a zero-sized value that can only be built by `new()`, after `$detected`
/// (the CPU check for every feature in `$features`) returned `true`, or by the `unsafe`
/// `new_unchecked()`, whose caller vouches that such a check passed in this process.
/// That is the whole safety argument of the generated safe `encode`: holding a value
/// proves the CPU runs every instruction `$wrapper` was compiled with. Each ISA file
/// then holds only its [`generic::Simd`] primitives.
macro_rules! kernel_type {
    (
        $(#[$doc:meta])*
        $name:ident {
            features: $features:literal,
            detected: $detected:expr,
            wrapper: $wrapper:ident $(,)?
        }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) struct $name(());

        impl $name {
            #[doc = concat!("The kernel, when this CPU has ", $features, ".")]
            #[inline]
            pub(crate) fn new() -> Option<Self> {
                if $detected {
                    Some($name(()))
                } else {
                    None
                }
            }

            /// The kernel without the CPU check, for the dispatch cache.
            ///
            /// # Safety
            /// [`new`](Self::new) must have returned `Some` earlier in this process (CPU
            /// features do not change while a process runs).
            #[inline(always)]
            pub(crate) unsafe fn new_unchecked() -> Self {
                $name(())
            }

            /// Canonical encoding (same contract as `crate::arch::scalar::encode`).
            #[inline]
            pub(crate) fn encode(
                self,
                old: &[u8],
                new: &[u8],
                out: &mut [u8],
            ) -> Result<usize, $crate::error::EncodeError> {
                // SAFETY: a value of this type exists only after the CPU check for every
                // feature the wrapper enables passed (`new`, or `new_unchecked`'s caller).
                unsafe { $wrapper(self, old, new, out) }
            }
        }

        #[doc = concat!("[`generic::encode`](crate::arch::generic::encode) compiled for ", $features, ".")]
        ///
        /// # Safety
        /// The CPU must support every feature named above.
        #[target_feature(enable = $features)]
        unsafe fn $wrapper(
            kernel: $name,
            old: &[u8],
            new: &[u8],
            out: &mut [u8],
        ) -> Result<usize, $crate::error::EncodeError> {
            $crate::arch::generic::encode(kernel, old, new, out)
        }
    };
}
pub(crate) use kernel_type;
