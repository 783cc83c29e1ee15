//! Progress of one participation (MISSION §2.2, a visible path): which modules are completed
//! and which milestones (Zwischenziele) are reached, derived from the attendance a trainer
//! recorded and from staff entries.
//!
//! The model follows the planner and the offer: a cohort's sessions belong to modules
//! (1-based, `PlannedSession::module`); each module has one milestone, reached at its end or
//! with the exam that closes it (`lernweg_planner::Milestone`); the offer may name it
//! (`ModuleDef::milestone`, e.g. "Modulzertifikat Fachsprache").
//!
//! Rules:
//! - A session counts once it is **held**: not cancelled and dated today or earlier. Cancelled
//!   and future sessions never count (an "excused" noted ahead of time waits for its day).
//! - Hours count for attendance for lessons, self-paced units, kick-off and closing; a
//!   module's hours are those of its lessons and self-paced units. Exams are outcomes, not
//!   attendance; exchange meetings are voluntary.
//! - The attendance rate is present hours over held hours (excused hours are shown, but are
//!   not attendance).
//! - A module is **completed** when all its sessions are held and the present hours reach the
//!   threshold ([`ProgressRules::threshold`], 80 % by default) of its held hours — or when a
//!   staff entry says so. A staff entry "not completed" overrides the attendance; among staff
//!   entries on one module the latest (by date, then as recorded) wins.
//! - A **milestone** is reached when staff confirm it, or when its module is completed and —
//!   if the module closes with an exam — the latest exam entry says passed.
//! - Staff entries dated after `today` are not counted yet.

use chrono::NaiveDate;
use lernweg_domain::SessionId;
use lernweg_planner::SessionKind;
use serde::{Deserialize, Serialize};

use crate::attendance::AttendanceStatus;

/// A session of the cohort, as the rules need it.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionFacts {
    pub id: SessionId,
    pub date: NaiveDate,
    pub hours: f64,
    /// 1-based module number; `None` for kick-off, closing and exchange meetings.
    pub module: Option<u32>,
    pub kind: SessionKind,
    pub cancelled: bool,
}

impl SessionFacts {
    /// Not cancelled and dated `today` or earlier.
    pub fn is_held(&self, today: NaiveDate) -> bool {
        !self.cancelled && self.date <= today
    }

    /// Whether its hours count for the attendance rate.
    pub fn counts_for_attendance(&self) -> bool {
        matches!(
            self.kind,
            SessionKind::Lesson
                | SessionKind::SelfPaced
                | SessionKind::Kickoff
                | SessionKind::Closing
        )
    }

    /// Whether its hours are the module's contact hours.
    fn is_module_hour(&self, module: u32) -> bool {
        self.module == Some(module)
            && matches!(self.kind, SessionKind::Lesson | SessionKind::SelfPaced)
    }
}

/// One recorded attendance of this participation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttendanceMark {
    pub session: SessionId,
    pub status: AttendanceStatus,
}

/// What a staff member decided about a module, its milestone or its exam.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    ModuleCompleted,
    ModuleNotCompleted,
    MilestoneConfirmed,
    ExamPassed,
    ExamFailed,
}

impl Decision {
    pub const ALL: [Decision; 5] = [
        Decision::ModuleCompleted,
        Decision::ModuleNotCompleted,
        Decision::MilestoneConfirmed,
        Decision::ExamPassed,
        Decision::ExamFailed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Decision::ModuleCompleted => "module_completed",
            Decision::ModuleNotCompleted => "module_not_completed",
            Decision::MilestoneConfirmed => "milestone_confirmed",
            Decision::ExamPassed => "exam_passed",
            Decision::ExamFailed => "exam_failed",
        }
    }

    pub fn parse(code: &str) -> Option<Decision> {
        let code = code.trim().to_ascii_lowercase();
        Decision::ALL.into_iter().find(|d| d.code() == code)
    }

    /// Exam decisions need an exam in the module.
    pub fn is_exam(self) -> bool {
        matches!(self, Decision::ExamPassed | Decision::ExamFailed)
    }
}

/// A staff entry on one module (the module number is also the milestone's key).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StaffEntry {
    pub module: u32,
    pub decision: Decision,
    pub on: NaiveDate,
}

/// A module of the offer: number, title and the name of its milestone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleInfo {
    pub number: u32,
    pub title: String,
    pub milestone: Option<String>,
}

/// The knobs of the rules.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProgressRules {
    /// Share of a module's held hours a participant must be present for (0–1).
    pub threshold: f64,
}

impl Default for ProgressRules {
    fn default() -> Self {
        ProgressRules { threshold: 0.8 }
    }
}

/// Hours of held sessions by what was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Hours {
    pub held: f64,
    pub present: f64,
    pub excused: f64,
    pub absent: f64,
    /// Held, but nothing recorded for this participant.
    pub unrecorded: f64,
}

impl Hours {
    /// Present hours over held hours (0–1); `None` while nothing is held.
    pub fn rate(&self) -> Option<f64> {
        (self.held > 0.0).then(|| (self.present / self.held).clamp(0.0, 1.0))
    }

    fn add(&mut self, session: &SessionFacts, mark: Option<AttendanceStatus>) {
        let h = session.hours;
        self.held += h;
        match mark {
            Some(AttendanceStatus::Present) => self.present += h,
            Some(AttendanceStatus::Excused) => self.excused += h,
            Some(AttendanceStatus::Absent) => self.absent += h,
            None => self.unrecorded += h,
        }
    }
}

/// How a module's completion came about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Completion {
    /// Not (yet) completed.
    Open,
    /// All sessions held and enough attendance.
    ByAttendance,
    /// A staff entry says completed.
    ByStaff,
    /// A staff entry says not completed, whatever the attendance.
    RefusedByStaff,
}

impl Completion {
    pub fn code(self) -> &'static str {
        match self {
            Completion::Open => "open",
            Completion::ByAttendance => "by_attendance",
            Completion::ByStaff => "by_staff",
            Completion::RefusedByStaff => "refused_by_staff",
        }
    }

    pub fn is_completed(self) -> bool {
        matches!(self, Completion::ByAttendance | Completion::ByStaff)
    }
}

/// One module of the path with its attendance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModuleProgress {
    pub number: u32,
    pub title: String,
    /// Hours of its lessons and self-paced units that are not cancelled.
    pub planned_hours: f64,
    pub hours: Hours,
    /// Every session of the module is held (none is still to come).
    pub all_held: bool,
    /// The day of its last session that is not cancelled.
    pub last_date: Option<NaiveDate>,
    pub completion: Completion,
}

impl ModuleProgress {
    pub fn completed(&self) -> bool {
        self.completion.is_completed()
    }

    pub fn rate(&self) -> Option<f64> {
        self.hours.rate()
    }
}

/// The outcome of a module's exam, as staff recorded it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExamOutcome {
    Passed,
    Failed,
}

/// The milestone of one module.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MilestoneProgress {
    pub module: u32,
    /// The offer's name for it, if it has one.
    pub title: Option<String>,
    /// The module closes with an exam that is not cancelled.
    pub with_exam: bool,
    pub exam_date: Option<NaiveDate>,
    pub exam: Option<ExamOutcome>,
    pub confirmed_by_staff: bool,
    pub reached: bool,
}

/// The progress of one participation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    pub threshold: f64,
    pub modules: Vec<ModuleProgress>,
    pub milestones: Vec<MilestoneProgress>,
    /// All held sessions whose hours count (modules, kick-off, closing).
    pub overall: Hours,
}

impl Progress {
    pub fn rate(&self) -> Option<f64> {
        self.overall.rate()
    }

    pub fn modules_completed(&self) -> usize {
        self.modules.iter().filter(|m| m.completed()).count()
    }

    pub fn milestones_reached(&self) -> usize {
        self.milestones.iter().filter(|m| m.reached).count()
    }

    /// Whether module `number` is completed.
    pub fn module_completed(&self, number: u32) -> bool {
        self.modules
            .iter()
            .any(|m| m.number == number && m.completed())
    }

    /// Whether the milestone of module `number` is reached.
    pub fn milestone_reached(&self, number: u32) -> bool {
        self.milestones
            .iter()
            .any(|m| m.module == number && m.reached)
    }
}

/// The latest of the staff decisions in `which` on `module` (entries in recorded order).
fn latest(entries: &[StaffEntry], module: u32, which: &[Decision]) -> Option<Decision> {
    let mut matching: Vec<&StaffEntry> = entries
        .iter()
        .filter(|e| e.module == module && which.contains(&e.decision))
        .collect();
    // Stable: entries of one day keep the order they were recorded in.
    matching.sort_by_key(|e| e.on);
    matching.last().map(|e| e.decision)
}

/// Derives the progress of one participation. `modules` are the offer's; modules that only
/// the sessions name are added with an empty title. `entries` are in the
/// order they were recorded.
pub fn progress(
    modules: &[ModuleInfo],
    sessions: &[SessionFacts],
    marks: &[AttendanceMark],
    entries: &[StaffEntry],
    today: NaiveDate,
    rules: ProgressRules,
) -> Progress {
    let mark_of = |s: &SessionFacts| {
        marks
            .iter()
            .rev()
            .find(|m| m.session == s.id)
            .map(|m| m.status)
    };
    let entries: Vec<StaffEntry> = entries.iter().copied().filter(|e| e.on <= today).collect();
    let mut infos: Vec<ModuleInfo> = modules.to_vec();
    for s in sessions {
        if let Some(k) = s.module
            && !infos.iter().any(|m| m.number == k)
        {
            infos.push(ModuleInfo {
                number: k,
                title: String::new(),
                milestone: None,
            });
        }
    }
    infos.sort_by_key(|m| m.number);

    let mut overall = Hours::default();
    for s in sessions
        .iter()
        .filter(|s| s.is_held(today) && s.counts_for_attendance())
    {
        overall.add(s, mark_of(s));
    }

    let mut module_rows = Vec::with_capacity(infos.len());
    let mut milestones = Vec::with_capacity(infos.len());
    for info in &infos {
        let k = info.number;
        let own: Vec<&SessionFacts> = sessions
            .iter()
            .filter(|s| s.is_module_hour(k) && !s.cancelled)
            .collect();
        let mut hours = Hours::default();
        for s in own.iter().filter(|s| s.is_held(today)) {
            hours.add(s, mark_of(s));
        }
        let all_held = !own.is_empty() && own.iter().all(|s| s.is_held(today));
        let enough = hours.held > 0.0 && hours.present + 1e-9 >= rules.threshold * hours.held;
        let completion = match latest(
            &entries,
            k,
            &[Decision::ModuleCompleted, Decision::ModuleNotCompleted],
        ) {
            Some(Decision::ModuleCompleted) => Completion::ByStaff,
            Some(_) => Completion::RefusedByStaff,
            None if all_held && enough => Completion::ByAttendance,
            None => Completion::Open,
        };
        let exams: Vec<&SessionFacts> = sessions
            .iter()
            .filter(|s| s.module == Some(k) && s.kind == SessionKind::Exam && !s.cancelled)
            .collect();
        let exam = latest(&entries, k, &[Decision::ExamPassed, Decision::ExamFailed]).map(|d| {
            if d == Decision::ExamPassed {
                ExamOutcome::Passed
            } else {
                ExamOutcome::Failed
            }
        });
        let with_exam = !exams.is_empty();
        let confirmed = entries
            .iter()
            .any(|e| e.module == k && e.decision == Decision::MilestoneConfirmed);
        let reached = confirmed
            || (completion.is_completed() && (!with_exam || exam == Some(ExamOutcome::Passed)));
        milestones.push(MilestoneProgress {
            module: k,
            title: info.milestone.clone().filter(|t| !t.trim().is_empty()),
            with_exam,
            exam_date: exams.iter().map(|s| s.date).max(),
            exam,
            confirmed_by_staff: confirmed,
            reached,
        });
        module_rows.push(ModuleProgress {
            number: k,
            title: info.title.clone(),
            planned_hours: own.iter().map(|s| s.hours).sum(),
            hours,
            all_held,
            last_date: own.iter().map(|s| s.date).max(),
            completion,
        });
    }
    Progress {
        threshold: rules.threshold,
        modules: module_rows,
        milestones,
        overall,
    }
}

/// Why a staff entry is refused: `unknown_module`, `no_exam` or `in_future`.
pub fn check_entry(
    modules: &[ModuleInfo],
    sessions: &[SessionFacts],
    entry: &StaffEntry,
    today: NaiveDate,
) -> Result<(), &'static str> {
    let known = modules.iter().any(|m| m.number == entry.module)
        || sessions.iter().any(|s| s.module == Some(entry.module));
    if !known {
        return Err("unknown_module");
    }
    if entry.decision.is_exam()
        && !sessions
            .iter()
            .any(|s| s.module == Some(entry.module) && s.kind == SessionKind::Exam && !s.cancelled)
    {
        return Err("no_exam");
    }
    if entry.on > today {
        return Err("in_future");
    }
    Ok(())
}

#[cfg(test)]
#[path = "progress_tests.rs"]
mod tests;
