//! The CLI against a hostile user (issue 10): outputs that are devices, links, FIFOs,
//! directories or inputs; inputs that are pipes, block devices or endless; disk full;
//! signals; absurd `--threads`; crafted container headers; closed standard output.
//!
//! Every failure must be one line on stderr, a non-zero exit, and leave no output and no
//! temporary file. Tests that need root (device nodes, loop devices, a tmpfs mount) print
//! why and return when they cannot set up; CI runs as root, so they run there.

use std::fs;
use std::io::{Read, Write};
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_xbzrle");

struct Dir(tempfile::TempDir);

impl Dir {
    fn new() -> Dir {
        Dir(tempfile::tempdir().unwrap())
    }
    fn path(&self, name: &str) -> PathBuf {
        self.0.path().join(name)
    }
    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.path(name);
        fs::write(&p, bytes).unwrap();
        p
    }
    fn names(&self) -> Vec<String> {
        names(self.0.path())
    }
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// No temporary file of ours in `dir`.
fn no_temps(dir: &Path) {
    let left: Vec<String> = names(dir)
        .into_iter()
        .filter(|n| n.contains(".xbzrle-tmp-"))
        .collect();
    assert!(
        left.is_empty(),
        "temporary files left in {}: {left:?}",
        dir.display()
    );
}

fn run<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run xbzrle")
}

/// Runs `sh -c script` with `$X` the binary (for redirections Command cannot express).
fn sh(script: &str, dir: &Path) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .env("X", BIN)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("run sh")
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A failed run: non-zero exit, one line `xbzrle: ...` containing `needle`.
#[track_caller]
fn one_line_error(out: &Output, needle: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "exit 0; stderr {err:?}");
    assert_eq!(err.lines().count(), 1, "stderr: {err:?}");
    assert!(err.starts_with("xbzrle: "), "stderr: {err:?}");
    assert!(err.contains(needle), "stderr {err:?} lacks {needle:?}");
}

#[track_caller]
fn ok(out: &Output) {
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

fn skip(why: &str) {
    println!("SKIPPED: {why}");
    eprintln!("SKIPPED: {why}");
}

/// Two pages and the payload between them.
fn pages(d: &Dir) -> (PathBuf, PathBuf, Vec<u8>) {
    let old: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 251) as u8).collect();
    let mut new = old.clone();
    new[100..110].fill(0xee);
    let (o, n) = (d.write("old", &old), d.write("new", &new));
    let out = run(&["encode", s(&o), s(&n)]);
    ok(&out);
    assert!(!out.stdout.is_empty());
    (o, n, out.stdout)
}

/// Two images (a few frames) and their delta.
fn images(d: &Dir) -> (PathBuf, PathBuf, PathBuf) {
    let old: Vec<u8> = (0..3_000_000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 24) as u8)
        .collect();
    let mut new = old.clone();
    new[5000..5100].fill(1);
    new[2_000_000..2_004_096].fill(0);
    let (o, n) = (d.write("old.img", &old), d.write("new.img", &new));
    let delta = d.path("delta");
    ok(&run(&["diff", s(&o), s(&n), "-o", s(&delta), "-q"]));
    (o, n, delta)
}

// ---- item 1: what -o replaces ----

#[test]
fn char_device_output_is_written_not_replaced() {
    let d = Dir::new();
    let (o, n, _) = pages(&d);
    // /dev/null itself (the reported case), then a node of our own when root can make one
    ok(&run(&["encode", s(&o), s(&n), "-o", "/dev/null"]));
    assert!(fs::symlink_metadata("/dev/null")
        .unwrap()
        .file_type()
        .is_char_device());
    no_temps(Path::new("/dev"));
    let node = d.path("null");
    let c = std::ffi::CString::new(s(&node)).unwrap();
    // SAFETY: valid C string; mknod creates a node or fails.
    let made = unsafe { libc::mknod(c.as_ptr(), libc::S_IFCHR | 0o666, libc::makedev(1, 3)) };
    if made != 0 {
        return skip("cannot mknod a character device here (not root?)");
    }
    ok(&run(&["encode", s(&o), s(&n), "-o", s(&node)]));
    assert!(fs::symlink_metadata(&node)
        .unwrap()
        .file_type()
        .is_char_device());
    no_temps(d.0.path());
}

#[test]
fn dev_full_is_a_one_line_enospc_error() {
    if !Path::new("/dev/full").exists() {
        return skip("no /dev/full");
    }
    let d = Dir::new();
    let (o, n, _) = pages(&d);
    let out = run(&["encode", s(&o), s(&n), "-o", "/dev/full"]);
    one_line_error(&out, "No space left on device");
    assert!(fs::metadata("/dev/full")
        .unwrap()
        .file_type()
        .is_char_device());
    let (oi, ni, delta) = images(&d);
    one_line_error(
        &run(&["diff", s(&oi), s(&ni), "-o", "/dev/full", "-q"]),
        "No space left on device",
    );
    one_line_error(
        &run(&["patch", s(&oi), s(&delta), "-o", "/dev/full", "-q"]),
        "No space left on device",
    );
    no_temps(Path::new("/dev"));
}

#[test]
fn symlinks_are_followed_and_their_target_written() {
    let d = Dir::new();
    let (o, n, payload) = pages(&d);
    fs::write(d.path("target"), b"old contents").unwrap();
    std::os::unix::fs::symlink("target", d.path("link")).unwrap();
    std::os::unix::fs::symlink("link", d.path("link2")).unwrap();
    std::os::unix::fs::symlink("absent", d.path("dangling")).unwrap();
    for l in ["link", "link2", "dangling"] {
        ok(&run(&["encode", s(&o), s(&n), "-o", s(&d.path(l))]));
        assert!(fs::symlink_metadata(d.path(l))
            .unwrap()
            .file_type()
            .is_symlink());
    }
    assert_eq!(fs::read(d.path("target")).unwrap(), payload);
    assert_eq!(fs::read(d.path("absent")).unwrap(), payload);
    no_temps(d.0.path());
}

#[test]
fn fifo_output_is_written_directly() {
    let d = Dir::new();
    let (o, n, payload) = pages(&d);
    let fifo = d.path("fifo");
    let c = std::ffi::CString::new(s(&fifo)).unwrap();
    // SAFETY: valid C string.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let f2 = fifo.clone();
    let reader = std::thread::spawn(move || fs::read(f2).unwrap());
    ok(&run(&["encode", s(&o), s(&n), "-o", s(&fifo)]));
    assert_eq!(reader.join().unwrap(), payload);
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    no_temps(d.0.path());
}

#[test]
fn hard_linked_output_is_refused() {
    let d = Dir::new();
    let (o, n, _) = pages(&d);
    let a = d.write("a", b"precious");
    fs::hard_link(&a, d.path("b")).unwrap();
    one_line_error(&run(&["encode", s(&o), s(&n), "-o", s(&a)]), "hard links");
    assert_eq!(fs::read(&a).unwrap(), b"precious");
    assert_eq!(fs::metadata(&a).unwrap().nlink(), 2);
    no_temps(d.0.path());
}

#[test]
fn permission_bits_of_the_replaced_file_are_kept() {
    let d = Dir::new();
    let (o, n, payload) = pages(&d);
    let (oi, _, delta) = images(&d);
    for (mode, args) in [
        (0o600, vec!["encode", s(&o), s(&n)]),
        (0o640, vec!["patch", s(&oi), s(&delta), "-q"]),
        (0o751, vec!["diff", s(&oi), s(&oi), "-q"]),
    ] {
        let out = d.write("secret", b"x");
        fs::set_permissions(&out, fs::Permissions::from_mode(mode)).unwrap();
        let mut a = args.clone();
        a.extend(["-o", s(&out)]);
        ok(&run(&a));
        assert_eq!(
            fs::metadata(&out).unwrap().mode() & 0o7777,
            mode,
            "{args:?}"
        );
    }
    ok(&run(&["encode", s(&o), s(&n), "-o", s(&d.path("secret"))]));
    assert_eq!(fs::read(d.path("secret")).unwrap(), payload);
    no_temps(d.0.path());
}

#[test]
fn directory_and_block_device_outputs_are_refused() {
    let d = Dir::new();
    let (o, n, _) = pages(&d);
    let (oi, ni, delta) = images(&d);
    fs::create_dir(d.path("dir")).unwrap();
    let before = d.names();
    for args in [
        vec!["encode", s(&o), s(&n), "-o", s(&d.path("dir"))],
        vec!["diff", s(&oi), s(&ni), "-q", "-o", s(&d.path("dir"))],
        vec!["patch", s(&oi), s(&delta), "-q", "-o", s(&d.path("dir"))],
    ] {
        one_line_error(&run(&args), "is a directory");
    }
    assert_eq!(d.names(), before);
    assert!(names(&d.path("dir")).is_empty());
    let Some(lo) = Loop::new(&d, 1 << 20) else {
        return;
    };
    one_line_error(
        &run(&["encode", s(&o), s(&n), "-o", &lo.dev]),
        "block device",
    );
}

// ---- item 2: inputs by content ----

#[test]
fn pipes_and_stdin_are_read_as_streams() {
    let d = Dir::new();
    let (oi, ni, delta) = images(&d);
    let want = fs::read(&delta).unwrap();
    for (name, script) in [
        ("d1", "cat new.img | \"$X\" diff old.img - -o d1 -q"),
        (
            "d2",
            "cat old.img | \"$X\" diff /dev/stdin new.img -o d2 -q",
        ),
        ("d3", "\"$X\" diff old.img /dev/stdin -o d3 -q < new.img"),
    ] {
        let out = sh(script, d.0.path());
        ok(&out);
        assert_eq!(fs::read(d.path(name)).unwrap(), want, "{script}");
    }
    let out = sh(
        "cat delta | \"$X\" patch old.img - -o - -q | cmp - new.img",
        d.0.path(),
    );
    ok(&out);
    let out = sh("cat old.img | \"$X\" patch - delta -o p -q", d.0.path());
    ok(&out);
    assert_eq!(fs::read(d.path("p")).unwrap(), fs::read(&ni).unwrap());
    let _ = oi;
    no_temps(d.0.path());
}

#[test]
fn endless_and_unsizable_inputs_are_refused_not_taken_as_empty() {
    let d = Dir::new();
    let (oi, ni, _) = images(&d);
    one_line_error(
        &run(&["diff", "/dev/zero", s(&ni), "-o", s(&d.path("x")), "-q"]),
        "character device",
    );
    one_line_error(
        &run(&["diff", s(&oi), s(&d.path(".")), "-o", s(&d.path("x")), "-q"]),
        "directory",
    );
    one_line_error(
        &run(&["diff", "-", "-", "-o", s(&d.path("x")), "-q"]),
        "both be standard input",
    );
    assert!(!d.path("x").exists());
    no_temps(d.0.path());
}

/// A loop device over a file of `len` bytes (root only; detached on drop).
struct Loop {
    dev: String,
}

impl Loop {
    fn new(d: &Dir, len: u64) -> Option<Loop> {
        Loop::over(&d.path("backing"), len)
    }
    fn over(file: &Path, len: u64) -> Option<Loop> {
        if !is_root() {
            skip("loop devices need root");
            return None;
        }
        if !file.exists() {
            fs::File::create(file).unwrap().set_len(len).unwrap();
        }
        let out = Command::new("losetup")
            .args(["-f", "--show", s(file)])
            .output();
        match out {
            Ok(o) if o.status.success() => Some(Loop {
                dev: String::from_utf8(o.stdout).unwrap().trim().to_string(),
            }),
            _ => {
                skip("cannot attach a loop device here (losetup)");
                None
            }
        }
    }
}

impl Drop for Loop {
    fn drop(&mut self) {
        let _ = Command::new("losetup").args(["-d", &self.dev]).status();
    }
}

#[test]
fn block_devices_are_read_by_their_real_size() {
    let d = Dir::new();
    let (oi, ni, delta) = images(&d);
    // the loop device is rounded to 512-byte sectors: use an image of whole sectors
    let mut img = fs::read(&ni).unwrap();
    img.resize(img.len().div_ceil(512) * 512, 0);
    let file = d.write("new.sectors", &img);
    let Some(lo) = Loop::over(&file, 0) else {
        return;
    };
    let want = d.path("want");
    ok(&run(&["diff", s(&oi), s(&file), "-o", s(&want), "-q"]));
    let got = d.path("got");
    ok(&run(&["diff", s(&oi), &lo.dev, "-o", s(&got), "-q"]));
    assert_eq!(fs::read(&got).unwrap(), fs::read(&want).unwrap());
    // and patch rebuilds the whole device's contents, not an empty image
    let out = d.path("out");
    ok(&run(&["patch", s(&oi), s(&got), "-o", s(&out), "-q"]));
    assert_eq!(fs::read(&out).unwrap(), img);
    let _ = delta;
}

// ---- item 3: temporary files on every failure path ----

#[test]
fn disk_full_during_write_and_commit_leaves_nothing() {
    if !is_root() {
        return skip("mounting a tmpfs needs root");
    }
    let d = Dir::new();
    let (oi, ni, delta) = images(&d);
    let mnt = d.path("mnt");
    fs::create_dir(&mnt).unwrap();
    let st = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs", s(&mnt)])
        .status();
    if !matches!(st, Ok(s) if s.success()) {
        return skip("cannot mount a tmpfs here");
    }
    struct Unmount(PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(&self.0).status();
        }
    }
    let _u = Unmount(mnt.clone());
    // a 3 MB image does not fit in 1 MiB; the delta of a changed image neither
    let out = run(&["patch", s(&oi), s(&delta), "-o", s(&mnt.join("new")), "-q"]);
    one_line_error(&out, "No space left on device");
    let out = run(&["diff", "/dev/null", s(&ni), "-o", s(&mnt.join("d")), "-q"]);
    // /dev/null is refused as an input (character device); use an empty file instead
    one_line_error(&out, "character device");
    let empty = d.write("empty", b"");
    let out = run(&["diff", s(&empty), s(&ni), "-o", s(&mnt.join("d")), "-q"]);
    one_line_error(&out, "No space left on device");
    assert!(names(&mnt).is_empty(), "left: {:?}", names(&mnt));
    // a small output that fits in the buffer fails only in the commit (its flush): fill
    // the file system first
    let big = d.write("fill", &vec![1u8; 2 << 20]);
    assert!(fs::copy(&big, mnt.join("fill")).is_err());
    let (o, n, _) = pages(&d);
    let out = run(&["encode", s(&o), s(&n), "-o", s(&mnt.join("p"))]);
    one_line_error(&out, "No space left on device");
    assert_eq!(names(&mnt), ["fill"]);
    fs::remove_file(mnt.join("fill")).unwrap();
    assert!(names(&mnt).is_empty(), "left: {:?}", names(&mnt));
}

/// A big sparse image pair: long enough to work on that a signal arrives mid-way.
fn sparse(d: &Dir, name: &str, len: u64) -> PathBuf {
    let p = d.path(name);
    let f = fs::File::create(&p).unwrap();
    f.set_len(len).unwrap();
    p
}

fn wait_for_temp(dir: &Path, child: &mut std::process::Child) -> bool {
    let t = Instant::now();
    while t.elapsed() < Duration::from_secs(60) {
        if names(dir).iter().any(|n| n.contains(".xbzrle-tmp-")) {
            return true;
        }
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

#[test]
fn sigint_and_sigterm_remove_the_temporary_file() {
    use std::os::unix::process::ExitStatusExt;
    let d = Dir::new();
    let old = sparse(&d, "old", 8 << 30);
    let new = sparse(&d, "new", 8 << 30);
    // diff, then patch (its temporary file exists from the start of its checks)
    let delta = d.path("delta");
    for (sig, args) in [
        (
            libc::SIGINT,
            vec!["diff", s(&old), s(&new), "-o", s(&delta)],
        ),
        (
            libc::SIGTERM,
            vec!["diff", s(&old), s(&new), "-o", s(&delta)],
        ),
    ] {
        let mut a = args.clone();
        a.extend(["-q", "--threads", "1"]);
        let mut child = Command::new(BIN).args(&a).spawn().unwrap();
        let started = wait_for_temp(d.0.path(), &mut child);
        // SAFETY: kill with a valid pid and signal.
        unsafe { libc::kill(child.id() as i32, sig) };
        let st = child.wait().unwrap();
        assert!(started, "no temporary file appeared");
        assert_eq!(st.signal(), Some(sig), "{st:?}");
        no_temps(d.0.path());
        assert!(!delta.exists());
    }
    // patch: a delta (one page) made from the big base image, crafted here, as a real
    // diff would take long: patch is killed while it checks the base image
    let hd = header(4096, 256, 8 << 30, 4096, 1);
    let h = u64::from_le_bytes(hd[56..64].try_into().unwrap());
    let mut frame = vec![1, 0, 0, 0, 0x00]; // one record: unchanged
    let c = xxhash_rust::xxh3::xxh3_64_with_seed(&frame, h);
    frame.extend(c.to_le_bytes());
    let mut crafted = hd;
    crafted.extend(frame);
    crafted.extend(trailer(h, 1));
    fs::write(&delta, crafted).unwrap();
    let out = d.path("out");
    let mut child = Command::new(BIN)
        .args([
            "patch",
            s(&old),
            s(&delta),
            "-o",
            s(&out),
            "-q",
            "--threads",
            "1",
        ])
        .spawn()
        .unwrap();
    let started = wait_for_temp(d.0.path(), &mut child);
    // SAFETY: as above.
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let st = child.wait().unwrap();
    assert!(started, "no temporary file appeared");
    assert_eq!(st.signal(), Some(libc::SIGTERM), "{st:?}");
    no_temps(d.0.path());
    assert!(!out.exists());
}

// ---- item 5: --threads ----

#[test]
fn absurd_thread_counts_are_a_one_line_error() {
    let d = Dir::new();
    let (oi, ni, delta) = images(&d);
    for n in ["20000", "18446744073709551615", "0", "18446744073709551616"] {
        let t = Instant::now();
        let out = run(&[
            "diff",
            s(&oi),
            s(&ni),
            "-o",
            s(&d.path("x")),
            "--threads",
            n,
        ]);
        one_line_error(&out, "--threads");
        let out = run(&[
            "patch",
            s(&oi),
            s(&delta),
            "-o",
            s(&d.path("x")),
            "--threads",
            n,
        ]);
        one_line_error(&out, "--threads");
        assert!(t.elapsed() < Duration::from_secs(20));
    }
    assert!(!d.path("x").exists());
}

// ---- item 6: crafted headers with valid checksums ----

fn header(page_size: u32, ppf: u32, old_len: u64, new_len: u64, pages: u64) -> Vec<u8> {
    let mut b = vec![0u8; 64];
    b[0..8].copy_from_slice(b"XBZRLEIM");
    b[8..12].copy_from_slice(&1u32.to_le_bytes());
    b[12..16].copy_from_slice(&page_size.to_le_bytes());
    b[16..20].copy_from_slice(&ppf.to_le_bytes());
    b[24..32].copy_from_slice(&old_len.to_le_bytes());
    b[32..40].copy_from_slice(&new_len.to_le_bytes());
    b[40..48].copy_from_slice(&pages.to_le_bytes());
    let h = xxhash_rust::xxh3::xxh3_64(&b[..56]);
    b[56..64].copy_from_slice(&h.to_le_bytes());
    b
}

fn trailer(h: u64, frames: u64) -> Vec<u8> {
    let mut b = vec![0u8; 40];
    b[0..8].copy_from_slice(b"XBZRLEND");
    b[8..16].copy_from_slice(&frames.to_le_bytes());
    let c = xxhash_rust::xxh3::xxh3_64_with_seed(&b[..32], h);
    b[32..40].copy_from_slice(&c.to_le_bytes());
    b
}

#[test]
fn crafted_lengths_are_refused_without_overflow() {
    let d = Dir::new();
    let base = d.write("base", b"");
    for (old_len, new_len) in [
        (0, u64::MAX),
        (u64::MAX, 0),
        (0, u64::MAX - 4095),
        (0, 1 << 62),
    ] {
        let pages = new_len.div_ceil(4096);
        let hd = header(4096, 256, old_len, new_len, pages);
        let h = u64::from_le_bytes(hd[56..64].try_into().unwrap());
        let frames = pages.div_ceil(256);
        let mut delta = hd.clone();
        delta.extend(trailer(h, frames));
        let p = d.write("delta", &delta);
        let out = run(&["patch", s(&base), s(&p), "-o", s(&d.path("out")), "-q"]);
        one_line_error(&out, "delta");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            !err.contains("panicked") && !err.contains("overflow"),
            "{err}"
        );
        assert!(!d.path("out").exists());
    }
    no_temps(d.0.path());
}

// ---- item 7 ----

#[test]
fn closed_stdout_is_an_error() {
    let d = Dir::new();
    pages(&d);
    let (..) = images(&d);
    for script in [
        "\"$X\" encode old new >&-",
        "\"$X\" diff old.img new.img -o - -q >&-",
        "\"$X\" patch old.img delta -o - -q >&-",
        "\"$X\" bench --quick >&-",
        "\"$X\" qemu-ram delta -o dir >&-",
    ] {
        let out = sh(script, d.0.path());
        one_line_error(&out, "standard output is closed");
    }
}

#[test]
fn an_output_that_is_an_input_is_refused() {
    let d = Dir::new();
    let (o, n, payload) = pages(&d);
    let pd = d.write("payload", &payload);
    let (oi, ni, delta) = images(&d);
    std::os::unix::fs::symlink("old.img", d.path("alias")).unwrap();
    let keep: Vec<(PathBuf, Vec<u8>)> = [&o, &n, &pd, &oi, &ni, &delta]
        .iter()
        .map(|p| (p.to_path_buf(), fs::read(p).unwrap()))
        .collect();
    for args in [
        vec!["encode", s(&o), s(&n), "-o", s(&o)],
        vec!["encode", s(&o), s(&n), "-o", s(&n)],
        vec!["decode", s(&o), s(&pd), "-o", s(&o)],
        vec!["decode", s(&o), s(&pd), "-o", s(&pd)],
        vec!["diff", s(&oi), s(&ni), "-q", "-o", s(&oi)],
        vec!["diff", s(&oi), s(&ni), "-q", "-o", s(&ni)],
        vec!["diff", s(&oi), s(&ni), "-q", "-o", s(&d.path("alias"))],
        vec!["patch", s(&oi), s(&delta), "-q", "-o", s(&oi)],
        vec!["patch", s(&oi), s(&delta), "-q", "-o", s(&delta)],
    ] {
        one_line_error(&run(&args), "also an input");
    }
    // standard output appended to an input
    let out = sh("\"$X\" diff old.img new.img -o - -q >> old.img", d.0.path());
    one_line_error(&out, "also an input");
    for (p, bytes) in keep {
        assert_eq!(fs::read(&p).unwrap(), bytes, "{} changed", p.display());
    }
    no_temps(d.0.path());
}

/// Runs `args` with a standard input that sends `len` bytes and then stays open; the
/// command must finish without waiting for its end.
fn bounded(args: &[&str], len: usize, needle: &str) {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(&vec![7u8; len]);
        std::thread::sleep(Duration::from_secs(30)); // never closed before the check
        drop(stdin);
    });
    let t = Instant::now();
    let st = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        assert!(
            t.elapsed() < Duration::from_secs(20),
            "{args:?} waits for the end of its input"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(!st.success());
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(needle), "{err}");
    drop(feeder); // detached; it ends by itself
}

#[test]
fn page_inputs_are_read_up_to_the_limit_plus_one() {
    let d = Dir::new();
    let (o, n, _) = pages(&d);
    // endless inputs
    one_line_error(
        &run(&["decode", s(&o), "/dev/zero"]),
        "more than 49152 bytes",
    );
    one_line_error(
        &run(&["encode", "/dev/zero", s(&n)]),
        "more than the XBZRLE maximum",
    );
    // a stream that does not end: refused once limit + 1 bytes came
    bounded(&["decode", s(&o), "-"], 49153, "more than 49152 bytes");
    bounded(
        &["encode", "-", s(&n)],
        16385,
        "more than the XBZRLE maximum",
    );
    // a big file
    let big = sparse(&d, "big", 300 << 20);
    one_line_error(&run(&["decode", s(&o), s(&big)]), "more than 49152 bytes");
}

#[test]
fn decode_pages_are_at_most_16384_bytes_like_the_readme_says() {
    let d = Dir::new();
    let page = d.write("page", &vec![0u8; 16385]);
    let delta = d.write("delta", &[0x00, 0x01, 0xaa]);
    one_line_error(
        &run(&["decode", s(&page), s(&delta), "-o", s(&d.path("out"))]),
        "more than the XBZRLE maximum of 16384 bytes",
    );
    assert!(!d.path("out").exists());
    let page = d.write("page", &vec![0u8; 16384]);
    ok(&run(&[
        "decode",
        s(&page),
        s(&delta),
        "-o",
        s(&d.path("out")),
    ]));
    let docs = include_str!("../../docs/cli.md");
    assert!(docs.contains("Pages are 0 to 16384 bytes"));
}

#[test]
fn usage_errors_are_one_line_too() {
    for args in [
        vec!["frob"],
        vec!["diff", "a"],
        vec!["encode", "a", "b", "--nope"],
    ] {
        let out = run(&args);
        one_line_error(&out, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    ok(&run(&["--version"]));
}
