//! Issue 12: the list queries are answered from indexes on both databases. Each test runs
//! a list's queries (page, search, filters, cursor) and checks the plan of every one with
//! [`assert_uses_index`]. `SHOW_PLANS=1 cargo test -p lernweg-store --test query_plans --
//! --nocapture` prints them.

#[path = "people/fixture.rs"]
mod fixture;

use lernweg_domain::{Cursor, Limit, PageNo, Search};
use lernweg_participants::EnrolmentStatus;
use lernweg_store::ParticipantFilter;
use lernweg_store::testing::TestDb;

/// Every plan reads `table` through an index: on SQLite "USING INDEX"/"USING COVERING
/// INDEX" and never "SCAN table" alone; on PostgreSQL (sequential scans discouraged) an
/// "Index" node for the table and no "Seq Scan on table". Returns how many plans were checked.
pub async fn assert_uses_index(db: &TestDb, table: &str) -> usize {
    let plans = db.plans_of_lists_run().await;
    assert!(!plans.is_empty(), "no list query ran");
    let postgres = db.store.backend_name() == "postgres";
    for (sql, plan) in &plans {
        if std::env::var_os("SHOW_PLANS").is_some() {
            eprintln!("{sql}\n{plan}\n");
        }
        let lines: Vec<&str> = plan.lines().collect();
        let ok = if postgres {
            !plan.contains(&format!("Seq Scan on {table}"))
                && lines
                    .iter()
                    .any(|l| l.contains("Index") && l.contains(table))
        } else {
            let mine: Vec<&&str> = lines
                .iter()
                .filter(|l| {
                    l.contains(&format!("SCAN {table}")) || l.contains(&format!("SEARCH {table}"))
                })
                .collect();
            !mine.is_empty()
                && mine
                    .iter()
                    .all(|l| l.contains("USING") && l.contains("INDEX"))
        };
        assert!(ok, "{table} is read without an index:\n{sql}\n{plan}");
    }
    plans.len()
}

#[tokio::test]
async fn the_participant_list_reads_participants_through_an_index() {
    let f = fixture::people().await;
    let s = &f.db.store;
    let _ = f.db.plans_of_lists_run().await;
    let filters = [
        ParticipantFilter::default(),
        ParticipantFilter {
            search: Search::parse("öztürk").unwrap(),
            ..ParticipantFilter::default()
        },
        ParticipantFilter {
            status: Some(EnrolmentStatus::Interested),
            ..ParticipantFilter::default()
        },
        ParticipantFilter {
            cohort: Some(f.spring),
            status: Some(EnrolmentStatus::Counselled),
            ..ParticipantFilter::default()
        },
        ParticipantFilter {
            contact_person: Some(f.counsellor.id),
            search: Search::parse("ayşe").unwrap(),
            ..ParticipantFilter::default()
        },
    ];
    for filter in &filters {
        s.participants_page(Some(f.provider), filter, PageNo::FIRST, 50)
            .await
            .unwrap();
        s.participants_page(Some(f.provider), filter, PageNo::parse("2").unwrap(), 50)
            .await
            .unwrap();
        let cursor = Cursor::new("", f.ayse.id.to_string());
        for after in [None, Some(&cursor)] {
            s.participants_after(Some(f.provider), filter, after, Limit::new(50))
                .await
                .unwrap();
        }
    }
    // The admin's lists over every provider, by name and by id.
    let all = ParticipantFilter::default();
    s.participants_page(None, &all, PageNo::FIRST, 50)
        .await
        .unwrap();
    s.participants_after(None, &all, None, Limit::new(50))
        .await
        .unwrap();
    // Two pages and two stretches per filter, and the admin's two (a page is two queries).
    let checked = assert_uses_index(&f.db, "participants").await;
    assert_eq!(checked, filters.len() * 6 + 3);
}

/// The search reads the name index alone: the search text is in it, so the count touches
/// no table row and a page only the rows it shows (SQLite says "COVERING INDEX").
#[tokio::test]
async fn the_participant_search_is_answered_from_the_name_index() {
    let f = fixture::people().await;
    let s = &f.db.store;
    let _ = f.db.plans_of_lists_run().await;
    let search = ParticipantFilter {
        search: Search::parse("öztürk").unwrap(),
        ..ParticipantFilter::default()
    };
    s.participants_page(Some(f.provider), &search, PageNo::FIRST, 50)
        .await
        .unwrap();
    let plans = f.db.plans_of_lists_run().await;
    let (sql, plan) = plans
        .iter()
        .find(|(sql, _)| sql.starts_with("SELECT COUNT(*)"))
        .expect("the count ran");
    assert!(!sql.contains("lower("), "{sql}");
    if std::env::var_os("SHOW_PLANS").is_some() {
        eprintln!("{sql}\n{plan}\n");
    }
    // PostgreSQL picks among its indexes by its statistics; that it uses one is checked
    // by the test above.
    if s.backend_name() == "sqlite" {
        assert!(
            plan.contains("USING COVERING INDEX participants_provider_name_idx"),
            "{plan}"
        );
    }
}
