//! Demo working times: a rotating three-shift plan in nursing, fixed day and early shifts,
//! a plan imported from an `.ics` file of a rostering program, and a mixed weekend plan; so
//! the participant pages show sessions in working time and the weekly load.

use anyhow::anyhow;
use chrono::NaiveDate;
use lernweg_domain::ParticipantId;
use lernweg_participants::{ShiftDraft, WorkPatternDraft, from_ics, monday_of};
use lernweg_store::{Actor, Store, WorkPatternSource};

/// A weekly shift plan as a rostering program exports it: early shifts Monday to Wednesday,
/// a late shift every other Thursday and Friday (a two-week rotation).
const ROSTER_ICS: &str = "BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Dienstplan Seniorenzentrum//DE\r
BEGIN:VEVENT\r
UID:frueh@dienstplan.example\r
DTSTART;TZID=Europe/Berlin:20260105T060000\r
DTEND;TZID=Europe/Berlin:20260105T141500\r
RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE\r
SUMMARY:Frühdienst\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:spaet@dienstplan.example\r
DTSTART;TZID=Europe/Berlin:20260108T133000\r
DTEND;TZID=Europe/Berlin:20260108T214500\r
RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH,FR\r
SUMMARY:Spätdienst\r
END:VEVENT\r
END:VCALENDAR\r
";

pub(crate) fn rows(weeks: &[(&str, &[&str], &str, &str)]) -> Vec<ShiftDraft> {
    weeks
        .iter()
        .flat_map(|(week, days, start, end)| {
            days.iter().map(move |d| ShiftDraft {
                week: (*week).to_owned(),
                weekday: (*d).to_owned(),
                start: (*start).to_owned(),
                end: (*end).to_owned(),
            })
        })
        .collect()
}

pub(crate) const WEEKDAYS: &[&str] = &["mon", "tue", "wed", "thu", "fri"];

/// Gives some of `people` (the demo participants in their order, with the start of their
/// cohort) working times.
pub async fn seed(
    store: &Store,
    actor: &Actor,
    people: &[(ParticipantId, NaiveDate)],
) -> anyhow::Result<()> {
    for (i, (id, start)) in people.iter().enumerate() {
        let monday = monday_of(*start);
        let draft = |weeks: &str, travel: &str, shifts| WorkPatternDraft {
            weeks: weeks.to_owned(),
            anchor: monday.to_string(),
            travel_minutes: travel.to_owned(),
            shifts,
        };
        let (pattern, travel, source) = match i {
            // Nursing: early, late and night weeks.
            0 => {
                let d = draft(
                    "3",
                    "35",
                    rows(&[
                        ("1", WEEKDAYS, "06:00", "14:00"),
                        ("2", WEEKDAYS, "14:00", "22:00"),
                        ("3", WEEKDAYS, "22:00", "06:00"),
                    ]),
                );
                let (p, t) = d.validate().map_err(|e| anyhow!("demo pattern: {e:?}"))?;
                (p, t, WorkPatternSource::Form)
            }
            1 | 5 => {
                let d = draft("1", "25", rows(&[("1", WEEKDAYS, "07:00", "15:30")]));
                let (p, t) = d.validate().map_err(|e| anyhow!("demo pattern: {e:?}"))?;
                (p, t, WorkPatternSource::Form)
            }
            2 => {
                let imported =
                    from_ics(ROSTER_ICS, monday).map_err(|e| anyhow!("demo ics: {e}"))?;
                (imported.pattern, 20, WorkPatternSource::Ics)
            }
            // Logistics: early shifts and every other Saturday.
            3 => {
                let d = draft(
                    "2",
                    "40",
                    rows(&[
                        ("1", WEEKDAYS, "06:00", "14:00"),
                        ("2", WEEKDAYS, "06:00", "14:00"),
                        ("2", &["sat"], "06:00", "12:00"),
                    ]),
                );
                let (p, t) = d.validate().map_err(|e| anyhow!("demo pattern: {e:?}"))?;
                (p, t, WorkPatternSource::Form)
            }
            // Part-time in a kindergarten, afternoons free.
            6 => {
                let d = draft(
                    "1",
                    "15",
                    rows(&[("1", &["mon", "tue", "wed", "thu"], "07:30", "13:30")]),
                );
                let (p, t) = d.validate().map_err(|e| anyhow!("demo pattern: {e:?}"))?;
                (p, t, WorkPatternSource::Form)
            }
            _ => continue,
        };
        store
            .set_work_pattern(actor, *id, &pattern, travel, source)
            .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;

    #[test]
    fn the_roster_file_is_a_two_week_rotation() {
        let monday = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        let imported = from_ics(ROSTER_ICS, monday).unwrap();
        assert_eq!(imported.pattern.cycle_weeks(), 2);
        assert!(imported.notes.is_empty());
        // 3 × 8:15 in both weeks, plus 2 × 8:15 in the first.
        assert_eq!(imported.pattern.weekly_hours(monday), 41.25);
        assert_eq!(
            imported.pattern.weekly_hours(monday + Duration::days(7)),
            24.75
        );
    }
}
