//! What the benchmark prints: the console table (stdout, or stderr when stdout carries a
//! document), the Markdown table for docs/benchmarking.md, and the JSON document.

use super::config::{Config, Setting, HOT_PAGES, HOT_REPS};
use super::cpu::Machine;
use super::scenario::Scenario;
use anyhow::anyhow;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;
use std::time::Duration;

/// Human-readable output: stdout, or stderr when stdout carries JSON or Markdown.
/// Flushed per line, so rows appear as soon as they are measured.
pub struct Out {
    pub to_stderr: bool,
}

impl Out {
    /// Prints one line.
    pub fn line(&self, s: &str) {
        let s = s.trim_end();
        if self.to_stderr {
            let mut e = std::io::stderr().lock();
            let _ = writeln!(e, "{s}");
        } else {
            let mut o = std::io::stdout().lock();
            let _ = writeln!(o, "{s}");
            let _ = o.flush();
        }
    }
}

/// The per-round figures of one measurement (MB/s).
#[derive(Clone, Debug)]
pub struct Stats {
    pub values: Vec<f64>,
}

impl Stats {
    /// The median round.
    pub fn median(&self) -> f64 {
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
    /// "median ±half-spread%" for the console table.
    fn cell(&self) -> String {
        let m = self.median();
        let spread = if m > 0.0 {
            (self.max() - self.min()) / 2.0 / m * 100.0
        } else {
            0.0
        };
        format!("{:.0} ±{:.0}%", m, spread)
    }
}

/// What a row measures, from the figures it has.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Read,
    Kernel,
    Decode,
    /// The stand-in for QEMU's decoder.
    DecodeReference,
    Baseline,
}

/// One printed row: a codec (or the read bound) on one (setting, scenario).
pub struct Row {
    pub codec: String,
    pub encode: Option<Stats>,
    pub decode: Option<Stats>,
    pub decode_na: Option<Stats>,
    pub size_pct: Option<f64>,
    pub overflow_pages: usize,
    pub vs_read: Option<f64>,
    pub note: String,
}

impl Row {
    /// What the row measures.
    pub fn kind(&self) -> RowKind {
        match (&self.encode, &self.decode) {
            _ if self.codec == "read-bound" => RowKind::Read,
            _ if self.codec == super::measure::QEMU_STYLE_ROW => RowKind::DecodeReference,
            (Some(_), None) => RowKind::Kernel,
            (None, _) => RowKind::Decode,
            (Some(_), Some(_)) => RowKind::Baseline,
        }
    }
}

/// The rows of one (setting, scenario).
pub struct ScenarioResult {
    pub setting: Setting,
    pub scenario: Scenario,
    pub pages: usize,
    pub rows: Vec<Row>,
}

/// The lines printed before the first table.
pub fn preamble(out: &Out, cfg: &Config, m: &Machine) {
    out.line(&format!(
        "xbzrle bench {} — {}",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::ARCH
    ));
    out.line(&format!("CPU:       {}", m.model));
    out.line(&format!("features:  {}", m.feature_list()));
    out.line(&format!(
        "kernels:   {} available; dispatch selects {}{}; benchmarking {}",
        names(&m.available),
        m.best.name(),
        m.dispatch_note(),
        names(&cfg.kernels)
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
        "MB/s = 10^6 bytes of page input per second (±: half the spread of the rounds); size = bytes sent as % of the pages (Overflow = raw page = 100 %); enc time/read = encode time / time of one plain pass reading both pages ({} loop)",
        m.fold_name
    ));
}

/// Comma-separated kernel names.
pub fn names(kernels: &[xbzrle::Kernel]) -> String {
    kernels
        .iter()
        .map(|k| k.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The console table's header line.
pub const HEADER: &str = "setting  scenario     codec              encode MB/s    decode MB/s  decode MB/s non-atomic   size %  enc time/read  note";

/// One console table line.
pub fn print_row(out: &Out, setting: Setting, scenario: Scenario, r: &Row) {
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

/// The Markdown document: a line describing the run, then one table line per (setting,
/// scenario) with the medians.
pub fn markdown(
    cfg: &Config,
    m: &Machine,
    results: &[ScenarioResult],
    elapsed: Duration,
) -> String {
    let mut md = format!(
        "CPU: {}; features: {}; kernels: {}; dispatch selects **{}**. Pages of {} B; hot = {HOT_PAGES} pages (old+new {} KiB), stream = {} MiB region; medians of {} (hot) / {} (stream) rounds; measured by `xbzrle bench` {} in {:.0} s.\n\n",
        m.model,
        m.feature_list(),
        names(&m.available),
        m.best.name(),
        cfg.page,
        2 * HOT_PAGES * cfg.page / 1024,
        cfg.region_bytes >> 20,
        cfg.hot_rounds,
        cfg.stream_rounds,
        env!("CARGO_PKG_VERSION"),
        elapsed.as_secs_f64(),
    );
    if let Some(first) = results.first() {
        md.push_str(&markdown_header(&first.rows));
    }
    for r in results {
        md.push_str(&markdown_line(r.setting, r.scenario, &r.rows));
    }
    md
}

/// The Markdown table header for the codecs of `rows`.
fn markdown_header(rows: &[Row]) -> String {
    let mut h = String::from("| setting | scenario | XBZRLE size % | read bound |");
    let mut a = String::from("|---|---|--:|--:|");
    for r in rows {
        match r.kind() {
            RowKind::Kernel => h.push_str(&format!(" encode: {} |", r.codec)),
            RowKind::Decode => h.push_str(" decode | decode, non-atomic |"),
            RowKind::DecodeReference => h.push_str(" decode: qemu-style |"),
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

/// One Markdown table line: medians in MB/s.
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
            RowKind::DecodeReference => line.push_str(&format!(" {} |", med(&r.decode))),
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

/// Rounds to one decimal.
fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// Rounds to three decimals.
fn round3(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

/// The JSON document of a run (`--json`).
#[derive(Serialize)]
pub struct Report<'a> {
    tool: &'static str,
    version: &'static str,
    arch: &'static str,
    cpu: &'a str,
    features: BTreeMap<&'static str, bool>,
    selected_kernel: &'static str,
    available_kernels: Vec<&'static str>,
    benchmarked_kernels: Vec<&'static str>,
    config: ConfigJson,
    unit: &'static str,
    rows: Vec<RowJson<'a>>,
    elapsed_s: f64,
}

#[derive(Serialize)]
struct ConfigJson {
    page_size: usize,
    hot_pages: usize,
    hot_passes_per_sample: usize,
    hot_budget_ms: u64,
    stream_region_bytes: usize,
    settings: Vec<&'static str>,
    hot_rounds: usize,
    stream_rounds: usize,
    read_bound_loop: &'static str,
}

#[derive(Serialize)]
struct RowJson<'a> {
    setting: &'static str,
    scenario: &'static str,
    codec: &'a str,
    encode_mb_s: Option<StatsJson>,
    decode_mb_s: Option<StatsJson>,
    decode_non_atomic_mb_s: Option<StatsJson>,
    size_pct: Option<f64>,
    overflow_pages: usize,
    pages: usize,
    encode_time_vs_read: Option<f64>,
    note: &'a str,
}

#[derive(Serialize)]
struct StatsJson {
    median: f64,
    min: f64,
    max: f64,
    rounds: Vec<f64>,
}

impl From<&Stats> for StatsJson {
    fn from(s: &Stats) -> StatsJson {
        StatsJson {
            median: round1(s.median()),
            min: round1(s.min()),
            max: round1(s.max()),
            rounds: s.values.iter().map(|v| round1(*v)).collect(),
        }
    }
}

impl<'a> Report<'a> {
    /// The document for a finished run.
    pub fn new(
        cfg: &Config,
        m: &'a Machine,
        results: &'a [ScenarioResult],
        elapsed: Duration,
    ) -> Report<'a> {
        let rows = results
            .iter()
            .flat_map(|res| {
                res.rows.iter().map(move |r| RowJson {
                    setting: res.setting.name(),
                    scenario: res.scenario.name(),
                    codec: &r.codec,
                    encode_mb_s: r.encode.as_ref().map(StatsJson::from),
                    decode_mb_s: r.decode.as_ref().map(StatsJson::from),
                    decode_non_atomic_mb_s: r.decode_na.as_ref().map(StatsJson::from),
                    size_pct: r.size_pct.map(round3),
                    overflow_pages: r.overflow_pages,
                    pages: res.pages,
                    encode_time_vs_read: r.vs_read.map(round3),
                    note: &r.note,
                })
            })
            .collect();
        Report {
            tool: "xbzrle bench",
            version: env!("CARGO_PKG_VERSION"),
            arch: std::env::consts::ARCH,
            cpu: &m.model,
            features: m.features.iter().copied().collect(),
            selected_kernel: m.best.name(),
            available_kernels: m.available.iter().map(|k| k.name()).collect(),
            benchmarked_kernels: cfg.kernels.iter().map(|k| k.name()).collect(),
            config: ConfigJson {
                page_size: cfg.page,
                hot_pages: HOT_PAGES,
                hot_passes_per_sample: HOT_REPS,
                hot_budget_ms: cfg.hot_budget.as_millis() as u64,
                stream_region_bytes: cfg.region_bytes,
                settings: cfg.settings.iter().map(|s| s.name()).collect(),
                hot_rounds: cfg.hot_rounds,
                stream_rounds: cfg.stream_rounds,
                read_bound_loop: m.fold_name,
            },
            unit: "MB/s = 10^6 bytes of page input per second",
            rows,
            elapsed_s: round1(elapsed.as_secs_f64()),
        }
    }
}

/// Writes `text` to stdout, flushed; an error (closed pipe, full disk) is returned.
pub fn write_stdout(text: &str) -> anyhow::Result<()> {
    let mut o = std::io::stdout().lock();
    o.write_all(text.as_bytes())
        .and_then(|()| o.flush())
        .map_err(|e| anyhow!("cannot write to standard output: {e}"))
}
