//! `xbzrle diff` / `xbzrle patch` of memory images (VM memory snapshots, raw dumps).
//!
//! `diff OLD NEW -o DELTA` writes, page by page, what turns OLD into NEW: nothing for an
//! unchanged page, a zero-page mark, an XBZRLE payload, or the raw page when the payload
//! would be longer than a page. The container is described in `image/format.rs`.
//!
//! * Images of any size: not a multiple of the page size, empty, and OLD and NEW of
//!   different sizes (OLD is read as if zero-extended; the output is NEW's length).
//! * Streaming, constant memory: images are read in batches of 1 MiB frames.
//! * Parallel and deterministic: frames are encoded on `--threads` threads; the delta is
//!   byte-for-byte the same whatever the thread count.
//! * `patch` verifies everything first (header, trailer, every frame's checksum and
//!   structure, every XBZRLE payload, the base image's size and checksum) in one
//!   streaming pass, then writes the output in a second pass to a temporary file, checks
//!   the output's checksum, and only then renames it into place.

mod format;

use crate::output::AtomicFile;
use format::{Header, Stats, Trailer, HEADER_LEN, TRAILER_LEN};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::fs::File;
use std::io::{self, BufReader, IsTerminal, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::sync_channel;
use std::time::Instant;
use xxhash_rust::xxh3::Xxh3;

/// Options of `xbzrle diff`.
#[derive(clap::Args, Debug)]
pub struct DiffArgs {
    /// The base (old) memory image.
    old: PathBuf,
    /// The new memory image.
    new: PathBuf,
    /// Where to write the delta (written atomically).
    #[arg(short, long, value_name = "DELTA")]
    output: PathBuf,
    /// Page size in bytes (1 ..= 16384).
    #[arg(long, default_value_t = 4096)]
    page_size: usize,
    /// Encoding threads (default: all cores). The delta does not depend on it.
    #[arg(long)]
    threads: Option<usize>,
    /// Print nothing but errors.
    #[arg(short, long)]
    quiet: bool,
}

/// Options of `xbzrle patch`.
#[derive(clap::Args, Debug)]
pub struct PatchArgs {
    /// The base (old) memory image the delta was made from.
    old: PathBuf,
    /// The delta written by `xbzrle diff`.
    delta: PathBuf,
    /// Where to write the rebuilt image (written atomically, only if everything checks).
    #[arg(short, long, value_name = "NEW")]
    output: PathBuf,
    /// Refuse the delta unless it was made with this page size.
    #[arg(long)]
    page_size: Option<usize>,
    /// Decoding threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Print nothing but errors.
    #[arg(short, long)]
    quiet: bool,
}

fn open(path: &Path, what: &str) -> Result<(File, u64), String> {
    let f = File::open(path).map_err(|e| format!("cannot open {what} {}: {e}", path.display()))?;
    let len = f
        .metadata()
        .map_err(|e| format!("cannot read {what} {}: {e}", path.display()))?
        .len();
    Ok((f, len))
}

/// Reads until `buf` is full or end of file; returns the bytes read.
fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match r.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(got)
}

fn thread_pool(threads: Option<usize>) -> Result<rayon::ThreadPool, String> {
    let n = match threads {
        Some(0) => return Err("--threads must be at least 1".into()),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .build()
        .map_err(|e| format!("cannot start {n} threads: {e}"))
}

fn progress(len: u64, quiet: bool, msg: &'static str) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    pb.set_style(
        ProgressStyle::with_template(
            "{msg:>9} [{bar:40}] {bytes}/{total_bytes} {binary_bytes_per_sec} eta {eta}",
        )
        .expect("valid template")
        .progress_chars("=> "),
    );
    pb.set_message(msg);
    pb
}

fn mbps(bytes: u64, secs: f64) -> f64 {
    if secs > 0.0 {
        bytes as f64 / secs / 1e6
    } else {
        0.0
    }
}

/// Frames read and encoded together.
struct Batch {
    first: u64,
    n: usize,
    old: Vec<u8>,
    new: Vec<u8>,
    outs: Vec<Vec<u8>>,
    stats: Vec<Stats>,
}

pub fn diff(a: DiffArgs) -> Result<(), String> {
    let ps = a.page_size;
    if ps == 0 || ps > xbzrle::MAX_PAGE_SIZE {
        return Err(format!(
            "--page-size {ps} is not supported: it must be between 1 and {}",
            xbzrle::MAX_PAGE_SIZE
        ));
    }
    let pool = thread_pool(a.threads)?;
    let threads = pool.current_num_threads();
    let (mut old, old_len) = open(&a.old, "OLD image")?;
    let (mut new, new_len) = open(&a.new, "NEW image")?;
    let start = Instant::now();

    let hd = Header::new(ps, old_len, new_len);
    let (hbytes, hh) = hd.to_bytes();
    let frames = hd.frame_count();
    let fs = hd.frame_span();
    let batch_frames = (2 * threads).max(2);
    let write_err = |e: io::Error| format!("cannot write {}: {e}", a.output.display());
    let mut out = AtomicFile::create(&a.output).map_err(write_err)?;
    out.write_all(&hbytes).map_err(write_err)?;

    let pb = progress(new_len, a.quiet, "diff");
    let enc = xbzrle::Encoder::new();
    let mut stats = Stats::default();
    let mut delta_len = HEADER_LEN as u64;

    let (old_hash, new_hash) = std::thread::scope(|s| -> Result<(u64, u64), String> {
        let (full_tx, full_rx) = sync_channel::<Batch>(1);
        let (empty_tx, empty_rx) = sync_channel::<Batch>(2);
        for _ in 0..2 {
            empty_tx
                .send(Batch {
                    first: 0,
                    n: 0,
                    old: vec![0; batch_frames * fs],
                    new: vec![0; batch_frames * fs],
                    outs: vec![Vec::with_capacity(fs + fs / 8); batch_frames],
                    stats: vec![Stats::default(); batch_frames],
                })
                .expect("channel has room");
        }
        let (a_old, a_new) = (&a.old, &a.new);
        // Reader: fills batches in order and hashes both images as they stream by.
        let reader = s.spawn(move || -> Result<(u64, u64), String> {
            let old_err = |e: io::Error| format!("cannot read OLD image {}: {e}", a_old.display());
            let new_err = |e: io::Error| format!("cannot read NEW image {}: {e}", a_new.display());
            let (mut oh, mut nh) = (Xxh3::new(), Xxh3::new());
            let (mut old_read, mut new_read) = (0u64, 0u64);
            let mut k = 0u64;
            while k < frames {
                let Ok(mut b) = empty_rx.recv() else {
                    return Ok((0, 0)); // the writer gave up; it reports why
                };
                b.first = k;
                b.n = (frames - k).min(batch_frames as u64) as usize;
                for i in 0..b.n {
                    let span = hd.pages_in_frame(k + i as u64) * ps;
                    let o = &mut b.old[i * fs..i * fs + span];
                    let got = read_up_to(&mut old, o).map_err(old_err)?;
                    oh.update(&o[..got]);
                    o[got..].fill(0);
                    old_read += got as u64;
                    let n = &mut b.new[i * fs..i * fs + span];
                    let want = (new_len - new_read).min(span as u64) as usize;
                    let got = read_up_to(&mut new, &mut n[..want]).map_err(new_err)?;
                    if got != want {
                        return Err(format!(
                            "NEW image {} shrank while reading",
                            a_new.display()
                        ));
                    }
                    nh.update(&n[..got]);
                    n[got..].copy_from_slice(&o[got..]);
                    new_read += got as u64;
                }
                k += b.n as u64;
                if full_tx.send(b).is_err() {
                    return Ok((0, 0));
                }
            }
            drop(full_tx);
            // the rest of OLD, past the last page of NEW: only hashed
            let mut buf = vec![0u8; 1 << 20];
            loop {
                let got = read_up_to(&mut old, &mut buf).map_err(old_err)?;
                if got == 0 {
                    break;
                }
                oh.update(&buf[..got]);
                old_read += got as u64;
            }
            if old_read != old_len {
                return Err(format!(
                    "OLD image {} changed size while reading",
                    a_old.display()
                ));
            }
            if new_read != new_len || read_up_to(&mut new, &mut [0u8; 1]).map_err(new_err)? != 0 {
                return Err(format!(
                    "NEW image {} changed size while reading",
                    a_new.display()
                ));
            }
            Ok((oh.digest(), nh.digest()))
        });

        let mut done = 0u64;
        while done < frames {
            let Ok(mut b) = full_rx.recv() else {
                break; // the reader failed: its error is reported below
            };
            let (first, n) = (b.first, b.n);
            let Batch {
                old,
                new,
                outs,
                stats: st,
                ..
            } = &mut b;
            pool.install(|| {
                outs[..n]
                    .par_iter_mut()
                    .zip(st[..n].par_iter_mut())
                    .enumerate()
                    .for_each(|(i, (out, st))| {
                        let k = first + i as u64;
                        let span = hd.pages_in_frame(k) * ps;
                        let r = i * fs..i * fs + span;
                        *st = format::encode_frame(&enc, ps, &old[r.clone()], &new[r], hh, k, out);
                    })
            });
            for i in 0..n {
                out.write_all(&outs[i]).map_err(write_err)?;
                delta_len += outs[i].len() as u64;
                stats.add(&st[i]);
                pb.inc((hd.pages_in_frame(first + i as u64) * ps) as u64);
            }
            done += n as u64;
            let _ = empty_tx.send(b);
        }
        drop(full_rx);
        drop(empty_tx);
        let hashes = reader.join().expect("reader thread panicked")?;
        if done != frames {
            return Err("reading stopped early".into());
        }
        Ok(hashes)
    })?;

    let trailer = Trailer {
        frame_count: frames,
        old_hash,
        new_hash,
    };
    out.write_all(&trailer.to_bytes(hh)).map_err(write_err)?;
    delta_len += TRAILER_LEN as u64;
    out.commit().map_err(write_err)?;
    pb.finish_and_clear();
    let secs = start.elapsed().as_secs_f64();
    if !a.quiet {
        let pct = if new_len > 0 {
            delta_len as f64 * 100.0 / new_len as f64
        } else {
            0.0
        };
        eprintln!(
            "diff: {new_len} bytes, {} pages ({} unchanged, {} zero, {} xbzrle, {} raw) -> \
             {delta_len} bytes of delta ({pct:.2} %), {secs:.3} s, {:.1} MB/s, {threads} thread(s)",
            hd.page_count(),
            stats.unchanged,
            stats.zero,
            stats.xbzrle,
            stats.raw,
            mbps(new_len, secs),
        );
    }
    Ok(())
}

/// Reads frame `k` (`[N][records][checksum]`) into `buf` and checks its length and
/// checksum. Returns the range of its records in `buf`.
fn read_frame(
    r: &mut impl Read,
    buf: &mut Vec<u8>,
    hd: &Header,
    hh: u64,
    k: u64,
) -> Result<std::ops::Range<usize>, String> {
    let truncated = || format!("delta is truncated (in frame {k})");
    let io_err = |e: io::Error| format!("cannot read delta: {e}");
    let mut len = [0u8; 4];
    if read_up_to(r, &mut len).map_err(io_err)? != 4 {
        return Err(truncated());
    }
    let n = u32::from_le_bytes(len) as usize;
    if n > hd.max_records_len(hd.pages_in_frame(k)) {
        return Err(format!(
            "delta is corrupt: frame {k} has an impossible length"
        ));
    }
    buf.clear();
    buf.extend_from_slice(&len);
    buf.resize(4 + n + 8, 0);
    if read_up_to(r, &mut buf[4..]).map_err(io_err)? != n + 8 {
        return Err(truncated());
    }
    let stored = u64::from_le_bytes(buf[4 + n..].try_into().unwrap());
    if format::frame_checksum(&buf[..4 + n], hh, k) != stored {
        return Err(format!("delta is corrupt: frame {k} checksum mismatch"));
    }
    Ok(4..4 + n)
}

pub fn patch(a: PatchArgs) -> Result<(), String> {
    let pool = thread_pool(a.threads)?;
    let (mut delta, dlen) = open(&a.delta, "delta")?;
    let start = Instant::now();
    let io_err = |e: io::Error| format!("cannot read delta: {e}");

    // header and trailer
    let mut hb = [0u8; HEADER_LEN];
    let got = read_up_to(&mut delta, &mut hb).map_err(io_err)?;
    let (hd, hh) = Header::parse(&hb[..got])?;
    let ps = hd.page_size();
    if let Some(want) = a.page_size {
        if want != ps {
            return Err(format!(
                "the delta was made with page size {ps}, not {want} (--page-size)"
            ));
        }
    }
    if dlen < (HEADER_LEN + TRAILER_LEN) as u64 {
        return Err("delta is truncated (no trailer)".into());
    }
    let mut tb = [0u8; TRAILER_LEN];
    delta
        .seek(SeekFrom::Start(dlen - TRAILER_LEN as u64))
        .map_err(io_err)?;
    if read_up_to(&mut delta, &mut tb).map_err(io_err)? != TRAILER_LEN {
        return Err("delta is truncated (no trailer)".into());
    }
    let tr = Trailer::parse(&tb, hh)?;
    let frames = hd.frame_count();
    if tr.frame_count != frames {
        return Err("delta is corrupt (frame count does not match its header)".into());
    }
    let (mut old, old_len) = open(&a.old, "base image")?;
    if old_len != hd.old_len {
        return Err(format!(
            "wrong base image: {} is {old_len} bytes, the delta was made from a {}-byte image",
            a.old.display(),
            hd.old_len
        ));
    }
    let old_err = |e: io::Error| format!("cannot read base image {}: {e}", a.old.display());
    let pb = progress(dlen + old_len + hd.new_len, a.quiet, "verify");

    // Pass 1: verify every frame (and hash the base image on another thread).
    let body_end = dlen - TRAILER_LEN as u64;
    std::thread::scope(|s| -> Result<(), String> {
        let old = &mut old;
        let pbo = pb.clone();
        let hasher = s.spawn(move || -> Result<u64, String> {
            let mut h = Xxh3::new();
            let mut buf = vec![0u8; 1 << 20];
            loop {
                let got = read_up_to(old, &mut buf).map_err(old_err)?;
                if got == 0 {
                    return Ok(h.digest());
                }
                h.update(&buf[..got]);
                pbo.inc(got as u64);
            }
        });
        delta
            .seek(SeekFrom::Start(HEADER_LEN as u64))
            .map_err(io_err)?;
        let mut r =
            BufReader::with_capacity(1 << 20, (&mut delta).take(body_end - HEADER_LEN as u64));
        let mut buf = Vec::new();
        for k in 0..frames {
            let recs = read_frame(&mut r, &mut buf, &hd, hh, k)?;
            format::for_each_record(&buf[recs], hd.pages_in_frame(k), ps, true, |_, _| {})
                .map_err(|e| format!("delta is corrupt: frame {k}: {e}"))?;
            pb.inc(buf.len() as u64);
        }
        if read_up_to(&mut r, &mut [0u8; 1]).map_err(io_err)? != 0 {
            return Err("delta is corrupt: unexpected bytes after the last frame".into());
        }
        let old_hash = hasher.join().expect("hasher thread panicked")?;
        if old_hash != tr.old_hash {
            return Err(format!(
                "wrong base image: {} does not match the image the delta was made from (checksum)",
                a.old.display()
            ));
        }
        Ok(())
    })?;

    // Pass 2: apply, in batches of frames decoded in parallel.
    pb.set_message("patch");
    let write_err = |e: io::Error| format!("cannot write {}: {e}", a.output.display());
    let mut out = AtomicFile::create(&a.output).map_err(write_err)?;
    delta
        .seek(SeekFrom::Start(HEADER_LEN as u64))
        .map_err(io_err)?;
    old.seek(SeekFrom::Start(0)).map_err(old_err)?;
    let mut r = BufReader::with_capacity(1 << 20, &mut delta);
    let mut old = BufReader::with_capacity(1 << 20, old);
    let fs = hd.frame_span();
    let batch_frames = (2 * pool.current_num_threads()).max(2);
    let mut pages = vec![0u8; batch_frames * fs];
    let mut bufs: Vec<Vec<u8>> = vec![Vec::new(); batch_frames];
    let rx = xbzrle::migrate::Receiver::new(ps).map_err(|e| e.to_string())?;
    let mut h = Xxh3::new();
    let mut written = 0u64;
    let mut k = 0u64;
    while k < frames {
        let n = (frames - k).min(batch_frames as u64) as usize;
        let mut ranges = Vec::with_capacity(n);
        for (i, buf) in bufs[..n].iter_mut().enumerate() {
            ranges.push(read_frame(&mut r, buf, &hd, hh, k + i as u64)?);
            let span = hd.pages_in_frame(k + i as u64) * ps;
            let p = &mut pages[i * fs..i * fs + span];
            let got = read_up_to(&mut old, p).map_err(old_err)?;
            p[got..].fill(0);
        }
        pool.install(|| {
            pages
                .par_chunks_mut(fs)
                .zip(bufs[..n].par_iter().zip(ranges.par_iter()))
                .enumerate()
                .try_for_each(|(i, (p, (buf, range)))| {
                    let kk = k + i as u64;
                    let mut res = Ok(());
                    format::for_each_record(
                        &buf[range.clone()],
                        hd.pages_in_frame(kk),
                        ps,
                        false,
                        |j, rec| {
                            if res.is_ok() {
                                res = rx.apply(rec, &mut p[j * ps..(j + 1) * ps]);
                            }
                        },
                    )?;
                    res.map_err(|e| format!("delta is corrupt: frame {kk}: {e}"))
                })
        })?;
        for i in 0..n {
            let span = hd.pages_in_frame(k + i as u64) * ps;
            let len = (hd.new_len - written).min(span as u64) as usize;
            let bytes = &pages[i * fs..i * fs + len];
            h.update(bytes);
            out.write_all(bytes).map_err(write_err)?;
            written += len as u64;
            pb.inc(len as u64);
        }
        k += n as u64;
    }
    if written != hd.new_len || h.digest() != tr.new_hash {
        return Err(
            "the rebuilt image does not match the delta's checksum (did an input change \
             while patching?); nothing written"
                .into(),
        );
    }
    out.commit().map_err(write_err)?;
    pb.finish_and_clear();
    let secs = start.elapsed().as_secs_f64();
    if !a.quiet {
        eprintln!(
            "patch: {dlen} bytes of delta + {old_len} bytes of base -> {} bytes, \
             {secs:.3} s, {:.1} MB/s (of output)",
            hd.new_len,
            mbps(hd.new_len, secs)
        );
    }
    Ok(())
}
