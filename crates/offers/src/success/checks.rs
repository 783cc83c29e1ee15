//! The individual factors. Each function returns one [`SuccessFactor`].

use chrono::{Months, NaiveDate};
use lernweg_domain::CefrLevel;
use lernweg_planner::SessionKind;

use super::{FactorStatus, SuccessFactor, SuccessInput};
use crate::classification::{PartTimeClass, classify};
use crate::model::{MIN_JUSTIFICATION_CHARS, SupportOffer, TimeModelDef};
use crate::readability::{FLESCH_TARGET, analyze};
use crate::reason::{Reason, hours};

use FactorStatus::{Met, NotMet, Partly};

fn f(
    factor: &'static str,
    section: &'static str,
    status: FactorStatus,
    explanation: Reason,
) -> SuccessFactor {
    SuccessFactor {
        factor,
        status,
        explanation,
        section,
    }
}

fn r(code: &'static str) -> Reason {
    Reason::new(code)
}

/// A yes/no/unknown input: yes met, unknown partly, no not met; reason codes
/// `<factor>_yes`, `<factor>_unknown`, `<factor>_no`.
fn tri(
    factor: &'static str,
    section: &'static str,
    v: Option<bool>,
    codes: [&'static str; 3],
) -> SuccessFactor {
    match v {
        Some(true) => f(factor, section, Met, r(codes[0])),
        None => f(factor, section, Partly, r(codes[1])),
        Some(false) => f(factor, section, NotMet, r(codes[2])),
    }
}

pub(super) fn all(i: &SuccessInput<'_>) -> Vec<SuccessFactor> {
    vec![
        part_time(i),
        flexible_delivery(i),
        kickoff_closing(i),
        device_loans(i),
        contact_person(i),
        reachability(i),
        tri(
            "employer_involvement",
            "2.2",
            i.employer_feedback,
            [
                "employer_involvement_yes",
                "employer_involvement_unknown",
                "employer_involvement_no",
            ],
        ),
        dates_published(i),
        exam_dates(i),
        clear_end(i),
        milestones(i),
        load(i),
        release(i),
        visibility(i),
        language_prerequisite(i),
        plain_language(i),
        mentoring(i),
        language_coaching(i),
        exchange(i),
        childcare(i),
        readiness(i),
    ]
}

fn part_time(i: &SuccessInput<'_>) -> SuccessFactor {
    let computed;
    let c = match i.classification {
        Some(c) => c,
        None => {
            computed = classify(i.offer, i.plan);
            &computed
        }
    };
    let reason = r(if c.class == PartTimeClass::NotPartTime {
        "classified_not_part_time"
    } else {
        "classified_part_time"
    })
    .arg("class", c.class.code());
    let status = if c.class.is_part_time() { Met } else { NotMet };
    f("part_time_classification", "1", status, reason)
}

fn flexible_delivery(i: &SuccessInput<'_>) -> SuccessFactor {
    let digital = i.offer.delivery_modes.iter().any(|m| m.is_digital());
    if digital {
        f("flexible_delivery", "2.1", Met, r("flexible_delivery"))
    } else {
        f("flexible_delivery", "2.1", NotMet, r("presence_only"))
    }
}

fn kickoff_closing(i: &SuccessInput<'_>) -> SuccessFactor {
    let (k, c) = (i.offer.kickoff_in_presence, i.offer.closing_in_presence);
    let id = "kickoff_closing_presence";
    match (k, c) {
        (true, true) => f(id, "2.1", Met, r("kickoff_and_closing_in_presence")),
        (true, false) => f(id, "2.1", Partly, r("closing_not_in_presence")),
        (false, true) => f(id, "2.1", Partly, r("kickoff_not_in_presence")),
        (false, false) => f(id, "2.1", NotMet, r("no_kickoff_closing")),
    }
}

fn device_loans(i: &SuccessInput<'_>) -> SuccessFactor {
    let id = "device_loans";
    if !i.offer.needs_devices() {
        f(id, "2.1", Met, r("devices_not_needed"))
    } else if i.offer.support.contains(&SupportOffer::DeviceLoans) {
        f(id, "2.1", Met, r("device_loans_offered"))
    } else {
        f(id, "2.1", NotMet, r("no_device_loans"))
    }
}

/// A share of the participants: all met, some partly, none not met; reason codes
/// `<prefix>_all`, `<prefix>_some`, `<prefix>_none` with `with` and `total`.
fn share(
    factor: &'static str,
    section: &'static str,
    with: u32,
    total: u32,
    codes: [&'static str; 3],
) -> SuccessFactor {
    let (status, code) = if with >= total {
        (Met, codes[0])
    } else if with > 0 {
        (Partly, codes[1])
    } else {
        (NotMet, codes[2])
    };
    f(
        factor,
        section,
        status,
        r(code).arg("with", with).arg("total", total),
    )
}

/// Reachable outside working hours: from the participants' records (a contact person with
/// the times and channel to reach them) when there are participants, else as declared.
fn reachability(i: &SuccessInput<'_>) -> SuccessFactor {
    let id = "staff_reachable_off_hours";
    match i.participants {
        Some(p) if p.total > 0 => share(
            id,
            "2.1",
            p.reachable_recorded,
            p.total,
            ["reachable_all", "reachable_some", "reachable_none"],
        ),
        _ => tri(
            id,
            "2.1",
            i.staff_reachable_off_hours,
            [
                "staff_reachable_off_hours_yes",
                "staff_reachable_off_hours_unknown",
                "staff_reachable_off_hours_no",
            ],
        ),
    }
}

/// Counselling on the load before the start: from the readiness checks done before each
/// participant's cohort started when there are participants, else as declared.
fn readiness(i: &SuccessInput<'_>) -> SuccessFactor {
    let id = "readiness_check";
    match i.participants {
        Some(p) if p.total > 0 => share(
            id,
            "2.3",
            p.checked_before_start,
            p.total,
            ["checked_all", "checked_some", "checked_none"],
        ),
        _ => tri(
            id,
            "2.3",
            i.readiness_check,
            [
                "readiness_check_yes",
                "readiness_check_unknown",
                "readiness_check_no",
            ],
        ),
    }
}

fn contact_person(i: &SuccessInput<'_>) -> SuccessFactor {
    let id = "contact_person";
    match i.participants {
        None => f(id, "2.1", Partly, r("contact_person_unknown")),
        Some(p) if p.total == 0 => f(id, "2.1", Partly, r("no_participants_yet")),
        Some(p) if p.with_contact_person >= p.total => f(
            id,
            "2.1",
            Met,
            r("contact_person_all").arg("total", p.total),
        ),
        Some(p) if p.with_contact_person > 0 => f(
            id,
            "2.1",
            Partly,
            r("contact_person_some")
                .arg("with", p.with_contact_person)
                .arg("total", p.total),
        ),
        Some(p) => f(
            id,
            "2.1",
            NotMet,
            r("contact_person_none").arg("total", p.total),
        ),
    }
}

fn first_session(i: &SuccessInput<'_>) -> Option<NaiveDate> {
    i.plan
        .map(|p| p.sessions.first().map_or(p.start, |s| s.date))
}

fn dates_published(i: &SuccessInput<'_>) -> SuccessFactor {
    let id = "dates_published_early";
    if !i.cohorts.is_empty() {
        // Each cohort against its own start; the worst one speaks for the offer.
        return i
            .cohorts
            .iter()
            .map(|c| horizon(c.first_session, c.published_at, i.today))
            .max_by_key(|f| f.status)
            .unwrap_or_else(|| f(id, "2.2", NotMet, r("no_timetable")));
    }
    let Some(first) = first_session(i) else {
        return f(id, "2.2", NotMet, r("no_timetable"));
    };
    horizon(first, i.published_at, i.today)
}

/// Dates published twelve months before `first` are met, three months partly, later not.
fn horizon(first: NaiveDate, published_at: Option<NaiveDate>, today: NaiveDate) -> SuccessFactor {
    let id = "dates_published_early";
    let year_before = first.checked_sub_months(Months::new(12)).unwrap_or(first);
    let quarter_before = first.checked_sub_months(Months::new(3)).unwrap_or(first);
    match published_at {
        Some(p) => {
            let days = (first - p).num_days().max(0);
            let reason = |code| r(code).arg("days", days).arg("first", first);
            if p <= year_before {
                f(id, "2.2", Met, reason("published_year_ahead"))
            } else if p <= quarter_before {
                f(id, "2.2", Partly, reason("published_late"))
            } else {
                f(id, "2.2", NotMet, reason("published_too_late"))
            }
        }
        None if today <= year_before => f(
            id,
            "2.2",
            Partly,
            r("not_published_time_left").arg("until", year_before),
        ),
        None => f(id, "2.2", NotMet, r("not_published").arg("first", first)),
    }
}

fn exam_dates(i: &SuccessInput<'_>) -> SuccessFactor {
    let id = "exam_dates_in_timetable";
    let o = i.offer;
    if o.exams.is_empty() {
        return if o.goal.expects_exam() {
            f(
                id,
                "2.2",
                NotMet,
                r("no_exam_defined_expected").arg("goal", o.goal.code()),
            )
        } else {
            f(id, "2.2", Partly, r("no_exam_defined"))
        };
    }
    match i.plan {
        None => f(
            id,
            "2.2",
            Partly,
            r("exams_without_timetable").arg("count", o.exams.len()),
        ),
        Some(p) => {
            let n = p
                .sessions
                .iter()
                .filter(|s| s.kind == SessionKind::Exam)
                .count();
            if n >= o.exams.len() {
                f(id, "2.2", Met, r("exams_in_timetable").arg("count", n))
            } else {
                f(
                    id,
                    "2.2",
                    Partly,
                    r("exams_missing_in_timetable")
                        .arg("planned", n)
                        .arg("count", o.exams.len()),
                )
            }
        }
    }
}

fn clear_end(i: &SuccessInput<'_>) -> SuccessFactor {
    let id = "clear_end";
    match i.plan {
        None => f(id, "2.2", NotMet, r("no_timetable")),
        Some(p) if !p.deadline_met => f(
            id,
            "2.2",
            Partly,
            r("end_after_deadline").arg("end", p.end_date).arg(
                "deadline",
                p.deadline.map(|d| d.to_string()).unwrap_or_default(),
            ),
        ),
        Some(p) => f(
            id,
            "2.2",
            Met,
            r("clear_end").arg("end", p.end_date).arg("weeks", p.weeks),
        ),
    }
}

fn milestones(i: &SuccessInput<'_>) -> SuccessFactor {
    let id = "modules_with_milestones";
    let o = i.offer;
    let n = o.modules.len();
    let with = o
        .modules
        .iter()
        .enumerate()
        .filter(|(k, m)| m.milestone.is_some() || o.exams.iter().any(|x| x.after_module == k + 1))
        .count();
    if n >= 2 && with == n {
        f(
            id,
            "2.2",
            Met,
            r("all_modules_with_milestones").arg("count", n),
        )
    } else if n >= 2 {
        f(
            id,
            "2.2",
            Partly,
            r("some_modules_with_milestones")
                .arg("with", with)
                .arg("count", n),
        )
    } else if o.total_hours() <= 60.0 {
        f(
            id,
            "2.2",
            Partly,
            r("single_short_module").arg("hours", hours(o.total_hours())),
        )
    } else {
        f(
            id,
            "2.2",
            NotMet,
            r("single_long_module").arg("hours", hours(o.total_hours())),
        )
    }
}

/// Share of weeks over the limit up to which the peaks count as occasional (one week in
/// four, e.g. the monthly block of a block seminar).
const OCCASIONAL_PEAK_SHARE: f64 = 0.25;

fn load(i: &SuccessInput<'_>) -> SuccessFactor {
    let id = "load_within_limit";
    let Some(p) = i.plan else {
        return f(id, "2.2", Partly, r("no_timetable_load"));
    };
    let l = &p.load;
    let over = l.weeks_over_limit.len();
    let reason = |code| {
        r(code)
            .arg("peak", hours(l.peak_weekly_hours))
            .arg("limit", hours(l.limit_hours))
            .arg("weeks", over)
            .arg("assumed", if p.work_pattern_assumed { "yes" } else { "no" })
    };
    if over == 0 {
        f(id, "2.2", Met, reason("load_within_limit"))
    } else if (over as f64) <= OCCASIONAL_PEAK_SHARE * f64::from(p.weeks.max(1)) {
        f(id, "2.2", Partly, reason("load_occasional_peaks"))
    } else {
        f(id, "2.2", NotMet, reason("load_over_limit"))
    }
}

fn release(i: &SuccessInput<'_>) -> SuccessFactor {
    let id = "release_agreed";
    let Some(p) = i.plan else {
        return f(id, "2.2", Partly, r("no_timetable"));
    };
    let days = p.release_days();
    if days == 0 {
        return f(id, "2.2", Met, r("no_release_needed"));
    }
    match i.release_agreed {
        Some(true) => f(id, "2.2", Met, r("release_agreed").arg("days", days)),
        None => f(id, "2.2", Partly, r("release_unknown").arg("days", days)),
        Some(false) => f(id, "2.2", NotMet, r("release_missing").arg("days", days)),
    }
}

fn visibility(i: &SuccessInput<'_>) -> SuccessFactor {
    let id = "visible_to_advisers";
    match (i.public_page, i.portal_export) {
        (true, true) => f(id, "2.2", Met, r("public_and_portal")),
        (true, false) => f(id, "2.2", Partly, r("public_no_portal")),
        (false, true) => f(id, "2.2", Partly, r("portal_no_public")),
        (false, false) => f(id, "2.2", NotMet, r("not_visible")),
    }
}

fn language_prerequisite(i: &SuccessInput<'_>) -> SuccessFactor {
    let id = "language_prerequisite";
    let o = i.offer;
    match o.language_level {
        None => f(id, "2.3", Met, r("no_language_prerequisite")),
        Some(l) if l <= CefrLevel::B1 => f(
            id,
            "2.3",
            Met,
            r("language_prerequisite_moderate").arg("level", l),
        ),
        Some(l) => {
            let justified = o
                .language_justification
                .as_ref()
                .is_some_and(|j| j.trim().chars().count() >= MIN_JUSTIFICATION_CHARS);
            if justified {
                f(
                    id,
                    "2.3",
                    Partly,
                    r("language_prerequisite_justified").arg("level", l),
                )
            } else {
                f(
                    id,
                    "2.3",
                    NotMet,
                    r("language_prerequisite_unjustified").arg("level", l),
                )
            }
        }
    }
}

fn plain_language(i: &SuccessInput<'_>) -> SuccessFactor {
    let id = "plain_language";
    if i.offer.description.trim().is_empty() {
        return f(id, "2.3", NotMet, r("no_description"));
    }
    let rep = analyze(&i.offer.description);
    let reason = |code| {
        r(code)
            .arg("score", rep.flesch_amstad)
            .arg("long_sentences", rep.long_sentences.len())
    };
    if rep.flesch_amstad >= FLESCH_TARGET {
        f(id, "2.3", Met, reason("plain_language_ok"))
    } else if rep.flesch_amstad >= 40.0 {
        f(id, "2.3", Partly, reason("plain_language_medium"))
    } else {
        f(id, "2.3", NotMet, reason("plain_language_hard"))
    }
}

fn mentoring(i: &SuccessInput<'_>) -> SuccessFactor {
    let id = "mentoring";
    if i.offer.support.contains(&SupportOffer::Mentoring) {
        f(id, "2.3", Met, r("mentoring_offered"))
    } else {
        f(id, "2.3", NotMet, r("no_mentoring"))
    }
}

fn language_coaching(i: &SuccessInput<'_>) -> SuccessFactor {
    let id = "language_coaching";
    if i.offer.support.contains(&SupportOffer::LanguageCoaching) {
        f(id, "2.3", Met, r("language_coaching_offered"))
    } else if i.offer.goal == crate::model::Goal::LanguageSupport {
        f(id, "2.3", Met, r("language_is_content"))
    } else {
        f(id, "2.3", NotMet, r("no_language_coaching"))
    }
}

fn exchange(i: &SuccessInput<'_>) -> SuccessFactor {
    let id = "exchange_outside_work";
    let o = i.offer;
    let Some(x) = &o.exchange else {
        return if o.support.contains(&SupportOffer::ExchangeMeetings) {
            f(id, "2.3", Partly, r("exchange_not_scheduled"))
        } else {
            f(id, "2.3", NotMet, r("no_exchange"))
        };
    };
    match i.plan {
        Some(p) => {
            let count = p
                .sessions
                .iter()
                .filter(|s| s.kind == SessionKind::Exchange)
                .count();
            let in_work = p
                .release_needed
                .iter()
                .filter(|n| n.kind == SessionKind::Exchange)
                .count();
            if count == 0 {
                f(id, "2.3", Partly, r("exchange_not_scheduled"))
            } else if in_work == 0 {
                f(
                    id,
                    "2.3",
                    Met,
                    r("exchange_outside_work_time").arg("count", count),
                )
            } else if in_work < count {
                f(
                    id,
                    "2.3",
                    Partly,
                    r("exchange_partly_in_work_time")
                        .arg("in_work", in_work)
                        .arg("count", count),
                )
            } else {
                f(
                    id,
                    "2.3",
                    NotMet,
                    r("exchange_in_work_time").arg("count", count),
                )
            }
        }
        None => {
            // Nominal: against an assumed full-time week Mon–Fri 08:00–16:00.
            let s = x.slot;
            let weekday = s.weekday.num_days_from_monday() < 5;
            let overlaps = weekday && s.start.minutes() < 16 * 60 && s.end.minutes() > 8 * 60;
            if overlaps {
                f(id, "2.3", NotMet, r("exchange_slot_in_work_time"))
            } else {
                f(id, "2.3", Met, r("exchange_slot_outside_work_time"))
            }
        }
    }
}

fn childcare(i: &SuccessInput<'_>) -> SuccessFactor {
    let id = "childcare_presence";
    let presence = i.offer.has_presence_events()
        || matches!(i.offer.time_model, TimeModelDef::CompactSeminar { .. });
    if !presence {
        f(id, "2.3", Met, r("childcare_not_needed"))
    } else if i.offer.support.contains(&SupportOffer::Childcare) {
        f(id, "2.3", Met, r("childcare_offered"))
    } else {
        f(id, "2.3", NotMet, r("no_childcare"))
    }
}
