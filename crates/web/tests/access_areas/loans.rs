//! Expected access of this area's routes: (method, path, group) with group one of
//! public | any | staff | managers | admin | counselling.

pub const EXPECTED: &[(&str, &str, &str)] = &[
    ("GET", "/verwaltung/leihgeraete", "counselling"),
    ("POST", "/verwaltung/leihgeraete", "counselling"),
    ("POST", "/verwaltung/leihgeraete/ausleihen", "counselling"),
    ("POST", "/verwaltung/leihen/{id}/rueckgabe", "counselling"),
    ("GET", "/api/v1/loans", "counselling"),
    ("POST", "/api/v1/loans", "counselling"),
    ("POST", "/api/v1/loans/{id}/return", "counselling"),
    ("GET", "/api/v1/devices", "counselling"),
    ("POST", "/api/v1/devices", "counselling"),
];
