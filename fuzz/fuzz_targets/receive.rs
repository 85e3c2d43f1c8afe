//! `receive`: a hostile chunk payload of the parallel migration (issue 12 item 6) applied
//! to guest memory by `xbzrle::parallel::Applier`.
//!
//! Input: a 3-byte `ReceiveHeader` (page size, range table, old contents), then the
//! payload, verbatim. Checks that the applier never panics and agrees with the
//! byte-at-a-time model (result, error kind, byte offset, page, memory), reads exactly
//! the payload, writes nothing outside the range table and leaves a refused page and
//! the pages after it unchanged (`xbzrle_fuzz::receive`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    xbzrle_fuzz::receive::check_receive(data);
});
