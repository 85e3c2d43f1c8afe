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

use crate::input::{open_image, Source};
use crate::output::progress;
use crate::output::AtomicFile;
use format::{read_frame, read_up_to, Header, Stats, Trailer, HEADER_LEN, TRAILER_LEN};
use indicatif::ProgressBar;
use rayon::prelude::*;
use std::fs::File;
use std::io::{self, BufReader, Seek, SeekFrom, Write};
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
    /// Where to write the delta (a regular file atomically; `-`, a FIFO or a character
    /// device directly).
    #[arg(short, long, value_name = "DELTA")]
    output: PathBuf,
    /// Page size in bytes (1 ..= 16384).
    #[arg(long, default_value_t = 4096)]
    page_size: usize,
    /// Encoding threads (default: all cores; at most 4 × the CPU count, and 256). The
    /// delta does not depend on it.
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
    /// Where to write the rebuilt image (a regular file atomically, only if everything
    /// checks; `-`, a FIFO or a character device directly).
    #[arg(short, long, value_name = "NEW")]
    output: PathBuf,
    /// Refuse the delta unless it was made with this page size.
    #[arg(long)]
    page_size: Option<usize>,
    /// Decoding threads (default: all cores; at most 4 × the CPU count, and 256).
    #[arg(long)]
    threads: Option<usize>,
    /// Print nothing but errors.
    #[arg(short, long)]
    quiet: bool,
}

/// The largest `--threads`: 4 × the CPU count, at most 256 (each thread also brings
/// buffers of a few frames, 1 MiB each).
pub const MAX_THREADS: usize = 256;

fn thread_pool(threads: Option<usize>) -> Result<rayon::ThreadPool, String> {
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    let max = cpus.saturating_mul(4).min(MAX_THREADS);
    let n = match threads {
        Some(0) => return Err("--threads must be at least 1".into()),
        Some(n) if n > max => {
            return Err(format!(
            "--threads {n} is too many: at most {max} (4 x {cpus} CPUs, and at most {MAX_THREADS})"
        ))
        }
        Some(n) => n,
        None => cpus,
    };
    rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .build()
        .map_err(|e| format!("cannot start {n} threads: {e}"))
}

fn mbps(bytes: u64, secs: f64) -> f64 {
    if secs > 0.0 {
        bytes as f64 / secs / 1e6
    } else {
        0.0
    }
}

/// Reads at `off` until `buf` is full or end of file; returns the bytes read. Safe to
/// call from several threads on the same file.
fn read_at(f: &File, buf: &mut [u8], off: u64) -> io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        #[cfg(unix)]
        let r = std::os::unix::fs::FileExt::read_at(f, &mut buf[got..], off + got as u64);
        #[cfg(windows)]
        let r = std::os::windows::fs::FileExt::seek_read(f, &mut buf[got..], off + got as u64);
        match r {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(got)
}

/// Bytes read and encoded at a time inside a frame (kept small so they stay in cache).
const SUB_SPAN: usize = 64 << 10;

thread_local! {
    /// Per-thread OLD and NEW buffers of the encoder.
    static SCRATCH: std::cell::RefCell<(Vec<u8>, Vec<u8>)> =
        const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
}

/// An input image: its file, length, path (for messages) and what it is called.
struct Input<'a> {
    file: &'a File,
    len: u64,
    path: &'a Path,
    what: &'a str,
}

impl Input<'_> {
    /// Reads `buf.len()` bytes at `off`, or fewer where the image ends (by its length as
    /// measured at the start); the rest of `buf` is left alone. Returns the bytes read.
    fn read(&self, buf: &mut [u8], off: u64) -> Result<usize, String> {
        let want = self.len.saturating_sub(off).min(buf.len() as u64) as usize;
        let got = read_at(self.file, &mut buf[..want], off)
            .map_err(|e| format!("cannot read {} {}: {e}", self.what, self.path.display()))?;
        if got != want {
            return Err(format!(
                "{} {} shrank while being read",
                self.what,
                self.path.display()
            ));
        }
        Ok(got)
    }

    /// XXH3-64 of the image's piece `[off, off + len)` (clipped to the image).
    fn hash_piece(&self, off: u64, len: usize, buf: &mut Vec<u8>) -> Result<u64, String> {
        buf.resize(SUB_SPAN, 0);
        let mut h = Xxh3::new();
        let end = (off + len as u64).min(self.len);
        let mut at = off;
        while at < end {
            let n = ((end - at) as usize).min(SUB_SPAN);
            self.read(&mut buf[..n], at)?;
            h.update(&buf[..n]);
            at += n as u64;
        }
        Ok(h.digest())
    }

    /// The number of checksum pieces of `span` bytes.
    fn pieces(&self, span: usize) -> u64 {
        self.len.div_ceil(span as u64)
    }

    /// Checksums of pieces `range` (in parallel on the current pool), fed into `h`.
    fn hash_pieces(
        &self,
        span: usize,
        range: std::ops::Range<u64>,
        h: &mut format::ImageHash,
        pb: &ProgressBar,
    ) -> Result<(), String> {
        let mut k = range.start;
        while k < range.end {
            let n = (range.end - k).min(1024);
            let hashes = (k..k + n)
                .into_par_iter()
                .map_init(Vec::new, |buf, j| {
                    let r = self.hash_piece(j * span as u64, span, buf);
                    pb.inc(span as u64);
                    r
                })
                .collect::<Result<Vec<u64>, String>>()?;
            for x in hashes {
                h.add_piece(x);
            }
            k += n;
        }
        Ok(())
    }
}

/// The encoded frame and the checksums of the image pieces it covers.
#[derive(Default)]
struct FrameOut {
    bytes: Vec<u8>,
    stats: Stats,
    old_hash: Option<u64>,
    new_hash: u64,
}

/// Encodes frame `k`: reads its pages of OLD and NEW a few at a time (padding as the
/// format says), appends their records, and hashes the frame's pieces of both images.
fn diff_frame(
    hd: &Header,
    hh: u64,
    enc: &xbzrle::Encoder,
    old: &Input,
    new: &Input,
    k: u64,
    out: &mut FrameOut,
) -> Result<(), String> {
    let ps = hd.page_size();
    let fs = hd.frame_span();
    let base = k * fs as u64;
    let pages = hd.pages_in_frame(k);
    let sub_pages = (SUB_SPAN / ps).max(1);
    out.stats = Stats::default();
    format::start_frame(&mut out.bytes);
    let (mut oh, mut nh) = (Xxh3::new(), Xxh3::new());
    SCRATCH.with_borrow_mut(|(ob, nb)| -> Result<(), String> {
        ob.resize(sub_pages * ps, 0);
        nb.resize(sub_pages * ps, 0);
        let mut p = 0;
        while p < pages {
            let np = sub_pages.min(pages - p);
            let len = np * ps;
            let off = base + (p * ps) as u64;
            let (o, n) = (&mut ob[..len], &mut nb[..len]);
            let got = old.read(o, off)?;
            oh.update(&o[..got]);
            o[got..].fill(0);
            let got = new.read(n, off)?;
            nh.update(&n[..got]);
            n[got..].copy_from_slice(&o[got..]);
            format::encode_pages(enc, ps, o, n, &mut out.bytes, &mut out.stats);
            p += np;
        }
        // the last frame's piece of OLD may reach past NEW's last page
        let mut at = base + (pages * ps) as u64;
        let end = (base + fs as u64).min(old.len);
        while at < end {
            let n = ((end - at) as usize).min(ob.len());
            old.read(&mut ob[..n], at)?;
            oh.update(&ob[..n]);
            at += n as u64;
        }
        Ok(())
    })?;
    format::finish_frame(&mut out.bytes, hh, k);
    out.old_hash = (base < old.len).then(|| oh.digest());
    out.new_hash = nh.digest();
    Ok(())
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
    if a.old.as_os_str() == "-" && a.new.as_os_str() == "-" {
        return Err("OLD and NEW cannot both be standard input".into());
    }
    let Source {
        file: old_file,
        len: old_len,
        id: old_id,
    } = open_image(&a.old, "OLD image")?;
    let Source {
        file: new_file,
        len: new_len,
        id: new_id,
    } = open_image(&a.new, "NEW image")?;
    let old = Input {
        file: &old_file,
        len: old_len,
        path: &a.old,
        what: "OLD image",
    };
    let new = Input {
        file: &new_file,
        len: new_len,
        path: &a.new,
        what: "NEW image",
    };
    let start = Instant::now();

    let hd = Header::new(ps, old_len, new_len);
    let (hbytes, hh) = hd.to_bytes();
    let frames = hd.frame_count();
    let fs = hd.frame_span();
    let write_err = |e: io::Error| format!("cannot write {}: {e}", a.output.display());
    let mut out = AtomicFile::create_excluding(&a.output, &[old_id, new_id]).map_err(write_err)?;
    out.write_all(&hbytes).map_err(write_err)?;

    let pb = progress(new_len.max(old_len), a.quiet, "diff");
    let enc = xbzrle::Encoder::new();
    let mut stats = Stats::default();
    let mut delta_len = HEADER_LEN as u64;
    let (mut old_h, mut new_h) = (format::ImageHash::new(), format::ImageHash::new());

    // Batches of frames: encoded in parallel, written in order.
    let batch = 4 * threads;
    let mut outs: Vec<FrameOut> = (0..batch).map(|_| FrameOut::default()).collect();
    let mut k = 0u64;
    while k < frames {
        let n = (frames - k).min(batch as u64) as usize;
        pool.install(|| {
            outs[..n]
                .par_iter_mut()
                .enumerate()
                .try_for_each(|(i, o)| diff_frame(&hd, hh, &enc, &old, &new, k + i as u64, o))
        })?;
        for o in &outs[..n] {
            out.write_all(&o.bytes).map_err(write_err)?;
            delta_len += o.bytes.len() as u64;
            stats.add(&o.stats);
            if let Some(h) = o.old_hash {
                old_h.add_piece(h);
            }
            new_h.add_piece(o.new_hash);
        }
        pb.inc((n * fs) as u64);
        k += n as u64;
    }
    // OLD may be longer than NEW: checksum the rest
    pool.install(|| {
        old.hash_pieces(
            fs,
            frames.min(old.pieces(fs))..old.pieces(fs),
            &mut old_h,
            &pb,
        )
    })?;

    let trailer = Trailer {
        frame_count: frames,
        old_hash: old_h.digest(),
        new_hash: new_h.digest(),
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

pub fn patch(a: PatchArgs) -> Result<(), String> {
    let pool = thread_pool(a.threads)?;
    if a.old.as_os_str() == "-" && a.delta.as_os_str() == "-" {
        return Err("OLD and DELTA cannot both be standard input".into());
    }
    let Source {
        file: mut delta,
        len: dlen,
        id: delta_id,
    } = open_image(&a.delta, "delta")?;
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
    format::check_size(&hd, dlen)?;
    let mut tb = [0u8; TRAILER_LEN];
    if read_at(&delta, &mut tb, dlen - TRAILER_LEN as u64).map_err(io_err)? != TRAILER_LEN {
        return Err("delta is truncated (no trailer)".into());
    }
    let tr = Trailer::parse(&tb, hh)?;
    let frames = hd.frame_count();
    if tr.frame_count != frames {
        return Err("delta is corrupt (frame count does not match its header)".into());
    }
    let Source {
        file: old_file,
        len: old_len,
        id: old_id,
    } = open_image(&a.old, "base image")?;
    if old_len != hd.old_len {
        return Err(format!(
            "wrong base image: {} is {old_len} bytes, the delta was made from a {}-byte image",
            a.old.display(),
            hd.old_len
        ));
    }
    let old = Input {
        file: &old_file,
        len: old_len,
        path: &a.old,
        what: "base image",
    };
    // the output is opened (and checked) before the work: a temporary file for now
    let write_err = |e: io::Error| format!("cannot write {}: {e}", a.output.display());
    let mut out =
        AtomicFile::create_excluding(&a.output, &[old_id, delta_id]).map_err(write_err)?;
    let fs = hd.frame_span();
    let pb = progress(
        dlen.saturating_add(old_len).saturating_add(hd.new_len),
        a.quiet,
        "verify",
    );

    // Pass 1: verify every frame, while the base image is checksummed on the pool.
    let body_end = dlen - TRAILER_LEN as u64;
    std::thread::scope(|s| -> Result<(), String> {
        let (old, pool, pbo) = (&old, &pool, pb.clone());
        let hasher = s.spawn(move || -> Result<u64, String> {
            let mut h = format::ImageHash::new();
            pool.install(|| old.hash_pieces(fs, 0..old.pieces(fs), &mut h, &pbo))?;
            Ok(h.digest())
        });
        delta
            .seek(SeekFrom::Start(HEADER_LEN as u64))
            .map_err(io_err)?;
        let r = BufReader::with_capacity(1 << 20, &mut delta);
        format::verify_frames(r, body_end - HEADER_LEN as u64, &hd, hh, |n| pb.inc(n))?;
        let old_hash = hasher.join().expect("hasher thread panicked")?;
        if old_hash != tr.old_hash {
            return Err(format!(
                "wrong base image: {} does not match the image the delta was made from (checksum)",
                a.old.display()
            ));
        }
        Ok(())
    })?;

    // Pass 2: apply, in batches of frames decoded in parallel, written in order.
    pb.set_message("patch");
    delta
        .seek(SeekFrom::Start(HEADER_LEN as u64))
        .map_err(io_err)?;
    let mut r = BufReader::with_capacity(1 << 20, &mut delta);
    let batch = 2 * pool.current_num_threads();
    let mut bufs: Vec<(Vec<u8>, std::ops::Range<usize>)> = vec![(Vec::new(), 0..0); batch];
    let rx = xbzrle::migrate::Receiver::new(ps).map_err(|e| e.to_string())?;
    /// Rebuilt frames on their way to the writer: pages, then (bytes, checksum) per frame.
    type Filled = (Vec<u8>, Vec<(usize, u64)>);
    // Frames are rebuilt on the pool while a writer thread writes the previous batch.
    let (out, new_h, written) = std::thread::scope(|s| {
        let (full_tx, full_rx) = sync_channel::<Filled>(1);
        let (empty_tx, empty_rx) = sync_channel::<Vec<u8>>(2);
        for _ in 0..2 {
            empty_tx.send(vec![0u8; batch * fs]).expect("room");
        }
        let pbw = pb.clone();
        let writer = s.spawn(
            move || -> Result<(AtomicFile, format::ImageHash, u64), String> {
                let mut new_h = format::ImageHash::new();
                let mut written = 0u64;
                for (pages, frames) in full_rx {
                    for (i, &(len, hash)) in frames.iter().enumerate() {
                        out.write_all(&pages[i * fs..i * fs + len])
                            .map_err(write_err)?;
                        new_h.add_piece(hash);
                        written += len as u64;
                        pbw.inc(len as u64);
                    }
                    let _ = empty_tx.send(pages);
                }
                Ok((out, new_h, written))
            },
        );
        let mut k = 0u64;
        let mut result = Ok(());
        while k < frames {
            let n = (frames - k).min(batch as u64) as usize;
            let Ok(mut pages) = empty_rx.recv() else {
                break; // the writer failed; it says why
            };
            let mut sums = vec![(0usize, 0u64); n];
            let r = (|| -> Result<(), String> {
                for (i, (buf, range)) in bufs[..n].iter_mut().enumerate() {
                    *range = read_frame(&mut r, buf, &hd, hh, k + i as u64)?;
                }
                pool.install(|| {
                    pages
                        .par_chunks_mut(fs)
                        .zip(bufs[..n].par_iter().zip(sums.par_iter_mut()))
                        .enumerate()
                        .try_for_each(|(i, (p, ((buf, range), sum)))| {
                            let kk = k + i as u64;
                            let base = kk * fs as u64;
                            let span = hd.pages_in_frame(kk) * ps;
                            let p = &mut p[..span];
                            let got = old.read(p, base)?;
                            p[got..].fill(0);
                            let mut res = Ok(());
                            format::for_each_record(
                                &buf[range.clone()],
                                span / ps,
                                ps,
                                false,
                                |j, rec| {
                                    if res.is_ok() {
                                        res = rx.apply(rec, &mut p[j * ps..(j + 1) * ps]);
                                    }
                                },
                            )
                            .and(res.map_err(|e| e.to_string()))
                            .map_err(|e| format!("delta is corrupt: frame {kk}: {e}"))?;
                            let len = (hd.new_len - base).min(span as u64) as usize;
                            *sum = (len, xxhash_rust::xxh3::xxh3_64(&p[..len]));
                            Ok::<(), String>(())
                        })
                })
            })();
            if let Err(e) = r {
                result = Err(e);
                break;
            }
            if full_tx.send((pages, sums)).is_err() {
                break;
            }
            k += n as u64;
        }
        drop(full_tx);
        let w = writer.join().expect("writer thread panicked");
        result?;
        let w = w?;
        if k != frames {
            return Err("patch stopped early".to_string());
        }
        Ok(w)
    })?;
    if written != hd.new_len || new_h.digest() != tr.new_hash {
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
