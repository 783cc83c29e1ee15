//! The data-protection Auskunft (GDPR Art. 15): everything stored about one participant, as
//! a printable page and as a PDF. Both are built from one [`Auskunft`] so they cannot drift
//! apart; every view is audited.

use askama::Template;
use axum::Extension;
use axum::extract::State;
use axum::response::Response;
use lernweg_app::participants::file::{self, Notes, ParticipantFile};
use lernweg_domain::ParticipantId;
use lernweg_pdf::{Report, Section, Table};

use super::ContactBox;
use super::detail::{
    ConsentRow, ContactRow, EmploymentRow, EnrolmentView, consent_rows, contact_rows,
    employment_rows, enrolment_views, facts,
};
use super::readiness::{CheckRow, check_rows};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::PageId;
use crate::i18n::Lang;
use crate::pages::{Layout, render};

/// A device loan as shown in the Auskunft.
pub struct LoanRow {
    pub device: String,
    pub lent_on: String,
    pub due_on: String,
    pub returned_on: String,
}

/// A referral to a counselling service as shown in the Auskunft.
pub struct ReferralRow {
    pub service: String,
    pub referred_on: String,
    pub status: String,
    pub reason: String,
}

/// One attendance record (session of a cohort) as shown in the Auskunft.
pub struct AttendanceRow {
    pub cohort: String,
    pub date: String,
    pub session: String,
    pub status: String,
    pub note: String,
}

/// Everything stored about one participant, translated for display.
pub struct Auskunft {
    pub contact: ContactBox,
    pub printed_on: String,
    pub created: String,
    pub updated: String,
    pub facts: Vec<(String, String)>,
    pub consents: Vec<ConsentRow>,
    pub employments: Vec<EmploymentRow>,
    /// Release agreements, one line each.
    pub releases: Vec<String>,
    /// The recognition case and the items of the individual plan, one line each.
    pub plan: Vec<String>,
    /// Language assessments, self-assessment answers and certificates, one line each.
    pub language: Vec<String>,
    /// Mentoring tandems (proposals, rejected, running, closed), one line each.
    pub mentoring: Vec<String>,
    pub contacts: Vec<ContactRow>,
    /// When the reader may not see the contact notes (the admin): the sentence saying that
    /// they are left out and where the person can request them.
    pub notes_withheld: Option<String>,
    pub checks: Vec<CheckRow>,
    pub enrolments: Vec<EnrolmentView>,
    pub loans: Vec<LoanRow>,
    pub referrals: Vec<ReferralRow>,
    /// Working times, if recorded.
    pub work: Option<crate::work::PatternView>,
    pub attendance: Vec<AttendanceRow>,
    /// Modules, milestones and staff entries per enrolment.
    pub progress: crate::attendance::ProgressPanel,
}

fn day(d: chrono::NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

impl Auskunft {
    fn new(
        lang: Lang,
        today: chrono::NaiveDate,
        clock: &lernweg_app::Clock,
        file: &ParticipantFile,
    ) -> Self {
        let p = &file.record;
        let notes_withheld = (!file.notes_shown).then(|| {
            lang.t_args(
                "pp-auskunft-notes-withheld",
                &[("provider", file.provider.name.to_string())],
            )
        });
        let loans = file
            .loans
            .iter()
            .map(|l| LoanRow {
                // A device deleted since is named by its id.
                device: match &l.device {
                    Some(d) => format!(
                        "{} ({})",
                        d.label,
                        lang.t(&format!("loans-kind-{}", d.kind))
                    ),
                    None => l.loan.device_id.clone(),
                },
                lent_on: day(l.loan.lent_on),
                due_on: day(l.loan.due_on),
                returned_on: l
                    .loan
                    .returned_on
                    .map(day)
                    .unwrap_or_else(|| "–".to_owned()),
            })
            .collect();
        let referrals = file
            .referrals
            .iter()
            .map(|r| ReferralRow {
                service: match &r.service {
                    Some(s) => s.name.clone(),
                    None => r.referral.service_id.clone(),
                },
                referred_on: day(r.referral.referred_on),
                status: lang.t(&format!("referrals-status-{}", r.referral.status)),
                reason: r.referral.reason.clone(),
            })
            .collect();
        let attendance = file
            .enrolments
            .iter()
            .flat_map(|e| {
                e.attendance.iter().map(|a| AttendanceRow {
                    cohort: e.cohort.name.clone(),
                    date: day(a.session.date),
                    session: a.session.title.clone(),
                    status: lang.t(&format!("attendance-status-{}", a.record.status.code())),
                    note: a.record.note.clone(),
                })
            })
            .collect();
        Auskunft {
            contact: ContactBox::of(lang, p, file.contact_person.clone()),
            printed_on: day(today),
            created: day(p.created_at.date_naive()),
            updated: day(p.updated_at.date_naive()),
            facts: facts(lang, p),
            consents: consent_rows(lang, file),
            employments: employment_rows(lang, file),
            releases: file
                .release_agreements
                .iter()
                .map(|r| crate::release::panel_line(lang, r))
                .collect(),
            plan: plan_lines(lang, file),
            language: Vec::new(),
            mentoring: Vec::new(),
            contacts: contact_rows(lang, file),
            notes_withheld,
            checks: check_rows(lang, file),
            enrolments: enrolment_views(lang, file, today, false),
            loans,
            referrals,
            work: file
                .work
                .as_ref()
                .map(|r| crate::work::PatternView::new(lang, clock, r)),
            attendance,
            progress: crate::attendance::progress_panel(lang, today, file),
        }
    }

    /// The same content as a PDF report.
    fn report(&self, lang: Lang) -> Report {
        let t = |k: &str| lang.t(k);
        let headers = |keys: &[&str]| keys.iter().map(|k| t(k)).collect::<Vec<_>>();
        let table = |keys: &[&str], rows: Vec<Vec<String>>| {
            Some(Table {
                headers: headers(keys),
                rows,
            })
        };
        let none = t("pp-not-given");

        let c = &self.contact;
        let mut contact = Section::new(t("pp-contact-heading"));
        contact.facts = vec![
            (t("pp-contact-participant"), c.name.clone()),
            (
                t("pp-contact-person"),
                match (&c.person, &c.person_email) {
                    (Some(p), Some(m)) => format!("{p} · {m}"),
                    (Some(p), None) => p.clone(),
                    _ => t("pp-contact-none"),
                },
            ),
            (
                t("pp-field-preferred_channel"),
                c.channel.clone().unwrap_or_else(|| none.clone()),
            ),
            (
                t("pp-field-reachable_times"),
                c.reachable.clone().unwrap_or_else(|| none.clone()),
            ),
        ];

        let mut record = Section::new(t("pp-record-heading"));
        record.facts = self.facts.clone();
        record
            .facts
            .push((t("pp-auskunft-created"), self.created.clone()));
        record
            .facts
            .push((t("pp-auskunft-updated"), self.updated.clone()));

        let mut consents = Section::new(t("pp-consents-heading"));
        consents.empty = Some(t("pp-consents-empty"));
        consents.table = table(
            &["pp-col-scope", "pp-col-given", "pp-col-withdrawn"],
            self.consents
                .iter()
                .map(|c| {
                    let withdrawn = c.withdrawn_on.clone().unwrap_or_else(|| "–".to_owned());
                    vec![c.scope.clone(), c.given_on.clone(), withdrawn]
                })
                .collect(),
        );

        let mut log = Section::new(t("pp-log-heading"));
        log.empty = Some(t("pp-log-empty"));
        log.paragraphs.extend(self.notes_withheld.clone());
        let log_headers: &[&str] = if self.notes_withheld.is_some() {
            &[
                "pp-col-date",
                "pp-col-channel",
                "pp-col-topic",
                "pp-col-staff",
            ]
        } else {
            &[
                "pp-col-date",
                "pp-col-channel",
                "pp-col-topic",
                "pp-col-note",
                "pp-col-staff",
            ]
        };
        log.table = table(
            log_headers,
            self.contacts
                .iter()
                .map(|c| {
                    let (on, channel, topic) = (c.on.clone(), c.channel.clone(), c.topic.clone());
                    let mut row = vec![on, channel, topic];
                    row.extend(c.note.clone());
                    row.push(c.staff.clone());
                    row
                })
                .collect(),
        );

        let mut checks = Section::new(t("pp-checks-heading"));
        checks.empty = Some(t("pp-checks-empty"));
        checks.table = table(
            &["pp-col-date", "pp-col-counsellor", "pp-col-overall"],
            self.checks
                .iter()
                .map(|c| vec![c.on.clone(), c.counsellor.clone(), c.overall.clone()])
                .collect(),
        );

        let mut enrol = Section::new(t("pp-enrol-heading"));
        enrol.empty = Some(t("pp-enrol-empty"));
        let mut rows = Vec::new();
        for e in &self.enrolments {
            let mut status = e.status.clone();
            if let Some(s) = &e.stayed_employed {
                status = format!("{status} · {}: {s}", t("pp-stayed-label"));
            }
            rows.push(vec![e.cohort.clone(), status, String::new(), String::new()]);
            for s in &e.history {
                let step = format!("{}: {} → {}", s.event, s.from, s.to);
                rows.push(vec![String::new(), s.on.clone(), step, s.detail.clone()]);
            }
        }
        enrol.table = table(
            &[
                "pp-auskunft-col-cohort",
                "pp-col-date",
                "pp-col-event",
                "pp-col-detail",
            ],
            rows,
        );

        let mut loans = Section::new(t("pp-auskunft-loans"));
        loans.empty = Some(t("pp-auskunft-none"));
        loans.table = table(
            &[
                "loans-col-device",
                "loans-col-lent-on",
                "loans-col-due-on",
                "loans-col-return",
            ],
            self.loans
                .iter()
                .map(|l| {
                    vec![
                        l.device.clone(),
                        l.lent_on.clone(),
                        l.due_on.clone(),
                        l.returned_on.clone(),
                    ]
                })
                .collect(),
        );

        let mut referrals = Section::new(t("pp-auskunft-referrals"));
        referrals.empty = Some(t("pp-auskunft-none"));
        referrals.table = table(
            &[
                "referrals-col-service",
                "referrals-col-referred-on",
                "referrals-col-status",
                "pp-auskunft-col-reason",
            ],
            self.referrals
                .iter()
                .map(|r| {
                    vec![
                        r.service.clone(),
                        r.referred_on.clone(),
                        r.status.clone(),
                        r.reason.clone(),
                    ]
                })
                .collect(),
        );

        let mut attendance = Section::new(t("pp-auskunft-attendance"));
        attendance.empty = Some(t("pp-auskunft-none"));
        attendance.table = table(
            &[
                "pp-auskunft-col-cohort",
                "pp-col-date",
                "pp-auskunft-col-session",
                "attendance-col-state",
                "pp-col-note",
            ],
            self.attendance
                .iter()
                .map(|a| {
                    let (c, d, s) = (a.cohort.clone(), a.date.clone(), a.session.clone());
                    vec![c, d, s, a.status.clone(), a.note.clone()]
                })
                .collect(),
        );
        // Links to employers and the release agreements (the page shows them with the
        // consents).
        let mut employers = Section::new(t("pp-employments-heading"));
        employers.paragraphs = self
            .employments
            .iter()
            .map(|l| {
                let mut line = format!("{}: {} {}", l.employer, t("pp-employment-since"), l.since);
                if let Some(e) = &l.ended {
                    line.push_str("; ");
                    line.push_str(e);
                }
                line
            })
            .chain(self.releases.iter().cloned())
            .collect();
        employers.empty = Some(t("pp-employments-empty"));
        let mut plan = Section::new(t("ip-title"));
        plan.paragraphs = self.plan.clone();
        plan.empty = Some(t("pp-auskunft-none"));
        let mut mentoring = Section::new(t("pp-auskunft-mentoring"));
        mentoring.paragraphs = self.mentoring.clone();
        mentoring.empty = Some(t("pp-auskunft-none"));
        let mut language = Section::new(t("lc-detail-link"));
        language.paragraphs = self.language.clone();
        language.empty = Some(t("pp-auskunft-none"));
        let mut progress = Section::new(t("attendance-progress-heading"));
        progress.empty = Some(t("pp-auskunft-none"));
        let mut rows = Vec::new();
        for e in &self.progress.items {
            for m in &e.modules {
                let (c, l, h) = (e.cohort.clone(), m.label.clone(), m.held.clone());
                rows.push(vec![
                    c,
                    l,
                    h,
                    m.present.clone(),
                    m.rate.clone(),
                    m.state.clone(),
                ]);
            }
            for x in &e.entries {
                let text = format!("{}: {} {}", x.on, x.text, x.note);
                rows.push(vec![
                    e.cohort.clone(),
                    text.trim().to_owned(),
                    String::new(),
                    String::new(),
                    String::new(),
                    x.by.clone(),
                ]);
            }
        }
        progress.table = table(
            &[
                "pp-auskunft-col-cohort",
                "attendance-col-module",
                "attendance-col-held",
                "attendance-col-present",
                "attendance-col-rate",
                "attendance-col-state",
            ],
            rows,
        );

        Report {
            lang: lang.code().to_owned(),
            title: t("pp-auskunft-title"),
            meta: std::iter::once(
                lang.t_args("pp-auskunft-intro", &[("date", self.printed_on.clone())]),
            )
            .chain(self.notes_withheld.clone())
            .collect(),
            sections: vec![
                contact,
                record,
                consents,
                employers,
                log,
                checks,
                enrol,
                loans,
                referrals,
                crate::work::PatternView::section(self.work.as_ref(), lang),
                plan,
                language,
                mentoring,
                attendance,
                progress,
            ],
            footer: lang.t_args("pp-auskunft-footer", &[("name", c.name.clone())]),
        }
    }
}

/// The recognition case and each plan item as a line of the Auskunft.
fn plan_lines(lang: Lang, file: &ParticipantFile) -> Vec<String> {
    let case = file.recognition.as_ref().map(|r| {
        let c = &r.case;
        let differences: Vec<&str> = c.differences.iter().map(|d| d.title.as_str()).collect();
        lang.t_args(
            "pp-auskunft-recognition",
            &[
                ("occupation", c.reference_occupation.clone()),
                ("authority", c.authority.clone()),
                (
                    "outcome",
                    lang.t(&format!("ip-outcome-{}", c.outcome.code())),
                ),
                ("differences", differences.join(", ")),
            ],
        )
    });
    let items = file.plan_items.iter().map(|i| {
        lang.t_args(
            "pp-auskunft-plan-item",
            &[
                (
                    "kind",
                    lang.t(&format!("ip-kind-{}", i.item.details.kind())),
                ),
                ("title", i.item.title.clone()),
                ("done", lernweg_planner::output::de_num(i.done_hours)),
                ("hours", lernweg_planner::output::de_num(i.item.hours)),
            ],
        )
    });
    case.into_iter().chain(items).collect()
}

#[derive(Template)]
#[template(path = "participants_auskunft.html")]
pub struct AuskunftPage {
    pub layout: Layout,
    pub a: Auskunft,
}

/// Reads the file of a participant the caller may see (audited, with the contact notes
/// when the caller may read them) and gathers the Auskunft.
async fn gather(
    state: &AppState,
    ctx: &Ctx,
    id: ParticipantId,
    what: &str,
) -> Result<Auskunft, PageError> {
    let caller = ctx.caller().ok_or(PageError::NotFound)?;
    let file = file::read(&state.app, &caller, id, what, Notes::IfAllowed).await?;
    let mut a = Auskunft::new(ctx.lang, state.app.today(), &state.app.clock, &file);
    // Its own audit entry: the report's entry names the report, this one the language data.
    let language =
        lernweg_app::language::file(&state.app, &caller, id, &format!("language ({what})")).await?;
    a.language = language_lines(ctx.lang, &language);
    let tandems = lernweg_app::tandems::of_participant(&state.app, &caller, id).await?;
    a.mentoring = tandems
        .iter()
        .map(|(t, mentor, meetings)| tandem_line(ctx.lang, t, mentor, *meetings))
        .collect();
    Ok(a)
}

/// A tandem in the Auskunft: status, mentor, period, meetings, note and the person's feedback.
fn tandem_line(lang: Lang, t: &lernweg_store::Tandem, mentor: &str, meetings: usize) -> String {
    let period = match (t.started_on.map(day), t.closed_on.or(t.ends_on).map(day)) {
        (Some(a), Some(b)) => format!("{a}–{b}"),
        (Some(a), None) => a,
        _ => String::new(),
    };
    [
        lang.t(&format!("pp-auskunft-tandem-{}", t.status.as_str())),
        mentor.to_owned(),
        period,
        lang.t_args(
            "pp-auskunft-tandem-meetings",
            &[("n", meetings.to_string())],
        ),
        t.note.clone(),
        t.mentee_feedback.clone().unwrap_or_default(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" · ")
}

/// The language data of the Auskunft, one line each: assessments (oldest first), the
/// participant's own answers, certificates (with a revocation and its reason).
fn language_lines(lang: Lang, f: &lernweg_app::language::LanguageFile) -> Vec<String> {
    let assessments = f.assessments.iter().map(|r| {
        let a = &r.assessment;
        [
            day(a.assessed_on),
            lang.t(&format!("lc-skill-{}", a.skill.code())),
            a.level.to_string(),
            lang.t(&format!("lc-source-{}", a.source.code())),
            a.exam.clone(),
            a.issuer.clone(),
            a.certificate_number.clone(),
            a.note.clone(),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
    });
    let answers = f.self_checks.iter().map(|c| {
        format!(
            "{} · {} · {} {}: {}",
            day(c.answered_on),
            lang.t("lc-col-own"),
            lang.t(&format!("lc-skill-{}", c.statement.skill.code())),
            c.statement.level.as_str(),
            lang.t(&format!("lc-answer-{}", c.answer.code()))
        )
    });
    let certificates = f.certificates.iter().map(|c| {
        let mut line = lang.t_args("lc-issued-on", &[("date", day(c.issued_on))]);
        line = format!("{} · {line}", lang.t("lc-certificates"));
        if let Some(at) = c.revoked_at {
            line.push_str(&format!(
                " — {}: {}",
                lang.t_args("lc-revoked-on", &[("date", day(at.date_naive()))]),
                c.revoked_reason.clone().unwrap_or_default()
            ));
        }
        line
    });
    assessments.chain(answers).chain(certificates).collect()
}

/// `GET /verwaltung/teilnehmende/{id}/auskunft`: everything stored, printable.
pub async fn page(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ParticipantId>,
) -> Result<Response, PageError> {
    let a = gather(&state, &ctx, id, "data access report").await?;
    Ok(render(&AuskunftPage {
        layout: Layout::new(&ctx, "/verwaltung/teilnehmende", "pp-auskunft-title"),
        a,
    }))
}

/// `GET /verwaltung/teilnehmende/{id}/auskunft.pdf`: the same as a PDF download.
pub async fn pdf(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ParticipantId>,
) -> Result<Response, PageError> {
    let a = gather(&state, &ctx, id, "data access report (PDF)").await?;
    let report = a.report(ctx.lang);
    let name = format!("auskunft-{}.pdf", a.contact.participant_id);
    crate::pdf_download::pdf_download(report, &name)
        .await
        .map_err(|()| PageError::Internal)
}
