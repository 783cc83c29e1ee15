-- Individual qualification paths (issue 14): a participant's recognition case (the
-- authority's decision with the substantial differences it lists) and the items of their
-- individual plan (Qualifizierungsplan). Both are kept as the validated document (JSON, as
-- offers are), with the columns that lists filter on.
CREATE TABLE recognition_cases (
    participant_id TEXT PRIMARY KEY REFERENCES participants(id) ON DELETE CASCADE,
    -- lernweg_participants::recognition::RecognitionCase
    document       TEXT NOT NULL,
    outcome        TEXT NOT NULL,
    deadline       TEXT,
    updated_at     TEXT NOT NULL
);

CREATE TABLE plan_items (
    id             TEXT PRIMARY KEY,
    participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    -- cohort_modules | lessons | placement | self_study | language_course | exam
    kind           TEXT NOT NULL,
    -- lernweg_participants::qualification_plan::PlanItem
    document       TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX plan_items_participant_idx ON plan_items (participant_id, created_at);
