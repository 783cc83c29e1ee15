//! Bulk demo data for load tests (`lernweg demo --bulk-participants 10000 --bulk-cohorts 200
//! --bulk-sessions 1000`): many participants, cohorts and sessions for the first demo
//! provider, written through the same store calls as every other record, so that lists,
//! pages and feeds are measured on data of the size a state network has.
//!
//! Generated once per database (a setting remembers it); names come from pools of names
//! common among people in IQ offers, combined so that they repeat rarely.

use anyhow::anyhow;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use lernweg_domain::{CohortStatus, ProviderId, UserId};
use lernweg_participants::ParticipantDraft;
use lernweg_planner::{ClockTime, SessionKind};
use lernweg_store::{Actor, NewCohort, NewSession, Store};
use serde_json::json;

const BULK_KEY: &str = "demo_bulk_seeded";

/// How much bulk data to add.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Bulk {
    pub participants: usize,
    pub cohorts: usize,
    /// Sessions in all, spread over the cohorts (at least one each).
    pub sessions: usize,
}

impl Bulk {
    pub fn is_empty(&self) -> bool {
        self.participants == 0 && self.cohorts == 0
    }
}

const GIVEN: [&str; 32] = [
    "Amina",
    "Oleksandr",
    "Fatma",
    "Samuel",
    "Mariam",
    "Iwan",
    "Lucía",
    "Dawit",
    "Yusuf",
    "Olena",
    "Ahmad",
    "Zeynep",
    "Tetiana",
    "Mohammed",
    "Ayşe",
    "Dmytro",
    "Fatima",
    "Kwame",
    "Nour",
    "Emre",
    "Svitlana",
    "Karim",
    "Leyla",
    "Bogdan",
    "Hana",
    "Omar",
    "Irina",
    "Mehmet",
    "Rania",
    "Andrij",
    "Chiara",
    "Tomasz",
];

const FAMILY: [&str; 32] = [
    "Haddad",
    "Kovalenko",
    "Yıldız",
    "Mensah",
    "Rahimi",
    "Petrow",
    "Fernández",
    "Tesfaye",
    "Öztürk",
    "Schewtschenko",
    "Al-Masri",
    "Demir",
    "Bondarenko",
    "Nasser",
    "Kaya",
    "Melnyk",
    "Hussein",
    "Owusu",
    "Khalil",
    "Şahin",
    "Tkachenko",
    "Aziz",
    "Çelik",
    "Lysenko",
    "Saleh",
    "Nowak",
    "Ivanova",
    "Arslan",
    "Jaber",
    "Hrytsenko",
    "Rossi",
    "Wiśniewski",
];

const TONGUES: [&str; 8] = ["ar", "uk", "tr", "en", "fa", "ru", "es", "pl"];
const LEVELS: [&str; 5] = ["A2", "B1", "B1", "B2", "C1"];
const KLDB: [&str; 5] = ["81302", "25102", "51302", "83112", "27104"];

fn ascii(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            'ı' => Some('i'),
            'ş' | 'Ş' => Some('s'),
            'ç' | 'Ç' => Some('c'),
            'ö' | 'Ö' => Some('o'),
            'ü' => Some('u'),
            'í' => Some('i'),
            'á' => Some('a'),
            'ś' => Some('s'),
            c if c.is_ascii_alphabetic() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

/// Adds the bulk data once; returns whether it was added now.
pub async fn seed(store: &Store, provider: ProviderId, bulk: Bulk) -> anyhow::Result<bool> {
    if bulk.is_empty() || store.setting(BULK_KEY).await?.is_some() {
        return Ok(false);
    }
    let actor = Actor::system();
    let today = store.clock().today();
    let staff = store.users(Some(provider)).await?;
    let pick = |role: lernweg_domain::Role| -> anyhow::Result<UserId> {
        staff
            .iter()
            .find(|u| u.role == role)
            .map(|u| u.id)
            .ok_or_else(|| anyhow!("the demo provider has no {role}"))
    };
    let (counsellor, trainer) = (
        pick(lernweg_domain::Role::Counsellor)?,
        pick(lernweg_domain::Role::Trainer)?,
    );
    let offers: Vec<_> = store
        .offers(Some(provider))
        .await?
        .into_iter()
        .filter(|o| o.published)
        .collect();
    if offers.is_empty() && bulk.cohorts > 0 {
        return Err(anyhow!("the demo provider has no published offer"));
    }
    let state = store.provider(provider).await?.state;
    let per_cohort = bulk
        .sessions
        .checked_div(bulk.cohorts)
        .map_or(0, |n| n.max(1));
    let mut cohorts = Vec::with_capacity(bulk.cohorts);
    for i in 0..bulk.cohorts {
        let offer = &offers[i % offers.len()];
        // Starts spread over a year from two months ago, each on a Tuesday.
        let mut start = today - Duration::days(60) + Duration::days((i as i64 * 365) / 200);
        while start.weekday() != Weekday::Tue {
            start += Duration::days(1);
        }
        let sessions = evening_sessions(start, per_cohort, i);
        let new = NewCohort {
            planning: Default::default(),
            offer_id: offer.id,
            name: format!("Abendkurs {} – Gruppe {}", start.format("%m/%Y"), i + 1),
            state,
            start_date: start,
            room: format!("Schulungsraum {}", i % 12 + 1),
            online_link: String::new(),
            trainers: vec![trainer],
        };
        let cohort = store.create_cohort(&actor, new, &sessions).await?;
        store
            .set_cohort_status(&actor, cohort.id, CohortStatus::Published)
            .await?;
        cohorts.push(cohort.id);
    }
    let counsel = Actor::user(counsellor, "beratung1@demo.example");
    for i in 0..bulk.participants {
        let (given, family) = (
            GIVEN[i % GIVEN.len()],
            FAMILY[(i / GIVEN.len() + i * 7) % FAMILY.len()],
        );
        let draft: ParticipantDraft = serde_json::from_value(json!({
            "given_name": given, "family_name": family,
            "email": format!("{}.{}.{}@mail.demo.example", ascii(given), ascii(family), i + 1),
            "phone": format!("0171 {:07}", 1_000_000 + i),
            "mother_tongue": TONGUES[i % TONGUES.len()], "german_level": LEVELS[i % LEVELS.len()],
            "kldb": KLDB[i % KLDB.len()], "weekly_hours": if i % 3 == 0 { "38,5" } else { "30" },
        }))?;
        let data = draft
            .validate(today.year())
            .map_err(|e| anyhow!("bulk participant {given} {family}: {e:?}"))?;
        let p = store
            .create_participant(&counsel, provider, Some(counsellor), data)
            .await?;
        if !cohorts.is_empty() {
            store
                .enrol(&counsel, p.id, cohorts[i % cohorts.len()])
                .await?;
        }
    }
    store.set_setting_once(BULK_KEY, "1").await?;
    Ok(true)
}

/// `n` weekly evening sessions (17:30–20:45) from `start`.
fn evening_sessions(start: NaiveDate, n: usize, cohort: usize) -> Vec<NewSession> {
    (0..n)
        .map(|k| NewSession {
            uid: format!("bulk-{cohort}-{k}@lernweg.demo"),
            date: start + Duration::weeks(k as i64),
            start: ClockTime::new(17, 30),
            end: ClockTime::new(20, 45),
            hours: 3.25,
            module: Some(1),
            kind: SessionKind::Lesson,
            title: format!("Abendtermin {}", k + 1),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_are_weekly_evenings() {
        let start = NaiveDate::from_ymd_opt(2027, 1, 5).unwrap();
        let s = evening_sessions(start, 5, 3);
        assert_eq!(s.len(), 5);
        assert_eq!(s[4].date, NaiveDate::from_ymd_opt(2027, 2, 2).unwrap());
        assert_eq!(s[0].uid, "bulk-3-0@lernweg.demo");
        assert!(s.iter().all(|x| x.date.weekday() == Weekday::Tue));
    }

    #[test]
    fn e_mail_names_are_ascii() {
        assert_eq!(ascii("Yıldız"), "yildiz");
        assert_eq!(ascii("Al-Masri"), "almasri");
        assert_eq!(ascii("Wiśniewski"), "wisniewski");
    }
}
