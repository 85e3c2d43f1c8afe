//! `qemu_stream`: arbitrary bytes read as a QEMU migration stream by
//! `xbzrle::qemu_stream::read_ram`.
//!
//! Checks that the reader never panics, never allocates past its `max_ram` limit, reports
//! error offsets inside the input, and that every page record handed to the callback is a
//! whole page whose XBZRLE payload (if any) decodes `before` into `after`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use xbzrle::qemu_stream::{read_ram, PageKind, ReadOptions};

const MAX_RAM: u64 = 1 << 22;

fuzz_target!(|data: &[u8]| {
    let opts = ReadOptions {
        max_ram: MAX_RAM,
        ..ReadOptions::default()
    };
    let res = read_ram(data, &opts, |p| {
        assert_eq!(p.before.len(), p.after.len());
        if let PageKind::Xbzrle(payload) = p.kind {
            let mut page = p.before.to_vec();
            xbzrle::decode(payload, &mut page).expect("payload was accepted");
            assert_eq!(page, p.after);
        }
    });
    match res {
        Ok(img) => {
            let total: u64 = img.blocks.iter().map(|b| b.data.len() as u64).sum();
            assert!(total <= MAX_RAM);
            assert!(img.bytes_read <= data.len() as u64);
        }
        Err(e) => {
            assert!(e.offset() <= data.len() as u64, "{e}");
            assert!(!e.to_string().is_empty());
        }
    }
});
