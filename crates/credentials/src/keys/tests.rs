//! Unit tests of the parent module.

use super::*;

/// RFC 8037 Appendix A.1: the private key `d` (seed).
const RFC_D: &str = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
/// RFC 8037 Appendix A.1: the public key `x`.
const RFC_X: &str = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
/// RFC 8037 Appendix A.3: the thumbprint of the public JWK.
const RFC_THUMBPRINT: &str = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";

fn master(byte: u8) -> MasterKey {
    MasterKey::from_bytes([byte; 32])
}

fn rfc_seed() -> [u8; 32] {
    URL_SAFE_NO_PAD.decode(RFC_D).unwrap().try_into().unwrap()
}

/// Replaces the character at `index` with another base64url character.
fn alter(text: &str, index: usize) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    chars[index] = if chars[index] == 'A' { 'B' } else { 'A' };
    chars.into_iter().collect()
}

#[test]
fn thumbprint_matches_rfc_8037_a3() {
    assert_eq!(jwk_thumbprint(RFC_X), RFC_THUMBPRINT);
}

#[test]
fn new_key_from_rfc_seed_has_rfc_public_key_and_kid() {
    let key = new_issuer_key(&master(1), rfc_seed(), [2; 24]);
    assert_eq!(key.public_key, RFC_X);
    assert_eq!(key.kid, RFC_THUMBPRINT);
}

#[test]
fn sealed_text_is_nonce_then_ciphertext() {
    let key = new_issuer_key(&master(1), [9; 32], [7; 24]);
    let bytes = URL_SAFE_NO_PAD.decode(&key.sealed_private_key).unwrap();
    assert_eq!(bytes.len(), 24 + 32 + 16);
    assert_eq!(bytes[..24], [7; 24]);
    // The seed itself must not appear in clear.
    assert_ne!(bytes[24..56], [9; 32]);
}

#[test]
fn seal_unseal_round_trip() {
    let m = master(3);
    let key = new_issuer_key(&m, rfc_seed(), [4; 24]);
    let signer = unseal(&m, &key.kid, &key.sealed_private_key).unwrap();
    assert_eq!(signer.kid(), key.kid);
    assert_eq!(signer.signing_key().to_bytes(), rfc_seed());
}

#[test]
fn unseal_fails_with_another_master_key() {
    let key = new_issuer_key(&master(3), [5; 32], [4; 24]);
    let err = unseal(&master(6), &key.kid, &key.sealed_private_key).unwrap_err();
    assert_eq!(err, CredentialError::Unseal);
}

#[test]
fn unseal_fails_with_another_kid() {
    let m = master(3);
    let key = new_issuer_key(&m, [5; 32], [4; 24]);
    let other = new_issuer_key(&m, [8; 32], [4; 24]);
    assert_ne!(key.kid, other.kid);
    let err = unseal(&m, &other.kid, &key.sealed_private_key).unwrap_err();
    assert_eq!(err, CredentialError::Unseal);
}

#[test]
fn unseal_fails_with_any_altered_character() {
    let m = master(3);
    let key = new_issuer_key(&m, [5; 32], [4; 24]);
    let sealed = &key.sealed_private_key;
    for index in [0, 10, 30, 50, 70, sealed.len() - 2, sealed.len() - 1] {
        let altered = alter(sealed, index);
        assert_ne!(&altered, sealed);
        assert_eq!(
            unseal(&m, &key.kid, &altered).unwrap_err(),
            CredentialError::Unseal,
            "altered at {index}"
        );
    }
}

#[test]
fn unseal_fails_on_truncated_or_garbage_text() {
    let m = master(3);
    let key = new_issuer_key(&m, [5; 32], [4; 24]);
    let truncated = &key.sealed_private_key[..key.sealed_private_key.len() - 4];
    assert_eq!(
        unseal(&m, &key.kid, truncated).unwrap_err(),
        CredentialError::Unseal
    );
    assert_eq!(
        unseal(&m, &key.kid, "not sealed!").unwrap_err(),
        CredentialError::Unseal
    );
    assert_eq!(
        unseal(&m, &key.kid, "").unwrap_err(),
        CredentialError::Unseal
    );
}

#[test]
fn unseal_rejects_a_kid_that_does_not_name_the_key() {
    // Sealed with a foreign kid as associated data: the AEAD accepts it, the thumbprint check does not.
    let m = master(3);
    let kid = "not-the-thumbprint";
    let ciphertext = m
        .cipher()
        .encrypt(
            &XNonce::from([1; 24]),
            Payload {
                msg: &[5; 32],
                aad: kid.as_bytes(),
            },
        )
        .unwrap();
    let sealed = URL_SAFE_NO_PAD.encode([&[1; 24][..], &ciphertext].concat());
    assert_eq!(
        unseal(&m, kid, &sealed).unwrap_err(),
        CredentialError::Unseal
    );
}

#[test]
fn master_key_round_trips_through_file_text() {
    let m = MasterKey::from_bytes(std::array::from_fn(|i| (i * 7) as u8));
    let text = m.to_file_text();
    assert_eq!(text.len(), 44);
    assert!(text.ends_with('\n'));
    let parsed = MasterKey::parse(&text).unwrap();
    assert_eq!(parsed.0, m.0);
    let padded = format!("  \n{}\t\n", text.trim());
    assert_eq!(MasterKey::parse(&padded).unwrap().0, m.0);
}

#[test]
fn master_key_parse_rejects_wrong_length_and_garbage() {
    let good = master(0xAB).to_file_text();
    let good = good.trim();
    for bad in [
        "",
        &good[..42],
        &format!("{good}A"),
        &format!("{good}="),
        &good.replace(&good[..1], "+"),
        "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
        &URL_SAFE_NO_PAD.encode([1u8; 31]),
        &URL_SAFE_NO_PAD.encode([1u8; 33]),
    ] {
        assert!(
            matches!(MasterKey::parse(bad), Err(CredentialError::MasterKey(_))),
            "accepted {bad:?}"
        );
    }
}

#[test]
fn master_key_parse_rejects_non_canonical_last_character() {
    // 43 chars carry 258 bits; the last 2 must be zero for 32 bytes.
    let good = URL_SAFE_NO_PAD.encode([0u8; 32]);
    let non_canonical = format!("{}B", &good[..42]);
    assert!(MasterKey::parse(&non_canonical).is_err());
}

#[test]
fn debug_output_hides_secrets() {
    assert_eq!(format!("{:?}", master(0x41)), "MasterKey(…)");
    let m = master(3);
    let key = new_issuer_key(&m, [5; 32], [4; 24]);
    let signer = unseal(&m, &key.kid, &key.sealed_private_key).unwrap();
    let debug = format!("{signer:?}");
    assert!(debug.contains(&key.kid));
    assert!(!debug.contains("key:"), "{debug}");
    assert_eq!(debug, format!("Signer {{ kid: {:?}, .. }}", key.kid));
}
