//! Unit tests of the C ABI, called from Rust (the C programs in `capi/tests/` test the
//! built libraries; see `scripts/capi-test.sh`).

use super::*;
use core::ptr::{null, null_mut};

const HEADER: &str = include_str!("../include/xbzrle.h");
const SYMBOLS: &str = include_str!("../xbzrle.symbols");

/// The value of `#define NAME value` or of an enum line `NAME = value,` in the header.
fn header_constant(name: &str) -> i64 {
    for line in HEADER.lines() {
        let line = line.trim();
        let line = line.strip_prefix("#define ").unwrap_or(line);
        let Some(rest) = line.strip_prefix(name) else {
            continue;
        };
        let rest = rest.trim_start();
        let rest = rest.strip_prefix('=').unwrap_or(rest).trim_start();
        let value: String = rest
            .chars()
            .take_while(|c| *c == '-' || c.is_ascii_digit())
            .collect();
        if !value.is_empty() && !rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
            return value.parse().unwrap();
        }
    }
    panic!("{name} not found in xbzrle.h");
}

fn status_name(s: XbzrleStatus) -> &'static str {
    match s {
        S::Ok => "XBZRLE_OK",
        S::Overflow => "XBZRLE_ERR_OVERFLOW",
        S::LengthMismatch => "XBZRLE_ERR_LENGTH_MISMATCH",
        S::PageTooLarge => "XBZRLE_ERR_PAGE_TOO_LARGE",
        S::Truncated => "XBZRLE_ERR_TRUNCATED",
        S::BadLength => "XBZRLE_ERR_BAD_LENGTH",
        S::EmptyZeroRun => "XBZRLE_ERR_EMPTY_ZERO_RUN",
        S::EmptyLiteralRun => "XBZRLE_ERR_EMPTY_LITERAL_RUN",
        S::PastPageEnd => "XBZRLE_ERR_PAST_PAGE_END",
        S::NullPointer => "XBZRLE_ERR_NULL_POINTER",
        S::Overlap => "XBZRLE_ERR_OVERLAP",
        S::InvalidArgument => "XBZRLE_ERR_INVALID_ARGUMENT",
        S::KernelUnavailable => "XBZRLE_ERR_KERNEL_UNAVAILABLE",
        S::Internal => "XBZRLE_ERR_INTERNAL",
    }
}

#[test]
fn header_status_values_match_the_enum() {
    for (i, s) in ALL_STATUSES.iter().enumerate() {
        assert_eq!(*s as usize, i, "ALL_STATUSES is in value order");
        assert_eq!(
            header_constant(status_name(*s)),
            i as i64,
            "{}",
            status_name(*s)
        );
    }
    // no status in the header that the library does not know
    let in_header = HEADER.matches(" XBZRLE_ERR_").count() + HEADER.matches(" XBZRLE_OK =").count();
    assert!(in_header >= ALL_STATUSES.len());
}

#[test]
fn header_version_and_limits_match_the_crate() {
    assert_eq!(
        header_constant("XBZRLE_VERSION_MAJOR"),
        env!("CARGO_PKG_VERSION_MAJOR").parse().unwrap()
    );
    assert_eq!(
        header_constant("XBZRLE_VERSION_MINOR"),
        env!("CARGO_PKG_VERSION_MINOR").parse().unwrap()
    );
    assert_eq!(
        header_constant("XBZRLE_VERSION_PATCH"),
        env!("CARGO_PKG_VERSION_PATCH").parse().unwrap()
    );
    assert_eq!(
        header_constant("XBZRLE_MAX_PAGE_SIZE"),
        xbzrle_rs::MAX_PAGE_SIZE as i64
    );
    assert_eq!(header_constant("XBZRLE_MAX_RUN"), xbzrle_rs::MAX_RUN as i64);
    let v = xbzrle_version();
    assert_eq!(v >> 16, header_constant("XBZRLE_VERSION_MAJOR") as u32);
    assert_eq!(
        (v >> 8) & 0xff,
        header_constant("XBZRLE_VERSION_MINOR") as u32
    );
    assert_eq!(v & 0xff, header_constant("XBZRLE_VERSION_PATCH") as u32);
    // SAFETY: xbzrle_version_string returns a static NUL-terminated string.
    let s = unsafe { CStr::from_ptr(xbzrle_version_string()) };
    assert_eq!(s.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
}

#[test]
fn header_kernel_ids_match_the_library() {
    let names = [
        ("XBZRLE_KERNEL_SCALAR", Kernel::Scalar),
        ("XBZRLE_KERNEL_SSE2", Kernel::Sse2),
        ("XBZRLE_KERNEL_AVX2", Kernel::Avx2),
        ("XBZRLE_KERNEL_AVX512", Kernel::Avx512),
        ("XBZRLE_KERNEL_NEON", Kernel::Neon),
    ];
    assert_eq!(
        header_constant("XBZRLE_KERNEL_AUTO"),
        XBZRLE_KERNEL_AUTO as i64
    );
    for (name, k) in names {
        let id = header_constant(name) as c_int;
        assert_eq!(kernel_from_id(id), Some(k), "{name}");
        assert_eq!(kernel_id(k), id);
        // SAFETY: a non-null result is a static NUL-terminated string.
        let n = unsafe { CStr::from_ptr(xbzrle_kernel_name(id)) };
        assert_eq!(n.to_str().unwrap(), k.name());
        // SAFETY: a NUL-terminated string.
        assert_eq!(unsafe { xbzrle_kernel_from_name(n.as_ptr()) }, id);
        assert_eq!(xbzrle_kernel_is_available(id) == 1, k.is_available());
    }
    // every kernel of the Rust crate has an id
    assert_eq!(xbzrle_kernel_count(), Kernel::ALL.len());
    for k in Kernel::ALL {
        assert!(kernel_id(*k) >= 0, "{} has no C id", k.name());
    }
    assert!(xbzrle_kernel_name(-1).is_null());
    assert!(xbzrle_kernel_name(KERNEL_COUNT as c_int).is_null());
    // SAFETY: null is allowed; the other is a NUL-terminated string.
    unsafe {
        assert_eq!(xbzrle_kernel_from_name(null()), -1);
        assert_eq!(xbzrle_kernel_from_name(c"mmx".as_ptr()), -1);
    }
}

/// The function names the header declares (`name(` after a return type at line start).
fn header_functions() -> Vec<String> {
    let mut names = Vec::new();
    for line in HEADER.lines() {
        if line.starts_with(' ') || line.starts_with('#') || line.starts_with('/') {
            continue;
        }
        if let Some(paren) = line.find('(') {
            let head = &line[..paren];
            if let Some(name) = head.split([' ', '*']).next_back() {
                if name.starts_with("xbzrle_") {
                    names.push(name.to_string());
                }
            }
        }
    }
    names.sort();
    names
}

#[test]
fn header_declares_exactly_the_symbol_list() {
    let listed: Vec<String> = SYMBOLS.lines().map(str::to_string).collect();
    assert_eq!(header_functions(), listed);
}

#[test]
fn status_mapping_is_one_to_one() {
    let encode = [
        EncodeError::Overflow,
        EncodeError::LengthMismatch { old: 1, new: 2 },
        EncodeError::PageTooLarge { len: 16385 },
    ]
    .map(XbzrleStatus::from);
    let decode = [
        DecodeErrorKind::Truncated,
        DecodeErrorKind::BadLength,
        DecodeErrorKind::EmptyZeroRun,
        DecodeErrorKind::EmptyLiteralRun,
        DecodeErrorKind::PastPageEnd,
    ]
    .map(XbzrleStatus::from);
    let mut all: Vec<XbzrleStatus> = encode.iter().chain(&decode).copied().collect();
    all.sort_by_key(|s| *s as i32);
    all.dedup();
    assert_eq!(all.len(), 8);
    assert!(!all.contains(&S::Ok));
    for (s, kind) in decode.iter().zip([
        DecodeErrorKind::Truncated,
        DecodeErrorKind::BadLength,
        DecodeErrorKind::EmptyZeroRun,
        DecodeErrorKind::EmptyLiteralRun,
        DecodeErrorKind::PastPageEnd,
    ]) {
        // SAFETY: static NUL-terminated strings.
        let msg = unsafe { CStr::from_ptr(xbzrle_strerror(*s as c_int)) };
        assert_eq!(msg.to_str().unwrap(), kind.as_str());
    }
}

#[test]
fn strerror_is_never_null() {
    for status in -3..40 {
        let p = xbzrle_strerror(status);
        assert!(!p.is_null());
        // SAFETY: static NUL-terminated string.
        let s = unsafe { CStr::from_ptr(p) }.to_str().unwrap();
        assert!(!s.is_empty());
        if !(0..ALL_STATUSES.len() as c_int).contains(&status) {
            assert_eq!(s, "unknown xbzrle status");
        }
    }
}

/// Arms the test hook: the next entry point called on this thread panics inside its
/// guarded body.
fn panic_next() {
    PANIC_NEXT.with(|p| p.set(true));
}

#[test]
fn a_panic_inside_any_entry_point_becomes_a_status() {
    let old = [0u8; 64];
    let mut new = [0u8; 64];
    new[3] = 1;
    let mut out = [0u8; 64];
    let mut page = [0u8; 64];
    let mut n = 77usize;
    let delta = [3u8, 1, 1];
    // SAFETY: all pointers are valid for their lengths; `out`/`page` are exclusive.
    unsafe {
        panic_next();
        assert_eq!(
            xbzrle_encode_buffer(
                old.as_ptr() as *mut u8,
                new.as_mut_ptr(),
                64,
                out.as_mut_ptr(),
                64
            ),
            -1
        );
        assert_eq!(
            xbzrle_encode_buffer(
                old.as_ptr() as *mut u8,
                new.as_mut_ptr(),
                64,
                out.as_mut_ptr(),
                64
            ),
            3
        );

        panic_next();
        assert_eq!(
            xbzrle_decode_buffer(delta.as_ptr() as *mut u8, 3, page.as_mut_ptr(), 64),
            -1
        );
        assert_eq!(page, [0u8; 64], "the injected panic ran before any write");
        assert_eq!(
            xbzrle_decode_buffer(delta.as_ptr() as *mut u8, 3, page.as_mut_ptr(), 64),
            4
        );

        panic_next();
        assert_eq!(
            xbzrle_encode(
                old.as_ptr(),
                64,
                new.as_ptr(),
                64,
                out.as_mut_ptr(),
                64,
                &mut n
            ),
            S::Internal
        );
        assert_eq!(n, 77);
        panic_next();
        assert_eq!(
            xbzrle_encode_with_kernel(
                0,
                old.as_ptr(),
                64,
                new.as_ptr(),
                64,
                out.as_mut_ptr(),
                64,
                &mut n
            ),
            S::Internal
        );
        panic_next();
        assert_eq!(
            xbzrle_decode(delta.as_ptr(), 3, page.as_mut_ptr(), 64, &mut n),
            S::Internal
        );
        panic_next();
        assert_eq!(xbzrle_validate(delta.as_ptr(), 3, 64, &mut n), S::Internal);
        assert_eq!(n, 77);

        panic_next();
        assert_eq!(xbzrle_kernel_from_name(c"scalar".as_ptr()), -1);
        assert_eq!(xbzrle_kernel_from_name(c"scalar".as_ptr()), 0);
    }
    panic_next();
    assert!(!xbzrle_strerror(0).is_null());
    panic_next();
    assert_eq!(xbzrle_version(), 0);
    assert_ne!(xbzrle_version(), 0);
    panic_next();
    assert!(!xbzrle_version_string().is_null());
    panic_next();
    assert_eq!(xbzrle_kernel_count(), KERNEL_COUNT);
    panic_next();
    assert!(xbzrle_kernel_name(0).is_null());
    assert!(!xbzrle_kernel_name(0).is_null());
    panic_next();
    assert_eq!(xbzrle_kernel_is_available(0), 0);
    assert_eq!(xbzrle_kernel_is_available(0), 1);
    panic_next();
    assert_eq!(xbzrle_kernel_best(), 0);
    panic_next();
    assert_eq!(xbzrle_set_kernel(0), S::Internal);
    panic_next();
    assert_eq!(xbzrle_get_kernel(), 0);
    // the hook is disarmed after one use
    assert!(!PANIC_NEXT.with(|p| p.get()));
}

#[test]
fn null_and_empty_buffers() {
    let mut n = 5usize;
    // SAFETY: null pointers with zero lengths are allowed; the others are refused before
    // any slice is built.
    unsafe {
        assert_eq!(
            xbzrle_encode(null(), 0, null(), 0, null_mut(), 0, &mut n),
            S::Ok
        );
        assert_eq!(n, 0);
        assert_eq!(
            xbzrle_encode(null(), 1, null(), 1, null_mut(), 0, &mut n),
            S::NullPointer
        );
        assert_eq!(xbzrle_decode(null(), 0, null_mut(), 0, &mut n), S::Ok);
        assert_eq!(
            xbzrle_decode(null(), 2, null_mut(), 0, &mut n),
            S::NullPointer
        );
        assert_eq!(xbzrle_validate(null(), 0, 4096, null_mut()), S::Ok);
        assert_eq!(xbzrle_validate(null(), 3, 4096, null_mut()), S::NullPointer);
        assert_eq!(
            xbzrle_encode_buffer(null_mut(), null_mut(), 0, null_mut(), 0),
            0
        );
        assert_eq!(
            xbzrle_encode_buffer(null_mut(), null_mut(), 8, null_mut(), 0),
            -1
        );
        assert_eq!(xbzrle_decode_buffer(null_mut(), 0, null_mut(), 0), 0);
        assert_eq!(xbzrle_decode_buffer(null_mut(), 1, null_mut(), 0), -1);
        let page = [1u8; 8];
        let mut out = [0u8; 8];
        assert_eq!(
            xbzrle_encode(page.as_ptr(), 8, page.as_ptr(), 8, null_mut(), 0, &mut n),
            S::Ok
        );
        assert_eq!(
            xbzrle_encode(page.as_ptr(), 8, null(), 8, out.as_mut_ptr(), 8, &mut n),
            S::NullPointer
        );
    }
}

#[test]
fn impossible_lengths_are_refused() {
    let b = [0u8; 4];
    let mut out = [0u8; 4];
    // SAFETY: refused before any slice is built.
    unsafe {
        assert_eq!(
            xbzrle_encode(
                b.as_ptr(),
                usize::MAX,
                b.as_ptr(),
                usize::MAX,
                out.as_mut_ptr(),
                4,
                null_mut()
            ),
            S::InvalidArgument
        );
        assert_eq!(
            xbzrle_validate(b.as_ptr(), isize::MAX as usize + 1, 4096, null_mut()),
            S::InvalidArgument
        );
        assert_eq!(
            xbzrle_validate(usize::MAX as *const u8, 2, 4096, null_mut()),
            S::InvalidArgument,
            "a buffer wrapping the address space"
        );
    }
}

#[test]
fn overlapping_output_is_refused_and_untouched() {
    let mut buf = [0u8; 64];
    buf[10] = 1;
    let p = buf.as_mut_ptr();
    // SAFETY: refused before any slice is built; the pointers are in bounds.
    unsafe {
        assert_eq!(
            xbzrle_encode(p, 16, p.add(16), 16, p.add(31), 8, null_mut()),
            S::Overlap
        );
        assert_eq!(
            xbzrle_encode(p, 16, p.add(16), 16, p.add(8), 4, null_mut()),
            S::Overlap
        );
        assert_eq!(xbzrle_encode_buffer(p, p.add(16), 16, p.add(20), 16), -1);
        assert_eq!(xbzrle_decode(p, 8, p.add(4), 8, null_mut()), S::Overlap);
        assert_eq!(xbzrle_decode_buffer(p.add(4), 8, p, 8), -1);
        // adjacent buffers do not overlap
        assert_eq!(
            xbzrle_encode(p, 16, p.add(16), 16, p.add(32), 32, null_mut()),
            S::Ok
        );
    }
    assert_eq!(buf[..32], {
        let mut e = [0u8; 32];
        e[10] = 1;
        e
    });
}

#[test]
fn rust_and_c_entry_points_agree_on_the_spec_examples() {
    // SPEC §4 decoding table
    type Expected = Result<usize, (DecodeErrorKind, usize)>;
    let cases: &[(&[u8], Expected)] = &[
        (b"", Ok(0)),
        (b"\x00", Err((DecodeErrorKind::Truncated, 0))),
        (b"\x00\x00", Err((DecodeErrorKind::EmptyLiteralRun, 1))),
        (b"\x00\x01\xaa", Ok(1)),
        (
            b"\x00\x01\xaa\x00\x01\xbb",
            Err((DecodeErrorKind::EmptyZeroRun, 3)),
        ),
        (b"\x80\x00\x01\xaa", Ok(1)),
        (b"\x81\x00\x01\xaa", Ok(2)),
        (b"\x00\x80\x80\x01", Err((DecodeErrorKind::BadLength, 1))),
        (b"\xff\x7f\x01\xaa", Err((DecodeErrorKind::PastPageEnd, 0))),
        (b"\xff\x1f\x01\xaa", Ok(4096)),
        (b"\x00\x05\xaa\xbb", Err((DecodeErrorKind::Truncated, 1))),
    ];
    for (delta, want) in cases {
        let mut page = [0u8; 4096];
        let mut pos = usize::MAX;
        let rust = xbzrle_rs::decode(delta, &mut [0u8; 4096]).map_err(|e| (e.kind(), e.offset()));
        assert_eq!(&rust, want, "{delta:02x?}");
        // SAFETY: valid buffers.
        let (st, qemu) = unsafe {
            (
                xbzrle_decode(
                    delta.as_ptr(),
                    delta.len(),
                    page.as_mut_ptr(),
                    4096,
                    &mut pos,
                ),
                xbzrle_decode_buffer(
                    delta.as_ptr() as *mut u8,
                    delta.len() as c_int,
                    page.as_mut_ptr(),
                    4096,
                ),
            )
        };
        match want {
            Ok(end) => {
                assert_eq!((st, pos), (S::Ok, *end));
                assert_eq!(qemu, *end as c_int);
            }
            Err((kind, off)) => {
                assert_eq!((st, pos), (XbzrleStatus::from(*kind), *off));
                assert_eq!(qemu, -1);
                assert_eq!(page, [0u8; 4096]);
            }
        }
    }
}

#[test]
fn forcing_a_kernel() {
    let old = [0u8; 4096];
    let mut new = old;
    new[4095] = 1;
    let mut out = [0u8; 8];
    let mut n = 0;
    assert_eq!(xbzrle_set_kernel(99), S::InvalidArgument);
    for id in 0..KERNEL_COUNT as c_int {
        let k = kernel_from_id(id).unwrap();
        // SAFETY: valid buffers.
        let st = unsafe {
            xbzrle_encode_with_kernel(
                id,
                old.as_ptr(),
                4096,
                new.as_ptr(),
                4096,
                out.as_mut_ptr(),
                8,
                &mut n,
            )
        };
        if k.is_available() {
            assert_eq!((st, n, &out[..4]), (S::Ok, 4, &[0xff, 0x1f, 1, 1][..]));
        } else {
            assert_eq!(st, S::KernelUnavailable);
            assert_eq!(xbzrle_set_kernel(id), S::KernelUnavailable);
        }
    }
    // SAFETY: valid buffers.
    let st = unsafe {
        xbzrle_encode_with_kernel(
            -1,
            old.as_ptr(),
            4096,
            new.as_ptr(),
            4096,
            out.as_mut_ptr(),
            8,
            &mut n,
        )
    };
    assert_eq!(st, S::InvalidArgument);
    // process-wide forcing (other tests do not depend on the kernel: all give the same bytes)
    assert_eq!(xbzrle_set_kernel(0), S::Ok);
    assert_eq!(xbzrle_get_kernel(), 0);
    assert_eq!(xbzrle_set_kernel(XBZRLE_KERNEL_AUTO), S::Ok);
    assert_eq!(xbzrle_get_kernel(), xbzrle_kernel_best());
    assert_eq!(xbzrle_kernel_best(), kernel_id(Kernel::best()));
}
