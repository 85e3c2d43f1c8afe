//! `xbzrle encode` / `xbzrle decode` of single pages. Placeholder.

/// Options of `xbzrle encode`.
#[derive(clap::Args, Debug)]
pub struct EncodeArgs {}

/// Options of `xbzrle decode`.
#[derive(clap::Args, Debug)]
pub struct DecodeArgs {}

pub fn encode(_a: EncodeArgs) -> Result<(), String> {
    Err("encode is not implemented yet".into())
}

pub fn decode(_a: DecodeArgs) -> Result<(), String> {
    Err("decode is not implemented yet".into())
}
