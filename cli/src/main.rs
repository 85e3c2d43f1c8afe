//! `xbzrle` command-line tool (placeholder until the CLI lands).
fn main() {
    eprintln!("xbzrle: no command yet");
    std::process::exit(2);
}
