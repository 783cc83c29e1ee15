//! Documented language competence (issue 16): assessments over time, the participant's
//! self-assessment, and language certificates as PDF content and as a signed Open Badges 3.0
//! credential (rules: `lernweg_participants::{language_assessment, self_check}`; signing:
//! `lernweg_credentials`).
//!
//! Who: counselling staff (admin, coordinator, counsellor) of the participant's provider read
//! and record; a trainer reads and records for participants of the cohorts they teach; the
//! participant answers the can-do statements and downloads their certificates. Certificates
//! are issued and revoked by counselling staff. Every read of a participant's language data
//! leaves its `view` entry.

use std::collections::BTreeMap;

use lernweg_domain::access::COUNSELLING;
use lernweg_domain::{LanguageAssessmentId, ParseError, ParticipantId, Principal, Role};
use lernweg_participants::language_assessment::{
    AssessedLevel, Assessment, RawAssessment, Skill, Source, current_levels,
};
use lernweg_participants::self_check::{self, SelfAnswer, Statement};
use lernweg_store::{AssessmentRecord, LanguageCertificate, ParticipantRecord, SelfCheck};

use crate::{App, AppError, Caller, participants, visible};

/// A participant's language data as staff see it.
#[derive(Debug, Clone)]
pub struct LanguageFile {
    pub participant: ParticipantRecord,
    /// Oldest first.
    pub assessments: Vec<AssessmentRecord>,
    pub self_checks: Vec<SelfCheck>,
    /// Newest first (empty for trainers: certificates are counselling's).
    pub certificates: Vec<LanguageCertificate>,
}

impl LanguageFile {
    /// The current assessment per skill (latest that is not a self-assessment).
    pub fn current(&self) -> BTreeMap<Skill, Assessment> {
        let all = self.all();
        current_levels(&all)
            .into_iter()
            .map(|(skill, a)| (skill, a.clone()))
            .collect()
    }

    fn all(&self) -> Vec<Assessment> {
        self.assessments
            .iter()
            .map(|r| r.assessment.clone())
            .collect()
    }
}

/// The participant if the caller may work on their language data: counselling staff of the
/// provider, or a trainer of one of the participant's cohorts (`NotFound` otherwise).
pub async fn reachable(
    app: &App,
    caller: &Caller,
    id: ParticipantId,
) -> Result<ParticipantRecord, AppError> {
    let p = visible::participant_record(app, &caller.principal, id).await?;
    let trainer = caller.principal.role == Role::Trainer
        && app
            .store
            .teaches_participant(caller.principal.user_id, id)
            .await?;
    if counsels(&caller.principal) || trainer {
        Ok(p)
    } else {
        Err(AppError::NotFound)
    }
}

/// Whether the principal counsels (admin, coordinator, counsellor): they see and record for
/// every participant of their provider, and issue and revoke certificates.
pub fn counsels(principal: &Principal) -> bool {
    COUNSELLING.permits(Some(principal.role))
}

/// The language data of a participant, audited as `what`.
pub async fn file(
    app: &App,
    caller: &Caller,
    id: ParticipantId,
    what: &str,
) -> Result<LanguageFile, AppError> {
    let participant = reachable(app, caller, id).await?;
    participants::audit_view(app, &caller.actor, &participant, what).await?;
    let certificates = if counsels(&caller.principal) {
        app.store.language_certificates_of(id).await?
    } else {
        Vec::new()
    };
    Ok(LanguageFile {
        assessments: app.store.language_assessments(id).await?,
        self_checks: app.store.language_self_checks(id).await?,
        certificates,
        participant,
    })
}

/// Records one assessment (every invalid field named by its key) and keeps the record's German
/// level in step; answers its id.
pub async fn record(
    app: &App,
    caller: &Caller,
    id: ParticipantId,
    raw: &RawAssessment,
) -> Result<LanguageAssessmentId, AppError> {
    let p = reachable(app, caller, id).await?;
    let assessment = raw.parse(app.today()).map_err(AppError::Invalid)?;
    if assessment.source == Source::SelfAssessment {
        return Err(AppError::invalid(ParseError::new(
            "source",
            "participant_only",
            "self-assessments are the participant's own (on their portal page)",
        )));
    }
    let ids = app
        .store
        .add_language_assessments(&caller.actor, &p, &[assessment])
        .await?;
    ids.into_iter()
        .next()
        .ok_or_else(|| AppError::Internal("an assessment without id".into()))
}

/// What the participant is asked on their page: one statement per skill for the next level,
/// with their earlier answers.
#[derive(Debug, Clone)]
pub struct SelfCheckForm {
    pub statements: Vec<Statement>,
    pub answers: Vec<SelfCheck>,
    pub current: BTreeMap<Skill, AssessedLevel>,
}

/// The can-do statements for the participant's own record.
pub async fn self_check_form(app: &App, p: &ParticipantRecord) -> Result<SelfCheckForm, AppError> {
    let all: Vec<Assessment> = app
        .store
        .language_assessments(p.id)
        .await?
        .into_iter()
        .map(|r| r.assessment)
        .collect();
    let current = current_levels(&all);
    Ok(SelfCheckForm {
        statements: self_check::statements_for(&current, p.data.german_level),
        answers: app.store.language_self_checks(p.id).await?,
        current: current.iter().map(|(s, a)| (*s, a.level)).collect(),
    })
}

/// Saves the participant's answers (`statement` code → `can`, `with_help`, `not_yet`); only
/// statements asked now are taken; "kann ich" is also kept as a self-assessment of that level.
/// Nothing answered is an error of field `answers`.
pub async fn save_self_check(
    app: &App,
    caller: &Caller,
    p: &ParticipantRecord,
    answers: &[(String, String)],
) -> Result<usize, AppError> {
    let form = self_check_form(app, p).await?;
    let mut taken = Vec::new();
    for (code, answer) in answers {
        let (Some(statement), Some(answer)) = (Statement::parse(code), SelfAnswer::parse(answer))
        else {
            continue;
        };
        if form.statements.contains(&statement) && !taken.iter().any(|(s, _)| *s == statement) {
            taken.push((statement, answer));
        }
    }
    if taken.is_empty() {
        return Err(AppError::invalid(ParseError::new(
            "answers",
            "required",
            "answer at least one statement",
        )));
    }
    let today = app.today();
    let own: Vec<Assessment> = taken
        .iter()
        .filter_map(|(s, a)| self_check::as_assessment(*s, *a))
        .map(|(skill, level)| Assessment {
            skill,
            level,
            source: Source::SelfAssessment,
            assessed_on: today,
            issuer: String::new(),
            exam: String::new(),
            certificate_number: String::new(),
            note: String::new(),
        })
        .collect();
    app.store
        .save_language_self_checks(&caller.actor, p, &taken, today, &own)
        .await?;
    Ok(taken.len())
}
