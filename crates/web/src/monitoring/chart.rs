//! Bar charts as server-rendered SVG (issue 17, point 1): one horizontal bar per row, shares
//! from 0 to 100 %, an optional dashed line at the set share. The same numbers are in the
//! table beside each chart; the figure is `aria-hidden` and read through the table.

use std::fmt::Write;

use crate::i18n::escape_html;

const W: f64 = 640.0;
const LABEL: f64 = 250.0;
const RIGHT: f64 = 56.0;
const ROW: f64 = 28.0;
const BAR: f64 = 18.0;
const TOP: f64 = 8.0;
const AXIS: f64 = 24.0;
/// Bars over the line are drawn in the second colour and hatched, so that they are told apart
/// without colour too (both at least 3:1 on white).
const OK: &str = "#1f5fa8";
const OVER: &str = "#b03a2e";

/// One bar: its label and its share (0–1); `None` draws no bar ("no data").
pub struct Bar {
    pub label: String,
    pub share: Option<f64>,
}

/// Labels longer than this are shortened on the chart (the table has them whole).
fn short(label: &str) -> String {
    let max = 30;
    if label.chars().count() <= max {
        label.to_owned()
    } else {
        let s: String = label.chars().take(max - 1).collect();
        format!("{s}…")
    }
}

/// The chart; empty when there are no bars. `line` marks the set share; bars above it
/// (`over_is_bad`) or below it (otherwise) are drawn as flagged.
pub fn bars(bars: &[Bar], line: Option<f64>, over_is_bad: bool) -> String {
    if bars.is_empty() {
        return String::new();
    }
    let h = TOP + ROW * bars.len() as f64 + AXIS;
    let plot = W - LABEL - RIGHT;
    let x = |share: f64| LABEL + plot * share.clamp(0.0, 1.0);
    let mut svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {h}" class="bar-chart" aria-hidden="true" focusable="false" preserveAspectRatio="xMinYMin meet"><defs><pattern id="over" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="{OVER}"/><line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2"/></pattern></defs>"##
    );
    for tick in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let tx = x(tick);
        let _ = write!(
            svg,
            r##"<line x1="{tx}" y1="{TOP}" x2="{tx}" y2="{}" stroke="#ccc"/><text x="{tx}" y="{}" font-size="12" text-anchor="middle" fill="#333">{} %</text>"##,
            h - AXIS,
            h - 8.0,
            (tick * 100.0) as i64
        );
    }
    for (i, b) in bars.iter().enumerate() {
        let y = TOP + ROW * i as f64;
        let _ = write!(
            svg,
            r##"<text x="{}" y="{}" font-size="12" text-anchor="end" fill="#111">{}</text>"##,
            LABEL - 8.0,
            y + BAR - 4.0,
            escape_html(&short(&b.label))
        );
        let Some(share) = b.share else {
            let _ = write!(
                svg,
                r##"<text x="{}" y="{}" font-size="12" fill="#555">–</text>"##,
                LABEL + 4.0,
                y + BAR - 4.0
            );
            continue;
        };
        let flagged = line.is_some_and(|l| if over_is_bad { share > l } else { share < l });
        let fill = if flagged { "url(#over)" } else { OK };
        let _ = write!(
            svg,
            r##"<rect x="{LABEL}" y="{y}" width="{}" height="{BAR}" fill="{fill}"/><text x="{}" y="{}" font-size="12" fill="#111">{} %</text>"##,
            (x(share) - LABEL).max(1.0),
            x(share) + 4.0,
            y + BAR - 4.0,
            (share * 100.0).round() as i64
        );
    }
    if let Some(l) = line {
        let lx = x(l);
        let _ = write!(
            svg,
            r##"<line x1="{lx}" y1="{}" x2="{lx}" y2="{}" stroke="#111" stroke-width="2" stroke-dasharray="5 3"/>"##,
            TOP - 4.0,
            h - AXIS + 2.0
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_over_the_line_are_flagged_and_labels_escaped() {
        let svg = bars(
            &[
                Bar {
                    label: "Pflege <Abend>".into(),
                    share: Some(0.42),
                },
                Bar {
                    label: "IT".into(),
                    share: Some(0.05),
                },
                Bar {
                    label: "Leer".into(),
                    share: None,
                },
            ],
            Some(0.2),
            true,
        );
        assert!(svg.contains("Pflege &lt;Abend&gt;"));
        assert_eq!(svg.matches("url(#over)").count(), 1, "{svg}");
        assert!(svg.contains(">42 %</text>") && svg.contains(">5 %</text>"));
        assert!(svg.contains("aria-hidden=\"true\""));
        assert!(svg.contains("stroke-dasharray=\"5 3\""), "the set share");
        assert!(bars(&[], None, true).is_empty());
        // Attendance: below the line is what is flagged.
        let low = bars(
            &[Bar {
                label: "A".into(),
                share: Some(0.7),
            }],
            Some(0.8),
            false,
        );
        assert!(low.contains("url(#over)\""));
    }
}
