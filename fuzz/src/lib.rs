//! Shared code of the `xbzrle` fuzz targets:
//!
//! * [`model_decode`] and [`model_encode`]: plain, byte-at-a-time implementations of
//!   docs/format.md §2 and §3, written here from the spec and NOT calling the library, so that
//!   the targets compare the library against something obviously correct;
//! * the input layouts ([`PageSpec`], [`Edit`], [`KernelHeader`]) that turn fuzzer bytes
//!   into pages, and their inverse (`*::to_bytes`) used to write the seed corpora;
//! * [`seeds`]: the seed inputs checked in under `fuzz/corpus/<target>/seed-*`.
//!
//! # Input layouts
//!
//! Every structured part is a fixed-size record of little-endian integers read with
//! `#[derive(Arbitrary)]` (arbitrary 1.x reads integers as little-endian bytes from the
//! front, zero-filled when the input runs out). Fixed-size records keep the format simple
//! enough to write seed files by hand and let libFuzzer's mutations (and its CMP
//! tracing) hit individual fields. A test ([`tests`]) checks that the writers below and
//! `arbitrary`'s readers agree, so a change in `arbitrary`'s format is noticed.
//!
//! * decode:    `PageSpec` (7 bytes), then the delta (all remaining bytes, verbatim).
//! * roundtrip: `PageSpec` (7 bytes), then `Edit` records (6 bytes each) to the end.
//! * kernels:   `KernelHeader` (5 bytes), then the same as roundtrip.
//! * receive:   [`receive::ReceiveHeader`] (3 bytes), then a chunk payload, verbatim.

use arbitrary::{Arbitrary, Unstructured};

/// Largest page the format supports (docs/format.md §3); duplicated here on purpose.
pub const MAX_PAGE: usize = 16384;
/// Largest run length one ULEB field can hold.
pub const MAX_LEN: usize = 0x3fff;

/// Page lengths worth reaching often: around powers of two, the ULEB one/two byte
/// boundary (127/128), the real page sizes, and the format's limits.
pub const INTERESTING_PAGE_LENS: &[usize] = &[
    0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 130, 255, 256,
    257, 1000, 1022, 1023, 1024, 4095, 4096, 4097, 8191, 8192, 8193, 16255, 16256, 16257, 16382,
    16383, 16384,
];

/// Run lengths worth reaching often (ULEB boundaries, vector widths, limits).
pub const INTERESTING_RUN_LENS: &[usize] = &[
    1, 2, 3, 4, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256, 4095, 4096,
    8192, 16255, 16256, 16383, 16384,
];

pub use xbzrle_testkit::model::{model_decode, model_encode, ModelEncoding};

// ---------------------------------------------------------------------------------------
// Input layouts
// ---------------------------------------------------------------------------------------

/// How a page (its length and old contents) is derived from 7 input bytes.
#[derive(Arbitrary, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PageSpec {
    /// Bit 15 set: `INTERESTING_PAGE_LENS[low byte % count]`; clear: `(bits 0..15) % 16385`.
    pub len_sel: u16,
    /// `fill % 4`: 0 = zeros, 1 = every byte `seed as u8`, 2 = pseudo-random from `seed`,
    /// 3 = ramp `k * (seed | 1)`.
    pub fill: u8,
    /// Parameter of the fill.
    pub seed: u32,
}

/// Size of [`PageSpec`] in the input.
pub const PAGE_SPEC_LEN: usize = 7;

impl PageSpec {
    /// Page length in `0..=16384`.
    pub fn len(&self) -> usize {
        if self.len_sel & 0x8000 != 0 {
            INTERESTING_PAGE_LENS[(self.len_sel & 0xff) as usize % INTERESTING_PAGE_LENS.len()]
        } else {
            (self.len_sel & 0x7fff) as usize % (MAX_PAGE + 1)
        }
    }

    /// Whether the page is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The old page.
    pub fn page(&self) -> Vec<u8> {
        let mut p = vec![0u8; self.len()];
        match self.fill % 4 {
            0 => {}
            1 => p.fill(self.seed as u8),
            2 => xbzrle_testkit::scenario::fill_random(&mut p, self.seed as u64),
            _ => {
                let step = self.seed | 1;
                for (k, b) in p.iter_mut().enumerate() {
                    *b = (k as u32).wrapping_mul(step) as u8;
                }
            }
        }
        p
    }

    /// A spec for exactly `len` bytes (`len <= 16384`) with the given fill.
    pub fn exact(len: usize, fill: u8, seed: u32) -> PageSpec {
        assert!(len <= MAX_PAGE);
        PageSpec {
            len_sel: len as u16,
            fill,
            seed,
        }
    }

    /// The 7 input bytes that read back as `self`.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut v = self.len_sel.to_le_bytes().to_vec();
        v.push(self.fill);
        v.extend_from_slice(&self.seed.to_le_bytes());
        v
    }
}

/// One change applied to the old page to make the new page (6 input bytes).
#[derive(Arbitrary, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edit {
    /// `kind % 4`: 0 = XOR `len` bytes with `val`, 1 = set `len` bytes to `val`,
    /// 2 = XOR every other byte with `val | 1` (many one-byte runs and gaps),
    /// 3 = XOR `INTERESTING_RUN_LENS[len % count]` bytes with `val | 1`.
    pub kind: u8,
    /// Start, `pos % page length`.
    pub pos: u16,
    /// Length (clamped to the page end).
    pub len: u16,
    /// The byte.
    pub val: u8,
}

/// Size of [`Edit`] in the input.
pub const EDIT_LEN: usize = 6;

impl Edit {
    /// Applies the edit to `page` (no-op on an empty page).
    pub fn apply(&self, page: &mut [u8]) {
        let p = page.len();
        if p == 0 {
            return;
        }
        let pos = self.pos as usize % p;
        let room = p - pos;
        let run = &mut page[pos..];
        match self.kind % 4 {
            0 => run[..(self.len as usize).min(room)]
                .iter_mut()
                .for_each(|b| *b ^= self.val),
            1 => run[..(self.len as usize).min(room)].fill(self.val),
            2 => run[..(self.len as usize).min(room)]
                .iter_mut()
                .step_by(2)
                .for_each(|b| *b ^= self.val | 1),
            _ => {
                let len = INTERESTING_RUN_LENS[self.len as usize % INTERESTING_RUN_LENS.len()];
                run[..len.min(room)]
                    .iter_mut()
                    .for_each(|b| *b ^= self.val | 1);
            }
        }
    }

    /// The 6 input bytes that read back as `self`.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut v = vec![self.kind];
        v.extend_from_slice(&self.pos.to_le_bytes());
        v.extend_from_slice(&self.len.to_le_bytes());
        v.push(self.val);
        v
    }

    /// XOR `len` bytes at `pos` with `val`.
    pub fn xor(pos: usize, len: usize, val: u8) -> Edit {
        Edit {
            kind: 0,
            pos: pos as u16,
            len: len as u16,
            val,
        }
    }

    /// Set `len` bytes at `pos` to `val`.
    pub fn set(pos: usize, len: usize, val: u8) -> Edit {
        Edit {
            kind: 1,
            pos: pos as u16,
            len: len as u16,
            val,
        }
    }
}

/// Input of the `decode` target: a [`PageSpec`], then the delta (the rest, verbatim).
#[derive(Debug, Clone)]
pub struct DecodeInput<'a> {
    /// The page the delta is decoded onto.
    pub spec: PageSpec,
    /// The delta.
    pub delta: &'a [u8],
}

impl<'a> Arbitrary<'a> for DecodeInput<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let spec = PageSpec::arbitrary(u)?;
        let delta = u.bytes(u.len())?;
        Ok(DecodeInput { spec, delta })
    }

    fn arbitrary_take_rest(mut u: Unstructured<'a>) -> arbitrary::Result<Self> {
        Self::arbitrary(&mut u)
    }
}

/// A page pair: the old page from a [`PageSpec`], the new one = old with the edits.
/// It is the input of the `roundtrip` target.
#[derive(Clone)]
pub struct PagePair {
    /// The spec the pages came from.
    pub spec: PageSpec,
    /// The edits, in input order.
    pub edits: Vec<Edit>,
    /// Old page.
    pub old: Vec<u8>,
    /// New page.
    pub new: Vec<u8>,
}

impl std::fmt::Debug for PagePair {
    /// The spec and the edits (what `cargo fuzz fmt` shows), not the pages.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PagePair")
            .field("len", &self.spec.len())
            .field("spec", &self.spec)
            .field("edits", &self.edits)
            .field(
                "changed_bytes",
                &self
                    .old
                    .iter()
                    .zip(&self.new)
                    .filter(|(a, b)| a != b)
                    .count(),
            )
            .finish()
    }
}

impl<'a> Arbitrary<'a> for PagePair {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        PagePair::read(u)
    }

    fn arbitrary_take_rest(mut u: Unstructured<'a>) -> arbitrary::Result<Self> {
        PagePair::read(&mut u)
    }
}

/// Input of the `kernels` target: a [`KernelHeader`], then a [`PagePair`].
#[derive(Debug, Clone, Arbitrary)]
pub struct KernelInput {
    /// Offsets and an extra output length.
    pub header: KernelHeader,
    /// The pages.
    pub pair: PagePair,
}

/// At most this many edits are read (keeps one execution fast).
pub const MAX_EDITS: usize = 256;

impl PagePair {
    /// Reads a `PageSpec` then `Edit` records until the input ends.
    pub fn read(u: &mut Unstructured<'_>) -> arbitrary::Result<PagePair> {
        let spec = PageSpec::arbitrary(u)?;
        let mut edits = Vec::new();
        while !u.is_empty() && edits.len() < MAX_EDITS {
            edits.push(Edit::arbitrary(u)?);
        }
        Ok(PagePair::build(spec, edits))
    }

    /// Builds the pages.
    pub fn build(spec: PageSpec, edits: Vec<Edit>) -> PagePair {
        let old = spec.page();
        let mut new = old.clone();
        for e in &edits {
            e.apply(&mut new);
        }
        PagePair {
            spec,
            edits,
            old,
            new,
        }
    }

    /// The input bytes that read back as `self` (roundtrip layout).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut v = self.spec.to_bytes();
        for e in &self.edits {
            v.extend_from_slice(&e.to_bytes());
        }
        v
    }
}

/// Extra parameters of the `kernels` target (5 bytes).
#[derive(Arbitrary, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KernelHeader {
    /// Start of `old` in a bigger buffer: `% 64`.
    pub old_off: u8,
    /// Start of `new` in a bigger buffer: `% 64`.
    pub new_off: u8,
    /// Start of `out` in a bigger buffer: `% 64`.
    pub out_off: u8,
    /// An extra output length to try (`% (2 * page length + 64)`), and the cut point /
    /// flipped byte for the decode variants.
    pub extra: u16,
}

/// Size of [`KernelHeader`] in the input.
pub const KERNEL_HEADER_LEN: usize = 5;

impl KernelHeader {
    /// The 5 input bytes that read back as `self`.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut v = vec![self.old_off, self.new_off, self.out_off];
        v.extend_from_slice(&self.extra.to_le_bytes());
        v
    }
}

/// Compares the library's decoders (`decode`, `validate`, `decode_non_atomic`,
/// `decode_baseline`) with the model on `delta` against `old`. Panics on any
/// disagreement. `page_buf` must hold a copy of `old` (possibly as a sub-slice of a
/// bigger buffer, to test unaligned starts).
pub fn check_decoders(delta: &[u8], old: &[u8], page_buf: &mut [u8]) {
    assert_eq!(page_buf, old);
    let model = model_decode(delta, old);
    let got = xbzrle::decode(delta, page_buf);
    let val = xbzrle::validate(delta, old.len());
    match (&model, &got) {
        (Ok((want_page, want_d)), Ok(d)) => {
            assert_eq!(
                d, want_d,
                "decode returned a different offset than the model"
            );
            assert!(
                page_buf == &want_page[..],
                "decode produced a different page than the model"
            );
        }
        (Err((kind, off)), Err(e)) => {
            assert_eq!(
                e.kind(),
                *kind,
                "decode error kind differs from the model's"
            );
            assert_eq!(
                e.offset(),
                *off,
                "decode error offset differs from the model's"
            );
            assert!(
                page_buf == old,
                "decode changed the page although it failed"
            );
        }
        _ => panic!("decode and the model disagree: model {model:?}, decode {got:?}"),
    }
    assert_eq!(val, got, "validate disagrees with decode");

    // the baseline-compiled copy (what CPUs without AVX2 run) is atomic too
    let mut page3 = old.to_vec();
    let got3 = xbzrle::unstable::decode_baseline(delta, &mut page3);
    assert_eq!(got3, got, "decode_baseline disagrees with decode");
    let want3: &[u8] = if got.is_ok() { page_buf } else { old };
    assert!(page3 == want3, "decode_baseline produced a different page");

    let mut page2 = old.to_vec();
    let got2 = xbzrle::unstable::decode_non_atomic(delta, &mut page2);
    assert_eq!(got2, got, "decode_non_atomic disagrees with decode");
    if got.is_ok() {
        assert!(
            page2 == page_buf,
            "decode_non_atomic produced a different page"
        );
    }
}

pub mod receive;
pub mod seeds;

#[cfg(test)]
mod tests;
