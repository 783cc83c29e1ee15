-- The provider's own website (`url` of the provider in the offer pages' JSON-LD, the
-- supplier's address on course portals). Empty text is "not set".
ALTER TABLE providers ADD COLUMN website TEXT NOT NULL DEFAULT '';
