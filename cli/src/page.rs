//! `xbzrle encode` / `xbzrle decode` of single pages.
//!
//! The files hold exactly what QEMU puts on the wire for one page: the raw XBZRLE payload
//! bytes, without any framing. Every failure is reported as one line and a non-zero exit
//! code, before any output exists: output files are written atomically (temporary file,
//! then rename), so a failure never leaves a partial or temporary file behind.

use crate::input::read_limited;
use crate::output::{write_output, AtomicFile, FileId};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The longest delta `decode` reads. Every run length takes at most 2 bytes and every run
/// but the first covers at least one byte of the page, so a valid delta for a page of at
/// most 16384 bytes is shorter than 2.5 × 16384 + 3 bytes; anything longer is refused
/// without being read to its end.
const MAX_DELTA_LEN: usize = 3 * xbzrle::MAX_PAGE_SIZE;

const ENCODE_HELP: &str = "\
Output: the raw XBZRLE payload, exactly the bytes QEMU sends for this page (no framing).

Choices, like QEMU's sender:
  * Identical pages give an EMPTY payload (QEMU sends nothing for such a page); exit 0.
  * The output buffer holds at most one page (OLD's size), as in QEMU. A page so different
    that its delta would be longer than that is an overflow: nothing is written, the exit
    code is 1 and the message says to send the page raw instead.
  * Pages may be 0 to 16384 bytes; larger pages must be split into chunks of at most 16 KiB.
  * Inputs may be files, pipes or devices (`-` is standard input); they are read up to
    16384 bytes plus one, and a longer one is refused.
  * With -o a regular file (or a new path, or the target of a symbolic link) is written
    atomically (temporary file, then rename), keeping an existing file's permissions: on
    any error no output file (and no temporary file) is left. A FIFO, a character device,
    `-` and standard output are written directly (not atomic); a directory, a block
    device, a file with other hard links and an input of the command are refused.";

const DECODE_HELP: &str = "\
DELTA is a raw XBZRLE payload (as written by `xbzrle encode`, or by QEMU for one page).
The result is OLD with the delta applied. A delta that QEMU's decoder would refuse is
refused with its byte offset and the reason, and no output is written. (QEMU's migration
stream also refuses payloads longer than its page size; this tool applies the format rules
only.) Pages may be 0 to 16384 bytes; a longer OLD, or a delta longer than any valid one
(49152 bytes), is refused after reading at most one byte past the limit. Output rules as
for `encode` (-o regular files atomically, FIFOs/devices/stdout directly).";

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

/// Reads a page (at most [`xbzrle::MAX_PAGE_SIZE`] bytes).
fn read_page(what: &str, path: &Path) -> Result<(Vec<u8>, FileId), String> {
    read_limited(path, what, xbzrle::MAX_PAGE_SIZE, |limit| {
        format!(
            "{what} '{}' is more than the XBZRLE maximum of {limit} bytes: split it",
            path.display()
        )
    })
}

fn emit(output: Option<&Path>, inputs: &[FileId], bytes: &[u8]) -> Result<(), String> {
    match output {
        Some(path) if path.as_os_str() != "-" => write_output(path, inputs, bytes)
            .map_err(|e| format!("cannot write '{}': {e}", path.display())),
        _ => {
            let mut out = AtomicFile::stdout(inputs)
                .map_err(|e| format!("cannot write to standard output: {e}"))?;
            out.write_all(bytes)
                .and_then(|()| out.commit())
                .map_err(|e| format!("cannot write to standard output: {e}"))
        }
    }
}

/// Encodes NEW against OLD into the canonical XBZRLE payload.
pub fn encode(a: EncodeArgs) -> Result<(), String> {
    let (old, old_id) = read_page("old page", &a.old)?;
    let (new, new_id) = read_page("new page", &a.new)?;
    let inputs = [old_id, new_id];
    if old.len() != new.len() {
        return Err(format!(
            "old page is {} bytes but new page is {} bytes",
            old.len(),
            new.len()
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
    emit(a.output.as_deref(), &inputs, &out[..len])
}

/// Applies DELTA to OLD.
pub fn decode(a: DecodeArgs) -> Result<(), String> {
    let (mut page, old_id) = read_page("old page", &a.old)?;
    let (delta, delta_id) = read_limited(&a.delta, "delta", MAX_DELTA_LEN, |limit| {
        format!(
            "delta '{}' is more than {limit} bytes: no valid delta for a page of at most {} \
             bytes is that long",
            a.delta.display(),
            xbzrle::MAX_PAGE_SIZE
        )
    })?;
    let inputs = [old_id, delta_id];
    xbzrle::decode(&delta, &mut page).map_err(|e| {
        format!(
            "invalid delta at byte {}: {} (page of {} bytes, delta of {} bytes)",
            e.offset(),
            e.kind(),
            page.len(),
            delta.len()
        )
    })?;
    emit(a.output.as_deref(), &inputs, &page)
}
