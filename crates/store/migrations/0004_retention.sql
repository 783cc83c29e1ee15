-- How long a provider keeps finished participant records before `lernweg purge` erases them.
ALTER TABLE providers ADD COLUMN retention_months BIGINT NOT NULL DEFAULT 24;
