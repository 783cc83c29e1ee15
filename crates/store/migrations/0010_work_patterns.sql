-- A participant's working times (Schicht- / Dienstplan): fixed weekly shifts or a rotating
-- plan, entered in a form, sent through the API or imported from an .ics file. One row per
-- participant, erased with the participant (ON DELETE CASCADE).

CREATE TABLE work_patterns (
    participant_id  TEXT PRIMARY KEY REFERENCES participants(id) ON DELETE CASCADE,
    -- lernweg_participants::WorkPattern as JSON.
    pattern         TEXT NOT NULL,
    -- One way to the course, per presence day.
    travel_minutes  BIGINT NOT NULL DEFAULT 0,
    -- form | ics | api
    source          TEXT NOT NULL,
    updated_by      TEXT,
    updated_at      TEXT NOT NULL
);
