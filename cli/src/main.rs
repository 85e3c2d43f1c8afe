//! `xbzrle`: benchmark the codec on this CPU, encode/decode single pages, diff/patch
//! memory images.
//!
//! Every command prints a one-line reason and exits non-zero on bad input, and writes
//! its output files atomically (see `output.rs`).

mod bench;
mod image;
mod migrate_sim;
#[allow(dead_code)] // a shared toolbox: not every command uses every helper
mod output;
mod page;
mod qemu_ram;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "xbzrle",
    version,
    about = "QEMU-compatible XBZRLE codec: benchmark, page encode/decode, image diff/patch"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Throughput benchmark of every kernel on this CPU (the default command).
    Bench(bench::Args),
    /// Encode NEW against OLD (single pages) into a QEMU-compatible XBZRLE payload.
    Encode(page::EncodeArgs),
    /// Apply an XBZRLE payload to OLD (a single page), producing the new page.
    Decode(page::DecodeArgs),
    /// Delta between two memory images of any size, page by page.
    Diff(image::DiffArgs),
    /// Rebuild a memory image from its base image and a delta made by `diff`.
    Patch(image::PatchArgs),
    /// Rebuild guest RAM blocks from a QEMU live-migration stream (precopy, XBZRLE).
    QemuRam(qemu_ram::Args),
    /// Simulate a live migration and compare raw, zero-skip, XBZRLE, LZ4 and zstd.
    MigrateSim(migrate_sim::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None => bench::run(bench::Args::default_args()),
        Some(Command::Bench(a)) => bench::run(a),
        Some(Command::Encode(a)) => page::encode(a),
        Some(Command::Decode(a)) => page::decode(a),
        Some(Command::Diff(a)) => image::diff(a),
        Some(Command::Patch(a)) => image::patch(a),
        Some(Command::QemuRam(a)) => qemu_ram::run(a),
        Some(Command::MigrateSim(a)) => migrate_sim::run(a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xbzrle: {e}");
            ExitCode::FAILURE
        }
    }
}
