//! Enables the AVX-512 kernel when the compiler can build it: AVX-512 intrinsics and
//! target features are stable since Rust 1.89, while the crate supports Rust 1.81.

use std::env;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=RUSTC");
    println!("cargo:rustc-check-cfg=cfg(xbzrle_avx512)");
    println!("cargo:rerun-if-env-changed=XBZRLE_NO_AVX512");
    // XBZRLE_NO_AVX512=1 builds without the AVX-512 kernel, as an older compiler would.
    if env::var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("x86_64")
        || env::var_os("XBZRLE_NO_AVX512").is_some()
    {
        return;
    }
    let rustc = env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let minor = Command::new(rustc)
        .arg("--version")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|v| {
            // "rustc 1.95.0 (...)"
            let ver = v.split_whitespace().nth(1)?.to_owned();
            let mut parts = ver.split('.');
            let major: u32 = parts.next()?.parse().ok()?;
            let minor: u32 = parts.next()?.parse().ok()?;
            Some((major, minor))
        });
    if matches!(minor, Some((1, m)) if m >= 89) || matches!(minor, Some((major, _)) if major > 1) {
        println!("cargo:rustc-cfg=xbzrle_avx512");
    }
}
