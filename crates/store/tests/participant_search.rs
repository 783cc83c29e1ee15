//! The participant list (issue 12): search over name, e-mail, phone and login name
//! (case-insensitive with umlauts on SQLite too), the filters, pages by name and the cursor
//! by id; the search text kept up to date on every write and filled in after migrating.

#[path = "people/fixture.rs"]
mod fixture;

use fixture::{People, people, person};
use lernweg_domain::{Cursor, Limit, PageNo, ParticipantId, Search};
use lernweg_participants::EnrolmentStatus;
use lernweg_store::{Actor, InvitationKind, ParticipantFilter};

fn search(q: &str) -> ParticipantFilter {
    ParticipantFilter {
        search: Search::parse(q).unwrap(),
        ..ParticipantFilter::default()
    }
}

async fn names(f: &People, filter: &ParticipantFilter) -> Vec<String> {
    f.db.store
        .participants_page(Some(f.provider), filter, PageNo::FIRST, 50)
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|p| p.data.given_name)
        .collect()
}

#[tokio::test]
async fn the_search_finds_name_email_phone_and_login_name_in_any_case() {
    let f = people().await;
    // Umlauts in any case (SQLite's lower() folds ASCII only), the own provider only.
    assert_eq!(names(&f, &search("öztürk")).await, ["Ayşe"]);
    assert_eq!(names(&f, &search("ÖZtürk")).await, ["Ayşe"]);
    assert_eq!(names(&f, &search("AYŞE Öz")).await, ["Ayşe"]);
    assert_eq!(names(&f, &search("becker jonas")).await, ["Jonas"]);
    assert_eq!(names(&f, &search("JONAS@EXAMPLE")).await, ["Jonas"]);
    assert_eq!(names(&f, &search("01701234")).await, ["Ayşe"]);
    assert_eq!(names(&f, &search("0170 123")).await, ["Ayşe"]);
    // `%` and `_` are themselves.
    assert!(names(&f, &search("%")).await.is_empty());
    assert!(names(&f, &search("nobody")).await.is_empty());

    // A printed code gives Amina (no e-mail) a login name: from then on it finds her.
    let s = &f.db.store;
    let issued = s
        .create_invitation(&Actor::system(), &f.amina, InvitationKind::Code)
        .await
        .unwrap();
    let login = issued.login.to_string();
    assert!(names(&f, &search(&login)).await.is_empty(), "not before");
    s.redeem_invitation(InvitationKind::Code, &issued.secret, "mein-neues-passwort")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(names(&f, &search(&login.to_uppercase())).await, ["Amina"]);

    // A changed record is found by its new name, no longer by the old, and keeps the login.
    s.update_participant(
        &Actor::system(),
        f.amina.id,
        None,
        person("Amina", "Schäfer-Haddad", "", ""),
    )
    .await
    .unwrap();
    assert_eq!(names(&f, &search("SCHÄFER")).await, ["Amina"]);
    assert!(names(&f, &search("amina haddad")).await.is_empty());
    assert_eq!(names(&f, &search(&login)).await, ["Amina"]);

    // Rows of an older version (no search text yet) are filled in after migrating, once.
    assert_eq!(
        f.db.execute("UPDATE participants SET search_text = NULL")
            .await,
        4
    );
    assert!(names(&f, &search("öztürk")).await.is_empty());
    s.migrate().await.unwrap();
    assert_eq!(names(&f, &search("öztürk")).await, ["Ayşe"]);
    assert_eq!(names(&f, &search(&login)).await, ["Amina"]);
    assert_eq!(
        f.db.execute("UPDATE participants SET search_text = search_text WHERE search_text IS NULL")
            .await,
        0
    );
    s.migrate().await.unwrap();
}

#[tokio::test]
async fn the_filters_narrow_by_status_cohort_and_contact_person() {
    let f = people().await;
    let by = |status, cohort, contact| ParticipantFilter {
        status,
        cohort,
        contact_person: contact,
        ..ParticipantFilter::default()
    };
    assert_eq!(names(&f, &by(None, Some(f.spring), None)).await, ["Ayşe"]);
    assert_eq!(names(&f, &by(None, Some(f.autumn), None)).await, ["Jonas"]);
    let interested = Some(EnrolmentStatus::Interested);
    let counselled = Some(EnrolmentStatus::Counselled);
    assert_eq!(names(&f, &by(interested, None, None)).await, ["Jonas"]);
    assert_eq!(names(&f, &by(counselled, None, None)).await, ["Ayşe"]);
    // Status and cohort: in the same enrolment.
    assert!(
        names(&f, &by(interested, Some(f.spring), None))
            .await
            .is_empty()
    );
    assert_eq!(
        names(&f, &by(counselled, Some(f.spring), None)).await,
        ["Ayşe"]
    );
    assert_eq!(
        names(&f, &by(None, None, Some(f.counsellor.id))).await,
        ["Ayşe"]
    );
    let mut both = by(None, None, Some(f.counsellor.id));
    both.search = Search::parse("becker").unwrap();
    assert!(names(&f, &both).await.is_empty());
}

#[tokio::test]
async fn pages_go_by_name_and_the_cursor_by_id() {
    let f = people().await;
    let s = &f.db.store;
    let all = ParticipantFilter::default();
    let first = s
        .participants_page(Some(f.provider), &all, PageNo::FIRST, 2)
        .await
        .unwrap();
    assert_eq!((first.total, first.pages()), (3, 2));
    let family: Vec<_> = first
        .items
        .iter()
        .map(|p| p.data.family_name.as_str())
        .collect();
    assert_eq!(family, ["Becker", "Haddad"]);
    let second = s
        .participants_page(Some(f.provider), &all, PageNo::parse("2").unwrap(), 2)
        .await
        .unwrap();
    assert_eq!(second.items[0].id, f.ayse.id);
    // Every provider for the admin.
    let everyone = s
        .participants_page(None, &all, PageNo::FIRST, 50)
        .await
        .unwrap();
    assert_eq!((everyone.total, everyone.capped), (4, false));

    // By id (creation order), two at a time, then the rest without a further cursor.
    let one = s
        .participants_after(Some(f.provider), &all, None, Limit::new(2))
        .await
        .unwrap();
    let ids: Vec<ParticipantId> = one.items.iter().map(|p| p.id).collect();
    assert_eq!(ids, [f.ayse.id, f.jonas.id]);
    let next: Cursor = one.next.clone().expect("more");
    let two = s
        .participants_after(Some(f.provider), &all, Some(&next), Limit::new(2))
        .await
        .unwrap();
    assert_eq!(two.items.len(), 1);
    assert_eq!(two.items[0].id, f.amina.id);
    assert_eq!(two.next, None);
    let other = s
        .participants_after(Some(f.other_provider), &search("öz"), None, Limit::new(2))
        .await
        .unwrap();
    assert_eq!(other.items.len(), 1);
    assert_eq!(other.items[0].data.given_name, "Özlem");

    // The enrolments of a page with their cohorts' names: one query for all.
    let listed = s
        .enrolments_with_cohort_names(&[f.ayse.id, f.jonas.id, f.amina.id])
        .await
        .unwrap();
    let mut got: Vec<(ParticipantId, String)> = listed
        .into_iter()
        .map(|(e, name)| (e.participant_id, name))
        .collect();
    got.sort();
    let mut want = vec![
        (f.ayse.id, "Frühjahr".to_owned()),
        (f.jonas.id, "Herbst".to_owned()),
    ];
    want.sort();
    assert_eq!(got, want);
}

#[tokio::test]
async fn a_page_counts_twenty_pages_ahead_and_no_further() {
    let f = people().await;
    let s = &f.db.store;
    for i in 0..22 {
        s.create_participant(
            &Actor::system(),
            f.provider,
            None,
            person("Kim", &format!("Zeller{i:02}"), "", ""),
        )
        .await
        .unwrap();
    }
    let all = ParticipantFilter::default();
    let page = |n: &str| s.participants_page(Some(f.provider), &all, PageNo::parse(n).unwrap(), 1);
    // 25 people, one per page: the first page counts 21 rows and stops.
    let first = page("1").await.unwrap();
    assert_eq!((first.total, first.capped, first.pages()), (20, true, 20));
    assert_eq!(first.items[0].data.family_name, "Becker");
    // Page 5 counts up to row 25, the last, and cannot tell whether more follow; from
    // page 6 on the count reaches beyond the end of the list: exact again.
    let fifth = page("5").await.unwrap();
    assert_eq!((fifth.total, fifth.capped), (24, true));
    let sixth = page("6").await.unwrap();
    assert_eq!((sixth.total, sixth.capped, sixth.pages()), (25, false, 25));
    let last = page("25").await.unwrap();
    assert_eq!(last.items.len(), 1);
    assert!(page("26").await.unwrap().items.is_empty());
    // A search counts the same way.
    let found = s
        .participants_page(Some(f.provider), &search("zeller"), PageNo::FIRST, 1)
        .await
        .unwrap();
    assert_eq!((found.total, found.capped), (20, true));
}

#[tokio::test]
async fn the_cohort_names_of_a_provider_come_by_name_in_one_row() {
    let f = people().await;
    let s = &f.db.store;
    let a = fixture::cohort(&f.db, f.provider, "Abend \"Pflege\" & Co.").await;
    assert_eq!(
        s.cohort_names(Some(f.provider)).await.unwrap(),
        [
            (a, "Abend \"Pflege\" & Co.".to_owned()),
            (f.spring, "Frühjahr".to_owned()),
            (f.autumn, "Herbst".to_owned()),
        ]
    );
    assert!(
        s.cohort_names(Some(f.other_provider))
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(s.cohort_names(None).await.unwrap().len(), 3);
}
