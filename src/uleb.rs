//! The run-length field: ULEB128 limited to two bytes (values 0..=16383).

/// Largest value a length field can hold (exported as [`crate::MAX_RUN`]).
pub(crate) const MAX_LEN: usize = 0x3fff;

/// Number of bytes the shortest form of `v` takes (`v <= MAX_LEN`).
#[inline(always)]
pub(crate) fn encoded_len(v: usize) -> usize {
    1 + (v >= 0x80) as usize
}

/// Writes the shortest form of `v` (`v <= MAX_LEN`) at `out[0..]`; returns the bytes used.
/// `out` must have room (checked by the caller; a short `out` panics).
#[inline(always)]
pub(crate) fn write(out: &mut [u8], v: usize) -> usize {
    debug_assert!(v <= MAX_LEN);
    if v < 0x80 {
        out[0] = v as u8;
        1
    } else {
        out[0] = 0x80 | (v & 0x7f) as u8;
        out[1] = (v >> 7) as u8;
        2
    }
}

/// The shortest form of `v` as a little-endian word: its one or two bytes, in the low
/// bytes (`v <= MAX_LEN`; larger values keep only their low 14 bits). Lets an encoder
/// store a whole header with one unaligned write.
#[inline(always)]
pub(crate) fn packed(v: usize) -> u32 {
    let v = v as u32;
    if v < 0x80 {
        v
    } else {
        (v & 0x7f) | 0x80 | ((v >> 7) << 8)
    }
}

/// Reads a length from `b0` and, when needed, `b1` (the byte after it).
/// Returns `(value, bytes used)`, or `None` when the second byte has its high bit set.
/// Non-shortest forms are accepted, as QEMU does.
#[inline(always)]
pub(crate) fn read(b0: u8, b1: u8) -> Option<(usize, usize)> {
    if b0 < 0x80 {
        Some((b0 as usize, 1))
    } else if b1 < 0x80 {
        Some(((b0 & 0x7f) as usize | (b1 as usize) << 7, 2))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_round_trips_in_shortest_form() {
        let mut buf = [0u8; 2];
        for v in 0..=MAX_LEN {
            let n = write(&mut buf, v);
            assert_eq!(n, encoded_len(v));
            assert_eq!(read(buf[0], buf[1]), Some((v, n)), "value {v}");
        }
    }

    #[test]
    fn every_two_byte_pattern_reads_like_the_spec() {
        for b0 in 0..=255u8 {
            for b1 in 0..=255u8 {
                let want = if b0 < 0x80 {
                    Some((b0 as usize, 1))
                } else if b1 < 0x80 {
                    Some((((b1 as usize) << 7) + (b0 - 0x80) as usize, 2))
                } else {
                    None
                };
                assert_eq!(read(b0, b1), want, "{b0:02x} {b1:02x}");
            }
        }
    }
}
