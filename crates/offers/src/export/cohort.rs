//! Which offers and runs go into the open-Qcat catalogue, and their records built from an
//! offer, its runs' plans and classifications.

use chrono::NaiveDate;
use lernweg_domain::CohortStatus;
use lernweg_planner::Plan;

use super::openqcat::{
    CourseLocation, InstructionForm, OfferExport, RunExport, ServiceContact, kurssystematik,
};
use crate::classification::classify;
use crate::model::{DeliveryMode, Offer};

/// The instruction form from the delivery modes: presence with a digital mode or `blended`
/// → blended; only presence → presence; online live → virtual classroom; else self study.
pub fn instruction_form(offer: &Offer) -> InstructionForm {
    let m = &offer.delivery_modes;
    let presence = m.contains(&DeliveryMode::Presence);
    let digital = m.iter().any(|d| d.is_digital());
    if m.contains(&DeliveryMode::Blended) || (presence && digital) {
        InstructionForm::Blended
    } else if presence {
        InstructionForm::Presence
    } else if m.contains(&DeliveryMode::OnlineLive) {
        InstructionForm::VirtualClassroom
    } else {
        InstructionForm::SelfStudy
    }
}

/// An offer goes to KURSNET only when it is published and open to the public: a company
/// measure (`company_measure_only`) is for one employer's staff and is never listed.
pub fn is_public(offer: &Offer, published: bool) -> bool {
    published && !offer.company_measure_only
}

/// One run of an offer as the application layer knows it.
#[derive(Debug, Clone, Copy)]
pub struct RunInput<'a> {
    /// The cohort's id (PRODUCT_ID of the run record).
    pub id: &'a str,
    pub status: CohortStatus,
    /// The run's timetable (first and last session).
    pub plan: &'a Plan,
}

fn first_day(plan: &Plan) -> NaiveDate {
    plan.sessions
        .iter()
        .map(|s| s.date)
        .min()
        .unwrap_or(plan.start)
}

/// A run goes to KURSNET when its dates are public and binding (published or running) and it
/// has not ended: its last day is today or later.
pub fn is_current(run: &RunInput<'_>, today: NaiveDate) -> bool {
    matches!(run.status, CohortStatus::Published | CohortStatus::Running)
        && run.plan.end_date >= today
}

/// The offer's record with its current runs, or `None` when the offer is not public or has
/// no current run.
pub fn catalog_offer(
    offer: &Offer,
    published: bool,
    offer_id: &str,
    runs: &[RunInput<'_>],
    today: NaiveDate,
) -> Option<OfferExport> {
    if !is_public(offer, published) {
        return None;
    }
    let mut current: Vec<RunExport> = runs
        .iter()
        .filter(|r| is_current(r, today))
        .map(|r| RunExport {
            product_id: r.id.to_owned(),
            start: first_day(r.plan),
            end: r.plan.end_date,
            part_time: classify(offer, Some(r.plan)).class.is_part_time(),
        })
        .collect();
    if current.is_empty() {
        return None;
    }
    current.sort_by(|a, b| (a.start, &a.product_id).cmp(&(b.start, &b.product_id)));
    let location = offer
        .location
        .as_ref()
        .filter(|_| !offer.online_lessons)
        .map(|l| CourseLocation {
            name: l.name.clone(),
            street: l.street.clone(),
            zip: l.zip.clone(),
            city: l.city.clone(),
            barrier_free: l.step_free,
        });
    let (first_name, last_name) = match offer.contact.name.trim().rsplit_once(' ') {
        Some((f, l)) => (f.trim().to_owned(), l.trim().to_owned()),
        None => (String::new(), offer.contact.name.trim().to_owned()),
    };
    Some(OfferExport {
        product_id: offer_id.to_owned(),
        title: offer.title.clone(),
        description: offer.description.clone(),
        contact: ServiceContact {
            first_name,
            last_name,
            phone: offer.contact.phone.clone().unwrap_or_default(),
            email: offer.contact.email.as_str().to_owned(),
        },
        keywords: offer.keywords.clone(),
        target_group: offer.target_group.clone(),
        degree: offer.degree.clone(),
        kldb: offer.kldb.as_str().to_owned(),
        kurssystematik: kurssystematik(&offer.kldb),
        instruction_form: instruction_form(offer),
        part_time: classify(offer, None).class.is_part_time(),
        max_participants: Some(offer.capacity),
        price_eur: offer.costs_eur,
        location,
        modules: offer
            .modules
            .iter()
            .map(|m| (m.title.clone(), m.hours))
            .collect(),
        runs: current,
    })
}
