//! `xbzrle bench`: throughput of every encoder kernel this CPU can run, of the decoder
//! (with and without its validation pass), and of the 2011 benchmark's baselines (XOR then
//! LZ4, XOR then Snappy), on the scenarios of docs/format.md §7 and a few extreme ones, in two
//! settings: hot (8 cache-resident pages) and stream (one pass over a region much larger
//! than the last-level cache), with the memory-read bound measured in the same run.
//!
//! Method (see `timed.rs` for the loops and checks):
//! * MB/s = 10^6 bytes of page input per second; medians over `--rounds` rounds, and in
//!   every round all measurements of a scenario run one after the other (round-robin),
//!   so that noise from other processes hits all of them alike.
//! * Every timed output is checked outside the timed region; any mismatch aborts.
//! * Hot: a sample is 4 passes over 8 pages (old + new = 64 KiB at 4 KiB pages; outputs
//!   land in distinct slots so all of them can be checked); samples repeat until the
//!   round's time budget is used up. Stream: a sample is one pass over the region.

mod config;
mod cpu;
mod measure;
mod parallel;
mod qemu_style;
mod report;
mod scenario;
mod timed;

pub use config::Args;
use config::Config;
use cpu::Machine;
use report::{Out, Report, ScenarioResult};
use std::time::Instant;

/// Runs the benchmark.
pub fn run(args: Args) -> anyhow::Result<()> {
    if args.parallel {
        return parallel::run(&args);
    }
    let started = Instant::now();
    let cfg = Config::from_args(args)?;
    let out = Out {
        to_stderr: cfg.json || cfg.markdown,
    };
    let machine = Machine::detect();
    report::preamble(&out, &cfg, &machine);
    let mut results = Vec::new();
    for &setting in &cfg.settings {
        let mut buffers = measure::Buffers::new(&cfg, setting);
        out.line("");
        out.line(report::HEADER);
        for &scenario in &cfg.scenarios {
            let rows = measure::scenario(&cfg, &machine, setting, scenario, &mut buffers)?;
            for r in &rows {
                report::print_row(&out, setting, scenario, r);
            }
            results.push(ScenarioResult {
                setting,
                scenario,
                pages: buffers.npages,
                rows,
            });
        }
    }
    let elapsed = started.elapsed();
    out.line(&format!("\ndone in {:.1} s", elapsed.as_secs_f64()));
    if cfg.markdown {
        report::write_stdout(&report::markdown(&cfg, &machine, &results, elapsed))?;
    }
    if cfg.json {
        let doc = Report::new(&cfg, &machine, &results, elapsed);
        let text = serde_json::to_string_pretty(&doc)?;
        report::write_stdout(&(text + "\n"))?;
    }
    Ok(())
}
