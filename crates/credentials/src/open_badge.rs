//! A language certificate as an Open Badges 3.0 `OpenBadgeCredential` (VC Data Model 2.0),
//! secured as a VC-JWT: the credential's members are the JWT claims, with `iss`, `jti` and
//! `nbf` added (Open Badges 3.0, section 8.2). The holder has no identifier of their own; the
//! subject names them (`identifier` of type `name`, not hashed: they show it to employers).

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// The two contexts every Open Badges 3.0 credential names, in this order.
pub const CONTEXTS: [&str; 2] = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
];

/// One documented competence: a skill's level with where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Competence {
    /// `listening`, `reading`, `spoken_interaction`, `spoken_production`, `writing`,
    /// `occupational`.
    pub skill: String,
    /// `B1`, `B1.2`.
    pub level: String,
    /// `placement_test`, `trainer`, `certificate`.
    pub source: String,
    /// `YYYY-MM-DD`.
    pub assessed_on: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub issuer: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub exam: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub certificate_number: String,
}

/// What a certificate says: who holds it, who issues it, when, and the competences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageCertificate {
    /// `urn:uuid:…` of the certificate.
    pub id: String,
    pub holder: String,
    /// The issuer's profile address (`…/api/v1/public/issuers/{provider_id}`).
    pub issuer_id: String,
    pub issuer_name: String,
    /// The public page that says whether the certificate is valid.
    pub verify_url: String,
    /// Midnight UTC of the day of issue, RFC 3339 (`2026-12-05T00:00:00Z`).
    pub valid_from: String,
    /// Seconds since the epoch of `valid_from` (the JWT's `nbf`).
    pub valid_from_unix: i64,
    pub competences: Vec<Competence>,
}

/// The English name of a skill (the credential's language); the code itself when unknown.
pub fn skill_name(code: &str) -> &str {
    match code {
        "listening" => "Listening",
        "reading" => "Reading",
        "spoken_interaction" => "Spoken interaction",
        "spoken_production" => "Spoken production",
        "writing" => "Writing",
        "occupational" => "Occupational German",
        other => other,
    }
}

fn source_name(code: &str) -> &str {
    match code {
        "placement_test" => "Placement test",
        "trainer" => "Assessment by the trainer",
        "certificate" => "Certificate",
        "self_assessment" => "Self-assessment",
        other => other,
    }
}

/// The level names a result may take: A1 … C2 with the sub-levels .1 and .2.
fn allowed_levels() -> Vec<String> {
    ["A1", "A2", "B1", "B2", "C1", "C2"]
        .iter()
        .flat_map(|l| [l.to_string(), format!("{l}.1"), format!("{l}.2")])
        .collect()
}

impl LanguageCertificate {
    /// The JWT claims: the credential with `iss`, `jti` and `nbf`.
    pub fn claims(&self) -> Value {
        let skill_id = |c: &Competence| format!("{}#skill-{}", self.id, c.skill);
        let result_descriptions: Vec<Value> = self
            .competences
            .iter()
            .map(|c| {
                json!({
                    "id": skill_id(c),
                    "type": ["ResultDescription"],
                    "name": format!("German: {}", skill_name(&c.skill)),
                    "resultType": "ProficiencyLevel",
                    "allowedValue": allowed_levels(),
                })
            })
            .collect();
        let results: Vec<Value> = self
            .competences
            .iter()
            .map(|c| {
                json!({
                    "type": ["Result"],
                    "resultDescription": skill_id(c),
                    "value": c.level,
                })
            })
            .collect();
        let evidence: Vec<Value> = self
            .competences
            .iter()
            .map(|c| {
                let mut description = format!("{} on {}", source_name(&c.source), c.assessed_on);
                for (label, v) in [
                    ("issuer", &c.issuer),
                    ("exam", &c.exam),
                    ("number", &c.certificate_number),
                ] {
                    if !v.is_empty() {
                        description.push_str(&format!("; {label}: {v}"));
                    }
                }
                json!({
                    "type": ["Evidence"],
                    "name": format!("{}: {}", skill_name(&c.skill), c.level),
                    "description": description,
                    "genre": c.source,
                })
            })
            .collect();
        json!({
            "@context": CONTEXTS,
            "id": self.id,
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "name": "Sprachkompetenznachweis Deutsch / Certificate of German language competence",
            "issuer": {
                "id": self.issuer_id,
                "type": ["Profile"],
                "name": self.issuer_name,
            },
            "validFrom": self.valid_from,
            "credentialSubject": {
                "type": ["AchievementSubject"],
                "identifier": [{
                    "type": "IdentityObject",
                    "identityHash": self.holder,
                    "identityType": "name",
                    "hashed": false,
                }],
                "achievement": {
                    "id": format!("{}#achievement", self.id),
                    "type": ["Achievement"],
                    "achievementType": "Competency",
                    "name": "German language competence (CEFR)",
                    "description": "Documented German language competence per skill of the \
                        Common European Framework of Reference for Languages, and German for \
                        the person's occupation.",
                    "criteria": {
                        "narrative": "Each level was documented by a placement test, by the \
                            trainer's assessment or by an exam certificate, on the date given."
                    },
                    "resultDescription": result_descriptions,
                },
                "result": results,
            },
            "evidence": evidence,
            "iss": self.issuer_id,
            "jti": self.id,
            "nbf": self.valid_from_unix,
            "verifyUrl": self.verify_url,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_claims_are_an_open_badge_credential() {
        let c = LanguageCertificate {
            id: "urn:uuid:0193a1b2-0000-7000-8000-000000000001".into(),
            holder: "Amina Haddad".into(),
            issuer_id: "https://lernweg.example/api/v1/public/issuers/p1".into(),
            issuer_name: "Träger Eins".into(),
            verify_url: "https://lernweg.example/nachweise/x".into(),
            valid_from: "2026-12-05T00:00:00Z".into(),
            valid_from_unix: 1_796_428_800,
            competences: vec![Competence {
                skill: "writing".into(),
                level: "B2".into(),
                source: "certificate".into(),
                assessed_on: "2026-11-30".into(),
                issuer: "telc gGmbH".into(),
                exam: "telc Deutsch B1·B2 Beruf".into(),
                certificate_number: "4711".into(),
            }],
        };
        let v = c.claims();
        assert_eq!(v["@context"][0], CONTEXTS[0]);
        assert_eq!(v["type"][1], "OpenBadgeCredential");
        assert_eq!(v["iss"], v["issuer"]["id"]);
        assert_eq!(v["jti"], v["id"]);
        assert_eq!(v["nbf"], 1_796_428_800);
        let subject = &v["credentialSubject"];
        assert_eq!(subject["identifier"][0]["identityHash"], "Amina Haddad");
        assert_eq!(subject["result"][0]["value"], "B2");
        assert_eq!(
            subject["result"][0]["resultDescription"],
            subject["achievement"]["resultDescription"][0]["id"]
        );
        assert!(
            subject["achievement"]["resultDescription"][0]["allowedValue"]
                .as_array()
                .unwrap()
                .contains(&json!("B1.2"))
        );
        let evidence = v["evidence"][0]["description"].as_str().unwrap();
        assert_eq!(
            evidence,
            "Certificate on 2026-11-30; issuer: telc gGmbH; exam: telc Deutsch B1·B2 Beruf; number: 4711"
        );
    }
}
