//! `xbzrle bench --parallel`: the parallel-migration comparisons of issue 12 item 8,
//! side by side in one run, MB/s of dirty page input (10^6 bytes of pages per second),
//! medians of the rounds:
//!
//! * (a) per-thread overhead: one thread, a 16 MiB region, `round.encode` against the
//!   bare `Encoder::encode` of the same pages (SPARSE and VERY-DENSE). Goal ≤ 10 %.
//! * (b) a compute-bound Delta round (VERY-DENSE, 16 MiB: region and cache fit the
//!   last-level cache), 1 and 2 threads sharing one cache. Goal: 2 threads ≥ 1.8x.
//! * (c) 2 threads on a large region (1 GiB; `--region-mib`; 64 MiB with `--quick`)
//!   against a two-thread loop that only reads both buffers. Goal ≥ 0.9.
//!
//! The workloads are `xbzrle_testkit::parallel_bench` (the criterion bench
//! `benches/parallel.rs` runs the same ones); every round pass is checked there (every
//! page an XBZRLE record, the payload size exactly the bare deltas plus the framing), an
//! error aborts. In every round all measurements run one after the other, so that noise
//! from other processes hits them alike; a measurement repeats passes until its time
//! budget is used.

use super::config::Args;
use super::report::Stats;
use anyhow::anyhow;
use std::time::{Duration, Instant};
use xbzrle_testkit::parallel_bench::{read_both, DeltaBench};
use xbzrle_testkit::scenario::Pattern;

const CHUNK: u64 = 1 << 20;
/// Chunks of the large region: cloud-hypervisor's 64 MiB, smaller for small regions so that
/// both threads get chunks (at least 16 chunks).
fn big_chunk(bytes: u64) -> u64 {
    (bytes / 16).clamp(1 << 20, 64 << 20)
}

/// CPU time of the whole process so far (all threads).
fn cpu_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the duration of the call, and
    // CLOCK_PROCESS_CPUTIME_ID is a clock every Linux supports; on failure `ts` stays 0.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return Duration::ZERO;
    }
    Duration::new(
        ts.tv_sec.max(0) as u64,
        ts.tv_nsec.clamp(0, 999_999_999) as u32,
    )
}

/// Repeats `pass` (which processes `bytes` bytes) until `budget` is used (at least once);
/// returns MB/s of wall-clock time and MB per CPU-second (all threads' CPU time: on a
/// busy machine the second shows whether threads scale even when the first cannot).
fn rate(
    bytes: u64,
    budget: Duration,
    mut pass: impl FnMut() -> anyhow::Result<()>,
) -> anyhow::Result<(f64, f64)> {
    let cpu0 = cpu_time();
    let start = Instant::now();
    let mut n = 0u64;
    loop {
        pass()?;
        n += 1;
        let t = start.elapsed();
        if t >= budget {
            let mb = (bytes * n) as f64 / 1e6;
            let cpu = (cpu_time().saturating_sub(cpu0)).as_secs_f64().max(1e-9);
            return Ok((mb / t.as_secs_f64(), mb / cpu));
        }
    }
}

fn stats(v: &[f64]) -> Stats {
    Stats { values: v.to_vec() }
}

fn fmt(s: &Stats) -> String {
    format!("{:>9.0}", s.median())
}

/// Runs the three comparisons and prints them.
pub fn run(args: &Args) -> anyhow::Result<()> {
    if args.json || args.markdown {
        return Err(anyhow!(
            "--parallel prints a table only (no --json or --markdown)"
        ));
    }
    let started = Instant::now();
    let page = args.page_size;
    let rounds = args.rounds.unwrap_or(if args.quick { 3 } else { 5 });
    let budget = Duration::from_millis(if args.quick { 30 } else { 200 });
    let big_mib = args
        .region_mib
        .unwrap_or(if args.quick { 64 } else { 1024 });
    let big_bytes = big_mib
        .checked_mul(1 << 20)
        .ok_or_else(|| anyhow!("--region-mib is too large"))?;
    let kernel = xbzrle::Encoder::new().kernel();
    println!(
        "xbzrle bench --parallel {} — {} pages of {page} B, dispatch kernel {}, {} CPUs",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::ARCH,
        kernel.name(),
        std::thread::available_parallelism().map_or(1, |n| n.get()),
    );
    println!(
        "MB/s = 10^6 bytes of dirty page input per second, medians of {rounds} rounds ({} ms per measurement and round); every pass checked",
        budget.as_millis()
    );

    // (a) and (b) share the VERY-DENSE 16 MiB setup
    let mut sparse =
        DeltaBench::new(Pattern::SPARSE, 16 << 20, page).map_err(anyhow::Error::msg)?;
    let mut dense =
        DeltaBench::new(Pattern::VERY_DENSE, 16 << 20, page).map_err(anyhow::Error::msg)?;
    let mut a: Vec<[Vec<f64>; 2]> = vec![[Vec::new(), Vec::new()], [Vec::new(), Vec::new()]];
    let (mut one, mut two) = (Vec::new(), Vec::new());
    let (mut one_cpu, mut two_cpu) = (Vec::new(), Vec::new());
    let contention0 = dense.cache.contention();
    for _ in 0..rounds {
        for (i, b) in [&mut sparse, &mut dense].into_iter().enumerate() {
            let bytes = b.bytes();
            a[i][0].push(
                rate(bytes, budget, || {
                    b.bare_pass();
                    Ok(())
                })?
                .0,
            );
            a[i][1].push(
                rate(bytes, budget, || {
                    b.round_pass(1, CHUNK).map(drop).map_err(anyhow::Error::msg)
                })?
                .0,
            );
        }
        let bytes = dense.bytes();
        let (w, c) = rate(bytes, budget, || {
            dense
                .round_pass(1, CHUNK)
                .map(drop)
                .map_err(anyhow::Error::msg)
        })?;
        one.push(w);
        one_cpu.push(c);
        let (w, c) = rate(bytes, budget, || {
            dense
                .round_pass(2, CHUNK)
                .map(drop)
                .map_err(anyhow::Error::msg)
        })?;
        two.push(w);
        two_cpu.push(c);
    }
    let contention_b = dense.cache.contention() - contention0;
    drop(sparse);
    drop(dense);

    println!("\n(a) per-thread overhead: 1 thread, 16 MiB region, Delta round vs bare Encoder::encode (goal: overhead <= 10 %)");
    println!("    scenario      bare encode  round.encode   time overhead");
    for (i, name) in ["SPARSE", "VERY-DENSE"].iter().enumerate() {
        let (bare, round) = (stats(&a[i][0]), stats(&a[i][1]));
        println!(
            "    {name:<12} {}    {}      {:>5.1} %",
            fmt(&bare),
            fmt(&round),
            (bare.median() / round.median() - 1.0) * 100.0
        );
    }
    let (one, two) = (stats(&one), stats(&two));
    let (one_cpu, two_cpu) = (stats(&one_cpu), stats(&two_cpu));
    println!("\n(b) threads sharing one cache: Delta round, VERY-DENSE, 16 MiB region, 1 MiB chunks (goal: >= 1.8x)");
    println!(
        "    1 thread {}   2 threads {}   speedup {:.2}x   shard lock waits {contention_b}",
        fmt(&one),
        fmt(&two),
        two.median() / one.median()
    );
    println!(
        "    per CPU-second: 1 thread {}   2 threads {}   (2 threads scale if these are equal; wall-clock needs 2 idle cores)",
        fmt(&one_cpu),
        fmt(&two_cpu)
    );

    let mut big =
        DeltaBench::new(Pattern::VERY_DENSE, big_bytes, page).map_err(anyhow::Error::msg)?;
    let (mut r, mut rb) = (Vec::new(), Vec::new());
    let contention0 = big.cache.contention();
    for _ in 0..rounds {
        let bytes = big.bytes();
        let chunk = big_chunk(bytes);
        r.push(
            rate(bytes, Duration::ZERO, || {
                big.round_pass(2, chunk)
                    .map(drop)
                    .map_err(anyhow::Error::msg)
            })?
            .0,
        );
        let read = || {
            if read_both(&big.old, &big.new, 2) == 0 {
                return Err(anyhow!("read-both loop: the buffers must differ"));
            }
            Ok(())
        };
        rb.push(rate(bytes, Duration::ZERO, read)?.0);
    }
    let contention_c = big.cache.contention() - contention0;
    let (r, rb) = (stats(&r), stats(&rb));
    println!(
        "\n(c) 2 threads, {big_mib} MiB region (and a {big_mib} MiB cache), VERY-DENSE, {} MiB chunks, one pass per round (goal: >= 0.9 of the loop)",
        big_chunk(big_bytes as u64) >> 20
    );
    println!(
        "    round.encode {}   read-both-buffers loop {}   ratio {:.2}   shard lock waits {contention_c}",
        fmt(&r),
        fmt(&rb),
        r.median() / rb.median()
    );
    println!("\ndone in {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}
