//! `xbzrle diff` / `xbzrle patch` of memory images. Placeholder.

/// Options of `xbzrle diff`.
#[derive(clap::Args, Debug)]
pub struct DiffArgs {}

/// Options of `xbzrle patch`.
#[derive(clap::Args, Debug)]
pub struct PatchArgs {}

pub fn diff(_a: DiffArgs) -> Result<(), String> {
    Err("diff is not implemented yet".into())
}

pub fn patch(_a: PatchArgs) -> Result<(), String> {
    Err("patch is not implemented yet".into())
}
