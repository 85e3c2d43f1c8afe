//! x86-64 kernels: SSE2 (baseline of the architecture), AVX2, AVX-512BW.

mod avx2;
mod avx512;
mod sse2;

pub(crate) use avx2::Avx2;
pub(crate) use avx512::Avx512;
pub(crate) use sse2::Sse2;

cpufeatures::new!(cpuid_avx2, "avx2", "bmi1", "bmi2", "popcnt");
cpufeatures::new!(
    cpuid_avx512,
    "avx512f",
    "avx512bw",
    "avx2",
    "bmi1",
    "bmi2",
    "popcnt"
);
// The AVX-512 generations that do not down-clock on 512-bit integer code (Ice Lake and
// later, Zen 4 and later) are the ones with VBMI2; dispatch prefers AVX-512 only there.
cpufeatures::new!(cpuid_avx512_vbmi2, "avx512f", "avx512bw", "avx512vbmi2");

/// Whether this CPU is of an AVX-512 generation that dispatch prefers over AVX2.
pub(crate) fn prefers_avx512() -> bool {
    cpuid_avx512_vbmi2::get()
}
