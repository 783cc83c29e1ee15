-- Enrolments for chosen modules of a cohort only (issue 14, point 7): the 1-based module
-- numbers, comma-separated and ascending ("1,3"); empty for the whole cohort. Roll calls,
-- attendance and the seats of each module count a partial enrolment for its modules only.
ALTER TABLE enrolments ADD COLUMN modules TEXT NOT NULL DEFAULT '';
