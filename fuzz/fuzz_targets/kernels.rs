//! `kernels`: every encoder kernel of this CPU against the scalar reference and the model,
//! and every decoder variant against the model decoder.
//!
//! Input: a 5-byte `KernelHeader` (slice offsets, an extra output length), then the
//! `roundtrip` layout (a `PageSpec`, then `Edit` records). For several output lengths
//! (0, 1, L-1, L, L+1, ..., and one from the input), with `old`, `new` and `out` starting
//! at unaligned offsets inside bigger buffers, every kernel in `Kernel::available()` must
//! give the same `Result` and the same `out[..L]` as `Kernel::Scalar` (and as the model
//! encoder), must not write outside `out` and must not modify its inputs. Then the
//! canonical payload, a truncated copy and a corrupted copy are decoded by `decode`,
//! `validate` and `decode_non_atomic` and compared with the model decoder.
#![no_main]

use libfuzzer_sys::fuzz_target;
use xbzrle::{EncodeError, Encoder, Kernel};
use xbzrle_fuzz::{check_decoders, model_encode, KernelInput};

const GUARD: usize = 64;
const SENTINEL: u8 = 0xa5;

/// Runs `enc` on `old`/`new` with an `out` of `n` bytes at offset `off` of a guarded
/// buffer; checks nothing outside `out` was written. Returns the result and `out`.
fn run(
    enc: &Encoder,
    old: &[u8],
    new: &[u8],
    n: usize,
    off: usize,
) -> (Result<usize, EncodeError>, Vec<u8>) {
    let mut buf = vec![SENTINEL; off + n + GUARD];
    let res = enc.encode(old, new, &mut buf[off..off + n]);
    let name = enc.kernel().name();
    assert!(
        buf[..off].iter().all(|&b| b == SENTINEL),
        "kernel {name} wrote before out (n = {n})"
    );
    assert!(
        buf[off + n..].iter().all(|&b| b == SENTINEL),
        "kernel {name} wrote past the end of out (n = {n}, result {res:?})"
    );
    (res, buf[off..off + n].to_vec())
}

/// `page` placed at `off` in a buffer of `page.len() + GUARD` bytes.
fn placed(page: &[u8], off: usize) -> Vec<u8> {
    let mut b = vec![SENTINEL; page.len() + GUARD];
    b[off..off + page.len()].copy_from_slice(page);
    b
}

fuzz_target!(|input: KernelInput| {
    let KernelInput { header: h, pair } = input;
    let p = pair.old.len();
    let model = model_encode(&pair.old, &pair.new);
    let l = model.bytes.len();

    let (oo, no, so) = (
        h.old_off as usize % GUARD,
        h.new_off as usize % GUARD,
        h.out_off as usize % GUARD,
    );
    let old_buf = placed(&pair.old, oo);
    let new_buf = placed(&pair.new, no);
    let old = &old_buf[oo..oo + p];
    let new = &new_buf[no..no + p];

    let cap = 2 * p + 8;
    let mut lens = vec![0, 1, l.saturating_sub(1), l, l + 1, l + 7, l + 33, cap];
    lens.push(h.extra as usize % (cap + GUARD));
    lens.sort_unstable();
    lens.dedup();

    let reference = Encoder::with_kernel(Kernel::Scalar).expect("scalar is always available");
    let kernels: Vec<Kernel> = Kernel::available().collect();
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let names: Vec<&str> = kernels.iter().map(|k| k.name()).collect();
        eprintln!(
            "kernels under test: {} (best: {})",
            names.join(" "),
            Kernel::best()
        );
    });
    assert!(kernels.contains(&Kernel::Scalar));
    assert!(kernels.contains(&Kernel::best()));

    for &n in &lens {
        let want = model.expected(n);
        let (ref_res, ref_out) = run(&reference, old, new, n, so);
        assert_eq!(ref_res, want, "scalar vs model, out.len() = {n}");
        if let Ok(len) = ref_res {
            assert_eq!(&ref_out[..len], &model.bytes[..], "scalar bytes vs model");
        }
        for &k in &kernels {
            let enc = Encoder::with_kernel(k).expect("available kernel refused");
            assert_eq!(enc.kernel(), k);
            let (res, out) = run(&enc, old, new, n, so);
            assert_eq!(res, ref_res, "kernel {k} vs scalar, out.len() = {n}");
            if let Ok(len) = res {
                assert_eq!(
                    &out[..len],
                    &ref_out[..len],
                    "kernel {k} bytes vs scalar, out.len() = {n}"
                );
            }
        }
        // the free function (best kernel)
        let mut out = vec![0u8; n];
        assert_eq!(
            xbzrle::encode(old, new, &mut out),
            ref_res,
            "encode() vs scalar"
        );
    }
    // the kernels must not have touched their inputs
    assert!(old_buf[oo..oo + p] == pair.old[..] && new_buf[no..no + p] == pair.new[..]);
    assert!(old_buf[..oo]
        .iter()
        .chain(&old_buf[oo + p..])
        .all(|&b| b == SENTINEL));
    assert!(new_buf[..no]
        .iter()
        .chain(&new_buf[no + p..])
        .all(|&b| b == SENTINEL));

    // argument checks, every kernel
    for &k in &kernels {
        let enc = Encoder::with_kernel(k).unwrap();
        let mut out = vec![0u8; cap];
        if p > 0 {
            assert_eq!(
                enc.encode(old, &new[..p - 1], &mut out),
                Err(EncodeError::LengthMismatch { old: p, new: p - 1 }),
                "kernel {k}"
            );
        }
        if h.extra % 64 == 0 {
            let big = vec![0u8; xbzrle::MAX_PAGE_SIZE + 1 + p % 8];
            assert_eq!(
                enc.encode(&big, &big, &mut out),
                Err(EncodeError::PageTooLarge { len: big.len() }),
                "kernel {k}"
            );
        }
    }

    // decode variants vs the model decoder, on the canonical payload and damaged copies
    let mut variants: Vec<Vec<u8>> = vec![model.bytes.clone()];
    if l > 0 {
        variants.push(model.bytes[..h.extra as usize % l].to_vec());
        let mut flipped = model.bytes.clone();
        flipped[h.extra as usize % l] ^= h.old_off | 1;
        variants.push(flipped);
    }
    for delta in &variants {
        let mut page_buf = placed(&pair.old, so);
        check_decoders(delta, &pair.old, &mut page_buf[so..so + p]);
        assert!(page_buf[..so]
            .iter()
            .chain(&page_buf[so + p..])
            .all(|&b| b == SENTINEL));
    }
});
