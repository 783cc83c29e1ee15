//! Property tests of the `.ics` shift-plan import: a generated weekly pattern (fixed or a
//! rotation), written as iCalendar events with `RRULE:FREQ=WEEKLY` in Europe/Berlin or in
//! UTC, imports back to the same rows; any input, garbled or not, gives a pattern or an error
//! with a known code, never a panic.

use chrono::{Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Europe::Berlin;
use lernweg_participants::ics::{ICS_ERROR_CODES, ICS_NOTE_CODES};
use lernweg_participants::{Shift, WEEKDAYS, WorkPattern, from_ics};
use lernweg_planner::model::ClockTime;
use proptest::prelude::*;

const BYDAY: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// A shift: weekday, start and length in minutes (5-minute steps, up to 23:55 h).
fn shift() -> impl Strategy<Value = (usize, u16, u16)> {
    (0usize..7, 0u16..288, 1u16..288).prop_map(|(w, s, len)| (w, s * 5, len * 5))
}

fn to_shift((w, start, len): (usize, u16, u16)) -> Shift {
    let t = |m: u16| ClockTime::from_minutes(m % (24 * 60)).unwrap();
    Shift::new(WEEKDAYS[w], t(start), t(start + len)).unwrap()
}

/// One VEVENT for the shifts of `week` (0-based) of the cycle that share start and length,
/// on their weekdays (`BYDAY`), every `cycle` weeks from `monday`. `None` when the start does
/// not exist on Berlin's clock (the hour skipped in spring) and must be written in UTC.
fn vevent(
    monday: NaiveDate,
    week: usize,
    cycle: usize,
    days: &[usize],
    (start, len): (u16, u16),
    utc: bool,
) -> Option<String> {
    let first_day = days.iter().min()?;
    let date = monday + Duration::days((week * 7 + first_day) as i64);
    let local = date.and_hms_opt(u32::from(start / 60), u32::from(start % 60), 0)?;
    let end = local + Duration::minutes(i64::from(len));
    let byday: Vec<&str> = days.iter().map(|d| BYDAY[*d]).collect();
    let interval = if cycle > 1 {
        format!(";INTERVAL={cycle}")
    } else {
        String::new()
    };
    let fmt = |t: NaiveDateTime| t.format("%Y%m%dT%H%M%S").to_string();
    let (dtstart, dtend) = if utc {
        // Both ends through Berlin's clock to UTC; the import turns them back.
        let to_utc = |t: NaiveDateTime| {
            let berlin = Berlin.from_local_datetime(&t).earliest()?;
            Some(format!("{}Z", fmt(berlin.with_timezone(&Utc).naive_utc())))
        };
        (
            format!("DTSTART:{}", to_utc(local)?),
            format!("DTEND:{}", to_utc(end)?),
        )
    } else {
        (
            format!("DTSTART;TZID=Europe/Berlin:{}", fmt(local)),
            format!("DTEND;TZID=Europe/Berlin:{}", fmt(end)),
        )
    };
    Some(format!(
        "BEGIN:VEVENT\r\nUID:{week}-{start}-{len}@test\r\n{dtstart}\r\n{dtend}\r\n\
         RRULE:FREQ=WEEKLY{interval};BYDAY={}\r\nSUMMARY:Schicht\r\nEND:VEVENT\r\n",
        byday.join(",")
    ))
}

/// The calendar of a cycle of weeks of shifts, starting on `monday`.
fn calendar(monday: NaiveDate, weeks: &[Vec<(usize, u16, u16)>], utc: bool) -> Option<String> {
    let mut events = String::new();
    for (k, week) in weeks.iter().enumerate() {
        // Shifts with the same start and length share one event with several BYDAY days.
        let mut groups: Vec<((u16, u16), Vec<usize>)> = Vec::new();
        for (w, s, len) in week {
            match groups.iter_mut().find(|(key, _)| *key == (*s, *len)) {
                Some((_, days)) if !days.contains(w) => days.push(*w),
                Some(_) => {}
                None => groups.push(((*s, *len), vec![*w])),
            }
        }
        for (key, days) in groups {
            events.push_str(&vevent(monday, k, weeks.len(), &days, key, utc)?);
        }
    }
    Some(format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Eigenschaftstest//DE\r\n{events}END:VCALENDAR\r\n"
    ))
}

/// What the import should give: each week's shifts sorted, duplicates once.
fn expected(anchor: NaiveDate, weeks: &[Vec<(usize, u16, u16)>]) -> WorkPattern {
    let rows = weeks
        .iter()
        .map(|w| {
            let mut v: Vec<Shift> = w.iter().map(|s| to_shift(*s)).collect();
            v.sort_by_key(|s| (s.weekday.num_days_from_monday(), s.start, s.end));
            v.dedup();
            v
        })
        .collect();
    WorkPattern::rotating(anchor, rows).unwrap()
}

fn monday() -> impl Strategy<Value = NaiveDate> {
    // Mondays from 2025 to 2034, summer-time switches included.
    (0i64..520).prop_map(|k| NaiveDate::from_ymd_opt(2025, 1, 6).unwrap() + Duration::weeks(k))
}

/// Lines of iCalendar text, valid and broken, as a generator of odd input.
fn ics_like() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just("BEGIN:VCALENDAR".to_owned()),
        Just("END:VCALENDAR".to_owned()),
        Just("BEGIN:VEVENT".to_owned()),
        Just("END:VEVENT".to_owned()),
        Just("STATUS:CANCELLED".to_owned()),
        Just("RECURRENCE-ID:20270101T000000".to_owned()),
        "DTSTART(;TZID=Europe/Berlin|;VALUE=DATE)?:[+-]?[0-9]{4,9}T?[0-9]{0,7}Z?",
        "DTEND:[0-9]{8}T[0-9]{6}Z?",
        "DURATION:[+-]?P([0-9]{1,20}[WD])?(T[0-9]{1,20}[HMS]){0,3}",
        "RRULE:FREQ=(WEEKLY|DAILY|)(;INTERVAL=[0-9]{1,4})?(;BYDAY=([+-]?[0-9]?(MO|TU|SU|XX),?){0,3})?(;WKST=(MO|SU))?(;UNTIL=[0-9T]{0,15}|;COUNT=[0-9]{1,3})?",
        "(EXDATE|RDATE|SUMMARY|X-[A-Z]{1,5})[;:][ -~]{0,20}",
        " [ -~]{0,10}",
        "[ -~äöüß\u{feff}\t]{0,30}",
    ];
    (
        prop::collection::vec(line, 0..16),
        prop_oneof![Just("\r\n"), Just("\n")],
    )
        .prop_map(|(lines, eol)| lines.join(eol))
}

/// Calendars of well-shaped events whose values are random, plausible or not.
fn event_like() -> impl Strategy<Value = String> {
    let event = (
        prop_oneof![
            "DTSTART(;TZID=Europe/Berlin)?:20[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9])T([01][0-9]|2[0-3])[0-5][0-9][0-5][0-9]Z?",
            "DTSTART(;VALUE=DATE)?:[0-9+-]{0,10}T?[0-9]{0,8}Z?",
        ],
        prop_oneof![
            "DTEND:20[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9])T([01][0-9]|2[0-3])[0-5][0-9][0-5][0-9]Z?",
            "DURATION:P(T[0-9]{1,3}[HMS]){1,3}",
            "DURATION:[+-]?P[0-9]{0,20}[WDTHMS]{0,3}[0-9]{0,20}[HMS]?",
            Just(String::new()),
        ],
        "RRULE:FREQ=WEEKLY(;INTERVAL=[0-9]{1,2})?(;BYDAY=((MO|TU|WE|TH|FR|SA|SU|1MO),?){1,3})?(;WKST=(MO|SU))?(;COUNT=3)?",
        prop::collection::vec("(EXDATE|RDATE|STATUS|RECURRENCE-ID):[A-Z0-9]{0,15}", 0..2),
    )
        .prop_map(|(start, end, rule, extra)| {
            format!(
                "BEGIN:VEVENT\r\n{start}\r\n{end}\r\n{rule}\r\n{}\r\nEND:VEVENT\r\n",
                extra.join("\r\n")
            )
        });
    prop::collection::vec(event, 1..4)
        .prop_map(|events| format!("BEGIN:VCALENDAR\r\n{}END:VCALENDAR\r\n", events.concat()))
}

/// A result is a pattern of 1 to 12 weeks with notes of known codes, or a known error.
fn well_formed(
    result: Result<lernweg_participants::IcsImport, lernweg_participants::IcsError>,
) -> Result<(), TestCaseError> {
    match result {
        Ok(imp) => {
            prop_assert!((1..=12).contains(&imp.pattern.cycle_weeks()));
            prop_assert!(
                imp.pattern
                    .weeks()
                    .iter()
                    .flat_map(|w| w.iter())
                    .all(|s| s.start != s.end)
            );
            for n in &imp.notes {
                prop_assert!(ICS_NOTE_CODES.contains(&n.code), "{}", n.code);
            }
        }
        Err(e) => prop_assert!(ICS_ERROR_CODES.contains(&e.code), "{}", e.code),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Fixed and rotating weekly patterns come back row for row, written in Berlin time or
    /// in UTC, whatever week of the cycle the anchor falls in.
    #[test]
    fn a_written_pattern_imports_back(
        start in monday(),
        weeks in prop::collection::vec(prop::collection::vec(shift(), 0..6), 1..5),
        anchor_week in 0i64..12,
        utc in any::<bool>(),
    ) {
        prop_assume!(weeks.iter().any(|w| !w.is_empty()));
        let text = calendar(start, &weeks, utc);
        // A start inside the hour skipped in spring cannot be written; try other cases.
        prop_assume!(text.is_some());
        let text = text.unwrap();
        // The anchor's week is week 1 of the imported pattern: rotate the expected weeks.
        let n = weeks.len();
        let anchor = start + Duration::weeks(anchor_week) + Duration::days(anchor_week % 7);
        let shift_by = (anchor_week as usize) % n;
        let rotated: Vec<_> = (0..n).map(|k| weeks[(k + shift_by) % n].clone()).collect();
        let imp = from_ics(&text, anchor).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert!(imp.notes.is_empty(), "{:?}", imp.notes);
        prop_assert_eq!(imp.pattern, expected(anchor, &rotated), "{}", text);
    }

    /// Any text: a pattern or an error, never a panic.
    #[test]
    fn any_text_gives_a_pattern_or_an_error(text in any::<String>(), anchor in monday()) {
        well_formed(from_ics(&text, anchor))?;
    }

    /// iCalendar-like lines in any order and with broken values.
    #[test]
    fn ics_like_text_gives_a_pattern_or_an_error(text in ics_like(), anchor in monday()) {
        well_formed(from_ics(&text, anchor))?;
    }

    /// Well-shaped events with odd values: shorter than a minute, huge durations, numbered
    /// days, odd intervals.
    #[test]
    fn odd_events_give_a_pattern_or_an_error(text in event_like(), anchor in monday()) {
        well_formed(from_ics(&text, anchor))?;
    }

    /// A valid calendar cut, doubled or spliced anywhere.
    #[test]
    fn garbled_calendars_give_a_pattern_or_an_error(
        start in monday(),
        weeks in prop::collection::vec(prop::collection::vec(shift(), 1..4), 1..3),
        cut in any::<prop::sample::Index>(),
        len in 0usize..40,
        insert in "[ -~\r\n]{0,12}",
        utc in any::<bool>(),
    ) {
        let Some(text) = calendar(start, &weeks, utc) else { return Ok(()) };
        let bytes = text.as_bytes();
        let at = cut.index(bytes.len());
        let to = (at + len).min(bytes.len());
        let spliced = [&bytes[..at], insert.as_bytes(), &bytes[to..]].concat();
        let spliced = String::from_utf8_lossy(&spliced).into_owned();
        well_formed(from_ics(&spliced, start))?;
        let doubled = format!("{text}{}", &spliced);
        well_formed(from_ics(&doubled, start))?;
    }
}
