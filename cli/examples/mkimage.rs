//! Writes a test image pair for `xbzrle diff` benchmarks: OLD = pseudo-random bytes,
//! NEW = OLD with a docs/format.md §7 pattern laid over the whole image (streamed, constant memory).
//!
//! `cargo run --release --example mkimage -- OLD NEW BYTES [PATTERN] [SEED]`
//! (PATTERN: sparse, medium (default), dense, very-dense).

use std::fs::File;
use std::io::{BufWriter, Write};
use xbzrle_testkit::scenario::{fill_random, Pattern};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        return Err("usage: mkimage OLD NEW BYTES [PATTERN] [SEED]".into());
    }
    let size: u64 = args[2].parse()?;
    let pat = Pattern::from_name(args.get(3).map_or("medium", |s| s)).ok_or("unknown pattern")?;
    let seed: u64 = args.get(4).map_or(Ok(1), |s| s.parse())?;
    let mut old = BufWriter::new(File::create(&args[0])?);
    let mut new = BufWriter::new(File::create(&args[1])?);
    const CHUNK: usize = 1 << 20;
    let mut buf = vec![0u8; CHUNK];
    let mut pos = 0u64;
    while pos < size {
        let n = (size - pos).min(CHUNK as u64) as usize;
        fill_random(&mut buf[..n], seed ^ pos);
        old.write_all(&buf[..n])?;
        pat.apply_in_place(&mut buf[..n], pos as usize);
        new.write_all(&buf[..n])?;
        pos += n as u64;
    }
    old.flush()?;
    new.flush()?;
    Ok(())
}
