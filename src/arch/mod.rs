//! The SIMD kernels: one generic algorithm ([`generic`]) and, per instruction set, the
//! few primitives it needs plus a thin `#[target_feature]` wrapper that instantiates it.
//!
//! Every kernel type can only be constructed when the CPU supports it (`new()` returns
//! `None` otherwise), so its safe `encode` method can never run an unsupported instruction.

pub(crate) mod generic;
pub(crate) mod portable;

#[cfg(target_arch = "x86_64")]
pub(crate) mod x86_64;

#[cfg(target_arch = "aarch64")]
pub(crate) mod aarch64;
