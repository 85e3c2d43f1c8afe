//! Kernels and run-time dispatch: which encoder implementation runs, chosen once.
//!
//! This is the only place that knows which kernels exist. CPU features are detected once
//! (with `cpufeatures`, which caches its CPUID result) and the choice of
//! [`Kernel::best`] is cached in an atomic, so the free [`encode`](crate::encode) costs
//! one relaxed load and a `match` per call: the cached value is turned back into a
//! kernel without re-running the CPU check. An [`Encoder`] holds the resolved kernel.

use core::sync::atomic::{AtomicU8, Ordering};

use crate::error::{EncodeError, KernelUnavailable};

/// An encoder implementation. Every kernel produces exactly the same result (the
/// canonical encoding) for the same input; they differ only in speed.
///
/// Every variant exists on every target, so code naming one compiles everywhere;
/// [`is_available`](Kernel::is_available) says whether this CPU (and this build) can run
/// it, and [`Encoder::with_kernel`] refuses the ones that cannot run.
///
/// # Example
/// ```
/// for k in xbzrle::Kernel::available() {
///     println!("{} can run here", k.name());
/// }
/// assert!(xbzrle::Kernel::Scalar.is_available());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Kernel {
    /// Portable reference: eight bytes at a time in `u64` words.
    Scalar,
    /// x86-64 SSE2: 16-byte lanes (every x86-64 CPU has it).
    Sse2,
    /// x86-64 AVX2 (with BMI1/BMI2 and POPCNT): 32-byte lanes.
    Avx2,
    /// x86-64 AVX-512BW: 64-byte lanes compared into mask registers. Dispatch prefers it
    /// over AVX2 on CPUs that also have VBMI2 (the generations that do not down-clock on
    /// 512-bit integer code: Ice Lake and later, Zen 4 and later).
    Avx512,
    /// AArch64 NEON: 16-byte lanes.
    Neon,
}

impl Kernel {
    /// Every kernel this crate knows, available here or not: the scalar reference, then
    /// the x86-64 kernels from narrowest to widest, then NEON.
    pub const ALL: &'static [Kernel] = &[
        Kernel::Scalar,
        Kernel::Sse2,
        Kernel::Avx2,
        Kernel::Avx512,
        Kernel::Neon,
    ];

    /// A short lower-case name: `"scalar"`, `"sse2"`, `"avx2"`, `"avx512"`, `"neon"`.
    pub fn name(self) -> &'static str {
        match self {
            Kernel::Scalar => "scalar",
            Kernel::Sse2 => "sse2",
            Kernel::Avx2 => "avx2",
            Kernel::Avx512 => "avx512",
            Kernel::Neon => "neon",
        }
    }

    /// Looks a kernel up by its [`name`](Kernel::name).
    ///
    /// ```
    /// assert_eq!(xbzrle::Kernel::from_name("avx2"), Some(xbzrle::Kernel::Avx2));
    /// assert_eq!(xbzrle::Kernel::from_name("mmx"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Kernel> {
        Kernel::ALL.iter().copied().find(|k| k.name() == name)
    }

    /// Whether this CPU (and this build's target) can run the kernel.
    pub fn is_available(self) -> bool {
        Imp::of(self).is_some()
    }

    /// The kernels this CPU can run, in the order of [`ALL`](Kernel::ALL).
    pub fn available() -> impl Iterator<Item = Kernel> {
        Kernel::ALL.iter().copied().filter(|k| k.is_available())
    }

    /// The kernel [`Encoder::new`] and [`encode`](crate::encode) use on this CPU,
    /// chosen once and cached.
    ///
    /// Policy: on x86-64, AVX-512 where the CPU has AVX-512BW with VBMI2 (the generations
    /// that do not down-clock on it: Ice Lake and later, Zen 4 and later; measured 3–13 %
    /// faster than AVX2 there), else AVX2, else SSE2; NEON on AArch64; else scalar.
    ///
    /// An operator can force the choice without recompiling: with the `std` feature, the
    /// environment variable [`KERNEL_ENV`] (`XBZRLE_KERNEL`) set to a kernel's
    /// [`name`](Kernel::name) is read once, by the first call that needs the choice, and
    /// wins when that kernel can run here; any other value is ignored.
    pub fn best() -> Kernel {
        best_imp().kernel()
    }
}

impl core::fmt::Display for Kernel {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

/// A resolved kernel: holding one of the CPU-specific values is the proof that the CPU
/// can run it (they can only be constructed after a successful feature check).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Imp {
    Scalar,
    #[cfg(target_arch = "x86_64")]
    Sse2(crate::arch::x86_64::Sse2),
    #[cfg(target_arch = "x86_64")]
    Avx2(crate::arch::x86_64::Avx2),
    #[cfg(target_arch = "x86_64")]
    Avx512(crate::arch::x86_64::Avx512),
    #[cfg(target_arch = "aarch64")]
    Neon(crate::arch::aarch64::Neon),
}

impl Imp {
    /// The runnable form of `k`, when this CPU can run it.
    fn of(k: Kernel) -> Option<Imp> {
        match k {
            Kernel::Scalar => Some(Imp::Scalar),
            #[cfg(target_arch = "x86_64")]
            Kernel::Sse2 => crate::arch::x86_64::Sse2::new().map(Imp::Sse2),
            #[cfg(target_arch = "x86_64")]
            Kernel::Avx2 => crate::arch::x86_64::Avx2::new().map(Imp::Avx2),
            #[cfg(target_arch = "x86_64")]
            Kernel::Avx512 => crate::arch::x86_64::Avx512::new().map(Imp::Avx512),
            #[cfg(target_arch = "aarch64")]
            Kernel::Neon => crate::arch::aarch64::Neon::new().map(Imp::Neon),
            #[allow(unreachable_patterns)]
            _ => None,
        }
    }

    /// The runnable form of `k` without the CPU check (the dispatch cache's fast path).
    ///
    /// # Safety
    /// `Imp::of(k)` must have returned `Some` earlier in this process.
    #[inline(always)]
    unsafe fn of_unchecked(k: Kernel) -> Imp {
        match k {
            #[cfg(target_arch = "x86_64")]
            Kernel::Sse2 => {
                // SAFETY: the caller guarantees the SSE2 check passed.
                Imp::Sse2(unsafe { crate::arch::x86_64::Sse2::new_unchecked() })
            }
            #[cfg(target_arch = "x86_64")]
            Kernel::Avx2 => {
                // SAFETY: the caller guarantees the AVX2 check passed.
                Imp::Avx2(unsafe { crate::arch::x86_64::Avx2::new_unchecked() })
            }
            #[cfg(target_arch = "x86_64")]
            Kernel::Avx512 => {
                // SAFETY: the caller guarantees the AVX-512 check passed.
                Imp::Avx512(unsafe { crate::arch::x86_64::Avx512::new_unchecked() })
            }
            #[cfg(target_arch = "aarch64")]
            Kernel::Neon => {
                // SAFETY: the caller guarantees the NEON check passed.
                Imp::Neon(unsafe { crate::arch::aarch64::Neon::new_unchecked() })
            }
            // the scalar kernel, and kernels this build does not have (never cached)
            _ => Imp::Scalar,
        }
    }

    fn kernel(self) -> Kernel {
        match self {
            Imp::Scalar => Kernel::Scalar,
            #[cfg(target_arch = "x86_64")]
            Imp::Sse2(_) => Kernel::Sse2,
            #[cfg(target_arch = "x86_64")]
            Imp::Avx2(_) => Kernel::Avx2,
            #[cfg(target_arch = "x86_64")]
            Imp::Avx512(_) => Kernel::Avx512,
            #[cfg(target_arch = "aarch64")]
            Imp::Neon(_) => Kernel::Neon,
        }
    }

    /// Runs the kernel (pages already checked by `check_pages`).
    #[inline(always)]
    fn encode(self, old: &[u8], new: &[u8], out: &mut [u8]) -> Result<usize, EncodeError> {
        match self {
            Imp::Scalar => crate::arch::scalar::encode(old, new, out),
            #[cfg(target_arch = "x86_64")]
            Imp::Sse2(k) => k.encode(old, new, out),
            #[cfg(target_arch = "x86_64")]
            Imp::Avx2(k) => k.encode(old, new, out),
            #[cfg(target_arch = "x86_64")]
            Imp::Avx512(k) => k.encode(old, new, out),
            #[cfg(target_arch = "aarch64")]
            Imp::Neon(k) => k.encode(old, new, out),
        }
    }
}

/// The automatic choice on a CPU of an AVX-512 generation that does not down-clock
/// (AVX-512BW with VBMI2: Ice Lake and later, Zen 4 and later), best first.
const PREFERENCE_AVX512: &[Kernel] = &[
    Kernel::Avx512,
    Kernel::Avx2,
    Kernel::Sse2,
    Kernel::Neon,
    Kernel::Scalar,
];

/// The automatic choice everywhere else, best first (see [`Kernel::best`]).
const PREFERENCE: &[Kernel] = &[Kernel::Avx2, Kernel::Sse2, Kernel::Neon, Kernel::Scalar];

/// The environment variable an operator sets to force the dispatched kernel (read once,
/// by the first call that needs the choice; `std` builds only).
pub const KERNEL_ENV: &str = "XBZRLE_KERNEL";

/// The preference order for a CPU that does (`true`) or does not have the AVX-512
/// features dispatch prefers.
fn preference(avx512_preferred: bool) -> &'static [Kernel] {
    if avx512_preferred {
        PREFERENCE_AVX512
    } else {
        PREFERENCE
    }
}

/// Whether this CPU is one where dispatch prefers AVX-512 over AVX2.
fn cpu_prefers_avx512() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        crate::arch::x86_64::prefers_avx512()
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// The kernel named by [`KERNEL_ENV`], when it is set to a kernel's name.
#[cfg(feature = "std")]
fn forced_kernel() -> Option<Kernel> {
    let name = std::env::var(KERNEL_ENV).ok()?;
    Kernel::from_name(name.trim())
}

#[cfg(not(feature = "std"))]
fn forced_kernel() -> Option<Kernel> {
    None
}

/// The cached choice: an index into [`Kernel::ALL`] plus one; 0 = not chosen yet. Only
/// [`choose_best`] stores into it, and only kernels that passed their CPU check.
static BEST: AtomicU8 = AtomicU8::new(0);

#[inline]
fn best_imp() -> Imp {
    match BEST.load(Ordering::Relaxed) {
        0 => choose_best(),
        // SAFETY: `BEST` holds only kernels whose `Imp::of` returned `Some` in this
        // process (`choose_best`), and CPU features do not change while it runs.
        i => unsafe { Imp::of_unchecked(Kernel::ALL[usize::from(i - 1)]) },
    }
}

/// Resolves the choice once: the forced kernel when it is set and can run here, else the
/// first runnable kernel of this CPU's preference order. Threads racing here all compute
/// the same value.
#[cold]
fn choose_best() -> Imp {
    let imp = forced_kernel()
        .and_then(Imp::of)
        .or_else(|| {
            preference(cpu_prefers_avx512())
                .iter()
                .find_map(|&k| Imp::of(k))
        })
        .unwrap_or(Imp::Scalar);
    let index = Kernel::ALL
        .iter()
        .position(|&k| k == imp.kernel())
        .expect("every kernel is in Kernel::ALL");
    BEST.store(index as u8 + 1, Ordering::Relaxed);
    imp
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
///
/// // a kernel this CPU (or target) cannot run is refused, never run
/// for k in Kernel::ALL {
///     assert_eq!(Encoder::with_kernel(*k).is_ok(), k.is_available());
/// }
/// # Ok::<(), xbzrle::KernelUnavailable>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Encoder {
    imp: Imp,
}

impl Default for Encoder {
    fn default() -> Self {
        Encoder::new()
    }
}

impl Encoder {
    /// An encoder with the fastest kernel for this CPU ([`Kernel::best`]).
    pub fn new() -> Encoder {
        Encoder { imp: best_imp() }
    }

    /// An encoder with the given kernel, or an error when this CPU cannot run it.
    pub fn with_kernel(kernel: Kernel) -> Result<Encoder, KernelUnavailable> {
        match Imp::of(kernel) {
            Some(imp) => Ok(Encoder { imp }),
            None => Err(KernelUnavailable { kernel }),
        }
    }

    /// The kernel this encoder runs.
    pub fn kernel(&self) -> Kernel {
        self.imp.kernel()
    }

    /// Same contract as the free function [`encode`](crate::encode).
    #[inline]
    pub fn encode(&self, old: &[u8], new: &[u8], out: &mut [u8]) -> Result<usize, EncodeError> {
        check_pages(old, new)?;
        self.imp.encode(old, new, out)
    }
}

/// The zero-page check of this CPU: the same loop compiled for AVX2 (a compiler clone,
/// ~2x faster on cache-resident pages than the SSE2 baseline) where AVX2 runs, else the
/// baseline loop. The AVX2 check is `cpufeatures`' cached load and compare.
#[inline]
pub(crate) fn is_zero_page(page: &[u8]) -> bool {
    #[cfg(target_arch = "x86_64")]
    if let Some(k) = crate::arch::x86_64::Avx2::new() {
        return k.is_zero_page(page);
    }
    crate::zero::zero_page_body(page)
}

/// The decoder of this CPU: [`crate::decode`]'s one algorithm compiled for AVX2 where
/// AVX2 runs (its fixed-size literal copies become single 32-byte moves), else for the
/// baseline. Chosen like [`is_zero_page`]'s loop, by `cpufeatures`' cached check; both
/// copies are out of line, so that this choice is only a check and a jump (a sparse page
/// decodes in about 20 ns).
#[inline]
pub(crate) fn decode(delta: &[u8], page: &mut [u8]) -> Result<usize, crate::DecodeError> {
    #[cfg(target_arch = "x86_64")]
    if let Some(k) = crate::arch::x86_64::Avx2::new() {
        return k.decode(delta, page);
    }
    crate::decode::decode_baseline(delta, page)
}

/// The single-pass decoder (measurements only), compiled and chosen like [`decode`].
#[cfg(feature = "unstable")]
#[inline]
pub(crate) fn decode_non_atomic(
    delta: &[u8],
    page: &mut [u8],
) -> Result<usize, crate::DecodeError> {
    #[cfg(target_arch = "x86_64")]
    if let Some(k) = crate::arch::x86_64::Avx2::new() {
        return k.decode_non_atomic(delta, page);
    }
    crate::decode::decode_non_atomic_body(crate::decode::baseline_copy(), delta, page)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preference_orders_start_with_the_widest_preferred_kernel() {
        assert_eq!(preference(true)[0], Kernel::Avx512);
        assert_eq!(preference(false)[0], Kernel::Avx2);
        assert!(!preference(false).contains(&Kernel::Avx512));
        for order in [preference(true), preference(false)] {
            assert_eq!(order.last(), Some(&Kernel::Scalar));
        }
    }

    #[test]
    fn cached_choice_is_the_checked_choice() {
        let first = best_imp();
        let cached = best_imp();
        assert_eq!(first, cached);
        assert_eq!(Imp::of(first.kernel()), Some(first));
        if cpu_prefers_avx512() && forced_kernel().is_none() {
            assert_eq!(first.kernel(), Kernel::Avx512);
        }
    }
}
