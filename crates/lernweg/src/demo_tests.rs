//! The demo is consistent with the day it is generated for: nothing recorded after that day,
//! every cohort taught in its own federal state, published before it starts, and in the
//! status its dates give it (`lernweg_offers::run`). Checked against the store for two days.

use chrono::{DateTime, NaiveDate, Utc};
use lernweg_domain::{CohortStatus, State};
use lernweg_offers::run::{Phase, Run};
use lernweg_participants::EnrolmentStatus;
use lernweg_store::testing::TestDb;
use lernweg_store::{Clock, Store};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The federal state of each city a demo venue may name, written out here independently of
/// the generator.
fn state_of(city: &str) -> Option<State> {
    use State::*;
    let s = match city {
        "Stuttgart" => BW,
        "München" => BY,
        "Berlin" => BE,
        "Potsdam" => BB,
        "Bremen" => HB,
        "Hamburg" => HH,
        "Wiesbaden" => HE,
        "Schwerin" => MV,
        "Hannover" => NI,
        "Düsseldorf" | "Essen" | "Dortmund" | "Duisburg" => NW,
        "Mainz" => RP,
        "Saarbrücken" => SL,
        "Dresden" | "Leipzig" => SN,
        "Magdeburg" => ST,
        "Kiel" => SH,
        "Erfurt" => TH,
        _ => return None,
    };
    Some(s)
}

/// Collects every problem instead of stopping at the first.
struct Problems(Vec<String>);

impl Problems {
    fn check(&mut self, ok: bool, what: impl FnOnce() -> String) {
        if !ok {
            self.0.push(what());
        }
    }
}

async fn check(today: NaiveDate) -> Vec<String> {
    let db = TestDb::new().await;
    let clock = Clock::fixed_day(today);
    let store: Store = db.store.clone().with_clock(clock.clone());
    assert!(crate::demo::seed(&store).await.expect("demo seeds"));
    let now: DateTime<Utc> = clock.now_utc();
    let mut p = Problems(Vec::new());

    let cohorts = store.cohorts(None, None).await.unwrap();
    // One cohort per federal state, and the finished one that monitoring flags.
    assert_eq!(cohorts.len(), State::ALL.len() + 1);
    let mut phases = Vec::new();
    for c in &cohorts {
        let run = Run::new(c.start_date, c.end_date);
        phases.push(run.phase(today));
        let name = &c.name;
        p.check(run.status(c.status, today) == c.status, || {
            format!("{name}: status {} does not fit its dates", c.status)
        });
        p.check(
            c.status != CohortStatus::Draft || run.phase(today) == Phase::Coming,
            || format!("{name}: a draft that has started"),
        );
        p.check(c.created_at <= now, || format!("{name}: created later"));
        if let Some(at) = c.published_at {
            p.check(at.date_naive() < c.start_date, || {
                format!("{name}: published on {at} after its start {}", c.start_date)
            });
            p.check(at <= now, || format!("{name}: published after today"));
        }
        if !c.room.is_empty() {
            let city = c.room.rsplit(", ").next().unwrap_or_default();
            p.check(state_of(city) == Some(c.state), || {
                format!("{name} ({}) is taught in {:?}", c.state, c.room)
            });
        }
        for s in store.timetable(c.id).await.unwrap() {
            for change in store.session_changes(s.id).await.unwrap() {
                p.check(change.at <= now, || {
                    format!("{name}: a change recorded later")
                });
            }
        }
    }
    // Every phase occurs, so that the pages have something to show.
    for phase in [Phase::Coming, Phase::Running, Phase::Ended] {
        p.check(phases.contains(&phase), || format!("no cohort {phase:?}"));
    }

    let (mut completed, mut dropped) = (0, 0);
    for person in store.participants(None).await.unwrap() {
        let who = format!("{} {}", person.data.given_name, person.data.family_name);
        for c in store.contacts(person.id).await.unwrap() {
            p.check(c.on_date <= today, || {
                format!("{who}: contact on {}", c.on_date)
            });
        }
        for c in store.consents(person.id).await.unwrap() {
            p.check(c.given_on <= today, || {
                format!("{who}: consent on {}", c.given_on)
            });
        }
        for r in store.readiness_checks(person.id).await.unwrap() {
            p.check(r.checked_on <= today, || {
                format!("{who}: check on {}", r.checked_on)
            });
        }
        for r in store.referrals_of(person.id).await.unwrap() {
            p.check(
                r.referred_on <= today && r.status_changed_on <= today,
                || format!("{who}: referral on {}", r.referred_on),
            );
        }
        for l in store.loans_of(person.id).await.unwrap() {
            p.check(
                l.lent_on <= today && l.returned_on.is_none_or(|r| r <= today),
                || format!("{who}: loan on {}", l.lent_on),
            );
        }
        for e in store.enrolments_of(person.id).await.unwrap() {
            let cohort = cohorts.iter().find(|c| c.id == e.cohort_id).unwrap();
            let phase = Run::new(cohort.start_date, cohort.end_date).phase(today);
            for step in store.enrolment_history(e.id).await.unwrap() {
                p.check(step.on_date <= today, || {
                    format!("{who}: {:?} on {}", step.to, step.on_date)
                });
            }
            p.check(
                !matches!(e.status, EnrolmentStatus::Active | EnrolmentStatus::Paused)
                    || phase != Phase::Coming,
                || format!("{who}: {:?} in {} before it starts", e.status, cohort.name),
            );
            p.check(
                !matches!(
                    e.status,
                    EnrolmentStatus::Enrolled | EnrolmentStatus::Active | EnrolmentStatus::Paused
                ) || phase != Phase::Ended,
                || {
                    format!(
                        "{who}: still {:?} in {}, which has ended",
                        e.status, cohort.name
                    )
                },
            );
            if e.status == EnrolmentStatus::Completed {
                completed += 1;
            }
            if e.status == EnrolmentStatus::Dropped {
                dropped += 1;
            }
            for a in store.enrolment_attendance(e.id).await.unwrap() {
                let s = store.timetable_session(a.session_id).await.unwrap();
                p.check(s.date <= today && a.recorded_at <= now, || {
                    format!("{who}: attendance for {}", s.date)
                });
            }
            for x in store.progress_entries(e.id).await.unwrap() {
                p.check(x.on_date <= today, || {
                    format!("{who}: progress entry on {}", x.on_date)
                });
            }
        }
    }
    // The way has every end: some completed, some dropped (the retention rules need both).
    p.check(completed >= 1 && dropped >= 1, || {
        format!("{completed} completed and {dropped} dropped")
    });
    // The demo employer login sees people, and each link rests on a consent given by today.
    let login = lernweg_domain::Email::parse(crate::demo_employers::LOGIN.0).unwrap();
    let account = store.user_by_email(&login).await.unwrap();
    let (employer, _) = store
        .employer_contact(account.employer_contact_id.unwrap())
        .await
        .unwrap();
    p.check(
        !store
            .employee_cohorts(employer.id)
            .await
            .unwrap()
            .is_empty(),
        || format!("{}: no employee in a cohort", employer.name),
    );
    for link in store.employments_of_employer(employer.id).await.unwrap() {
        p.check(link.since <= today, || {
            format!("employment since {}", link.since)
        });
    }
    // Release agreements in every state, each date of them still to come when asked.
    let agreements = store
        .release_agreements_after(
            &lernweg_store::ReleaseFilter::default(),
            None,
            lernweg_domain::Limit::MAX,
        )
        .await
        .unwrap()
        .items;
    for state in lernweg_participants::ReleaseState::ALL {
        p.check(agreements.iter().any(|a| a.state == state), || {
            format!(
                "no release agreement {} among {:?}",
                state.code(),
                agreements.iter().map(|a| a.state).collect::<Vec<_>>()
            )
        });
    }
    // A session moved after publication, with its notices in the outbox.
    let notices = store
        .outbox_after(
            &lernweg_store::OutboxFilter::default(),
            None,
            lernweg_domain::Limit::MAX,
        )
        .await
        .unwrap()
        .items;
    p.check(
        notices
            .iter()
            .any(|n| n.kind == lernweg_domain::outbox::NoticeKind::SessionMoved),
        || "no notice of a moved session in the outbox".into(),
    );
    p.check(
        notices
            .iter()
            .any(|n| n.kind == lernweg_domain::outbox::NoticeKind::DraftShared),
        || "no notice of a draft shared with the employers".into(),
    );
    // A draft shared with employers of several sectors, with their answers.
    let shared: Vec<_> = store
        .cohorts(None, None)
        .await
        .unwrap()
        .into_iter()
        .filter(|c| c.shared_at.is_some())
        .collect();
    p.check(!shared.is_empty(), || {
        "no draft shared with employers".into()
    });
    for c in &shared {
        let answers = store.plan_answers(c.id, None).await.unwrap();
        p.check(answers.len() >= 4, || {
            format!("{} answers to {}", answers.len(), c.name)
        });
        p.check(answers.iter().any(|a| a.period.is_some()), || {
            "no employer marked a period".into()
        });
        let mut sectors = Vec::new();
        for e in store.cohort_employers(c.id).await.unwrap() {
            sectors.push(store.employer(e.employer_id).await.unwrap().sector);
        }
        for want in ["construction", "retail", "it", "health", "care"] {
            p.check(sectors.iter().any(|s| s.code() == want), || {
                format!("no {want} employer in the shared draft: {sectors:?}")
            });
        }
    }
    // Three individual paths in different stages: one under way, one only planned, one
    // whose every difference is done.
    let mut stages = Vec::new();
    let mut dates = Vec::new();
    for person in store.participants(None).await.unwrap() {
        let Some(case) = store.recognition(person.id).await.unwrap() else {
            continue;
        };
        dates.extend(store.plan_sessions_of_participant(person.id).await.unwrap());
        let items = store.plan_items(person.id).await.unwrap();
        let done: Vec<_> = items.iter().map(|i| (&i.item, i.done_hours)).collect();
        let coverage =
            lernweg_participants::qualification_plan::coverage(&case.case.differences, &done);
        stages.push(coverage.iter().map(|c| c.status.code()).collect::<Vec<_>>());
    }
    p.check(stages.len() >= 3, || {
        format!("individual paths: {stages:?}")
    });
    for want in ["in_progress", "planned", "done"] {
        p.check(stages.iter().any(|s| s.contains(&want)), || {
            format!("no individual path with a difference {want}: {stages:?}")
        });
    }
    // An enrolment for chosen modules only.
    let mut partial = false;
    for person in store.participants(None).await.unwrap() {
        partial |= store
            .enrolments_of(person.id)
            .await
            .unwrap()
            .iter()
            .any(|e| !e.modules.is_empty());
    }
    p.check(partial, || "no enrolment for chosen modules".into());
    // Confirmed lesson dates: attended ones in the past, none recorded ahead of its day, one
    // moved and one cancelled.
    p.check(
        dates
            .iter()
            .any(|s| s.attendance == Some(lernweg_participants::AttendanceStatus::Present)),
        || "no attended lesson date".into(),
    );
    p.check(
        dates
            .iter()
            .all(|s| s.attendance.is_none() || s.date <= today),
        || format!("attendance ahead of a lesson date: {dates:?}"),
    );
    for want in [
        lernweg_store::SessionStatus::Cancelled,
        lernweg_store::SessionStatus::Confirmed,
    ] {
        p.check(
            dates.iter().any(|s| s.status == want && s.sequence > 0),
            || format!("no changed lesson date in status {want:?}"),
        );
    }
    mentoring(&store, today, &mut p).await;
    language(&store, &mut p).await;
    monitoring(&store, today, &mut p).await;
    warnings(&store, &mut p).await;
    for a in store.audit_entries(None, 1000).await.unwrap() {
        p.check(a.at <= now, || format!("audit entry at {}", a.at));
    }
    p.0
}

/// Mentoring (issue 15, point 7): a pool across Berufsbereiche and languages, proposals
/// waiting, running tandems with meetings (one over budget), events with sign-ups — all dated
/// by today; the demo mentor login belongs to a mentor of the pool.
async fn mentoring(store: &Store, today: NaiveDate, p: &mut Problems) {
    use lernweg_participants::mentor_pool::over_budget;
    use lernweg_store::TandemStatus;
    let login = lernweg_domain::Email::parse(crate::demo_mentoring::LOGIN.0).unwrap();
    let account = store.user_by_email(&login).await.unwrap();
    let mentor = store.mentor(account.mentor_id.unwrap()).await.unwrap();
    let provider = mentor.provider_id;
    let pool = store.mentors_of(provider).await.unwrap();
    let mut areas: Vec<char> = pool
        .iter()
        .filter_map(|m| m.profile.kldb.as_str().chars().next())
        .collect();
    areas.sort_unstable();
    areas.dedup();
    let mut languages: Vec<&str> = pool
        .iter()
        .flat_map(|m| m.profile.languages.iter().map(|l| l.as_str()))
        .filter(|l| *l != "de")
        .collect();
    languages.sort_unstable();
    languages.dedup();
    p.check(pool.len() >= 8 && areas.len() >= 3, || {
        format!("{} mentors in the Berufsbereiche {areas:?}", pool.len())
    });
    p.check(languages.len() >= 3, || {
        format!("mentors' languages besides German: {languages:?}")
    });
    for m in &pool {
        p.check(m.profile.consent_on <= today, || {
            format!("{}: consent on {}", m.profile.name, m.profile.consent_on)
        });
    }
    let tandems = store.tandems_of_provider(provider).await.unwrap();
    let is = |s: TandemStatus| tandems.iter().filter(move |t| t.status == s);
    p.check(is(TandemStatus::Proposed).count() >= 1, || {
        "no proposal waiting for staff".into()
    });
    let (mut met, mut over) = (0, 0);
    for t in is(TandemStatus::Active).chain(is(TandemStatus::Closed)) {
        let meetings = store.meetings_of(t.id).await.unwrap();
        let start = t.started_on.unwrap_or(today);
        for m in &meetings {
            let day = m.meeting.met_on;
            p.check(start <= day && day <= today, || {
                format!("a meeting on {day} of a tandem from {start}")
            });
        }
        let minutes: Vec<_> = meetings
            .iter()
            .map(|m| (m.meeting.met_on, m.meeting.minutes))
            .collect();
        if t.status == TandemStatus::Active {
            met += usize::from(!meetings.is_empty());
            over += usize::from(!over_budget(&minutes, t.budget_minutes).is_empty());
        }
    }
    p.check(met >= 2 && over >= 1, || {
        format!("{met} running tandems with meetings, {over} over budget")
    });
    p.check(
        is(TandemStatus::Closed)
            .any(|t| t.mentor_feedback.is_some() && t.mentee_feedback.is_some()),
        || "no closed tandem with feedback from both sides".into(),
    );
    let events = store.mentor_events_of(provider, today).await.unwrap();
    p.check(
        events.len() >= 2 && events.iter().all(|e| e.signed_up > 0),
        || format!("events for mentors: {events:?}"),
    );
}

/// Language competence (issue 16, point 6): histories in every source, self-assessments, an
/// issued certificate that verifies and a revoked one.
async fn language(store: &Store, p: &mut Problems) {
    use lernweg_participants::language_assessment::Source;
    let counsellor = lernweg_domain::Email::parse("beratung1@demo.example").unwrap();
    let provider = store.user_by_email(&counsellor).await.unwrap().provider_id;
    let mut sources = std::collections::BTreeSet::new();
    let mut with_history = 0;
    let (mut valid, mut revoked, mut answered) = (0, 0, 0);
    for person in store.participants(provider).await.unwrap() {
        let history = store.language_assessments(person.id).await.unwrap();
        with_history += usize::from(history.len() >= 2);
        sources.extend(history.iter().map(|a| a.assessment.source));
        answered += usize::from(
            !store
                .language_self_checks(person.id)
                .await
                .unwrap()
                .is_empty(),
        );
        for c in store.language_certificates_of(person.id).await.unwrap() {
            let key = store.issuer_key(&c.kid).await.unwrap();
            p.check(
                lernweg_credentials::verify_jwt(&c.credential, &key.public_key).is_ok(),
                || format!("certificate {} does not verify", c.id),
            );
            if c.revoked_at.is_some() {
                revoked += 1;
            } else {
                valid += 1;
            }
        }
    }
    p.check(with_history >= 5, || {
        format!("{with_history} language histories")
    });
    p.check(sources.len() == Source::ALL.len(), || {
        format!("sources {sources:?}")
    });
    p.check(answered >= 2, || format!("{answered} self-assessments"));
    p.check(valid >= 1 && revoked >= 1, || {
        format!("{valid} valid, {revoked} revoked certificates")
    });
}

/// Monitoring and the slot choice (issue 17, point 6): the finished cohort is flagged "not
/// run part-time" with its causes; the draft has candidate slots and its people working times.
async fn monitoring(store: &Store, today: NaiveDate, p: &mut Problems) {
    use lernweg_app::monitoring::{MonitoringQuery, report};
    let admin = lernweg_domain::Email::parse("admin@demo.example").unwrap();
    let admin = store.user_by_email(&admin).await.unwrap();
    let principal = lernweg_domain::Principal {
        user_id: admin.id,
        role: lernweg_domain::Role::Admin,
        provider_id: None,
    };
    let app = lernweg_app::App::new(store.clone());
    let q = MonitoringQuery::new(today - chrono::Duration::days(700), today);
    let r = report(&app, &principal, q).await.unwrap();
    let Some(c) = r
        .cohorts
        .iter()
        .find(|c| c.cohort.name == crate::demo_monitoring::FINISHED_NAME)
    else {
        return p.check(false, || "no finished monitoring cohort".into());
    };
    p.check(c.flagged(), || format!("not flagged: {:?}", c.figures));
    p.check(c.cohort.status == CohortStatus::Finished, || {
        format!("status {}", c.cohort.status)
    });
    let t = &c.tally;
    p.check(
        t.moved_sessions == 2 && t.cancelled_sessions == 1 && t.dropouts == 2,
        || format!("causes: {t:?}"),
    );
    p.check(c.figures.horizon_reached == Some(false), || {
        "published with a short lead".into()
    });
    p.check(c.figures.attendance_rate.is_some_and(|a| a < 0.8), || {
        format!("attendance {:?}", c.figures.attendance_rate)
    });
    let draft = store
        .cohorts(None, None)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.status == CohortStatus::Draft && c.slot_question.is_some());
    p.check(draft.is_some(), || "no draft with candidate slots".into());
    if let Some(d) = draft {
        let with_times = store.work_patterns_in_cohort(d.id).await.unwrap().len();
        p.check(with_times >= 5, || {
            format!("{with_times} people with working times")
        });
    }
}

/// The demo contact person of the first provider has an open early warning of every kind,
/// read through the use-case the start page uses.
async fn warnings(store: &Store, p: &mut Problems) {
    use lernweg_participants::warnings::WarningKind;
    let mail = lernweg_domain::Email::parse("beratung1@demo.example").unwrap();
    let user = store.user_by_email(&mail).await.unwrap();
    let caller = lernweg_app::Caller::new(
        lernweg_domain::Principal {
            user_id: user.id,
            role: user.role,
            provider_id: user.provider_id,
        },
        lernweg_store::Actor::user(user.id, mail.as_str()),
    );
    let app = lernweg_app::App::new(store.clone());
    let open = lernweg_app::warnings::for_contact_person(&app, &caller, "test: demo")
        .await
        .unwrap();
    let kinds: std::collections::BTreeSet<WarningKind> =
        open.iter().map(|w| w.warning.kind).collect();
    p.check(kinds.len() == WarningKind::ALL.len(), || {
        format!("early warnings of the demo counsellor: only {kinds:?}")
    });
    p.check(
        open.iter().all(|w| w.contact_person_id == Some(user.id)),
        || "an early warning of another contact person".to_owned(),
    );
    let handled = lernweg_app::warnings::handled(&app, &caller, "test: demo")
        .await
        .unwrap();
    p.check(
        handled.len() == 1 && handled[0].note == crate::demo_warnings::NOTE,
        || format!("{} handled demo warnings", handled.len()),
    );
}

#[tokio::test]
async fn the_demo_fits_the_day_it_is_made_for() {
    for today in [d(2026, 12, 3), d(2027, 7, 15)] {
        let problems = check(today).await;
        assert!(problems.is_empty(), "{today}: {problems:#?}");
    }
}
