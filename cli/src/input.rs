//! Inputs, read by content, never by what `metadata().len()` says:
//!
//! * page files (`encode`, `decode`): read as a stream, at most the limit plus one byte,
//!   so a longer input (even `/dev/zero`) is refused without reading it all;
//! * images and deltas (`diff`, `patch`): regular files and block devices by their size
//!   (a seek to the end); pipes, FIFOs and sockets (also standard input, `-` or
//!   `/dev/stdin`) are copied first to an unnamed temporary file in `$TMPDIR` (removed
//!   from the directory at once, so nothing is left behind, even on SIGKILL), because the
//!   delta's header needs both sizes before the first page; character devices (which may
//!   never end, like `/dev/zero`) and directories are refused.

use crate::output::{register_temp, remove_temp, unregister_temp, FileId};
use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom};
use std::os::fd::AsFd;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

/// Opens `path` (`-` is standard input).
fn open(path: &Path) -> io::Result<File> {
    if path.as_os_str() == "-" {
        return Ok(File::from(io::stdin().as_fd().try_clone_to_owned()?));
    }
    File::open(path)
}

/// Reads `path` whole, refusing it (with `too_long(limit)`) once more than `limit` bytes
/// came; returns the bytes and the file's identity.
pub fn read_limited(
    path: &Path,
    what: &str,
    limit: usize,
    too_long: impl FnOnce(usize) -> String,
) -> Result<(Vec<u8>, FileId), String> {
    let err = |e: io::Error| format!("cannot read {what} '{}': {e}", path.display());
    let f = open(path).map_err(err)?;
    let m = f.metadata().map_err(err)?;
    if m.is_dir() {
        return Err(format!(
            "cannot read {what} '{}': it is a directory",
            path.display()
        ));
    }
    let mut buf = Vec::new();
    f.take(limit as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(err)?;
    if buf.len() > limit {
        return Err(too_long(limit));
    }
    Ok((buf, FileId::of(&m)))
}

/// An image (or delta) input opened for positional reads, with its real length.
pub struct Source {
    pub file: File,
    pub len: u64,
    pub id: FileId,
}

/// Opens an image or delta by the rules in the [module docs](self).
pub fn open_image(path: &Path, what: &str) -> Result<Source, String> {
    let err = |e: io::Error| format!("cannot read {what} {}: {e}", path.display());
    let mut file = open(path).map_err(|e| format!("cannot open {what} {}: {e}", path.display()))?;
    let m = file.metadata().map_err(err)?;
    let id = FileId::of(&m);
    let ft = m.file_type();
    if ft.is_dir() {
        return Err(format!(
            "cannot read {what} {}: it is a directory",
            path.display()
        ));
    }
    if ft.is_char_device() {
        return Err(format!(
            "cannot read {what} {}: it is a character device (give a file, a block device \
             or a pipe)",
            path.display()
        ));
    }
    if ft.is_fifo() || ft.is_socket() {
        let (file, len) = spool(&mut file).map_err(|e| {
            format!(
                "cannot read {what} {} (a stream, copied to a temporary file in {}): {e}",
                path.display(),
                std::env::temp_dir().display()
            )
        })?;
        return Ok(Source { file, len, id });
    }
    // regular file or block device: its size is where a seek to the end lands
    let len = file.seek(SeekFrom::End(0)).map_err(err)?;
    file.seek(SeekFrom::Start(0)).map_err(err)?;
    Ok(Source { file, len, id })
}

/// Copies a stream to an unnamed temporary file; returns it and its length.
fn spool(r: &mut File) -> io::Result<(File, u64)> {
    let dir = std::env::temp_dir();
    let mut n = 0u32;
    let mut f = loop {
        let p = dir.join(format!(".xbzrle-stream-{}-{n}", std::process::id()));
        register_temp(&p);
        match OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&p)
        {
            Ok(f) => {
                remove_temp(&p); // unnamed from now on: nothing to clean up
                break f;
            }
            Err(e) => {
                unregister_temp(&p); // not ours
                if e.kind() == io::ErrorKind::AlreadyExists && n < 1000 {
                    n += 1;
                } else {
                    return Err(e);
                }
            }
        }
    };
    let len = io::copy(r, &mut f)?;
    f.seek(SeekFrom::Start(0))?;
    Ok((f, len))
}
