//! Every UI text exists in German and English, and every key the code and templates use exists.

use std::collections::BTreeSet;
use std::path::Path;

fn ids(file: &Path) -> BTreeSet<String> {
    std::fs::read_to_string(file)
        .unwrap()
        .lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_owned()))
        .collect()
}

fn locales() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
}

#[test]
fn german_and_english_have_the_same_messages() {
    for entry in std::fs::read_dir(locales().join("de")).unwrap() {
        let de = entry.unwrap().path();
        let en = locales().join("en").join(de.file_name().unwrap());
        assert!(en.exists(), "{} has no English counterpart", de.display());
        let (d, e) = (ids(&de), ids(&en));
        let only_de: Vec<_> = d.difference(&e).collect();
        let only_en: Vec<_> = e.difference(&d).collect();
        assert!(
            only_de.is_empty() && only_en.is_empty(),
            "{}: only German {only_de:?}, only English {only_en:?}",
            de.display()
        );
    }
}

/// Keys written literally as `t("key")`, `t1("key", …)` or `t_args("key", …)`.
fn used_keys(dir: &Path, out: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            used_keys(&path, out);
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for marker in [
            ".t(\"",
            ".t1(\"",
            ".t_args(\"",
            ".t1_bdi(\"",
            ".t_isolated(\"",
        ] {
            for (i, _) in text.match_indices(marker) {
                let rest = &text[i + marker.len()..];
                let key: String = rest.chars().take_while(|c| *c != '"').collect();
                if key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                    && !key.is_empty()
                {
                    out.insert(key);
                }
            }
        }
    }
}

#[test]
fn every_used_key_exists_in_both_languages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut used = BTreeSet::new();
    used_keys(&root.join("src"), &mut used);
    used_keys(&root.join("templates"), &mut used);
    assert!(used.len() > 50, "the scan finds the keys ({})", used.len());
    for lang in ["de", "en"] {
        let mut all = BTreeSet::new();
        for entry in std::fs::read_dir(locales().join(lang)).unwrap() {
            all.extend(ids(&entry.unwrap().path()));
        }
        let missing: Vec<_> = used.iter().filter(|k| !all.contains(*k)).collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
    }
}

#[test]
fn dynamic_keys_exist_for_every_role_and_form_error() {
    use lernweg_web::i18n::Lang;
    for lang in Lang::ALL {
        for role in lernweg_domain::Role::ALL {
            let key = format!("role-{}", role.as_str());
            assert!(lang.try_t(&key).is_some(), "{key} in {lang:?}");
        }
        for code in [
            "required",
            "too_short",
            "too_long",
            "control_chars",
            "invalid",
            "invalid_email",
            "unknown_state",
            "unknown_role",
            "invalid_id",
            "needs_provider",
        ] {
            let key = format!("form-error-{code}");
            assert!(lang.try_t(&key).is_some(), "{key} in {lang:?}");
        }
    }
}

/// The participant languages beyond German and English: they have the portal's texts only.
const PORTAL_ONLY: [&str; 4] = ["ar", "uk", "tr", "ru"];

#[test]
fn the_portal_speaks_six_languages_with_the_same_messages() {
    let de = ids(&locales().join("de").join("portal.ftl"));
    assert!(de.len() > 150, "portal.ftl has its texts ({})", de.len());
    for lang in ["en", "ar", "uk", "tr", "ru"] {
        let other = ids(&locales().join(lang).join("portal.ftl"));
        let only_de: Vec<_> = de.difference(&other).collect();
        let only_other: Vec<_> = other.difference(&de).collect();
        assert!(
            only_de.is_empty() && only_other.is_empty(),
            "portal.ftl: only German {only_de:?}, only {lang} {only_other:?}"
        );
    }
    for lang in PORTAL_ONLY {
        let files: Vec<String> = std::fs::read_dir(locales().join(lang))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            files,
            vec!["portal.ftl"],
            "{lang} has only the portal's texts"
        );
    }
}

#[test]
fn every_portal_key_is_translated_and_parses() {
    use lernweg_web::i18n::Lang;
    let keys = ids(&locales().join("de").join("portal.ftl"));
    for lang in Lang::ALL {
        for key in &keys {
            assert_ne!(lang.t(key), *key, "{key} in {lang:?}");
        }
    }
    // Not the German fallback: each language's own script or words.
    assert!(
        Lang::Ar
            .t("portal-path-title")
            .chars()
            .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
    );
    assert!(Lang::Uk.t("portal-path-intro").contains("шлях"));
    assert!(Lang::Ru.t("portal-path-intro").contains("путь"));
    assert!(Lang::Tr.t("portal-path-intro").contains("yolunuzu"));
    assert_eq!(Lang::En.t("portal-login-id"), "Email address or login name");
    assert_eq!(
        Lang::De.t("portal-login-id"),
        "E-Mail-Adresse oder Anmeldename"
    );
    // Arguments arrive in every language.
    for lang in Lang::ALL {
        let s = lang.t_args("portal-path-hello", &[("name", "Amina".to_owned())]);
        assert!(s.contains("Amina"), "{lang:?}: {s}");
    }
}

/// Keys the portal's own code and templates use (not the staff side) exist in all six.
#[test]
fn every_key_of_the_participant_pages_exists_in_all_six() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut used = BTreeSet::new();
    used_keys(&root.join("src").join("portal"), &mut used);
    for t in [
        "portal_base.html",
        "portal_message.html",
        "portal_code.html",
        "portal_password.html",
        "portal_path.html",
        "portal_readiness.html",
        "login.html",
    ] {
        let text = std::fs::read_to_string(root.join("templates").join(t)).unwrap();
        for (i, _) in text
            .match_indices(".t(\"")
            .chain(text.match_indices(".t1(\""))
        {
            let rest = &text[i..];
            let start = rest.find('"').unwrap() + 1;
            let key: String = rest[start..].chars().take_while(|c| *c != '"').collect();
            used.insert(key);
        }
    }
    let participant: Vec<&String> = used
        .iter()
        .filter(|k| k.starts_with("portal-") && !k.starts_with("portal-staff-"))
        .collect();
    assert!(participant.len() > 60, "found {}", participant.len());
    for lang in ["de", "en", "ar", "uk", "tr", "ru"] {
        let all = ids(&locales().join(lang).join("portal.ftl"));
        let missing: Vec<_> = participant.iter().filter(|k| !all.contains(**k)).collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
    }
}
