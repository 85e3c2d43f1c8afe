//! aarch64 kernels: NEON (part of the AArch64 base architecture).

mod neon;

pub(crate) use neon::Neon;
