//! `image_delta`: arbitrary bytes read as an image delta (the `xbzrle diff` container) by
//! the reader `xbzrle patch` uses (`cli/src/image/format.rs`, compiled into this target
//! as it is).
//!
//! Input: one mode byte, then the delta. With mode bit 0 set, the header, frame and
//! trailer checksums are recomputed first (as a writer would), so that mutated lengths
//! and records get past the checksums to the checks behind them.
//!
//! Checks that the reader never panics or overflows (header lengths up to `u64::MAX`,
//! frame lengths, record lengths), never reports more frame bytes than there are, and that
//! a delta its verification pass accepts always applies: every record of every frame
//! decodes onto a base page (what `patch`'s second pass relies on).
#![no_main]

#[allow(dead_code)] // the writer half of the module is not used here
#[path = "../../cli/src/image/format.rs"]
mod format;

use format::{Header, Trailer, HEADER_LEN, TRAILER_LEN};
use libfuzzer_sys::fuzz_target;
use xbzrle::migrate::Receiver;

/// Recomputes the checksums of `d` in place (as far as its frame lengths go).
fn fix_checksums(d: &mut [u8]) {
    if d.len() < HEADER_LEN + TRAILER_LEN {
        return;
    }
    let h = xxhash_rust::xxh3::xxh3_64(&d[..56]);
    d[56..64].copy_from_slice(&h.to_le_bytes());
    let body_end = d.len() - TRAILER_LEN;
    let (mut at, mut k) = (HEADER_LEN, 0u64);
    while at + 4 <= body_end {
        let n = u32::from_le_bytes(d[at..at + 4].try_into().unwrap()) as usize;
        let Some(end) = (at + 4).checked_add(n).filter(|&e| e + 8 <= body_end) else {
            break;
        };
        let c = format::frame_checksum(&d[at..end], h, k);
        d[end..end + 8].copy_from_slice(&c.to_le_bytes());
        at = end + 8;
        k += 1;
    }
    let t = body_end;
    let c = xxhash_rust::xxh3::xxh3_64_with_seed(&d[t..t + 32], h);
    d[t + 32..t + 40].copy_from_slice(&c.to_le_bytes());
}

fuzz_target!(|input: &[u8]| {
    let Some((&mode, rest)) = input.split_first() else {
        return;
    };
    let mut owned;
    let mut data = rest;
    if mode & 1 == 1 {
        owned = rest.to_vec();
        fix_checksums(&mut owned);
        data = &owned;
    }
    // what `patch` does before reading the frames
    let Ok((hd, hh)) = Header::parse(&data[..data.len().min(HEADER_LEN)]) else {
        return;
    };
    let dlen = data.len() as u64;
    if format::check_size(&hd, dlen).is_err() {
        return;
    }
    let tb: [u8; TRAILER_LEN] = data[data.len() - TRAILER_LEN..].try_into().unwrap();
    let Ok(tr) = Trailer::parse(&tb, hh) else {
        return;
    };
    if tr.frame_count != hd.frame_count() {
        return;
    }
    let body = &data[HEADER_LEN..data.len() - TRAILER_LEN];
    let mut seen = 0u64;
    let res = format::verify_frames(body, body.len() as u64, &hd, hh, |n| seen += n);
    assert!(seen <= body.len() as u64);
    if let Err(e) = res {
        assert!(!e.to_string().is_empty());
        return;
    }
    assert_eq!(
        seen,
        body.len() as u64,
        "verified frames cover the whole body"
    );
    // pass 2: every record applies onto a base page
    let ps = hd.page_size();
    let rx = Receiver::new(ps).expect("page size was checked");
    let mut page = vec![0xa5u8; ps];
    let mut r = body;
    let mut buf = Vec::new();
    for k in 0..hd.frame_count() {
        let recs = format::read_frame(&mut r, &mut buf, &hd, hh, k).expect("frame was verified");
        format::for_each_record(&buf[recs], hd.pages_in_frame(k), ps, false, |_, rec| {
            rx.apply(rec, &mut page).expect("a verified record applies");
        })
        .expect("records were verified");
    }
});
