//! Care around the learning (MISSION §2.1, §2.3): referrals to counselling services, the
//! services themselves and device loans — their statuses and the moves between them.
//!
//! ```text
//! referral:  suggested → referred → appointment_made → done
//!                └──────────┴──────────────┴─────→ declined     (done, declined: final)
//! service:   active ⇄ inactive      (any time; only an active service takes new referrals)
//! device:    available → lent → available;  available | lent ⇄ inactive (the inventory flag)
//! loan:      open → returned        (overdue: open and due before today)
//! ```
//!
//! Statuses are stored and sent as their codes ([`ReferralStatus::code`], …), so the codes
//! are a contract. A refused move is a [`CareRefusal`] with the field and code that the API
//! reports; it converts into the domain's [`ParseError`].

use std::fmt;

use chrono::NaiveDate;
use lernweg_domain::ParseError;
use serde::{Deserialize, Serialize};

/// Defines a status enum with its codes, `ALL`, `code`, `parse`, `Display` and comparison with
/// its code (`status == "done"`).
macro_rules! status_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($variant),+
        }

        impl $name {
            /// Every status, in the order of the lifecycle.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored and sent code.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            /// The status with this code (exact, as stored).
            pub fn parse(code: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|s| s.code() == code)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, code: &str) -> bool {
                self.code() == code
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, code: &&str) -> bool {
                self.code() == *code
            }
        }
    };
}

status_enum! {
    /// Where a referral to a counselling service stands.
    ReferralStatus {
        Suggested => "suggested",
        Referred => "referred",
        AppointmentMade => "appointment_made",
        Done => "done",
        Declined => "declined",
    }
}

status_enum! {
    /// Whether a counselling service takes new referrals; stored as the `active` flag.
    ServiceStatus {
        Active => "active",
        Inactive => "inactive",
    }
}

status_enum! {
    /// Where a device of the inventory stands.
    DeviceStatus {
        Available => "available",
        Lent => "lent",
        Inactive => "inactive",
    }
}

status_enum! {
    /// Whether a loan is still open; stored as the return date (none while open).
    LoanStatus {
        Open => "open",
        Returned => "returned",
    }
}

impl ReferralStatus {
    /// `done` and `declined` admit no further move.
    pub fn is_final(self) -> bool {
        matches!(self, ReferralStatus::Done | ReferralStatus::Declined)
    }

    /// Whether a referral may move from `self` to `to`: one step along
    /// suggested → referred → appointment_made → done, or to declined from any status that is
    /// not final.
    pub fn can_move_to(self, to: ReferralStatus) -> bool {
        use ReferralStatus as S;
        matches!(
            (self, to),
            (S::Suggested, S::Referred)
                | (S::Referred, S::AppointmentMade)
                | (S::AppointmentMade, S::Done)
                | (S::Suggested | S::Referred | S::AppointmentMade, S::Declined)
        )
    }

    /// The statuses a referral may move to next, in lifecycle order.
    pub fn next(self) -> impl Iterator<Item = ReferralStatus> {
        ReferralStatus::ALL
            .iter()
            .copied()
            .filter(move |to| self.can_move_to(*to))
    }
}

impl ServiceStatus {
    pub fn of(active: bool) -> ServiceStatus {
        if active {
            ServiceStatus::Active
        } else {
            ServiceStatus::Inactive
        }
    }

    pub fn is_active(self) -> bool {
        self == ServiceStatus::Active
    }
}

impl DeviceStatus {
    /// A device on an open loan is `lent` (even if since taken out of the inventory), else
    /// `available` or `inactive` by its inventory flag.
    pub fn of(active: bool, on_open_loan: bool) -> DeviceStatus {
        if on_open_loan {
            DeviceStatus::Lent
        } else if active {
            DeviceStatus::Available
        } else {
            DeviceStatus::Inactive
        }
    }
}

impl LoanStatus {
    pub fn of(returned_on: Option<NaiveDate>) -> LoanStatus {
        match returned_on {
            None => LoanStatus::Open,
            Some(_) => LoanStatus::Returned,
        }
    }
}

/// An open loan whose due date lies before `today`.
pub fn is_overdue(loan: LoanStatus, due_on: NaiveDate, today: NaiveDate) -> bool {
    loan == LoanStatus::Open && due_on < today
}

/// A move the rules refuse. `field` and `code` are what the API reports; the English
/// sentence is the problem document's message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CareRefusal {
    #[error("a referral cannot move from {from} to {to}")]
    ReferralMove {
        from: ReferralStatus,
        to: ReferralStatus,
    },
    #[error("the service is not active")]
    ServiceInactive,
    #[error("the device is not in the inventory")]
    DeviceInactive,
    #[error("the due date must not lie before the lending date")]
    DueBeforeLent,
    #[error("the device is on an open loan; record its return first")]
    DeviceLent,
    #[error("the loan has already been returned")]
    AlreadyReturned,
    #[error("the return date must not lie before the lending date")]
    ReturnBeforeLent,
}

impl CareRefusal {
    /// The request field the refusal concerns.
    pub fn field(self) -> &'static str {
        match self {
            CareRefusal::ReferralMove { .. } => "status",
            CareRefusal::ServiceInactive => "service_id",
            CareRefusal::DeviceInactive | CareRefusal::DeviceLent => "device_id",
            CareRefusal::DueBeforeLent => "due_on",
            CareRefusal::AlreadyReturned | CareRefusal::ReturnBeforeLent => "returned_on",
        }
    }

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            CareRefusal::ReferralMove { .. } => "not_allowed",
            CareRefusal::ServiceInactive | CareRefusal::DeviceInactive => "inactive",
            CareRefusal::DueBeforeLent | CareRefusal::ReturnBeforeLent => "before_lent_on",
            CareRefusal::DeviceLent => "already_lent",
            CareRefusal::AlreadyReturned => "already_returned",
        }
    }
}

impl From<CareRefusal> for ParseError {
    fn from(r: CareRefusal) -> ParseError {
        ParseError::new(r.field(), r.code(), r.to_string())
    }
}

/// The status after moving a referral from `from` to `to`, or the refusal.
pub fn move_referral(
    from: ReferralStatus,
    to: ReferralStatus,
) -> Result<ReferralStatus, CareRefusal> {
    if from.can_move_to(to) {
        Ok(to)
    } else {
        Err(CareRefusal::ReferralMove { from, to })
    }
}

/// The status of a new referral to a service: `suggested`, if the service is active.
pub fn refer_to(service: ServiceStatus) -> Result<ReferralStatus, CareRefusal> {
    match service {
        ServiceStatus::Active => Ok(ReferralStatus::Suggested),
        ServiceStatus::Inactive => Err(CareRefusal::ServiceInactive),
    }
}

/// The status of a new loan of a device from `lent_on` to `due_on`. Refused, in this order:
/// a device out of the inventory (`active` false), a due date before the lending date, a
/// device on an open loan.
pub fn lend(
    active: bool,
    on_open_loan: bool,
    lent_on: NaiveDate,
    due_on: NaiveDate,
) -> Result<LoanStatus, CareRefusal> {
    if !active {
        Err(CareRefusal::DeviceInactive)
    } else if due_on < lent_on {
        Err(CareRefusal::DueBeforeLent)
    } else if on_open_loan {
        Err(CareRefusal::DeviceLent)
    } else {
        Ok(LoanStatus::Open)
    }
}

/// The status after the return of a loan lent on `lent_on` on `returned_on`.
pub fn give_back(
    loan: LoanStatus,
    lent_on: NaiveDate,
    returned_on: NaiveDate,
) -> Result<LoanStatus, CareRefusal> {
    if loan == LoanStatus::Returned {
        Err(CareRefusal::AlreadyReturned)
    } else if returned_on < lent_on {
        Err(CareRefusal::ReturnBeforeLent)
    } else {
        Ok(LoanStatus::Returned)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
    }

    #[test]
    fn codes_round_trip_and_compare() {
        for s in ReferralStatus::ALL {
            assert_eq!(ReferralStatus::parse(s.code()), Some(*s));
            assert_eq!(
                serde_json::to_value(s).unwrap(),
                serde_json::json!(s.code())
            );
        }
        for s in DeviceStatus::ALL {
            assert_eq!(DeviceStatus::parse(s.code()), Some(*s));
        }
        for s in LoanStatus::ALL {
            assert_eq!(LoanStatus::parse(s.code()), Some(*s));
        }
        for s in ServiceStatus::ALL {
            assert_eq!(ServiceStatus::parse(s.code()), Some(*s));
        }
        assert_eq!(ReferralStatus::parse("Done"), None);
        assert_eq!(ReferralStatus::parse("finished"), None);
        assert_eq!(ReferralStatus::AppointmentMade, "appointment_made");
        assert_eq!(ReferralStatus::Done.to_string(), "done");
    }

    #[test]
    fn referral_moves_one_step_or_to_declined() {
        use ReferralStatus as S;
        let allowed: Vec<(S, S)> = S::ALL
            .iter()
            .flat_map(|from| from.next().map(move |to| (*from, to)))
            .collect();
        assert_eq!(
            allowed,
            vec![
                (S::Suggested, S::Referred),
                (S::Suggested, S::Declined),
                (S::Referred, S::AppointmentMade),
                (S::Referred, S::Declined),
                (S::AppointmentMade, S::Done),
                (S::AppointmentMade, S::Declined),
            ]
        );
        assert_eq!(
            move_referral(S::Referred, S::AppointmentMade),
            Ok(S::AppointmentMade)
        );
        let refused = move_referral(S::Suggested, S::Done).unwrap_err();
        assert_eq!((refused.field(), refused.code()), ("status", "not_allowed"));
        assert_eq!(
            refused.to_string(),
            "a referral cannot move from suggested to done"
        );
        // Final statuses go nowhere, not even to themselves.
        for from in [S::Done, S::Declined] {
            assert!(from.is_final());
            assert_eq!(from.next().count(), 0);
            assert!(move_referral(from, S::Declined).is_err());
        }
        assert!(!S::Suggested.can_move_to(S::Suggested));
    }

    #[test]
    fn only_active_services_take_referrals() {
        assert_eq!(
            refer_to(ServiceStatus::of(true)),
            Ok(ReferralStatus::Suggested)
        );
        let refused = refer_to(ServiceStatus::of(false)).unwrap_err();
        assert_eq!(
            (refused.field(), refused.code()),
            ("service_id", "inactive")
        );
        assert!(ServiceStatus::Active.is_active());
        assert_eq!(ServiceStatus::Inactive.code(), "inactive");
    }

    #[test]
    fn lending_checks_inventory_dates_and_open_loans_in_order() {
        assert_eq!(lend(true, false, d(2), d(30)), Ok(LoanStatus::Open));
        assert_eq!(lend(true, false, d(2), d(2)), Ok(LoanStatus::Open));
        let code = |r: Result<LoanStatus, CareRefusal>| {
            let e = r.unwrap_err();
            (e.field(), e.code())
        };
        assert_eq!(
            code(lend(false, true, d(2), d(1))),
            ("device_id", "inactive")
        );
        assert_eq!(
            code(lend(true, true, d(2), d(1))),
            ("due_on", "before_lent_on")
        );
        assert_eq!(
            code(lend(true, true, d(2), d(3))),
            ("device_id", "already_lent")
        );
    }

    #[test]
    fn returns_and_overdue() {
        assert_eq!(
            give_back(LoanStatus::Open, d(2), d(2)),
            Ok(LoanStatus::Returned)
        );
        let e = give_back(LoanStatus::Open, d(2), d(1)).unwrap_err();
        assert_eq!((e.field(), e.code()), ("returned_on", "before_lent_on"));
        let e = give_back(LoanStatus::Returned, d(2), d(9)).unwrap_err();
        assert_eq!((e.field(), e.code()), ("returned_on", "already_returned"));
        let p: ParseError = e.into();
        assert_eq!(p.message, "the loan has already been returned");

        assert_eq!(LoanStatus::of(None), LoanStatus::Open);
        assert_eq!(LoanStatus::of(Some(d(3))), LoanStatus::Returned);
        assert!(!is_overdue(LoanStatus::Open, d(10), d(10)));
        assert!(is_overdue(LoanStatus::Open, d(10), d(11)));
        assert!(!is_overdue(LoanStatus::Returned, d(10), d(11)));
    }

    #[test]
    fn device_status_from_flag_and_loan() {
        assert_eq!(DeviceStatus::of(true, false), DeviceStatus::Available);
        assert_eq!(DeviceStatus::of(true, true), DeviceStatus::Lent);
        assert_eq!(DeviceStatus::of(false, true), DeviceStatus::Lent);
        assert_eq!(DeviceStatus::of(false, false), DeviceStatus::Inactive);
    }
}
