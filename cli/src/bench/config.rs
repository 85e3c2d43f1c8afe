//! What to run: the options of `xbzrle bench` (validated by clap) and the `Config` they
//! become.

use super::scenario::Scenario;
use anyhow::anyhow;
use std::time::Duration;
use xbzrle::{Encoder, Kernel};

/// Passes over the hot pages in one sample.
pub const HOT_REPS: usize = 4;
/// Pages in the hot setting.
pub const HOT_PAGES: usize = 8;

/// Which settings to run.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SettingArg {
    /// 8 pages repeated (cache-resident): the codec's own speed.
    Hot,
    /// One pass over a region several times the last-level cache: what a migrating VM sees.
    Stream,
    /// Both.
    Both,
}

/// Options of `xbzrle bench`.
#[derive(clap::Args, Debug, Clone)]
#[command(after_help = "\
MB/s are 10^6 bytes of page input per second, medians of the rounds (± half the spread
between the fastest and the slowest round). Every timed output is checked (encodings
against a reference verified by decoding, decodes against the expected pages); a mismatch
aborts with an error. For numbers to compare, run on an idle machine, e.g. pinned with
`taskset -c 1 xbzrle bench`.")]
pub struct Args {
    /// Scenarios to run, repeatable or comma-separated [default: all]
    #[arg(
        long = "scenario",
        value_delimiter = ',',
        value_name = "NAME",
        value_enum,
        ignore_case = true
    )]
    pub scenarios: Vec<Scenario>,
    /// Encoder kernels to run, repeatable or comma-separated: scalar, sse2, avx2, avx512,
    /// neon [default: every kernel this CPU can run]
    #[arg(long = "kernel", value_delimiter = ',', value_name = "NAME", value_parser = parse_kernel)]
    pub kernels: Vec<Kernel>,
    /// Page size in bytes (1 to 16384).
    #[arg(long, default_value_t = 4096,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=xbzrle::MAX_PAGE_SIZE as u64))]
    pub page_size: usize,
    /// Size of the stream setting's region in MiB (old and new each) [default: 256, with
    /// --quick 16]
    #[arg(long, value_name = "MIB")]
    pub region_mib: Option<usize>,
    /// Which settings to run.
    #[arg(long, value_enum, default_value = "both")]
    pub setting: SettingArg,
    /// Rounds per measurement (1 to 1000); the median is reported [default: 5 hot, 3 stream; with
    /// --quick 3 and 2]
    #[arg(long, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=1000))]
    pub rounds: Option<usize>,
    /// A few seconds in total, for CI smoke runs: 16 MiB region, fewer and shorter rounds.
    #[arg(long)]
    pub quick: bool,
    /// Print one JSON document on stdout (the table goes to stderr).
    #[arg(long, conflicts_with = "markdown")]
    pub json: bool,
    /// Print a Markdown table of the medians on stdout, for docs/benchmarking.md (the
    /// table goes to stderr).
    #[arg(long)]
    pub markdown: bool,
    /// Skip the XOR+LZ4 / XOR+Snappy baselines.
    #[arg(long)]
    pub no_baselines: bool,
    /// Parallel migration instead: round.encode against the bare encoder, 1 vs 2 threads
    /// sharing the cache, 2 threads on a large region (--region-mib, default 1024, with
    /// --quick 64) against a read-both-buffers loop. Uses --page-size, --rounds, --quick.
    #[arg(long)]
    pub parallel: bool,
}

/// A kernel name this CPU can run.
fn parse_kernel(s: &str) -> Result<Kernel, String> {
    let kernel = Kernel::from_name(s.trim()).ok_or_else(|| {
        let known: Vec<_> = Kernel::ALL.iter().map(|k| k.name()).collect();
        format!("unknown kernel '{s}' (known: {})", known.join(", "))
    })?;
    Encoder::with_kernel(kernel).map_err(|e| e.to_string())?;
    Ok(kernel)
}

impl Args {
    /// The options of a plain `xbzrle` with no command: clap's defaults.
    pub fn defaults() -> Args {
        #[derive(clap::Parser)]
        struct Only {
            #[command(flatten)]
            args: Args,
        }
        <Only as clap::Parser>::parse_from(["xbzrle"]).args
    }
}

/// One of the two settings.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Setting {
    /// 8 cache-resident pages.
    Hot,
    /// One pass over a large region.
    Stream,
}

impl Setting {
    /// Lower-case name as printed.
    pub fn name(self) -> &'static str {
        match self {
            Setting::Hot => "hot",
            Setting::Stream => "stream",
        }
    }
    /// A figure above this (MB/s) for anything that must read both pages means the
    /// benchmark measures nothing (measured limits of a Zen 4 of the CI machine class).
    pub fn ceiling(self) -> f64 {
        match self {
            Setting::Hot => 55_000.0,
            Setting::Stream => 15_000.0,
        }
    }
}

/// The validated configuration of one run.
pub struct Config {
    pub scenarios: Vec<Scenario>,
    pub kernels: Vec<Kernel>,
    pub page: usize,
    pub region_bytes: usize,
    pub settings: Vec<Setting>,
    pub hot_rounds: usize,
    pub stream_rounds: usize,
    pub hot_budget: Duration,
    pub baselines: bool,
    pub json: bool,
    pub markdown: bool,
}

/// Keeps the first occurrence of every element.
fn dedup<T: PartialEq + Copy>(v: &[T]) -> Vec<T> {
    let mut out = Vec::new();
    for &x in v {
        if !out.contains(&x) {
            out.push(x);
        }
    }
    out
}

impl Config {
    /// Fills in the defaults that depend on other options (`--quick`).
    pub fn from_args(a: Args) -> anyhow::Result<Config> {
        let mut scenarios = dedup(&a.scenarios);
        if scenarios.is_empty() {
            scenarios = Scenario::ALL.to_vec();
        }
        let mut kernels = dedup(&a.kernels);
        if kernels.is_empty() {
            kernels = Kernel::available().collect();
        }
        let mib = a.region_mib.unwrap_or(if a.quick { 16 } else { 256 });
        let region_bytes = mib
            .checked_mul(1 << 20)
            .ok_or_else(|| anyhow!("--region-mib is too large"))?
            / a.page_size
            * a.page_size;
        let settings = match a.setting {
            SettingArg::Hot => vec![Setting::Hot],
            SettingArg::Stream => vec![Setting::Stream],
            SettingArg::Both => vec![Setting::Hot, Setting::Stream],
        };
        if settings.contains(&Setting::Stream) && region_bytes < a.page_size {
            return Err(anyhow!("--region-mib must hold at least one page"));
        }
        let (hot_rounds, stream_rounds) = match a.rounds {
            Some(n) => (n, n),
            None if a.quick => (3, 2),
            None => (5, 3),
        };
        Ok(Config {
            scenarios,
            kernels,
            page: a.page_size,
            region_bytes,
            settings,
            hot_rounds,
            stream_rounds,
            hot_budget: Duration::from_millis(if a.quick { 2 } else { 5 }),
            baselines: !a.no_baselines,
            json: a.json,
            markdown: a.markdown,
        })
    }

    /// Pages, passes per sample and rounds of a setting.
    pub fn shape(&self, setting: Setting) -> (usize, usize, usize) {
        match setting {
            Setting::Hot => (HOT_PAGES, HOT_REPS, self.hot_rounds),
            Setting::Stream => (self.region_bytes / self.page, 1, self.stream_rounds),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_come_from_clap() {
        let a = Args::defaults();
        assert_eq!(a.page_size, 4096);
        assert_eq!(a.setting, SettingArg::Both);
        assert!(a.scenarios.is_empty() && a.kernels.is_empty() && !a.quick);
        let c = Config::from_args(a).unwrap();
        assert_eq!(c.scenarios, Scenario::ALL);
        assert_eq!((c.hot_rounds, c.stream_rounds), (5, 3));
        assert_eq!(c.region_bytes, 256 << 20);
        assert_eq!(c.kernels, Kernel::available().collect::<Vec<_>>());
    }

    #[test]
    fn repeated_names_run_once() {
        assert_eq!(dedup(&[3, 1, 3, 2, 1]), [3, 1, 2]);
    }
}
