-- Issue 17: run what was designed. A cohort's own weekly session times (chosen for the
-- participants' shifts), the candidate slots staff weighed, early warnings marked as handled
-- and the daily digests sent.

-- lernweg_offers::planning::Planning::weekly_slots as JSON; NULL keeps the offer's time model.
ALTER TABLE cohorts ADD COLUMN weekly_slots TEXT;
-- The last question of the slot choice: {"choose","threshold","candidates":[{"id","weekday","start","end"}]}.
ALTER TABLE cohorts ADD COLUMN slot_question TEXT;

CREATE TABLE warnings_handled (
    id              TEXT PRIMARY KEY,
    provider_id     TEXT NOT NULL REFERENCES providers(id),
    participant_id  TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    -- absences_in_row | low_attendance | load_over_limit | no_contact | release_declined
    kind            TEXT NOT NULL,
    -- What the warning is about (a date, a week, an agreement): a new cause warns again.
    subject         TEXT NOT NULL,
    note            TEXT NOT NULL DEFAULT '',
    handled_by      TEXT,
    handled_at      TEXT NOT NULL,
    UNIQUE (participant_id, kind, subject)
);
CREATE INDEX warnings_handled_provider_idx ON warnings_handled (provider_id);

CREATE TABLE warning_digests (
    user_id   TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    on_date   TEXT NOT NULL,
    warnings  BIGINT NOT NULL,
    PRIMARY KEY (user_id, on_date)
);
