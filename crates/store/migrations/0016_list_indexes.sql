-- Issue 12: indexes for the lists that can grow, in the order they are read (keyset paging
-- walks them by sort key and id; a provider's list reads only its own part).

-- Offers by title: a provider's, and all of them (admins).
CREATE INDEX offers_provider_title_idx ON offers (provider_id, title, id);
CREATE INDEX offers_title_idx ON offers (title, id);
-- The public catalogue: published offers, newest publication first.
CREATE INDEX offers_published_idx ON offers (published, published_at, id);

-- Cohorts by start date: a provider's, an offer's, and all of them.
CREATE INDEX cohorts_provider_start_idx ON cohorts (provider_id, start_date, id);
CREATE INDEX cohorts_offer_start_idx ON cohorts (offer_id, start_date, id);
CREATE INDEX cohorts_start_idx ON cohorts (start_date, id);

-- The audit log newest first: all entries, a provider's, and by action or record kind.
CREATE INDEX audit_log_at_id_idx ON audit_log (at, id);
CREATE INDEX audit_log_provider_at_idx ON audit_log (provider_id, at, id);
CREATE INDEX audit_log_action_at_idx ON audit_log (action, at, id);
CREATE INDEX audit_log_entity_at_idx ON audit_log (entity, at, id);
