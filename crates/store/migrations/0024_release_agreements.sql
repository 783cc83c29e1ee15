-- Release agreements (Freistellungsvereinbarungen, issue 13 point 6): the sessions of a
-- cohort in a participant's working time, the hours the employer is asked to release, and
-- the answer per date, with the history of every answer.
CREATE TABLE release_agreements (
    id             TEXT PRIMARY KEY,
    provider_id    TEXT NOT NULL REFERENCES providers(id),
    participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    enrolment_id   TEXT NOT NULL REFERENCES enrolments(id) ON DELETE CASCADE,
    cohort_id      TEXT NOT NULL REFERENCES cohorts(id),
    -- The linked employer, when there is one (it answers on /betrieb); the name as printed.
    employer_id    TEXT REFERENCES employers(id) ON DELETE SET NULL,
    employer_name  TEXT NOT NULL,
    -- requested | agreed | partly_agreed | declined
    state          TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX release_agreements_provider_idx ON release_agreements (provider_id, id);
CREATE INDEX release_agreements_participant_idx ON release_agreements (participant_id, id);
CREATE INDEX release_agreements_cohort_idx ON release_agreements (cohort_id, id);
CREATE INDEX release_agreements_employer_idx ON release_agreements (employer_id, id);
CREATE INDEX release_agreements_enrolment_idx ON release_agreements (enrolment_id);

CREATE TABLE release_dates (
    agreement_id TEXT NOT NULL REFERENCES release_agreements(id) ON DELETE CASCADE,
    position     BIGINT NOT NULL,
    session_id   TEXT REFERENCES cohort_sessions(id) ON DELETE SET NULL,
    date         TEXT NOT NULL,
    start_time   TEXT NOT NULL,
    end_time     TEXT NOT NULL,
    hours        DOUBLE PRECISION NOT NULL,
    -- NULL: not answered; 1 agreed; 0 declined
    agreed       BIGINT,
    PRIMARY KEY (agreement_id, position)
);

CREATE TABLE release_events (
    id           TEXT PRIMARY KEY,
    agreement_id TEXT NOT NULL REFERENCES release_agreements(id) ON DELETE CASCADE,
    at           TEXT NOT NULL,
    actor_id     TEXT,
    -- Who answered as shown in the history ("Betrieb: …" or the staff member's name).
    actor_label  TEXT NOT NULL,
    state        TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX release_events_agreement_idx ON release_events (agreement_id, at);
