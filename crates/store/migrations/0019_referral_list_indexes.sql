-- Issue 12: the referrals and the directory of counselling services in the order they are
-- read. Referrals newest first (keyset by day and id: all of them for admins, a provider's);
-- the directory by name.
CREATE INDEX referrals_referred_idx ON referrals (referred_on, id);
CREATE INDEX referrals_provider_referred_idx ON referrals (provider_id, referred_on, id);
CREATE INDEX counselling_services_name_idx ON counselling_services (name, id);
CREATE INDEX counselling_services_provider_name_idx ON counselling_services (provider_id, name, id);
-- The directory page of all providers (the admin's) by kind and name.
CREATE INDEX counselling_services_kind_name_idx ON counselling_services (kind, name, id);
