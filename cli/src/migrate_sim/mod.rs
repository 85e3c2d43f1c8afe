//! `xbzrle migrate-sim`: a live-migration simulator comparing raw, zero-skip, XBZRLE, LZ4
//! and zstd end to end on one machine (issue 13).
//!
//! For each method, on the same seed: a guest region is filled (`workload.rs`), a
//! workload thread starts dirtying its working set, and a precopy migration runs over
//! `--channels` loopback TCP connections (`transport.rs`) through a shared token-bucket
//! link (`link.rs`): a bulk round with every page, delta rounds with the pages dirtied
//! meanwhile until the rest can be sent within `--max-downtime` (or `--max-rounds` is
//! reached), then a final round with the workload paused. Worker threads take fixed-size
//! chunks from a shared queue, encode them with the method (`methods.rs`, `xbzrle.rs`)
//! and wait for each chunk's acknowledgement. At the end the destination is compared with
//! the source; any difference fails the run (exit code 1).
//!
//! The long explanation, and how to read the figures, is docs/migrate-sim.md.

mod link;
mod memory;
mod methods;
mod plot;
mod report;
mod transport;
mod workload;
mod xbzrle;

use crate::output::AtomicFile;
use ::xbzrle::cache::SharedCache;
use ::xbzrle::parallel::{split_chunks, MemoryRange, RawRegion};
use anyhow::anyhow;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use link::{Bandwidth, Link};
use memory::{DirtyLog, GuestMem, PAGE};
use methods::{ChunkEncoder, Method, MethodName, PageTally, RoundKind};
use report::{mib, Machine, MethodRun, Report, Round, Settings, Total};
use std::io::{IsTerminal, Write};
use std::net::{Shutdown, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};
use workload::{Control, Workload};

/// Options of `xbzrle migrate-sim`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Guest memory (e.g. 1GiB, 512MiB); at most a third of this machine's memory, as
    /// source and destination both live in this process. Default 1GiB (64MiB with --quick).
    #[arg(long, value_parser = parse_size)]
    memory: Option<u64>,
    /// How the guest writes its working set.
    #[arg(long, value_enum, default_value = "mixed")]
    workload: Workload,
    /// Pages touched by the workload, in MB/s (10^6 bytes of whole pages per second).
    #[arg(long, default_value_t = 256.0)]
    dirty_rate: f64,
    /// The part of memory the workload writes. Default: a sixteenth of --memory.
    #[arg(long, value_parser = parse_size)]
    working_set: Option<u64>,
    /// Parallel TCP connections, one worker thread each.
    #[arg(long, default_value_t = 2)]
    channels: usize,
    /// Link bandwidth shared by all channels: 10Gbit, 1Gbit, 100Mbit, 500MB/s, unlimited.
    /// Default 10Gbit (1Gbit with --quick, so that its short rounds still carry data).
    #[arg(long, value_parser = Bandwidth::parse)]
    link: Option<Bandwidth>,
    /// Downtime the migration aims for: the final round starts once the remaining dirty
    /// memory can be sent within it (at the speed of the last round). Milliseconds.
    /// Default 300 (0 with --quick, so that every method runs all its rounds).
    #[arg(long)]
    max_downtime: Option<f64>,
    /// Rounds (bulk included) before the final round is forced. Default 10 (4 with --quick).
    #[arg(long)]
    max_rounds: Option<usize>,
    /// XBZRLE cache size (QEMU's xbzrle-cache-size). Default: an eighth of --memory, twice
    /// the default working set.
    #[arg(long, value_parser = parse_size)]
    cache: Option<u64>,
    /// Dirty memory per chunk of the shared work queue.
    #[arg(long, default_value = "1MiB", value_parser = parse_size)]
    chunk: u64,
    /// Methods to compare, comma-separated, run in this order (default: all). A method
    /// named twice runs twice: repeats show the machine's noise.
    #[arg(long, value_enum, value_delimiter = ',')]
    methods: Vec<MethodName>,
    /// Seed of the memory contents and of the workload.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// A short run for CI, a few seconds: 64 MiB guest, 1 Gbit/s link, 4 rounds and the
    /// final round, every method through delta rounds (explicit options still apply).
    #[arg(long)]
    quick: bool,
    /// Check the options and print the resolved settings (JSON with --json), without
    /// allocating guest memory or migrating anything.
    #[arg(long)]
    dry_run: bool,
    /// Print the report as JSON on stdout instead of the tables.
    #[arg(long)]
    json: bool,
    /// Draw remaining dirty memory per round, bytes and downtime per method into an SVG.
    #[arg(long, value_name = "FILE.svg")]
    plot: Option<PathBuf>,
    /// No progress on stderr.
    #[arg(short, long)]
    quiet: bool,
}

/// Sizes as people write them: `4GiB`, `4G`, `512MiB`, `512M`, `64k`, or bytes.
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let body = lower
        .strip_suffix("ib")
        .or_else(|| lower.strip_suffix('b'))
        .unwrap_or(&lower);
    let (num, mul) = match body.chars().last() {
        Some('k') => (&body[..body.len() - 1], 1u64 << 10),
        Some('m') => (&body[..body.len() - 1], 1 << 20),
        Some('g') => (&body[..body.len() - 1], 1 << 30),
        Some('t') => (&body[..body.len() - 1], 1 << 40),
        _ => (body, 1),
    };
    num.trim()
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(mul))
        .ok_or_else(|| format!("invalid size {t:?} (e.g. 1GiB, 512MiB, 64K)"))
}

fn machine() -> Machine {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .and_then(|l| l.split_once(':'))
        .map_or("unknown CPU".into(), |(_, v)| v.trim().to_string());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let memory_bytes = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024);
    Machine {
        cpu,
        cpus: std::thread::available_parallelism().map_or(1, |n| n.get()),
        memory_bytes,
    }
}

/// Resolves defaults and checks every setting, one clear line per refusal.
fn settings(a: &Args, m: &Machine) -> anyhow::Result<Settings> {
    let memory = a.memory.unwrap_or(if a.quick { 64 << 20 } else { 1 << 30 });
    let gib = |b: u64| b as f64 / (1u64 << 30) as f64;
    if m.memory_bytes > 0 && memory > m.memory_bytes / 3 {
        return Err(anyhow!(
            "--memory {:.2} GiB is more than a third of this machine's memory ({:.2} GiB of \
             {:.2} GiB): source and destination both live in this process",
            gib(memory),
            gib(m.memory_bytes / 3),
            gib(m.memory_bytes)
        ));
    }
    if memory < 1 << 20 || !memory.is_multiple_of(PAGE as u64) {
        return Err(anyhow!(
            "--memory {memory}: at least 1 MiB, whole 4 KiB pages"
        ));
    }
    let working_set = a.working_set.unwrap_or(memory / 16);
    if working_set > memory {
        return Err(anyhow!("--working-set is larger than --memory"));
    }
    let cache = a.cache.unwrap_or(memory / 8);
    if cache < PAGE as u64 || cache > memory {
        return Err(anyhow!(
            "--cache {cache}: from one page (4 KiB) to --memory ({memory} bytes)"
        ));
    }
    if !(1..=64).contains(&a.channels) {
        return Err(anyhow!("--channels {}: 1 to 64", a.channels));
    }
    if a.chunk < PAGE as u64 || a.chunk > 64 << 20 {
        return Err(anyhow!("--chunk: from 4 KiB to 64 MiB"));
    }
    if !(a.dirty_rate.is_finite() && a.dirty_rate >= 0.0) {
        return Err(anyhow!("--dirty-rate: a number of MB/s, 0 or more"));
    }
    let max_downtime = a.max_downtime.unwrap_or(if a.quick { 0.0 } else { 300.0 });
    if !(max_downtime.is_finite() && max_downtime >= 0.0) {
        return Err(anyhow!("--max-downtime: milliseconds, 0 or more"));
    }
    let max_rounds = a.max_rounds.unwrap_or(if a.quick { 4 } else { 10 });
    let link = a
        .link
        .unwrap_or(Bandwidth(Some(if a.quick { 1e9 } else { 1e10 } / 8.0)));
    if a.plot.as_ref().is_some_and(|p| p.as_os_str() == "-") {
        return Err(anyhow!(
            "--plot -: standard output carries the report; give a file name"
        ));
    }
    if max_rounds == 0 {
        return Err(anyhow!("--max-rounds: at least 1 (the bulk round)"));
    }
    let mut methods = a.methods.clone();
    if methods.is_empty() {
        methods = vec![
            MethodName::Raw,
            MethodName::Zero,
            MethodName::Xbzrle,
            MethodName::Lz4,
            MethodName::Zstd,
        ];
    }
    // no deduplication: a method named twice runs twice (repeats, interleaved with the
    // others, show how noisy the machine is: docs/migrate-sim.md)
    Ok(Settings {
        memory_bytes: memory,
        page_size: PAGE,
        workload: a.workload,
        working_set_bytes: working_set / PAGE as u64 * PAGE as u64,
        dirty_rate_mb_s: a.dirty_rate,
        channels: a.channels,
        link: link.label(),
        link_bytes_per_s: link.0,
        cache_bytes: cache,
        chunk_bytes: a.chunk / PAGE as u64 * PAGE as u64,
        max_downtime_ms: max_downtime,
        max_rounds,
        seed: a.seed,
        quick: a.quick,
        methods: methods
            .iter()
            .map(|m| method_label(*m).to_string())
            .collect(),
    })
}

fn method_label(m: MethodName) -> &'static str {
    match m {
        MethodName::Raw => "raw",
        MethodName::Zero => "zero",
        MethodName::Xbzrle => "xbzrle",
        MethodName::Lz4 => "lz4",
        MethodName::Zstd => "zstd",
    }
}

pub fn run(a: Args) -> anyhow::Result<()> {
    let machine = machine();
    let s = settings(&a, &machine)?;
    let link = Bandwidth(s.link_bytes_per_s);
    if a.dry_run {
        let text = if a.json {
            serde_json::to_string_pretty(&serde_json::json!({
                "machine": machine,
                "settings": s,
            }))?
        } else {
            format!(
                "{}\nmachine: {} ({} CPUs)",
                report::settings_line(&s),
                machine.cpu,
                machine.cpus
            )
        };
        println!("{text}");
        return Ok(());
    }
    // the plot file is opened (and its path checked) before minutes of migration; it
    // appears under its name only when the run succeeded (output.rs: AtomicFile)
    let plot_file = match &a.plot {
        Some(p) => {
            Some(AtomicFile::create(p).map_err(|e| anyhow!("cannot write {}: {e}", p.display()))?)
        }
        None => None,
    };
    let show = !a.quiet && std::io::stderr().is_terminal();
    // one source and one destination region for every method in turn, backed before the
    // first one starts (see GuestMem::prefault)
    let pages = (s.memory_bytes / PAGE as u64) as usize;
    let mem = Memory {
        src: GuestMem::new(pages)?,
        dst: GuestMem::new(pages)?,
    };
    mem.src.prefault();
    mem.dst.prefault();
    let mut runs = Vec::new();
    for name in &s.methods {
        let run = match name.as_str() {
            "raw" => migrate(&methods::Raw, &s, link, show, &mem)?,
            "zero" => migrate(&methods::ZeroSkip, &s, link, show, &mem)?,
            "lz4" => migrate(&methods::Lz4, &s, link, show, &mem)?,
            "zstd" => migrate(&methods::Zstd, &s, link, show, &mem)?,
            _ => {
                let cache = SharedCache::new(s.cache_bytes as usize, PAGE)
                    .map_err(|e| anyhow!("--cache {}: {e}", s.cache_bytes))?;
                let x = xbzrle::Xbzrle::new(&cache)?;
                let mut run = migrate(&x, &s, link, show, &mem)?;
                run.total.cache_bytes = Some(cache.capacity_bytes() as u64);
                run
            }
        };
        if !a.quiet {
            let t = &run.total;
            eprintln!(
                "{:<7} {:>9.1} MiB on the wire, {:.2} s, {} rounds, downtime {:.1} ms, {}",
                run.method,
                mib(t.wire_bytes),
                t.migration_s,
                t.rounds,
                t.downtime_s * 1e3,
                if t.verified {
                    "verified"
                } else {
                    "DESTINATION DIFFERS"
                }
            );
        }
        runs.push(run);
    }
    let verified = runs.iter().all(|r| r.total.verified);
    let report = Report {
        machine,
        settings: s,
        methods: runs,
        verified,
    };
    if a.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", report::text(&report));
    }
    let failed: Vec<&str> = report
        .methods
        .iter()
        .filter(|m| !m.total.verified)
        .map(|m| m.method.as_str())
        .collect();
    if !failed.is_empty() {
        // a failed run leaves no plot (the temporary file goes with `plot_file`)
        return Err(anyhow!(
            "destination differs from source after migrating with {}",
            failed.join(", ")
        ));
    }
    if let (Some(mut f), Some(p)) = (plot_file, &a.plot) {
        let svg = plot::render(&report).map_err(|e| anyhow!("{}: {e}", p.display()))?;
        f.write_all(svg.as_bytes())
            .and_then(|()| f.commit())
            .map_err(|e| anyhow!("cannot write {}: {e}", p.display()))?;
    }
    Ok(())
}

/// The guest (source) and the destination, reused by every method of a run.
struct Memory {
    src: GuestMem,
    dst: GuestMem,
}

/// The live parts of one method's migration, borrowed by every round.
struct Source<'a> {
    method: &'a dyn Method,
    mem: &'a RawRegion<'a>,
    link: &'a Link,
    conns: Vec<TcpStream>,
    encoders: Vec<Box<dyn ChunkEncoder + 'a>>,
    chunk_bytes: u64,
    bar: ProgressBar,
}

/// Migrates a freshly filled guest with `method`, start to finish, and checks the result.
fn migrate(
    method: &dyn Method,
    s: &Settings,
    bw: Bandwidth,
    show: bool,
    mem: &Memory,
) -> anyhow::Result<MethodRun> {
    let (src, dst) = (&mem.src, &mem.dst);
    let pages = src.pages();
    workload::fill_initial(src, s.seed);
    dst.clear();
    let (src_region, dst_region) = (src.region(), dst.region());
    let log = DirtyLog::new(pages)?;
    let link = Link::new(bw);
    let pairs = transport::connect(s.channels).map_err(|e| anyhow!("loopback TCP: {e}"))?;
    let ws_pages = s.working_set_bytes / PAGE as u64;
    let wl = workload::Config {
        workload: s.workload,
        pages_per_sec: s.dirty_rate_mb_s * 1e6 / PAGE as f64,
        // the working set sits a quarter into memory, one contiguous run (see workload.rs)
        ws_first: ((pages as u64 - ws_pages) / 4).min(pages as u64 / 4),
        ws_pages,
        seed: s.seed,
    };
    let ctl = Control::default();
    let bar = progress(show, method.name());

    std::thread::scope(|scope| {
        let mut conns = Vec::new();
        let mut receivers = Vec::new();
        for (src_conn, dst_conn) in pairs {
            let (dst, dec) = (&dst_region, method.decoder());
            receivers.push(scope.spawn(move || transport::receive(dst_conn, dst, dec)));
            conns.push(src_conn);
        }
        let workload = scope.spawn(|| workload::run(src, &log, wl, &ctl));
        let mut source = Source {
            method,
            mem: &src_region,
            link: &link,
            conns,
            encoders: (0..s.channels).map(|_| method.encoder()).collect(),
            chunk_bytes: s.chunk_bytes,
            bar,
        };
        let result = precopy(&mut source, &log, &ctl, s);
        // whatever happened: stop the guest and close the channels, so every thread ends
        ctl.stop();
        for c in &mut source.conns {
            if result.is_ok() {
                let _ = transport::send_end(c);
            } else {
                let _ = c.shutdown(Shutdown::Both);
            }
        }
        source.bar.finish_and_clear();
        let workload_cpu = workload.join().expect("workload thread panicked");
        let mut receiver_cpu = 0.0;
        let mut receiver_error = None;
        for r in receivers {
            let r = r.join().expect("receiver thread panicked");
            receiver_cpu += r.cpu_s;
            receiver_error = receiver_error.or(r.error);
        }
        let (rounds, t0_secs, converged) = result.map_err(|e| match &receiver_error {
            Some(re) => anyhow!("{}: {e:#} ({re:#})", method.name()),
            None => anyhow!("{}: {e:#}", method.name()),
        })?;
        let differing = src.count_differing_pages(dst);
        Ok(totals(
            method,
            rounds,
            Measured {
                migration_s: t0_secs,
                converged,
                receiver_cpu_s: receiver_cpu,
                differing_pages: differing,
                pages_touched: ctl.touched(),
                workload_cpu_s: workload_cpu,
            },
        ))
    })
}

/// What a migration measured besides its rounds.
struct Measured {
    migration_s: f64,
    converged: bool,
    receiver_cpu_s: f64,
    differing_pages: u64,
    pages_touched: u64,
    workload_cpu_s: f64,
}

fn totals(method: &dyn Method, rounds: Vec<Round>, m: Measured) -> MethodRun {
    let Measured {
        migration_s,
        converged,
        receiver_cpu_s,
        differing_pages,
        pages_touched,
        workload_cpu_s,
    } = m;
    let caches: Vec<_> = rounds.iter().filter_map(|r| r.cache).collect();
    let has_cache = !caches.is_empty();
    let lookups: u64 = caches.iter().map(|c| c.lookups).sum();
    let misses: u64 = caches.iter().map(|c| c.misses).sum();
    let wire_bytes: u64 = rounds.iter().map(|r| r.wire_bytes).sum();
    let memory = rounds.first().map_or(1, |r| r.dirty_bytes.max(1));
    MethodRun {
        method: method.name().into(),
        total: Total {
            wire_bytes,
            wire_per_memory_byte: wire_bytes as f64 / memory as f64,
            migration_s,
            rounds: rounds.len(),
            downtime_s: rounds.last().map_or(0.0, |r| r.seconds),
            converged,
            sender_cpu_s: rounds.iter().map(|r| r.sender_cpu_s).sum(),
            receiver_cpu_s,
            pages_touched,
            workload_cpu_s,
            dirty_rate_mb_s: pages_touched as f64 * PAGE as f64 / migration_s.max(1e-9) / 1e6,
            cache_bytes: None,
            cache_miss_rate: has_cache.then(|| {
                if lookups == 0 {
                    0.0
                } else {
                    misses as f64 / lookups as f64
                }
            }),
            overflows: has_cache.then(|| caches.iter().map(|c| c.overflows).sum()),
            differing_pages,
            verified: differing_pages == 0,
        },
        rounds,
    }
}

fn progress(show: bool, name: &str) -> ProgressBar {
    if !show {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(1), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{prefix:<7} [{bar:30}] {percent:>3}% {msg}")
            .expect("template")
            .progress_chars("=> "),
    );
    bar.set_prefix(name.to_string());
    bar
}

/// Bulk round, delta rounds, final round. Returns the rounds, the migration time and
/// whether it converged (rather than hitting `--max-rounds`).
fn precopy(
    src: &mut Source,
    log: &DirtyLog,
    ctl: &Control,
    s: &Settings,
) -> anyhow::Result<(Vec<Round>, f64, bool)> {
    let t0 = Instant::now();
    let whole = [MemoryRange::new(0, src.mem.len() as u64)];
    let mut rounds = vec![round(src, 0, RoundKind::Bulk, &whole)?];
    let mut bitmap = vec![0u64; log.words()];
    let mut converged = false;
    loop {
        bitmap.fill(0);
        log.harvest(&mut bitmap);
        let dirty = bitmap.iter().map(|w| w.count_ones() as u64).sum::<u64>();
        // speed of the last round in guest memory per second (what compression buys)
        let last = rounds.last().expect("bulk round");
        let speed = last.dirty_bytes as f64 / last.seconds.max(1e-6);
        let expected_ms = dirty as f64 * PAGE as f64 / speed * 1e3;
        if expected_ms <= s.max_downtime_ms || dirty == 0 {
            converged = true;
            break;
        }
        if rounds.len() >= s.max_rounds {
            break;
        }
        let n = rounds.len();
        rounds.push(round(
            src,
            n,
            RoundKind::Delta,
            &memory::ranges_of(&bitmap),
        )?);
    }
    // stop-and-copy: pause the guest, then send what was dirty at the last sync plus what
    // it dirtied since (two dirty sets unioned, each page once)
    ctl.pause();
    let down = Instant::now();
    log.harvest(&mut bitmap);
    let ranges = memory::ranges_of(&bitmap);
    let sync_s = down.elapsed().as_secs_f64();
    let n = rounds.len();
    let mut fin = round(src, n, RoundKind::Final, &ranges)?;
    fin.seconds += sync_s;
    rounds.push(fin);
    Ok((rounds, t0.elapsed().as_secs_f64(), converged))
}

/// One round: the chunks of `ranges` through every worker, until all are acknowledged.
fn round(
    src: &mut Source,
    n: usize,
    kind: RoundKind,
    ranges: &[MemoryRange],
) -> anyhow::Result<Round> {
    src.method.start_round(kind);
    let chunks = split_chunks(ranges, PAGE, src.chunk_bytes);
    let dirty_pages = memory::page_count(ranges);
    let q = transport::RoundQueue::new(kind, &chunks);
    src.bar.set_length(dirty_pages.max(1));
    src.bar.set_position(0);
    src.bar.set_message(format!(
        "round {n} ({}), {:.1} MiB dirty",
        kind.name(),
        mib(dirty_pages * PAGE as u64)
    ));
    let start = Instant::now();
    let (mem, link) = (src.mem, src.link);
    let results: Vec<_> = std::thread::scope(|scope| {
        let handles: Vec<_> = src
            .conns
            .iter_mut()
            .zip(src.encoders.iter_mut())
            .map(|(conn, enc)| {
                let q = &q;
                scope.spawn(move || {
                    let r = transport::send_round(q, mem, enc.as_mut(), conn, link);
                    (r, Instant::now())
                })
            })
            .collect();
        // a short poll for the progress bar (none without one: the main thread then only
        // waits, taking no CPU from the workers); the next round waits for this loop
        while !src.bar.is_hidden() && !handles.iter().all(|h| h.is_finished()) {
            src.bar.set_position(q.pages_taken.load(Ordering::Relaxed));
            std::thread::sleep(Duration::from_millis(1));
        }
        handles
            .into_iter()
            .map(|h| h.join().expect("worker thread panicked"))
            .collect()
    });
    // the round ends when its last worker got its last acknowledgement (measured by the
    // workers, so the progress polling above adds nothing)
    let mut end = start;
    let (mut wire_bytes, mut cpu, mut pages) = (0, 0.0, PageTally::default());
    for (r, finished) in results {
        let r = r?;
        end = end.max(finished);
        wire_bytes += r.wire_bytes;
        cpu += r.cpu_s;
        pages.add(&r.tally);
    }
    Ok(Round {
        round: n,
        kind,
        dirty_pages,
        dirty_bytes: dirty_pages * PAGE as u64,
        wire_bytes,
        seconds: end.duration_since(start).as_secs_f64(),
        sender_cpu_s: cpu,
        pages,
        cache: src.method.end_round(),
    })
}

#[cfg(test)]
mod tests {
    use super::methods::{ChunkDecoder, ChunkEncoder, Method, RoundKind};
    use super::*;
    use ::xbzrle::parallel::{GuestRead, GuestWrite};
    use clap::Parser;
    use std::io::Read;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        a: Args,
    }

    fn small(extra: &[&str]) -> Settings {
        let argv = [&["sim", "--quick", "--memory", "2MiB", "--quiet"], extra].concat();
        let a = Cli::try_parse_from(argv).unwrap().a;
        settings(&a, &machine()).unwrap()
    }

    /// Zero-skip whose destination flips one byte of page 0 after applying it: the run
    /// must notice.
    struct Broken;
    struct BrokenDecoder(Box<dyn ChunkDecoder>);

    impl Method for Broken {
        fn name(&self) -> &'static str {
            "broken"
        }
        fn encoder(&self) -> Box<dyn ChunkEncoder + '_> {
            methods::ZeroSkip.encoder()
        }
        fn decoder(&self) -> Box<dyn ChunkDecoder + '_> {
            Box::new(BrokenDecoder(methods::ZeroSkip.decoder()))
        }
    }

    impl ChunkDecoder for BrokenDecoder {
        fn apply(
            &mut self,
            kind: RoundKind,
            mem: &RawRegion,
            ranges: &[MemoryRange],
            r: &mut dyn Read,
        ) -> anyhow::Result<()> {
            self.0.apply(kind, mem, ranges, r)?;
            // page 0 lies outside the working set: it is sent in the bulk round only
            if kind == RoundKind::Bulk && ranges[0].gpa == 0 {
                let mut b = [0u8; 1];
                mem.read_into(ranges[0].gpa, &mut b).unwrap();
                mem.write_from(ranges[0].gpa, &[!b[0]]).unwrap();
            }
            Ok(())
        }
    }

    fn memory_for(s: &Settings) -> Memory {
        let pages = (s.memory_bytes / PAGE as u64) as usize;
        let mem = Memory {
            src: GuestMem::new(pages).unwrap(),
            dst: GuestMem::new(pages).unwrap(),
        };
        mem.src.prefault();
        mem.dst.prefault();
        mem
    }

    #[test]
    fn a_wrong_destination_is_caught() {
        let s = small(&[]);
        let mem = memory_for(&s);
        let link = Bandwidth(None);
        let good = migrate(&methods::ZeroSkip, &s, link, false, &mem).unwrap();
        assert!(good.total.verified, "{:?}", good.total);
        let bad = migrate(&Broken, &s, link, false, &mem).unwrap();
        assert!(!bad.total.verified);
        assert!(bad.total.differing_pages >= 1, "{:?}", bad.total);
        // the memory is reset for the next method: a good method verifies again after it
        let again = migrate(&methods::ZeroSkip, &s, link, false, &mem).unwrap();
        assert!(again.total.verified);
    }

    #[test]
    fn xbzrle_cache_rounds_follow_the_parallel_api() {
        let s = small(&["--workload", "sparse"]);
        let mem = memory_for(&s);
        let cache = SharedCache::new(s.cache_bytes as usize, PAGE).unwrap();
        let x = xbzrle::Xbzrle::new(&cache).unwrap();
        // a slow link: rounds of tens of milliseconds, so that the workload dirties pages
        // in each even when it is descheduled for a while (the tests run in parallel)
        let run = migrate(&x, &s, Bandwidth(Some(5e6)), false, &mem).unwrap();
        assert!(run.total.verified);
        // one Round (one cache round) per migration round
        assert_eq!(cache.round() as usize, run.rounds.len());
        // the per-round figures are the cache's counters, split by round
        let c = cache.counters();
        let sum = |f: fn(&methods::CacheRound) -> u64| -> u64 {
            run.rounds
                .iter()
                .map(|r| f(r.cache.as_ref().unwrap()))
                .sum()
        };
        assert_eq!(sum(|c| c.lookups), c.lookups);
        assert_eq!(sum(|c| c.misses), c.cache_miss);
        assert_eq!(sum(|c| c.overflows), c.overflow);
        assert_eq!(sum(|c| c.xbzrle_pages), c.pages);
        assert!(c.pages > 0, "no XBZRLE page on a sparse workload: {c:?}");
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("4GiB"), Ok(4 << 30));
        assert_eq!(parse_size("512M"), Ok(512 << 20));
        assert_eq!(parse_size("64kb"), Ok(64 << 10));
        assert_eq!(parse_size("4096"), Ok(4096));
        assert!(parse_size("lots").is_err());
    }
}
