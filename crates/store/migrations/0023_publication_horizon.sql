-- The minimum publication horizon a provider holds itself to (issue 13, point 4): dates
-- published with less lead, in whole weeks, are flagged on the cohort page.
ALTER TABLE providers ADD COLUMN min_publication_weeks BIGINT NOT NULL DEFAULT 26;
