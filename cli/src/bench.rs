//! `xbzrle bench`: throughput of every encoder kernel this CPU can run, of the decoder
//! (with and without its validation pass), and of the 2011 benchmark's baselines (XOR then
//! LZ4, XOR then Snappy), on the SPEC §7 scenarios and a few extreme ones, in two
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

mod cpu;
mod scenario;
mod timed;

use scenario::Scenario;
use serde_json::{json, Value};
use std::io::Write;
use std::time::{Duration, Instant};
use timed::{Baseline, Clock, Packed, Work};
use xbzrle::{Encoder, Kernel};

/// Passes over the hot pages in one sample.
const HOT_REPS: usize = 4;
/// Pages in the hot setting.
const HOT_PAGES: usize = 8;

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
    /// Scenarios to run, repeatable or comma-separated: sparse, medium, dense, very-dense,
    /// unchanged, all-changed, random [default: all]
    #[arg(long = "scenario", value_delimiter = ',', value_name = "NAME")]
    pub scenarios: Vec<String>,
    /// Encoder kernels to run, repeatable or comma-separated [default: every kernel this
    /// CPU can run]
    #[arg(long = "kernel", value_delimiter = ',', value_name = "NAME")]
    pub kernels: Vec<String>,
    /// Page size in bytes (at most 16384).
    #[arg(long, default_value_t = 4096)]
    pub page_size: usize,
    /// Size of the stream setting's region in MiB (old and new each; default 256, with
    /// --quick 16).
    #[arg(long, value_name = "MIB")]
    pub region_mib: Option<usize>,
    /// Which settings to run.
    #[arg(long, value_enum, default_value = "both")]
    pub setting: SettingArg,
    /// Rounds per measurement; the median is reported [default: 5 hot, 3 stream; with
    /// --quick 3 and 2]
    #[arg(long)]
    pub rounds: Option<usize>,
    /// A few seconds in total, for CI smoke runs: 16 MiB region, fewer and shorter rounds.
    #[arg(long)]
    pub quick: bool,
    /// Print one JSON document on stdout (the table goes to stderr).
    #[arg(long, conflicts_with = "markdown")]
    pub json: bool,
    /// Print a Markdown table of the medians on stdout, for the README (the table goes to
    /// stderr).
    #[arg(long)]
    pub markdown: bool,
    /// Skip the XOR+LZ4 / XOR+Snappy baselines.
    #[arg(long)]
    pub no_baselines: bool,
}

impl Args {
    /// The options of a plain `xbzrle` with no command.
    pub fn default_args() -> Args {
        Args {
            scenarios: Vec::new(),
            kernels: Vec::new(),
            page_size: 4096,
            region_mib: None,
            setting: SettingArg::Both,
            rounds: None,
            quick: false,
            json: false,
            markdown: false,
            no_baselines: false,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Setting {
    Hot,
    Stream,
}

impl Setting {
    fn name(self) -> &'static str {
        match self {
            Setting::Hot => "hot",
            Setting::Stream => "stream",
        }
    }
    /// A figure above this (MB/s) for anything that must read both pages means the
    /// benchmark measures nothing (PERFORMANCE.md, Zen 4).
    fn ceiling(self) -> f64 {
        match self {
            Setting::Hot => 55_000.0,
            Setting::Stream => 15_000.0,
        }
    }
}

struct Config {
    scenarios: Vec<Scenario>,
    kernels: Vec<Kernel>,
    page: usize,
    region_bytes: usize,
    settings: Vec<Setting>,
    hot_rounds: usize,
    stream_rounds: usize,
    hot_budget: Duration,
    baselines: bool,
    json: bool,
    markdown: bool,
}

impl Config {
    fn from_args(a: Args) -> Result<Config, String> {
        let mut scenarios = Vec::new();
        for s in &a.scenarios {
            let sc = Scenario::from_name(s).ok_or_else(|| {
                let known: Vec<_> = Scenario::ALL.iter().map(|s| s.name()).collect();
                format!("unknown scenario '{s}' (known: {})", known.join(", "))
            })?;
            if !scenarios.contains(&sc) {
                scenarios.push(sc);
            }
        }
        if scenarios.is_empty() {
            scenarios = Scenario::ALL.to_vec();
        }
        let mut kernels = Vec::new();
        for k in &a.kernels {
            let kernel = Kernel::from_name(k.trim()).ok_or_else(|| {
                let known: Vec<_> = Kernel::ALL.iter().map(|k| k.name()).collect();
                format!("unknown kernel '{k}' (known: {})", known.join(", "))
            })?;
            Encoder::with_kernel(kernel).map_err(|e| e.to_string())?;
            if !kernels.contains(&kernel) {
                kernels.push(kernel);
            }
        }
        if kernels.is_empty() {
            kernels = Kernel::available().collect();
        }
        if a.page_size == 0 || a.page_size > xbzrle::MAX_PAGE_SIZE {
            return Err(format!(
                "--page-size must be 1 to {} bytes, not {}",
                xbzrle::MAX_PAGE_SIZE,
                a.page_size
            ));
        }
        let mib = a.region_mib.unwrap_or(if a.quick { 16 } else { 256 });
        let region_bytes = mib
            .checked_mul(1 << 20)
            .ok_or("--region-mib is too large")?
            / a.page_size
            * a.page_size;
        let settings = match a.setting {
            SettingArg::Hot => vec![Setting::Hot],
            SettingArg::Stream => vec![Setting::Stream],
            SettingArg::Both => vec![Setting::Hot, Setting::Stream],
        };
        if settings.contains(&Setting::Stream) && region_bytes < a.page_size {
            return Err("--region-mib must hold at least one page".into());
        }
        let (hot_rounds, stream_rounds) = match a.rounds {
            Some(0) => return Err("--rounds must be at least 1".into()),
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
}

/// Human-readable output: stdout, or stderr when stdout carries JSON. Flushed per line.
struct Out {
    json: bool,
}

impl Out {
    fn line(&self, s: &str) {
        let s = s.trim_end();
        if self.json {
            let mut e = std::io::stderr().lock();
            let _ = writeln!(e, "{s}");
        } else {
            let mut o = std::io::stdout().lock();
            let _ = writeln!(o, "{s}");
            let _ = o.flush();
        }
    }
}

/// Median, min and max of one measurement's rounds.
#[derive(Clone, Debug)]
struct Stats {
    values: Vec<f64>,
}

impl Stats {
    fn median(&self) -> f64 {
        let mut v = self.values.clone();
        v.sort_by(|a, b| a.total_cmp(b));
        let n = v.len();
        if n % 2 == 1 {
            v[n / 2]
        } else {
            (v[n / 2 - 1] + v[n / 2]) / 2.0
        }
    }
    fn min(&self) -> f64 {
        self.values.iter().copied().fold(f64::INFINITY, f64::min)
    }
    fn max(&self) -> f64 {
        self.values.iter().copied().fold(0.0, f64::max)
    }
    fn cell(&self) -> String {
        let m = self.median();
        let spread = if m > 0.0 {
            (self.max() - self.min()) / 2.0 / m * 100.0
        } else {
            0.0
        };
        format!("{:.0} ±{:.0}%", m, spread)
    }
    fn json(&self) -> Value {
        json!({
            "median": round1(self.median()),
            "min": round1(self.min()),
            "max": round1(self.max()),
            "rounds": self.values.iter().map(|v| round1(*v)).collect::<Vec<_>>(),
        })
    }
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// What one measurement times.
#[derive(Clone, Copy, Debug)]
enum Op {
    Read,
    Encode(Kernel),
    Decode { atomic: bool },
    BaseEncode(usize),
    BaseDecode(usize),
}

/// Everything one (setting, scenario) needs; buffers are borrowed so that the big ones
/// are allocated (and faulted in) once.
struct Group<'a> {
    w: Work<'a>,
    arena: &'a mut [u8],
    lens: Vec<u32>,
    dst: &'a mut [u8],
    dst_holds_new: bool,
    tmp: Vec<u8>,
    fwd: &'a Packed,
    rev: &'a Packed,
    /// Sum of the decoder's return values over one pass (forward and reverse agree).
    dec_sum: u64,
    baselines: Vec<Baseline>,
    /// Verified outputs of the baselines (valid once `base_ready`).
    base_refs: &'a mut [Packed],
    base_ready: Vec<bool>,
    fold: timed::FoldFn,
    clock: Clock,
    /// Test hook (`XBZRLE_BENCH_CORRUPT=encode|decode`): corrupt one byte of every timed
    /// output, to prove that the checks catch it.
    corrupt: Option<String>,
}

impl Group<'_> {
    /// Runs one sample of `op` (its times go to `self.clock`) and checks its output.
    fn sample(&mut self, op: Op) -> Result<(), String> {
        let w = self.w;
        match op {
            Op::Read => {
                timed::read_both(&w, self.fold, &mut self.clock);
                Ok(())
            }
            Op::Encode(k) => {
                let enc = Encoder::with_kernel(k).map_err(|e| e.to_string())?;
                let (pos, bad) =
                    timed::encode_xbzrle(&enc, &w, self.arena, &mut self.lens, &mut self.clock);
                if self.corrupt.as_deref() == Some("encode") && pos > 0 {
                    self.arena[pos - 1] ^= 1;
                }
                if bad != 0 {
                    return Err(format!("{bad} pages refused with an unexpected error"));
                }
                timed::check_encoded(self.fwd, self.arena, pos, &self.lens, w.reps)
            }
            Op::Decode { atomic } => {
                let (deltas, raw, target) = if self.dst_holds_new {
                    (self.rev, w.old, w.old)
                } else {
                    (self.fwd, w.new, w.new)
                };
                let (sum, bad) = if atomic {
                    timed::decode_xbzrle::<true>(deltas, raw, &w, self.dst, &mut self.clock)
                } else {
                    timed::decode_xbzrle::<false>(deltas, raw, &w, self.dst, &mut self.clock)
                };
                self.dst_holds_new = !self.dst_holds_new;
                if self.corrupt.as_deref() == Some("decode") {
                    let last = self.dst.len() - 1;
                    self.dst[last] ^= 1;
                }
                if bad != 0 {
                    return Err(format!("{bad} verified deltas were refused"));
                }
                if sum != self.dec_sum * w.reps as u64 {
                    return Err(format!(
                        "decoder returned a sum of {sum}, expected {}",
                        self.dec_sum * w.reps as u64
                    ));
                }
                self.check_dst(target)
            }
            Op::BaseEncode(i) => {
                let b = &mut self.baselines[i];
                let name = b.name();
                let (pos, bad) = b.encode(
                    &w,
                    &mut self.tmp,
                    self.arena,
                    &mut self.lens,
                    &mut self.clock,
                );
                if bad != 0 {
                    return Err(format!("{name}: {bad} pages failed to compress"));
                }
                if !self.base_ready[i] {
                    // The first sample's first pass becomes the reference once every page
                    // of it decompresses and XORs onto its old page to the new page
                    // (checked by an untimed decode into the destination pages).
                    let np = w.npages();
                    self.base_refs[i].fill(self.arena, &self.lens[..np]);
                    let bad = b.decode(
                        &self.base_refs[i],
                        &w,
                        &mut self.tmp,
                        self.dst,
                        &mut Clock::untimed(),
                    );
                    self.dst_holds_new = !self.dst_holds_new;
                    if bad != 0 {
                        return Err(format!("{name}: {bad} pages failed to decompress"));
                    }
                    let target = if self.dst_holds_new { w.new } else { w.old };
                    self.check_dst(target).map_err(|e| format!("{name}: {e}"))?;
                    self.base_ready[i] = true;
                }
                timed::check_encoded(&self.base_refs[i], self.arena, pos, &self.lens, w.reps)
                    .map_err(|e| format!("{name}: {e}"))
            }
            Op::BaseDecode(i) => {
                if !self.base_ready[i] {
                    return Err("baseline decode before its encode".into());
                }
                let r = &self.base_refs[i];
                let b = &mut self.baselines[i];
                let name = b.name();
                let bad = b.decode(r, &w, &mut self.tmp, self.dst, &mut self.clock);
                self.dst_holds_new = !self.dst_holds_new;
                if bad != 0 {
                    return Err(format!("{name}: {bad} pages failed to decompress"));
                }
                let target = if self.dst_holds_new { w.new } else { w.old };
                self.check_dst(target).map_err(|e| format!("{name}: {e}"))
            }
        }
    }

    /// Every destination copy must equal `target`.
    fn check_dst(&self, target: &[u8]) -> Result<(), String> {
        for (r, copy) in self
            .dst
            .chunks_exact(target.len())
            .take(self.w.reps)
            .enumerate()
        {
            if let Some(p) = timed::first_diff_page(copy, target, self.w.page) {
                return Err(format!(
                    "pass {r}, page {p}: decoded page differs from the expected page"
                ));
            }
        }
        Ok(())
    }

    /// One round's figure for `op` in MB/s: the median rate of its timed chunks. Hot: a
    /// chunk is a sample (4 passes over the 8 pages), repeated until the budget is spent;
    /// stream: one pass over the region, timed in chunks of 1 MiB of pages.
    fn measure(&mut self, op: Op, setting: Setting, budget: Duration) -> Result<f64, String> {
        let page = self.w.page;
        self.clock.chunk = match setting {
            Setting::Hot => (self.w.reps * self.w.npages()) as u32,
            Setting::Stream => ((1usize << 20) / page).max(1) as u32,
        };
        self.clock.rec.clear();
        loop {
            self.sample(op)?;
            let total: Duration = self.clock.rec.iter().map(|r| r.1).sum();
            if !self.clock.rec.is_empty() && (setting == Setting::Stream || total >= budget) {
                break;
            }
        }
        let rates: Vec<f64> = self
            .clock
            .rec
            .iter()
            .map(|&(pages, t)| (pages as usize * page) as f64 / t.as_secs_f64().max(1e-9) / 1e6)
            .collect();
        Ok(Stats { values: rates }.median())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum RowKind {
    Read,
    Kernel,
    Decode,
    Baseline,
}

/// One printed row.
struct Row {
    codec: String,
    encode: Option<Stats>,
    decode: Option<Stats>,
    decode_na: Option<Stats>,
    size_pct: Option<f64>,
    overflow_pages: usize,
    vs_read: Option<f64>,
    note: String,
}

impl Row {
    fn kind(&self) -> RowKind {
        match (&self.encode, &self.decode) {
            _ if self.codec == "read-bound" => RowKind::Read,
            (Some(_), None) => RowKind::Kernel,
            (None, _) => RowKind::Decode,
            (Some(_), Some(_)) => RowKind::Baseline,
        }
    }
}

const HEADER: &str = "setting  scenario     codec              encode MB/s    decode MB/s  decode MB/s non-atomic   size %  enc time/read  note";

fn print_row(out: &Out, setting: Setting, scenario: Scenario, r: &Row) {
    let cell = |s: &Option<Stats>| s.as_ref().map(|s| s.cell()).unwrap_or_else(|| "-".into());
    out.line(&format!(
        "{:<8} {:<12} {:<18} {:>11} {:>14} {:>23} {:>8} {:>14}  {}",
        setting.name(),
        scenario.name(),
        r.codec,
        cell(&r.encode),
        cell(&r.decode),
        cell(&r.decode_na),
        r.size_pct
            .map(|p| format!("{p:.2}"))
            .unwrap_or_else(|| "-".into()),
        r.vs_read
            .map(|v| format!("{v:.2}x"))
            .unwrap_or_else(|| "-".into()),
        r.note
    ));
}

/// Markdown, one line per (setting, scenario): the header for the codecs of `rows`.
fn markdown_header(rows: &[Row]) -> String {
    let mut h = String::from("| setting | scenario | XBZRLE size % | read bound |");
    let mut a = String::from("|---|---|--:|--:|");
    for r in rows {
        match r.kind() {
            RowKind::Kernel => h.push_str(&format!(" encode: {} |", r.codec)),
            RowKind::Decode => h.push_str(" decode | decode, non-atomic |"),
            RowKind::Baseline => h.push_str(&format!(" {}: encode / decode (size %) |", r.codec)),
            RowKind::Read => continue,
        }
        a.push_str(if r.kind() == RowKind::Decode {
            "--:|--:|"
        } else {
            "--:|"
        });
    }
    format!("{h}\n{a}\n")
}

/// Markdown, one line per (setting, scenario): medians in MB/s.
fn markdown_line(setting: Setting, scenario: Scenario, rows: &[Row]) -> String {
    let med = |s: &Option<Stats>| {
        s.as_ref()
            .map(|s| format!("{:.0}", s.median()))
            .unwrap_or_default()
    };
    let size = rows
        .iter()
        .find(|r| r.kind() == RowKind::Decode)
        .and_then(|r| r.size_pct)
        .map(|p| format!("{p:.2}"))
        .unwrap_or_default();
    let mut line = format!("| {} | {} | {size} |", setting.name(), scenario.name());
    let read = rows.iter().find(|r| r.kind() == RowKind::Read);
    line.push_str(&format!(
        " {} |",
        read.map(|r| med(&r.encode)).unwrap_or_default()
    ));
    for r in rows {
        match r.kind() {
            RowKind::Kernel => line.push_str(&format!(" {} |", med(&r.encode))),
            RowKind::Decode => {
                line.push_str(&format!(" {} | {} |", med(&r.decode), med(&r.decode_na)))
            }
            RowKind::Baseline => line.push_str(&format!(
                " {} / {} ({}) |",
                med(&r.encode),
                med(&r.decode),
                r.size_pct.map(|p| format!("{p:.2}")).unwrap_or_default()
            )),
            RowKind::Read => {}
        }
    }
    line.push('\n');
    line
}

fn row_json(setting: Setting, scenario: Scenario, r: &Row, pages: usize) -> Value {
    let s = |x: &Option<Stats>| x.as_ref().map(|s| s.json()).unwrap_or(Value::Null);
    json!({
        "setting": setting.name(),
        "scenario": scenario.name(),
        "codec": r.codec,
        "encode_mb_s": s(&r.encode),
        "decode_mb_s": s(&r.decode),
        "decode_non_atomic_mb_s": s(&r.decode_na),
        "size_pct": r.size_pct.map(|p| (p * 1000.0).round() / 1000.0),
        "overflow_pages": r.overflow_pages,
        "pages": pages,
        "encode_time_vs_read": r.vs_read.map(|v| (v * 1000.0).round() / 1000.0),
        "note": r.note,
    })
}

/// How the dispatched kernel was chosen, when an operator forced it (or tried to).
fn dispatch_note(best: Kernel) -> String {
    match std::env::var(xbzrle::KERNEL_ENV) {
        Ok(v) if Kernel::from_name(v.trim()) == Some(best) => {
            format!(" (forced by {}={v})", xbzrle::KERNEL_ENV)
        }
        Ok(v) => format!(
            " ({}={v} ignored: not a kernel this CPU can run)",
            xbzrle::KERNEL_ENV
        ),
        Err(_) => String::new(),
    }
}

/// Runs the benchmark.
pub fn run(args: Args) -> Result<(), String> {
    let started = Instant::now();
    let cfg = Config::from_args(args)?;
    let out = Out {
        json: cfg.json || cfg.markdown,
    };
    let model = cpu::model();
    let features = cpu::features();
    let best = Kernel::best();
    let available: Vec<Kernel> = Kernel::available().collect();
    let (fold, fold_name) = timed::fold_fn();

    let feat_str: Vec<String> = features
        .iter()
        .map(|(n, on)| format!("{}{n}", if *on { "+" } else { "-" }))
        .collect();
    out.line(&format!(
        "xbzrle bench {} — {}",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::ARCH
    ));
    out.line(&format!("CPU:       {model}"));
    out.line(&format!("features:  {}", feat_str.join(" ")));
    out.line(&format!(
        "kernels:   {} available; dispatch selects {}{}; benchmarking {}",
        available
            .iter()
            .map(|k| k.name())
            .collect::<Vec<_>>()
            .join(", "),
        best.name(),
        dispatch_note(best),
        cfg.kernels
            .iter()
            .map(|k| k.name())
            .collect::<Vec<_>>()
            .join(", ")
    ));
    if cfg.baselines {
        out.line("baselines: xor+lz4 (lz4_flex block), xor+snappy (snap raw); decoded back onto the old page");
    }
    out.line(&format!(
        "pages of {} B; hot = {HOT_PAGES} pages (old+new {} KiB), {HOT_REPS} passes per sample, {} ms per round, {} rounds; stream = one pass over {} MiB (old+new {} MiB) timed in 1 MiB chunks, {} rounds",
        cfg.page,
        2 * HOT_PAGES * cfg.page / 1024,
        cfg.hot_budget.as_millis(),
        cfg.hot_rounds,
        cfg.region_bytes >> 20,
        2 * (cfg.region_bytes >> 20),
        cfg.stream_rounds
    ));
    out.line(&format!(
        "MB/s = 10^6 bytes of page input per second (±: half the spread of the rounds); size = bytes sent as % of the pages (Overflow = raw page = 100 %); enc time/read = encode time / time of one plain pass reading both pages ({fold_name} loop)"
    ));

    let mut json_rows = Vec::new();
    let mut md_lines = String::new();
    for &setting in &cfg.settings {
        let (npages, reps, rounds) = match setting {
            Setting::Hot => (HOT_PAGES, HOT_REPS, cfg.hot_rounds),
            Setting::Stream => (cfg.region_bytes / cfg.page, 1, cfg.stream_rounds),
        };
        let len = npages * cfg.page;
        // Written (not just allocated) so no page fault lands in a timed region.
        let mut old = vec![0u8; len];
        xbzrle_testkit::scenario::fill_random(&mut old, scenario::OLD_SEED);
        let mut new = vec![1u8; len];
        let mut dst = vec![2u8; reps * len];
        let arena_len = reps * npages * Baseline::max_len(cfg.page).max(cfg.page);
        let mut arena = vec![3u8; arena_len];
        let (mut fwd, mut rev) = (Packed::default(), Packed::default());
        let mut base_refs = [Packed::default(), Packed::default()];
        // Whether every copy in `dst` holds the old region. Decode samples toggle it, and
        // a scenario runs an even number of them, so it is usually restored for free.
        let mut dst_holds_old = false;
        out.line("");
        out.line(HEADER);
        for &sc in &cfg.scenarios {
            sc.build(&old, &mut new);
            if !dst_holds_old {
                for d in dst.chunks_exact_mut(len) {
                    d.copy_from_slice(&old);
                }
            }
            let w = Work {
                old: &old,
                new: &new,
                page: cfg.page,
                reps,
            };
            let label = |e: String| format!("{} {}: {e}", setting.name(), sc.name());
            let reference = Encoder::with_kernel(Kernel::Scalar).map_err(|e| e.to_string())?;
            let dec_sum = timed::xbzrle_reference(&reference, &w, &mut arena, &mut fwd, true)
                .map_err(|e| label(format!("reference encoding (scalar): {e}")))?;
            // The reverse deltas (new -> old) are checked by every decode sample that
            // uses them (the whole destination is compared with the old region).
            timed::xbzrle_reference(&reference, &w.reversed(), &mut arena, &mut rev, false)
                .map_err(|e| label(format!("reverse reference encoding (scalar): {e}")))?;
            if rev.lens != fwd.lens {
                return Err(label(
                    "forward and reverse deltas differ in structure".into(),
                ));
            }
            let baselines: Vec<Baseline> = if cfg.baselines {
                vec![Baseline::lz4(), Baseline::snappy()]
            } else {
                Vec::new()
            };
            let nb = baselines.len();
            let mut g = Group {
                w,
                arena: &mut arena,
                lens: vec![0u32; reps * npages],
                dst: &mut dst,
                dst_holds_new: false,
                tmp: vec![0u8; cfg.page],
                fwd: &fwd,
                rev: &rev,
                dec_sum,
                baselines,
                base_refs: &mut base_refs[..nb],
                base_ready: vec![false; nb],
                fold,
                clock: Clock {
                    chunk: 1,
                    rec: Vec::with_capacity(1 << 16),
                },
                corrupt: std::env::var("XBZRLE_BENCH_CORRUPT").ok(),
            };
            let mut ops = vec![Op::Read];
            ops.extend(cfg.kernels.iter().map(|&k| Op::Encode(k)));
            ops.push(Op::Decode { atomic: true });
            ops.push(Op::Decode { atomic: false });
            for i in 0..nb {
                ops.push(Op::BaseEncode(i));
                ops.push(Op::BaseDecode(i));
            }
            let mut results: Vec<Vec<f64>> = vec![Vec::new(); ops.len()];
            for _ in 0..rounds {
                for (i, &op) in ops.iter().enumerate() {
                    let v = g
                        .measure(op, setting, cfg.hot_budget)
                        .map_err(|e| label(format!("{op:?}: CHECK FAILED: {e}")))?;
                    results[i].push(v);
                }
            }
            dst_holds_old = !g.dst_holds_new;
            let stats = |i: usize| Stats {
                values: results[i].clone(),
            };

            // Rows.
            let read = stats(0);
            let (sent, ovf) = g.fwd.sent_bytes(cfg.page);
            let xbz_pct = sent as f64 * 100.0 / len as f64;
            let ovf_note = if ovf == npages {
                "every page overflows: sent raw".to_string()
            } else if ovf > 0 {
                format!("{ovf} of {npages} pages overflow: sent raw")
            } else {
                String::new()
            };
            let mut rows = vec![Row {
                codec: "read-bound".into(),
                encode: Some(read.clone()),
                decode: None,
                decode_na: None,
                size_pct: None,
                overflow_pages: 0,
                vs_read: Some(1.0),
                note: "one plain pass reading old and new".into(),
            }];
            let ceiling_note = |s: &Stats| {
                if s.median() > setting.ceiling() {
                    format!(
                        "WARNING: above the ~{:.0} MB/s plausibility ceiling",
                        setting.ceiling()
                    )
                } else {
                    String::new()
                }
            };
            for (i, &op) in ops.iter().enumerate() {
                let Op::Encode(k) = op else { continue };
                let s = stats(i);
                let mut note = ovf_note.clone();
                let c = ceiling_note(&s);
                if !c.is_empty() && sc != Scenario::AllChanged && sc != Scenario::Random {
                    note = c;
                }
                rows.push(Row {
                    codec: if k == best {
                        format!("{} (dispatch)", k.name())
                    } else {
                        k.name().to_string()
                    },
                    vs_read: Some(read.median() / s.median()),
                    encode: Some(s),
                    decode: None,
                    decode_na: None,
                    size_pct: Some(xbz_pct),
                    overflow_pages: ovf,
                    note,
                });
            }
            let ia = ops
                .iter()
                .position(|o| matches!(o, Op::Decode { atomic: true }))
                .expect("decode op");
            let dec = stats(ia);
            let dec_na = stats(ia + 1);
            let cost = dec_na.median() / dec.median() * 100.0 - 100.0;
            let dec_note = if ovf == npages {
                "no deltas: every page is a raw copy".to_string()
            } else if sent == 0 {
                "empty deltas: nothing to apply".to_string()
            } else {
                format!("validation pass: {cost:+.0} % decode time")
            };
            rows.push(Row {
                codec: "xbzrle decode".into(),
                encode: None,
                decode: Some(dec),
                decode_na: Some(dec_na),
                size_pct: Some(xbz_pct),
                overflow_pages: ovf,
                vs_read: None,
                note: dec_note,
            });
            for i in 0..nb {
                let ie = ops
                    .iter()
                    .position(|o| matches!(o, Op::BaseEncode(j) if *j == i))
                    .expect("baseline op");
                let r = &g.base_refs[i];
                let bytes: u64 = r.lens.iter().map(|&l| l as u64).sum();
                let enc = stats(ie);
                rows.push(Row {
                    codec: g.baselines[i].name().into(),
                    vs_read: Some(read.median() / enc.median()),
                    encode: Some(enc),
                    decode: Some(stats(ie + 1)),
                    decode_na: None,
                    size_pct: Some(bytes as f64 * 100.0 / len as f64),
                    overflow_pages: 0,
                    note: String::new(),
                });
            }
            for r in &rows {
                print_row(&out, setting, sc, r);
                json_rows.push(row_json(setting, sc, r, npages));
            }
            if md_lines.is_empty() {
                md_lines.push_str(&markdown_header(&rows));
            }
            md_lines.push_str(&markdown_line(setting, sc, &rows));
        }
    }
    let elapsed = started.elapsed();
    out.line(&format!("\ndone in {:.1} s", elapsed.as_secs_f64()));

    if cfg.markdown {
        let mut md = String::new();
        md.push_str(&format!(
            "CPU: {model}; features: {}; kernels: {}; dispatch selects **{}**. Pages of {} B; hot = {HOT_PAGES} pages (old+new {} KiB), stream = {} MiB region; medians of {} (hot) / {} (stream) rounds; measured by `xbzrle bench` {} in {:.0} s.\n\n",
            feat_str.join(" "),
            available.iter().map(|k| k.name()).collect::<Vec<_>>().join(", "),
            best.name(),
            cfg.page,
            2 * HOT_PAGES * cfg.page / 1024,
            cfg.region_bytes >> 20,
            cfg.hot_rounds,
            cfg.stream_rounds,
            env!("CARGO_PKG_VERSION"),
            elapsed.as_secs_f64(),
        ));
        md.push_str(&md_lines);
        let mut o = std::io::stdout().lock();
        o.write_all(md.as_bytes())
            .and_then(|()| o.flush())
            .map_err(|e| format!("cannot write to standard output: {e}"))?;
    }
    if cfg.json {
        let doc = json!({
            "tool": "xbzrle bench",
            "version": env!("CARGO_PKG_VERSION"),
            "arch": std::env::consts::ARCH,
            "cpu": model,
            "features": features.iter().map(|(n, on)| (n.to_string(), Value::Bool(*on))).collect::<serde_json::Map<_, _>>(),
            "selected_kernel": best.name(),
            "available_kernels": available.iter().map(|k| k.name()).collect::<Vec<_>>(),
            "benchmarked_kernels": cfg.kernels.iter().map(|k| k.name()).collect::<Vec<_>>(),
            "config": {
                "page_size": cfg.page,
                "hot_pages": HOT_PAGES,
                "hot_passes_per_sample": HOT_REPS,
                "hot_budget_ms": cfg.hot_budget.as_millis() as u64,
                "stream_region_bytes": cfg.region_bytes,
                "settings": cfg.settings.iter().map(|s| s.name()).collect::<Vec<_>>(),
                "hot_rounds": cfg.hot_rounds,
                "stream_rounds": cfg.stream_rounds,
                "read_bound_loop": fold_name,
            },
            "unit": "MB/s = 10^6 bytes of page input per second",
            "rows": json_rows,
            "elapsed_s": round1(elapsed.as_secs_f64()),
        });
        let s = serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())?;
        let mut o = std::io::stdout().lock();
        writeln!(o, "{s}")
            .and_then(|()| o.flush())
            .map_err(|e| format!("cannot write to standard output: {e}"))?;
    }
    Ok(())
}
