//! The admin enters a provider's KURSNET supplier number, address and website on the
//! provider's page; mistakes come back field by field with what was typed. The public offer
//! pages name the provider with its website and address (JSON-LD).

mod common;

use common::TestApp;

#[tokio::test]
async fn admin_edits_kursnet_details_on_the_provider_page() {
    let app = TestApp::spawn().await;
    let (client, csrf) = app.login("admin@test.example").await;
    let page = format!("/admin/traeger/{}", app.p1.id);
    let html = client
        .get(app.url(&page))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("KURSNET-Anbieternummer"), "{html}");
    assert!(html.contains("name=\"kursnet_supplier_id\""));

    let form = |zip: &'static str, website: &'static str| {
        vec![
            ("csrf", csrf.clone()),
            ("name", "Träger Eins".to_owned()),
            ("state", "NW".to_owned()),
            ("kursnet_supplier_id", "245884".to_owned()),
            ("street", "Lindenallee 4".to_owned()),
            ("zip", zip.to_owned()),
            ("city", "Köln".to_owned()),
            ("phone", "0221 123456".to_owned()),
            ("email", "kurse@traeger-eins.example".to_owned()),
            ("website", website.to_owned()),
        ]
    };
    let res = client
        .post(app.url(&page))
        .form(&form("5066", "www.traeger-eins.example"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("id=\"zip-error\""), "{html}");
    assert!(html.contains("id=\"website-error\""), "{html}");
    assert!(html.contains("mit https:// beginnt"), "{html}");
    assert!(
        html.contains("value=\"Lindenallee 4\""),
        "typed values stay"
    );
    let p = app.state.store.provider(app.p1.id).await.unwrap();
    assert_eq!(p.details.kursnet_supplier_id, "", "nothing saved");

    let res = client
        .post(app.url(&page))
        .form(&form("50667", "https://www.traeger-eins.example"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let p = app.state.store.provider(app.p1.id).await.unwrap();
    assert_eq!(
        (
            p.details.kursnet_supplier_id.as_str(),
            p.details.zip.as_str(),
            p.details.city.as_str()
        ),
        ("245884", "50667", "Köln")
    );
    let html = client
        .get(app.url(&page))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("value=\"245884\""));

    // The offer page's JSON-LD names the provider with its own website and address.
    let html = reqwest::get(app.url(&format!("/angebote/{}", app.offer.offer.slug)))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let ld = common::jsonld(&html);
    let provider = &ld["provider"];
    assert_eq!(provider["url"], "https://www.traeger-eins.example", "{ld}");
    assert_eq!(provider["address"]["postalCode"], "50667", "{ld}");
    assert_eq!(provider["address"]["addressLocality"], "Köln", "{ld}");
}
