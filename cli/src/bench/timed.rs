//! The timed loops, and the checks that every timed output is right.
//!
//! Each timed function runs one *sample*: `reps` passes over the pages of a region (hot:
//! 8 pages, several passes; stream: the whole region, one pass), between two reads of the
//! clock, with nothing else inside. Outputs go to memory that is checked afterwards, so
//! the compiler cannot drop the work:
//!
//! * encoders write each page's output packed into an arena (like a migration stream
//!   buffer) and its length into `lens`; afterwards the arena is compared byte for byte
//!   with a reference that was verified by decoding every page onto a copy of its old
//!   page and comparing with the new page. (For XBZRLE the reference is the scalar
//!   kernel's output: every kernel must produce the same canonical bytes, so this checks
//!   SIMD kernels against the reference kernel too.)
//! * decoders write into destination pages that hold the old region (or, after a forward
//!   pass, the new one): XBZRLE alternates between the forward deltas (old → new) and the
//!   reverse deltas (new → old, same run structure and size), XOR baselines toggle by
//!   themselves. After every sample the destination is compared with the region it must
//!   now equal, in full. So every timed decode is checked, no restore copy is needed
//!   between rounds, and every sample decodes onto the page contents a receiver would
//!   have (old for a forward delta).

use anyhow::anyhow;
use std::hint::black_box;
use std::time::{Duration, Instant};
use xbzrle::{EncodeError, Encoder};

/// `lens` entry of a page the XBZRLE encoder refused with `Overflow` (sent raw).
pub const OVF: u32 = u32::MAX;

/// Where timed loops record their time: `(pages, duration)` per chunk of `chunk` pages.
/// The chunks tile the sample without gaps (each starts where the previous one ended),
/// so their sum is the sample's time; the caller takes the median chunk rate, which a
/// preemption on a shared machine cannot drag down.
pub struct Clock {
    pub chunk: u32,
    pub rec: Vec<(u32, Duration)>,
}

impl Clock {
    /// A clock whose records nobody reads (one chunk per call).
    pub fn untimed() -> Clock {
        Clock {
            chunk: u32::MAX,
            rec: Vec::new(),
        }
    }
}

struct Ticker<'a> {
    rec: &'a mut Vec<(u32, Duration)>,
    chunk: u32,
    n: u32,
    last: Instant,
}

impl<'a> Ticker<'a> {
    #[inline(always)]
    fn start(clock: &'a mut Clock) -> Ticker<'a> {
        let chunk = clock.chunk.max(1);
        Ticker {
            rec: &mut clock.rec,
            chunk,
            n: 0,
            last: Instant::now(),
        }
    }
    /// Called after each page.
    #[inline(always)]
    fn page(&mut self) {
        self.n += 1;
        if self.n == self.chunk {
            self.flush();
        }
    }
    #[inline(never)]
    fn flush(&mut self) {
        let now = Instant::now();
        self.rec.push((self.n, now - self.last));
        self.last = now;
        self.n = 0;
    }
    #[inline(always)]
    fn finish(mut self) {
        if self.n > 0 {
            self.flush();
        }
    }
}

/// Pages being benchmarked: `reps` passes over the pages of `old`/`new`.
#[derive(Clone, Copy)]
pub struct Work<'a> {
    pub old: &'a [u8],
    pub new: &'a [u8],
    pub page: usize,
    pub reps: usize,
}

impl Work<'_> {
    pub fn npages(&self) -> usize {
        self.old.len() / self.page
    }
    fn pages(&self) -> impl Iterator<Item = (&[u8], &[u8])> {
        let old = black_box(self.old);
        let new = black_box(self.new);
        old.chunks_exact(self.page).zip(new.chunks_exact(self.page))
    }
    /// The same pages the other way round (new → old).
    pub fn reversed(&self) -> Self {
        Work {
            old: self.new,
            new: self.old,
            ..*self
        }
    }
}

/// One pass's outputs, packed: page `p`'s output is `lens[p]` bytes (or [`OVF`]: none).
#[derive(Default)]
pub struct Packed {
    pub bytes: Vec<u8>,
    pub lens: Vec<u32>,
}

impl Packed {
    /// Takes the first pass of a sample: `lens` of one pass, its bytes from the start of
    /// `arena`. Reuses the buffers (no new page faults once they have grown).
    pub fn fill(&mut self, arena: &[u8], lens: &[u32]) {
        let used: usize = lens
            .iter()
            .filter(|&&l| l != OVF)
            .map(|&l| l as usize)
            .sum();
        self.bytes.clear();
        self.bytes.extend_from_slice(&arena[..used]);
        self.lens.clear();
        self.lens.extend_from_slice(lens);
    }
    /// (bytes to send, pages that overflowed), counting an overflowed page as a raw page.
    pub fn sent_bytes(&self, page: usize) -> (u64, usize) {
        let mut total = 0u64;
        let mut ovf = 0;
        for &l in &self.lens {
            if l == OVF {
                total += page as u64;
                ovf += 1;
            } else {
                total += l as u64;
            }
        }
        (total, ovf)
    }
}

// ---------------------------------------------------------------------------------------
// read-both-buffers bound

/// OR of XOR over both pages, 128 bytes of each per step into 16 independent words: the
/// compiler turns them into two 512-bit, four 256-bit or eight 128-bit accumulators, so
/// that the loop is bound by the loads, not by a dependency chain.
#[inline(always)]
fn fold_generic(a: &[u8], b: &[u8]) -> u64 {
    let mut acc = [0u64; 16];
    let mut ca = a.chunks_exact(128);
    let mut cb = b.chunks_exact(128);
    for (x, y) in (&mut ca).zip(&mut cb) {
        for i in 0..16 {
            let xa = u64::from_ne_bytes(x[i * 8..i * 8 + 8].try_into().unwrap());
            let yb = u64::from_ne_bytes(y[i * 8..i * 8 + 8].try_into().unwrap());
            acc[i] |= xa ^ yb;
        }
    }
    let mut r = acc.iter().fold(0, |s, v| s | v);
    for (x, y) in ca.remainder().iter().zip(cb.remainder()) {
        r |= (x ^ y) as u64;
    }
    r
}

/// The read bound's loop, compiled for the baseline target.
fn fold_portable(a: &[u8], b: &[u8]) -> u64 {
    fold_generic(a, b)
}

/// # Safety
/// The CPU must support AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn fold_avx2(a: &[u8], b: &[u8]) -> u64 {
    fold_generic(a, b)
}

#[cfg(target_arch = "x86_64")]
fn fold_avx2_checked(a: &[u8], b: &[u8]) -> u64 {
    // SAFETY: `fold_fn` returns this function only when AVX2 was detected at run time.
    unsafe { fold_avx2(a, b) }
}

/// # Safety
/// The CPU must support AVX-512F and AVX-512BW.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512bw")]
unsafe fn fold_avx512(a: &[u8], b: &[u8]) -> u64 {
    fold_generic(a, b)
}

#[cfg(target_arch = "x86_64")]
fn fold_avx512_checked(a: &[u8], b: &[u8]) -> u64 {
    // SAFETY: `fold_fn` returns this function only when AVX-512F and AVX-512BW were
    // detected at run time.
    unsafe { fold_avx512(a, b) }
}

/// A loop that reads two pages and returns the OR of their XOR.
pub type FoldFn = fn(&[u8], &[u8]) -> u64;

/// The widest OR-of-XOR loop this CPU runs: one plain pass reading both pages.
pub fn fold_fn() -> (FoldFn, &'static str) {
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx512f") && std::is_x86_feature_detected!("avx512bw") {
        return (fold_avx512_checked, "avx512");
    }
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx2") {
        return (fold_avx2_checked, "avx2");
    }
    (fold_portable, "portable")
}

/// One sample of the read bound: read every byte of both pages, nothing written.
#[inline(never)]
pub fn read_both(w: &Work, fold: FoldFn, clock: &mut Clock) -> u64 {
    let mut acc = 0u64;
    let mut t = Ticker::start(clock);
    for _ in 0..w.reps {
        for (o, n) in w.pages() {
            acc |= black_box(fold(o, n));
            t.page();
        }
    }
    t.finish();
    black_box(acc)
}

// ---------------------------------------------------------------------------------------
// encoders

/// One sample of an XBZRLE kernel: every page encoded with an output capacity of one page
/// (as QEMU), packed into `arena`; the time goes to `clock`. Returns (bytes used in the
/// arena, pages that failed with anything but Overflow).
#[inline(never)]
pub fn encode_xbzrle(
    enc: &Encoder,
    w: &Work,
    arena: &mut [u8],
    lens: &mut [u32],
    clock: &mut Clock,
) -> (usize, usize) {
    let page = w.page;
    let mut pos = 0usize;
    let mut bad = 0usize;
    let mut j = 0usize;
    let mut t = Ticker::start(clock);
    for _ in 0..w.reps {
        for (o, n) in w.pages() {
            match enc.encode(o, n, &mut arena[pos..pos + page]) {
                Ok(l) => {
                    lens[j] = l as u32;
                    pos += l;
                }
                Err(EncodeError::Overflow) => lens[j] = OVF,
                Err(_) => bad += 1,
            }
            j += 1;
            t.page();
        }
    }
    t.finish();
    (black_box(pos), bad)
}

/// `dst = a ^ b`.
#[inline(always)]
fn xor_into(dst: &mut [u8], a: &[u8], b: &[u8]) {
    for ((d, x), y) in dst.iter_mut().zip(a).zip(b) {
        *d = x ^ y;
    }
}

/// `dst ^= src`.
#[inline(always)]
fn xor_in_place(dst: &mut [u8], src: &[u8]) {
    for (d, s) in dst.iter_mut().zip(src) {
        *d ^= s;
    }
}

/// A 2011-style baseline: XOR the pages, then compress the XOR with a general-purpose
/// compressor (and back).
pub enum Baseline {
    Lz4,
    Snappy {
        enc: Box<snap::raw::Encoder>,
        dec: Box<snap::raw::Decoder>,
    },
}

impl Baseline {
    pub fn lz4() -> Baseline {
        Baseline::Lz4
    }
    pub fn snappy() -> Baseline {
        Baseline::Snappy {
            enc: Box::new(snap::raw::Encoder::new()),
            dec: Box::new(snap::raw::Decoder::new()),
        }
    }
    pub fn name(&self) -> &'static str {
        match self {
            Baseline::Lz4 => "xor+lz4",
            Baseline::Snappy { .. } => "xor+snappy",
        }
    }
    /// Largest output for one page.
    pub fn max_len(page: usize) -> usize {
        lz4_flex::block::get_maximum_output_size(page).max(snap::raw::max_compress_len(page))
    }

    /// One sample: XOR then compress every page, packed into `arena`.
    #[inline(never)]
    pub fn encode(
        &mut self,
        w: &Work,
        tmp: &mut [u8],
        arena: &mut [u8],
        lens: &mut [u32],
        clock: &mut Clock,
    ) -> (usize, usize) {
        match self {
            Baseline::Lz4 => encode_with(w, tmp, arena, lens, clock, |src, out| {
                lz4_flex::block::compress_into(src, out).ok()
            }),
            Baseline::Snappy { enc, .. } => encode_with(w, tmp, arena, lens, clock, |src, out| {
                enc.compress(src, out).ok()
            }),
        }
    }

    /// One sample: decompress every page into `tmp` and XOR it onto its destination page.
    #[inline(never)]
    pub fn decode(
        &mut self,
        deltas: &Packed,
        w: &Work,
        tmp: &mut [u8],
        dst: &mut [u8],
        clock: &mut Clock,
    ) -> usize {
        match self {
            Baseline::Lz4 => decode_with(deltas, w, tmp, dst, clock, |src, out| {
                lz4_flex::block::decompress_into(src, out).ok()
            }),
            Baseline::Snappy { dec, .. } => decode_with(deltas, w, tmp, dst, clock, |src, out| {
                dec.decompress(src, out).ok()
            }),
        }
    }
}

#[inline(always)]
fn encode_with<F: FnMut(&[u8], &mut [u8]) -> Option<usize>>(
    w: &Work,
    tmp: &mut [u8],
    arena: &mut [u8],
    lens: &mut [u32],
    clock: &mut Clock,
    mut compress: F,
) -> (usize, usize) {
    let cap = Baseline::max_len(w.page);
    let tmp = &mut tmp[..w.page];
    let mut pos = 0usize;
    let mut bad = 0usize;
    let mut j = 0usize;
    let mut t = Ticker::start(clock);
    for _ in 0..w.reps {
        for (o, n) in w.pages() {
            xor_into(tmp, o, n);
            match compress(tmp, &mut arena[pos..pos + cap]) {
                Some(l) => {
                    lens[j] = l as u32;
                    pos += l;
                }
                None => bad += 1,
            }
            j += 1;
            t.page();
        }
    }
    t.finish();
    (black_box(pos), bad)
}

#[inline(always)]
fn decode_with<F: FnMut(&[u8], &mut [u8]) -> Option<usize>>(
    deltas: &Packed,
    w: &Work,
    tmp: &mut [u8],
    dst: &mut [u8],
    clock: &mut Clock,
    mut decompress: F,
) -> usize {
    let page = w.page;
    let tmp = &mut tmp[..page];
    let mut bad = 0usize;
    let mut t = Ticker::start(clock);
    for copy in dst.chunks_exact_mut(w.old.len()).take(w.reps) {
        let mut pos = 0usize;
        for (d, &l) in copy.chunks_exact_mut(page).zip(&deltas.lens) {
            let l = l as usize;
            match decompress(&deltas.bytes[pos..pos + l], tmp) {
                Some(n) if n == page => xor_in_place(d, tmp),
                _ => bad += 1,
            }
            pos += l;
            t.page();
        }
    }
    t.finish();
    black_box(bad)
}

// ---------------------------------------------------------------------------------------
// XBZRLE decode

/// Which decoder a decode sample times (the `WITH` of [`decode_xbzrle`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum DecodeWith {
    /// `xbzrle::decode`.
    Atomic,
    /// `xbzrle::unstable::decode_non_atomic`.
    SinglePass,
    /// [`super::qemu_style::decode`], the stand-in for QEMU's decoder.
    QemuStyle,
}

// [`DecodeWith`] as the const parameter of [`decode_xbzrle`]: one compiled loop per
// decoder, no indirect call inside the timed loop.
pub const ATOMIC: u8 = DecodeWith::Atomic as u8;
pub const SINGLE_PASS: u8 = DecodeWith::SinglePass as u8;
pub const QEMU_STYLE: u8 = DecodeWith::QemuStyle as u8;

/// One sample of the decoder `WITH` ([`ATOMIC`], [`SINGLE_PASS`], [`QEMU_STYLE`]): each
/// of the `reps` destination copies gets every page's delta applied in place, the deltas
/// read from one packed buffer, page after page (a receiver's stream buffer); overflowed
/// pages are copied raw from `raw` (what a receiver does with a raw page); the time goes
/// to `clock`. Returns (sum of the decoders' return values, refused deltas).
#[inline(never)]
pub fn decode_xbzrle<const WITH: u8>(
    deltas: &Packed,
    raw: &[u8],
    w: &Work,
    dst: &mut [u8],
    clock: &mut Clock,
) -> (u64, usize) {
    let page = w.page;
    let mut sum = 0u64;
    let mut bad = 0usize;
    let mut t = Ticker::start(clock);
    for copy in dst.chunks_exact_mut(raw.len()).take(w.reps) {
        let mut pos = 0usize;
        for ((d, &l), r) in copy
            .chunks_exact_mut(page)
            .zip(&deltas.lens)
            .zip(raw.chunks_exact(page))
        {
            if l == OVF {
                d.copy_from_slice(r);
                t.page();
                continue;
            }
            let l = l as usize;
            let delta = &deltas.bytes[pos..pos + l];
            let res: Option<usize> = match WITH {
                ATOMIC => xbzrle::decode(delta, d).ok(),
                SINGLE_PASS => xbzrle::unstable::decode_non_atomic(delta, d).ok(),
                _ => super::qemu_style::decode(delta, d),
            };
            match res {
                Some(e) => sum += e as u64,
                None => bad += 1,
            }
            pos += l;
            t.page();
        }
    }
    t.finish();
    (black_box(sum), bad)
}

// ---------------------------------------------------------------------------------------
// references and checks

/// Length of the canonical encoding of `new` against `old` from the workspace's
/// reference model, or `None` when a run is longer than `MAX_RUN`. Used to confirm that
/// an `Overflow` was due.
fn canonical_len(old: &[u8], new: &[u8]) -> Option<usize> {
    xbzrle_testkit::model::canonical_len(old, new)
}

/// Encodes one pass of `w` with `enc` (untimed) into `packed` and, with `verify`, checks
/// every page: each delta decodes onto a copy of its old page to exactly the new page,
/// each Overflow is due. Returns the sum of the decoder's return values (0 unverified).
pub fn xbzrle_reference(
    enc: &Encoder,
    w: &Work,
    arena: &mut [u8],
    packed: &mut Packed,
    verify: bool,
) -> anyhow::Result<u64> {
    let one = Work { reps: 1, ..*w };
    let mut lens = vec![0u32; one.npages()];
    let mut clock = Clock::untimed();
    let (_, bad) = encode_xbzrle(enc, &one, arena, &mut lens, &mut clock);
    if bad != 0 {
        return Err(anyhow!("{bad} pages refused with an unexpected error"));
    }
    packed.fill(arena, &lens);
    if !verify {
        return Ok(0);
    }
    let mut scratch = vec![0u8; w.page];
    let mut off = 0usize;
    let mut sum = 0u64;
    for (p, ((o, n), &l)) in one.pages().zip(&packed.lens).enumerate() {
        if l == OVF {
            match canonical_len(o, n) {
                Some(c) if c <= w.page => {
                    return Err(anyhow!(
                        "page {p}: kernel {} reported Overflow, but the canonical encoding is {c} bytes",
                        enc.kernel()
                    ))
                }
                _ => continue,
            }
        }
        let l = l as usize;
        scratch.copy_from_slice(o);
        match xbzrle::decode(&packed.bytes[off..off + l], &mut scratch) {
            Ok(e) => sum += e as u64,
            Err(e) => return Err(anyhow!("page {p}: the delta does not decode: {e}")),
        }
        if scratch != n {
            return Err(anyhow!(
                "page {p}: the delta decodes to a page that differs from the new page"
            ));
        }
        off += l;
    }
    Ok(sum)
}

/// First page where `a` and `b` differ.
pub fn first_diff_page(a: &[u8], b: &[u8], page: usize) -> Option<usize> {
    if a == b {
        return None;
    }
    a.chunks(page).zip(b.chunks(page)).position(|(x, y)| x != y)
}

/// Checks a timed encoder sample against its verified reference: `reps` repetitions of
/// the same bytes and lengths.
pub fn check_encoded(
    reference: &Packed,
    arena: &[u8],
    pos: usize,
    lens: &[u32],
    reps: usize,
) -> anyhow::Result<()> {
    let one = reference.bytes.len();
    let np = reference.lens.len();
    for r in 0..reps {
        let got_lens = &lens[r * np..(r + 1) * np];
        let got = arena.get(r * one..(r + 1) * one);
        if got_lens == reference.lens.as_slice() && got == Some(reference.bytes.as_slice()) {
            continue;
        }
        // Find the first page that differs, for the message.
        let mut off = 0usize;
        for (p, (&gl, &rl)) in got_lens.iter().zip(&reference.lens).enumerate() {
            if gl != rl {
                return Err(anyhow!(
                    "pass {r}, page {p}: output length {} but the verified reference is {}",
                    show_len(gl),
                    show_len(rl)
                ));
            }
            if rl != OVF {
                let l = rl as usize;
                let a = &arena[r * one + off..r * one + off + l];
                if a != &reference.bytes[off..off + l] {
                    return Err(anyhow!(
                        "pass {r}, page {p}: output bytes differ from the verified reference"
                    ));
                }
                off += l;
            }
        }
        return Err(anyhow!(
            "pass {r}: output differs from the verified reference"
        ));
    }
    if pos != reps * one {
        return Err(anyhow!(
            "output is {pos} bytes, expected {} bytes",
            reps * one
        ));
    }
    Ok(())
}

fn show_len(l: u32) -> String {
    if l == OVF {
        "Overflow".into()
    } else {
        l.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use xbzrle_testkit::scenario::{fill_random, Pattern};

    fn region(pages: usize) -> (Vec<u8>, Vec<u8>) {
        let mut old = vec![0u8; pages * 4096];
        fill_random(&mut old, 1);
        let new = Pattern::DENSE.apply(&old);
        (old, new)
    }

    #[test]
    fn canonical_len_model() {
        let old = [0u8; 4096];
        let mut new = old;
        assert_eq!(canonical_len(&old, &new), Some(0));
        new[100] = 1;
        new[102] = 1;
        assert_eq!(canonical_len(&old, &new), Some(6));
        let all = [1u8; 4096];
        assert_eq!(canonical_len(&old, &all), Some(1 + 2 + 4096));
        let (o, n) = region(1);
        let mut out = [0u8; 4096];
        assert_eq!(canonical_len(&o, &n), xbzrle::encode(&o, &n, &mut out).ok());
    }

    #[test]
    fn encode_check_catches_a_wrong_byte_and_a_wrong_length() {
        let (old, new) = region(8);
        let w = Work {
            old: &old,
            new: &new,
            page: 4096,
            reps: 3,
        };
        let enc = Encoder::new();
        let mut arena = vec![0u8; 3 * old.len()];
        let mut reference = Packed::default();
        xbzrle_reference(&enc, &w, &mut arena, &mut reference, true).unwrap();
        let mut lens = vec![0u32; 3 * 8];
        let (pos, bad) = encode_xbzrle(&enc, &w, &mut arena, &mut lens, &mut Clock::untimed());
        assert_eq!(bad, 0);
        check_encoded(&reference, &arena, pos, &lens, 3).unwrap();
        // a wrong byte in the last pass
        arena[pos - 1] ^= 1;
        let e = check_encoded(&reference, &arena, pos, &lens, 3).unwrap_err();
        assert!(e.to_string().contains("pass 2, page 7"), "{e}");
        arena[pos - 1] ^= 1;
        lens[9] = OVF;
        let e = check_encoded(&reference, &arena, pos, &lens, 3).unwrap_err();
        assert!(e.to_string().contains("pass 1, page 1"), "{e}");
    }

    #[test]
    fn decode_toggles_between_old_and_new() {
        let (old, new) = region(8);
        let w = Work {
            old: &old,
            new: &new,
            page: 4096,
            reps: 2,
        };
        let enc = Encoder::new();
        let mut arena = vec![0u8; old.len()];
        let (mut fwd, mut rev) = (Packed::default(), Packed::default());
        let sum = xbzrle_reference(&enc, &w, &mut arena, &mut fwd, true).unwrap();
        let rsum = xbzrle_reference(&enc, &w.reversed(), &mut arena, &mut rev, true).unwrap();
        assert_eq!(sum, rsum);
        let mut dst = [old.clone(), old.clone()].concat();
        let mut c = Clock {
            chunk: 3,
            rec: Vec::new(),
        };
        let (s, bad) = decode_xbzrle::<ATOMIC>(&fwd, &new, &w, &mut dst, &mut c);
        // 16 pages in chunks of 3: 5 full chunks and one of 1 page
        let chunks: Vec<u32> = c.rec.iter().map(|r| r.0).collect();
        assert_eq!(chunks, [3, 3, 3, 3, 3, 1]);
        assert_eq!((s, bad), (2 * sum, 0));
        assert_eq!(dst, [new.clone(), new.clone()].concat());
        let (s, bad) = decode_xbzrle::<SINGLE_PASS>(&rev, &old, &w, &mut dst, &mut c);
        assert_eq!((s, bad), (2 * sum, 0));
        assert_eq!(dst, [old.clone(), old.clone()].concat());
        let (s, bad) = decode_xbzrle::<QEMU_STYLE>(&fwd, &new, &w, &mut dst, &mut c);
        assert_eq!((s, bad), (2 * sum, 0));
        assert_eq!(dst, [new.clone(), new.clone()].concat());
        let (s, bad) = decode_xbzrle::<ATOMIC>(&rev, &old, &w, &mut dst, &mut c);
        assert_eq!((s, bad), (2 * sum, 0));
        assert_eq!(dst, [old.clone(), old.clone()].concat());

        for mut b in [Baseline::lz4(), Baseline::snappy()] {
            let mut tmp = vec![0u8; 4096];
            let mut arena = vec![0u8; 16 * Baseline::max_len(4096)];
            let mut lens = vec![0u32; 16];
            let (pos, bad) = b.encode(&w, &mut tmp, &mut arena, &mut lens, &mut c);
            assert_eq!(bad, 0);
            let mut r = Packed::default();
            r.fill(&arena, &lens[..8]);
            check_encoded(&r, &arena, pos, &lens, 2).unwrap();
            let bad = b.decode(&r, &w, &mut tmp, &mut dst, &mut c);
            assert_eq!(bad, 0);
            assert_eq!(dst, [new.clone(), new.clone()].concat(), "{}", b.name());
            let bad = b.decode(&r, &w, &mut tmp, &mut dst, &mut c);
            assert_eq!(bad, 0);
            assert_eq!(dst, [old.clone(), old.clone()].concat(), "{}", b.name());
        }
    }

    #[test]
    fn every_read_bound_loop_sees_every_byte() {
        let mut folds: Vec<(FoldFn, &str)> = vec![(fold_portable, "portable")];
        #[cfg(target_arch = "x86_64")]
        {
            if std::is_x86_feature_detected!("avx2") {
                folds.push((fold_avx2_checked, "avx2"));
            }
            if std::is_x86_feature_detected!("avx512f") && std::is_x86_feature_detected!("avx512bw")
            {
                folds.push((fold_avx512_checked, "avx512"));
            }
        }
        assert!(folds.iter().any(|f| f.1 == fold_fn().1));
        for (fold, name) in folds {
            for len in [0, 1, 127, 128, 129, 4096, 4095] {
                let a = vec![0x5au8; len];
                assert_eq!(fold(&a, &a), 0, "{name} {len}");
                for at in 0..len {
                    let mut b = a.clone();
                    b[at] ^= 0x80;
                    assert_ne!(fold(&a, &b), 0, "{name}: length {len}, byte {at}");
                }
            }
        }
    }

    #[test]
    fn read_bound_reads() {
        let (old, new) = region(2);
        let w = Work {
            old: &old,
            new: &new,
            page: 4096,
            reps: 1,
        };
        let (f, _) = fold_fn();
        let mut c = Clock::untimed();
        assert_ne!(read_both(&w, f, &mut c), 0);
        assert_eq!(read_both(&Work { new: &old, ..w }, f, &mut c), 0);
        assert_eq!(fold_portable(&old, &new), f(&old, &new));
    }
}
