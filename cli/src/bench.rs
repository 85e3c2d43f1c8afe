//! `xbzrle bench` (issue: per-CPU throughput benchmark). Placeholder.

/// Options of `xbzrle bench`.
#[derive(clap::Args, Debug)]
pub struct Args {}

impl Args {
    /// The options of a plain `xbzrle` with no command.
    pub fn default_args() -> Args {
        Args {}
    }
}

pub fn run(_args: Args) -> Result<(), String> {
    Err("bench is not implemented yet".into())
}
