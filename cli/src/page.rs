//! `xbzrle encode` / `xbzrle decode` of single pages.
//!
//! The files hold exactly what QEMU puts on the wire for one page: the raw XBZRLE payload
//! bytes, without any framing. Every failure is reported as one line and a non-zero exit
//! code, before any output exists: output files are written atomically (temporary file,
//! then rename), so a failure never leaves a partial or temporary file behind.

use crate::output::write_atomic;
use std::io::Write;
use std::path::{Path, PathBuf};

const ENCODE_HELP: &str = "\
Output: the raw XBZRLE payload, exactly the bytes QEMU sends for this page (no framing).

Choices, like QEMU's sender:
  * Identical pages give an EMPTY payload (QEMU sends nothing for such a page); exit 0.
  * The output buffer holds at most one page (OLD's size), as in QEMU. A page so different
    that its delta would be longer than that is an overflow: nothing is written, the exit
    code is 1 and the message says to send the page raw instead.
  * Pages may be 0 to 16384 bytes; larger pages must be split into chunks of at most 16 KiB.
  * With -o the file is written atomically (temporary file, then rename): on any error no
    output file (and no temporary file) is left.";

const DECODE_HELP: &str = "\
DELTA is a raw XBZRLE payload (as written by `xbzrle encode`, or by QEMU for one page).
The result is OLD with the delta applied. A delta that QEMU's decoder would refuse is
refused with its byte offset and the reason, and no output is written. (QEMU's migration
stream also refuses payloads longer than its page size; this tool applies the format rules
only.) With -o the file is written atomically (temporary file, then rename).";

/// Options of `xbzrle encode`.
#[derive(clap::Args, Debug)]
#[command(after_help = ENCODE_HELP)]
pub struct EncodeArgs {
    /// The old page (what the receiver already has).
    pub old: PathBuf,
    /// The new page (same length as OLD).
    pub new: PathBuf,
    /// Write the payload to this file instead of standard output.
    #[arg(short, long, value_name = "DELTA")]
    pub output: Option<PathBuf>,
}

/// Options of `xbzrle decode`.
#[derive(clap::Args, Debug)]
#[command(after_help = DECODE_HELP)]
pub struct DecodeArgs {
    /// The old page the delta applies to.
    pub old: PathBuf,
    /// The XBZRLE payload.
    pub delta: PathBuf,
    /// Write the new page to this file instead of standard output.
    #[arg(short, long, value_name = "NEW")]
    pub output: Option<PathBuf>,
}

fn read(what: &str, path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read {what} '{}': {e}", path.display()))
}

fn emit(output: Option<&Path>, bytes: &[u8]) -> Result<(), String> {
    match output {
        Some(path) => {
            write_atomic(path, bytes).map_err(|e| format!("cannot write '{}': {e}", path.display()))
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)
                .and_then(|()| out.flush())
                .map_err(|e| format!("cannot write to standard output: {e}"))
        }
    }
}

/// Encodes NEW against OLD into the canonical XBZRLE payload.
pub fn encode(a: EncodeArgs) -> Result<(), String> {
    let old = read("old page", &a.old)?;
    let new = read("new page", &a.new)?;
    if old.len() != new.len() {
        return Err(format!(
            "old page is {} bytes but new page is {} bytes",
            old.len(),
            new.len()
        ));
    }
    if old.len() > xbzrle::MAX_PAGE_SIZE {
        return Err(format!(
            "pages are {} bytes, more than the XBZRLE maximum of {} bytes: split them",
            old.len(),
            xbzrle::MAX_PAGE_SIZE
        ));
    }
    // Like QEMU: the payload may be at most one page long.
    let mut out = vec![0u8; old.len()];
    let len = match xbzrle::encode(&old, &new, &mut out) {
        Ok(len) => len,
        Err(xbzrle::EncodeError::Overflow) => {
            return Err(format!(
            "overflow: the delta would be longer than the {}-byte page; send the page raw instead",
            old.len()
        ))
        }
        Err(e) => return Err(e.to_string()),
    };
    emit(a.output.as_deref(), &out[..len])
}

/// Applies DELTA to OLD.
pub fn decode(a: DecodeArgs) -> Result<(), String> {
    let mut page = read("old page", &a.old)?;
    let delta = read("delta", &a.delta)?;
    xbzrle::decode(&delta, &mut page).map_err(|e| {
        format!(
            "invalid delta at byte {}: {} (page of {} bytes, delta of {} bytes)",
            e.offset(),
            e.kind(),
            page.len(),
            delta.len()
        )
    })?;
    emit(a.output.as_deref(), &page)
}
