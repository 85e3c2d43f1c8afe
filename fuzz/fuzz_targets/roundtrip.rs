//! `roundtrip`: an arbitrary old page plus a list of edits, encoded and decoded.
//!
//! Input: a 7-byte `PageSpec` (old page), then 6-byte `Edit` records (the new page is
//! the old one with the edits applied). Checks that `encode` gives exactly the canonical
//! bytes of the byte-at-a-time model encoder (docs/format.md §3) or `Overflow` where the model says
//! so (a run over 16383 bytes), that decoding the result onto the old page rebuilds the
//! new page and returns the offset past the last change, that an output one byte short
//! gives `Overflow`, and the argument checks (`LengthMismatch`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use xbzrle::EncodeError;
use xbzrle_fuzz::{check_decoders, model_encode, PagePair};

fuzz_target!(|pair: PagePair| {
    let (old, new) = (&pair.old, &pair.new);
    let p = old.len();
    let model = model_encode(old, new);

    // A buffer big enough for any canonical encoding of a page this size.
    let mut out = vec![0u8; 2 * p + 8];
    let got = xbzrle::encode(old, new, &mut out);
    assert_eq!(got, model.expected(out.len()), "encode vs model, big out");

    match got {
        Ok(len) => {
            assert_eq!(
                &out[..len],
                &model.bytes[..],
                "encoded bytes differ from the model's"
            );
            // decode rebuilds the new page
            let mut page = old.clone();
            let d = xbzrle::decode(&out[..len], &mut page).expect("decode of an encoding failed");
            assert!(page == *new, "decode(encode(old, new)) != new");
            assert_eq!(d, model.end, "decode returned the wrong end offset");
            let mut page = old.clone();
            check_decoders(&out[..len], old, &mut page);

            // exactly L fits, L - 1 does not
            let mut exact = vec![0u8; len];
            assert_eq!(
                xbzrle::encode(old, new, &mut exact),
                Ok(len),
                "out of exactly L bytes"
            );
            assert_eq!(&exact[..], &model.bytes[..]);
            if len > 0 {
                let mut short = vec![0u8; len - 1];
                assert_eq!(
                    xbzrle::encode(old, new, &mut short),
                    Err(EncodeError::Overflow),
                    "out of L - 1 bytes must overflow"
                );
            } else {
                assert!(old == new, "Ok(0) for different pages");
                assert_eq!(xbzrle::encode(old, new, &mut []), Ok(0));
            }
        }
        Err(_) => {
            // only a run over 16383 bytes can overflow the big buffer: every size overflows
            assert!(model.long_run);
            for n in [0, 1, p / 2, p + 4] {
                let mut o = vec![0u8; n];
                assert_eq!(xbzrle::encode(old, new, &mut o), Err(EncodeError::Overflow));
            }
        }
    }

    // argument checks
    if p > 0 {
        assert_eq!(
            xbzrle::encode(old, &new[..p - 1], &mut out),
            Err(EncodeError::LengthMismatch { old: p, new: p - 1 })
        );
    }
});
