-- The legal texts of the public pages: Impressum, Datenschutzerklärung and Erklärung zur
-- Barrierefreiheit. `scope` is '' for the installation or a provider's id; a text that is
-- not set (no row) falls back to the installation's, then to a default that says so.
CREATE TABLE legal_texts (
    scope TEXT NOT NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (scope, kind)
);
