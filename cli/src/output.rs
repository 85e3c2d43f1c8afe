//! Atomic output files: write to a temporary file beside the target, then rename, so a
//! failure never leaves a partial output file.

use std::fs::{self, File};
use std::io::{self, BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// An output file being written. Call [`AtomicFile::commit`] to make it appear under its
/// final name; dropping it without committing removes the temporary file.
pub struct AtomicFile {
    tmp: PathBuf,
    dest: PathBuf,
    writer: Option<BufWriter<File>>,
}

impl AtomicFile {
    /// Creates a temporary file in the directory of `dest`.
    pub fn create(dest: &Path) -> io::Result<AtomicFile> {
        let dir = match dest.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = dest.file_name().ok_or_else(|| {
            io::Error::new(io::ErrorKind::InvalidInput, "output path has no file name")
        })?;
        let mut n = 0u32;
        loop {
            let mut tmp_name = std::ffi::OsString::from(".");
            tmp_name.push(name);
            tmp_name.push(format!(".tmp-{}-{n}", std::process::id()));
            let tmp = dir.join(tmp_name);
            match fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&tmp)
            {
                Ok(f) => {
                    return Ok(AtomicFile {
                        tmp,
                        dest: dest.to_path_buf(),
                        writer: Some(BufWriter::with_capacity(1 << 20, f)),
                    })
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 1000 => n += 1,
                Err(e) => return Err(e),
            }
        }
    }

    /// Appends `data`, leaving a hole (no allocated blocks) for every `chunk`-byte piece
    /// that is all zero, so a guest RAM image that is mostly zero takes little disk.
    /// Reading the file back gives exactly `data`: the file's length is set past the
    /// last piece even when it is a hole.
    pub fn write_sparse(&mut self, data: &[u8], chunk: usize) -> io::Result<()> {
        let w = self.writer.as_mut().expect("writer present until commit");
        w.flush()?;
        let f = w.get_mut();
        let start = f.stream_position()?;
        let chunk = chunk.max(1);
        // Runs of non-zero pieces are written with one call; runs of zero pieces are
        // skipped with one seek.
        let mut run_start = 0;
        let mut run_is_zero = None;
        for (i, piece) in data.chunks(chunk).enumerate() {
            let zero = xbzrle::is_zero_page(piece);
            let at = i * chunk;
            if run_is_zero != Some(zero) {
                Self::flush_run(f, &data[run_start..at], run_is_zero)?;
                run_start = at;
                run_is_zero = Some(zero);
            }
        }
        Self::flush_run(f, &data[run_start..], run_is_zero)?;
        let end = start + data.len() as u64;
        f.set_len(end)?;
        f.seek(SeekFrom::Start(end))?;
        Ok(())
    }

    fn flush_run(f: &mut File, run: &[u8], is_zero: Option<bool>) -> io::Result<()> {
        match is_zero {
            Some(true) => f.seek(SeekFrom::Current(run.len() as i64)).map(drop),
            Some(false) => f.write_all(run),
            None => Ok(()),
        }
    }

    /// Flushes, syncs and renames the file to its final name.
    pub fn commit(mut self) -> io::Result<()> {
        let w = self.writer.take().expect("writer present until commit");
        let f = w.into_inner().map_err(|e| e.into_error())?;
        f.sync_all()?;
        drop(f);
        fs::rename(&self.tmp, &self.dest)
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer
            .as_mut()
            .expect("writer present until commit")
            .write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.writer
            .as_mut()
            .expect("writer present until commit")
            .flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.writer.is_some() {
            self.writer = None;
            let _ = fs::remove_file(&self.tmp);
        }
    }
}

/// Writes `bytes` to `dest` atomically.
pub fn write_atomic(dest: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut f = AtomicFile::create(dest)?;
    f.write_all(bytes)?;
    f.commit()
}
