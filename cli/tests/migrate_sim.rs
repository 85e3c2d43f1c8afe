//! `xbzrle migrate-sim` end to end, through the built binary: `--quick --json` must give
//! one JSON document with every method verified (destination == source) and every figure
//! present and consistent with the others; bad options give one line and a non-zero exit;
//! `--plot` writes its SVG atomically. No timing is asserted (times are measured, never
//! tested): only that they are finite and not negative.
//!
//! The runs use a smaller `--memory` than `--quick`'s 64 MiB: the test binary may be a
//! debug build.

use serde_json::Value;
use std::process::{Command, Output};

mod common;
use common::{assert_one_line_error, names as listing, Dir, BIN};
const PAGE: u64 = 4096;

fn sim(args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("migrate-sim")
        .args(args)
        .output()
        .expect("run xbzrle migrate-sim")
}

fn json_of(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "exit {:?}, stderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is one JSON document")
}

fn u(v: &Value, key: &str) -> u64 {
    v[key]
        .as_u64()
        .unwrap_or_else(|| panic!("{key} is not an unsigned integer in {v}"))
}

fn f(v: &Value, key: &str) -> f64 {
    let x = v[key]
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is not a number in {v}"));
    assert!(x.is_finite() && x >= 0.0, "{key} = {x}");
    x
}

/// What `check_method` returns: total wire bytes, and the wire bytes and dirty pages of
/// the rounds after the first delta round (whose pages are all cache misses for xbzrle).
#[derive(Debug, Clone, Copy)]
struct Figures {
    wire: u64,
    later_wire: u64,
    later_pages: u64,
}

impl Figures {
    /// Wire bytes per dirty page after the first delta round.
    fn later_per_page(&self) -> f64 {
        self.later_wire as f64 / self.later_pages.max(1) as f64
    }
}

/// Checks one method's rounds and totals against each other and the settings.
fn check_method(m: &Value, settings: &Value) -> Figures {
    let name = m["method"].as_str().unwrap();
    let memory = u(settings, "memory_bytes");
    let rounds = m["rounds"].as_array().unwrap();
    let t = &m["total"];
    assert!(!rounds.is_empty(), "{name}: no rounds");
    assert_eq!(u(t, "rounds"), rounds.len() as u64, "{name}");
    assert!(
        rounds.len() as u64 <= u(settings, "max_rounds") + 1,
        "{name}"
    );
    let mut wire = 0;
    let mut later_wire = 0;
    let mut later_pages = 0;
    for (i, r) in rounds.iter().enumerate() {
        assert_eq!(u(r, "round"), i as u64, "{name}");
        let kind = r["kind"].as_str().unwrap();
        let want = match i {
            0 => "bulk",
            _ if i == rounds.len() - 1 => "final",
            _ => "delta",
        };
        assert_eq!(kind, want, "{name} round {i}");
        let dirty = u(r, "dirty_pages");
        assert_eq!(u(r, "dirty_bytes"), dirty * PAGE, "{name} round {i}");
        match i {
            0 => assert_eq!(
                dirty * PAGE,
                memory,
                "{name}: the bulk round sends every page"
            ),
            // the bulk round lasts long enough for the workload to dirty pages; a later
            // round may be so short that it dirties none (then the migration converges)
            1 => assert!(dirty > 0, "{name} round 1: the workload dirtied nothing"),
            _ => {}
        }
        // every page of the round is accounted for exactly once
        let p = &r["pages"];
        let accounted = u(p, "zero") + u(p, "raw") + u(p, "compressed") + u(p, "unchanged");
        assert_eq!(accounted, dirty, "{name} round {i}: {p}");
        let w = u(r, "wire_bytes");
        assert_eq!(
            w > 0,
            dirty > 0,
            "{name} round {i}: {w} bytes for {dirty} pages"
        );
        wire += w;
        if i > 1 {
            later_wire += w;
            later_pages += dirty;
        }
        f(r, "seconds");
        f(r, "sender_cpu_s");
        match name {
            "raw" => {
                assert_eq!(u(p, "raw"), dirty, "raw sends every page raw");
                assert!(w >= dirty * PAGE, "raw: {w} bytes for {dirty} pages");
            }
            "xbzrle" => {
                let c = &r["cache"];
                assert!(c.is_object(), "xbzrle round {i} has no cache figures");
                let miss = f(c, "miss_rate");
                assert!(miss <= 1.0);
                assert!(u(c, "misses") <= u(c, "lookups"));
                assert_eq!(u(c, "xbzrle_pages"), u(p, "compressed"), "round {i}");
                match i {
                    // the bulk round neither consults nor fills the cache (QEMU's rule)
                    0 => {
                        assert_eq!(u(c, "lookups"), 0);
                        assert_eq!(u(p, "compressed") + u(p, "unchanged"), 0);
                    }
                    // so every non-zero page of the first delta round misses
                    1 => assert_eq!(miss, 1.0, "round 1: {c}"),
                    _ => {}
                }
            }
            _ => assert!(r["cache"].is_null(), "{name} round {i} has cache figures"),
        }
    }
    assert_eq!(u(t, "wire_bytes"), wire, "{name}: total = sum of rounds");
    let per = f(t, "wire_per_memory_byte");
    assert!((per - wire as f64 / memory as f64).abs() < 1e-9, "{name}");
    f(t, "migration_s");
    let last = rounds.last().unwrap();
    assert_eq!(f(t, "downtime_s"), f(last, "seconds"), "{name}: downtime");
    assert!(t["converged"].is_boolean());
    f(t, "sender_cpu_s");
    f(t, "receiver_cpu_s");
    assert!(
        u(t, "pages_touched") > 0,
        "{name}: the workload did not run"
    );
    f(t, "dirty_rate_mb_s");
    f(t, "workload_cpu_s");
    assert_eq!(u(t, "differing_pages"), 0, "{name}: destination differs");
    assert_eq!(t["verified"], true, "{name}");
    if name == "xbzrle" {
        let cap = u(t, "cache_bytes");
        assert!(cap > 0 && cap <= u(settings, "cache_bytes"), "cache {cap}");
        let miss = f(t, "cache_miss_rate");
        assert!(miss > 0.0 && miss <= 1.0, "miss rate {miss}");
        u(t, "overflows");
    } else {
        for k in ["cache_bytes", "cache_miss_rate", "overflows"] {
            assert!(t[k].is_null(), "{name}: {k} = {}", t[k]);
        }
    }
    Figures {
        wire,
        later_wire,
        later_pages,
    }
}

#[test]
fn quick_json_every_method_verified_and_complete() {
    let out = sim(&[
        "--quick",
        "--json",
        "--quiet",
        "--workload",
        "sparse",
        "--memory",
        "16MiB",
    ]);
    let doc = json_of(&out);
    assert_eq!(doc["verified"], true);
    assert!(doc["machine"]["cpu"]
        .as_str()
        .is_some_and(|s| !s.is_empty()));
    assert!(u(&doc["machine"], "cpus") >= 1);
    let s = &doc["settings"];
    assert_eq!(u(s, "memory_bytes"), 16 << 20);
    assert_eq!(u(s, "page_size"), PAGE);
    assert_eq!(s["workload"], "sparse");
    assert_eq!(u(s, "working_set_bytes"), 1 << 20);
    assert_eq!(u(s, "channels"), 2);
    assert_eq!(s["link"], "1 Gbit/s");
    assert_eq!(f(s, "link_bytes_per_s"), 125e6);
    assert_eq!(u(s, "cache_bytes"), 2 << 20);
    assert_eq!(u(s, "chunk_bytes"), 1 << 20);
    assert_eq!(u(s, "max_rounds"), 4);
    assert_eq!(f(s, "max_downtime_ms"), 0.0);
    f(s, "dirty_rate_mb_s");
    u(s, "seed");
    assert_eq!(s["quick"], true);
    let all = ["raw", "zero", "xbzrle", "lz4", "zstd"];
    assert_eq!(s["methods"], serde_json::json!(all));

    let methods = doc["methods"].as_array().unwrap();
    let names: Vec<&str> = methods
        .iter()
        .map(|m| m["method"].as_str().unwrap())
        .collect();
    assert_eq!(names, all);
    let figures: Vec<Figures> = methods.iter().map(|m| check_method(m, s)).collect();
    let [raw, zero, xbzrle, lz4, zstd] = figures[..] else {
        unreachable!()
    };
    // about 40 % of the initial pages are zero pages: every method but raw skips them
    for (name, fig) in [
        ("zero", zero),
        ("xbzrle", xbzrle),
        ("lz4", lz4),
        ("zstd", zstd),
    ] {
        assert!(
            fig.wire < raw.wire * 9 / 10,
            "{name} {fig:?} vs raw {raw:?}"
        );
    }
    let deltas: u64 = methods[2]["rounds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| u(&r["cache"], "xbzrle_pages"))
        .sum();
    assert!(deltas > 0, "xbzrle sent no delta at all");
    assert!(xbzrle.wire < zero.wire, "xbzrle {xbzrle:?} zero {zero:?}");
    // a sparse workload: after the first delta round (all cache misses) an XBZRLE delta
    // is ~1.4 % of a page, so per dirty page xbzrle sends far less than zero-skip (a
    // whole page) or a compressor (the touched pages hold random bytes in places)
    let per = xbzrle.later_per_page();
    assert!(xbzrle.later_pages > 0, "{xbzrle:?}");
    assert!(per < PAGE as f64 / 8.0, "xbzrle: {per} bytes per page");
    assert!(per * 4.0 < zero.later_per_page(), "{xbzrle:?} {zero:?}");
    assert!(per * 2.0 < lz4.later_per_page(), "{xbzrle:?} {lz4:?}");
    assert!(per * 2.0 < zstd.later_per_page(), "{xbzrle:?} {zstd:?}");
}

#[test]
fn random_pages_overflow_and_still_verify() {
    // whole pages rewritten with random bytes: cached pages overflow and go raw
    let out = sim(&[
        "--quick",
        "--json",
        "--quiet",
        "--workload",
        "random-pages",
        "--memory",
        "8MiB",
        "--methods",
        "xbzrle",
        "--channels",
        "3",
    ]);
    let doc = json_of(&out);
    let m = &doc["methods"][0];
    assert_eq!(doc["methods"].as_array().unwrap().len(), 1);
    check_method(m, &doc["settings"]);
    assert!(u(&m["total"], "overflows") > 0, "{}", m["total"]);
}

#[test]
fn text_report_lists_every_method() {
    let out = sim(&[
        "--quick",
        "--quiet",
        "--memory",
        "4MiB",
        "--methods",
        "zero,lz4",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("migrate-sim: 4 MiB guest"), "{text}");
    for m in ["| zero |", "| lz4 |"] {
        assert!(text.contains(m), "{m} missing from {text}");
    }
    assert!(!text.contains("| raw |"));
}

#[test]
fn bad_options_are_one_line_errors() {
    let cases: [(&[&str], &str); 9] = [
        (&["--memory", "1000TiB"], "third of this machine's memory"),
        (&["--memory", "lots"], "invalid size"),
        (&["--memory", "1000"], "at least 1 MiB"),
        (&["--channels", "0"], "--channels 0"),
        (&["--link", "fast"], "invalid link"),
        (&["--methods", "gzip"], "gzip"),
        (&["--max-rounds", "0"], "--max-rounds"),
        (&["--cache", "1"], "--cache 1"),
        (&["--plot", "-"], "--plot -"),
    ];
    for (args, needle) in cases {
        let out = sim(&[&["--quick", "--quiet"], args].concat());
        assert_one_line_error(&out, needle);
    }
    let out = sim(&["--channels", "0"]);
    assert_eq!(out.status.code(), Some(1), "a refused setting exits 1");
    let out = sim(&["--link", "fast"]);
    assert_eq!(out.status.code(), Some(2), "a usage error (clap) exits 2");
}

#[test]
fn lead_run_settings_are_accepted() {
    // the closing run of issue 13, checked without running it
    let out = sim(&[
        "--memory",
        "4GiB",
        "--workload",
        "mixed",
        "--link",
        "10Gbit",
        "--channels",
        "2",
        "--dry-run",
        "--json",
    ]);
    let ram = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("MemTotal:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .map(|kb| kb * 1024);
    if ram.is_some_and(|r| r / 3 < 4 << 30) {
        assert_one_line_error(&out, "third of this machine's memory");
        return;
    }
    let doc = json_of(&out);
    let s = &doc["settings"];
    assert_eq!(u(s, "memory_bytes"), 4 << 30);
    assert_eq!(s["link"], "10 Gbit/s");
    assert_eq!(u(s, "cache_bytes"), 512 << 20);
    assert_eq!(f(s, "max_downtime_ms"), 300.0);
    assert_eq!(u(s, "max_rounds"), 10);
    assert!(doc.get("methods").is_none(), "a dry run migrates nothing");
}

#[test]
fn plot_is_written_atomically() {
    let dir = Dir::new();
    let svg = dir.join("sim.svg");
    std::fs::write(&svg, "old contents").unwrap();
    let old_inode = std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(&svg).unwrap());
    let svg_arg = svg.to_str().unwrap();
    let out = sim(&[
        "--quick",
        "--quiet",
        "--json",
        "--memory",
        "4MiB",
        "--methods",
        "raw,xbzrle",
        "--plot",
        svg_arg,
    ]);
    json_of(&out);
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("<svg"), "{}", &text[..text.len().min(200)]);
    assert!(text.trim_end().ends_with("</svg>"));
    for needle in ["raw", "xbzrle", "remaining dirty memory", "downtime"] {
        assert!(text.contains(needle), "{needle} not in the plot");
    }
    // replaced by a rename (a new inode), and no temporary file left beside it
    let new_inode = std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(&svg).unwrap());
    assert_ne!(
        old_inode, new_inode,
        "the old file was overwritten in place"
    );
    assert_eq!(listing(&dir), ["sim.svg"]);

    // a directory is refused before anything runs; nothing is created
    let out = sim(&["--quick", "--quiet", "--plot", dir.to_str().unwrap()]);
    assert_one_line_error(&out, "directory");
    // a path in a missing directory: refused, nothing left behind
    let missing = dir.join("no/such/dir/x.svg");
    let out = sim(&["--quick", "--quiet", "--plot", missing.to_str().unwrap()]);
    assert_one_line_error(&out, "cannot write");
    assert_eq!(listing(&dir), ["sim.svg"]);
}
