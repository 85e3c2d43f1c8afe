//! # libxbzrle: the C ABI of the `xbzrle` crate
//!
//! This crate builds `libxbzrle.so` (soname `libxbzrle.so.0`) and `libxbzrle.a`; the
//! header is `capi/include/xbzrle.h` and the full documentation `docs/c-api.md`. It has
//! two parts:
//!
//! * **QEMU-compatible entry points**, [`xbzrle_encode_buffer`] and
//!   [`xbzrle_decode_buffer`], with the exact prototypes of QEMU's `migration/xbzrle.h`,
//!   so that a QEMU build can link this library instead of compiling `migration/xbzrle.c`.
//!   No other symbol of QEMU's is defined here.
//! * **A native API** for new code: `size_t` lengths, an [`XbzrleStatus`] per error kind
//!   of the Rust API (with the delta offset of a refused field), validation, kernel
//!   listing and choice, version query, [`xbzrle_strerror`].
//!
//! Rules every entry point follows:
//! * A null pointer with a length of 0 is an empty buffer; a null pointer with a non-zero
//!   length is an error ([`XbzrleStatus::NullPointer`], or -1 for the QEMU entry points),
//!   never a dereference.
//! * Input buffers may alias each other (`old == new` is fine); an output buffer that
//!   overlaps an input is refused ([`XbzrleStatus::Overlap`], or -1) before any slice is
//!   built over it.
//! * No panic crosses the boundary: every body runs inside [`std::panic::catch_unwind`]
//!   and a caught panic (which the codec never raises) becomes
//!   [`XbzrleStatus::Internal`] (or -1).
#![deny(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]
#![warn(clippy::undocumented_unsafe_blocks)]
#![warn(clippy::missing_safety_doc)]

use core::ffi::{c_char, c_int, c_uint, CStr};
use core::sync::atomic::{AtomicI32, Ordering};
use std::panic::{catch_unwind, AssertUnwindSafe};

use xbzrle_rs::{DecodeError, DecodeErrorKind, EncodeError, Encoder, Kernel, MAX_PAGE_SIZE};

/// The result of a native entry point (`xbzrle_status` in C).
///
/// One value per error kind of the Rust API ([`EncodeError`], [`DecodeErrorKind`]), plus
/// the argument errors that only a C caller can make. The values are part of the ABI and
/// never change; new values may be added at the end.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum XbzrleStatus {
    /// `XBZRLE_OK`: success.
    Ok = 0,
    /// `XBZRLE_ERR_OVERFLOW`: the encoding does not fit in the output buffer, or needs a
    /// run longer than 16383 bytes: send the page raw ([`EncodeError::Overflow`]).
    Overflow = 1,
    /// `XBZRLE_ERR_LENGTH_MISMATCH`: old and new page differ in length
    /// ([`EncodeError::LengthMismatch`]).
    LengthMismatch = 2,
    /// `XBZRLE_ERR_PAGE_TOO_LARGE`: the page is longer than 16384 bytes
    /// ([`EncodeError::PageTooLarge`]).
    PageTooLarge = 3,
    /// `XBZRLE_ERR_TRUNCATED`: the delta ends in the middle of a pair
    /// ([`DecodeErrorKind::Truncated`]).
    Truncated = 4,
    /// `XBZRLE_ERR_BAD_LENGTH`: an invalid two-byte length ([`DecodeErrorKind::BadLength`]).
    BadLength = 5,
    /// `XBZRLE_ERR_EMPTY_ZERO_RUN`: a zero-length unchanged run after the first pair
    /// ([`DecodeErrorKind::EmptyZeroRun`]).
    EmptyZeroRun = 6,
    /// `XBZRLE_ERR_EMPTY_LITERAL_RUN`: a zero-length changed run
    /// ([`DecodeErrorKind::EmptyLiteralRun`]).
    EmptyLiteralRun = 7,
    /// `XBZRLE_ERR_PAST_PAGE_END`: a run reaches past the end of the page
    /// ([`DecodeErrorKind::PastPageEnd`]).
    PastPageEnd = 8,
    /// `XBZRLE_ERR_NULL_POINTER`: a null pointer was given with a non-zero length.
    NullPointer = 9,
    /// `XBZRLE_ERR_OVERLAP`: the output buffer overlaps an input buffer.
    Overlap = 10,
    /// `XBZRLE_ERR_INVALID_ARGUMENT`: an unknown kernel id, or a length no buffer can have
    /// (more than `PTRDIFF_MAX`, or wrapping around the address space).
    InvalidArgument = 11,
    /// `XBZRLE_ERR_KERNEL_UNAVAILABLE`: this CPU (or build) cannot run the kernel.
    KernelUnavailable = 12,
    /// `XBZRLE_ERR_INTERNAL`: a panic was caught at the boundary (a bug in the library;
    /// output buffers may have been written, a decoded page too).
    Internal = 13,
}

use XbzrleStatus as S;

impl From<EncodeError> for XbzrleStatus {
    fn from(e: EncodeError) -> Self {
        match e {
            EncodeError::Overflow => S::Overflow,
            EncodeError::LengthMismatch { .. } => S::LengthMismatch,
            EncodeError::PageTooLarge { .. } => S::PageTooLarge,
        }
    }
}

impl From<DecodeErrorKind> for XbzrleStatus {
    fn from(k: DecodeErrorKind) -> Self {
        match k {
            DecodeErrorKind::Truncated => S::Truncated,
            DecodeErrorKind::BadLength => S::BadLength,
            DecodeErrorKind::EmptyZeroRun => S::EmptyZeroRun,
            DecodeErrorKind::EmptyLiteralRun => S::EmptyLiteralRun,
            DecodeErrorKind::PastPageEnd => S::PastPageEnd,
        }
    }
}

/// Every status, in value order (for `xbzrle_strerror` and the tests).
const ALL_STATUSES: [XbzrleStatus; 14] = [
    S::Ok,
    S::Overflow,
    S::LengthMismatch,
    S::PageTooLarge,
    S::Truncated,
    S::BadLength,
    S::EmptyZeroRun,
    S::EmptyLiteralRun,
    S::PastPageEnd,
    S::NullPointer,
    S::Overlap,
    S::InvalidArgument,
    S::KernelUnavailable,
    S::Internal,
];

impl XbzrleStatus {
    /// The description `xbzrle_strerror` returns (NUL-terminated, static).
    fn message(self) -> &'static CStr {
        match self {
            S::Ok => c"success",
            S::Overflow => c"encoding overflow: the delta does not fit in the output buffer",
            S::LengthMismatch => c"page length mismatch: old and new page differ in length",
            S::PageTooLarge => c"page larger than the XBZRLE maximum of 16384 bytes",
            S::Truncated => c"truncated delta",
            S::BadLength => c"invalid run length",
            S::EmptyZeroRun => c"empty unchanged run after the first pair",
            S::EmptyLiteralRun => c"empty literal run",
            S::PastPageEnd => c"run reaches past the end of the page",
            S::NullPointer => c"null pointer with a non-zero length",
            S::Overlap => c"output buffer overlaps an input buffer",
            S::InvalidArgument => c"invalid argument",
            S::KernelUnavailable => c"kernel not available on this CPU",
            S::Internal => c"internal error (panic caught at the C boundary)",
        }
    }
}

// ---------------------------------------------------------------------------------------
// Boundary helpers

/// Runs `body`, turning a panic into `on_panic`: no unwinding ever leaves an entry point.
/// The panic payload is leaked rather than dropped, because its destructor could panic
/// again outside the `catch_unwind`.
#[inline(always)]
fn guard<T>(on_panic: T, body: impl FnOnce() -> T) -> T {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(v) => v,
        Err(payload) => {
            std::mem::forget(payload);
            on_panic
        }
    }
}

#[cfg(test)]
std::thread_local! {
    /// Test builds only: makes the next entry point called on this thread panic inside
    /// its guarded body, to show that the panic is turned into a status.
    static PANIC_NEXT: core::cell::Cell<bool> = const { core::cell::Cell::new(false) };
}

/// The first statement of every guarded body. Does nothing outside this crate's tests.
#[inline(always)]
fn test_hook() {
    #[cfg(test)]
    if PANIC_NEXT.with(|p| p.replace(false)) {
        panic!("panic injected by a test");
    }
}

/// Checks a (pointer, length) pair from C: null with a non-zero length, or a length no
/// buffer can have, is refused. Returns the start address (0 for an empty buffer).
#[inline(always)]
fn check_buffer(ptr: *const u8, len: usize) -> Result<usize, XbzrleStatus> {
    if len == 0 {
        return Ok(0);
    }
    if ptr.is_null() {
        return Err(S::NullPointer);
    }
    let start = ptr as usize;
    if len > isize::MAX as usize || start.checked_add(len).is_none() {
        return Err(S::InvalidArgument);
    }
    Ok(start)
}

/// Whether two checked buffers share at least one byte (empty buffers share none).
#[inline(always)]
fn overlaps(a: usize, a_len: usize, b: usize, b_len: usize) -> bool {
    a_len != 0 && b_len != 0 && a < b + b_len && b < a + a_len
}

/// A read-only slice over a buffer that passed [`check_buffer`].
///
/// # Safety
/// `len == 0`, or `ptr` is valid for reads of `len` bytes and those bytes are not written
/// by anyone while the slice is used (the caller's contract, documented in the header).
#[inline(always)]
unsafe fn input<'a>(ptr: *const u8, len: usize) -> &'a [u8] {
    if len == 0 {
        return &[];
    }
    // SAFETY: `check_buffer` refused null and lengths over isize::MAX or wrapping the
    // address space; the caller guarantees `len` readable, unchanging bytes at `ptr`
    // (`u8` has alignment 1).
    unsafe { core::slice::from_raw_parts(ptr, len) }
}

/// A writable slice over a buffer that passed [`check_buffer`] and overlaps no input.
///
/// # Safety
/// `len == 0`, or `ptr` is valid for reads and writes of `len` bytes, nothing else
/// accesses them while the slice is used, and no other slice of this call covers them.
#[inline(always)]
unsafe fn output<'a>(ptr: *mut u8, len: usize) -> &'a mut [u8] {
    if len == 0 {
        return &mut [];
    }
    // SAFETY: as for `input`; exclusivity is the caller's promise plus the overlap check
    // against this call's inputs.
    unsafe { core::slice::from_raw_parts_mut(ptr, len) }
}

/// Stores `value` through an optional out-parameter.
///
/// # Safety
/// `p` is null or valid for a write of one `usize` (any alignment).
#[inline(always)]
unsafe fn store(p: *mut usize, value: usize) {
    if !p.is_null() {
        // SAFETY: non-null, and the caller guarantees it is writable; an unaligned
        // write accepts any address.
        unsafe { p.write_unaligned(value) }
    }
}

// ---------------------------------------------------------------------------------------
// Kernels

/// `XBZRLE_KERNEL_AUTO`: [`xbzrle_set_kernel`] with this id returns to automatic choice.
pub const XBZRLE_KERNEL_AUTO: c_int = -1;

/// The kernel with C id `id` (`XBZRLE_KERNEL_SCALAR` = 0, `SSE2` = 1, `AVX2` = 2,
/// `AVX512` = 3, `NEON` = 4; fixed, part of the ABI).
fn kernel_from_id(id: c_int) -> Option<Kernel> {
    Some(match id {
        0 => Kernel::Scalar,
        1 => Kernel::Sse2,
        2 => Kernel::Avx2,
        3 => Kernel::Avx512,
        4 => Kernel::Neon,
        _ => return None,
    })
}

/// Number of kernel ids (they are `0 .. KERNEL_COUNT`).
const KERNEL_COUNT: usize = 5;

/// The C id of `k` (-1 for a kernel a newer crate might add before it gets an id).
fn kernel_id(k: Kernel) -> c_int {
    (0..KERNEL_COUNT as c_int)
        .find(|&id| kernel_from_id(id) == Some(k))
        .unwrap_or(-1)
}

/// The kernel forced by [`xbzrle_set_kernel`], as a C id, or [`XBZRLE_KERNEL_AUTO`].
/// Only ids of kernels that passed their CPU check are stored.
static FORCED: AtomicI32 = AtomicI32::new(XBZRLE_KERNEL_AUTO);

/// The encoder [`xbzrle_encode`] and [`xbzrle_encode_buffer`] use now.
#[inline(always)]
fn current_encoder() -> Encoder {
    match FORCED.load(Ordering::Relaxed) {
        XBZRLE_KERNEL_AUTO => Encoder::new(),
        id => kernel_from_id(id)
            .and_then(|k| Encoder::with_kernel(k).ok())
            .unwrap_or_default(),
    }
}

// ---------------------------------------------------------------------------------------
// QEMU-compatible entry points

/// QEMU's `xbzrle_encode_buffer`, same prototype: encodes `new_buf` against `old_buf`
/// (`slen` bytes each) into `dst` (`dlen` bytes).
///
/// Returns the encoded length, 0 when the pages are equal (nothing written), or -1 when
/// the encoding does not fit in `dlen` bytes or needs a run over 16383 bytes, when
/// `slen` or `dlen` is negative or `slen` exceeds 16384, when a pointer is null with a
/// non-zero length, or when `dst` overlaps an input. The bytes are QEMU's whenever QEMU
/// succeeds; unlike QEMU there is no false overflow, no write past `dst + dlen`, no
/// alignment or multiple-of-8 requirement and no abort. `old_buf == new_buf` works.
///
/// # Safety
/// `old_buf` and `new_buf` must be null or valid for reads of `slen` bytes that nobody
/// writes during the call; `dst` must be null or valid for writes of `dlen` bytes that
/// nobody else accesses during the call.
#[no_mangle]
pub unsafe extern "C" fn xbzrle_encode_buffer(
    old_buf: *mut u8,
    new_buf: *mut u8,
    slen: c_int,
    dst: *mut u8,
    dlen: c_int,
) -> c_int {
    guard(-1, || {
        test_hook();
        let (Ok(slen), Ok(dlen)) = (usize::try_from(slen), usize::try_from(dlen)) else {
            return -1;
        };
        if slen > MAX_PAGE_SIZE {
            return -1;
        }
        // SAFETY: forwarded from this function's contract (same buffers and lengths).
        match unsafe { encode_raw(current_encoder(), old_buf, slen, new_buf, slen, dst, dlen) } {
            // n <= dlen, which is a non-negative c_int
            Ok(n) => n as c_int,
            Err(_) => -1,
        }
    })
}

/// QEMU's `xbzrle_decode_buffer`, same prototype: applies the delta `src` (`slen` bytes)
/// to the page `dst` (`dlen` bytes, holding the old page).
///
/// Returns QEMU's value, the offset just past the last changed run (0 for an empty
/// delta), or -1 when QEMU refuses the delta, when `slen` or `dlen` is negative, when a
/// pointer is null with a non-zero length, or when `dst` overlaps `src`. Atomic: on -1,
/// `dst` is untouched.
///
/// # Safety
/// `src` must be null or valid for reads of `slen` bytes that nobody writes during the
/// call; `dst` must be null or valid for reads and writes of `dlen` bytes that nobody
/// else accesses during the call.
#[no_mangle]
pub unsafe extern "C" fn xbzrle_decode_buffer(
    src: *mut u8,
    slen: c_int,
    dst: *mut u8,
    dlen: c_int,
) -> c_int {
    guard(-1, || {
        test_hook();
        let (Ok(slen), Ok(dlen)) = (usize::try_from(slen), usize::try_from(dlen)) else {
            return -1;
        };
        // SAFETY: forwarded from this function's contract.
        match unsafe { decode_raw(src, slen, dst, dlen) } {
            // the end offset is at most dlen, a non-negative c_int
            Ok(end) => end as c_int,
            Err(_) => -1,
        }
    })
}

// ---------------------------------------------------------------------------------------
// Shared bodies

/// Checks the buffers and encodes.
///
/// # Safety
/// Each pointer is null or valid for its length (inputs readable and unchanging, `out`
/// writable and not accessed by anyone else) for the duration of the call.
#[inline(always)]
unsafe fn encode_raw(
    enc: Encoder,
    old: *const u8,
    old_len: usize,
    new: *const u8,
    new_len: usize,
    out: *mut u8,
    out_len: usize,
) -> Result<usize, XbzrleStatus> {
    let o = check_buffer(old, old_len)?;
    let n = check_buffer(new, new_len)?;
    let w = check_buffer(out, out_len)?;
    if overlaps(w, out_len, o, old_len) || overlaps(w, out_len, n, new_len) {
        return Err(S::Overlap);
    }
    // SAFETY: all three passed `check_buffer`; the caller guarantees they are valid;
    // `out` overlaps neither input (checked just above), so the mutable slice is the
    // only reference to its bytes. `old` and `new` may alias: both are shared slices.
    let (old, new, out) = unsafe {
        (
            input(old, old_len),
            input(new, new_len),
            output(out, out_len),
        )
    };
    Ok(enc.encode(old, new, out)?)
}

/// Checks the buffers and decodes (atomically).
///
/// # Safety
/// `delta` is null or readable and unchanging for `delta_len` bytes, `page` null or
/// readable and writable for `page_len` bytes and accessed by nobody else, for the
/// duration of the call.
#[inline(always)]
unsafe fn decode_raw(
    delta: *const u8,
    delta_len: usize,
    page: *mut u8,
    page_len: usize,
) -> Result<usize, DecodeOutcome> {
    let d = check_buffer(delta, delta_len).map_err(DecodeOutcome::Status)?;
    let p = check_buffer(page, page_len).map_err(DecodeOutcome::Status)?;
    if overlaps(d, delta_len, p, page_len) {
        return Err(DecodeOutcome::Status(S::Overlap));
    }
    // SAFETY: both passed `check_buffer`, the caller guarantees they are valid, and they
    // do not overlap (checked just above), so the page slice is exclusive.
    let (delta, page) = unsafe { (input(delta, delta_len), output(page, page_len)) };
    xbzrle_rs::decode(delta, page).map_err(DecodeOutcome::Refused)
}

/// Why `decode_raw` failed: bad arguments, or a refused delta (with its offset).
enum DecodeOutcome {
    Status(XbzrleStatus),
    Refused(DecodeError),
}

impl DecodeOutcome {
    /// The status, and the offset to report (refused deltas only).
    fn split(self) -> (XbzrleStatus, Option<usize>) {
        match self {
            DecodeOutcome::Status(s) => (s, None),
            DecodeOutcome::Refused(e) => (e.kind().into(), Some(e.offset())),
        }
    }
}

/// Turns an encode result into a status, storing the length on success.
///
/// # Safety
/// `written` is null or valid for a write of one `size_t`.
#[inline(always)]
unsafe fn finish_encode(r: Result<usize, XbzrleStatus>, written: *mut usize) -> XbzrleStatus {
    match r {
        Ok(n) => {
            // SAFETY: forwarded from this function's contract.
            unsafe { store(written, n) };
            S::Ok
        }
        Err(s) => s,
    }
}

/// Turns a decode or validate result into a status, storing the end offset on success
/// and the offset of the refused field on a decode error.
///
/// # Safety
/// `pos` is null or valid for a write of one `size_t`.
#[inline(always)]
unsafe fn finish_decode(r: Result<usize, DecodeOutcome>, pos: *mut usize) -> XbzrleStatus {
    let (status, at) = match r {
        Ok(end) => (S::Ok, Some(end)),
        Err(e) => e.split(),
    };
    if let Some(at) = at {
        // SAFETY: forwarded from this function's contract.
        unsafe { store(pos, at) };
    }
    status
}

// ---------------------------------------------------------------------------------------
// Native API

/// Encodes `new_page` (`new_len` bytes) as a delta against `old_page` (`old_len` bytes)
/// into `out` (`out_len` bytes), with the kernel chosen for this process.
///
/// On `XBZRLE_OK`, `*written` (when not null) is the encoded length, 0 for identical
/// pages. Bytes of `out` past it may have been written and carry no meaning. Errors:
/// `OVERFLOW` (send the page raw), `LENGTH_MISMATCH`, `PAGE_TOO_LARGE` (over 16384),
/// `NULL_POINTER`, `OVERLAP` (`out` overlaps a page; the pages may alias each other),
/// `INVALID_ARGUMENT`, `INTERNAL`; `*written` is then untouched.
///
/// # Safety
/// `old_page`/`new_page` null or readable for their lengths and not written during the
/// call; `out` null or writable for `out_len` bytes and accessed by nobody else during
/// the call; `written` null or writable.
#[no_mangle]
pub unsafe extern "C" fn xbzrle_encode(
    old_page: *const u8,
    old_len: usize,
    new_page: *const u8,
    new_len: usize,
    out: *mut u8,
    out_len: usize,
    written: *mut usize,
) -> XbzrleStatus {
    guard(S::Internal, || {
        test_hook();
        // SAFETY: forwarded from this function's contract.
        unsafe {
            let r = encode_raw(
                current_encoder(),
                old_page,
                old_len,
                new_page,
                new_len,
                out,
                out_len,
            );
            finish_encode(r, written)
        }
    })
}

/// [`xbzrle_encode`] with the given kernel (`XBZRLE_KERNEL_*`) for this call only.
///
/// Also returns `INVALID_ARGUMENT` for an unknown id and `KERNEL_UNAVAILABLE` for a
/// kernel this CPU cannot run (checked before the buffers). Every kernel gives the same
/// result.
///
/// # Safety
/// As for [`xbzrle_encode`].
#[no_mangle]
pub unsafe extern "C" fn xbzrle_encode_with_kernel(
    kernel: c_int,
    old_page: *const u8,
    old_len: usize,
    new_page: *const u8,
    new_len: usize,
    out: *mut u8,
    out_len: usize,
    written: *mut usize,
) -> XbzrleStatus {
    guard(S::Internal, || {
        test_hook();
        let Some(k) = kernel_from_id(kernel) else {
            return S::InvalidArgument;
        };
        let Ok(enc) = Encoder::with_kernel(k) else {
            return S::KernelUnavailable;
        };
        // SAFETY: forwarded from this function's contract.
        unsafe {
            let r = encode_raw(enc, old_page, old_len, new_page, new_len, out, out_len);
            finish_encode(r, written)
        }
    })
}

/// Applies `delta` (`delta_len` bytes) in place onto `page` (`page_len` bytes, holding
/// the old page). Atomic: on any error the page is untouched.
///
/// On `XBZRLE_OK`, `*pos` (when not null) is QEMU's value: the offset just past the last
/// changed run. On a refused delta (`TRUNCATED`, `BAD_LENGTH`, `EMPTY_ZERO_RUN`,
/// `EMPTY_LITERAL_RUN`, `PAST_PAGE_END`) `*pos` is the delta offset of the refused run
/// length. Argument errors (`NULL_POINTER`, `OVERLAP`, `INVALID_ARGUMENT`) and
/// `INTERNAL` leave `*pos` untouched.
///
/// # Safety
/// `delta` null or readable for `delta_len` bytes and not written during the call;
/// `page` null or readable and writable for `page_len` bytes and accessed by nobody else
/// during the call; `pos` null or writable.
#[no_mangle]
pub unsafe extern "C" fn xbzrle_decode(
    delta: *const u8,
    delta_len: usize,
    page: *mut u8,
    page_len: usize,
    pos: *mut usize,
) -> XbzrleStatus {
    guard(S::Internal, || {
        test_hook();
        // SAFETY: forwarded from this function's contract.
        unsafe { finish_decode(decode_raw(delta, delta_len, page, page_len), pos) }
    })
}

/// Checks `delta` against a page of `page_len` bytes without touching any page: returns
/// what [`xbzrle_decode`] would return (same status, same `*pos`).
///
/// # Safety
/// `delta` null or readable for `delta_len` bytes and not written during the call; `pos`
/// null or writable.
#[no_mangle]
pub unsafe extern "C" fn xbzrle_validate(
    delta: *const u8,
    delta_len: usize,
    page_len: usize,
    pos: *mut usize,
) -> XbzrleStatus {
    guard(S::Internal, || {
        test_hook();
        let r = check_buffer(delta, delta_len)
            .map_err(DecodeOutcome::Status)
            .and_then(|_| {
                // SAFETY: `delta` passed `check_buffer`; the caller guarantees it is
                // readable and unchanging.
                let delta = unsafe { input(delta, delta_len) };
                xbzrle_rs::validate(delta, page_len).map_err(DecodeOutcome::Refused)
            });
        // SAFETY: forwarded from this function's contract.
        unsafe { finish_decode(r, pos) }
    })
}

/// A static, NUL-terminated English description of `status` (any `int`; unknown values
/// give `"unknown xbzrle status"`). Never null.
#[no_mangle]
pub extern "C" fn xbzrle_strerror(status: c_int) -> *const c_char {
    guard(c"unknown xbzrle status".as_ptr(), || {
        test_hook();
        usize::try_from(status)
            .ok()
            .and_then(|i| ALL_STATUSES.get(i))
            .map_or(c"unknown xbzrle status", |s| s.message())
            .as_ptr()
    })
}

/// The library version as `(major << 16) | (minor << 8) | patch` (compare with the
/// header's `XBZRLE_VERSION`).
#[no_mangle]
pub extern "C" fn xbzrle_version() -> c_uint {
    guard(0, || {
        test_hook();
        VERSION
    })
}

/// The library version as a static NUL-terminated string, e.g. `"0.1.0"`. Never null.
#[no_mangle]
pub extern "C" fn xbzrle_version_string() -> *const c_char {
    guard(VERSION_STRING.as_ptr(), || {
        test_hook();
        VERSION_STRING.as_ptr()
    })
}

/// `CARGO_PKG_VERSION`, NUL-terminated.
const VERSION_STRING: &CStr =
    match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
        Ok(s) => s,
        Err(_) => panic!("the package version contains a NUL byte"),
    };

/// Parses a decimal version component at compile time.
const fn parse_component(s: &str) -> c_uint {
    let b = s.as_bytes();
    let mut i = 0;
    let mut v: c_uint = 0;
    while i < b.len() {
        assert!(b[i].is_ascii_digit(), "version component is not a number");
        v = v * 10 + (b[i] - b'0') as c_uint;
        i += 1;
    }
    assert!(v < 256, "version component does not fit in 8 bits");
    v
}

/// `(major << 16) | (minor << 8) | patch` of `CARGO_PKG_VERSION`.
const VERSION: c_uint = (parse_component(env!("CARGO_PKG_VERSION_MAJOR")) << 16)
    | (parse_component(env!("CARGO_PKG_VERSION_MINOR")) << 8)
    | parse_component(env!("CARGO_PKG_VERSION_PATCH"));

/// Number of kernel ids: every `XBZRLE_KERNEL_*` id is in `0 .. xbzrle_kernel_count()`,
/// available on this CPU or not.
#[no_mangle]
pub extern "C" fn xbzrle_kernel_count() -> usize {
    guard(KERNEL_COUNT, || {
        test_hook();
        KERNEL_COUNT
    })
}

/// The name of a kernel id (`"scalar"`, `"sse2"`, `"avx2"`, `"avx512"`, `"neon"`), a
/// static NUL-terminated string, or null for an unknown id.
#[no_mangle]
pub extern "C" fn xbzrle_kernel_name(kernel: c_int) -> *const c_char {
    guard(core::ptr::null(), || {
        test_hook();
        match kernel_from_id(kernel) {
            Some(Kernel::Scalar) => c"scalar".as_ptr(),
            Some(Kernel::Sse2) => c"sse2".as_ptr(),
            Some(Kernel::Avx2) => c"avx2".as_ptr(),
            Some(Kernel::Avx512) => c"avx512".as_ptr(),
            Some(Kernel::Neon) => c"neon".as_ptr(),
            _ => core::ptr::null(),
        }
    })
}

/// The id of the kernel called `name` (as [`xbzrle_kernel_name`] spells it), or -1 when
/// `name` is null or names no kernel.
///
/// # Safety
/// `name` is null or points to a NUL-terminated string that nobody writes during the
/// call.
#[no_mangle]
pub unsafe extern "C" fn xbzrle_kernel_from_name(name: *const c_char) -> c_int {
    guard(-1, || {
        test_hook();
        if name.is_null() {
            return -1;
        }
        // SAFETY: non-null, and the caller guarantees a NUL-terminated, unchanging string.
        let name = unsafe { CStr::from_ptr(name) };
        name.to_str()
            .ok()
            .and_then(Kernel::from_name)
            .map_or(-1, kernel_id)
    })
}

/// 1 when this CPU (and this build) can run the kernel, else 0 (also for unknown ids).
#[no_mangle]
pub extern "C" fn xbzrle_kernel_is_available(kernel: c_int) -> c_int {
    guard(0, || {
        test_hook();
        kernel_from_id(kernel).is_some_and(Kernel::is_available) as c_int
    })
}

/// The id of the kernel automatic dispatch chooses on this CPU (the environment
/// variable `XBZRLE_KERNEL` can force it, read once per process).
#[no_mangle]
pub extern "C" fn xbzrle_kernel_best() -> c_int {
    guard(0, || {
        test_hook();
        kernel_id(Kernel::best())
    })
}

/// Forces the kernel that [`xbzrle_encode`] and [`xbzrle_encode_buffer`] use from now
/// on, process-wide (thread-safe; every kernel gives the same bytes);
/// `XBZRLE_KERNEL_AUTO` (-1) returns to automatic dispatch. Returns `XBZRLE_OK`,
/// `INVALID_ARGUMENT` (unknown id; nothing changes) or `KERNEL_UNAVAILABLE` (this CPU
/// cannot run it; nothing changes).
#[no_mangle]
pub extern "C" fn xbzrle_set_kernel(kernel: c_int) -> XbzrleStatus {
    guard(S::Internal, || {
        test_hook();
        if kernel == XBZRLE_KERNEL_AUTO {
            FORCED.store(XBZRLE_KERNEL_AUTO, Ordering::Relaxed);
            return S::Ok;
        }
        let Some(k) = kernel_from_id(kernel) else {
            return S::InvalidArgument;
        };
        if !k.is_available() {
            return S::KernelUnavailable;
        }
        FORCED.store(kernel, Ordering::Relaxed);
        S::Ok
    })
}

/// The id of the kernel [`xbzrle_encode`] and [`xbzrle_encode_buffer`] use now: the one
/// forced by [`xbzrle_set_kernel`], else [`xbzrle_kernel_best`].
#[no_mangle]
pub extern "C" fn xbzrle_get_kernel() -> c_int {
    guard(0, || {
        test_hook();
        kernel_id(current_encoder().kernel())
    })
}

#[cfg(test)]
mod tests;
