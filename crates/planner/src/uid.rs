//! Stable session UIDs: the same offer gives the same UIDs on every build.
//!
//! A UID hashes the offer's identity (title, state, start) and the session's place in the plan
//! (kind, module, ordinal among the sessions of that kind and module). The date is deliberately
//! not part of it: when a session moves, it keeps its UID and calendar clients update it.

use std::collections::HashMap;

use crate::model::OfferSpec;
use crate::plan::{PlannedSession, SessionKind};

/// FNV-1a, 64 bit: tiny, fixed and independent of the Rust version (unlike `DefaultHasher`).
pub fn fnv1a64(seed: u64, bytes: &[u8]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325_u64 ^ seed;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The SplitMix64 finaliser: spreads FNV's similar outputs for similar keys.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A 128-bit hex id of `key`, from two independently seeded FNV-1a hashes.
pub fn stable_id(key: &str) -> String {
    let a = mix(fnv1a64(0, key.as_bytes()));
    let b = mix(fnv1a64(0x9e37_79b9_7f4a_7c15, key.as_bytes()));
    format!("{a:016x}{b:016x}")
}

/// Sets `uid` on every session (sessions must be in final order).
pub(crate) fn assign(spec: &OfferSpec, sessions: &mut [PlannedSession]) {
    let mut ordinals: HashMap<(SessionKind, Option<usize>), u32> = HashMap::new();
    for s in sessions {
        let n = ordinals.entry((s.kind, s.module)).or_insert(0);
        *n += 1;
        let key = format!(
            "{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
            spec.title,
            spec.state.code(),
            spec.start,
            s.kind.code(),
            s.module.map_or(0, |m| m),
            n
        );
        s.uid = format!("{}@lernweg", stable_id(&key));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_reference_values() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(fnv1a64(0, b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(0, b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(0, b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn ids_are_128_bit_hex() {
        let id = stable_id("x");
        assert_eq!(id.len(), 32);
        assert!(id.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(stable_id("x"), stable_id("y"));
    }
}
