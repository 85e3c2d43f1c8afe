//! Per-call cost of the C entry points against the Rust API, side by side in one run, on
//! hot (cache-resident) 4 KiB pages. The C functions are called through the built
//! `libxbzrle.so` (loaded with `dlopen`, called through function pointers, as a C program
//! calls them through the PLT); the Rust functions are this example's own copy of the
//! crate.
//!
//! ```sh
//! cargo build --release -p xbzrle-capi
//! cargo run --release -p xbzrle-capi --example capi_overhead [-- ROUNDS [path/to/libxbzrle.so]]
//! ```
//!
//! Prints, per page kind and operation, the median and best ns per call over ROUNDS
//! (default 31) interleaved rounds. No figure is asserted: this is a measurement.

use std::ffi::{c_char, c_int, c_void, CString};
use std::hint::black_box;
use std::time::Instant;

use xbzrle_testkit::scenario::{fill_random, Pattern};

extern "C" {
    fn dlopen(filename: *const c_char, flag: c_int) -> *mut c_void;
    fn dlsym(handle: *mut c_void, symbol: *const c_char) -> *mut c_void;
    fn dlerror() -> *const c_char;
}
const RTLD_NOW: c_int = 2;

type EncodeBuffer = unsafe extern "C" fn(*mut u8, *mut u8, c_int, *mut u8, c_int) -> c_int;
type DecodeBuffer = unsafe extern "C" fn(*mut u8, c_int, *mut u8, c_int) -> c_int;
type Encode =
    unsafe extern "C" fn(*const u8, usize, *const u8, usize, *mut u8, usize, *mut usize) -> c_int;
type Decode = unsafe extern "C" fn(*const u8, usize, *mut u8, usize, *mut usize) -> c_int;

struct Lib {
    encode_buffer: EncodeBuffer,
    decode_buffer: DecodeBuffer,
    encode: Encode,
    decode: Decode,
}

fn load(path: &str) -> Lib {
    let c = CString::new(path).unwrap();
    // SAFETY: dlopen/dlsym are called with NUL-terminated strings; each symbol is cast to
    // the type its prototype in capi/include/xbzrle.h has.
    unsafe {
        let h = dlopen(c.as_ptr(), RTLD_NOW);
        if h.is_null() {
            let e = std::ffi::CStr::from_ptr(dlerror());
            panic!("dlopen {path}: {}", e.to_string_lossy());
        }
        let sym = |name: &str| {
            let n = CString::new(name).unwrap();
            let p = dlsym(h, n.as_ptr());
            assert!(!p.is_null(), "{name} not found in {path}");
            p
        };
        Lib {
            encode_buffer: std::mem::transmute::<*mut c_void, EncodeBuffer>(sym(
                "xbzrle_encode_buffer",
            )),
            decode_buffer: std::mem::transmute::<*mut c_void, DecodeBuffer>(sym(
                "xbzrle_decode_buffer",
            )),
            encode: std::mem::transmute::<*mut c_void, Encode>(sym("xbzrle_encode")),
            decode: std::mem::transmute::<*mut c_void, Decode>(sym("xbzrle_decode")),
        }
    }
}

const PAGE: usize = 4096;
/// Calls per timed sample.
const CALLS: usize = 2000;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let rounds: usize = args.get(1).map_or(31, |s| s.parse().expect("ROUNDS"));
    let default_so = std::env::current_exe()
        .ok()
        .and_then(|p| Some(p.parent()?.parent()?.join("libxbzrle.so")))
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|| "target/release/libxbzrle.so".into());
    let so = args.get(2).cloned().unwrap_or(default_so);
    let lib = load(&so);

    // page kinds: unchanged, SPARSE, DENSE (one page each, cache-resident)
    let mut old = vec![0u8; PAGE];
    fill_random(&mut old, 7);
    let kinds: Vec<(&str, Vec<u8>)> = vec![
        ("unchanged", old.clone()),
        ("SPARSE", Pattern::SPARSE.apply(&old)),
        ("DENSE", Pattern::DENSE.apply(&old)),
    ];

    println!(
        "capi_overhead: {so}\n  kernel {} (both sides), {rounds} interleaved rounds of {CALLS} calls, ns per call: median / best",
        xbzrle_rs::Kernel::best().name()
    );
    println!(
        "  {:<10} {:<7} {:>15} {:>15} {:>19} {:>15} {:>15}",
        "page",
        "op",
        "Rust, inlined",
        "Rust, fn ptr",
        "C xbzrle_*_buffer",
        "C xbzrle_*",
        "C - Rust fn ptr"
    );
    for (name, new) in &kinds {
        let mut out = vec![0u8; PAGE];
        let len = xbzrle_rs::encode(&old, new, &mut out).unwrap();
        let delta = out[..len].to_vec();
        let mut page = new.clone(); // decoding onto the new page writes the same bytes
        let mut o = old.clone();
        let mut n = new.clone();

        // the Rust API called through a function pointer the compiler cannot see through,
        // so that it is a real call as the C entry points are
        type RustEncode = fn(&[u8], &[u8], &mut [u8]) -> Result<usize, xbzrle_rs::EncodeError>;
        type RustDecode = fn(&[u8], &mut [u8]) -> Result<usize, xbzrle_rs::DecodeError>;
        let enc_ptr: RustEncode = black_box(xbzrle_rs::encode);
        let dec_ptr: RustDecode = black_box(xbzrle_rs::decode);
        let mut t = [[0f64; 4]; 2].map(|r| r.map(|_| Vec::with_capacity(rounds)));
        for _ in 0..rounds {
            // encode
            t[0][0].push(time(|| {
                black_box(xbzrle_rs::encode(black_box(&old), black_box(new), &mut out)).ok();
            }));
            t[0][3].push(time(|| {
                black_box(enc_ptr(black_box(&old), black_box(new), &mut out)).ok();
            }));
            t[0][1].push(time(|| {
                // SAFETY: valid, non-overlapping buffers of the given sizes.
                black_box(unsafe {
                    (lib.encode_buffer)(
                        o.as_mut_ptr(),
                        n.as_mut_ptr(),
                        PAGE as c_int,
                        out.as_mut_ptr(),
                        PAGE as c_int,
                    )
                });
            }));
            t[0][2].push(time(|| {
                let mut w = 0usize;
                // SAFETY: as above.
                black_box(unsafe {
                    (lib.encode)(
                        o.as_ptr(),
                        PAGE,
                        n.as_ptr(),
                        PAGE,
                        out.as_mut_ptr(),
                        PAGE,
                        &mut w,
                    )
                });
            }));
            // decode
            t[1][0].push(time(|| {
                black_box(xbzrle_rs::decode(black_box(&delta), &mut page)).ok();
            }));
            t[1][3].push(time(|| {
                black_box(dec_ptr(black_box(&delta), &mut page)).ok();
            }));
            t[1][1].push(time(|| {
                // SAFETY: valid, non-overlapping buffers.
                black_box(unsafe {
                    (lib.decode_buffer)(
                        delta.as_ptr() as *mut u8,
                        len as c_int,
                        page.as_mut_ptr(),
                        PAGE as c_int,
                    )
                });
            }));
            t[1][2].push(time(|| {
                let mut pos = 0usize;
                // SAFETY: as above.
                black_box(unsafe {
                    (lib.decode)(delta.as_ptr(), len, page.as_mut_ptr(), PAGE, &mut pos)
                });
            }));
        }
        assert_eq!(&page, new);
        o.copy_from_slice(&old);
        n.copy_from_slice(new);
        for (op, row) in ["encode", "decode"].iter().zip(t.iter_mut()) {
            let cells: Vec<(f64, f64)> = row.iter_mut().map(|v| stats(v)).collect();
            let cell = |c: (f64, f64)| format!("{:.1} / {:.1}", c.0, c.1);
            println!(
                "  {:<10} {:<7} {:>15} {:>15} {:>19} {:>15} {:>15}",
                name,
                op,
                cell(cells[0]),
                cell(cells[3]),
                cell(cells[1]),
                cell(cells[2]),
                format!(
                    "{:+.1} / {:+.1}",
                    cells[1].0 - cells[3].0,
                    cells[2].0 - cells[3].0
                ),
            );
        }
    }
    println!("  (last column: difference of the medians, QEMU entry point / native entry point, against the Rust API called through a function pointer)");
}

/// ns per call of `f`, over CALLS calls.
fn time(mut f: impl FnMut()) -> f64 {
    let t = Instant::now();
    for _ in 0..CALLS {
        f();
    }
    t.elapsed().as_nanos() as f64 / CALLS as f64
}

/// (median, best)
fn stats(v: &mut [f64]) -> (f64, f64) {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    (v[v.len() / 2], v[0])
}
