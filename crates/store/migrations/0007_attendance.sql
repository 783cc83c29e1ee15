-- Attendance per session and enrolment (present | excused | absent), and staff entries on a
-- participation's progress (module completed or not, milestone confirmed, exam passed or
-- failed). Both go with the enrolment when a participant is erased.

CREATE TABLE attendance (
    session_id    TEXT NOT NULL REFERENCES cohort_sessions(id) ON DELETE CASCADE,
    enrolment_id  TEXT NOT NULL REFERENCES enrolments(id) ON DELETE CASCADE,
    -- present | excused | absent
    status        TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    -- The user who recorded (or last changed) it; no foreign key, like other "by" columns.
    recorded_by   TEXT,
    recorded_at   TEXT NOT NULL,
    PRIMARY KEY (session_id, enrolment_id)
);
CREATE INDEX attendance_enrolment_idx ON attendance (enrolment_id);

CREATE TABLE progress_entries (
    id            TEXT PRIMARY KEY,
    enrolment_id  TEXT NOT NULL REFERENCES enrolments(id) ON DELETE CASCADE,
    -- 1-based module number; also the key of the module's milestone and exam.
    module        BIGINT NOT NULL,
    -- module_completed | module_not_completed | milestone_confirmed | exam_passed | exam_failed
    decision      TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    recorded_by   TEXT,
    on_date       TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX progress_entries_enrolment_idx ON progress_entries (enrolment_id, on_date);
