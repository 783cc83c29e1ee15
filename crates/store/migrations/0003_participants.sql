-- Participants with their contact person, consents, contact log, readiness checks and
-- enrolments (with the event history). Personal data is kept in few places so that an
-- erasure can remove it completely; anonymous outcomes survive in participant_stats.

CREATE TABLE participants (
    id                 TEXT PRIMARY KEY,
    provider_id        TEXT NOT NULL REFERENCES providers(id),
    contact_person_id  TEXT REFERENCES users(id),
    given_name         TEXT NOT NULL,
    family_name        TEXT NOT NULL,
    email              TEXT,
    -- The validated record (lernweg_participants::ParticipantData) as JSON.
    document           TEXT NOT NULL,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);
CREATE INDEX participants_provider_idx ON participants (provider_id, family_name);

CREATE TABLE consents (
    id              TEXT PRIMARY KEY,
    participant_id  TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    scope           TEXT NOT NULL,
    given_on        TEXT NOT NULL,
    withdrawn_on    TEXT,
    recorded_by     TEXT,
    created_at      TEXT NOT NULL
);
CREATE INDEX consents_participant_idx ON consents (participant_id);

CREATE TABLE contact_log (
    id              TEXT PRIMARY KEY,
    participant_id  TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    on_date         TEXT NOT NULL,
    channel         TEXT NOT NULL,
    topic           TEXT NOT NULL,
    note            TEXT NOT NULL DEFAULT '',
    staff_id        TEXT,
    created_at      TEXT NOT NULL
);
CREATE INDEX contact_log_participant_idx ON contact_log (participant_id, on_date);

CREATE TABLE readiness_checks (
    id              TEXT PRIMARY KEY,
    participant_id  TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    checked_on      TEXT NOT NULL,
    counsellor_id   TEXT,
    -- lernweg_participants::ReadinessAnswers and ReadinessResult as JSON.
    answers         TEXT NOT NULL,
    result          TEXT NOT NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX readiness_checks_participant_idx ON readiness_checks (participant_id, checked_on);

CREATE TABLE enrolments (
    id               TEXT PRIMARY KEY,
    participant_id   TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    cohort_id        TEXT NOT NULL REFERENCES cohorts(id),
    status           TEXT NOT NULL,
    -- 1 / 0 / NULL (not known yet): feeds the "actually run part-time" figure.
    stayed_employed  BIGINT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    UNIQUE (participant_id, cohort_id)
);
CREATE INDEX enrolments_cohort_idx ON enrolments (cohort_id);

CREATE TABLE enrolment_events (
    id            TEXT PRIMARY KEY,
    enrolment_id  TEXT NOT NULL REFERENCES enrolments(id) ON DELETE CASCADE,
    position      BIGINT NOT NULL,
    on_date       TEXT NOT NULL,
    -- lernweg_participants::EnrolmentEvent as JSON.
    event         TEXT NOT NULL,
    from_status   TEXT NOT NULL,
    to_status     TEXT NOT NULL,
    recorded_by   TEXT,
    created_at    TEXT NOT NULL,
    UNIQUE (enrolment_id, position)
);

-- What remains of an erased participant: no name, no contact data, no free text.
CREATE TABLE participant_stats (
    id                  TEXT PRIMARY KEY,
    provider_id         TEXT NOT NULL REFERENCES providers(id),
    erased_on           TEXT NOT NULL,
    german_level        TEXT,
    recognition_status  TEXT,
    kldb_area           TEXT,
    -- enrolment outcomes: [{"cohort_id", "status", "stayed_employed"}]
    outcomes            TEXT NOT NULL
);
