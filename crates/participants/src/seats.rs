//! The places of a cohort (issue 14, point 7): an enrolment for the whole cohort holds a
//! place in every module, one for chosen modules only in those. The offer's capacity holds
//! per module; the cohort is as full as its busiest module.

use crate::EnrolmentStatus;

/// The places taken in one module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ModuleSeats {
    /// 1-based.
    pub module: u32,
    /// Whole-cohort and partial enrolments holding a place in it.
    pub taken: u32,
}

/// The places of a cohort.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seats {
    pub capacity: u32,
    /// Enrolments holding a place for the whole cohort.
    pub whole: u32,
    /// Enrolments holding a place for chosen modules only.
    pub partial: u32,
    /// Per module of the offer.
    pub modules: Vec<ModuleSeats>,
}

impl Seats {
    /// The places taken in the busiest module (the whole-cohort ones without modules).
    pub fn taken(&self) -> u32 {
        self.modules
            .iter()
            .map(|m| m.taken)
            .max()
            .unwrap_or(self.whole)
            .max(self.whole)
    }

    /// The modules with more places taken than the capacity.
    pub fn over(&self) -> impl Iterator<Item = &ModuleSeats> {
        self.modules.iter().filter(|m| m.taken > self.capacity)
    }
}

/// The places of a cohort of an offer with `module_count` modules and `capacity`, given its
/// enrolments (status and chosen modules; empty: the whole cohort). Only enrolments that
/// hold a place count ([`EnrolmentStatus::holds_place`]).
pub fn seats<'a>(
    capacity: u32,
    module_count: u32,
    enrolments: impl IntoIterator<Item = (EnrolmentStatus, &'a [u32])>,
) -> Seats {
    let mut out = Seats {
        capacity,
        whole: 0,
        partial: 0,
        modules: (1..=module_count)
            .map(|module| ModuleSeats { module, taken: 0 })
            .collect(),
    };
    for (status, modules) in enrolments {
        if !status.holds_place() {
            continue;
        }
        if modules.is_empty() {
            out.whole += 1;
        } else {
            out.partial += 1;
        }
        for m in &mut out.modules {
            if modules.is_empty() || modules.contains(&m.module) {
                m.taken += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use EnrolmentStatus::*;

    #[test]
    fn partial_enrolments_take_places_in_their_modules_only() {
        let list: [(EnrolmentStatus, &[u32]); 5] = [
            (Active, &[]),
            (Enrolled, &[]),
            (Active, &[2]),
            (Paused, &[2, 3]),
            (Interested, &[1]),
        ];
        let s = seats(3, 3, list);
        assert_eq!((s.whole, s.partial), (2, 2));
        let taken: Vec<u32> = s.modules.iter().map(|m| m.taken).collect();
        assert_eq!(taken, vec![2, 4, 3]);
        assert_eq!(s.taken(), 4);
        assert_eq!(s.over().map(|m| m.module).collect::<Vec<_>>(), vec![2]);
    }

    #[test]
    fn an_offer_without_modules_counts_the_whole_cohort() {
        let s = seats(10, 0, [(Active, &[][..]), (Dropped, &[][..])]);
        assert_eq!((s.taken(), s.over().count()), (1, 0));
    }
}
