//! Offers in the reader's language and in the draft's JSON shape: what the offer pages and
//! the offers API share (neither imports from the other).

pub mod analysis;
pub mod convert;
