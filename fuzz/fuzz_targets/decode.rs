//! `decode`: arbitrary delta bytes decoded onto an arbitrary page.
//!
//! Input: a 7-byte `PageSpec` (page length 0..=16384 and old contents), then the delta,
//! verbatim. Checks that `decode` never panics, agrees with the byte-at-a-time model
//! decoder of docs/format.md §2 (result, page, error kind and offset), leaves the page unchanged on
//! error, and that `validate` and `decode_non_atomic` agree with it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use xbzrle_fuzz::{check_decoders, DecodeInput};

fuzz_target!(|input: DecodeInput<'_>| {
    let DecodeInput { spec, delta } = input;
    let old = spec.page();
    let mut page = old.clone();
    check_decoders(delta, &old, &mut page);
});
