//! Expected access of monitoring (issue 17): (method, path, group) with group one of public |
//! any | staff | managers | admin | counselling | employer.

pub const EXPECTED: &[(&str, &str, &str)] = &[
    ("GET", "/verwaltung/monitoring", "managers"),
    ("GET", "/verwaltung/monitoring.csv", "managers"),
    ("GET", "/verwaltung/monitoring.xlsx", "managers"),
    ("GET", "/admin/netzwerk", "admin"),
    ("GET", "/api/v1/monitoring", "managers"),
    ("GET", "/api/v1/monitoring/network", "admin"),
];
