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
        for marker in [".t(\"", ".t1(\"", ".t_args(\""] {
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
fn dynamic_keys_exist_for_every_role_and_audit_action() {
    use lernweg_web::i18n::Lang;
    for lang in Lang::ALL {
        for role in lernweg_domain::Role::ALL {
            let key = format!("role-{}", role.as_str());
            assert_ne!(lang.t(&key), key, "{key} in {lang:?}");
        }
        for action in [
            "create",
            "update",
            "delete",
            "view",
            "login",
            "login_failed",
            "logout",
        ] {
            let key = format!("audit-action-{action}");
            assert_ne!(lang.t(&key), key);
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
            assert_ne!(lang.t(&key), key);
        }
    }
}
