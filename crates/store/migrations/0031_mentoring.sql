-- Issue 15: mentoring. A provider's pool of volunteer mentors, participants waiting for a
-- mentor, tandems (proposed by the matching, accepted or rejected by staff, running, closed),
-- the meetings a tandem logs, the score weights per provider, and the workshops and
-- networking events offered to mentors with their sign-ups.

CREATE TABLE mentors (
    id              TEXT PRIMARY KEY,
    provider_id     TEXT NOT NULL REFERENCES providers(id),
    name            TEXT NOT NULL,
    email           TEXT,
    phone           TEXT,
    -- KldB 2010, five digits.
    kldb            TEXT NOT NULL,
    occupation      TEXT NOT NULL DEFAULT '',
    -- ISO 639-1 codes, comma-separated.
    languages       TEXT NOT NULL,
    -- mon-morning … sun-evening, comma-separated.
    slots           TEXT NOT NULL,
    city            TEXT NOT NULL DEFAULT '',
    online          INTEGER NOT NULL,
    capacity        INTEGER NOT NULL,
    available_from  TEXT NOT NULL,
    available_until TEXT,
    consent_on      TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX mentors_provider_idx ON mentors (provider_id, name);

-- A participant waiting for (or having) a mentor, with when and where they could meet.
CREATE TABLE mentee_wishes (
    participant_id  TEXT PRIMARY KEY REFERENCES participants(id) ON DELETE CASCADE,
    provider_id     TEXT NOT NULL REFERENCES providers(id),
    slots           TEXT NOT NULL,
    city            TEXT NOT NULL DEFAULT '',
    online          INTEGER NOT NULL,
    wished_on       TEXT NOT NULL
);
CREATE INDEX mentee_wishes_provider_idx ON mentee_wishes (provider_id);

CREATE TABLE tandems (
    id              TEXT PRIMARY KEY,
    provider_id     TEXT NOT NULL REFERENCES providers(id),
    mentor_id       TEXT NOT NULL REFERENCES mentors(id) ON DELETE CASCADE,
    participant_id  TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    -- proposed | rejected | active | closed
    status          TEXT NOT NULL,
    score           INTEGER NOT NULL,
    -- The matching's reasons in German, one per line.
    reasons         TEXT NOT NULL,
    budget_minutes  INTEGER NOT NULL DEFAULT 120,
    started_on      TEXT,
    ends_on         TEXT,
    closed_on       TEXT,
    -- Why staff rejected a proposal or closed a tandem.
    note            TEXT NOT NULL DEFAULT '',
    mentor_feedback TEXT,
    mentee_feedback TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX tandems_provider_idx ON tandems (provider_id, status);
CREATE INDEX tandems_mentor_idx ON tandems (mentor_id, status);
CREATE INDEX tandems_participant_idx ON tandems (participant_id, status);

CREATE TABLE tandem_meetings (
    id          TEXT PRIMARY KEY,
    tandem_id   TEXT NOT NULL REFERENCES tandems(id) ON DELETE CASCADE,
    met_on      TEXT NOT NULL,
    minutes     INTEGER NOT NULL,
    topic       TEXT NOT NULL,
    -- mentor | mentee | staff
    logged_by   TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX tandem_meetings_idx ON tandem_meetings (tandem_id, met_on);

-- The score's weights of a provider (none: the documented defaults).
CREATE TABLE mentoring_weights (
    provider_id     TEXT PRIMARY KEY REFERENCES providers(id),
    same_main_group INTEGER NOT NULL,
    same_area       INTEGER NOT NULL,
    mother_tongue   INTEGER NOT NULL,
    per_slot        INTEGER NOT NULL,
    slots_max       INTEGER NOT NULL,
    place           INTEGER NOT NULL,
    updated_at      TEXT NOT NULL
);

CREATE TABLE mentor_events (
    id          TEXT PRIMARY KEY,
    provider_id TEXT NOT NULL REFERENCES providers(id),
    -- workshop | networking
    kind        TEXT NOT NULL,
    title       TEXT NOT NULL,
    date        TEXT NOT NULL,
    start_time  TEXT NOT NULL,
    end_time    TEXT NOT NULL,
    place       TEXT NOT NULL,
    capacity    INTEGER NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX mentor_events_provider_idx ON mentor_events (provider_id, date);

CREATE TABLE mentor_event_signups (
    event_id    TEXT NOT NULL REFERENCES mentor_events(id) ON DELETE CASCADE,
    mentor_id   TEXT NOT NULL REFERENCES mentors(id) ON DELETE CASCADE,
    signed_up_at TEXT NOT NULL,
    -- NULL until staff record it; 1 attended, 0 did not.
    attended    INTEGER,
    PRIMARY KEY (event_id, mentor_id)
);

-- A mentor account (role `mentor`) belongs to exactly one mentor of the pool.
ALTER TABLE users ADD COLUMN mentor_id TEXT REFERENCES mentors(id) ON DELETE CASCADE;
CREATE UNIQUE INDEX users_mentor_idx ON users (mentor_id);

-- An invitation is for exactly one of a participant, an employer contact or a mentor. (SQLite
-- cannot change a CHECK constraint: the table is rebuilt, with the same rows and index names.)
CREATE TABLE invitations_new (
    id                   TEXT PRIMARY KEY,
    participant_id       TEXT REFERENCES participants(id) ON DELETE CASCADE,
    employer_contact_id  TEXT REFERENCES employer_contacts(id) ON DELETE CASCADE,
    mentor_id            TEXT REFERENCES mentors(id) ON DELETE CASCADE,
    provider_id          TEXT NOT NULL REFERENCES providers(id),
    -- email | code
    kind                 TEXT NOT NULL,
    secret_hash          TEXT NOT NULL UNIQUE,
    login_name           TEXT,
    created_by           TEXT,
    created_at           TEXT NOT NULL,
    expires_at           TEXT NOT NULL,
    used_at              TEXT,
    revoked_at           TEXT,
    CHECK ((CASE WHEN participant_id IS NULL THEN 0 ELSE 1 END)
         + (CASE WHEN employer_contact_id IS NULL THEN 0 ELSE 1 END)
         + (CASE WHEN mentor_id IS NULL THEN 0 ELSE 1 END) = 1)
);
INSERT INTO invitations_new (id, participant_id, employer_contact_id, provider_id, kind, secret_hash, login_name, created_by, created_at, expires_at, used_at, revoked_at)
    SELECT id, participant_id, employer_contact_id, provider_id, kind, secret_hash, login_name, created_by, created_at, expires_at, used_at, revoked_at
    FROM invitations;
DROP TABLE invitations;
ALTER TABLE invitations_new RENAME TO invitations;
CREATE INDEX invitations_participant_idx ON invitations (participant_id, created_at);
CREATE INDEX invitations_employer_contact_idx ON invitations (employer_contact_id, created_at);
CREATE INDEX invitations_mentor_idx ON invitations (mentor_id, created_at);
