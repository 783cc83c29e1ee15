-- Offers, cohorts, their dated sessions, session change history, and calendar feed tokens.

CREATE TABLE offers (
    id           TEXT PRIMARY KEY,
    provider_id  TEXT NOT NULL REFERENCES providers(id),
    slug         TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL,
    goal         TEXT NOT NULL,
    kldb         TEXT NOT NULL,
    time_model   TEXT NOT NULL,
    -- The validated offer (lernweg_offers::Offer) as JSON.
    document     TEXT NOT NULL,
    -- Shown in the public catalogue.
    published    BIGINT NOT NULL DEFAULT 0,
    published_at TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX offers_provider_idx ON offers (provider_id);

CREATE TABLE cohorts (
    id            TEXT PRIMARY KEY,
    offer_id      TEXT NOT NULL REFERENCES offers(id),
    provider_id   TEXT NOT NULL REFERENCES providers(id),
    name          TEXT NOT NULL,
    -- Federal state whose public holidays apply.
    state         TEXT NOT NULL,
    start_date    TEXT NOT NULL,
    end_date      TEXT,
    status        TEXT NOT NULL,
    room          TEXT NOT NULL DEFAULT '',
    online_link   TEXT NOT NULL DEFAULT '',
    published_at  TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX cohorts_offer_idx ON cohorts (offer_id);
CREATE INDEX cohorts_provider_idx ON cohorts (provider_id);

CREATE TABLE cohort_trainers (
    cohort_id  TEXT NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    user_id    TEXT NOT NULL REFERENCES users(id),
    PRIMARY KEY (cohort_id, user_id)
);
CREATE INDEX cohort_trainers_user_idx ON cohort_trainers (user_id);

CREATE TABLE cohort_sessions (
    id          TEXT PRIMARY KEY,
    cohort_id   TEXT NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    -- iCalendar UID: stable for the life of the session.
    uid         TEXT NOT NULL UNIQUE,
    -- iCalendar SEQUENCE: rises with every change.
    sequence    BIGINT NOT NULL DEFAULT 0,
    status      TEXT NOT NULL,
    date        TEXT NOT NULL,
    start_time  TEXT,
    end_time    TEXT,
    hours       DOUBLE PRECISION NOT NULL,
    module      BIGINT,
    kind        TEXT NOT NULL,
    title       TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX cohort_sessions_cohort_idx ON cohort_sessions (cohort_id, date);

CREATE TABLE session_changes (
    id          TEXT PRIMARY KEY,
    session_id  TEXT NOT NULL REFERENCES cohort_sessions(id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    actor_id    TEXT,
    change      TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX session_changes_session_idx ON session_changes (session_id);

CREATE TABLE feed_tokens (
    id           TEXT PRIMARY KEY,
    token_hash   TEXT NOT NULL UNIQUE,
    prefix       TEXT NOT NULL,
    -- cohort | trainer
    kind         TEXT NOT NULL,
    target_id    TEXT NOT NULL,
    provider_id  TEXT NOT NULL REFERENCES providers(id),
    created_at   TEXT NOT NULL,
    revoked_at   TEXT
);
CREATE INDEX feed_tokens_target_idx ON feed_tokens (target_id);
