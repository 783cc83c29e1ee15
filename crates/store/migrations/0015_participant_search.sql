-- Issue 12: the participant list with 10,000 people per provider. Search, filters and both
-- orders (by name on the page, by id through the API) are answered from indexes on SQLite
-- and PostgreSQL alike.

-- Name, e-mail, phone and the portal login name, lower-cased by Rust (`to_lowercase`, so
-- that "Öz" finds "ÖZTÜRK" on SQLite too, whose lower() folds ASCII only). Written by the
-- store with every change of the participant or of their account; rows of older versions
-- are filled in right after migrating (see `Store::migrate`).
ALTER TABLE participants ADD COLUMN search_text TEXT;
-- Finds the rows still to fill in without reading the others (empty once filled).
CREATE INDEX participants_search_missing_idx ON participants (id) WHERE search_text IS NULL;

-- The list page: one provider's people by name (replaces (provider_id, family_name)).
DROP INDEX participants_provider_idx;
CREATE INDEX participants_provider_name_idx ON participants (provider_id, family_name, given_name, id);
-- The admin's list of every provider's people by name.
CREATE INDEX participants_name_idx ON participants (family_name, given_name, id);
-- The API walks one provider's people by id.
CREATE INDEX participants_provider_id_idx ON participants (provider_id, id);
-- The filter "contact person".
CREATE INDEX participants_contact_person_idx ON participants (contact_person_id, provider_id);

-- Enrolments by participant: the UNIQUE (participant_id, cohort_id) index of 0003 serves.
-- The filters "cohort" (with or without an enrolment status) and "status".
DROP INDEX enrolments_cohort_idx;
CREATE INDEX enrolments_cohort_status_idx ON enrolments (cohort_id, status, participant_id);
CREATE INDEX enrolments_status_idx ON enrolments (status, participant_id);

-- The contact log newest first, and walked by (on_date, id) (replaces (participant_id, on_date)).
DROP INDEX contact_log_participant_idx;
CREATE INDEX contact_log_participant_date_idx ON contact_log (participant_id, on_date, id);
