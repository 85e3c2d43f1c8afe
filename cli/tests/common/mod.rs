//! Helpers shared by the CLI's integration tests (each test file is its own crate and
//! uses only some of them).
#![allow(dead_code)]

use std::fs;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::process::Output;

/// The `xbzrle` binary built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_xbzrle");

/// A fresh, empty directory for one test, removed when it goes out of scope. It derefs
/// to its path, so `d.join("x")` and `names(&d)` work.
pub struct Dir(tempfile::TempDir);

impl Dir {
    pub fn new() -> Dir {
        Dir(tempfile::tempdir().unwrap())
    }
    /// The path of `name` inside the directory.
    pub fn path(&self, name: &str) -> PathBuf {
        self.0.path().join(name)
    }
    /// Writes `bytes` to `name` inside the directory; returns its path.
    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.path(name);
        fs::write(&p, bytes).unwrap();
        p
    }
    /// The sorted names of the directory's entries.
    pub fn names(&self) -> Vec<String> {
        names(self.0.path())
    }
}

impl Deref for Dir {
    type Target = Path;
    fn deref(&self) -> &Path {
        self.0.path()
    }
}

/// The sorted names of the entries of `dir`.
pub fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Asserts a failed run: non-zero exit, exactly one line `xbzrle: ...` on stderr that
/// contains `needle`, nothing on stdout.
#[track_caller]
pub fn assert_one_line_error(out: &Output, needle: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "exit 0; stderr {err:?}");
    assert_eq!(err.lines().count(), 1, "stderr: {err:?}");
    assert!(err.starts_with("xbzrle: "), "stderr: {err:?}");
    assert!(err.ends_with('\n'), "stderr: {err:?}");
    assert!(err.contains(needle), "stderr {err:?} lacks {needle:?}");
    assert!(out.stdout.is_empty(), "stdout not empty on error");
}
