//! Device loans through the use-cases: tenancy (another provider's device or loan is not
//! found), the admin naming the provider, today from the clock, overdue as of the clock's
//! day, and the audited view.

#[path = "care_fixture/mod.rs"]
mod common;

use common::{World, date, invalid, today};
use lernweg_app::AppError;
use lernweg_app::Caller;
use lernweg_app::loans::{self, DeviceListed, DeviceQuery, Lending, LoanOnDay, LoanQuery};
use lernweg_domain::{Limit, PageNo, Principal, Search};
use lernweg_store::NewDevice;

async fn inventory(w: &World, who: &Principal) -> Vec<DeviceListed> {
    loans::device_page(&w.app, who, &DeviceQuery::default(), PageNo::FIRST)
        .await
        .unwrap()
        .items
}

async fn loan_list(w: &World, caller: &Caller, seen_by: &str) -> Vec<LoanOnDay> {
    let query = LoanQuery::default();
    loans::loans_after(&w.app, caller, &query, None, Limit::default(), seen_by)
        .await
        .unwrap()
        .items
}

fn laptop(label: &str) -> NewDevice {
    NewDevice {
        kind: " laptop ".into(),
        label: label.into(),
        serial: "SN-1".into(),
        note: String::new(),
    }
}

#[tokio::test]
async fn devices_are_created_for_the_callers_provider_and_the_admin_names_one() {
    let w = World::new().await;
    let counsellor = w.counsellor(w.p1);
    // A counsellor's device belongs to their own provider, whatever they name.
    let d = loans::create_device(&w.app, &counsellor, Some(w.p2), laptop("Laptop 1"))
        .await
        .unwrap();
    assert_eq!(d.provider_id, w.p1);
    assert_eq!(d.kind, "laptop", "the kind is trimmed");

    // The admin must name one.
    let r = loans::create_device(&w.app, &w.admin(), None, laptop("Laptop 2")).await;
    assert_eq!(invalid(r), ("provider_id", "required"));
    let d2 = loans::create_device(&w.app, &w.admin(), Some(w.p2), laptop("Laptop 2"))
        .await
        .unwrap();
    assert_eq!(d2.provider_id, w.p2);

    // Each provider sees only its own; the admin all.
    let mine = inventory(&w, &counsellor.principal).await;
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].device.id, d.id);
    assert!(mine[0].open_loan.is_none());
    let all = inventory(&w, &w.admin().principal).await;
    assert_eq!(all.len(), 2);
    // Another provider's device is not found.
    let r = loans::visible_device(&w.app, &w.counsellor(w.p2).principal, &d.id).await;
    assert!(matches!(r, Err(AppError::NotFound)), "{r:?}");
}

#[tokio::test]
async fn lending_uses_todays_date_flags_overdue_and_returns() {
    let w = World::new().await;
    let c1 = w.counsellor(w.p1);
    let c2 = w.counsellor(w.p2);
    let d = loans::create_device(&w.app, &c1, None, laptop("Laptop 1"))
        .await
        .unwrap();
    let lending = |participant_id, due_on| Lending {
        device_id: format!(" {} ", d.id),
        participant_id,
        lent_on: None,
        due_on,
        note: "mit Netzteil".into(),
    };

    // Another provider's counsellor does not find the device.
    let r = loans::lend(&w.app, &c2, lending(w.olga.id, today())).await;
    assert!(matches!(r, Err(AppError::NotFound)), "{r:?}");
    // A participant of another provider is refused.
    let r = loans::lend(&w.app, &c1, lending(w.olga.id, today())).await;
    assert_eq!(invalid(r), ("participant_id", "unknown_participant"));

    // Lent today (the clock's day), due yesterday: overdue at once.
    let due = date(2026, 9, 14);
    let r = loans::lend(&w.app, &c1, lending(w.amina.id, due)).await;
    assert_eq!(invalid(r), ("due_on", "before_lent_on"));
    let loan = loans::lend(
        &w.app,
        &c1,
        Lending {
            lent_on: Some(date(2026, 9, 1)),
            ..lending(w.amina.id, due)
        },
    )
    .await
    .unwrap();
    assert_eq!(loan.lent_on, date(2026, 9, 1));
    let r = loans::lend(&w.app, &c1, lending(w.amina.id, date(2026, 10, 1))).await;
    assert_eq!(invalid(r), ("device_id", "already_lent"));

    let list = loan_list(&w, &c1, "test: loans").await;
    assert_eq!(list.len(), 1);
    // The inventory is searched in the borrower's name and filtered by the open loan.
    let by = |search: &str, lent: Option<bool>| DeviceQuery {
        search: Search::parse(search).unwrap(),
        lent,
        ..DeviceQuery::default()
    };
    for (query, found) in [
        (by("HADDAD", None), 1),
        (by("olga", None), 0),
        (by("", Some(true)), 1),
        (by("", Some(false)), 0),
    ] {
        let page = loans::device_page(&w.app, &c1.principal, &query, PageNo::FIRST)
            .await
            .unwrap();
        assert_eq!(page.total, found, "{query:?}");
    }
    let lent = inventory(&w, &c1.principal).await;
    assert_eq!(lent[0].borrower.as_deref(), Some("Amina Haddad"));
    let returned = LoanQuery {
        open: Some(false),
        ..LoanQuery::default()
    };
    let none = loans::loans_after(&w.app, &c1, &returned, None, Limit::default(), "x")
        .await
        .unwrap();
    assert!(none.items.is_empty(), "the loan is still open");
    assert!(list[0].overdue, "due 14.09., today 15.09.");
    assert!(
        w.audited(w.p1, "device_loans test: loans").await,
        "the view is audited"
    );
    assert!(loan_list(&w, &c2, "x").await.is_empty());
    let devices = inventory(&w, &c1.principal).await;
    assert_eq!(
        devices[0].open_loan.as_ref().map(|l| l.id.as_str()),
        Some(loan.id.as_str())
    );

    // The clock moves back: not overdue any more.
    w.app.clock.set_day(date(2026, 9, 10));
    let list = loan_list(&w, &c1, "test: loans").await;
    assert!(!list[0].overdue);

    // Returns: another provider's loan is not found; the default date is today.
    let r = loans::return_loan(&w.app, &c2, &loan.id, None).await;
    assert!(matches!(r, Err(AppError::NotFound)), "{r:?}");
    let r = loans::return_loan(&w.app, &c1, "no-such-loan", None).await;
    assert!(matches!(r, Err(AppError::NotFound)), "{r:?}");
    let back = loans::return_loan(&w.app, &c1, &loan.id, None)
        .await
        .unwrap();
    assert_eq!(back.returned_on, Some(date(2026, 9, 10)));
    let r = loans::return_loan(&w.app, &c1, &loan.id, None).await;
    assert_eq!(invalid(r), ("returned_on", "already_returned"));
    let list = loan_list(&w, &c1, "test: loans").await;
    assert!(!list[0].overdue);
    let devices = inventory(&w, &c1.principal).await;
    assert!(devices[0].open_loan.is_none());
}
