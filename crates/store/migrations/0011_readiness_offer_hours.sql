-- The offer's weekly hours a readiness check was evaluated against, and the cohort whose
-- timetable they were taken from (NULL: no hours, or hours typed without a cohort). Kept so
-- that a check shown or compared later never has to be evaluated again with other inputs.
ALTER TABLE readiness_checks ADD COLUMN offer_hours DOUBLE PRECISION;
ALTER TABLE readiness_checks ADD COLUMN cohort_id TEXT;
