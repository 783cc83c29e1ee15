//! Shift plans from `.ics` files.

use chrono::{NaiveDate, NaiveDateTime, Weekday};
use lernweg_participants::ics::utc_to_berlin;
use lernweg_participants::{WorkPattern, from_ics};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn cal(events: &str) -> String {
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Dienstplan//DE\r\n\
         BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:STANDARD\r\nDTSTART:19701025T030000\r\n\
         RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n\
         END:STANDARD\r\nEND:VTIMEZONE\r\n{events}END:VCALENDAR\r\n"
    )
}

fn event(start: &str, end: &str, rrule: &str) -> String {
    format!(
        "BEGIN:VEVENT\r\nUID:{start}@dienstplan\r\nDTSTART;TZID=Europe/Berlin:{start}\r\n\
         DTEND;TZID=Europe/Berlin:{end}\r\nRRULE:{rrule}\r\nSUMMARY:Schicht\r\n\
         BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT30M\r\nEND:VALARM\r\nEND:VEVENT\r\n"
    )
}

#[test]
fn fixed_weekly_shifts() {
    let ics = cal(&event(
        "20260105T080000",
        "20260105T163000",
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    ));
    let imp = from_ics(&ics, d("2026-02-02")).unwrap();
    assert!(imp.notes.is_empty());
    let WorkPattern::Fixed { shifts } = &imp.pattern else {
        panic!("fixed expected")
    };
    assert_eq!(shifts.len(), 5);
    assert_eq!(shifts[4].weekday, Weekday::Fri);
    assert_eq!(imp.pattern.weekly_hours(d("2026-02-02")), 42.5);
}

#[test]
fn three_week_rotation_from_intervals() {
    // Early in week 1, late in week 2, night (crossing midnight) in week 3, each every 3 weeks.
    let ics = cal(&[
        event(
            "20260105T060000",
            "20260105T140000",
            "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TU,WE,TH,FR",
        ),
        event(
            "20260112T140000",
            "20260112T220000",
            "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TU,WE,TH,FR",
        ),
        event(
            "20260119T220000",
            "20260120T060000",
            "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TU,WE,TH,FR;UNTIL=20261231T000000",
        ),
    ]
    .concat());
    // Anchor in the late week: week 1 of the pattern is the late shift.
    let imp = from_ics(&ics, d("2026-01-14")).unwrap();
    assert_eq!(imp.pattern.cycle_weeks(), 3);
    let first = |date: &str| imp.pattern.shifts_on(d(date))[0];
    assert_eq!(first("2026-01-14").0.to_string(), "2026-01-14 14:00:00");
    assert_eq!(first("2026-01-21").1.to_string(), "2026-01-22 06:00:00");
    assert_eq!(first("2026-01-28").0.to_string(), "2026-01-28 06:00:00");
    assert_eq!(first("2026-02-04").0.to_string(), "2026-02-04 14:00:00");
    assert_eq!(imp.notes.len(), 1);
    assert_eq!(imp.notes[0].code, "end_ignored");
    assert_eq!(imp.notes[0].get("event"), Some("3"));
}

#[test]
fn utc_times_become_berlin_wall_clock_and_duration_works() {
    // 05:00Z in January = 06:00 CET; 04:00Z in July = 06:00 CEST.
    let winter = "BEGIN:VEVENT\r\nDTSTART:20260105T050000Z\r\nDURATION:PT8H\r\nRRULE:FREQ=WEEKLY\r\nEND:VEVENT\r\n";
    let summer = "BEGIN:VEVENT\r\nDTSTART:20260706T040000Z\r\nDURATION:PT7H30M\r\nRRULE:FREQ=WEEKLY;WKST=MO\r\nEND:VEVENT\r\n";
    let imp = from_ics(&cal(&format!("{winter}{summer}")), d("2026-01-05")).unwrap();
    let WorkPattern::Fixed { shifts } = &imp.pattern else {
        panic!()
    };
    let spans: Vec<_> = shifts
        .iter()
        .map(|s| (s.weekday, s.start.to_string(), s.minutes()))
        .collect();
    assert_eq!(
        spans,
        [
            (Weekday::Mon, "06:00".to_owned(), 450),
            (Weekday::Mon, "06:00".to_owned(), 480)
        ]
    );
}

#[test]
fn utc_times_at_the_summer_time_switches() {
    let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    let berlin = |s: &str| utc_to_berlin(at(s)).format("%Y-%m-%d %H:%M").to_string();
    // Sunday 28 March 2027: clocks go from 02:00 CET to 03:00 CEST at 01:00 UTC.
    assert_eq!(berlin("2027-03-28 00:30"), "2027-03-28 01:30");
    assert_eq!(berlin("2027-03-28 00:59"), "2027-03-28 01:59");
    assert_eq!(berlin("2027-03-28 01:00"), "2027-03-28 03:00");
    assert_eq!(berlin("2027-03-28 01:30"), "2027-03-28 03:30");
    // Sunday 31 October 2027: from 03:00 CEST back to 02:00 CET at 01:00 UTC; 02:30 twice.
    assert_eq!(berlin("2027-10-31 00:30"), "2027-10-31 02:30");
    assert_eq!(berlin("2027-10-31 01:00"), "2027-10-31 02:00");
    assert_eq!(berlin("2027-10-31 01:30"), "2027-10-31 02:30");
    assert_eq!(berlin("2027-12-31 23:30"), "2028-01-01 00:30");

    // A Sunday night shift written in UTC across the switch keeps its wall-clock times:
    // 21:00Z Saturday = 22:00 CET, 04:00Z Sunday = 06:00 CEST (7 real hours, 8 on the clock).
    let night = "BEGIN:VEVENT\r\nDTSTART:20270327T210000Z\r\nDTEND:20270328T040000Z\r\n\
                 RRULE:FREQ=WEEKLY;BYDAY=SA\r\nEND:VEVENT\r\n";
    let imp = from_ics(&cal(night), d("2027-03-22")).unwrap();
    let WorkPattern::Fixed { shifts } = &imp.pattern else {
        panic!("fixed expected")
    };
    let s = shifts[0];
    assert_eq!(
        (s.weekday, s.start.to_string(), s.end.to_string()),
        (Weekday::Sat, "22:00".into(), "06:00".into())
    );
    // 01:30Z on the October switch is 02:30 CET (the second 02:30).
    let early = "BEGIN:VEVENT\r\nDTSTART:20271031T013000Z\r\nDURATION:PT4H\r\n\
                 RRULE:FREQ=WEEKLY\r\nEND:VEVENT\r\n";
    let imp = from_ics(&cal(early), d("2027-10-25")).unwrap();
    assert_eq!(
        imp.pattern.shifts_on(d("2027-11-07"))[0].0.to_string(),
        "2027-11-07 02:30:00"
    );
}

#[test]
fn folded_lines_and_lowercase_are_read() {
    let ics = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20260107T18\n 0000\nDTEND:20260107T213000\nRRULE:FREQ=WEEKLY;\n BYDAY=WE\nEND:VEVENT\nEND:VCALENDAR\n";
    let imp = from_ics(ics, d("2026-01-05")).unwrap();
    assert_eq!(imp.pattern.weekly_hours(d("2026-01-05")), 3.5);
}

#[test]
fn refuses_what_is_not_a_weekly_shift() {
    let cases: &[(&str, &str)] = &[
        ("FREQ=DAILY", "unsupported_frequency"),
        ("FREQ=MONTHLY;BYDAY=1MO", "unsupported_frequency"),
        ("FREQ=WEEKLY;BYDAY=1MO", "byday_with_number"),
        ("FREQ=WEEKLY;BYDAY=XX", "invalid_byday"),
        ("FREQ=WEEKLY;BYSETPOS=1", "unsupported_rrule_part"),
        ("FREQ=WEEKLY;BYHOUR=6", "unsupported_rrule_part"),
        ("FREQ=WEEKLY;INTERVAL=0", "invalid_interval"),
        ("FREQ=WEEKLY;INTERVAL=13", "invalid_interval"),
        ("FREQ=WEEKLY;INTERVAL=2;WKST=SU", "wkst_with_interval"),
        ("INTERVAL=2", "invalid_rrule"),
    ];
    for (rule, code) in cases {
        let e = from_ics(
            &cal(&event("20260105T060000", "20260105T140000", rule)),
            d("2026-01-05"),
        )
        .unwrap_err();
        assert_eq!((e.code, e.event), (*code, Some(1)), "{rule}");
    }
    let ev = |body: &str| cal(&format!("BEGIN:VEVENT\r\n{body}END:VEVENT\r\n"));
    let refuse = |text: &str, code: &str| {
        assert_eq!(
            from_ics(text, d("2026-01-05")).unwrap_err().code,
            code,
            "{text}"
        );
    };
    refuse(
        &ev("DTSTART;VALUE=DATE:20260105\r\nRRULE:FREQ=WEEKLY\r\n"),
        "all_day_event",
    );
    refuse(
        &ev("DTSTART:20260105T060000\r\nDTEND:20260105T140000\r\n"),
        "missing_rrule",
    );
    refuse(
        &ev("DTSTART:20260105T060000\r\nRRULE:FREQ=WEEKLY\r\n"),
        "missing_end",
    );
    refuse(
        &ev("DTSTART:20260105T060000\r\nDTEND:20260105T050000\r\nRRULE:FREQ=WEEKLY\r\n"),
        "not_positive_duration",
    );
    refuse(
        &ev("DTSTART:20260105T060000\r\nDTEND:20260106T060000\r\nRRULE:FREQ=WEEKLY\r\n"),
        "shift_too_long",
    );
    refuse(
        &ev("DTSTART:20260105T060000\r\nDURATION:8H\r\nRRULE:FREQ=WEEKLY\r\n"),
        "invalid_duration",
    );
    refuse(
        &ev("DTSTART:2026-01-05 06:00\r\nDURATION:PT8H\r\nRRULE:FREQ=WEEKLY\r\n"),
        "invalid_date_time",
    );
    refuse(
        &ev("DTEND:20260105T140000\r\nRRULE:FREQ=WEEKLY\r\n"),
        "missing_dtstart",
    );
    // Shorter than a minute, overflowing durations and five-digit years are errors, no panics.
    refuse(
        &ev("DTSTART:20260105T060000\r\nDURATION:PT30S\r\nRRULE:FREQ=WEEKLY\r\n"),
        "not_positive_duration",
    );
    for huge in [
        "P99999999999999W",
        "PT9223372036854775807S",
        "P9999999999999DT99999999999H",
    ] {
        refuse(
            &ev(&format!(
                "DTSTART:20260105T060000\r\nDURATION:{huge}\r\nRRULE:FREQ=WEEKLY\r\n"
            )),
            "invalid_duration",
        );
    }
    refuse(
        &ev("DTSTART:+2026200105T060000Z\r\nDURATION:PT8H\r\nRRULE:FREQ=WEEKLY\r\n"),
        "invalid_date_time",
    );
    refuse(
        &ev(
            "DTSTART:20260105T060000\r\nDURATION:PT8H\r\nRRULE:FREQ=WEEKLY\r\nRDATE:20260110T060000\r\n",
        ),
        "rdate_not_supported",
    );
    refuse(&cal(""), "no_events");
    refuse("BEGIN:VEVENT\r\nEND:VEVENT\r\n", "no_calendar");
    refuse("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n", "unbalanced");
    let long = [
        event(
            "20260105T060000",
            "20260105T140000",
            "FREQ=WEEKLY;INTERVAL=5",
        ),
        event(
            "20260106T060000",
            "20260106T140000",
            "FREQ=WEEKLY;INTERVAL=7",
        ),
    ]
    .concat();
    refuse(&cal(&long), "rotation_too_long");
}

#[test]
fn exceptions_and_overrides_are_noted() {
    let body = "BEGIN:VEVENT\r\nDTSTART:20260105T060000\r\nDURATION:PT8H\r\nRRULE:FREQ=WEEKLY\r\nEXDATE:20260112T060000\r\nEND:VEVENT\r\n\
                BEGIN:VEVENT\r\nRECURRENCE-ID:20260119T060000\r\nDTSTART:20260119T100000\r\nDURATION:PT8H\r\nEND:VEVENT\r\n";
    let imp = from_ics(&cal(body), d("2026-01-05")).unwrap();
    let codes: Vec<_> = imp.notes.iter().map(|n| n.code).collect();
    assert_eq!(codes, ["exdate_ignored", "override_ignored"]);
}
