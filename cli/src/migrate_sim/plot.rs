//! `--plot FILE.svg`: remaining dirty memory per round for every method (log scale), and
//! bytes on the wire and downtime per method, drawn with plotters' SVG backend.

use super::report::{mib, Report};
use anyhow::anyhow;
use plotters::coord::ranged1d::SegmentValue;
use plotters::prelude::*;
use std::error::Error;

/// One colour per method, the same in every panel and every run.
fn colour(method: &str) -> RGBColor {
    match method {
        "raw" => RGBColor(110, 110, 110),
        "zero" => RGBColor(31, 119, 180),
        "xbzrle" => RGBColor(214, 39, 40),
        "lz4" => RGBColor(44, 160, 44),
        _ => RGBColor(255, 127, 14),
    }
}

const FONT: (&str, u32) = ("sans-serif", 14);

/// The SVG document (written to its file by the caller, atomically).
pub fn render(r: &Report) -> anyhow::Result<String> {
    let mut svg = String::new();
    draw(&mut svg, r).map_err(|e| anyhow!("cannot draw the plot: {e}"))?;
    Ok(svg)
}

fn draw(svg: &mut String, r: &Report) -> Result<(), Box<dyn Error>> {
    let root = SVGBackend::with_string(svg, (1200, 520)).into_drawing_area();
    root.fill(&WHITE)?;
    let s = &r.settings;
    let title = format!(
        "xbzrle migrate-sim: {:.0} MiB guest, {} workload, {} channel(s), link {}, cache {:.0} MiB",
        mib(s.memory_bytes),
        serde_json::to_value(s.workload)?.as_str().unwrap_or(""),
        s.channels,
        s.link,
        mib(s.cache_bytes)
    );
    let root = root.titled(&title, ("sans-serif", 18))?;
    let (left, right) = root.split_horizontally(620);
    let (upper, lower) = right.split_vertically(250);
    dirty_per_round(&left, r)?;
    let names: Vec<String> = r.methods.iter().map(|m| m.method.clone()).collect();
    let wire: Vec<f64> = r.methods.iter().map(|m| mib(m.total.wire_bytes)).collect();
    let down: Vec<f64> = r.methods.iter().map(|m| m.total.downtime_s * 1e3).collect();
    bars(&upper, "bytes on the wire (MiB)", &names, &wire)?;
    bars(&lower, "downtime (ms)", &names, &down)?;
    root.present()?;
    Ok(())
}

fn dirty_per_round<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    r: &Report,
) -> Result<(), Box<dyn Error>>
where
    DB::ErrorType: 'static,
{
    let last = r
        .methods
        .iter()
        .map(|m| m.rounds.len().saturating_sub(1))
        .max()
        .unwrap_or(1)
        .max(1);
    // a floor for the log scale: an empty final round is drawn at the bottom
    let floor = 0.01;
    let top = mib(r.settings.memory_bytes) * 2.0;
    let mut chart = ChartBuilder::on(area)
        .caption("remaining dirty memory at the start of each round", FONT)
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(64)
        .build_cartesian_2d(0usize..last, (floor..top).log_scale())?;
    chart
        .configure_mesh()
        .x_desc("round (0 = bulk, last = final, guest paused)")
        .y_desc("MiB (log scale)")
        .x_labels(last + 1)
        .label_style(FONT)
        .draw()?;
    for m in &r.methods {
        let c = colour(&m.method);
        let pts: Vec<(usize, f64)> = m
            .rounds
            .iter()
            .map(|rd| (rd.round, mib(rd.dirty_bytes).max(floor)))
            .collect();
        chart
            .draw_series(LineSeries::new(pts.clone(), c.stroke_width(2)))?
            .label(m.method.as_str())
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], c.stroke_width(2)));
        chart.draw_series(pts.into_iter().map(|p| Circle::new(p, 3, c.filled())))?;
    }
    chart
        .configure_series_labels()
        .label_font(FONT)
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK)
        .draw()?;
    Ok(())
}

fn bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    caption: &str,
    names: &[String],
    values: &[f64],
) -> Result<(), Box<dyn Error>>
where
    DB::ErrorType: 'static,
{
    let n = names.len().max(1);
    let top = values.iter().cloned().fold(0.0, f64::max).max(1e-3) * 1.2;
    let mut chart = ChartBuilder::on(area)
        .caption(caption, FONT)
        .margin(12)
        .x_label_area_size(28)
        .y_label_area_size(64)
        .build_cartesian_2d((0..n).into_segmented(), 0.0..top)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .label_style(FONT)
        .x_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => {
                names.get(*i).cloned().unwrap_or_default()
            }
            SegmentValue::Last => String::new(),
        })
        .draw()?;
    chart.draw_series(values.iter().enumerate().map(|(i, &v)| {
        let mut bar = Rectangle::new(
            [
                (SegmentValue::Exact(i), 0.0),
                (SegmentValue::Exact(i + 1), v),
            ],
            colour(&names[i]).filled(),
        );
        bar.set_margin(0, 0, 14, 14);
        bar
    }))?;
    chart.draw_series(values.iter().enumerate().map(|(i, &v)| {
        Text::new(
            format!("{v:.1}"),
            (SegmentValue::CenterOf(i), v + top * 0.02),
            FONT,
        )
    }))?;
    Ok(())
}
