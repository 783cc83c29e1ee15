//! Demo mentoring of the first provider (issue 15, point 7): a pool of volunteer mentors across
//! several Berufsbereiche and languages, participants waiting for a mentor (each on a recorded
//! consent `share_with_mentor`, one without it), the matching's proposals — three accepted,
//! one rejected, the rest waiting —, running tandems with logged meetings (one over its budget),
//! an older tandem closed with feedback from both sides, and two events for mentors with
//! sign-ups. Everything goes through the use-cases of `lernweg_app`, as staff, mentors and
//! mentees would do it. Three mentors redeemed a printed code with the demo password (they log
//! in with their e-mail address); the first of them is the demo's mentor login.

use anyhow::anyhow;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use lernweg_app::mentoring::{self, Acceptance};
use lernweg_app::participants::care;
use lernweg_app::tandems::{self, RawEvent};
use lernweg_app::{App, Caller};
use lernweg_domain::{Email, MentorId, ParticipantId, Principal, ProviderId, Role};
use lernweg_participants::ConsentScope;
use lernweg_participants::mentor_pool::{RawMeeting, RawMentor, RawWish};
use lernweg_store::{Actor, InvitationKind, ParticipantRecord, Tandem, TandemStatus, User};
use serde_json::{Map, Value};

use crate::demo::PASSWORD;

/// The mentor's login of the demo.
pub const LOGIN: (&str, &str) = (
    "mentorin1@demo.example",
    "mentor · Dr. Irina Brückner, Bildungswerk Rhein-Ruhr: her tandems and events on /mentoring",
);

/// The pool, one mentor a line; `days` since the start of availability (negative: available
/// only from then on). The consent was given then, at least 60 days ago.
const MENTOR_FIELDS: &str =
    "name|occupation|kldb|languages|slots|city|online|capacity|email|phone|days";
const MENTORS: [&str; 10] = [
    "Dr. Irina Brückner|Maschinenbauingenieurin|27104|de,ru,uk,en|wed-evening,sat-morning|Essen|ja|2|mentorin1@demo.example|0201 3398145|300",
    "Jürgen Weiß|Industriemechanikermeister im Ruhestand|25102|de,ru|mon-afternoon,mon-evening,thu-evening|Duisburg|nein|1||0203 447123|260",
    "Sabine Krüger|Pflegefachfrau und Praxisanleiterin|81302|de,en|wed-evening,sat-morning,sun-afternoon|Essen|ja|2|sabine.krueger@example.org||220",
    "Rania Al-Khatib|Gesundheits- und Krankenpflegerin|81302|de,ar,en|mon-evening,sat-morning|Essen|nein|1|rania.al-khatib@example.org|0176 22318890|200",
    "Elif Şahin|Altenpflegerin|82102|de,tr|tue-morning,thu-morning|Essen|nein|2|elif.sahin@example.org||180",
    "Mehmet Öztürk|Fachkraft für Lagerlogistik, Schichtleiter|51302|de,tr,en|mon-afternoon,thu-afternoon,sat-morning|Dortmund|nein|3|mehmet.oeztuerk@example.org|0231 5566701|240",
    "Parisa Nourbakhsh|Bilanzbuchhalterin|72213|de,fa,en|tue-evening,thu-evening|Essen|ja|1|p.nourbakhsh@example.org||150",
    "Dr. Stefan Voß|Facharzt für Innere Medizin|81404|de,en|wed-afternoon,fri-afternoon|Essen|ja|1|stefan.voss@example.org|0201 7790412|120",
    "Andrea Müller|Erzieherin und Kita-Leitung|83112|de,es,en|mon-evening,tue-evening|Dortmund|ja|1|andrea.mueller@example.org||90",
    "Natalia Hoffmann|Fachkrankenpflegerin für Intensivpflege|81302|de,uk,ru|sat-morning,sun-afternoon|Dortmund|ja|2|natalia.hoffmann@example.org||-30",
];

/// The mentors who redeemed a printed code (by e-mail): they log meetings and sign up.
const WITH_ACCOUNT: [&str; 3] = [
    LOGIN.0,
    "sabine.krueger@example.org",
    "mehmet.oeztuerk@example.org",
];

/// The waiting participants; `consent`: whether they agreed that their data is shared with
/// a mentor.
const WISH_FIELDS: &str = "given|family|slots|city|online|consent";
/// The mentee of the closed tandem.
const CLOSED: &str = "Iwan|Petrow|wed-evening|Essen|ja|ja";
const WISHES: [&str; 10] = [
    "Amina|Haddad|mon-evening,wed-evening,sat-morning|Essen|nein|ja",
    "Fatma|Yıldız|tue-morning,thu-morning|Essen|nein|ja",
    "Maricel|Santos|sat-morning,sun-afternoon|Essen|ja|ja",
    "Mariam|Rahimi|wed-afternoon,fri-afternoon|Essen|ja|ja",
    "Oleksandr|Kovalenko|mon-evening,thu-evening|Duisburg|nein|ja",
    "Oleh|Bondarenko|wed-evening,sat-morning|Duisburg|ja|ja",
    "Samuel|Mensah|mon-afternoon,thu-afternoon|Dortmund|nein|ja",
    "Dawit|Tesfaye|sat-morning|Dortmund|nein|ja",
    "Leila|Ahmadi|tue-evening|Essen|ja|ja",
    "Lucía|Fernández|mon-evening,tue-evening|Dortmund|ja|nein",
];

/// Workshops and networking for the mentors (their dates are set from today).
const EVENT_FIELDS: &str = "kind|title|start|end|place|capacity|description";
const EVENTS: [&str; 2] = [
    "workshop|Interkulturelle Kommunikation im Tandem|10:00|13:00|Bildungswerk Rhein-Ruhr, Rheinuferstraße 12, Duisburg, Raum 2.04|16|Missverständnisse erkennen, in einfacher Sprache erklären, die Grenzen der eigenen Rolle: ein Vormittag mit Fallbeispielen aus den Tandems.",
    "networking|Stammtisch der Mentorinnen und Mentoren|18:00|20:30|Café am Kennedyplatz, Essen|30|Erfahrungen austauschen und neue Mentorinnen und Mentoren kennenlernen; die Getränke übernimmt das Bildungswerk.",
];

/// A line of `|`-separated values as a JSON object with the keys `fields` names.
fn object(fields: &str, line: &str) -> Map<String, Value> {
    let values = fields.split('|').zip(line.split('|'));
    values.map(|(k, v)| (k.to_owned(), v.into())).collect()
}

/// The proposals staff accept (by the mentee's given name); the one they reject.
/// The first of them meets more than the budget allows.
const ACCEPTED: [&str; 3] = ["Amina", "Oleh", "Samuel"];
const REJECTED: (&str, &str) = ("Mariam", "Termine passen nach Rücksprache doch nicht.");

/// Topics of the meetings: the first, then the others in turn.
const TOPICS: [&str; 6] = [
    "Kennenlernen, Ziele des Tandems besprochen",
    "Bewerbungsunterlagen durchgesehen",
    "Fachbegriffe aus dem Arbeitsalltag geübt",
    "Vorstellungsgespräch geprobt",
    "Unterlagen für die Anerkennung sortiert",
    "Betriebsbesichtigung nachbesprochen",
];

fn caller(user: &User, role: Role) -> Caller {
    let principal = Principal {
        user_id: user.id,
        role,
        provider_id: user.provider_id,
    };
    Caller::new(principal, Actor::user(user.id, user.email.as_str()))
}

/// A proposal accepted as of `start` (for a year, with the default budget).
fn from(start: NaiveDate) -> Acceptance {
    Acceptance {
        started_on: start.to_string(),
        ..Acceptance::default()
    }
}

/// The first day on or after `day` that is a `weekday`.
fn next(day: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (7 + weekday.num_days_from_monday() - day.weekday().num_days_from_monday()) % 7;
    day + Duration::days(i64::from(ahead))
}

/// Who logs the meetings of a tandem: its mentor if they have an account, in turn with the
/// mentee if they have one; staff otherwise.
struct Sides {
    staff: Caller,
    mentor: Option<(Caller, MentorId)>,
    mentee: Option<(Caller, ParticipantId)>,
}

impl Sides {
    async fn of(app: &App, staff: &Caller, t: &Tandem) -> anyhow::Result<Sides> {
        let mentor = app.store.mentor_account(t.mentor_id).await?;
        let mentee = app.store.participant_account(t.participant_id).await?;
        Ok(Sides {
            staff: staff.clone(),
            mentor: mentor.map(|u| (caller(&u, Role::Mentor), t.mentor_id)),
            mentee: mentee.map(|u| (caller(&u, Role::Participant), t.participant_id)),
        })
    }

    /// Logs a meeting (day, minutes, topic); every third by the mentee if they can.
    async fn log(
        &self,
        app: &App,
        t: &Tandem,
        i: usize,
        m: (NaiveDate, u32, &str),
    ) -> anyhow::Result<()> {
        let raw = RawMeeting {
            met_on: m.0.to_string(),
            minutes: m.1.to_string(),
            topic: m.2.into(),
        };
        let (who, mentor, mentee) = match (&self.mentor, &self.mentee) {
            (_, Some((c, p))) if i % 3 == 2 => (c, None, Some(*p)),
            (Some((c, m)), _) => (c, Some(*m), None),
            _ => (&self.staff, None, None),
        };
        tandems::log_meeting(app, who, t.id, mentor, mentee, &raw).await?;
        Ok(())
    }

    /// A meeting every 18 days from the start up to `until`, an hour or less: never more than
    /// two in a calendar month, so within the default budget of 120 minutes.
    async fn regular(&self, app: &App, t: &Tandem, until: NaiveDate) -> anyhow::Result<()> {
        let start = t
            .started_on
            .ok_or_else(|| anyhow!("tandem without a start"))?;
        let mut day = (start + Duration::days(3)).min(until);
        let mut i = 0;
        while day <= until {
            let minutes = [60, 45, 60, 50][i % 4];
            let topic = TOPICS[i.checked_sub(1).map_or(0, |k| 1 + k % (TOPICS.len() - 1))];
            self.log(app, t, i, (day, minutes, topic)).await?;
            day += Duration::days(18);
            i += 1;
        }
        Ok(())
    }
}

/// A participant of a [`WISHES`] line starts waiting for a mentor, with their consent to the
/// sharing a week after their first consent if the line says so. Their id and the day a
/// tandem may begin (a week after that consent).
async fn waiting(
    app: &App,
    staff: &Caller,
    people: &[ParticipantRecord],
    line: &str,
) -> anyhow::Result<(ParticipantId, NaiveDate)> {
    let o = object(WISH_FIELDS, line);
    let field = |k: &str| o[k].as_str().unwrap_or_default();
    let p = people
        .iter()
        .find(|p| p.data.given_name == field("given") && p.data.family_name == field("family"))
        .ok_or_else(|| anyhow!("demo participant {line:?} is missing"))?;
    let today = app.today();
    let consents = app.store.consents(p.id).await?;
    let first = consents.iter().map(|c| c.given_on).min().unwrap_or(today);
    let agreed = (first + Duration::days(7)).min(today);
    if field("consent") == "ja" {
        let scope = ConsentScope::ShareWithMentor;
        care::add_consent(app, staff, p.id, scope, agreed).await?;
    }
    let wish: RawWish = serde_json::from_value(o.clone().into())?;
    mentoring::set_wish(app, staff, p.id, &wish).await?;
    Ok((p.id, agreed + Duration::days(7)))
}

/// Creates the mentoring demo while the provider's pool is empty; safe to run again.
pub async fn seed(store: &lernweg_store::Store, provider: ProviderId) -> anyhow::Result<()> {
    let app = App::new(store.clone());
    let staff_user = store
        .user_by_email(&Email::parse("beratung1@demo.example")?)
        .await?;
    let staff = caller(&staff_user, Role::Counsellor);
    if !mentoring::mentors(&app, &staff, None).await?.is_empty() {
        return Ok(());
    }
    let today = app.today();
    let ago = |days: i64| (today - Duration::days(days)).to_string();
    let mut accounts = Vec::new();
    for line in MENTORS {
        let mut o = object(MENTOR_FIELDS, line);
        let days: i64 = o["days"].as_str().unwrap_or_default().parse()?;
        o.insert("available_from".into(), ago(days).into());
        o.insert("consent_on".into(), ago(days.max(60)).into());
        let email = o["email"].as_str().unwrap_or_default().to_owned();
        let raw: RawMentor = serde_json::from_value(o.into())?;
        let m = mentoring::add_mentor(&app, &staff, None, &raw).await?;
        if WITH_ACCOUNT.contains(&email.as_str()) {
            let inv = store
                .create_mentor_invitation(&staff.actor, &m, InvitationKind::Code)
                .await?;
            let user = store
                .redeem_invitation(InvitationKind::Code, &inv.secret, PASSWORD)
                .await?
                .map_err(|r| anyhow!("demo mentor invitation of {}: {r:?}", m.profile.name))?;
            accounts.push((caller(&user, Role::Mentor), m.id));
        }
    }
    let people = store.participants(Some(provider)).await?;
    // An older tandem, closed with feedback: Iwan Petrow and the mentor of the demo login.
    let (iwan, agreed) = waiting(&app, &staff, &people, CLOSED).await?;
    mentoring::propose(&app, &staff, None).await?;
    let proposed = store.tandems_of_participant(iwan).await?;
    let first = proposed
        .first()
        .ok_or_else(|| anyhow!("no mentor proposed for Iwan Petrow"))?;
    let start = agreed.min(today - Duration::days(4));
    let closed_on = today - Duration::days(((today - start).num_days() / 4).max(1));
    let t = mentoring::accept(&app, &staff, first.id, &from(start)).await?;
    let sides = Sides::of(&app, &staff, &t).await?;
    sides
        .regular(&app, &t, closed_on - Duration::days(1))
        .await?;
    let note = "Ziel erreicht: Fachbegriffe und Normen sitzen, die Anerkennung läuft.";
    tandems::close(&app, &staff, t.id, &closed_on.to_string(), note).await?;
    if let Some((c, m)) = &sides.mentor {
        let text = "Iwan war immer gut vorbereitet; die Gespräche über Normen und Fachbegriffe haben mir selbst Freude gemacht.";
        tandems::feedback(&app, c, t.id, Some(*m), None, text).await?;
    }
    if let Some((c, p)) = &sides.mentee {
        let text =
            "Danke für die Geduld! Mit den Fachbegriffen fühle ich mich jetzt im Büro sicher.";
        tandems::feedback(&app, c, t.id, None, Some(*p), text).await?;
    }
    mentoring::remove_wish(&app, &staff, iwan).await?;

    // The waiting participants and the matching's proposals.
    let mut waiting_ones = Vec::new();
    for line in WISHES {
        let given = line.split('|').next().unwrap_or_default();
        waiting_ones.push((given, waiting(&app, &staff, &people, line).await?));
    }
    mentoring::propose(&app, &staff, None).await?;
    let open = store.tandems_of_provider(provider).await?;
    for (given, (id, start)) in waiting_ones {
        let proposed = |t: &&Tandem| t.participant_id == id && t.status == TandemStatus::Proposed;
        let Some(t) = open.iter().find(proposed) else {
            continue;
        };
        if given == REJECTED.0 {
            mentoring::reject(&app, &staff, t.id, REJECTED.1).await?;
        }
        if !ACCEPTED.contains(&given) {
            continue;
        }
        let start = start.min(today - Duration::days(8));
        let t = mentoring::accept(&app, &staff, t.id, &from(start)).await?;
        let sides = Sides::of(&app, &staff, &t).await?;
        sides.regular(&app, &t, today - Duration::days(3)).await?;
        if given == ACCEPTED[0] {
            // Before the knowledge test two long meetings in one month: over the budget.
            let (a, b) = if today.day() >= 2 {
                (today - Duration::days(1), today)
            } else {
                (today - Duration::days(3), today - Duration::days(2))
            };
            let long = [
                (a, 90, "Fachsprache Pflege geübt: Übergabe am Patientenbett"),
                (b, 75, "Probeprüfung mit Fallbeispielen durchgespielt"),
            ];
            for (i, meeting) in long.into_iter().enumerate() {
                sides.log(&app, &t, i, meeting).await?;
            }
        }
    }

    // Events for the mentors, with the sign-ups of those with an account.
    let dates = [
        next(today + Duration::days(7), Weekday::Sat),
        next(today + Duration::days(21), Weekday::Thu),
    ];
    for (i, (line, date)) in EVENTS.into_iter().zip(dates).enumerate() {
        let mut o = object(EVENT_FIELDS, line);
        o.insert("date".into(), date.to_string().into());
        let raw: RawEvent = serde_json::from_value(o.into())?;
        let e = tandems::create_event(&app, &staff, None, &raw).await?;
        for (c, m) in accounts.iter().skip(i) {
            tandems::sign_up(&app, c, Some(*m), e.id, true).await?;
        }
    }
    Ok(())
}
