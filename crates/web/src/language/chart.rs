//! Levels over time as a server-rendered SVG (issue 16, point 2): one line per skill over the
//! dates of its assessments, the CEFR levels as bands (A1 at the bottom, C2 at the top, a
//! sub-level in the lower or upper half of its band), self-assessments as hollow rings beside
//! the lines. The same numbers are the page's table; the figure is `aria-hidden` and
//! decorative for screen readers, which read the table.

use std::fmt::Write;

use chrono::NaiveDate;
use lernweg_participants::language_assessment::{AssessedLevel, Assessment, Skill, Source};

use crate::i18n::escape_html;

const W: f64 = 640.0;
const H: f64 = 320.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 84.0;
/// Legend entries per row.
const LEGEND_COLUMNS: usize = 3;

/// Colours with at least 3:1 contrast on white, and a dash pattern each, so that lines are
/// told apart without colour too.
const STYLES: [(&str, &str); 6] = [
    ("#1f5fa8", ""),
    ("#b03a2e", "6 3"),
    ("#1d7a46", "2 3"),
    ("#7a4a9c", "8 3 2 3"),
    ("#8a5a00", "4 4"),
    ("#2f4f4f", "1 2"),
];

/// The height of a level on the chart, in bands: A1 is band 0; `B1` sits in the middle of its
/// band, `B1.1` in the lower and `B1.2` in the upper half.
pub fn band(level: AssessedLevel) -> f64 {
    let index = lernweg_domain::CefrLevel::ALL
        .iter()
        .position(|l| *l == level.level)
        .unwrap_or(0) as f64;
    index
        + match level.sub {
            Some(1) => 0.25,
            Some(_) => 0.75,
            None => 0.5,
        }
}

/// The chart of `all` (any order), with the skills' names from `name`; empty when there is
/// nothing to draw.
pub fn svg(
    all: &[Assessment],
    name: impl Fn(Skill) -> String,
    date: impl Fn(NaiveDate) -> String,
) -> String {
    if all.is_empty() {
        return String::new();
    }
    let first = all.iter().map(|a| a.assessed_on).min().unwrap_or_default();
    let last = all.iter().map(|a| a.assessed_on).max().unwrap_or_default();
    let span = (last - first).num_days().max(1) as f64;
    let x = |d: NaiveDate| {
        if first == last {
            LEFT + (W - LEFT - RIGHT) / 2.0
        } else {
            LEFT + (d - first).num_days() as f64 / span * (W - LEFT - RIGHT)
        }
    };
    let plot_h = H - TOP - BOTTOM;
    let y = |l: AssessedLevel| TOP + plot_h - band(l) / 6.0 * plot_h;
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="100%" class="level-chart" aria-hidden="true" focusable="false">"#
    );
    for (i, level) in lernweg_domain::CefrLevel::ALL.iter().enumerate() {
        let top = TOP + plot_h - (i as f64 + 1.0) / 6.0 * plot_h;
        let fill = if i % 2 == 0 { "#f2f4f7" } else { "#ffffff" };
        let _ = write!(
            out,
            r##"<rect x="{LEFT}" y="{top:.1}" width="{:.1}" height="{:.1}" fill="{fill}"/><text x="{:.1}" y="{:.1}" font-size="12" text-anchor="end" fill="#222">{}</text>"##,
            W - LEFT - RIGHT,
            plot_h / 6.0,
            LEFT - 6.0,
            top + plot_h / 12.0 + 4.0,
            level.as_str()
        );
    }
    let _ = write!(
        out,
        r##"<text x="{LEFT}" y="{:.1}" font-size="12" fill="#222">{}</text><text x="{:.1}" y="{:.1}" font-size="12" text-anchor="end" fill="#222">{}</text>"##,
        H - BOTTOM + 16.0,
        escape_html(&date(first)),
        W - RIGHT,
        H - BOTTOM + 16.0,
        escape_html(&date(last))
    );
    let mut shown = 0usize;
    for (i, skill) in Skill::ALL.iter().enumerate() {
        let (colour, dash) = STYLES[i % STYLES.len()];
        let mut points: Vec<(f64, f64)> = all
            .iter()
            .filter(|a| a.skill == *skill && a.source != Source::SelfAssessment)
            .map(|a| (x(a.assessed_on), y(a.level)))
            .collect();
        points.sort_by(|a, b| a.0.total_cmp(&b.0));
        let own: Vec<(f64, f64)> = all
            .iter()
            .filter(|a| a.skill == *skill && a.source == Source::SelfAssessment)
            .map(|a| (x(a.assessed_on), y(a.level)))
            .collect();
        if points.is_empty() && own.is_empty() {
            continue;
        }
        if points.len() > 1 {
            let path: Vec<String> = points
                .iter()
                .map(|(px, py)| format!("{px:.1},{py:.1}"))
                .collect();
            let _ = write!(
                out,
                r#"<polyline points="{}" fill="none" stroke="{colour}" stroke-width="2.5" stroke-dasharray="{dash}"/>"#,
                path.join(" ")
            );
        }
        for (px, py) in &points {
            let _ = write!(
                out,
                r#"<circle cx="{px:.1}" cy="{py:.1}" r="4" fill="{colour}"/>"#
            );
        }
        for (px, py) in &own {
            let _ = write!(
                out,
                r#"<circle cx="{:.1}" cy="{py:.1}" r="5" fill="none" stroke="{colour}" stroke-width="2"/>"#,
                px + 6.0
            );
        }
        let label = escape_html(&name(*skill));
        let column_w = (W - LEFT - RIGHT) / LEGEND_COLUMNS as f64;
        let lx = LEFT + (shown % LEGEND_COLUMNS) as f64 * column_w;
        let ly = H - BOTTOM + 36.0 + (shown / LEGEND_COLUMNS) as f64 * 20.0;
        let _ = write!(
            out,
            r##"<line x1="{lx:.1}" y1="{ly:.1}" x2="{:.1}" y2="{ly:.1}" stroke="{colour}" stroke-width="2.5" stroke-dasharray="{dash}"/><text x="{:.1}" y="{:.1}" font-size="11" fill="#222">{label}</text>"##,
            lx + 18.0,
            lx + 22.0,
            ly + 4.0,
        );
        shown += 1;
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use lernweg_participants::language_assessment::RawAssessment;

    fn a(skill: &str, level: &str, source: &str, on: &str) -> Assessment {
        RawAssessment {
            skill: skill.into(),
            level: level.into(),
            source: source.into(),
            assessed_on: on.into(),
            ..RawAssessment::default()
        }
        .parse("2026-12-04".parse().unwrap())
        .unwrap()
    }

    #[test]
    fn one_line_per_skill_and_rings_for_self_assessments() {
        let all = [
            a("reading", "A2.2", "placement_test", "2026-03-01"),
            a("reading", "B1.1", "trainer", "2026-09-15"),
            a("reading", "B2", "self_assessment", "2026-11-01"),
            a("writing", "A2", "trainer", "2026-09-15"),
        ];
        let out = svg(&all, |s| format!("<{}>", s.code()), |d| d.to_string());
        assert!(out.starts_with("<svg") && out.ends_with("</svg>"));
        assert_eq!(
            out.matches("<polyline").count(),
            1,
            "reading has two points"
        );
        assert_eq!(
            out.matches("fill=\"none\" stroke=").count(),
            2,
            "one line, one ring"
        );
        assert!(out.contains("&lt;reading&gt;"), "names are escaped");
        assert!(out.contains(">2026-03-01<") && out.contains(">2026-11-01<"));
        assert!(
            band(AssessedLevel::parse("B1.2").unwrap()) > band(AssessedLevel::parse("B1").unwrap())
        );
        assert_eq!(svg(&[], |s| s.code().into(), |d| d.to_string()), "");
    }
}
