//! The figures of a run (serialised as they are for `--json`) and the terminal tables.

use super::methods::{CacheRound, PageTally, RoundKind};
use serde::Serialize;

/// The machine the run was measured on.
#[derive(Serialize, Debug, Clone)]
pub struct Machine {
    pub cpu: String,
    pub cpus: usize,
    pub memory_bytes: u64,
}

/// The settings of the run, every default resolved.
#[derive(Serialize, Debug, Clone)]
pub struct Settings {
    pub memory_bytes: u64,
    pub page_size: usize,
    pub workload: super::workload::Workload,
    pub working_set_bytes: u64,
    pub dirty_rate_mb_s: f64,
    pub channels: usize,
    pub link: String,
    /// `null` for an unlimited link.
    pub link_bytes_per_s: Option<f64>,
    /// The xbzrle method's cache as requested (`--cache`).
    pub cache_bytes: u64,
    pub chunk_bytes: u64,
    pub max_downtime_ms: f64,
    pub max_rounds: usize,
    pub seed: u64,
    pub quick: bool,
    pub methods: Vec<String>,
}

/// One round of one method.
#[derive(Serialize, Debug, Clone)]
pub struct Round {
    /// 0 is the bulk round.
    pub round: usize,
    pub kind: RoundKind,
    /// Pages in the round's range table (every page for the bulk round): the remaining
    /// dirty memory when the round starts.
    pub dirty_pages: u64,
    pub dirty_bytes: u64,
    /// Every byte of every chunk frame: range tables, record tags and payloads.
    pub wire_bytes: u64,
    /// From the start of the round to the last chunk acknowledged (the final round also
    /// counts the last dirty-log sync: this is the downtime).
    pub seconds: f64,
    pub sender_cpu_s: f64,
    pub pages: PageTally,
    /// The xbzrle method's cache figures for the round (`null` for other methods).
    pub cache: Option<CacheRound>,
}

/// A method's totals.
#[derive(Serialize, Debug, Clone)]
pub struct Total {
    pub wire_bytes: u64,
    /// `wire_bytes / memory_bytes`.
    pub wire_per_memory_byte: f64,
    /// From the start of the bulk round to the end of the final round.
    pub migration_s: f64,
    /// All rounds, bulk and final included.
    pub rounds: usize,
    /// The final (stop-and-copy) round's time.
    pub downtime_s: f64,
    /// Whether the remaining dirty memory fell within `--max-downtime` (otherwise the
    /// migration stopped at `--max-rounds`).
    pub converged: bool,
    pub sender_cpu_s: f64,
    pub receiver_cpu_s: f64,
    /// Pages the workload touched during the migration.
    pub pages_touched: u64,
    /// CPU seconds of the workload thread (it shares the cores with the migration).
    pub workload_cpu_s: f64,
    /// The dirty rate the workload thread achieved, MB/s of pages touched (below
    /// `--dirty-rate` when it did not get enough CPU).
    pub dirty_rate_mb_s: f64,
    /// The xbzrle cache's real capacity (`null` for other methods).
    pub cache_bytes: Option<u64>,
    /// Over all rounds (`null` for other methods).
    pub cache_miss_rate: Option<f64>,
    pub overflows: Option<u64>,
    /// Pages where the destination differs from the source at the end (0 when verified).
    pub differing_pages: u64,
    /// The destination equals the source byte for byte.
    pub verified: bool,
}

#[derive(Serialize, Debug, Clone)]
pub struct MethodRun {
    pub method: String,
    pub rounds: Vec<Round>,
    pub total: Total,
}

#[derive(Serialize, Debug, Clone)]
pub struct Report {
    pub machine: Machine,
    pub settings: Settings,
    pub methods: Vec<MethodRun>,
    /// Every method verified.
    pub verified: bool,
}

pub fn mib(b: u64) -> f64 {
    b as f64 / (1u64 << 20) as f64
}

fn opt<T>(v: Option<T>, f: impl Fn(T) -> String) -> String {
    v.map_or_else(|| "-".into(), f)
}

/// The settings in one line.
pub fn settings_line(s: &Settings) -> String {
    format!(
        "migrate-sim: {:.0} MiB guest, workload {} (working set {:.0} MiB, {} MB/s touched), \
         {} channel(s), link {}, xbzrle cache {:.0} MiB, chunk {:.0} MiB, max downtime {} ms, \
         max rounds {}, seed {}",
        mib(s.memory_bytes),
        serde_json::to_value(s.workload)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default(),
        mib(s.working_set_bytes),
        s.dirty_rate_mb_s,
        s.channels,
        s.link,
        mib(s.cache_bytes),
        mib(s.chunk_bytes),
        s.max_downtime_ms,
        s.max_rounds,
        s.seed,
    )
}

/// The per-round table, then the totals, as plain text.
pub fn text(r: &Report) -> String {
    let s = &r.settings;
    let mut o = format!(
        "{}\nmachine: {} ({} CPUs)\n\n",
        settings_line(s),
        r.machine.cpu,
        r.machine.cpus,
    );
    o += &format!(
        "{:<7} {:>5} {:<5} {:>10} {:>10} {:>8} {:>8} {:>7} {:>8}\n",
        "method", "round", "kind", "dirty MiB", "wire MiB", "time s", "CPU s", "miss %", "overflow"
    );
    for m in &r.methods {
        for rd in &m.rounds {
            o += &format!(
                "{:<7} {:>5} {:<5} {:>10.1} {:>10.1} {:>8.3} {:>8.3} {:>7} {:>8}\n",
                m.method,
                rd.round,
                rd.kind.name(),
                mib(rd.dirty_bytes),
                mib(rd.wire_bytes),
                rd.seconds,
                rd.sender_cpu_s,
                // the bulk round does not use the cache: "-" rather than a 0 % miss rate
                opt(rd.cache.filter(|c| c.lookups > 0), |c| format!(
                    "{:.1}",
                    c.miss_rate * 100.0
                )),
                opt(rd.cache.filter(|c| c.lookups > 0), |c| c
                    .overflows
                    .to_string()),
            );
        }
    }
    o += "\n";
    o += &summary_table(r);
    for m in &r.methods {
        let t = &m.total;
        if let (Some(cap), Some(miss), Some(over)) = (t.cache_bytes, t.cache_miss_rate, t.overflows)
        {
            let deltas: u64 = m.rounds.iter().map(|rd| rd.pages.compressed).sum();
            o += &format!(
                "\n{}: cache {:.1} MiB, miss rate {:.1} % of the non-zero pages looked up, \
                 {over} overflows, {deltas} pages sent as XBZRLE deltas\n",
                m.method,
                mib(cap),
                miss * 100.0
            );
        }
    }
    o
}

/// The totals as a Markdown table (what the README shows).
pub fn summary_table(r: &Report) -> String {
    let mut o = String::from(
        "| method | wire MiB | vs raw | migration s | rounds | downtime ms | sender CPU s | receiver CPU s | converged | verified |\n\
         |---|--:|--:|--:|--:|--:|--:|--:|---|---|\n",
    );
    let raw = r
        .methods
        .iter()
        .find(|m| m.method == "raw")
        .map(|m| m.total.wire_bytes);
    for m in &r.methods {
        let t = &m.total;
        o += &format!(
            "| {} | {:.1} | {} | {:.2} | {} | {:.1} | {:.2} | {:.2} | {} | {} |\n",
            m.method,
            mib(t.wire_bytes),
            opt(raw, |w| format!(
                "{:.1} %",
                t.wire_bytes as f64 * 100.0 / w.max(1) as f64
            )),
            t.migration_s,
            t.rounds,
            t.downtime_s * 1e3,
            t.sender_cpu_s,
            t.receiver_cpu_s,
            if t.converged {
                "yes"
            } else {
                "no (max rounds)"
            },
            if t.verified { "yes" } else { "NO" },
        );
    }
    o
}
