//! Issue 12: the offer, cohort and audit lists are read through an index of their table on
//! both databases (first page, search, filter, a cursor), for one provider and for all.
//! Migration 0016 adds the indexes; 0018 those of the import jobs, loans and devices; 0019
//! those of the referrals and counselling services.

use chrono::NaiveDate;
use lernweg_domain::{CohortStatus, Cursor, Limit, PageNo, ProviderName, Search, State};
use lernweg_offers::{Offer, OfferDraft};
use lernweg_store::testing::TestDb;
use lernweg_store::{
    Actor, AuditAction, AuditEntity, AuditFilter, CohortFilter, DeviceFilter, ImportFilter,
    ImportStatus, LoanFilter, NewCohort, NewDevice, NewImport, NewProvider, OfferFilter,
    ReferralFilter, ServiceFilter, ServiceInput,
};

fn offer(n: usize) -> Offer {
    let draft: OfferDraft = serde_json::from_value(serde_json::json!({
        "title": format!("Fachsprache Pflege {n}"),
        "goal": "adaptation_qualification",
        "kldb": "81302",
        "target_group": "Pflegefachkräfte mit teilweiser Anerkennung",
        "description": "Sie lernen die Sprache im Beruf. Der Kurs ist am Abend.",
        "delivery_modes": ["online_live", "presence"],
        "kickoff_in_presence": true,
        "closing_in_presence": true,
        "time_model": {"kind": "evening_course", "evenings": [{"weekday": "tue", "start": "18:00", "end": "21:00"}]},
        "modules": [{"title": "Fachsprache", "hours": 30, "milestone": "Modulzertifikat"}],
        "exams": [{"after_module": 1, "title": "Abschlussprüfung", "hours": 3}],
        "location": {"name": "Bildungszentrum", "street": "Hauptstraße 1", "zip": "80331", "city": "München", "step_free": true},
        "costs_eur": 0, "capacity": 16,
        "contact_name": "Aylin Demir", "contact_email": "a.demir@traeger.example"
    }))
    .unwrap();
    draft.validate().unwrap()
}

/// Whether a plan line reads a table through an index (or its primary key).
fn uses_index(plan: &str, postgres: bool) -> bool {
    if postgres {
        plan.contains("Index")
    } else {
        plan.contains("USING INDEX")
            || plan.contains("USING COVERING INDEX")
            || plan.contains("USING PRIMARY KEY")
    }
}

fn s(text: &str) -> Option<Search> {
    Search::parse(text).unwrap()
}

#[tokio::test]
async fn offer_cohort_and_audit_lists_use_their_indexes() {
    let db = TestDb::new().await;
    let store = &db.store;
    let actor = Actor::system();
    let p = store
        .create_provider(
            &actor,
            NewProvider {
                name: ProviderName::parse("Träger Plan").unwrap(),
                state: State::BY,
            },
        )
        .await
        .unwrap();
    for n in 0..3 {
        let o = store.create_offer(&actor, p.id, offer(n)).await.unwrap();
        store
            .create_cohort(
                &actor,
                NewCohort {
                    planning: Default::default(),
                    offer_id: o.id,
                    name: format!("Lauf {n}"),
                    state: State::BY,
                    start_date: NaiveDate::from_ymd_opt(2027, 3, 2).unwrap(),
                    room: String::new(),
                    online_link: String::new(),
                    trainers: vec![],
                },
                &[],
            )
            .await
            .unwrap();
    }
    db.plans_of_lists_run().await;
    let mine = Some(p.id);
    let cursor = Cursor::new("2027-03-02", "0190a1b2-0000-7000-8000-000000000001");
    let limit = Limit::new(2);

    // Offers: a provider's and all, first page, search, filter, cursor.
    for scope in [mine, None] {
        let f = OfferFilter {
            scope,
            ..OfferFilter::default()
        };
        store.offer_page(&f, PageNo::FIRST).await.unwrap();
        store.offers_after(&f, None, limit).await.unwrap();
        store
            .offers_after(&f, Some(&Cursor::new("Fachsprache", "x")), limit)
            .await
            .unwrap();
        let published = OfferFilter {
            published: Some(true),
            ..f.clone()
        };
        store.offer_page(&published, PageNo::FIRST).await.unwrap();
    }
    let searched = OfferFilter {
        scope: mine,
        search: s("pflege 1"),
        ..OfferFilter::default()
    };
    store.offer_page(&searched, PageNo::FIRST).await.unwrap();
    store.offers_after(&searched, None, limit).await.unwrap();

    // Cohorts: a provider's and all, an offer's, by status, search, cursor.
    let an_offer = store.offers(mine).await.unwrap()[0].id;
    for scope in [mine, None] {
        let f = CohortFilter {
            scope,
            ..CohortFilter::default()
        };
        store.cohort_page(&f, PageNo::FIRST).await.unwrap();
        store.cohorts_after(&f, Some(&cursor), limit).await.unwrap();
        let of_offer = CohortFilter {
            offer: Some(an_offer),
            status: Some(CohortStatus::Draft),
            ..f.clone()
        };
        store.cohort_page(&of_offer, PageNo::FIRST).await.unwrap();
        store.cohorts_after(&of_offer, None, limit).await.unwrap();
    }
    let searched = CohortFilter {
        scope: mine,
        search: s("lauf"),
        ..CohortFilter::default()
    };
    store.cohort_page(&searched, PageNo::FIRST).await.unwrap();

    // The audit log: all, a provider's, by action, by record kind, a cursor.
    let at = Cursor::new(
        "2099-01-01T00:00:00Z",
        "ffffffff-ffff-7fff-bfff-ffffffffffff",
    );
    let filters = [
        AuditFilter::default(),
        AuditFilter {
            provider: mine,
            ..AuditFilter::default()
        },
        AuditFilter {
            action: Some(AuditAction::Create),
            ..AuditFilter::default()
        },
        AuditFilter {
            entity: Some(AuditEntity::Offer),
            ..AuditFilter::default()
        },
    ];
    for f in &filters {
        store.audit_page(f, PageNo::FIRST).await.unwrap();
        store.audit_after(f, Some(&at), limit).await.unwrap();
    }
    let searched = AuditFilter {
        search: s("fachsprache"),
        ..AuditFilter::default()
    };
    store.audit_after(&searched, None, limit).await.unwrap();

    assert_plans_use_indexes(&db, 40).await;
}

/// Every list query run since the last call reads its table through an index.
async fn assert_plans_use_indexes(db: &TestDb, at_least: usize) {
    let postgres = db.store.backend_name() != "sqlite";
    let plans = db.plans_of_lists_run().await;
    assert!(
        plans.len() >= at_least,
        "every list query is seen: {}",
        plans.len()
    );
    for (sql, plan) in &plans {
        // A count over a search (`LIKE '%…%'`) without a provider reads every row of the
        // scope by nature; every other query, and every row query, goes through an index.
        let unscoped_search_count = sql.starts_with("SELECT COUNT(*)")
            && sql.contains("LIKE")
            && !sql.contains("provider_id =");
        if unscoped_search_count {
            continue;
        }
        assert!(
            uses_index(plan, postgres),
            "no index used by\n{sql}\n--- plan:\n{plan}"
        );
    }
}

async fn provider(store: &lernweg_store::Store, name: &str) -> lernweg_domain::ProviderId {
    store
        .create_provider(
            &Actor::system(),
            NewProvider {
                name: ProviderName::parse(name).unwrap(),
                state: State::BY,
            },
        )
        .await
        .unwrap()
        .id
}

#[tokio::test]
async fn import_job_lists_use_their_indexes() {
    let db = TestDb::new().await;
    let store = &db.store;
    let p = provider(store, "Träger Import").await;
    let csv = "Vorname;Name;consent_data_processing\r\nMehmet;Öztürk;2026-09-01\r\n";
    let today = chrono::NaiveDate::from_ymd_opt(2026, 9, 2).unwrap();
    let preview = lernweg_participants::preview_csv(csv.as_bytes(), today).unwrap();
    for name in ["a.csv", "b.csv"] {
        store
            .stage_import(
                &Actor::system(),
                NewImport {
                    provider: p,
                    contact_person: None,
                    file_name: name,
                    preview: &preview,
                },
            )
            .await
            .unwrap();
    }
    db.plans_of_lists_run().await;
    let at = Cursor::new(
        "2099-01-01T00:00:00Z",
        "ffffffff-ffff-7fff-bfff-ffffffffffff",
    );
    for scope in [Some(p), None] {
        for status in [None, Some(ImportStatus::Previewed)] {
            let f = ImportFilter {
                scope,
                status,
                search: None,
            };
            store.import_page(&f, PageNo::FIRST).await.unwrap();
            store.imports_after(&f, None, Limit::new(1)).await.unwrap();
            store
                .imports_after(&f, Some(&at), Limit::new(1))
                .await
                .unwrap();
        }
    }
    let searched = ImportFilter {
        scope: Some(p),
        search: s("b.c"),
        ..ImportFilter::default()
    };
    let found = store.import_page(&searched, PageNo::FIRST).await.unwrap();
    assert_eq!(found.total, 1);
    assert_eq!(found.items[0].file_name, "b.csv");
    assert_plans_use_indexes(&db, 14).await;
}

#[tokio::test]
async fn device_and_loan_lists_use_their_indexes() {
    let db = TestDb::new().await;
    let store = &db.store;
    let actor = Actor::system();
    let p = provider(store, "Träger Verleih").await;
    for n in 0..3 {
        store
            .create_device(
                &actor,
                p,
                NewDevice {
                    kind: "laptop".into(),
                    label: format!("Laptop {n}"),
                    serial: format!("SN-{n}"),
                    note: String::new(),
                },
            )
            .await
            .unwrap();
    }
    db.plans_of_lists_run().await;
    let after = Cursor::new("Laptop 1", "0190a1b2-0000-7000-8000-000000000001");
    let due = Cursor::new("2027-01-01", "0190a1b2-0000-7000-8000-000000000001");
    let limit = Limit::new(2);
    for scope in [Some(p), None] {
        let devices = [
            DeviceFilter {
                scope,
                ..DeviceFilter::default()
            },
            DeviceFilter {
                scope,
                kind: Some("laptop".into()),
                lent: Some(true),
                ..DeviceFilter::default()
            },
            DeviceFilter {
                scope,
                available: true,
                ..DeviceFilter::default()
            },
        ];
        for f in &devices {
            store.device_page(f, PageNo::FIRST).await.unwrap();
            store.devices_after(f, Some(&after), limit).await.unwrap();
        }
        let loans = [
            LoanFilter {
                scope,
                ..LoanFilter::default()
            },
            LoanFilter {
                scope,
                open: Some(false),
                kind: Some("tablet".into()),
                ..LoanFilter::default()
            },
            LoanFilter {
                scope,
                overdue_on: NaiveDate::from_ymd_opt(2027, 1, 1),
                ..LoanFilter::default()
            },
        ];
        for f in &loans {
            store.loans_matching(f).await.unwrap();
            store.loans_after(f, Some(&due), limit).await.unwrap();
        }
    }
    let searched = DeviceFilter {
        scope: Some(p),
        search: s("sn-2"),
        ..DeviceFilter::default()
    };
    let found = store.device_page(&searched, PageNo::FIRST).await.unwrap();
    assert_eq!(found.total, 1);
    assert_eq!(found.items[0].device.label, "Laptop 2");
    let searched = LoanFilter {
        scope: Some(p),
        search: s("laptop"),
        ..LoanFilter::default()
    };
    store.loans_after(&searched, None, limit).await.unwrap();
    assert_plans_use_indexes(&db, 33).await;
}

#[tokio::test]
async fn referral_and_service_lists_use_their_indexes() {
    let db = TestDb::new().await;
    let store = &db.store;
    let actor = Actor::system();
    let p = provider(store, "Träger Beratung").await;
    let draft: lernweg_participants::ParticipantDraft = serde_json::from_value(
        serde_json::json!({"given_name": "Amina", "family_name": "Haddad", "email": "amina@example.org"}),
    )
    .unwrap();
    let person = store
        .create_participant(&actor, p, None, draft.validate(2026).unwrap())
        .await
        .unwrap();
    let service = store
        .create_counselling_service(
            &actor,
            p,
            ServiceInput {
                kind: "debt".into(),
                name: "Schuldnerberatung".into(),
                active: true,
                ..ServiceInput::default()
            },
        )
        .await
        .unwrap();
    for day in 1..=3 {
        store
            .create_referral(
                &actor,
                person.id,
                &service.id,
                NaiveDate::from_ymd_opt(2026, 10, day).unwrap(),
                "Schulden",
            )
            .await
            .unwrap();
    }
    db.plans_of_lists_run().await;
    let at = Cursor::new("2026-10-02", "ffffffff-ffff-7fff-bfff-ffffffffffff");
    let limit = Limit::new(2);
    for scope in [Some(p), None] {
        let filters = [
            ReferralFilter {
                scope,
                ..ReferralFilter::default()
            },
            ReferralFilter {
                scope,
                open_only: true,
                ..ReferralFilter::default()
            },
            ReferralFilter {
                scope,
                status: Some("declined".into()),
                service_id: Some(service.id.clone()),
                ..ReferralFilter::default()
            },
        ];
        for f in &filters {
            store.referral_page(f, PageNo::FIRST).await.unwrap();
            store.referrals_after(f, Some(&at), limit).await.unwrap();
        }
        let services = ServiceFilter {
            scope,
            ..ServiceFilter::default()
        };
        store.services_matching(&services).await.unwrap();
        store.services_after(&services, None, limit).await.unwrap();
    }
    let searched = ReferralFilter {
        scope: Some(p),
        search: s("HADDAD"),
        ..ReferralFilter::default()
    };
    let found = store.referral_page(&searched, PageNo::FIRST).await.unwrap();
    assert_eq!(found.total, 3);
    assert_eq!(found.items[0].participant, "Amina Haddad");
    assert_eq!(found.items[0].service, "Schuldnerberatung");
    let after = store
        .referrals_after(&searched, Some(&at), limit)
        .await
        .unwrap();
    // Newest first: after (2 October, the highest id) come 2 and 1 October.
    let days: Vec<String> = after
        .items
        .iter()
        .map(|r| r.referral.referred_on.to_string())
        .collect();
    assert_eq!(days, ["2026-10-02", "2026-10-01"]);
    assert_plans_use_indexes(&db, 20).await;
}
