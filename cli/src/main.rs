//! `xbzrle`: benchmark the codec on this CPU, encode/decode single pages, diff/patch
//! memory images.
//!
//! Every command prints a one-line reason and exits non-zero on bad input, writes its
//! output files by the rules in `output.rs` (regular files atomically) and reads its
//! inputs by content (`input.rs`).

mod bench;
mod image;
mod input;
mod migrate_sim;
#[allow(dead_code)] // a shared toolbox: not every command uses every helper
mod output;
mod page;
mod qemu_ram;

use anyhow::anyhow;
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

/// A usage error of clap (several lines: the error, its details, a usage line, a hint)
/// as one line, like every other error of the tool.
fn one_line(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if line.starts_with("For more information") {
            continue;
        }
        let line = line.strip_prefix("error: ").unwrap_or(line);
        if !out.is_empty() {
            out.push_str(if out.ends_with(':') { " " } else { "; " });
        }
        out.push_str(line);
    }
    out
}

fn main() -> ExitCode {
    // whether fd 1 was closed at start (Rust opens /dev/null on it before main)
    output::probe_stdout();
    output::install_signal_cleanup();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => e.exit(), // --help, --version
        Err(e) => {
            eprintln!("xbzrle: {}", one_line(&e.to_string()));
            return ExitCode::from(2);
        }
    };
    let result = match cli.command {
        // bench's results go to standard output
        None | Some(Command::Bench(_)) if output::stdout_closed() => Err(anyhow!(
            "cannot write the results: standard output is closed"
        )),
        None => bench::run(bench::Args::defaults()),
        Some(Command::Bench(a)) => bench::run(a),
        Some(Command::Encode(a)) => page::encode(a),
        Some(Command::Decode(a)) => page::decode(a),
        Some(Command::Diff(a)) => image::diff(a),
        Some(Command::Patch(a)) => image::patch(a),
        Some(Command::QemuRam(a)) if a.prints_to_stdout() && output::stdout_closed() => Err(
            anyhow!("cannot write the report: standard output is closed (use --quiet)"),
        ),
        Some(Command::QemuRam(a)) => qemu_ram::run(a),
        // migrate-sim's report goes to standard output
        Some(Command::MigrateSim(_)) if output::stdout_closed() => Err(anyhow!(
            "cannot write the report: standard output is closed"
        )),
        Some(Command::MigrateSim(a)) => migrate_sim::run(a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xbzrle: {e:#}");
            ExitCode::FAILURE
        }
    }
}
