//! `xbzrle qemu-ram` end to end on streams built by `xbzrle_testkit::qemu_stream`: the
//! rebuilt RAM, sparse block files, the JSON report, `--verify`, and hostile input
//! (truncated and corrupt streams, huge blocks, an output that is a file, a full disk):
//! every failure is a non-zero exit with one line on stderr and leaves nothing behind.

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::process::{Command, Output};
use xbzrle_testkit::qemu_stream::StreamWriter;

mod common;
use common::{assert_one_line_error, names as listing, Dir, BIN};
const PAGE: usize = 4096;
/// Pages of the large block: 16 MiB, one page in 64 non-zero.
const BIG_PAGES: usize = 4096;

fn qemu_ram(stream: &Path, out: &Path, extra: &[&str]) -> Output {
    Command::new(BIN)
        .arg("qemu-ram")
        .arg(stream)
        .arg("-o")
        .arg(out)
        .args(extra)
        .output()
        .expect("run xbzrle")
}

fn xorshift(x: &mut u64) -> u64 {
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    *x
}

fn random_page(seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    (0..PAGE).map(|_| xorshift(&mut x) as u8).collect()
}

fn encode(old: &[u8], new: &[u8]) -> Vec<u8> {
    let mut out = vec![0u8; old.len()];
    let n = xbzrle::encode(old, new, &mut out).expect("fits");
    out.truncate(n);
    out
}

/// A guest of two blocks: `pc.ram` (16 MiB, mostly zero) and a small ROM whose id holds
/// slashes; three rounds (bulk, one XBZRLE round, final). Returns the stream and the
/// expected contents of both blocks.
fn guest() -> (Vec<u8>, Vec<u8>, Vec<u8>) {
    let mut ram = vec![0u8; BIG_PAGES * PAGE];
    let rom = random_page(99);
    let mut w = StreamWriter::header("pc-q35-9.2");
    w.start_ram(&[
        ("pc.ram", ram.len() as u64),
        ("/rom@etc/acpi/tables", PAGE as u64),
    ]);
    // Bulk round: every 64th page random, the others zero records.
    w.part(false);
    for i in 0..BIG_PAGES {
        let addr = (i * PAGE) as u64;
        let block = if i == 0 { Some("pc.ram") } else { None };
        if i % 64 == 0 {
            let p = random_page(i as u64 + 1);
            ram[i * PAGE..][..PAGE].copy_from_slice(&p);
            w.page(addr, block, &p);
        } else {
            w.zero(addr, block);
        }
    }
    w.page(0, Some("/rom@etc/acpi/tables"), &rom);
    w.end_part();
    // Round 2: XBZRLE deltas on the random pages.
    w.part(false);
    for i in (0..BIG_PAGES).step_by(64) {
        let old = ram[i * PAGE..][..PAGE].to_vec();
        let mut new = old.clone();
        for k in (0..PAGE).step_by(97) {
            new[k] = new[k].wrapping_add(1);
        }
        let block = if i == 0 { Some("pc.ram") } else { None };
        w.xbzrle((i * PAGE) as u64, block, &encode(&old, &new));
        ram[i * PAGE..][..PAGE].copy_from_slice(&new);
    }
    w.end_part();
    // Final round: one page becomes zero again.
    w.part(true).zero(0, Some("pc.ram")).end_part();
    ram[..PAGE].fill(0);
    w.device_section("timer");
    (w.bytes, ram, rom)
}

#[test]
fn rebuilds_ram_sparse_with_report() {
    let d = Dir::new();
    let (stream, ram, rom) = guest();
    let s = d.join("vm.mig");
    fs::write(&s, &stream).unwrap();
    let out_dir = d.join("out");
    let out = qemu_ram(&s, &out_dir, &["--verify", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        listing(&out_dir),
        ["_rom@etc_acpi_tables.bin", "pc.ram.bin"]
    );
    let ram_file = out_dir.join("pc.ram.bin");
    assert!(fs::read(&ram_file).unwrap() == ram, "pc.ram differs");
    assert_eq!(
        fs::read(out_dir.join("_rom@etc_acpi_tables.bin")).unwrap(),
        rom
    );
    // Sparse: 63 of every 64 pages are zero, so at most a quarter of the size is
    // allocated (filesystems without holes would allocate all of it).
    let m = fs::metadata(&ram_file).unwrap();
    assert_eq!(m.len(), ram.len() as u64);
    let allocated = m.blocks() * 512;
    if allocated > m.len() / 4 {
        eprintln!(
            "note: {allocated} of {} bytes allocated: this filesystem did not keep the holes",
            m.len()
        );
        assert!(
            !supports_holes(&d),
            "holes are supported here but were not written"
        );
    }

    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    assert_eq!(v["machine"], "pc-q35-9.2");
    assert_eq!(v["page_size"], 4096);
    assert_eq!(v["rounds"].as_array().unwrap().len(), 3);
    assert_eq!(v["rounds"][2]["final"], true);
    let xbz_pages = (BIG_PAGES / 64) as u64;
    assert_eq!(
        v["total"]["duplicate"],
        (BIG_PAGES - BIG_PAGES / 64 + 1) as u64
    );
    assert_eq!(v["total"]["normal"], xbz_pages + 1);
    assert_eq!(v["total"]["xbzrle_pages"], xbz_pages);
    assert_eq!(v["verify"]["checked"], xbz_pages);
    assert_eq!(v["verify"]["mismatches"], 0);
    assert_eq!(v["blocks"][0]["size"], ram.len());
    assert!(v["stop"].as_str().unwrap().starts_with("device state"));

    // The text report: one line per round and a total, in QEMU's vocabulary.
    let out = qemu_ram(&s, &out_dir, &[]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("duplicate") && text.contains("xbzrle-pages"),
        "{text}"
    );
    assert!(
        text.lines().any(|l| l.trim_start().starts_with("final")),
        "{text}"
    );
    assert!(
        text.lines().any(|l| l.trim_start().starts_with("total")),
        "{text}"
    );
    assert_eq!(listing(&out_dir).len(), 2, "no temporary file left");
}

/// Whether the filesystem of `dir` keeps holes: a file with one byte at 1 MiB.
fn supports_holes(dir: &Path) -> bool {
    use std::io::{Seek, SeekFrom, Write};
    let p = dir.join("hole-probe");
    let mut f = fs::File::create(&p).unwrap();
    f.seek(SeekFrom::Start(1 << 20)).unwrap();
    f.write_all(b"x").unwrap();
    f.sync_all().unwrap();
    let allocated = f.metadata().unwrap().blocks() * 512;
    fs::remove_file(&p).unwrap();
    allocated < 1 << 19
}

#[test]
fn refused_streams_leave_nothing() {
    let d = Dir::new();
    let (stream, ..) = guest();
    let s = d.join("bad.mig");
    let out_dir = d.join("out");
    // Truncations at a spread of offsets, through the header, block list and records.
    let cuts: Vec<usize> = (0..40)
        .chain((40..stream.len()).step_by(stream.len() / 37))
        .collect();
    for &n in &cuts {
        fs::write(&s, &stream[..n]).unwrap();
        let out = qemu_ram(&s, &out_dir, &["--verify"]);
        assert_one_line_error(&out, "bad.mig");
        assert!(!out_dir.exists(), "cut at {n}: output directory created");
    }
    // An existing output directory keeps only what it had.
    fs::create_dir(&out_dir).unwrap();
    fs::write(out_dir.join("keep"), b"mine").unwrap();
    let mut flipped = stream.clone();
    // The first XBZRLE record's payload length: make it exceed the payload.
    let at = find_xbzrle_len(&stream);
    flipped[at] = 0xff;
    fs::write(&s, &flipped).unwrap();
    let out = qemu_ram(&s, &out_dir, &[]);
    assert_one_line_error(&out, "bad.mig");
    assert_eq!(listing(&out_dir), ["keep"]);
    // A block larger than --max-ram.
    let out = qemu_ram(&d.join("none.mig"), &out_dir, &[]);
    assert_one_line_error(&out, "none.mig");
    fs::write(&s, &stream).unwrap();
    let out = qemu_ram(&s, &out_dir, &["--max-ram", "1M"]);
    assert_one_line_error(&out, "--max-ram");
    assert_eq!(listing(&out_dir), ["keep"]);
    // Not a migration stream at all.
    fs::write(&s, b"QEVX\0\0\0\x03 this is not a stream").unwrap();
    let out = qemu_ram(&s, &out_dir, &[]);
    assert_one_line_error(&out, "bad.mig");
    assert_eq!(listing(&out_dir), ["keep"]);
}

/// Byte offset of the high byte of the first XBZRLE record's be16 payload length: the
/// record header is be64 address|flags, the block id, the encoding byte 0x01.
fn find_xbzrle_len(stream: &[u8]) -> usize {
    let needle = b"\x06pc.ram\x01";
    let i = stream
        .windows(needle.len())
        .enumerate()
        .find(|(i, w)| *w == needle && stream[i - 1] & 0x40 != 0)
        .map(|(i, _)| i)
        .expect("an XBZRLE record naming pc.ram");
    i + needle.len()
}

#[test]
fn verify_refuses_a_non_canonical_payload_and_writes_nothing() {
    let d = Dir::new();
    // A valid delta that QEMU's encoder would not produce: byte 10 changed, but the
    // literal run also carries the unchanged bytes 11 and 12.
    let old = vec![7u8; PAGE];
    let payload = [10u8, 3, 9, 7, 7];
    let mut w = StreamWriter::header("pc");
    w.start_ram(&[("pc.ram", PAGE as u64)]);
    w.part(false).page(0, Some("pc.ram"), &old).end_part();
    w.part(true).xbzrle(0, Some("pc.ram"), &payload).end_part();
    w.device_section("timer");
    let s = d.join("odd.mig");
    fs::write(&s, &w.bytes).unwrap();
    let out_dir = d.join("out");
    let out = qemu_ram(&s, &out_dir, &["--verify"]);
    assert_one_line_error(&out, "re-encode differently");
    assert!(!out_dir.exists());
    // Without --verify the RAM is rebuilt (the payload is valid).
    let out = qemu_ram(&s, &out_dir, &[]);
    assert!(out.status.success());
    let mut want = old.clone();
    want[10] = 9;
    assert_eq!(fs::read(out_dir.join("pc.ram.bin")).unwrap(), want);
}

#[test]
fn output_that_is_a_file_is_refused() {
    let d = Dir::new();
    let (stream, ..) = guest();
    let s = d.join("vm.mig");
    fs::write(&s, &stream).unwrap();
    let f = d.join("file");
    fs::write(&f, b"precious").unwrap();
    let out = qemu_ram(&s, &f, &[]);
    assert_one_line_error(&out, "file");
    assert_eq!(fs::read(&f).unwrap(), b"precious");
    assert_eq!(listing(&d), ["file", "vm.mig"]);
}

/// A stream that sits where one of its block files would go is never replaced by it
/// (directly or through a symlink): refused, the stream intact, no other block written.
#[test]
fn a_block_file_that_is_the_stream_is_refused() {
    for via_link in [false, true] {
        let d = Dir::new();
        let (stream, ..) = guest();
        let out_dir = d.join("out");
        fs::create_dir(&out_dir).unwrap();
        let s = out_dir.join("pc.ram.bin");
        fs::write(&s, &stream).unwrap();
        let input = if via_link {
            let l = d.join("vm.mig");
            std::os::unix::fs::symlink(&s, &l).unwrap();
            l
        } else {
            s.clone()
        };
        let out = qemu_ram(&input, &out_dir, &[]);
        assert_one_line_error(&out, "also an input");
        assert!(fs::read(&s).unwrap() == stream, "the stream was changed");
        assert_eq!(listing(&out_dir), ["pc.ram.bin"], "link: {via_link}");
    }
}

/// A full disk while writing the blocks: a 1 MiB tmpfs (needs root and `mount`; skipped
/// with a message otherwise). The temporary files and the directory created go away.
#[test]
fn full_disk_leaves_nothing() {
    let d = Dir::new();
    let mnt = d.join("mnt");
    fs::create_dir(&mnt).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
        .arg(&mnt)
        .output()
        .is_ok_and(|o| o.status.success());
    if !mounted {
        eprintln!("skipped: cannot mount a tmpfs here (needs root)");
        return;
    }
    // 2 MiB of random pages cannot fit in 1 MiB.
    let pages = 512;
    let mut w = StreamWriter::header("pc");
    w.start_ram(&[("pc.ram", (pages * PAGE) as u64)]);
    w.part(true);
    for i in 0..pages {
        let block = if i == 0 { Some("pc.ram") } else { None };
        w.page((i * PAGE) as u64, block, &random_page(i as u64 + 7));
    }
    w.end_part().device_section("timer");
    let s = d.join("vm.mig");
    fs::write(&s, &w.bytes).unwrap();
    let out_dir = mnt.join("out");
    let out = qemu_ram(&s, &out_dir, &[]);
    let mnt_listing = listing(&mnt);
    let _ = Command::new("umount").arg(&mnt).status();
    assert_one_line_error(&out, "No space left");
    assert!(mnt_listing.is_empty(), "left behind: {mnt_listing:?}");
}
