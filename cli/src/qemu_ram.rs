//! `xbzrle qemu-ram STREAM -o DIR`: rebuild guest RAM from a QEMU live-migration stream.
//!
//! Reads the whole RAM part of the stream first (into memory, bounded by `--max-ram`),
//! then writes every block to `DIR/<block id>.bin`, sparse (zero pages are holes): all
//! files are written to temporary files and only renamed into place once every one of
//! them is complete, so a refused stream, a failed `--verify` or a full disk leaves
//! nothing behind (not even DIR, when this run created it). `--verify` re-encodes every
//! XBZRLE page from the page before and after it was applied and requires QEMU's
//! payload byte for byte.

use crate::output::{AtomicFile, FileId};
use anyhow::anyhow;
use serde::Serialize;
use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufReader, Write};
use std::path::PathBuf;
use std::time::Instant;
use xbzrle::qemu_stream::{read_ram, PageKind, ReadOptions, RecordCounts, StopReason};

/// Options of `xbzrle qemu-ram`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The migration stream (e.g. written by `migrate "exec:cat > FILE"`).
    stream: PathBuf,
    /// Directory to write the RAM blocks to (`<block id>.bin`; created if missing).
    #[arg(short, long, value_name = "DIR")]
    output: PathBuf,
    /// Re-encode every XBZRLE page and require QEMU's payload byte for byte.
    #[arg(long)]
    verify: bool,
    /// Print the report as JSON on stdout.
    #[arg(long)]
    json: bool,
    /// Refuse streams declaring more RAM than this (bytes; suffixes K, M, G, T).
    #[arg(long, default_value = "16G", value_parser = parse_size)]
    max_ram: u64,
    /// Target page size (a `target-page-bits` entry in the stream overrides it).
    #[arg(long, default_value_t = 4096)]
    page_size: usize,
    /// Print nothing but errors (and the JSON report with `--json`).
    #[arg(short, long)]
    quiet: bool,
}

impl Args {
    /// Whether the command prints its report on standard output.
    pub fn prints_to_stdout(&self) -> bool {
        self.json || !self.quiet
    }
}

fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (num, mul) = match s.chars().last() {
        Some('K' | 'k') => (&s[..s.len() - 1], 1u64 << 10),
        Some('M' | 'm') => (&s[..s.len() - 1], 1 << 20),
        Some('G' | 'g') => (&s[..s.len() - 1], 1 << 30),
        Some('T' | 't') => (&s[..s.len() - 1], 1 << 40),
        _ => (s, 1),
    };
    num.parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(mul))
        .ok_or_else(|| format!("invalid size {s:?} (a number with optional K, M, G or T)"))
}

/// File name for a block id: characters outside `[A-Za-z0-9._@+-]` (notably `/`) become
/// `_`, a leading `.` too, so no id can name a path outside DIR or a hidden file.
pub fn block_file_name(id: &str) -> String {
    let mut n: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._@+-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    if n.is_empty() || n.starts_with('.') {
        n.replace_range(0..0, "_");
    }
    n.push_str(".bin");
    n
}

/// Writes every block to `dir/<file name>` (sparse: zero pages are holes), all to
/// temporary files first, then renames them into place. Returns where each went.
fn write_blocks<'a>(
    dir: &std::path::Path,
    blocks: &'a [xbzrle::qemu_stream::RamBlock],
    page_size: usize,
    stream: &[FileId],
) -> anyhow::Result<Vec<BlockJson<'a>>> {
    std::fs::create_dir_all(dir).map_err(|e| anyhow!("{}: {e}", dir.display()))?;
    let mut names = HashSet::new();
    let mut files = Vec::new();
    for b in blocks {
        let mut name = block_file_name(&b.id);
        let mut k = 1;
        while !names.insert(name.clone()) {
            k += 1;
            name = format!("{}-{k}.bin", name.trim_end_matches(".bin"));
        }
        let path = dir.join(&name);
        let fail = |e: io::Error| anyhow!("{}: {e}", path.display());
        let mut af = AtomicFile::create_excluding(&path, stream).map_err(fail)?;
        af.write_sparse(&b.data, page_size).map_err(fail)?;
        files.push((af, path, b));
    }
    let mut written = Vec::new();
    for (af, path, b) in files {
        af.commit()
            .map_err(|e| anyhow!("{}: {e}", path.display()))?;
        written.push(BlockJson {
            id: &b.id,
            file: path.display().to_string(),
            size: b.data.len(),
        });
    }
    Ok(written)
}

/// One RAM block in the JSON report.
#[derive(Serialize)]
struct BlockJson<'a> {
    id: &'a str,
    file: String,
    size: usize,
}

/// Record counts in the JSON report (QEMU's names where it has them).
#[derive(Serialize)]
struct CountsJson {
    duplicate: u64,
    normal: u64,
    xbzrle_pages: u64,
    xbzrle_bytes: u64,
    xbzrle_payload_bytes: u64,
}

impl From<&RecordCounts> for CountsJson {
    fn from(c: &RecordCounts) -> CountsJson {
        CountsJson {
            duplicate: c.zero_pages,
            normal: c.normal_pages,
            xbzrle_pages: c.xbzrle_pages,
            xbzrle_bytes: c.xbzrle_bytes,
            xbzrle_payload_bytes: c.xbzrle_payload_bytes,
        }
    }
}

/// One round in the JSON report.
#[derive(Serialize)]
struct RoundJson {
    round: usize,
    #[serde(rename = "final")]
    final_stage: bool,
    #[serde(flatten)]
    counts: CountsJson,
}

/// `--verify`'s result in the JSON report.
#[derive(Serialize)]
struct VerifyJson {
    checked: u64,
    mismatches: u64,
}

/// The JSON report (`--json`).
#[derive(Serialize)]
struct Report<'a> {
    stream: String,
    stream_bytes: u64,
    bytes_read: u64,
    machine: Option<&'a str>,
    page_size: usize,
    ram_sections: u64,
    stop: String,
    blocks: Vec<BlockJson<'a>>,
    rounds: Vec<RoundJson>,
    total: CountsJson,
    verify: Option<VerifyJson>,
    read_seconds: f64,
    seconds: f64,
}

/// Runs `xbzrle qemu-ram`.
pub fn run(a: Args) -> anyhow::Result<()> {
    let t0 = Instant::now();
    let f = File::open(&a.stream).map_err(|e| anyhow!("{}: {e}", a.stream.display()))?;
    let meta = f.metadata().ok();
    let len = meta.as_ref().map_or(0, |m| m.len());
    // a block file must not replace the stream it was read from
    let stream_id: Vec<FileId> = meta.iter().map(FileId::of).collect();
    let pb = crate::output::progress(len, a.quiet, "reading");
    let opts = ReadOptions {
        max_ram: a.max_ram,
        page_size: a.page_size,
    };
    let mut checked = 0u64;
    let mut mismatches = 0u64;
    let mut first_mismatch: Option<(u64, String, u64)> = None;
    let mut out = vec![0u8; xbzrle::MAX_PAGE_SIZE];
    let mut n_records = 0u64;
    let verify = a.verify;
    let img = read_ram(BufReader::with_capacity(1 << 20, f), &opts, |p| {
        n_records += 1;
        if n_records & 1023 == 0 {
            pb.set_position(p.stream_offset);
        }
        if !verify {
            return;
        }
        if let PageKind::Xbzrle(payload) = p.kind {
            checked += 1;
            let ok = match xbzrle::encode(p.before, p.after, &mut out[..p.before.len()]) {
                Ok(n) => &out[..n] == payload,
                Err(_) => false,
            };
            if !ok {
                mismatches += 1;
                if first_mismatch.is_none() {
                    first_mismatch = Some((p.stream_offset, p.block_id.to_string(), p.offset));
                }
            }
        }
    })
    .map_err(|e| anyhow!("{}: {e}", a.stream.display()))?;
    pb.finish_and_clear();
    let read_secs = t0.elapsed().as_secs_f64();

    // A failed verification is a failed command: nothing is written.
    if mismatches > 0 {
        let (o, b, p) = first_mismatch.unwrap_or_default();
        return Err(anyhow!(
            "--verify: {mismatches} of {checked} XBZRLE pages re-encode differently (first: record at stream byte {o}, block {b:?} offset {p:#x}); nothing written"
        ));
    }
    // Write every block to a temporary file, then commit them all: a failure while
    // writing (disk full, say) leaves no file behind, and no directory we created.
    let created_dir = !a.output.exists();
    let written =
        write_blocks(&a.output, &img.blocks, img.page_size, &stream_id).inspect_err(|_| {
            if created_dir {
                let _ = std::fs::remove_dir(&a.output);
            }
        })?;
    let secs = t0.elapsed().as_secs_f64();

    let stop = match img.stop {
        StopReason::Eof => "eof".to_string(),
        StopReason::DeviceState(o) => format!("device state at byte {o}"),
    };
    if a.json {
        let report = Report {
            stream: a.stream.display().to_string(),
            stream_bytes: len,
            bytes_read: img.bytes_read,
            machine: img.machine.as_deref(),
            page_size: img.page_size,
            ram_sections: img.ram_sections,
            stop,
            blocks: written,
            rounds: img
                .rounds
                .iter()
                .enumerate()
                .map(|(i, r)| RoundJson {
                    round: i + 1,
                    final_stage: r.final_stage,
                    counts: (&r.counts).into(),
                })
                .collect(),
            total: (&img.total).into(),
            verify: verify.then_some(VerifyJson {
                checked,
                mismatches,
            }),
            read_seconds: read_secs,
            seconds: secs,
        };
        let text = serde_json::to_string_pretty(&report)?;
        let mut o = io::stdout().lock();
        writeln!(o, "{text}")
            .and_then(|()| o.flush())
            .map_err(|e| anyhow!("cannot write to standard output: {e}"))?;
    } else if !a.quiet {
        println!(
            "{}: {} bytes, machine {}, page size {}, {} RAM sections, stopped at {}",
            a.stream.display(),
            img.bytes_read,
            img.machine.as_deref().unwrap_or("?"),
            img.page_size,
            img.ram_sections,
            stop
        );
        for b in &written {
            println!("  block {:<24} {:>12} bytes -> {}", b.id, b.size, b.file);
        }
        println!(
            "{:>7} {:>10} {:>10} {:>13} {:>13}",
            "round", "duplicate", "normal", "xbzrle-pages", "xbzrle-bytes"
        );
        let line = |name: String, c: &RecordCounts| {
            println!(
                "{:>7} {:>10} {:>10} {:>13} {:>13}",
                name, c.zero_pages, c.normal_pages, c.xbzrle_pages, c.xbzrle_bytes
            )
        };
        for (i, r) in img.rounds.iter().enumerate() {
            let name = if r.final_stage {
                "final".to_string()
            } else {
                (i + 1).to_string()
            };
            line(name, &r.counts);
        }
        line("total".to_string(), &img.total);
        if verify {
            println!("verify: {checked} XBZRLE pages re-encoded, {mismatches} differ from QEMU's payload");
        }
        println!("done in {secs:.2}s (reading {read_secs:.2}s)");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_stay_in_dir() {
        assert_eq!(block_file_name("pc.ram"), "pc.ram.bin");
        assert_eq!(
            block_file_name("/rom@etc/acpi/tables"),
            "_rom@etc_acpi_tables.bin"
        );
        assert_eq!(block_file_name(".."), "_...bin");
        assert_eq!(block_file_name(""), "_.bin");
        assert!(!block_file_name("../../etc/passwd").contains('/'));
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("16G"), Ok(16 << 30));
        assert_eq!(parse_size("4096"), Ok(4096));
        assert!(parse_size("99999999T").is_err());
    }
}
