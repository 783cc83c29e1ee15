-- Issue 12, measured with 10,000 participants: a search read every row of the table (the
-- JSON document included) to test its search text, 7 ms to count and 21 ms for a page. With
-- the search text in the name indexes the search reads the index alone (about a tenth of
-- the bytes) and looks up the table only for the 50 rows it shows.
DROP INDEX participants_provider_name_idx;
CREATE INDEX participants_provider_name_idx
    ON participants (provider_id, family_name, given_name, id, search_text);
DROP INDEX participants_name_idx;
CREATE INDEX participants_name_idx ON participants (family_name, given_name, id, search_text);

-- The cohorts of a filter or a form by name, without sorting them first.
DROP INDEX cohorts_provider_idx;
CREATE INDEX cohorts_provider_name_idx ON cohorts (provider_id, name, id);
