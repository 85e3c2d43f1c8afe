//! How the benchmark measures: one `Group` per (setting, scenario) runs every codec's
//! samples round-robin over the same buffers, checks every timed output, and turns the
//! rounds into report rows.

use super::config::{Config, Setting};
use super::cpu::Machine;
use super::report::{Row, Stats};
use super::scenario::{self, Scenario};
use super::timed::{self, Baseline, Clock, DecodeWith, Packed, Work};
use anyhow::anyhow;
use std::time::Duration;
use xbzrle::{Encoder, Kernel};

/// What one measurement times.
#[derive(Clone, Copy, Debug)]
pub enum Op {
    Read,
    Encode(Kernel),
    Decode(DecodeWith),
    BaseEncode(usize),
    BaseDecode(usize),
}

/// Everything one (setting, scenario) needs; buffers are borrowed so that the big ones
/// are allocated (and faulted in) once.
pub struct Group<'a> {
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
    fn sample(&mut self, op: Op) -> anyhow::Result<()> {
        let w = self.w;
        match op {
            Op::Read => {
                timed::read_both(&w, self.fold, &mut self.clock);
                Ok(())
            }
            Op::Encode(k) => {
                let enc = Encoder::with_kernel(k)?;
                let (pos, bad) =
                    timed::encode_xbzrle(&enc, &w, self.arena, &mut self.lens, &mut self.clock);
                if self.corrupt.as_deref() == Some("encode") && pos > 0 {
                    self.arena[pos - 1] ^= 1;
                }
                if bad != 0 {
                    return Err(anyhow!("{bad} pages refused with an unexpected error"));
                }
                timed::check_encoded(self.fwd, self.arena, pos, &self.lens, w.reps)
            }
            Op::Decode(with) => {
                let (deltas, raw, target) = if self.dst_holds_new {
                    (self.rev, w.old, w.old)
                } else {
                    (self.fwd, w.new, w.new)
                };
                let (dst, clock) = (&mut *self.dst, &mut self.clock);
                let (sum, bad) = match with {
                    DecodeWith::Atomic => {
                        timed::decode_xbzrle::<{ timed::ATOMIC }>(deltas, raw, &w, dst, clock)
                    }
                    DecodeWith::SinglePass => {
                        timed::decode_xbzrle::<{ timed::SINGLE_PASS }>(deltas, raw, &w, dst, clock)
                    }
                    DecodeWith::QemuStyle => {
                        timed::decode_xbzrle::<{ timed::QEMU_STYLE }>(deltas, raw, &w, dst, clock)
                    }
                };
                self.dst_holds_new = !self.dst_holds_new;
                if self.corrupt.as_deref() == Some("decode") {
                    let last = self.dst.len() - 1;
                    self.dst[last] ^= 1;
                }
                if bad != 0 {
                    return Err(anyhow!("{bad} verified deltas were refused"));
                }
                if sum != self.dec_sum * w.reps as u64 {
                    return Err(anyhow!(
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
                    return Err(anyhow!("{name}: {bad} pages failed to compress"));
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
                        return Err(anyhow!("{name}: {bad} pages failed to decompress"));
                    }
                    let target = if self.dst_holds_new { w.new } else { w.old };
                    self.check_dst(target).map_err(|e| anyhow!("{name}: {e}"))?;
                    self.base_ready[i] = true;
                }
                timed::check_encoded(&self.base_refs[i], self.arena, pos, &self.lens, w.reps)
                    .map_err(|e| anyhow!("{name}: {e}"))
            }
            Op::BaseDecode(i) => {
                if !self.base_ready[i] {
                    return Err(anyhow!("baseline decode before its encode"));
                }
                let r = &self.base_refs[i];
                let b = &mut self.baselines[i];
                let name = b.name();
                let bad = b.decode(r, &w, &mut self.tmp, self.dst, &mut self.clock);
                self.dst_holds_new = !self.dst_holds_new;
                if bad != 0 {
                    return Err(anyhow!("{name}: {bad} pages failed to decompress"));
                }
                let target = if self.dst_holds_new { w.new } else { w.old };
                self.check_dst(target).map_err(|e| anyhow!("{name}: {e}"))
            }
        }
    }

    /// Every destination copy must equal `target`.
    fn check_dst(&self, target: &[u8]) -> anyhow::Result<()> {
        for (r, copy) in self
            .dst
            .chunks_exact(target.len())
            .take(self.w.reps)
            .enumerate()
        {
            if let Some(p) = timed::first_diff_page(copy, target, self.w.page) {
                return Err(anyhow!(
                    "pass {r}, page {p}: decoded page differs from the expected page"
                ));
            }
        }
        Ok(())
    }

    /// One round's figure for `op` in MB/s: the median rate of its timed chunks. Hot: a
    /// chunk is a sample (4 passes over the 8 pages), repeated until the budget is spent;
    /// stream: one pass over the region, timed in chunks of 1 MiB of pages.
    fn measure(&mut self, op: Op, setting: Setting, budget: Duration) -> anyhow::Result<f64> {
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

/// The buffers of one setting, allocated (and written, so no page fault lands in a timed
/// region) once and reused by every scenario.
pub struct Buffers {
    pub npages: usize,
    reps: usize,
    rounds: usize,
    old: Vec<u8>,
    new: Vec<u8>,
    dst: Vec<u8>,
    arena: Vec<u8>,
    fwd: Packed,
    rev: Packed,
    base_refs: [Packed; 2],
    /// Whether every copy in `dst` holds the old region. Decode samples toggle it, and a
    /// scenario runs an even number of them, so it is usually restored for free.
    dst_holds_old: bool,
}

impl Buffers {
    /// Buffers for `setting`.
    pub fn new(cfg: &Config, setting: Setting) -> Buffers {
        let (npages, reps, rounds) = cfg.shape(setting);
        let len = npages * cfg.page;
        let mut old = vec![0u8; len];
        xbzrle_testkit::scenario::fill_random(&mut old, scenario::OLD_SEED);
        let arena_len = reps * npages * Baseline::max_len(cfg.page).max(cfg.page);
        Buffers {
            npages,
            reps,
            rounds,
            old,
            new: vec![1u8; len],
            dst: vec![2u8; reps * len],
            arena: vec![3u8; arena_len],
            fwd: Packed::default(),
            rev: Packed::default(),
            base_refs: [Packed::default(), Packed::default()],
            dst_holds_old: false,
        }
    }
}

/// Measures every codec on one scenario and returns the rows, in print order.
pub fn scenario(
    cfg: &Config,
    m: &Machine,
    setting: Setting,
    sc: Scenario,
    b: &mut Buffers,
) -> anyhow::Result<Vec<Row>> {
    let label = |e: String| anyhow!("{} {}: {e}", setting.name(), sc.name());
    let len = b.old.len();
    let npages = b.npages;
    sc.build(&b.old, &mut b.new);
    if !b.dst_holds_old {
        for d in b.dst.chunks_exact_mut(len) {
            d.copy_from_slice(&b.old);
        }
    }
    let w = Work {
        old: &b.old,
        new: &b.new,
        page: cfg.page,
        reps: b.reps,
    };
    let reference = Encoder::with_kernel(Kernel::Scalar)?;
    let dec_sum = timed::xbzrle_reference(&reference, &w, &mut b.arena, &mut b.fwd, true)
        .map_err(|e| label(format!("reference encoding (scalar): {e}")))?;
    // The reverse deltas (new -> old) are checked by every decode sample that uses them
    // (the whole destination is compared with the old region).
    timed::xbzrle_reference(&reference, &w.reversed(), &mut b.arena, &mut b.rev, false)
        .map_err(|e| label(format!("reverse reference encoding (scalar): {e}")))?;
    if b.rev.lens != b.fwd.lens {
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
        arena: &mut b.arena,
        lens: vec![0u32; b.reps * npages],
        dst: &mut b.dst,
        dst_holds_new: false,
        tmp: vec![0u8; cfg.page],
        fwd: &b.fwd,
        rev: &b.rev,
        dec_sum,
        baselines,
        base_refs: &mut b.base_refs[..nb],
        base_ready: vec![false; nb],
        fold: m.fold,
        clock: Clock {
            chunk: 1,
            rec: Vec::with_capacity(1 << 16),
        },
        corrupt: std::env::var("XBZRLE_BENCH_CORRUPT").ok(),
    };
    let ops = ops(cfg, nb);
    let mut results: Vec<Vec<f64>> = vec![Vec::new(); ops.len()];
    for _ in 0..b.rounds {
        for (i, &op) in ops.iter().enumerate() {
            let v = g
                .measure(op, setting, cfg.hot_budget)
                .map_err(|e| label(format!("{op:?}: CHECK FAILED: {e}")))?;
            results[i].push(v);
        }
    }
    let rows = rows(setting, sc, m.best, &g, &ops, &results, len, npages);
    b.dst_holds_old = !g.dst_holds_new;
    Ok(rows)
}

/// The codec name of the row of [`super::qemu_style`].
pub const QEMU_STYLE_ROW: &str = "qemu-style decode";

/// Every measurement of a scenario, in the order each round runs them.
fn ops(cfg: &Config, baselines: usize) -> Vec<Op> {
    let mut ops = vec![Op::Read];
    ops.extend(cfg.kernels.iter().map(|&k| Op::Encode(k)));
    ops.push(Op::Decode(DecodeWith::Atomic));
    ops.push(Op::Decode(DecodeWith::SinglePass));
    ops.push(Op::Decode(DecodeWith::QemuStyle));
    for i in 0..baselines {
        ops.push(Op::BaseEncode(i));
        ops.push(Op::BaseDecode(i));
    }
    ops
}

/// The report rows of one scenario from its rounds (`results[i]` are the rounds of
/// `ops[i]`): read bound, kernels, decoder, baselines.
#[allow(clippy::too_many_arguments)]
fn rows(
    setting: Setting,
    sc: Scenario,
    best: Kernel,
    g: &Group,
    ops: &[Op],
    results: &[Vec<f64>],
    len: usize,
    npages: usize,
) -> Vec<Row> {
    let stats = |i: usize| Stats {
        values: results[i].clone(),
    };
    let read = stats(0);
    let (sent, ovf) = g.fwd.sent_bytes(g.w.page);
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
        .position(|o| matches!(o, Op::Decode(DecodeWith::Atomic)))
        .expect("decode op");
    let dec = stats(ia);
    let dec_na = stats(ia + 1);
    let qemu = stats(ia + 2);
    let cost = dec_na.median() / dec.median() * 100.0 - 100.0;
    let vs_qemu = dec.median() / qemu.median();
    let dec_note = if ovf == npages {
        "no deltas: every page is a raw copy".to_string()
    } else if sent == 0 {
        "empty deltas: nothing to apply".to_string()
    } else {
        format!("validation pass: {cost:+.0} % decode time; {vs_qemu:.2}x qemu-style")
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
    rows.push(Row {
        codec: QEMU_STYLE_ROW.into(),
        encode: None,
        decode: Some(qemu),
        decode_na: None,
        size_pct: Some(xbz_pct),
        overflow_pages: ovf,
        vs_read: None,
        note: "stand-in for QEMU's single-pass decoder (written here; not atomic)".into(),
    });
    for i in 0..g.baselines.len() {
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
    rows
}
