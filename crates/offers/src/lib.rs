//! Offers and cohorts as rules (placeholder, filled by the offers work).
