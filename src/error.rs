//! Error types of the codec.

use core::fmt;

/// Why [`encode`](crate::encode) could not produce a payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EncodeError {
    /// The canonical encoding does not fit in `out`, or needs a run longer than
    /// [`MAX_RUN`](crate::MAX_RUN) bytes (only possible when all 16384 bytes of a page
    /// changed). The caller sends the page raw instead. The contents of `out` are
    /// unspecified.
    Overflow,
    /// `old` and `new` differ in length.
    LengthMismatch {
        /// Length of the old page.
        old: usize,
        /// Length of the new page.
        new: usize,
    },
    /// The page is longer than [`MAX_PAGE_SIZE`](crate::MAX_PAGE_SIZE): the format cannot
    /// express every delta of such a page. Split it into chunks of at most 16 KiB.
    PageTooLarge {
        /// Length of the page that was given.
        len: usize,
    },
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            EncodeError::Overflow => {
                f.write_str("encoding overflow: the delta does not fit in the output buffer")
            }
            EncodeError::LengthMismatch { old, new } => write!(
                f,
                "page length mismatch: old page is {old} bytes, new page is {new} bytes"
            ),
            EncodeError::PageTooLarge { len } => write!(
                f,
                "page of {len} bytes is larger than the XBZRLE maximum of {} bytes",
                crate::MAX_PAGE_SIZE
            ),
        }
    }
}

impl core::error::Error for EncodeError {}

/// What was wrong with a delta that [`decode`](crate::decode) refused.
///
/// The kinds follow the checks of the decoding table in the crate's specification
/// (QEMU's `xbzrle_decode_buffer`), which refuses exactly the same inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DecodeErrorKind {
    /// The delta ends in the middle of a pair: fewer than two bytes where a run length
    /// (and at least one more byte) must follow, or fewer literal bytes than announced.
    Truncated,
    /// A two-byte length whose second byte has its high bit set (more than 14 bits).
    BadLength,
    /// A zero-length unchanged run anywhere but in the first pair of the delta.
    EmptyZeroRun,
    /// A zero-length changed (literal) run (also when that length is the last byte of the
    /// delta, where a literal would have to follow).
    EmptyLiteralRun,
    /// A run reaches past the end of the page.
    PastPageEnd,
}

impl DecodeErrorKind {
    /// A short lower-case description, as used in [`DecodeError`]'s `Display`.
    pub fn as_str(self) -> &'static str {
        match self {
            DecodeErrorKind::Truncated => "truncated delta",
            DecodeErrorKind::BadLength => "invalid run length",
            DecodeErrorKind::EmptyZeroRun => "empty unchanged run after the first pair",
            DecodeErrorKind::EmptyLiteralRun => "empty literal run",
            DecodeErrorKind::PastPageEnd => "run reaches past the end of the page",
        }
    }
}

impl fmt::Display for DecodeErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A delta that [`decode`](crate::decode) refused, with where and why.
///
/// The page was left untouched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DecodeError {
    pub(crate) offset: usize,
    pub(crate) kind: DecodeErrorKind,
}

impl DecodeError {
    /// Builds an error (useful for implementations of the same contract, and tests).
    pub const fn new(kind: DecodeErrorKind, offset: usize) -> DecodeError {
        DecodeError { offset, kind }
    }

    /// Why the delta was refused.
    pub fn kind(&self) -> DecodeErrorKind {
        self.kind
    }

    /// Offset in the delta of the field that was refused: the first byte of the run
    /// length that is invalid, empty, too long for the page or not followed by enough
    /// bytes.
    pub fn offset(&self) -> usize {
        self.offset
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid XBZRLE delta at byte {}: {}",
            self.offset, self.kind
        )
    }
}

impl core::error::Error for DecodeError {}

/// [`Encoder::with_kernel`](crate::Encoder::with_kernel) was asked for a kernel this CPU
/// (or this build's target architecture) cannot run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KernelUnavailable {
    pub(crate) kernel: crate::Kernel,
}

impl KernelUnavailable {
    /// The kernel that was asked for.
    pub fn kernel(&self) -> crate::Kernel {
        self.kernel
    }
}

impl fmt::Display for KernelUnavailable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the {} kernel is not available on this CPU",
            self.kernel.name()
        )
    }
}

impl core::error::Error for KernelUnavailable {}
