//! `xbzrle bench` end to end: `--quick --json` must produce one JSON document that
//! parses and holds every scenario, kernel and baseline with sane contents. No timing is
//! asserted (speeds are measured, never tested).

use serde_json::Value;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_xbzrle");

#[test]
fn quick_json_parses_and_is_complete() {
    // --quick, made smaller still: the test binary may be a debug build.
    let out = Command::new(BIN)
        .args(["bench", "--quick", "--json", "--region-mib", "1"])
        .output()
        .expect("run xbzrle bench");
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).expect("stdout is one JSON document");

    assert_eq!(doc["tool"], "xbzrle bench");
    assert!(doc["cpu"].as_str().is_some_and(|s| !s.is_empty()));
    assert!(doc["features"].is_object());
    let selected = doc["selected_kernel"].as_str().unwrap();
    assert_eq!(selected, xbzrle::Kernel::best().name());
    let available: Vec<&str> = doc["available_kernels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let expect: Vec<&str> = xbzrle::Kernel::available().map(|k| k.name()).collect();
    assert_eq!(available, expect);

    let rows = doc["rows"].as_array().unwrap();
    let scenarios = [
        "SPARSE",
        "MEDIUM",
        "DENSE",
        "VERY-DENSE",
        "UNCHANGED",
        "ALL-CHANGED",
        "RANDOM",
    ];
    let mut codecs: Vec<String> = vec![
        "read-bound".into(),
        "xbzrle decode".into(),
        "qemu-style decode".into(),
    ];
    codecs.extend(xbzrle::Kernel::available().map(|k| {
        if k == xbzrle::Kernel::best() {
            format!("{} (dispatch)", k.name())
        } else {
            k.name().to_string()
        }
    }));
    codecs.extend(["xor+lz4".into(), "xor+snappy".into()]);
    for setting in ["hot", "stream"] {
        for sc in scenarios {
            for codec in &codecs {
                let row = rows
                    .iter()
                    .find(|r| {
                        r["setting"] == setting && r["scenario"] == sc && r["codec"] == **codec
                    })
                    .unwrap_or_else(|| panic!("no row {setting} {sc} {codec}"));
                let has = |k: &str| row[k]["median"].as_f64().is_some_and(|v| v > 0.0);
                match codec.as_str() {
                    "xbzrle decode" => assert!(has("decode_mb_s") && has("decode_non_atomic_mb_s")),
                    "qemu-style decode" => assert!(has("decode_mb_s")),
                    "read-bound" => assert!(has("encode_mb_s")),
                    "xor+lz4" | "xor+snappy" => assert!(has("encode_mb_s") && has("decode_mb_s")),
                    _ => {
                        assert!(has("encode_mb_s"), "{row}");
                        assert!(row["encode_time_vs_read"].as_f64().is_some());
                    }
                }
            }
        }
        // Encoded sizes are fixed by the format (docs/format.md §7): the stream region is 1 MiB
        // here, so allow for the pattern's phase at the region's end.
        if setting == "stream" {
            for (sc, pct) in [
                ("SPARSE", 1.35),
                ("MEDIUM", 5.13),
                ("DENSE", 21.67),
                ("VERY-DENSE", 37.21),
                ("UNCHANGED", 0.0),
                ("ALL-CHANGED", 100.0),
                ("RANDOM", 100.0),
            ] {
                let row = rows
                    .iter()
                    .find(|r| {
                        r["setting"] == setting
                            && r["scenario"] == sc
                            && r["codec"] == "xbzrle decode"
                    })
                    .unwrap();
                let got = row["size_pct"].as_f64().unwrap();
                assert!((got - pct).abs() < 0.05, "{sc}: {got} % vs {pct} %");
            }
        }
    }
    // the table went to stderr
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("read-bound") && err.contains("done in"),
        "{err}"
    );
}

#[test]
fn bad_options_fail_with_one_line() {
    for args in [
        &["bench", "--scenario", "nope"][..],
        &["bench", "--kernel", "nope"],
        &["bench", "--page-size", "16385"],
        &["bench", "--page-size", "0"],
        &["bench", "--rounds", "0"],
    ] {
        let out = Command::new(BIN).args(args).output().unwrap();
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("xbzrle: "), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn subset_of_scenarios_kernel_and_setting() {
    let out = Command::new(BIN)
        .args([
            "bench",
            "--quick",
            "--json",
            "--setting",
            "hot",
            "--scenario",
            "very_dense,sparse",
            "--kernel",
            "scalar",
            "--no-baselines",
            "--rounds",
            "1",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = doc["rows"].as_array().unwrap();
    // read-bound, scalar, decode, qemu-style decode for 2 scenarios
    assert_eq!(rows.len(), 8, "{rows:?}");
    assert!(rows.iter().all(|r| r["setting"] == "hot"));
    assert_eq!(rows[0]["scenario"], "VERY-DENSE");
    assert_eq!(rows[4]["scenario"], "SPARSE");
}

#[test]
fn markdown_table() {
    let out = Command::new(BIN)
        .args([
            "bench",
            "--quick",
            "--markdown",
            "--setting",
            "hot",
            "--scenario",
            "dense",
            "--rounds",
            "1",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = md
        .lines()
        .filter(|l| l.starts_with("| hot | DENSE |"))
        .collect();
    assert_eq!(rows.len(), 1, "{md}");
    // setting, scenario, size, read bound, every kernel, decode (2), qemu-style decode,
    // two baselines
    let cols = 9 + xbzrle::Kernel::available().count();
    assert!(md.contains("|---|"), "{md}");
    assert_eq!(rows[0].matches('|').count(), cols + 1, "{md}");
    assert!(rows[0].contains("| 21.75 |"), "DENSE size on 8 pages: {md}");
    let header = md.lines().find(|l| l.starts_with("| setting |")).unwrap();
    assert_eq!(header.matches('|').count(), cols + 1, "{md}");
    for k in xbzrle::Kernel::available() {
        assert!(header.contains(&format!("encode: {}", k.name())), "{md}");
    }
}

#[test]
fn a_wrong_timed_output_aborts_the_benchmark() {
    for (what, needle) in [
        ("encode", "output bytes differ from the verified reference"),
        ("decode", "decoded page differs from the expected page"),
    ] {
        let out = Command::new(BIN)
            .env("XBZRLE_BENCH_CORRUPT", what)
            .args([
                "bench",
                "--quick",
                "--setting",
                "hot",
                "--scenario",
                "sparse",
                "--rounds",
                "1",
            ])
            .output()
            .unwrap();
        assert!(
            !out.status.success(),
            "{what}: corrupted output was accepted"
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{what}: {err}");
        assert!(
            err.contains("CHECK FAILED") && err.contains(needle),
            "{what}: {err}"
        );
        // nothing was reported for the scenario whose output was wrong
        let table = String::from_utf8_lossy(&out.stdout);
        assert!(!table.contains("hot      SPARSE"), "{what}: {table}");
    }
}

/// `bench --parallel --quick`: the three comparisons are printed with numbers (every pass
/// is checked inside; a failed check exits non-zero). No timing is asserted.
#[test]
fn parallel_quick_prints_the_three_comparisons() {
    let out = Command::new(BIN)
        .args([
            "bench",
            "--parallel",
            "--quick",
            "--rounds",
            "1",
            "--region-mib",
            "4",
        ])
        .output()
        .expect("run xbzrle bench --parallel");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    for needle in [
        "(a) ",
        "(b) ",
        "(c) ",
        "SPARSE",
        "VERY-DENSE",
        "speedup",
        "ratio",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
    // pages that have no delta, and document output, are refused with one line
    for args in [
        &["bench", "--parallel", "--page-size", "64", "--quick"][..],
        &["bench", "--parallel", "--json"],
    ] {
        let out = Command::new(BIN).args(args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    }
}
