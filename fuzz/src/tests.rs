//! Tests of the fuzz crate's own parts: the models against docs/format.md §4, the input layouts
//! against `arbitrary`, and the checked-in seeds.
//!
//! `cargo test --manifest-path fuzz/Cargo.toml --lib` (stable is fine).

use super::*;
use arbitrary::Unstructured;
use std::path::{Path, PathBuf};
use xbzrle::DecodeErrorKind;
use xbzrle::DecodeErrorKind::*;

fn hex(s: &str) -> Vec<u8> {
    let s: String = s.split_whitespace().collect();
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

#[test]
fn model_decoder_follows_the_spec_table() {
    let page = vec![0u8; 4096];
    let table: &[(&str, Result<usize, DecodeErrorKind>)] = &[
        ("", Ok(0)),
        ("00", Err(Truncated)),
        ("00 00", Err(EmptyLiteralRun)),
        ("00 01 aa", Ok(1)),
        ("00 01 aa 00 01 bb", Err(EmptyZeroRun)),
        ("80 00 01 aa", Ok(1)),
        ("81 00 01 aa", Ok(2)),
        ("00 80 80 01", Err(BadLength)),
        ("ff 7f 01 aa", Err(PastPageEnd)),
        ("80 20 01 aa", Err(PastPageEnd)),
        ("ff 1f 01 aa", Ok(4096)),
        ("00 01 aa 05", Err(Truncated)),
        ("00 05 aa bb", Err(Truncated)),
        ("00 80 01", Err(Truncated)),
    ];
    for (delta, want) in table {
        let got = model_decode(&hex(delta), &page);
        match (got, want) {
            (Ok((p, d)), Ok(w)) => {
                assert_eq!(d, *w, "{delta}");
                // the literal lands just before d
                if d > 0 {
                    assert_eq!(p[d - 1], 0xaa, "{delta}");
                }
                assert_eq!(p.iter().filter(|&&b| b != 0).count(), (d > 0) as usize);
            }
            (Err((k, _)), Err(w)) => assert_eq!(k, *w, "{delta}"),
            (g, w) => panic!("{delta}: model {g:?}, spec {w:?}"),
        }
    }
    // offsets: the length field that was refused
    assert_eq!(
        model_decode(&hex("00 01 aa 00 01 bb"), &page)
            .unwrap_err()
            .1,
        3
    );
    assert_eq!(model_decode(&hex("00 80 80 01"), &page).unwrap_err().1, 1);
    assert_eq!(model_decode(&hex("00 01 aa 05"), &page).unwrap_err().1, 3);
}

fn spec_example_pages() -> (Vec<u8>, Vec<u8>) {
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

#[test]
fn model_encoder_follows_the_spec_examples() {
    let (old, new) = spec_example_pages();
    let e = model_encode(&old, &new);
    assert_eq!(e.bytes, hex(seeds::SPEC_EXAMPLE));
    assert_eq!(e.end, 1022);
    assert!(!e.long_run);
    let (page, d) = model_decode(&e.bytes, &old).unwrap();
    assert_eq!((page, d), (new.clone(), 1022));

    let z = vec![0u8; 4096];
    let with = |edits: &[(usize, u8)]| {
        let mut n = z.clone();
        for &(k, v) in edits {
            n[k] = v;
        }
        model_encode(&z, &n).bytes
    };
    assert_eq!(with(&[(0, 0xaa)]), hex("00 01 aa"));
    assert_eq!(with(&[(4095, 1)]), hex("ff 1f 01 01"));
    assert_eq!(with(&[(100, 1), (102, 1)]), hex("64 01 01 01 01 01"));
    assert_eq!(with(&[]), Vec::<u8>::new());
    assert_eq!(model_encode(&z, &z).expected(0), Ok(0));

    // runs over 16383 bytes cannot be expressed
    let old = vec![0u8; 16384];
    let new = vec![1u8; 16384];
    let e = model_encode(&old, &new);
    assert!(e.long_run);
    assert_eq!(e.expected(1 << 20), Err(xbzrle::EncodeError::Overflow));
    let mut new = new;
    new[0] = 0;
    let e = model_encode(&old, &new);
    assert!(!e.long_run);
    assert_eq!(&e.bytes[..3], &[0x01, 0xff, 0x7f]);
    assert_eq!(e.expected(e.bytes.len()), Ok(16386));
    assert_eq!(e.expected(16385), Err(xbzrle::EncodeError::Overflow));
}

/// The models are independent of the library; on the spec examples they must agree.
#[test]
fn models_agree_with_the_library_on_the_seeds() {
    for (name, pair) in seeds::page_pairs() {
        let e = model_encode(&pair.old, &pair.new);
        let mut out = vec![0u8; 2 * pair.old.len() + 8];
        assert_eq!(
            xbzrle::encode(&pair.old, &pair.new, &mut out),
            e.expected(out.len()),
            "{name}"
        );
        if !e.long_run {
            let (page, d) = model_decode(&e.bytes, &pair.old).unwrap();
            assert!(page == pair.new, "{name}");
            assert_eq!(d, e.end, "{name}");
        }
    }
}

#[test]
fn layouts_read_back_through_arbitrary() {
    let spec = PageSpec {
        len_sel: 0x1234,
        fill: 3,
        seed: 0xdead_beef,
    };
    let bytes = spec.to_bytes();
    assert_eq!(bytes.len(), PAGE_SPEC_LEN);
    assert_eq!(
        PageSpec::arbitrary(&mut Unstructured::new(&bytes)).unwrap(),
        spec
    );

    let edit = Edit {
        kind: 2,
        pos: 0x4321,
        len: 0x0102,
        val: 0x99,
    };
    let bytes = edit.to_bytes();
    assert_eq!(bytes.len(), EDIT_LEN);
    assert_eq!(
        Edit::arbitrary(&mut Unstructured::new(&bytes)).unwrap(),
        edit
    );

    let h = KernelHeader {
        old_off: 1,
        new_off: 2,
        out_off: 3,
        extra: 0xabcd,
    };
    let bytes = h.to_bytes();
    assert_eq!(bytes.len(), KERNEL_HEADER_LEN);
    assert_eq!(
        KernelHeader::arbitrary(&mut Unstructured::new(&bytes)).unwrap(),
        h
    );

    // the targets' typed inputs read the seed files as intended
    for (target, name, bytes) in seeds::all() {
        match target {
            "decode" => {
                let input = DecodeInput::arbitrary_take_rest(Unstructured::new(&bytes)).unwrap();
                assert_eq!(input.spec.to_bytes(), bytes[..PAGE_SPEC_LEN], "{name}");
                assert_eq!(input.delta, &bytes[PAGE_SPEC_LEN..], "{name}");
            }
            "roundtrip" => {
                let pair = PagePair::arbitrary_take_rest(Unstructured::new(&bytes)).unwrap();
                assert_eq!(pair.to_bytes(), bytes, "{name}");
            }
            "receive" => {
                // raw bytes: the header reads back, the payload is the rest
                let h = crate::receive::ReceiveHeader::read(&bytes);
                assert_eq!(h.to_bytes(), bytes[..3], "{name}");
            }
            _ => {
                let input = KernelInput::arbitrary_take_rest(Unstructured::new(&bytes)).unwrap();
                let mut back = input.header.to_bytes();
                back.extend(input.pair.to_bytes());
                assert_eq!(back, bytes, "{name}");
            }
        }
    }

    for (name, pair) in seeds::page_pairs() {
        let bytes = pair.to_bytes();
        let back = PagePair::read(&mut Unstructured::new(&bytes)).unwrap();
        assert_eq!(back.spec, pair.spec, "{name}");
        assert_eq!(back.edits, pair.edits, "{name}");
        assert!(back.old == pair.old && back.new == pair.new, "{name}");
    }
}

#[test]
fn page_lengths_cover_the_range() {
    assert_eq!(PageSpec::exact(16384, 0, 0).len(), 16384);
    assert_eq!(PageSpec::exact(0, 0, 0).len(), 0);
    assert_eq!(
        PageSpec {
            len_sel: 0x7fff,
            ..Default::default()
        }
        .len(),
        0x7fff % 16385
    );
    let max = (0..=u16::MAX)
        .map(|s| {
            PageSpec {
                len_sel: s,
                ..Default::default()
            }
            .len()
        })
        .max();
    assert_eq!(max, Some(16384));
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// Checks the checked-in seeds are what [`seeds::all`] generates (or, with
/// `XBZRLE_WRITE_SEEDS=1`, writes them and removes stale `seed-*` files).
#[test]
fn seeds_are_current() {
    let write = std::env::var_os("XBZRLE_WRITE_SEEDS").is_some();
    let seeds = seeds::all();
    let mut names = std::collections::BTreeSet::new();
    for (target, name, bytes) in &seeds {
        assert!(name.starts_with("seed-"));
        assert!(bytes.len() < 40 * 1024, "{target}/{name} is too big");
        assert!(
            names.insert((target.to_string(), name.clone())),
            "duplicate {name}"
        );
        let path = corpus_dir().join(target).join(name);
        if write {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, bytes).unwrap();
        } else {
            let on_disk = std::fs::read(&path).unwrap_or_else(|e| {
                panic!(
                    "{}: {e} (regenerate: XBZRLE_WRITE_SEEDS=1 cargo test --lib seeds)",
                    path.display()
                )
            });
            assert!(
                &on_disk == bytes,
                "{} is stale (regenerate the seeds)",
                path.display()
            );
        }
    }
    for target in ["decode", "roundtrip", "kernels", "receive"] {
        let dir = corpus_dir().join(target);
        for entry in std::fs::read_dir(&dir).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            if name.starts_with("seed-") && !names.contains(&(target.to_string(), name.clone())) {
                if write {
                    std::fs::remove_file(dir.join(&name)).unwrap();
                } else {
                    panic!("stale seed {target}/{name}");
                }
            }
        }
    }
}

/// Every `receive` seed passes the target's checks, and the valid ones are accepted.
#[test]
fn receive_seeds_pass_the_target() {
    for (name, b) in seeds::receive_seeds() {
        crate::receive::check_receive(&b);
        let h = crate::receive::ReceiveHeader::read(&b);
        let mut mem = h.old_memory();
        let r = xbzrle_testkit::payload::model_apply(&mut mem, h.page_size(), &h.ranges(), &b[3..]);
        assert_eq!(
            r.is_ok(),
            ["delta", "final", "bulk"]
                .iter()
                .any(|k| name.starts_with(&format!("seed-{k}-"))),
            "{name}: {r:?}"
        );
    }
}
