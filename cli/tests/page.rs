//! `xbzrle encode` / `xbzrle decode` end to end: files, stdout, the worked example of docs/format.md §4, and every
//! error path (non-zero exit, one line on stderr, no output or temporary file left).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;
use common::{assert_one_line_error, names as listing, Dir, BIN};

fn run(args: &[&Path]) -> Output {
    Command::new(BIN).args(args).output().expect("run xbzrle")
}

fn p(s: &str) -> &Path {
    Path::new(s)
}

/// The worked example of docs/format.md §4.
fn spec_pages() -> (Vec<u8>, Vec<u8>) {
    let mut old = vec![0u8; 4096];
    let mut new = vec![0u8; 4096];
    old[1001..1022].copy_from_slice(&[
        0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x12, 0x13,
        0x68, 0x00, 0x00, 0x6b, 0x00, 0x6d,
    ]);
    new[1001..1022].copy_from_slice(&[
        0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
        0x68, 0x00, 0x00, 0x67, 0x00, 0x69,
    ]);
    (old, new)
}

const SPEC_DELTA: [u8; 24] = [
    0xe9, 0x07, 0x0f, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d,
    0x0e, 0x0f, 0x03, 0x01, 0x67, 0x01, 0x01, 0x69,
];

#[test]
fn spec_example_bytes_via_files_and_stdout() {
    let d = Dir::new();
    let (old, new) = spec_pages();
    fs::write(d.join("old"), &old).unwrap();
    fs::write(d.join("new"), &new).unwrap();

    let out = run(&[
        p("encode"),
        &d.join("old"),
        &d.join("new"),
        p("-o"),
        &d.join("delta"),
    ]);
    assert!(out.status.success(), "{out:?}");
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
    assert_eq!(fs::read(d.join("delta")).unwrap(), SPEC_DELTA);

    // without -o: payload on stdout
    let out = run(&[p("encode"), &d.join("old"), &d.join("new")]);
    assert!(out.status.success());
    assert_eq!(out.stdout, SPEC_DELTA);

    // decode back, to a file and to stdout
    let out = run(&[
        p("decode"),
        &d.join("old"),
        &d.join("delta"),
        p("--output"),
        &d.join("back"),
    ]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(fs::read(d.join("back")).unwrap(), new);
    let out = run(&[p("decode"), &d.join("old"), &d.join("delta")]);
    assert!(out.status.success());
    assert_eq!(out.stdout, new);

    assert_eq!(listing(&d), ["back", "delta", "new", "old"]);
}

#[test]
fn round_trip_random_pages_matches_library() {
    let d = Dir::new();
    for (i, &size) in [4096usize, 100, 16384, 256].iter().enumerate() {
        let mut old = vec![0u8; size];
        xbzrle_testkit::scenario::fill_random(&mut old, i as u64 + 7);
        let mut new = old.clone();
        xbzrle_testkit::scenario::Pattern::DENSE.apply_in_place(&mut new, 17);
        fs::write(d.join("old"), &old).unwrap();
        fs::write(d.join("new"), &new).unwrap();
        let out = run(&[
            p("encode"),
            &d.join("old"),
            &d.join("new"),
            p("-o"),
            &d.join("delta"),
        ]);
        assert!(out.status.success(), "size {size}: {out:?}");
        let delta = fs::read(d.join("delta")).unwrap();
        let mut expect = vec![0u8; size];
        let len = xbzrle::encode(&old, &new, &mut expect).unwrap();
        assert_eq!(delta, &expect[..len], "size {size}");

        let out = run(&[
            p("decode"),
            &d.join("old"),
            &d.join("delta"),
            p("-o"),
            &d.join("back"),
        ]);
        assert!(out.status.success(), "size {size}: {out:?}");
        assert_eq!(fs::read(d.join("back")).unwrap(), new, "size {size}");
    }
    // output overwrites an existing file atomically
    assert_eq!(listing(&d), ["back", "delta", "new", "old"]);
}

#[test]
fn identical_pages_give_an_empty_payload() {
    let d = Dir::new();
    let mut page = vec![0u8; 4096];
    xbzrle_testkit::scenario::fill_random(&mut page, 3);
    fs::write(d.join("old"), &page).unwrap();
    fs::write(d.join("new"), &page).unwrap();
    let out = run(&[
        p("encode"),
        &d.join("old"),
        &d.join("new"),
        p("-o"),
        &d.join("delta"),
    ]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(fs::read(d.join("delta")).unwrap().len(), 0);
    // and the empty payload decodes to the old page
    let out = run(&[p("decode"), &d.join("old"), &d.join("delta")]);
    assert!(out.status.success());
    assert_eq!(out.stdout, page);
}

/// Runs a command that must fail with `-o target` and checks that the directory listing is
/// unchanged afterwards (no output, no temporary file).
fn check_failure(name: &str, files: &[(&str, Vec<u8>)], args: &[&str], needle: &str) {
    let d = Dir::new();
    for (f, bytes) in files {
        fs::write(d.join(f), bytes).unwrap();
    }
    let before = listing(&d);
    let mut argv: Vec<PathBuf> = Vec::new();
    for a in args {
        if a.starts_with('-') || *a == "encode" || *a == "decode" {
            argv.push(PathBuf::from(a));
        } else {
            argv.push(d.join(a));
        }
    }
    let refs: Vec<&Path> = argv.iter().map(|a| a.as_path()).collect();
    let out = run(&refs);
    assert_one_line_error(&out, needle);
    assert_eq!(listing(&d), before, "{name}: files left behind");
}

#[test]
fn encode_errors() {
    let page = vec![0u8; 4096];
    check_failure(
        "enc-mismatch",
        &[("old", page.clone()), ("new", vec![0u8; 4095])],
        &["encode", "old", "new", "-o", "out"],
        "old page is 4096 bytes but new page is 4095 bytes",
    );
    check_failure(
        "enc-missing",
        &[("old", page.clone())],
        &["encode", "old", "nonexistent", "-o", "out"],
        "cannot read new page",
    );
    check_failure(
        "enc-missing-old",
        &[("new", page.clone())],
        &["encode", "nonexistent", "new", "-o", "out"],
        "cannot read old page",
    );
    check_failure(
        "enc-too-large",
        &[("old", vec![0u8; 16385]), ("new", vec![1u8; 16385])],
        &["encode", "old", "new", "-o", "out"],
        "more than the XBZRLE maximum of 16384 bytes",
    );
    // every byte changed: 2 + 2 + 4096 bytes do not fit in one page
    check_failure(
        "enc-overflow",
        &[("old", page.clone()), ("new", vec![0xffu8; 4096])],
        &["encode", "old", "new", "-o", "out"],
        "send the page raw",
    );
    // unrelated random pages overflow too
    let mut r = vec![0u8; 4096];
    xbzrle_testkit::scenario::fill_random(&mut r, 99);
    check_failure(
        "enc-overflow-random",
        &[("old", page.clone()), ("new", r)],
        &["encode", "old", "new", "-o", "out"],
        "overflow",
    );
    // output in a directory that does not exist
    check_failure(
        "enc-bad-out",
        &[("old", page.clone()), ("new", page.clone())],
        &["encode", "old", "new", "-o", "no/such/dir/out"],
        "cannot write",
    );
}

#[test]
fn decode_errors_report_offset_and_kind() {
    let page = vec![0u8; 4096];
    let cases: &[(&str, &[u8], &str)] = &[
        ("dec-trunc", &[0x00], "at byte 0: truncated delta"),
        (
            "dec-empty-lit",
            &[0x00, 0x01, 0xaa, 0x01, 0x00, 0x00],
            "at byte 4: empty literal run",
        ),
        (
            "dec-empty-zrun",
            &[0x00, 0x01, 0xaa, 0x00, 0x01, 0xbb],
            "at byte 3: empty unchanged run",
        ),
        (
            "dec-bad-len",
            &[0x00, 0x80, 0x80, 0x01],
            "at byte 1: invalid run length",
        ),
        (
            "dec-past-end",
            &[0xff, 0x7f, 0x01, 0xaa],
            "at byte 0: run reaches past the end of the page",
        ),
        (
            "dec-trunc-lit",
            &[0x00, 0x80, 0x01],
            "at byte 1: truncated delta",
        ),
    ];
    for &(name, delta, needle) in cases {
        check_failure(
            name,
            &[("old", page.clone()), ("delta", delta.to_vec())],
            &["decode", "old", "delta", "-o", "out"],
            needle,
        );
    }
    check_failure(
        "dec-missing",
        &[("old", page.clone())],
        &["decode", "old", "nonexistent", "-o", "out"],
        "cannot read delta",
    );
}

#[test]
fn failed_decode_keeps_existing_output_file() {
    // An existing output file is left as it was when the command fails.
    let d = Dir::new();
    fs::write(d.join("old"), vec![0u8; 4096]).unwrap();
    fs::write(d.join("delta"), [0x00u8, 0x05, 0xaa]).unwrap();
    fs::write(d.join("out"), b"previous").unwrap();
    let out = run(&[
        p("decode"),
        &d.join("old"),
        &d.join("delta"),
        p("-o"),
        &d.join("out"),
    ]);
    assert_one_line_error(&out, "truncated");
    assert_eq!(fs::read(d.join("out")).unwrap(), b"previous");
    assert_eq!(listing(&d), ["delta", "old", "out"]);
}
