-- The provider as KURSNET knows it: its supplier number (SUPPLIER_ID of the open-Qcat
-- catalogue) and the main address with phone and e-mail (SUPPLIER/ADDRESS). Empty text is
-- "not set"; the open-Qcat export warns about what is missing.
ALTER TABLE providers ADD COLUMN kursnet_supplier_id TEXT NOT NULL DEFAULT '';
ALTER TABLE providers ADD COLUMN street TEXT NOT NULL DEFAULT '';
ALTER TABLE providers ADD COLUMN zip TEXT NOT NULL DEFAULT '';
ALTER TABLE providers ADD COLUMN city TEXT NOT NULL DEFAULT '';
ALTER TABLE providers ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE providers ADD COLUMN email TEXT NOT NULL DEFAULT '';
