//! Sending invitation e-mails with lettre: through an SMTP relay (`--smtp-url`) or as `.eml`
//! files into a directory (`--mail-dir`; tests and the demo). Without either, e-mail
//! invitations are refused and the printed code is the way in.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use lernweg_domain::Email;
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Body, Mailbox, Message};
use lettre::{
    AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Tokio1Executor, address::Address,
};

/// Where mail goes. `smtp_url` wins over `mail_dir` when both are set.
#[derive(Clone, Default)]
pub struct MailConfig {
    /// e.g. `smtp://relay.example.org:25`, `smtps://user:pass@smtp.example.org` or
    /// `smtp://user:pass@smtp.example.org:587?tls=required` (lettre's URL format).
    pub smtp_url: Option<String>,
    /// A directory that receives every mail as an `.eml` file.
    pub mail_dir: Option<PathBuf>,
    /// The sender; default `lernweg@<host of the public URL>` or `lernweg@localhost`.
    pub from: Option<String>,
}

/// Never prints the SMTP password.
impl fmt::Debug for MailConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MailConfig")
            .field("smtp_url", &self.smtp_url.as_deref().map(redact))
            .field("mail_dir", &self.mail_dir)
            .field("from", &self.from)
            .finish()
    }
}

/// `smtp://user:secret@host` → `smtp://user:***@host`.
fn redact(url: &str) -> String {
    if let Some((scheme, rest)) = url.split_once("://")
        && let Some((creds, host)) = rest.rsplit_once('@')
        && let Some((user, _)) = creds.split_once(':')
    {
        return format!("{scheme}://{user}:***@{host}");
    }
    url.to_owned()
}

impl MailConfig {
    pub fn is_configured(&self) -> bool {
        self.smtp_url.as_deref().is_some_and(|u| !u.is_empty()) || self.mail_dir.is_some()
    }

    /// The `From` address: configured, or `lernweg@` the public URL's host.
    fn sender(&self, public_url: Option<&str>) -> String {
        if let Some(f) = self.from.as_deref().filter(|f| !f.trim().is_empty()) {
            return f.trim().to_owned();
        }
        let host = public_url
            .and_then(|u| u.split_once("://").map(|(_, rest)| rest))
            .map(|rest| rest.split(['/', ':']).next().unwrap_or(""))
            .filter(|h| h.contains('.'))
            .unwrap_or("localhost");
        format!("Lernweg <lernweg@{host}>")
    }
}

/// One plain-text mail.
pub struct OutgoingMail {
    pub to: Email,
    pub to_name: String,
    pub subject: String,
    pub body: String,
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("no mail transport configured")]
    NotConfigured,
    #[error("address not usable: {0}")]
    Address(String),
    #[error("sending failed: {0}")]
    Transport(String),
}

impl MailError {
    /// The message id of the staff page text for this error.
    pub fn message_id(&self) -> &'static str {
        match self {
            MailError::NotConfigured => "portal-staff-mail-not-configured",
            MailError::Address(_) => "portal-staff-mail-bad-address",
            MailError::Transport(_) => "portal-staff-mail-failed",
        }
    }
}

/// Sends one mail through the configured transport.
pub async fn send(
    cfg: &MailConfig,
    public_url: Option<&str>,
    mail: OutgoingMail,
) -> Result<(), MailError> {
    if !cfg.is_configured() {
        return Err(MailError::NotConfigured);
    }
    let from: Mailbox = cfg
        .sender(public_url)
        .parse()
        .map_err(|e| MailError::Address(format!("sender: {e}")))?;
    let to_addr: Address = mail
        .to
        .as_str()
        .parse()
        .map_err(|e| MailError::Address(format!("{e}")))?;
    // Quoted-printable: every relay takes it, and the link stays readable in the source.
    let body = Body::new_with_encoding(mail.body, ContentTransferEncoding::QuotedPrintable)
        .map_err(|_| MailError::Address("body cannot be encoded".into()))?;
    let message = Message::builder()
        .from(from)
        .to(Mailbox::new(Some(mail.to_name), to_addr))
        .subject(mail.subject)
        .header(ContentType::TEXT_PLAIN)
        .body(body)
        .map_err(|e| MailError::Address(e.to_string()))?;
    if let Some(url) = cfg.smtp_url.as_deref().filter(|u| !u.is_empty()) {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MailError::Transport(e.to_string()))?
            .timeout(Some(Duration::from_secs(15)))
            .build();
        transport
            .send(message)
            .await
            .map_err(|e| MailError::Transport(e.to_string()))?;
        return Ok(());
    }
    let dir = cfg.mail_dir.clone().ok_or(MailError::NotConfigured)?;
    tokio::fs::create_dir_all(&dir)
        .await
        .map_err(|e| MailError::Transport(format!("{}: {e}", dir.display())))?;
    AsyncFileTransport::<Tokio1Executor>::new(dir)
        .send(message)
        .await
        .map_err(|e| MailError::Transport(e.to_string()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_never_shows() {
        let cfg = MailConfig {
            smtp_url: Some("smtps://lernweg:geheim@smtp.example.org".into()),
            ..Default::default()
        };
        let s = format!("{cfg:?}");
        assert!(!s.contains("geheim"), "{s}");
        assert!(s.contains("lernweg:***@smtp.example.org"), "{s}");
    }

    #[test]
    fn sender_follows_the_public_url() {
        let cfg = MailConfig::default();
        assert_eq!(
            cfg.sender(Some("https://lernweg.example.org/")),
            "Lernweg <lernweg@lernweg.example.org>"
        );
        assert_eq!(cfg.sender(None), "Lernweg <lernweg@localhost>");
        let cfg = MailConfig {
            from: Some("IQ Netzwerk <noreply@iq.example>".into()),
            ..Default::default()
        };
        assert_eq!(cfg.sender(None), "IQ Netzwerk <noreply@iq.example>");
    }

    #[tokio::test]
    async fn files_land_in_the_mail_dir() {
        let dir = std::env::temp_dir().join(format!("lw-mail-{}", uuid::Uuid::new_v4()));
        let cfg = MailConfig {
            mail_dir: Some(dir.clone()),
            ..Default::default()
        };
        send(
            &cfg,
            None,
            OutgoingMail {
                to: Email::parse("amina@example.org").unwrap(),
                to_name: "Amina Haddad".into(),
                subject: "Ihr Zugang".into(),
                body: "Hallo Amina!\nÖffnen Sie den Link.".into(),
            },
        )
        .await
        .unwrap();
        let files: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
        assert_eq!(files.len(), 1);
        let text = std::fs::read_to_string(files[0].as_ref().unwrap().path()).unwrap();
        assert!(
            text.contains("To: \"Amina Haddad\" <amina@example.org>"),
            "{text}"
        );
        std::fs::remove_dir_all(dir).unwrap();
        let none = send(
            &MailConfig::default(),
            None,
            OutgoingMail {
                to: Email::parse("a@example.org").unwrap(),
                to_name: String::new(),
                subject: String::new(),
                body: String::new(),
            },
        )
        .await;
        assert!(matches!(none, Err(MailError::NotConfigured)));
    }
}
