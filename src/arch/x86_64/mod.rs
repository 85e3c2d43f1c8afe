//! x86-64 kernels: SSE2 (baseline of the architecture), AVX2, AVX-512BW.

mod avx2;
#[cfg(xbzrle_avx512)]
mod avx512;
mod sse2;

pub(crate) use avx2::Avx2;
#[cfg(xbzrle_avx512)]
pub(crate) use avx512::Avx512;
pub(crate) use sse2::Sse2;

cpufeatures::new!(cpuid_avx2, "avx2", "bmi1", "bmi2");
#[cfg(xbzrle_avx512)]
cpufeatures::new!(cpuid_avx512, "avx512f", "avx512bw", "avx2", "bmi1", "bmi2");
