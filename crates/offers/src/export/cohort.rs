//! Builds the open-Qcat input of one cohort from an offer, its plan and its classification.

use lernweg_planner::Plan;

use super::openqcat::{
    CourseLocation, InstructionForm, ModuleCourse, ServiceContact, ServiceExport,
};
use crate::classification::Classification;
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

/// One cohort as a SERVICE: dates, modules (first to last session of each module, their
/// hours) and location from the plan; INSTRUCTION_TIME and EXTRA_OCCUPATIONAL from the
/// classification (part-time in any form → `Teilzeit`, `true`).
pub fn service_from_plan(
    offer: &Offer,
    plan: &Plan,
    classification: &Classification,
    product_id: &str,
    course_id: &str,
) -> ServiceExport {
    let location = offer.location.as_ref().map(|l| CourseLocation {
        name: l.name.clone(),
        street: l.street.clone(),
        zip: l.zip.clone(),
        city: l.city.clone(),
        barrier_free: l.step_free,
    });
    let modules = offer
        .modules
        .iter()
        .enumerate()
        .filter_map(|(k, m)| {
            let sessions: Vec<_> = plan
                .sessions
                .iter()
                .filter(|s| s.module == Some(k + 1))
                .collect();
            let start = sessions.iter().map(|s| s.date).min()?;
            let end = sessions.iter().map(|s| s.date).max()?;
            Some(ModuleCourse {
                title: m.title.clone(),
                start,
                end,
                hours: m.hours,
                location: if offer.online_lessons {
                    None
                } else {
                    location.clone()
                },
            })
        })
        .collect();
    let (first_name, last_name) = match offer.contact.name.rsplit_once(' ') {
        Some((f, l)) => (f.trim().to_owned(), l.trim().to_owned()),
        None => (String::new(), offer.contact.name.clone()),
    };
    let part_time = classification.class.is_part_time();
    ServiceExport {
        product_id: product_id.to_owned(),
        course_id: course_id.to_owned(),
        title: offer.title.clone(),
        description: offer.description.clone(),
        contact: ServiceContact {
            first_name,
            last_name,
            phone: offer.contact.phone.clone().unwrap_or_default(),
            email: offer.contact.email.as_str().to_owned(),
        },
        start: plan.sessions.first().map_or(plan.start, |s| s.date),
        end: plan.end_date,
        keywords: offer.keywords.clone(),
        target_group: offer.target_group.clone(),
        degree: offer.degree.clone(),
        instruction_form: instruction_form(offer),
        instruction_form_code: None,
        part_time,
        extra_occupational: part_time,
        max_participants: Some(offer.capacity),
        modules,
    }
}
