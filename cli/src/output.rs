//! Output files, and the rules every command follows for them (`-o PATH`, and standard
//! output):
//!
//! | what is at PATH | what is done |
//! |---|---|
//! | nothing (a new path) | written atomically: temporary file beside it, fsync, rename, fsync of the directory |
//! | a regular file | the same, and the new file keeps the old one's permission bits (and, as root, its owner) |
//! | a regular file with other hard links | refused (a rename would silently detach this name from the others) |
//! | a symbolic link | followed (also a chain of them, also dangling); its target is written by these rules |
//! | a character device or a FIFO | written directly, **not atomic** (there is nothing to rename) |
//! | `-` (standard output) | written directly, not atomic; a closed standard output is an error |
//! | a directory, a block device, a socket | refused |
//! | the same file as one of the command's inputs (device and inode) | refused |
//!
//! The temporary file is removed on every failure path, including a failure of the commit
//! itself (flush, fsync, rename), and when the process gets SIGINT, SIGTERM or SIGHUP
//! ([`install_signal_cleanup`]). SIGKILL cannot be caught: a temporary file
//! `.NAME.xbzrle-tmp-PID-N` beside the output can then remain and may be deleted.

use std::ffi::OsString;
use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, BufWriter, Seek, SeekFrom, Write};
use std::os::fd::AsFd;
use std::os::unix::fs::{FileTypeExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};

/// A file's identity: device and inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileId {
    dev: u64,
    ino: u64,
}

impl FileId {
    pub fn of(m: &Metadata) -> FileId {
        FileId {
            dev: m.dev(),
            ino: m.ino(),
        }
    }
}

/// Temporary files that exist right now: removed by the signal handler.
static TEMPS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
/// Whether file descriptor 1 was closed when the process started.
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

fn temps() -> MutexGuard<'static, Vec<PathBuf>> {
    TEMPS.lock().unwrap_or_else(|e| e.into_inner())
}

/// Registers a temporary path (before it is created), so a signal removes it.
pub fn register_temp(p: &Path) {
    temps().push(p.to_path_buf());
}

/// Removes the file at `p` (if any) and forgets it.
pub fn remove_temp(p: &Path) {
    let mut t = temps();
    let _ = fs::remove_file(p);
    t.retain(|q| q != p);
}

/// Forgets `p` without removing it (it was not created by us).
pub fn unregister_temp(p: &Path) {
    forget_temp(&mut temps(), p);
}

/// Forgets `p` without removing it (it was renamed into place or unlinked).
fn forget_temp(reg: &mut Vec<PathBuf>, p: &Path) {
    reg.retain(|q| q != p);
}

fn fd_closed(fd: libc::c_int) -> bool {
    // SAFETY: fcntl(F_GETFD) only queries the descriptor table; any fd value is valid.
    unsafe { libc::fcntl(fd, libc::F_GETFD) == -1 }
}

/// Rust's runtime, before `main`, opens `/dev/null` on a closed descriptor 0, 1 or 2 (so
/// no file gets those numbers), which would hide a closed standard output (`>&-`): this
/// constructor looks at descriptor 1 earlier, when the C runtime starts the program.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static PROBE_STDOUT: extern "C" fn() = {
    extern "C" fn probe() {
        if fd_closed(1) {
            STDOUT_CLOSED.store(true, Ordering::Relaxed);
        }
    }
    probe
};

/// Call first thing in `main`: remembers that standard output is closed where the
/// constructor above does not run (outside Linux).
pub fn probe_stdout() {
    if fd_closed(1) {
        STDOUT_CLOSED.store(true, Ordering::Relaxed);
    }
}

/// Whether standard output was closed at start (see [`probe_stdout`]).
pub fn stdout_closed() -> bool {
    STDOUT_CLOSED.load(Ordering::Relaxed)
}

/// Removes every temporary file and dies of the signal on SIGINT, SIGTERM and SIGHUP.
pub fn install_signal_cleanup() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            // Hold the registry while dying: no commit can rename a temporary file away
            // after it was (not) removed here.
            let t = temps();
            for p in t.iter() {
                let _ = fs::remove_file(p);
            }
            let _ = signal_hook::low_level::emulate_default_handler(sig);
            std::process::exit(128 + sig);
        }
    });
}

/// Follows symbolic links (a chain of them; the last target need not exist).
fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let t = fs::read_link(&p)?;
                p = if t.is_absolute() {
                    t
                } else {
                    p.parent().unwrap_or(Path::new("")).join(t)
                };
            }
            _ => return Ok(p),
        }
    }
    Err(io::Error::from_raw_os_error(libc::ELOOP))
}

fn refuse(msg: String) -> io::Error {
    io::Error::other(msg)
}

enum Kind {
    /// Temporary file `tmp`, renamed to `dest` by `commit`.
    Atomic { tmp: PathBuf, dest: PathBuf },
    /// Written in place (character device, FIFO, standard output).
    Direct,
}

/// An output being written. [`AtomicFile::commit`] makes it appear under its final name
/// (for a direct output: flushes it); dropping it without committing removes the
/// temporary file.
pub struct AtomicFile {
    kind: Kind,
    writer: Option<BufWriter<File>>,
    done: bool,
}

impl AtomicFile {
    /// Opens `dest` for writing by the rules in the [module docs](self) (`-` is standard
    /// output).
    pub fn create(dest: &Path) -> io::Result<AtomicFile> {
        AtomicFile::create_excluding(dest, &[])
    }

    /// Like [`create`](Self::create), refusing an output that is the same file as one of
    /// `inputs`.
    pub fn create_excluding(dest: &Path, inputs: &[FileId]) -> io::Result<AtomicFile> {
        if dest.as_os_str() == "-" {
            return AtomicFile::stdout(inputs);
        }
        let target = resolve_links(dest)?;
        let existing = match fs::metadata(&target) {
            Ok(m) => Some(m),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        let Some(m) = existing else {
            return AtomicFile::temp(&target, None);
        };
        let ft = m.file_type();
        if !ft.is_char_device() && inputs.contains(&FileId::of(&m)) {
            return Err(refuse(
                "it is also an input of this command: refusing to overwrite it".into(),
            ));
        }
        if ft.is_dir() {
            return Err(refuse("it is a directory".into()));
        }
        if ft.is_file() {
            if m.nlink() > 1 {
                return Err(refuse(format!(
                    "it has {} hard links: writing it atomically would detach this name \
                     from the others (remove it first or choose another path)",
                    m.nlink()
                )));
            }
            return AtomicFile::temp(&target, Some(&m));
        }
        if ft.is_char_device() || ft.is_fifo() {
            let f = OpenOptions::new().write(true).open(&target)?;
            return Ok(AtomicFile::direct(f));
        }
        let what = if ft.is_block_device() {
            "a block device"
        } else if ft.is_socket() {
            "a socket"
        } else {
            "not a regular file"
        };
        Err(refuse(format!("it is {what}: refusing to write to it")))
    }

    /// Standard output, written directly.
    pub fn stdout(inputs: &[FileId]) -> io::Result<AtomicFile> {
        if stdout_closed() {
            return Err(refuse("standard output is closed".into()));
        }
        let f = File::from(io::stdout().as_fd().try_clone_to_owned()?);
        let m = f.metadata()?;
        if !m.file_type().is_char_device() && inputs.contains(&FileId::of(&m)) {
            return Err(refuse(
                "standard output is also an input of this command: refusing to overwrite it".into(),
            ));
        }
        Ok(AtomicFile::direct(f))
    }

    fn direct(f: File) -> AtomicFile {
        AtomicFile {
            kind: Kind::Direct,
            writer: Some(BufWriter::with_capacity(1 << 20, f)),
            done: false,
        }
    }

    /// A temporary file beside `dest`; `old` is the file it replaces.
    fn temp(dest: &Path, old: Option<&Metadata>) -> io::Result<AtomicFile> {
        let dir = match dest.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = dest
            .file_name()
            .ok_or_else(|| refuse("the output path has no file name".into()))?;
        let mut n = 0u32;
        loop {
            let mut tmp_name = OsString::from(".");
            tmp_name.push(name);
            tmp_name.push(format!(".xbzrle-tmp-{}-{n}", std::process::id()));
            let tmp = dir.join(tmp_name);
            register_temp(&tmp);
            // a file that replaces another starts private and gets its permissions below
            let mode = if old.is_some() { 0o600 } else { 0o666 };
            match OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(mode)
                .open(&tmp)
            {
                Ok(f) => {
                    let af = AtomicFile {
                        kind: Kind::Atomic {
                            tmp,
                            dest: dest.to_path_buf(),
                        },
                        writer: Some(BufWriter::with_capacity(1 << 20, f)),
                        done: false,
                    };
                    if let Some(m) = old {
                        let f = af.writer.as_ref().expect("writer").get_ref();
                        // as root, keep the owner too (elsewhere this fails: keep ours)
                        let _ = std::os::unix::fs::fchown(f, Some(m.uid()), Some(m.gid()));
                        f.set_permissions(fs::Permissions::from_mode(m.mode() & 0o7777))?;
                    }
                    return Ok(af);
                }
                Err(e) => {
                    unregister_temp(&tmp);
                    if e.kind() == io::ErrorKind::AlreadyExists && n < 1000 {
                        n += 1;
                    } else {
                        return Err(e);
                    }
                }
            }
        }
    }

    /// Whether the output is written in place (not atomic, not seekable).
    pub fn is_direct(&self) -> bool {
        matches!(self.kind, Kind::Direct)
    }

    /// Flushes what is buffered and gives the underlying file, to seek in or `set_len`
    /// (e.g. to leave holes for zero pages), for outputs written atomically (a regular
    /// file); `None` for direct outputs (FIFO, character device, standard output), which
    /// must be written sequentially. After seeking, later writes go to the new position.
    pub fn file_mut(&mut self) -> io::Result<Option<&mut File>> {
        let w = self.writer.as_mut().expect("writer present until drop");
        w.flush()?;
        Ok(match self.kind {
            Kind::Atomic { .. } => Some(w.get_mut()),
            Kind::Direct => None,
        })
    }

    /// Appends `data`, leaving a hole (no allocated blocks) for every `chunk`-byte piece
    /// that is all zero, so a guest RAM image that is mostly zero takes little disk.
    /// Reading the file back gives exactly `data`: the file's length is set past the
    /// last piece even when it is a hole. Direct outputs get the zeros written.
    pub fn write_sparse(&mut self, data: &[u8], chunk: usize) -> io::Result<()> {
        let Some(f) = self.file_mut()? else {
            return self.write_all(data);
        };
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
                flush_run(f, &data[run_start..at], run_is_zero)?;
                run_start = at;
                run_is_zero = Some(zero);
            }
        }
        flush_run(f, &data[run_start..], run_is_zero)?;
        let end = start + data.len() as u64;
        f.set_len(end)?;
        f.seek(SeekFrom::Start(end))?;
        Ok(())
    }

    /// Flushes, syncs and renames the file to its final name (direct outputs: flushes).
    /// On error the temporary file is removed.
    pub fn commit(mut self) -> io::Result<()> {
        let w = self.writer.as_mut().expect("writer present until drop");
        w.flush()?;
        let Kind::Atomic { tmp, dest } = &self.kind else {
            self.done = true;
            return Ok(());
        };
        w.get_ref().sync_all()?;
        {
            let mut reg = temps();
            fs::rename(tmp, dest)?;
            forget_temp(&mut reg, tmp);
            self.done = true;
        }
        // Make the rename durable. Best effort: the output is in place already, and some
        // file systems cannot sync a directory.
        let dir = match dest.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer
            .as_mut()
            .expect("writer present until drop")
            .write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.writer
            .as_mut()
            .expect("writer present until drop")
            .flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        // drop the buffer unwritten: a failed command writes nothing more
        if let Some(w) = self.writer.take() {
            let _ = w.into_parts();
        }
        if !self.done {
            if let Kind::Atomic { tmp, .. } = &self.kind {
                remove_temp(tmp);
            }
        }
    }
}

/// Writes `bytes` to `dest` by the output rules, refusing an output that is one of
/// `inputs`.
pub fn write_output(dest: &Path, inputs: &[FileId], bytes: &[u8]) -> io::Result<()> {
    let mut f = AtomicFile::create_excluding(dest, inputs)?;
    f.write_all(bytes)?;
    f.commit()
}

/// Writes one run of [`AtomicFile::write_sparse`]: zero runs become a seek.
fn flush_run(f: &mut File, run: &[u8], is_zero: Option<bool>) -> io::Result<()> {
    match is_zero {
        Some(true) => f.seek(SeekFrom::Current(run.len() as i64)).map(drop),
        Some(false) => f.write_all(run),
        None => Ok(()),
    }
}

/// A progress bar on stderr for `len` bytes, or a hidden one when quiet or when stderr is
/// not a terminal.
pub fn progress(len: u64, quiet: bool, msg: &'static str) -> indicatif::ProgressBar {
    if quiet || !std::io::IsTerminal::is_terminal(&io::stderr()) {
        return indicatif::ProgressBar::hidden();
    }
    let pb = indicatif::ProgressBar::with_draw_target(
        Some(len),
        indicatif::ProgressDrawTarget::stderr(),
    );
    pb.set_style(
        indicatif::ProgressStyle::with_template(
            "{msg:>9} [{bar:40}] {bytes}/{total_bytes} {binary_bytes_per_sec} eta {eta}",
        )
        .expect("valid template")
        .progress_chars("=> "),
    );
    pb.set_message(msg);
    pb
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(d: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    /// Issue 10 item 3: a failure inside the commit itself (here the rename, because a
    /// directory took the output's place meanwhile) still removes the temporary file.
    #[test]
    fn failed_rename_in_commit_removes_the_temporary_file() {
        let d = tempfile::tempdir().unwrap();
        let dest = d.path().join("out");
        let mut f = AtomicFile::create(&dest).unwrap();
        f.write_all(b"data").unwrap();
        assert_eq!(listing(d.path()).len(), 1, "the temporary file exists");
        fs::create_dir(&dest).unwrap();
        fs::write(dest.join("x"), b"x").unwrap();
        assert!(f.commit().is_err());
        assert_eq!(listing(d.path()), ["out"]);
        assert!(!temps().iter().any(|p| p.starts_with(d.path())));
    }

    #[test]
    fn dropped_uncommitted_leaves_nothing_and_commit_renames() {
        let d = tempfile::tempdir().unwrap();
        let dest = d.path().join("out");
        let mut f = AtomicFile::create(&dest).unwrap();
        f.write_all(b"data").unwrap();
        drop(f);
        assert!(listing(d.path()).is_empty());
        let mut f = AtomicFile::create(&dest).unwrap();
        f.write_all(b"data").unwrap();
        let file = f.file_mut().unwrap().expect("a regular file is seekable");
        file.set_len(10).unwrap();
        f.commit().unwrap();
        assert_eq!(fs::read(&dest).unwrap(), b"data\0\0\0\0\0\0");
        assert_eq!(listing(d.path()), ["out"]);
    }
}
