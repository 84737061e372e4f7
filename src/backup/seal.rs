//! Encryption of a whole archive with age: to recipients (`age1…` public keys, for automation)
//! or to a passphrase (scrypt). A backup that holds Secrets must be sealed unless the user says
//! otherwise; an opened archive is then decoded and verified like any other.

use std::io::{Read, Write};
use std::str::FromStr;

use age::secrecy::SecretString;
use thiserror::Error;

/// How an age file starts: a sealed archive is recognised by it.
const AGE_HEADER: &[u8] = b"age-encryption.org/v1\n";
/// The scrypt work factor (log2 N) of passphrase sealing: age's own default.
const SCRYPT_WORK_FACTOR: u8 = 18;

/// Whom to seal for.
pub enum SealTo {
    /// age recipients (`age1…`), any of whose identities opens the archive.
    Recipients(Vec<String>),
    /// A passphrase; `work_factor` is scrypt's log2 N (None: age's default).
    Passphrase(SecretString, Option<u8>),
}

/// What opens a sealed archive.
pub enum OpenWith {
    /// The text of an age identity file (`AGE-SECRET-KEY-1…` lines).
    Identities(String),
    /// The passphrase it was sealed with.
    Passphrase(SecretString),
}

/// Why sealing or opening failed. Never holds a key or a passphrase.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum SealError {
    /// A recipient is not an age public key.
    #[error("recipient {recipient:?} is not an age public key (age1…)")]
    BadRecipient {
        /// What was given (a public key: not secret).
        recipient: String,
    },
    /// No recipient was given.
    #[error("no recipient to encrypt to")]
    NoRecipient,
    /// The identity file holds no usable identity.
    #[error("the identity file is not an age identity file: {cause}")]
    BadIdentities {
        /// The reader's reason.
        cause: String,
    },
    /// The archive is sealed, but not for these identities or this passphrase.
    #[error("the archive is encrypted, and {what} does not open it")]
    WrongKey {
        /// "this passphrase" or "no identity in the file".
        what: &'static str,
    },
    /// The archive is sealed to recipients and a passphrase was given, or the other way round.
    #[error("the archive is encrypted to {sealed_to}; give {give}")]
    WrongKind {
        /// "a passphrase" or "recipients".
        sealed_to: &'static str,
        /// The flag to use.
        give: &'static str,
    },
    /// The sealed bytes are damaged or cut short.
    #[error("the encrypted archive is damaged or truncated: {cause}")]
    Damaged {
        /// The reader's reason.
        cause: String,
    },
}

/// Whether `bytes` are an age file.
pub fn is_sealed(bytes: &[u8]) -> bool {
    bytes.starts_with(AGE_HEADER)
}

/// Encrypts `plain` as one age file.
pub fn seal(plain: &[u8], to: &SealTo) -> Result<Vec<u8>, SealError> {
    let encryptor = match to {
        SealTo::Recipients(list) => {
            if list.is_empty() {
                return Err(SealError::NoRecipient);
            }
            let parsed = list
                .iter()
                .map(|r| {
                    age::x25519::Recipient::from_str(r).map_err(|_| SealError::BadRecipient { recipient: r.clone() })
                })
                .collect::<Result<Vec<_>, _>>()?;
            age::Encryptor::with_recipients(parsed.iter().map(|r| r as &dyn age::Recipient))
                .map_err(|_| SealError::NoRecipient)?
        }
        SealTo::Passphrase(passphrase, work_factor) => {
            let mut recipient = age::scrypt::Recipient::new(passphrase.clone());
            recipient.set_work_factor(work_factor.unwrap_or(SCRYPT_WORK_FACTOR));
            age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
                .expect("one scrypt recipient is always valid")
        }
    };
    let mut out = Vec::with_capacity(plain.len() + 256);
    let mut writer = encryptor.wrap_output(&mut out).expect("writing to memory does not fail");
    writer.write_all(plain).expect("writing to memory does not fail");
    writer.finish().expect("writing to memory does not fail");
    Ok(out)
}

/// Decrypts a sealed archive.
pub fn open(sealed: &[u8], with: &OpenWith) -> Result<Vec<u8>, SealError> {
    let damaged = |e: &dyn std::fmt::Display| SealError::Damaged { cause: e.to_string() };
    let decryptor = age::Decryptor::new_buffered(sealed).map_err(|e| damaged(&e))?;
    let reader = match with {
        OpenWith::Passphrase(passphrase) => {
            if !decryptor.is_scrypt() {
                return Err(SealError::WrongKind { sealed_to: "recipients", give: "an identity file" });
            }
            let mut identity = age::scrypt::Identity::new(passphrase.clone());
            // Accept up to age's default work factor and a little more, not an attacker's 2^60.
            identity.set_max_work_factor(SCRYPT_WORK_FACTOR + 2);
            decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity)).map_err(|e| match e {
                age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys => {
                    SealError::WrongKey { what: "this passphrase" }
                }
                other => damaged(&other),
            })?
        }
        OpenWith::Identities(text) => {
            if decryptor.is_scrypt() {
                return Err(SealError::WrongKind { sealed_to: "a passphrase", give: "the passphrase" });
            }
            let identities = age::IdentityFile::from_buffer(text.as_bytes())
                .and_then(|f| f.into_identities().map_err(std::io::Error::other))
                .map_err(|e| SealError::BadIdentities { cause: e.to_string() })?;
            if identities.is_empty() {
                return Err(SealError::BadIdentities { cause: "it holds no identity".into() });
            }
            decryptor.decrypt(identities.iter().map(|i| i.as_ref() as &dyn age::Identity)).map_err(|e| match e {
                age::DecryptError::NoMatchingKeys => SealError::WrongKey { what: "no identity in the file" },
                other => damaged(&other),
            })?
        }
    };
    let mut plain = Vec::new();
    let mut reader = reader;
    reader.read_to_end(&mut plain).map_err(|e| damaged(&e))?;
    Ok(plain)
}

#[cfg(test)]
mod tests {
    use super::*;
    use age::secrecy::ExposeSecret;

    fn passphrase(text: &str) -> SecretString {
        SecretString::from(text.to_string())
    }

    /// A small work factor: the tests check behaviour, not scrypt's cost.
    const FAST: Option<u8> = Some(10);

    #[test]
    fn recipients_seal_and_their_identity_opens() {
        let identity = age::x25519::Identity::generate();
        let recipient = identity.to_public().to_string();
        let sealed = seal(b"archive bytes", &SealTo::Recipients(vec![recipient])).unwrap();
        assert!(is_sealed(&sealed));
        assert!(!sealed.windows(7).any(|w| w == b"archive"), "plaintext visible in the sealed bytes");
        let file = format!("# a comment\n{}\n", identity.to_string().expose_secret());
        assert_eq!(open(&sealed, &OpenWith::Identities(file)).unwrap(), b"archive bytes");
        let other = age::x25519::Identity::generate().to_string().expose_secret().to_string();
        assert_eq!(
            open(&sealed, &OpenWith::Identities(other)),
            Err(SealError::WrongKey { what: "no identity in the file" })
        );
        assert!(matches!(open(&sealed, &OpenWith::Passphrase(passphrase("x"))), Err(SealError::WrongKind { .. })));
    }

    #[test]
    fn a_passphrase_seals_and_only_it_opens() {
        let sealed = seal(b"archive bytes", &SealTo::Passphrase(passphrase("correct horse"), FAST)).unwrap();
        assert_eq!(open(&sealed, &OpenWith::Passphrase(passphrase("correct horse"))).unwrap(), b"archive bytes");
        assert_eq!(
            open(&sealed, &OpenWith::Passphrase(passphrase("wrong"))),
            Err(SealError::WrongKey { what: "this passphrase" })
        );
    }

    #[test]
    fn bad_recipients_and_damaged_files_are_named() {
        let err = seal(b"x", &SealTo::Recipients(vec!["ssh-rsa AAAA".into()])).unwrap_err();
        assert_eq!(err, SealError::BadRecipient { recipient: "ssh-rsa AAAA".into() });
        assert_eq!(seal(b"x", &SealTo::Recipients(Vec::new())), Err(SealError::NoRecipient));
        let sealed = seal(b"archive bytes", &SealTo::Passphrase(passphrase("p"), FAST)).unwrap();
        let mut flipped = sealed.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert!(open(&flipped, &OpenWith::Passphrase(passphrase("p"))).is_err());
        assert!(open(&sealed[..sealed.len() - 5], &OpenWith::Passphrase(passphrase("p"))).is_err());
        assert!(!is_sealed(b"\x28\xb5\x2f\xfd"));
    }

    #[test]
    fn errors_never_hold_the_passphrase() {
        let sealed = seal(b"archive bytes", &SealTo::Passphrase(passphrase("s3cret-canary"), FAST)).unwrap();
        let err = open(&sealed, &OpenWith::Passphrase(passphrase("other-canary"))).unwrap_err();
        assert!(!err.to_string().contains("canary"));
    }
}
