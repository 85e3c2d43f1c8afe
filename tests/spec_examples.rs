//! Every worked example of docs/format.md §4, encode and decode, with the expected error kinds.

use xbzrle::{decode, encode, validate, DecodeErrorKind, EncodeError, Encoder, Kernel};

fn hex(s: &str) -> Vec<u8> {
    s.split_whitespace()
        .map(|b| u8::from_str_radix(b, 16).unwrap())
        .collect()
}

/// The docs/format.md §4 page pair: 4096 bytes, zero except bytes 1001..1022.
fn spec_pages() -> (Vec<u8>, Vec<u8>) {
    let mut old = vec![0u8; 4096];
    let mut new = vec![0u8; 4096];
    old[1001..1022].copy_from_slice(&hex(
        "05 06 07 08 09 0a 0b 0c 0d 0e 0f 10 11 12 13 68 00 00 6b 00 6d",
    ));
    new[1001..1022].copy_from_slice(&hex(
        "01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 68 00 00 67 00 69",
    ));
    (old, new)
}

const SPEC_DELTA: &str = "e9 07 0f 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 03 01 67 01 01 69";

/// Runs `f` with every kernel this CPU has (the free function uses the best one).
fn each_encoder(
    mut f: impl FnMut(&str, &dyn Fn(&[u8], &[u8], &mut [u8]) -> Result<usize, EncodeError>),
) {
    f("free encode", &|o, n, out| encode(o, n, out));
    for k in Kernel::available() {
        let e = Encoder::with_kernel(k).unwrap();
        f(k.name(), &move |o, n, out| e.encode(o, n, out));
    }
}

#[test]
fn spec_pair_encodes_to_the_canonical_24_bytes() {
    let (old, new) = spec_pages();
    let want = hex(SPEC_DELTA);
    assert_eq!(want.len(), 24);
    each_encoder(|name, enc| {
        let mut out = vec![0u8; 4096];
        assert_eq!(enc(&old, &new, &mut out), Ok(24), "{name}");
        assert_eq!(&out[..24], &want[..], "{name}");
        // exactly enough room, and one byte short
        assert_eq!(enc(&old, &new, &mut out[..24]), Ok(24), "{name}");
        assert_eq!(
            enc(&old, &new, &mut out[..23]),
            Err(EncodeError::Overflow),
            "{name}"
        );
    });
}

#[test]
fn spec_pair_decodes_and_returns_1022() {
    let (old, new) = spec_pages();
    let mut page = old.clone();
    assert_eq!(decode(&hex(SPEC_DELTA), &mut page), Ok(1022));
    assert_eq!(page, new);
    assert_eq!(validate(&hex(SPEC_DELTA), 4096), Ok(1022));
}

#[test]
fn spec_decode_table() {
    use DecodeErrorKind::*;
    // (delta, expected result, error offset)
    let table: &[(&str, Result<usize, DecodeErrorKind>, usize)] = &[
        ("", Ok(0), 0),
        ("00", Err(Truncated), 0),
        ("00 00", Err(EmptyLiteralRun), 1),
        ("00 01 aa", Ok(1), 0),
        ("00 01 aa 00 01 bb", Err(EmptyZeroRun), 3),
        ("80 00 01 aa", Ok(1), 0),
        ("81 00 01 aa", Ok(2), 0),
        ("00 80 80 01", Err(BadLength), 1),
        ("ff 7f 01 aa", Err(PastPageEnd), 0),
        ("80 20 01 aa", Err(PastPageEnd), 2),
        ("ff 1f 01 aa", Ok(4096), 0),
        ("00 01 aa 05", Err(Truncated), 3),
        ("00 05 aa bb", Err(Truncated), 1),
        ("00 80 01", Err(Truncated), 1),
    ];
    for (delta, want, offset) in table {
        let delta = hex(delta);
        let mut page = vec![0u8; 4096];
        let got = decode(&delta, &mut page);
        assert_eq!(
            validate(&delta, 4096),
            got,
            "validate vs decode for {delta:02x?}"
        );
        match (got, want) {
            (Ok(d), Ok(w)) => {
                assert_eq!(d, *w, "{delta:02x?}");
            }
            (Err(e), Err(k)) => {
                assert_eq!(e.kind(), *k, "{delta:02x?}: {e}");
                assert_eq!(e.offset(), *offset, "{delta:02x?}: {e}");
                assert!(page.iter().all(|&b| b == 0), "page touched by {delta:02x?}");
            }
            (got, want) => panic!("{delta:02x?}: got {got:?}, want {want:?}"),
        }
    }
}

#[test]
fn spec_decode_writes_the_right_bytes() {
    let mut page = vec![0u8; 4096];
    decode(&hex("ff 1f 01 aa"), &mut page).unwrap();
    assert_eq!(page[4095], 0xaa);
    assert!(page[..4095].iter().all(|&b| b == 0));
    let mut page = vec![0u8; 4096];
    decode(&hex("81 00 01 aa"), &mut page).unwrap();
    assert_eq!(&page[..3], &[0, 0xaa, 0]);
}

#[test]
fn spec_encode_examples() {
    each_encoder(|name, enc| {
        let old = vec![0u8; 4096];
        let mut out = vec![0u8; 4096];

        let mut new = old.clone();
        new[0] = 0xaa;
        let l = enc(&old, &new, &mut out).unwrap();
        assert_eq!(&out[..l], &hex("00 01 aa")[..], "{name}");

        let mut new = old.clone();
        new[4095] = 0x01;
        let l = enc(&old, &new, &mut out).unwrap();
        assert_eq!(&out[..l], &hex("ff 1f 01 01")[..], "{name}");

        let mut new = old.clone();
        new[100] = 1;
        new[102] = 1;
        let l = enc(&old, &new, &mut out).unwrap();
        assert_eq!(&out[..l], &hex("64 01 01 01 01 01")[..], "{name}");

        // identical pages: Ok(0) and nothing written
        let mut out = vec![0x5au8; 4096];
        assert_eq!(enc(&old, &old, &mut out), Ok(0), "{name}");
        assert!(
            out.iter().all(|&b| b == 0x5a),
            "{name} wrote for identical pages"
        );
        assert_eq!(enc(&old, &old, &mut []), Ok(0), "{name}");
    });
}

#[test]
fn argument_errors() {
    each_encoder(|name, enc| {
        let mut out = vec![0u8; 64];
        assert_eq!(
            enc(&[0; 10], &[0; 11], &mut out),
            Err(EncodeError::LengthMismatch { old: 10, new: 11 }),
            "{name}"
        );
        let big = vec![0u8; 16385];
        assert_eq!(
            enc(&big, &big, &mut out),
            Err(EncodeError::PageTooLarge { len: 16385 }),
            "{name}"
        );
        // length mismatch is reported before page size
        assert!(matches!(
            enc(&big, &big[..16384], &mut out),
            Err(EncodeError::LengthMismatch { .. })
        ));
        // empty pages
        assert_eq!(enc(&[], &[], &mut out), Ok(0), "{name}");
        assert_eq!(enc(&[], &[], &mut []), Ok(0), "{name}");
        // the largest page is fine
        let max = vec![7u8; 16384];
        assert_eq!(enc(&max, &max, &mut out), Ok(0), "{name}");
    });
    // decode onto an empty page
    assert_eq!(decode(&[], &mut []), Ok(0));
    assert_eq!(
        decode(&[0, 1, 0xaa], &mut []).unwrap_err().kind(),
        DecodeErrorKind::PastPageEnd
    );
}

#[test]
fn a_fully_changed_16k_page_overflows_whatever_the_room() {
    let old = vec![0u8; 16384];
    let new = vec![1u8; 16384];
    let mut out = vec![0u8; 20000];
    each_encoder(|name, enc| {
        assert_eq!(
            enc(&old, &new, &mut out),
            Err(EncodeError::Overflow),
            "{name}"
        );
    });
    // but 16383 changed bytes fit in one run
    let mut new2 = new.clone();
    new2[16383] = 0;
    each_encoder(|name, enc| {
        let l = enc(&old, &new2, &mut out).unwrap();
        assert_eq!(l, 3 + 16383, "{name}");
        assert_eq!(&out[..3], &[0x00, 0xff, 0x7f], "{name}");
    });
}

#[test]
fn errors_display_usefully() {
    let e = decode(&hex("00 80 80 01"), &mut [0u8; 16]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid XBZRLE delta at byte 1: invalid run length"
    );
    assert_eq!(
        EncodeError::LengthMismatch { old: 1, new: 2 }.to_string(),
        "page length mismatch: old page is 1 bytes, new page is 2 bytes"
    );
    assert!(EncodeError::PageTooLarge { len: 20000 }
        .to_string()
        .contains("20000"));
    let _: &dyn std::error::Error = &e;
    let _: &dyn std::error::Error = &EncodeError::Overflow;
}
