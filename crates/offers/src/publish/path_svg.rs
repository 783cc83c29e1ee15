//! The visible path (MISSION.md §2.2: "a clearly defined end and a visible path"): an
//! accessible inline SVG timeline of a participant's or cohort's way through the modules,
//! and the same content as an HTML list for screen readers and pages without SVG.
//!
//! Layout: one row per event, top to bottom in date order (kick-off, modules, exams,
//! closing, end). Each row has its text *above* a full-width time track on which the module
//! is a bar and the exam a diamond, so the text never competes with the bars for width.
//! The viewBox is 400 units wide with text at 16–18 units: scaled to a 375 px phone
//! (about 340 px of content) that is 14–15 px, at a desktop cap of 30rem about 19–22 px
//! (a horizontal 800-unit chart would shrink 14-unit text to 6 px on a phone). Long titles
//! wrap. No `style` attribute and no `<style>` element (the CSP forbids inline styles):
//! presentation attributes plus `lw-path-*` classes the stylesheet may refine. Colours
//! reach at least 4.5:1 against the white background.

use chrono::{Duration, NaiveDate};
use lernweg_planner::{Plan, SessionKind};

use super::{date_de, escape_xml, hours_text};
use crate::model::Offer;

/// A module on the path.
#[derive(Debug, Clone, PartialEq)]
pub struct PathModule {
    pub number: u32,
    pub title: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub hours: f64,
    /// The intermediate goal reached at the module's end.
    pub milestone: Option<String>,
}

/// An exam on the path.
#[derive(Debug, Clone, PartialEq)]
pub struct PathExam {
    pub date: NaiveDate,
    pub title: String,
    pub module: Option<u32>,
}

/// Everything the timeline shows.
#[derive(Debug, Clone, PartialEq)]
pub struct PathInput {
    /// Prefix of the element ids (`<id>-title`, `<id>-desc`); unique on the page.
    pub id: String,
    pub title: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Drawn as a vertical line when between start and end; listed in any case.
    pub today: Option<NaiveDate>,
    pub kickoff: Option<NaiveDate>,
    pub closing: Option<NaiveDate>,
    pub modules: Vec<PathModule>,
    pub exams: Vec<PathExam>,
}

impl PathInput {
    /// From a plan: each module from its first to its last lesson or self-paced unit with
    /// their hours; exams, kick-off and closing from their sessions; the end is the plan's.
    /// `module_titles[k]` and `milestones[k]` belong to module `k + 1` (missing titles fall
    /// back to the session titles).
    pub fn from_plan(
        title: &str,
        plan: &Plan,
        module_titles: &[String],
        milestones: &[Option<String>],
    ) -> PathInput {
        let count = plan
            .sessions
            .iter()
            .filter_map(|s| s.module)
            .max()
            .unwrap_or(0)
            .max(module_titles.len());
        let modules = (1..=count)
            .filter_map(|k| {
                let lessons: Vec<_> = plan
                    .sessions
                    .iter()
                    .filter(|s| {
                        s.module == Some(k)
                            && matches!(s.kind, SessionKind::Lesson | SessionKind::SelfPaced)
                    })
                    .collect();
                let first = lessons.first()?;
                Some(PathModule {
                    number: k as u32,
                    title: module_titles
                        .get(k - 1)
                        .cloned()
                        .unwrap_or_else(|| first.title.clone()),
                    start: lessons.iter().map(|s| s.date).min()?,
                    end: lessons.iter().map(|s| s.date).max()?,
                    hours: lessons.iter().map(|s| s.hours).sum(),
                    milestone: milestones.get(k - 1).cloned().flatten(),
                })
            })
            .collect();
        let dates = |kind| plan.sessions.iter().filter(move |s| s.kind == kind);
        PathInput {
            id: "lw-path".into(),
            title: title.to_owned(),
            start: plan.sessions.first().map_or(plan.start, |s| s.date),
            end: plan.end_date,
            today: None,
            kickoff: dates(SessionKind::Kickoff).map(|s| s.date).next(),
            closing: dates(SessionKind::Closing).map(|s| s.date).next_back(),
            modules,
            exams: dates(SessionKind::Exam)
                .map(|s| PathExam {
                    date: s.date,
                    title: s.title.clone(),
                    module: s.module.map(|m| m as u32),
                })
                .collect(),
        }
    }

    /// [`from_plan`](Self::from_plan) with the offer's title, module titles and milestones.
    pub fn from_offer_plan(offer: &Offer, plan: &Plan) -> PathInput {
        let titles: Vec<String> = offer.modules.iter().map(|m| m.title.clone()).collect();
        let goals: Vec<Option<String>> =
            offer.modules.iter().map(|m| m.milestone.clone()).collect();
        PathInput::from_plan(&offer.title, plan, &titles, &goals)
    }
}

/// What a row of the path is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PathRowKind {
    Kickoff,
    Module,
    Today,
    Exam,
    Closing,
    End,
}

impl PathRowKind {
    /// For CSS classes: `lw-path-<code>`.
    pub fn code(self) -> &'static str {
        match self {
            PathRowKind::Kickoff => "kickoff",
            PathRowKind::Module => "module",
            PathRowKind::Today => "today",
            PathRowKind::Exam => "exam",
            PathRowKind::Closing => "closing",
            PathRowKind::End => "end",
        }
    }
}

/// One entry of the path, shared by the SVG, the HTML list and the text.
#[derive(Debug, Clone, PartialEq)]
pub struct PathRow {
    pub kind: PathRowKind,
    pub from: NaiveDate,
    /// Last day, for modules.
    pub to: Option<NaiveDate>,
    /// "Modul 1: Fachsprache", "Prüfung: Abschlussprüfung", "Ende".
    pub heading: String,
    /// "30 Std." for modules.
    pub extra: Option<String>,
    /// "Zwischenziel: Modulzertifikat".
    pub note: Option<String>,
    /// The offer's own words in `heading` and `note` (a module's or exam's title, a goal),
    /// which the HTML list isolates (`<bdi>`) so that they keep their order inside
    /// right-to-left text.
    pub names: Vec<String>,
}

impl PathRow {
    /// "12.01.2027 – 23.03.2027 · 30 Std."
    pub fn detail(&self) -> String {
        let mut s = date_de(self.from);
        if let Some(to) = self.to {
            s.push_str(&format!(" – {}", date_de(to)));
        }
        if let Some(e) = &self.extra {
            s.push_str(&format!(" · {e}"));
        }
        s
    }
}

/// The rows in date order (kick-off, module, today, exam, closing, end on the same day).
pub fn path_rows(input: &PathInput, label: &dyn Fn(&str) -> String) -> Vec<PathRow> {
    let row = |kind, from, heading: String| PathRow {
        kind,
        from,
        to: None,
        heading,
        extra: None,
        note: None,
        names: Vec::new(),
    };
    let mut rows = Vec::new();
    if let Some(d) = input.kickoff {
        rows.push(row(PathRowKind::Kickoff, d, label("publish-path-kickoff")));
    }
    let sep = label("publish-decimal-separator");
    for m in &input.modules {
        rows.push(PathRow {
            to: Some(m.end),
            extra: (m.hours > 0.0).then(|| {
                format!(
                    "{} {}",
                    hours_text(m.hours, &sep),
                    label("publish-path-hours")
                )
            }),
            note: m
                .milestone
                .as_ref()
                .filter(|g| !g.trim().is_empty())
                .map(|g| format!("{}: {}", label("publish-path-milestone"), g.trim())),
            names: std::iter::once(m.title.clone())
                .chain(m.milestone.iter().map(|g| g.trim().to_owned()))
                .filter(|n| !n.is_empty())
                .collect(),
            ..row(
                PathRowKind::Module,
                m.start,
                format!("{} {}: {}", label("publish-path-module"), m.number, m.title),
            )
        });
    }
    for e in &input.exams {
        let heading = format!("{}: {}", label("publish-path-exam"), e.title);
        rows.push(PathRow {
            names: vec![e.title.clone()],
            ..row(PathRowKind::Exam, e.date, heading)
        });
    }
    if let Some(d) = input.closing {
        rows.push(row(PathRowKind::Closing, d, label("publish-path-closing")));
    }
    if let Some(d) = input.today {
        rows.push(row(PathRowKind::Today, d, label("publish-path-today")));
    }
    rows.push(row(PathRowKind::End, input.end, label("publish-path-end")));
    rows.sort_by_key(|r| (r.from, r.kind));
    rows
}

/// The path as an HTML ordered list (`<ol class="lw-path-list">`) with `<time>` elements:
/// the text alternative to place next to the SVG.
pub fn path_list(input: &PathInput, label: &dyn Fn(&str) -> String) -> String {
    let time = |d: NaiveDate| format!("<time datetime=\"{d}\">{}</time>", date_de(d));
    let mut out = String::from("<ol class=\"lw-path-list\">\n");
    for r in path_rows(input, label) {
        let mut dates = time(r.from);
        if let Some(to) = r.to {
            dates.push_str(&format!(" – {}", time(to)));
        }
        out.push_str(&format!(
            "<li class=\"lw-path-item lw-path-item-{}\"><strong>{}</strong> {dates}",
            r.kind.code(),
            isolated(&r.heading, &r.names)
        ));
        for s in r.extra.iter().chain(r.note.iter()) {
            out.push_str(&format!(" · {}", isolated(s, &r.names)));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
    out
}

/// `text` escaped, with the first of `names` it ends with inside `<bdi>`.
fn isolated(text: &str, names: &[String]) -> String {
    match names.iter().find(|n| text.ends_with(n.as_str())) {
        Some(n) => format!(
            "{}<bdi>{}</bdi>",
            escape_xml(&text[..text.len() - n.len()]),
            escape_xml(n)
        ),
        None => escape_xml(text),
    }
}

/// The path as plain text, one line per row.
pub fn path_text(input: &PathInput, label: &dyn Fn(&str) -> String) -> String {
    path_rows(input, label)
        .iter()
        .map(|r| {
            let mut line = format!("{}: {}", r.detail(), r.heading);
            if let Some(n) = &r.note {
                line.push_str(&format!(" ({n})"));
            }
            line + "\n"
        })
        .collect()
}

/// Width of the viewBox.
pub const WIDTH: f64 = 400.0;
const PAD: f64 = 12.0;
const X0: f64 = 22.0;
const X1: f64 = WIDTH - 22.0;
const FS_HEAD: f64 = 18.0;
const FS_TEXT: f64 = 16.0;
const TRACK: f64 = 26.0;
const GAP: f64 = 14.0;

/// Colours (contrast against white ≥ 4.5:1, checked in the tests).
pub const INK: &str = "#1a1a1a";
pub const MUTED: &str = "#4a4a4a";
pub const GUIDE: &str = "#767676";
pub const BAR: &str = "#1f5aa6";
pub const GOAL: &str = "#1e6b34";
pub const EXAM: &str = "#b3261e";
pub const TODAY: &str = "#6a1b9a";

/// Wraps at word boundaries to lines of at most `max` characters (longer words are cut).
fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_owned();
        while word.chars().count() > max {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let head: String = word.chars().take(max).collect();
            word = word.chars().skip(max).collect();
            lines.push(head);
        }
        if line.is_empty() {
            line = word;
        } else if line.chars().count() + 1 + word.chars().count() <= max {
            line.push(' ');
            line.push_str(&word);
        } else {
            lines.push(std::mem::replace(&mut line, word));
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Characters that fit the width at a font size (average glyph ≈ 0.6 em, on the safe side).
fn chars_for(font_size: f64) -> usize {
    ((WIDTH - 2.0 * PAD) / (font_size * 0.6)) as usize
}

fn safe_id(id: &str) -> String {
    let s: String = id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    if s.starts_with(|c: char| c.is_ascii_alphabetic()) {
        s
    } else {
        format!("lw-path{s}")
    }
}

struct Font {
    size: f64,
    fill: &'static str,
    class: &'static str,
    bold: bool,
}

const HEAD: Font = Font {
    size: FS_HEAD,
    fill: INK,
    class: "lw-path-heading",
    bold: true,
};
const EVENT: Font = Font {
    size: FS_TEXT,
    fill: INK,
    class: "lw-path-heading",
    bold: false,
};
const EXAM_HEAD: Font = Font {
    size: FS_TEXT,
    fill: EXAM,
    class: "lw-path-heading",
    bold: true,
};
const DETAIL: Font = Font {
    size: FS_TEXT,
    fill: MUTED,
    class: "lw-path-detail",
    bold: false,
};
const NOTE: Font = Font {
    size: FS_TEXT,
    fill: GOAL,
    class: "lw-path-note",
    bold: false,
};
const TODAY_LABEL: Font = Font {
    size: FS_TEXT,
    fill: TODAY,
    class: "lw-path-today-label",
    bold: true,
};

/// A white outline behind text, so the "today" line never runs through letters.
const HALO: &str =
    "stroke=\"#ffffff\" stroke-width=\"4\" stroke-linejoin=\"round\" paint-order=\"stroke\"";

struct Svg {
    body: String,
    y: f64,
}

impl Svg {
    /// One line of text at `x` on the baseline of the next line; advances `y`.
    fn line(&mut self, x: f64, anchor: &str, f: &Font, t: &str) {
        self.y += f.size * 1.3;
        let baseline = self.y - f.size * 0.3;
        self.text_at(x, baseline, anchor, f, t);
    }

    fn text_at(&mut self, x: f64, y: f64, anchor: &str, f: &Font, t: &str) {
        let weight = if f.bold { " font-weight=\"bold\"" } else { "" };
        self.body.push_str(&format!(
            "<text class=\"{}\" x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"{anchor}\" font-size=\"{}\" fill=\"{}\"{weight} {HALO}>{}</text>\n",
            f.class,
            f.size,
            f.fill,
            escape_xml(t)
        ));
    }
}

/// The timeline as an inline SVG element (`role="img"`, `<title>` and `<desc>` referenced by
/// `aria-labelledby`). Give it `width: 100%` (and a `max-width` of about 30rem) in CSS and
/// put [`path_list`] next to it.
pub fn path_svg(input: &PathInput, label: &dyn Fn(&str) -> String) -> String {
    let rows = path_rows(input, label);
    let id = safe_id(&input.id);
    let total = ((input.end - input.start).num_days() + 1).max(1) as f64;
    let x = |d: NaiveDate| {
        let days = (d - input.start).num_days() as f64;
        (X0 + days / total * (X1 - X0)).clamp(X0, X1)
    };
    let mut s = Svg {
        body: String::new(),
        y: PAD,
    };
    // Axis: start and end date over a line with end ticks.
    let axis = Font {
        class: "lw-path-axis-label",
        ..DETAIL
    };
    s.line(X0 - 10.0, "start", &axis, &date_de(input.start));
    let baseline = s.y - FS_TEXT * 0.3;
    s.text_at(X1 + 10.0, baseline, "end", &axis, &date_de(input.end));
    s.y += 10.0;
    let axis_y = s.y;
    s.body.push_str(&format!(
        "<path class=\"lw-path-axis\" d=\"M{X0} {axis_y}H{X1}M{X0} {:.1}v12M{X1} {:.1}v12\" stroke=\"{MUTED}\" stroke-width=\"2\" fill=\"none\"/>\n",
        axis_y - 6.0,
        axis_y - 6.0
    ));
    s.y += GAP;
    for r in rows.iter().filter(|r| r.kind != PathRowKind::Today) {
        let head = match r.kind {
            PathRowKind::Module | PathRowKind::End => &HEAD,
            PathRowKind::Exam => &EXAM_HEAD,
            _ => &EVENT,
        };
        s.body.push_str(&format!(
            "<g class=\"lw-path-row lw-path-{}\">\n",
            r.kind.code()
        ));
        for line in wrap(&r.heading, chars_for(head.size)) {
            s.line(PAD, "start", head, &line);
        }
        for line in wrap(&r.detail(), chars_for(FS_TEXT)) {
            s.line(PAD, "start", &DETAIL, &line);
        }
        if let Some(n) = &r.note {
            for line in wrap(n, chars_for(FS_TEXT)) {
                s.line(PAD, "start", &NOTE, &line);
            }
        }
        let mid = s.y + TRACK / 2.0;
        s.body.push_str(&format!(
            "<line class=\"lw-path-guide\" x1=\"{X0}\" y1=\"{mid:.1}\" x2=\"{X1}\" y2=\"{mid:.1}\" stroke=\"{GUIDE}\" stroke-width=\"1\"/>\n"
        ));
        let cx = x(r.from);
        match r.kind {
            PathRowKind::Module => {
                let end = x(r.to.unwrap_or(r.from) + Duration::days(1));
                let w = (end - cx).max(4.0);
                s.body.push_str(&format!(
                    "<rect class=\"lw-path-bar\" x=\"{cx:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"14\" rx=\"3\" fill=\"{BAR}\"/>\n",
                    mid - 7.0
                ));
                if r.note.is_some() {
                    s.body.push_str(&format!(
                        "<circle class=\"lw-path-milestone\" cx=\"{:.1}\" cy=\"{mid:.1}\" r=\"8\" fill=\"{GOAL}\" stroke=\"#ffffff\" stroke-width=\"2\"/>\n",
                        cx + w
                    ));
                }
            }
            PathRowKind::Exam => s.body.push_str(&format!(
                "<polygon class=\"lw-path-exam-marker\" points=\"{cx:.1},{:.1} {:.1},{mid:.1} {cx:.1},{:.1} {:.1},{mid:.1}\" fill=\"{EXAM}\"/>\n",
                mid - 10.0,
                cx + 10.0,
                mid + 10.0,
                cx - 10.0
            )),
            PathRowKind::End => s.body.push_str(&format!(
                "<path class=\"lw-path-end-marker\" d=\"M{cx:.1} {:.1}v22M{cx:.1} {:.1}h-16l5 6-5 6h16z\" stroke=\"{INK}\" stroke-width=\"2\" fill=\"{INK}\"/>\n",
                mid - 11.0,
                mid - 11.0
            )),
            _ => s.body.push_str(&format!(
                "<circle class=\"lw-path-event-marker\" cx=\"{cx:.1}\" cy=\"{mid:.1}\" r=\"7\" fill=\"#ffffff\" stroke=\"{INK}\" stroke-width=\"3\"/>\n"
            )),
        }
        s.body.push_str("</g>\n");
        s.y += TRACK + GAP;
    }
    // Today: a dashed line behind all rows, labelled below them.
    let mut today_line = String::new();
    if let Some(t) = input.today.filter(|t| input.start <= *t && *t <= input.end) {
        let tx = x(t);
        let bottom = s.y - GAP;
        today_line = format!(
            "<line class=\"lw-path-today\" x1=\"{tx:.1}\" y1=\"{:.1}\" x2=\"{tx:.1}\" y2=\"{bottom:.1}\" stroke=\"{TODAY}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n",
            axis_y - 6.0
        );
        let anchor = if tx < WIDTH / 3.0 {
            "start"
        } else if tx > WIDTH * 2.0 / 3.0 {
            "end"
        } else {
            "middle"
        };
        let text = format!("{}: {}", label("publish-path-today"), date_de(t));
        s.line(tx, anchor, &TODAY_LABEL, &text);
        s.y += GAP;
    }
    let height = (s.y + PAD).ceil();
    let desc = format!(
        "{}: {}. {}: {}. {}: {}. {}: {}.",
        label("publish-path-start"),
        date_de(input.start),
        label("publish-path-end"),
        date_de(input.end),
        label("publish-path-modules"),
        input.modules.len(),
        label("publish-path-exams"),
        input.exams.len()
    );
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"lw-path\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\">\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n<rect class=\"lw-path-bg\" x=\"0\" y=\"0\" width=\"{WIDTH}\" height=\"{height}\" fill=\"#ffffff\"/>\n{today_line}{}</svg>\n",
        escape_xml(&input.title),
        escape_xml(&desc),
        s.body
    )
}
