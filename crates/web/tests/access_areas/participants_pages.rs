//! Expected access of this area's routes: (method, path, group) with group one of
//! public | any | staff | managers | admin | counselling.

pub const EXPECTED: &[(&str, &str, &str)] = &[
    ("GET", "/verwaltung/teilnehmende", "counselling"),
    ("POST", "/verwaltung/teilnehmende", "counselling"),
    ("GET", "/verwaltung/teilnehmende/neu", "counselling"),
    ("GET", "/verwaltung/teilnehmende/{id}", "counselling"),
    ("POST", "/verwaltung/teilnehmende/{id}", "counselling"),
    (
        "GET",
        "/verwaltung/teilnehmende/{id}/bearbeiten",
        "counselling",
    ),
    (
        "POST",
        "/verwaltung/teilnehmende/{id}/einwilligungen",
        "counselling",
    ),
    (
        "POST",
        "/verwaltung/teilnehmende/{id}/einwilligungen/{consent_id}/widerrufen",
        "counselling",
    ),
    (
        "POST",
        "/verwaltung/teilnehmende/{id}/kontakte",
        "counselling",
    ),
    (
        "GET",
        "/verwaltung/teilnehmende/{id}/kontakte",
        "counselling",
    ),
    (
        "POST",
        "/verwaltung/teilnehmende/{id}/einschreibungen",
        "counselling",
    ),
    (
        "POST",
        "/verwaltung/einschreibungen/{id}/ereignis",
        "counselling",
    ),
    (
        "GET",
        "/verwaltung/teilnehmende/{id}/eignungscheck",
        "counselling",
    ),
    (
        "POST",
        "/verwaltung/teilnehmende/{id}/eignungscheck",
        "counselling",
    ),
    (
        "GET",
        "/verwaltung/teilnehmende/{id}/eignungscheck/{check_id}",
        "counselling",
    ),
    (
        "GET",
        "/verwaltung/teilnehmende/{id}/auskunft",
        "counselling",
    ),
    (
        "GET",
        "/verwaltung/teilnehmende/{id}/auskunft.pdf",
        "counselling",
    ),
    (
        "POST",
        "/verwaltung/teilnehmende/{id}/loeschen",
        "counselling",
    ),
];
