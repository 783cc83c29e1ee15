//! The participant select of the forms that name a person (lending a device, a referral):
//! with thousands of participants it offers the first few by name, narrowed by a search
//! (`?person=`, a GET form of its own that works without JavaScript), and says so.

use lernweg_app::participants::list::{PICK_SHOWN, pick};
use lernweg_domain::{ParticipantId, Principal, Search};

use crate::AppState;
use crate::error::PageError;
use crate::i18n::Lang;
use crate::pages::admin::Choice;

/// What `person_picker.html` shows: the search form (to `action`, keeping `keep`) and the
/// choices of the form's select.
pub struct PersonPicker {
    pub action: String,
    /// The search as typed.
    pub q: String,
    pub choices: Vec<Choice>,
    /// "30 of 10,014 …" when the choices are not all participants; else empty.
    pub status: String,
}

/// The choices for `principal`: matching `q` (an overlong one cut), with `chosen`
/// selected (and offered even when it does not match).
pub async fn person_picker(
    state: &AppState,
    lang: Lang,
    principal: &Principal,
    action: &str,
    q: &str,
    chosen: &str,
) -> Result<PersonPicker, PageError> {
    let search = Search::parse_lenient(q);
    let chosen_id = ParticipantId::parse(chosen.trim()).ok();
    let found = pick(&state.app, principal, search, chosen_id).await?;
    let status = if found.total > u64::from(PICK_SHOWN) {
        lang.t_args(
            "picker-status",
            &[
                ("shown", PICK_SHOWN.to_string()),
                ("total", found.total.to_string()),
            ],
        )
    } else {
        String::new()
    };
    let choices = found
        .items
        .into_iter()
        .map(|p| Choice {
            selected: Some(p.id) == chosen_id,
            value: p.id.to_string(),
            label: format!("{}, {}", p.data.family_name, p.data.given_name),
        })
        .collect();
    Ok(PersonPicker {
        action: action.to_owned(),
        q: q.trim().to_owned(),
        choices,
        status,
    })
}
