//! Expected access of the portal's routes: (method, path, group) with group one of
//! public | any | staff | managers | admin | counselling | participant.

pub const EXPECTED: &[(&str, &str, &str)] = &[
    ("GET", "/mein-weg", "participant"),
    ("POST", "/mein-weg/kalender", "participant"),
    ("POST", "/mein-weg/kalender/widerrufen", "participant"),
    ("GET", "/mein-weg/eignungscheck/{id}", "participant"),
    ("GET", "/einladung", "public"),
    ("POST", "/einladung", "public"),
    ("GET", "/code", "public"),
    ("POST", "/code", "public"),
    (
        "POST",
        "/verwaltung/teilnehmende/{id}/zugang/einladung",
        "counselling",
    ),
    (
        "POST",
        "/verwaltung/teilnehmende/{id}/zugang/code",
        "counselling",
    ),
    (
        "POST",
        "/verwaltung/teilnehmende/{id}/zugang/widerrufen",
        "counselling",
    ),
    (
        "POST",
        "/verwaltung/teilnehmende/{id}/zugang/kalender-widerrufen",
        "counselling",
    ),
];
