//! The installation's credential key file: 32 random bytes (base64url) that seal the
//! providers' signing keys in the database. It lives outside the database, is created with
//! mode 0600 on first start, and must be backed up with the database: without it, new
//! certificates cannot be signed (those issued before still verify — their public keys are
//! in the database).

use std::io::Write;
use std::path::Path;

use anyhow::{Context, anyhow};
use lernweg_credentials::MasterKey;

/// Reads the key file, or creates it (and its directory) when it does not exist.
pub fn load_or_create(path: &Path) -> anyhow::Result<MasterKey> {
    match std::fs::read_to_string(path) {
        Ok(text) => MasterKey::parse(&text)
            .map_err(|e| anyhow!("credential key file {}: {e}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("cannot create {}", dir.display()))?;
            }
            let key = MasterKey::from_bytes(rand::random());
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            let mut file = options.open(path).with_context(|| {
                format!("cannot create the credential key file {}", path.display())
            })?;
            file.write_all(key.to_file_text().as_bytes())?;
            file.sync_all()?;
            tracing::info!(path = %path.display(), "created the credential key file");
            Ok(key)
        }
        Err(e) => Err(anyhow!(
            "cannot read the credential key file {}: {e}",
            path.display()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_is_created_private_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("credential.key");
        let first = load_or_create(&path).unwrap();
        let second = load_or_create(&path).unwrap();
        assert_eq!(first.to_file_text(), second.to_file_text());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::write(&path, "not a key").unwrap();
        let err = load_or_create(&path).unwrap_err().to_string();
        assert!(err.contains("credential key file"), "{err}");
    }
}
