-- Confirmed dates of individual lessons or coaching of a plan item (issue 14, point 3).
-- They behave like cohort sessions: a UID kept for life, a SEQUENCE that rises with every
-- change, each change kept with its reason, attendance, and a place in the participant's and
-- the trainer's calendar feeds.
CREATE TABLE plan_sessions (
    id              TEXT PRIMARY KEY,
    item_id         TEXT NOT NULL REFERENCES plan_items(id) ON DELETE CASCADE,
    participant_id  TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    -- iCalendar UID: stable for the life of the session.
    uid             TEXT NOT NULL UNIQUE,
    -- iCalendar SEQUENCE: rises with every change.
    sequence        BIGINT NOT NULL DEFAULT 0,
    -- confirmed | cancelled
    status          TEXT NOT NULL,
    date            TEXT NOT NULL,
    start_time      TEXT NOT NULL,
    end_time        TEXT NOT NULL,
    hours           DOUBLE PRECISION NOT NULL,
    -- The trainer's user id; no foreign key, like other "by" columns.
    trainer_id      TEXT,
    -- present | excused | absent; NULL while not recorded.
    attendance      TEXT,
    attendance_note TEXT NOT NULL DEFAULT '',
    recorded_by     TEXT,
    recorded_at     TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX plan_sessions_item_idx ON plan_sessions (item_id, date);
CREATE INDEX plan_sessions_participant_idx ON plan_sessions (participant_id, date);
CREATE INDEX plan_sessions_trainer_idx ON plan_sessions (trainer_id, date);

CREATE TABLE plan_session_changes (
    id          TEXT PRIMARY KEY,
    session_id  TEXT NOT NULL REFERENCES plan_sessions(id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    actor_id    TEXT,
    change      TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX plan_session_changes_session_idx ON plan_session_changes (session_id, at);
