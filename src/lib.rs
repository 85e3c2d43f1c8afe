//! # xbzrle
//!
//! A fast, byte-exact implementation of XBZRLE, the page-delta encoding of QEMU's live
//! migration ("XOR-based zero run-length encoding").
//!
//! * [`encode`] produces the *canonical* encoding, which is byte for byte what QEMU's
//!   encoders produce whenever they succeed.
//! * [`decode`] accepts and refuses exactly what QEMU's decoder does, returns QEMU's
//!   value, never panics, and is atomic: a refused delta leaves the page untouched.
//! * Neither allocates. The crate is `#![no_std]` without its default `std` feature.
//!
//! ## Format
//!
//! A payload is a sequence of pairs `zrun nzrun`: the length of a run of unchanged bytes
//! to skip, then the length of a run of changed bytes followed by those bytes (their NEW
//! values, verbatim). Lengths are ULEB128 of at most two bytes (0..=16383). The trailing
//! unchanged run is not written; identical pages encode to nothing.
//!
//! ## Example
//! ```
//! let old = vec![0u8; 4096];
//! let mut new = old.clone();
//! new[100] = 1;
//! new[102] = 1;
//!
//! let mut delta = [0u8; 4096];
//! let len = xbzrle::encode(&old, &new, &mut delta)?;
//! assert_eq!(&delta[..len], &[0x64, 0x01, 0x01, 0x01, 0x01, 0x01]);
//!
//! let mut page = old.clone();
//! let end = xbzrle::decode(&delta[..len], &mut page)?;
//! assert_eq!(page, new);
//! assert_eq!(end, 103); // QEMU's return value: just past the last changed byte
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## What else is here
//! * [`Kernel`] and [`Encoder`]: the encoder kernels (scalar reference, SSE2, AVX2,
//!   AVX-512BW, NEON), chosen once per process by CPU feature detection, or forced.
//! * [`validate`]: what [`decode`] would return, without touching a page.
//! * `cache` and `migrate` (feature `std`): QEMU's XBZRLE page cache and the sender
//!   and receiver sides of a migration, with QEMU's counters.
//! * `parallel` (feature `std`): parallel RAM migration over any number of
//!   connections through one shared, thread-safe cache, on the engine's own threads.
//! * `qemu_stream` (feature `std`): a reader for the RAM part of a real QEMU
//!   migration stream, rebuilding the guest's RAM blocks.
//!
//! ## Documented choices
//! * Where QEMU's scalar encoder would report overflow although the canonical encoding
//!   fits (`dlen - 1` or `dlen` bytes, page ending unchanged), this crate succeeds.
//! * The encoder never writes outside `out`; bytes of `out` past the returned length may
//!   have been written and carry no meaning.
//! * No alignment requirement; runs that cannot be expressed give
//!   [`EncodeError::Overflow`] instead of aborting.
#![cfg_attr(not(feature = "std"), no_std)]
// docs.rs (`--cfg docsrs`, nightly): label feature- and target-gated items in the docs
// (`doc_cfg` includes the automatic labels that `doc_auto_cfg` used to give).
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]
#![warn(clippy::undocumented_unsafe_blocks)]

mod arch;
#[cfg(feature = "std")]
pub mod cache;
mod decode;
mod error;
mod kernel;
#[cfg(feature = "std")]
pub mod migrate;
#[cfg(feature = "std")]
pub mod parallel;
#[cfg(feature = "std")]
pub mod qemu_stream;
mod uleb;
mod zero;

pub use decode::{decode, validate};
pub use error::{DecodeError, DecodeErrorKind, EncodeError, KernelUnavailable};
pub use kernel::{Encoder, Kernel, KERNEL_ENV};
pub use zero::is_zero_page;

/// Hooks for this workspace's own tests, benchmarks and fuzzers (feature `unstable`).
///
/// **Not part of the supported API**: no semantic-versioning promise covers this module,
/// and production code should not enable the feature. It exists so that the test suite
/// can compare the generic SIMD algorithm at 64-byte width on any CPU, and so that the
/// benchmark can measure what the atomic decoder's validation pass costs.
#[cfg(feature = "unstable")]
pub mod unstable {
    use crate::{DecodeError, EncodeError};

    /// The generic SIMD algorithm instantiated with a portable 64-byte software vector
    /// (the AVX-512 width, on any CPU). Same contract as [`encode`](crate::encode).
    ///
    /// ```
    /// let old = [0u8; 4096];
    /// let mut new = old;
    /// new[7] = 1;
    /// let mut out = [0u8; 16];
    /// let len = xbzrle::unstable::encode_portable64(&old, &new, &mut out)?;
    /// assert_eq!(&out[..len], &[7, 1, 1]);
    /// # Ok::<(), xbzrle::EncodeError>(())
    /// ```
    pub fn encode_portable64(old: &[u8], new: &[u8], out: &mut [u8]) -> Result<usize, EncodeError> {
        crate::arch::portable::encode(old, new, out)
    }

    /// The single-pass decoder without the up-front validation: it writes runs as it
    /// reads them, as QEMU's does, so a refused delta may leave the page half-written.
    /// Same return values as [`decode`](crate::decode); kept to measure what atomicity
    /// costs.
    ///
    /// ```
    /// let mut page = [0u8; 8];
    /// assert_eq!(xbzrle::unstable::decode_non_atomic(&[2, 1, 9], &mut page)?, 3);
    /// assert_eq!(page, [0, 0, 9, 0, 0, 0, 0, 0]);
    /// # Ok::<(), xbzrle::DecodeError>(())
    /// ```
    pub fn decode_non_atomic(delta: &[u8], page: &mut [u8]) -> Result<usize, DecodeError> {
        crate::kernel::decode_non_atomic(delta, page)
    }

    /// [`decode`](crate::decode) compiled for the baseline instruction set, whatever this
    /// CPU could run instead, so that tests and fuzzers on a wide CPU check the copy of
    /// the decoder that narrower CPUs run. Same contract as `decode`.
    ///
    /// ```
    /// let mut page = [0u8; 8];
    /// assert_eq!(xbzrle::unstable::decode_baseline(&[2, 1, 9], &mut page)?, 3);
    /// assert_eq!(page, [0, 0, 9, 0, 0, 0, 0, 0]);
    /// # Ok::<(), xbzrle::DecodeError>(())
    /// ```
    pub fn decode_baseline(delta: &[u8], page: &mut [u8]) -> Result<usize, DecodeError> {
        crate::decode::decode_baseline(delta, page)
    }
}

/// Largest page the encoder accepts: 16 KiB. Larger pages must be split.
pub const MAX_PAGE_SIZE: usize = 16384;

/// Longest run one length field can express: 16383 bytes.
pub const MAX_RUN: usize = uleb::MAX_LEN;

/// Encodes `new` as a delta against `old` into `out`, with the fastest kernel of this CPU.
///
/// Returns `Ok(L)` with the canonical encoding in `out[..L]` (`Ok(0)`, nothing written,
/// for identical pages). Bytes of `out` past `L` may have been written and carry no
/// meaning. Errors:
/// * [`EncodeError::Overflow`] when the encoding is longer than `out.len()` (or needs a
///   run longer than [`MAX_RUN`]): send the page raw instead;
/// * [`EncodeError::LengthMismatch`] when `old.len() != new.len()`;
/// * [`EncodeError::PageTooLarge`] when the pages are longer than [`MAX_PAGE_SIZE`].
///
/// # Example
/// ```
/// let old = [0u8; 4096];
/// let mut new = old;
/// new[4095] = 1;
/// let mut out = [0u8; 4];
/// assert_eq!(xbzrle::encode(&old, &new, &mut out), Ok(4));
/// assert_eq!(out, [0xff, 0x1f, 0x01, 0x01]);
/// // one byte short: overflow, send the page raw
/// assert_eq!(xbzrle::encode(&old, &new, &mut out[..3]), Err(xbzrle::EncodeError::Overflow));
/// ```
#[inline]
pub fn encode(old: &[u8], new: &[u8], out: &mut [u8]) -> Result<usize, EncodeError> {
    Encoder::new().encode(old, new, out)
}

/// The README's examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

/// The examples of `docs/kernels.md`, run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../docs/kernels.md")]
pub struct KernelsDocDoctests;

/// The examples of `docs/migration.md`, run as doc tests.
#[cfg(all(doctest, feature = "std"))]
#[doc = include_str!("../docs/migration.md")]
pub struct MigrationDocDoctests;

/// The examples of `docs/parallel-migration.md`, run as doc tests.
#[cfg(all(doctest, feature = "std"))]
#[doc = include_str!("../docs/parallel-migration.md")]
pub struct ParallelMigrationDocDoctests;
