//! Demo offers and cohorts: every time model and every goal, cohorts in every federal state and
//! every lifecycle state, some offers with weak success factors so the check has something to
//! show.

use anyhow::{Context, anyhow};
use chrono::{Datelike, Duration, NaiveDate};
use lernweg_domain::{CohortStatus, ProviderId, State, UserId};
use lernweg_offers::run::{Phase, Run};
use lernweg_offers::{Offer, OfferDraft};
use lernweg_planner::PlanOptions;
use lernweg_store::{Actor, Clock, NewCohort, NewSession, Store};
use serde_json::{Value, json};

fn common(
    title: &str,
    goal: &str,
    kldb: &str,
    target: &str,
    description: &str,
    contact: (&str, &str, &str),
) -> Value {
    json!({
        "title": title,
        "goal": goal,
        "kldb": kldb,
        "target_group": target,
        "description": description,
        "contact_name": contact.0,
        "contact_email": contact.1,
        "contact_phone": contact.2,
        "costs_eur": 0,
        "capacity": 16,
        "funding": "Das Programm „Integration durch Qualifizierung“ (IQ) bezahlt den Kurs.",
    })
}

fn merge(mut base: Value, extra: Value) -> Value {
    for (k, v) in extra.as_object().expect("object") {
        base[k] = v.clone();
    }
    base
}

const NW: (&str, &str, &str) = ("Aylin Demir", "koordination1@demo.example", "0201 555 1200");
const SN: (&str, &str, &str) = (
    "Thomas Wagner",
    "koordination2@demo.example",
    "0351 555 3400",
);

/// The demo offers: (provider index 0|1, draft JSON, publish in the catalogue).
fn drafts() -> Vec<(usize, Value, bool)> {
    vec![
        (
            0,
            merge(
                common(
                    "Anpassungsqualifizierung Pflegefachkraft",
                    "adaptation_qualification",
                    "81302",
                    "Pflegekräfte mit einem Abschluss aus dem Ausland, der zum Teil anerkannt ist",
                    "Sie arbeiten schon in der Pflege. Hier lernen Sie, was für die volle Anerkennung noch fehlt. Am Ende steht die Kenntnisprüfung.",
                    NW,
                ),
                json!({
                    "delivery_modes": ["presence", "online_live"], "kickoff_in_presence": true, "closing_in_presence": true,
                    "time_model": {"kind": "block_seminar", "evening": {"weekday": "wed", "start": "18:00", "end": "21:15"}, "weekend": {"start": "09:00", "end": "16:30"}},
                    "modules": [
                        {"title": "Pflegeprozess und Dokumentation", "hours": 80, "self_study_hours_per_week": 2, "milestone": "Modulzertifikat Pflegeprozess"},
                        {"title": "Rechtliche Grundlagen der Pflege in Deutschland", "hours": 40, "self_study_hours_per_week": 1.5, "milestone": "Modulzertifikat Recht"},
                        {"title": "Praxisreflexion und Prüfungsvorbereitung", "hours": 60, "self_study_hours_per_week": 2}
                    ],
                    "exams": [{"after_module": 3, "title": "Kenntnisprüfung (Vorbereitung)", "hours": 4}],
                    "exchange": {"every_weeks": 4, "slot": {"weekday": "tue", "start": "18:00", "end": "19:30"}},
                    "language_level": "B2", "language_justification": "Die Anerkennungsbehörde verlangt für Pflegefachkräfte Deutsch auf Niveau B2; der Kurs baut darauf auf.",
                    "support": ["mentoring", "language_coaching", "childcare", "device_loans", "exchange_meetings"],
                    "location": {"name": "Bildungszentrum Essen", "street": "Kettwiger Straße 12", "zip": "45127", "city": "Essen", "step_free": true, "accessibility": "Aufzug, Haltestelle Hauptbahnhof 300 m"},
                    "degree": "Teilnahmebescheinigung mit Kompetenzprofil", "keywords": ["Pflege", "Anerkennung", "Kenntnisprüfung"]
                }),
            ),
            true,
        ),
        (
            0,
            merge(
                common(
                    "Fachsprache Technik am Abend",
                    "language_support",
                    "25",
                    "Fachkräfte aus Metall- und Elektroberufen mit Deutsch ab B1",
                    "Sie lernen die Sprache für Ihre Arbeit in der Technik. Wir lesen Pläne, schreiben Berichte und sprechen mit Kunden.",
                    NW,
                ),
                json!({
                    "delivery_modes": ["online_live"], "kickoff_in_presence": false, "closing_in_presence": false,
                    "time_model": {"kind": "evening_course", "evenings": [{"weekday": "mon", "start": "18:30", "end": "20:30"}, {"weekday": "thu", "start": "18:30", "end": "20:30"}]},
                    "modules": [
                        {"title": "Kommunikation im Betrieb", "hours": 40, "self_study_hours_per_week": 1, "milestone": "Sprachstandsbericht 1"},
                        {"title": "Technische Dokumentation", "hours": 40, "self_study_hours_per_week": 1, "milestone": "Sprachstandsbericht 2"}
                    ],
                    "language_level": "B1",
                    "support": ["language_coaching", "device_loans"],
                    "degree": "Kompetenzfeststellung berufsbezogenes Deutsch", "keywords": ["Fachsprache", "Technik", "online"]
                }),
            ),
            true,
        ),
        (
            0,
            merge(
                common(
                    "Brückenmaßnahme Ingenieurwesen kompakt",
                    "bridging_programme",
                    "27",
                    "Ingenieurinnen und Ingenieure mit ausländischem Hochschulabschluss",
                    "Sie haben im Ausland Ingenieurwesen studiert. In vier Kompaktwochen pro Jahr frischen Sie Normen, Projektmanagement und Fachsprache auf. Für die Wochen brauchen Sie Freistellung oder Urlaub.",
                    NW,
                ),
                json!({
                    "delivery_modes": ["presence"], "kickoff_in_presence": true, "closing_in_presence": true,
                    "time_model": {"kind": "compact_seminar", "day": {"start": "08:30", "end": "15:30"}, "weeks_per_quarter": 1},
                    "modules": [
                        {"title": "Normen und Regelwerke", "hours": 60, "milestone": "Leistungsnachweis Normen"},
                        {"title": "Projektmanagement in deutschen Unternehmen", "hours": 60},
                        {"title": "Fachkommunikation", "hours": 35}
                    ],
                    "exams": [{"after_module": 3, "title": "Abschlusspräsentation", "hours": 3}],
                    "language_level": "C1", "language_justification": "Weil es in diesem Beruf so üblich ist.",
                    "support": ["mentoring"],
                    "location": {"name": "Technologiezentrum Dortmund", "street": "Emil-Figge-Straße 80", "zip": "44227", "city": "Dortmund", "step_free": false},
                    "degree": "Zertifikat Brückenmaßnahme"
                }),
            ),
            false,
        ),
        (
            1,
            merge(
                common(
                    "Teilqualifizierung Lagerlogistik (TQ 1)",
                    "partial_qualification",
                    "513",
                    "Menschen, die im Lager arbeiten und keinen Abschluss in Deutschland haben",
                    "Sie arbeiten im Lager. Mit dieser Teilqualifizierung machen Sie den ersten Schritt zum Berufsabschluss Fachkraft für Lagerlogistik. Sie lernen in Ihrer Arbeitszeit. Ihr Betrieb stellt Sie dafür frei.",
                    SN,
                ),
                json!({
                    "delivery_modes": ["presence"], "kickoff_in_presence": true, "closing_in_presence": true,
                    "time_model": {"kind": "release_slots", "slots": [{"weekday": "thu", "start": "08:00", "end": "12:00"}]},
                    "modules": [
                        {"title": "Waren annehmen und einlagern", "hours": 64, "milestone": "Kompetenzfeststellung TQ 1"},
                        {"title": "Arbeitssicherheit und Flurförderzeuge", "hours": 16}
                    ],
                    "exams": [{"after_module": 2, "title": "Kompetenzfeststellung vor der IHK", "hours": 4}],
                    "support": ["mentoring", "language_coaching", "exchange_meetings"],
                    "exchange": {"every_weeks": 6, "slot": {"weekday": "tue", "start": "17:30", "end": "19:00"}},
                    "location": {"name": "Qualifizierungsnetz Sachsen, Standort Leipzig", "street": "Prager Straße 20", "zip": "04103", "city": "Leipzig", "step_free": true},
                    "degree": "IHK-Zertifikat Teilqualifikation 1"
                }),
            ),
            true,
        ),
        (
            1,
            merge(
                common(
                    "Selbstlernkurs Anerkennungsverfahren verstehen",
                    "full_recognition",
                    "7",
                    "Fachkräfte aus dem Ausland, die ihren Abschluss anerkennen lassen wollen",
                    "Sie wollen Ihren Abschluss anerkennen lassen. In kurzen Online-Einheiten lernen Sie Schritt für Schritt, wie der Antrag geht. Sie lernen, wann es Ihnen passt.",
                    SN,
                ),
                json!({
                    "delivery_modes": ["self_paced", "online_live"], "kickoff_in_presence": false, "closing_in_presence": false,
                    "time_model": {"kind": "self_paced", "hours_per_week": 3},
                    "modules": [
                        {"title": "Welche Stelle ist zuständig?", "hours": 12, "milestone": "Checkliste Antrag"},
                        {"title": "Unterlagen zusammenstellen", "hours": 12}
                    ],
                    "support": ["device_loans"],
                    "degree": "Teilnahmebescheinigung"
                }),
            ),
            true,
        ),
        (
            1,
            merge(
                common(
                    "Vorbereitung Kenntnisprüfung Medizin",
                    "partial_recognition",
                    "814",
                    "Ärztinnen und Ärzte aus Ländern außerhalb der EU, denen für die Anerkennung noch etwas fehlt",
                    "Sie bereiten sich auf die Kenntnisprüfung vor. Sie besprechen echte Fälle in kleinen Gruppen.",
                    SN,
                ),
                json!({
                    "delivery_modes": ["blended", "presence"], "kickoff_in_presence": true, "closing_in_presence": true,
                    "time_model": {"kind": "evening_course", "evenings": [{"weekday": "tue", "start": "18:00", "end": "21:00"}, {"weekday": "thu", "start": "18:00", "end": "21:00"}]},
                    "modules": [
                        {"title": "Innere Medizin", "hours": 90, "self_study_hours_per_week": 4, "milestone": "Fallprüfung Innere Medizin"},
                        {"title": "Chirurgie", "hours": 60, "self_study_hours_per_week": 4, "milestone": "Fallprüfung Chirurgie"},
                        {"title": "Pharmakologie und Recht", "hours": 45, "self_study_hours_per_week": 3}
                    ],
                    "exams": [{"after_module": 1, "title": "Zwischenprüfung", "hours": 2}, {"after_module": 3, "title": "Simulation Kenntnisprüfung", "hours": 4}],
                    "language_level": "C1", "language_justification": "Die Approbationsbehörde verlangt die Fachsprachprüfung auf Niveau C1 vor der Kenntnisprüfung.",
                    "support": ["mentoring", "childcare", "exchange_meetings"],
                    "exchange": {"every_weeks": 4, "slot": {"weekday": "sat", "start": "10:00", "end": "12:00"}},
                    "location": {"name": "Lehrpraxis Dresden", "street": "Fetscherstraße 74", "zip": "01307", "city": "Dresden", "step_free": true},
                    "degree": "Teilnahmebescheinigung"
                }),
            ),
            true,
        ),
        (
            0,
            merge(
                common(
                    "Anpassungslehrgang Erzieherin und Erzieher (Betriebsmaßnahme)",
                    "compensation_measure",
                    "831",
                    "Erzieherinnen und Erzieher mit wesentlichen Unterschieden im Anerkennungsbescheid",
                    "Im Betrieb gleichen Sie die im Bescheid genannten Unterschiede aus. Die Maßnahme findet in Vollzeit in der Kita statt.",
                    NW,
                ),
                json!({
                    "company_measure_only": true,
                    "delivery_modes": ["presence"], "kickoff_in_presence": false, "closing_in_presence": false,
                    "time_model": {"kind": "release_slots", "slots": [{"weekday": "mon", "start": "08:00", "end": "16:00"}, {"weekday": "tue", "start": "08:00", "end": "16:00"}, {"weekday": "wed", "start": "08:00", "end": "16:00"}, {"weekday": "thu", "start": "08:00", "end": "16:00"}]},
                    "modules": [{"title": "Praxisphase in der Kita", "hours": 480}],
                    "location": {"name": "Kita Sonnenblume", "street": "Gartenweg 3", "zip": "45128", "city": "Essen", "step_free": true},
                }),
            ),
            false,
        ),
    ]
}

fn validate(v: Value) -> anyhow::Result<Offer> {
    let title = v["title"].as_str().unwrap_or("").to_owned();
    let draft: OfferDraft = serde_json::from_value(v).context("demo offer JSON")?;
    draft
        .validate()
        .map_err(|e| anyhow!("demo offer {title:?} is invalid: {e:?}"))
}

/// The provider's own state (where the offers' venues are).
const HOME: [State; 2] = [State::NW, State::SN];

/// A venue city in each federal state (its capital) for cohorts away from the provider's home.
pub fn venue_city(state: State) -> &'static str {
    match state {
        State::BW => "Stuttgart",
        State::BY => "München",
        State::BE => "Berlin",
        State::BB => "Potsdam",
        State::HB => "Bremen",
        State::HH => "Hamburg",
        State::HE => "Wiesbaden",
        State::MV => "Schwerin",
        State::NI => "Hannover",
        State::NW => "Düsseldorf",
        State::RP => "Mainz",
        State::SL => "Saarbrücken",
        State::SN => "Dresden",
        State::ST => "Magdeburg",
        State::SH => "Kiel",
        State::TH => "Erfurt",
    }
}

/// Where a cohort is taught, as "venue, city": the offer's venue in the provider's home state,
/// else a rented room in the state's capital; nothing for an offer without presence.
fn room(offer: &Offer, state: State, home: State) -> String {
    match &offer.location {
        Some(l) if state == home => format!("{}, {}", l.name, l.city),
        Some(_) => {
            let city = venue_city(state);
            format!("Schulungsraum {city}, {city}")
        }
        None => String::new(),
    }
}

/// The first day of the month `months` away from `today`'s month, moved to the 5th.
fn month_start(today: NaiveDate, months: i32) -> NaiveDate {
    let m0 = today.year() * 12 + today.month0() as i32 + months;
    NaiveDate::from_ymd_opt(m0.div_euclid(12), m0.rem_euclid(12) as u32 + 1, 5)
        .expect("valid demo date")
}

/// Creates the demo offers and one cohort per federal state, starting between 14 months
/// before and 8 months after `today` (the store's clock); each cohort's status fits its
/// dates (`lernweg_offers::run`): finished or running once started, published or a draft
/// before.
pub async fn seed(
    store: &Store,
    providers: [ProviderId; 2],
    trainers: [UserId; 2],
) -> anyhow::Result<()> {
    let actor = Actor::system();
    let today = store.clock().today();
    // Each record is written at the time it happened (never later than now): a store whose
    // clock the demo moves.
    let clock = Clock::fixed(store.clock().now_utc());
    let past = store.clone().with_clock(clock.clone());
    let at = |day: NaiveDate| {
        if day < today {
            clock.set_day(day);
        } else {
            clock.set(store.clock().now_utc());
        }
    };
    at(month_start(today, -17));
    let mut offers = Vec::new();
    for (p, draft, publish) in drafts() {
        let offer = validate(draft)?;
        let rec = past.create_offer(&actor, providers[p], offer).await?;
        if publish {
            past.set_offer_published(&actor, rec.id, true).await?;
        }
        offers.push((p, rec));
    }
    for (i, state) in State::ALL.iter().enumerate() {
        let (p, rec) = &offers[i % offers.len()];
        let start = month_start(today, (i as i32 * 5) % 24 - 14);
        let plan =
            lernweg_planner::plan(&rec.offer.to_spec(start, *state), &PlanOptions::default())?;
        let run = Run::new(start, Some(plan.end_date));
        let status = match run.phase(today) {
            Phase::Coming if i % 2 == 0 => CohortStatus::Draft,
            _ => run.status(CohortStatus::Published, today),
        };
        let sessions: Vec<NewSession> =
            plan.sessions.iter().map(NewSession::from_planned).collect();
        let new = NewCohort {
            planning: Default::default(),
            offer_id: rec.id,
            name: format!(
                "{} {} – {}",
                season(start.month()),
                start.year(),
                state.name_de()
            ),
            state: *state,
            start_date: start,
            room: room(&rec.offer, *state, HOME[*p]),
            online_link: if rec.offer.online_lessons {
                "https://meet.demo.example/lernweg".into()
            } else {
                String::new()
            },
            trainers: vec![trainers[*p]],
        };
        at(start - Duration::days(60));
        let cohort = past.create_cohort(&actor, new, &sessions).await?;
        // Published a month before the start, running from it, finished after the last day.
        let days = [
            start - Duration::days(30),
            start,
            plan.end_date + Duration::days(1),
        ];
        for (to, day) in CohortStatus::ALL.iter().skip(1).zip(days) {
            if !cohort_reaches(status, *to) {
                break;
            }
            at(day);
            past.set_cohort_status(&actor, cohort.id, *to).await?;
        }
        at(today);
        if status != CohortStatus::Draft && i % 3 == 0 {
            // A coming session cancelled, as it happens in real life.
            let timetable = store.timetable(cohort.id).await?;
            if let Some(s) = timetable
                .iter()
                .find(|s| s.date > today + Duration::days(7))
            {
                store
                    .cancel_session(&actor, s.id, "Lehrkraft erkrankt – Nachholtermin folgt")
                    .await?;
            }
        }
    }
    Ok(())
}

/// Whether a cohort that ends up in `status` passes through `to` on its way.
fn cohort_reaches(status: CohortStatus, to: CohortStatus) -> bool {
    let at = |s: CohortStatus| CohortStatus::ALL.iter().position(|x| *x == s);
    at(to) <= at(status)
}

fn season(month: u32) -> &'static str {
    match month {
        3..=5 => "Frühjahr",
        6..=8 => "Sommer",
        9..=11 => "Herbst",
        _ => "Winter",
    }
}
