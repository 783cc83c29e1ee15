-- Planning a cohort with its employers (issue 13, point 3): the cohort's own deadline and
-- closing periods (as the CLI's `deadline` and `closures`; the closures as a JSON list of
-- {from, to, name}), when its draft was shared with the employers of its participants, and
-- the employers' answers: periods that do not work for them and comments.
ALTER TABLE cohorts ADD COLUMN deadline TEXT;
ALTER TABLE cohorts ADD COLUMN closures TEXT NOT NULL DEFAULT '[]';
ALTER TABLE cohorts ADD COLUMN shared_at TEXT;

CREATE TABLE cohort_employer_answers (
    id           TEXT PRIMARY KEY,
    cohort_id    TEXT NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    employer_id  TEXT NOT NULL REFERENCES employers(id) ON DELETE CASCADE,
    -- The contact person who answered (kept as a name when the contact is removed).
    contact_id   TEXT REFERENCES employer_contacts(id) ON DELETE SET NULL,
    author_name  TEXT NOT NULL,
    -- A blocked period (both ends inclusive) with its reason, or none for a plain comment:
    -- peak_season | inventory | business_holidays | other
    from_date    TEXT,
    to_date      TEXT,
    reason       TEXT,
    comment      TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL
);
CREATE INDEX cohort_employer_answers_cohort_idx ON cohort_employer_answers (cohort_id, created_at);
CREATE INDEX cohort_employer_answers_employer_idx ON cohort_employer_answers (employer_id);
