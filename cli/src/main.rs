//! `xbzrle`: benchmark the codec on this CPU, encode/decode single pages, diff/patch
//! memory images.
//!
//! Every command prints a one-line reason and exits non-zero on bad input, and writes
//! its output files atomically (see `output.rs`).

mod bench;
mod image;
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
}

/// Clap's error as one line (`xbzrle: invalid value 'nope' for '--scenario <NAME>'
/// [possible values: ...]`), like every other error of the tool; help and version go to
/// stdout as clap prints them.
fn parse_args() -> Result<Cli, ExitCode> {
    Cli::try_parse().map_err(|e| {
        use clap::error::ErrorKind;
        if matches!(
            e.kind(),
            ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        ) {
            e.exit();
        }
        let text = e.to_string();
        let parts: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with("Usage:") && !l.starts_with("For more"))
            .map(|l| l.strip_prefix("error: ").unwrap_or(l))
            .collect();
        eprintln!("xbzrle: {} (see --help)", parts.join(" "));
        ExitCode::from(2)
    })
}

fn main() -> ExitCode {
    let cli = match parse_args() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let result = match cli.command {
        None => bench::run(bench::Args::defaults()),
        Some(Command::Bench(a)) => bench::run(a),
        Some(Command::Encode(a)) => page::encode(a),
        Some(Command::Decode(a)) => page::decode(a),
        Some(Command::Diff(a)) => image::diff(a),
        Some(Command::Patch(a)) => image::patch(a),
        Some(Command::QemuRam(a)) => qemu_ram::run(a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xbzrle: {e}");
            ExitCode::FAILURE
        }
    }
}
