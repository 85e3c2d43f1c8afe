//! Property tests against the workspace's reference model (`xbzrle-testkit`, byte at a
//! time, straight from docs/format.md): `encode` equals the model encoder, `decode(encode(..))` rebuilds the page, the
//! overflow boundary is exact, and `decode` of random or mutated deltas matches the model
//! decoder (and leaves the page untouched when it refuses).

use proptest::prelude::*;
use xbzrle::{decode, encode, validate, DecodeErrorKind, EncodeError};

/// The canonical encoding from the workspace's reference model (`xbzrle-testkit`).
/// `None` when a run is longer than 16383 bytes (only a fully changed 16 KiB page).
fn model_encode(old: &[u8], new: &[u8]) -> Option<Vec<u8>> {
    let enc = xbzrle_testkit::model::model_encode(old, new);
    (!enc.long_run).then_some(enc.bytes)
}

/// The reference model's decoder, on a copy of the page: `(d, decoded page)`.
fn model_decode(delta: &[u8], page: &[u8]) -> Result<(usize, Vec<u8>), (DecodeErrorKind, usize)> {
    xbzrle_testkit::model::model_decode(delta, page).map(|(page, d)| (d, page))
}

const PAGE_LENS: &[usize] = &[0, 1, 7, 8, 9, 63, 64, 65, 4095, 4096, 8192, 16384];
const RUN_LENS: &[usize] = &[
    1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 16383,
];

fn run_len() -> impl Strategy<Value = usize> {
    prop_oneof![
        3 => proptest::sample::select(RUN_LENS),
        1 => 1usize..300,
    ]
}

/// An old page and a new page whose unchanged/changed runs have the lengths drawn above.
fn page_pair() -> impl Strategy<Value = (Vec<u8>, Vec<u8>)> {
    (
        proptest::sample::select(PAGE_LENS),
        any::<u64>(),
        any::<bool>(),
        proptest::collection::vec((run_len(), run_len(), 1u8..=255), 0..40),
    )
        .prop_map(|(len, seed, zero_old, runs)| {
            let mut old = vec![0u8; len];
            if !zero_old {
                xbzrle_testkit::scenario::fill_random(&mut old, seed);
            }
            let mut new = old.clone();
            let mut p = 0;
            for (gap, changed, x) in runs {
                p += gap;
                if p >= len {
                    break;
                }
                let end = (p + changed).min(len);
                for (k, b) in new[p..end].iter_mut().enumerate() {
                    *b ^= x.rotate_left(k as u32 % 8);
                }
                p = end;
            }
            // sometimes change byte 0, so that the first zero run is empty
            if seed % 5 == 0 && len > 0 {
                new[0] ^= 0xff;
            }
            (old, new)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn encode_is_the_canonical_encoding((old, new) in page_pair(), shift in 0usize..8) {
        let model = model_encode(&old, &new);
        let mut buf = vec![0u8; 3 * old.len() + 64];
        let out = &mut buf[shift..];
        match model {
            None => {
                prop_assert_eq!(encode(&old, &new, out), Err(EncodeError::Overflow));
            }
            Some(want) => {
                let l = want.len();
                prop_assert_eq!(encode(&old, &new, out), Ok(l));
                prop_assert_eq!(&out[..l], &want[..]);
                // exact room succeeds, one byte less overflows
                prop_assert_eq!(encode(&old, &new, &mut out[..l]), Ok(l));
                if l > 0 {
                    prop_assert_eq!(encode(&old, &new, &mut out[..l - 1]), Err(EncodeError::Overflow));
                }
                // decode rebuilds new from old and returns the model's end offset
                let mut page = old.clone();
                let end = decode(&want, &mut page);
                let model_end = model_decode(&want, &old).map(|(d, _)| d);
                prop_assert_eq!(end.map_err(|e| (e.kind(), e.offset())), model_end);
                prop_assert!(page == new, "decode did not rebuild the new page");
            }
        }
    }

    #[test]
    fn decode_of_random_bytes_matches_the_model(
        delta in proptest::collection::vec(any::<u8>(), 0..64),
        len in proptest::sample::select(&[0usize, 1, 2, 100, 200, 4096][..]),
        seed in any::<u64>(),
    ) {
        check_decode(&delta, len, seed)?;
    }

    #[test]
    fn decode_of_mutated_deltas_matches_the_model(
        (old, new) in page_pair(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..4), 1..4),
    ) {
        let Some(mut delta) = model_encode(&old, &new) else { return Ok(()); };
        for (at, byte, op) in edits {
            if delta.is_empty() {
                delta.push(byte);
                continue;
            }
            let at = at.index(delta.len());
            match op {
                0 => delta[at] = byte,
                1 => delta.insert(at, byte),
                2 => { delta.remove(at); }
                _ => delta.truncate(at),
            }
        }
        check_decode(&delta, old.len(), 7)?;
    }

    /// Small pages make every kind of valid delta likely: decode of structured deltas
    /// (pairs of lengths near the page size) against the model.
    #[test]
    fn decode_of_structured_deltas_matches_the_model(
        pairs in proptest::collection::vec((0usize..20, 0usize..20, any::<bool>()), 0..6),
        len in 0usize..40,
    ) {
        let mut delta = Vec::new();
        for (z, m, long) in pairs {
            if long { delta.extend_from_slice(&[0x80 | z as u8, 0]); } else { delta.push(z as u8); }
            delta.push(m as u8);
            delta.extend((0..m).map(|k| k as u8 ^ 0xa5));
        }
        check_decode(&delta, len, 3)?;
    }
}

fn check_decode(delta: &[u8], len: usize, seed: u64) -> Result<(), TestCaseError> {
    let mut old = vec![0u8; len];
    xbzrle_testkit::scenario::fill_random(&mut old, seed);
    let mut page = old.clone();
    let got = decode(delta, &mut page);
    prop_assert_eq!(validate(delta, len), got);
    match (got, model_decode(delta, &old)) {
        (Ok(d), Ok((md, mpage))) => {
            prop_assert_eq!(d, md);
            prop_assert!(page == mpage, "decoded page differs from the model");
        }
        (Err(e), Err((kind, offset))) => {
            prop_assert_eq!((e.kind(), e.offset()), (kind, offset));
            prop_assert!(page == old, "a refused delta changed the page");
        }
        (got, want) => prop_assert!(false, "decode {:?} but model {:?}", got, want.map(|x| x.0)),
    }
    // the unstable single-pass decoder accepts and refuses the same deltas
    #[cfg(feature = "unstable")]
    {
        let mut page2 = old.clone();
        let got2 = xbzrle::unstable::decode_non_atomic(delta, &mut page2);
        prop_assert_eq!(got2, got);
        if got.is_ok() {
            prop_assert!(page2 == page);
        }
    }
    Ok(())
}

#[test]
fn overflow_boundary_on_a_dense_page() {
    // every other byte changed: the encoding is far longer than the page
    let old = vec![0u8; 4096];
    let new: Vec<u8> = (0..4096).map(|k| (k % 2) as u8).collect();
    let want = model_encode(&old, &new).unwrap();
    assert!(want.len() > 4096);
    let mut out = vec![0u8; want.len() + 8];
    assert_eq!(
        encode(&old, &new, &mut out[..4096]),
        Err(EncodeError::Overflow)
    );
    assert_eq!(
        encode(&old, &new, &mut out[..want.len() - 1]),
        Err(EncodeError::Overflow)
    );
    assert_eq!(encode(&old, &new, &mut out[..want.len()]), Ok(want.len()));
    assert_eq!(&out[..want.len()], &want[..]);
}

/// Deltas with more runs than the decoder records in its validation pass (it walks the
/// headers again from there): every count around that limit, valid and refused at the
/// very end.
#[test]
fn decode_of_deltas_with_many_runs() {
    for runs in [
        0usize, 1, 2, 63, 64, 65, 79, 80, 81, 82, 159, 160, 161, 500, 2048,
    ] {
        for lit in [1usize, 2, 3, 130] {
            let len = 4 * 4096;
            let mut old = vec![0u8; len];
            xbzrle_testkit::scenario::fill_random(&mut old, runs as u64);
            let mut new = old.clone();
            let mut p = 0;
            for r in 0..runs {
                p += 1 + r % 3;
                if p + lit > len {
                    break;
                }
                for b in &mut new[p..p + lit] {
                    *b ^= 0x11;
                }
                p += lit;
            }
            let delta = model_encode(&old, &new).unwrap();
            check_decode(&delta, len, runs as u64).unwrap();
            let mut page = old.clone();
            decode(&delta, &mut page).unwrap();
            assert!(page == new, "{runs} runs of {lit}");
            if delta.is_empty() {
                continue; // `00 01 aa` alone is valid
            }
            // the same delta with one bad pair at the end is refused, page untouched
            let mut bad = delta.clone();
            bad.extend_from_slice(&[0x00, 0x01, 0xaa]);
            let mut page = old.clone();
            let err = decode(&bad, &mut page).unwrap_err();
            assert_eq!(err.offset(), delta.len(), "{runs} runs of {lit}");
            assert!(page == old, "{runs} runs of {lit}: refused delta wrote");
            check_decode(&bad, len, runs as u64).unwrap();
        }
    }
}
