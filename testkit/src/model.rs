//! The reference model of the format: plain, byte-at-a-time implementations of the
//! decoding steps and the canonical encoding (docs/format.md), written from the contract
//! and NOT calling the library, so that tests, fuzzers and the benchmark compare the
//! library against something obviously correct. This is the workspace's one model.
//!
//! ```
//! use xbzrle_testkit::model::{model_decode, model_encode};
//! let old = [0u8; 16];
//! let mut new = old;
//! new[3] = 9;
//! let enc = model_encode(&old, &new);
//! assert_eq!(enc.bytes, [3, 1, 9]);
//! assert_eq!(model_decode(&enc.bytes, &old), Ok((new.to_vec(), 4)));
//! ```

use xbzrle::DecodeErrorKind;

/// Largest run length one length field can hold (duplicated here on purpose: the model
/// does not take the library's word for it).
pub const MAX_LEN: usize = 0x3fff;

/// Reads one length field at `delta[i..]` per docs/format.md §1, byte by byte. The caller has
/// checked that two bytes remain. Returns `(value, bytes used)` or `None` (bad length).
fn model_read_len(delta: &[u8], i: usize) -> Option<(usize, usize)> {
    let b0 = delta[i];
    if b0 < 0x80 {
        return Some((b0 as usize, 1));
    }
    let b1 = delta[i + 1];
    if b1 >= 0x80 {
        return None;
    }
    Some(((b0 - 0x80) as usize + (b1 as usize) * 128, 2))
}

/// docs/format.md §2, step by step on a copy of the page: returns the decoded page and `d`, or the
/// error kind and the delta offset of the length field that was refused.
pub fn model_decode(
    delta: &[u8],
    old: &[u8],
) -> Result<(Vec<u8>, usize), (DecodeErrorKind, usize)> {
    let n = delta.len();
    let p = old.len();
    let mut page = old.to_vec();
    let mut i = 0usize;
    let mut d = 0usize;
    while i < n {
        // 1
        if n - i < 2 {
            return Err((DecodeErrorKind::Truncated, i));
        }
        // 2
        let at = i;
        let (z, used) = model_read_len(delta, i).ok_or((DecodeErrorKind::BadLength, at))?;
        // 3
        if z == 0 && at != 0 {
            return Err((DecodeErrorKind::EmptyZeroRun, at));
        }
        // 4
        if d + z > p {
            return Err((DecodeErrorKind::PastPageEnd, at));
        }
        d += z;
        i += used;
        // 5 (docs/format.md §4 and the crate: when the one byte left is a literal length of zero,
        // the error is reported as an empty literal run, else as truncated)
        if n - i < 2 {
            if n - i == 1 && delta[i] == 0 {
                return Err((DecodeErrorKind::EmptyLiteralRun, i));
            }
            return Err((DecodeErrorKind::Truncated, i));
        }
        // 6
        let at = i;
        let (m, used) = model_read_len(delta, i).ok_or((DecodeErrorKind::BadLength, at))?;
        i += used;
        // 7
        if m == 0 {
            return Err((DecodeErrorKind::EmptyLiteralRun, at));
        }
        // 8
        if d + m > p {
            return Err((DecodeErrorKind::PastPageEnd, at));
        }
        if i + m > n {
            return Err((DecodeErrorKind::Truncated, at));
        }
        // 9, one byte at a time
        for _ in 0..m {
            page[d] = delta[i];
            d += 1;
            i += 1;
        }
    }
    Ok((page, d))
}

/// What the canonical encoding of a page pair is, regardless of any output size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelEncoding {
    /// The canonical bytes (lengths over 16383 are written clamped; see `long_run`).
    pub bytes: Vec<u8>,
    /// Whether some run (changed, or unchanged before a changed one) is longer than 16383:
    /// the format cannot express it, so every out size gives Overflow.
    pub long_run: bool,
    /// Offset just past the last changed byte (what `decode` returns), 0 if none.
    pub end: usize,
}

impl ModelEncoding {
    /// The `Result` that `encode` must give for an output buffer of `out_len` bytes.
    pub fn expected(&self, out_len: usize) -> Result<usize, xbzrle::EncodeError> {
        if self.long_run || self.bytes.len() > out_len {
            Err(xbzrle::EncodeError::Overflow)
        } else {
            Ok(self.bytes.len())
        }
    }
}

fn model_write_len(out: &mut Vec<u8>, v: usize) {
    let v = v.min(MAX_LEN);
    if v < 128 {
        out.push(v as u8);
    } else {
        out.push(0x80 | (v % 128) as u8);
        out.push((v / 128) as u8);
    }
}

/// docs/format.md §3 byte by byte: maximal runs of `old[k] == new[k]` and `old[k] != new[k]`.
pub fn model_encode(old: &[u8], new: &[u8]) -> ModelEncoding {
    assert_eq!(old.len(), new.len());
    let n = old.len();
    let mut bytes = Vec::new();
    let mut long_run = false;
    let mut end = 0;
    let mut k = 0;
    while k < n {
        let z_start = k;
        while k < n && old[k] == new[k] {
            k += 1;
        }
        if k == n {
            break; // trailing unchanged run: not written
        }
        let z = k - z_start;
        let m_start = k;
        while k < n && old[k] != new[k] {
            k += 1;
        }
        let m = k - m_start;
        if z > MAX_LEN || m > MAX_LEN {
            long_run = true;
        }
        model_write_len(&mut bytes, z);
        model_write_len(&mut bytes, m);
        bytes.extend_from_slice(&new[m_start..k]);
        end = k;
    }
    ModelEncoding {
        bytes,
        long_run,
        end,
    }
}

/// Length of the canonical encoding of `new` against `old`, or `None` when the format
/// cannot express it (a run longer than [`MAX_LEN`]).
pub fn canonical_len(old: &[u8], new: &[u8]) -> Option<usize> {
    let enc = model_encode(old, new);
    (!enc.long_run).then_some(enc.bytes.len())
}
