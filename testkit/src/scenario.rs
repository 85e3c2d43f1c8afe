//! The benchmark scenarios of the 2011 XBZRLE benchmark (docs/format.md §7), for benchmarks,
//! tests and fuzz corpora: reproducible old/new memory regions without any dependency.
//!
//! A changed area of `len` bytes every `stride` bytes, laid over a whole region (areas
//! continue across page boundaries): `new` is `old` with every byte of
//! `[k·stride, k·stride + len)` XORed with a nonzero value.
//!
//! # Example
//! ```
//! use xbzrle_testkit::scenario::{Pattern, fill_random};
//! let mut old = vec![0u8; 1 << 16];
//! fill_random(&mut old, 42);
//! let new = Pattern::MEDIUM.apply(&old);
//! let mut out = [0u8; 4096];
//! let mut total = 0;
//! for (o, n) in old.chunks(4096).zip(new.chunks(4096)) {
//!     total += xbzrle::encode(o, n, &mut out).unwrap();
//! }
//! // about 5.13 % of the input, as docs/format.md §7 says
//! let pct = total as f64 * 100.0 / old.len() as f64;
//! assert!((pct - 5.13).abs() < 0.1, "{pct}");
//! ```

/// A changed area of `len` bytes every `stride` bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Pattern {
    /// Name as the benchmark prints it (`"SPARSE"`, ...).
    pub name: &'static str,
    /// Distance between the starts of two changed areas.
    pub stride: usize,
    /// Length of each changed area (`len <= stride`).
    pub len: usize,
}

impl Pattern {
    /// S=1111, L=12: about 1.35 % of a 4 KiB page encoded.
    pub const SPARSE: Pattern = Pattern {
        name: "SPARSE",
        stride: 1111,
        len: 12,
    };
    /// S=701, L=33: about 5.13 %.
    pub const MEDIUM: Pattern = Pattern {
        name: "MEDIUM",
        stride: 701,
        len: 33,
    };
    /// S=203, L=41: about 21.67 %.
    pub const DENSE: Pattern = Pattern {
        name: "DENSE",
        stride: 203,
        len: 41,
    };
    /// S=121, L=43: about 37.21 %.
    pub const VERY_DENSE: Pattern = Pattern {
        name: "VERY-DENSE",
        stride: 121,
        len: 43,
    };
    /// The four scenarios of docs/format.md §7, sparsest first.
    pub const ALL: [Pattern; 4] = [
        Pattern::SPARSE,
        Pattern::MEDIUM,
        Pattern::DENSE,
        Pattern::VERY_DENSE,
    ];

    /// Looks a pattern up by name, ignoring case (`"very-dense"` works too).
    pub fn from_name(name: &str) -> Option<Pattern> {
        Pattern::ALL
            .iter()
            .copied()
            .find(|p| p.name.eq_ignore_ascii_case(name))
    }

    /// Changes `region` in place: every byte of `[k·stride, k·stride + len)` is XORed with
    /// a nonzero value, so it is guaranteed to differ from before. `offset` is the position
    /// of `region[0]` in the whole memory region, so that a region can be built in pieces.
    pub fn apply_in_place(&self, region: &mut [u8], offset: usize) {
        assert!(self.len <= self.stride && self.stride > 0);
        for (i, b) in region.iter_mut().enumerate() {
            let pos = offset + i;
            if pos % self.stride < self.len {
                // nonzero, and varies with the position
                *b ^= 0x5a | (pos as u8 & 0x80) | 1;
            }
        }
    }

    /// `old` with the pattern applied (the new region).
    pub fn apply(&self, old: &[u8]) -> Vec<u8> {
        let mut new = old.to_vec();
        self.apply_in_place(&mut new, 0);
        new
    }
}

/// Fills `buf` with reproducible pseudo-random bytes (xorshift64*) from `seed`.
pub fn fill_random(buf: &mut [u8], seed: u64) {
    let mut s = seed ^ 0x9e37_79b9_7f4a_7c15;
    if s == 0 {
        s = 1;
    }
    for chunk in buf.chunks_mut(8) {
        s ^= s >> 12;
        s ^= s << 25;
        s ^= s >> 27;
        let v = s.wrapping_mul(0x2545_f491_4f6c_dd1d).to_le_bytes();
        chunk.copy_from_slice(&v[..chunk.len()]);
    }
}
