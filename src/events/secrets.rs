//! Organisers' bot passwords as the database keeps them: sealed with
//! AES-256-GCM under the operator's key (`WIKISIGNUP_SECRETS_KEY`), each
//! bound to its event and account, so a sealed secret copied to another
//! row does not open.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};

use crate::config::SecretsKey;

const NONCE_BYTES: usize = 12;

/// Seals and opens organisers' secrets.
pub struct SecretBox(Aes256Gcm);

#[derive(Debug, thiserror::Error)]
#[error(
    "the organiser's bot password cannot be opened with this WIKISIGNUP_SECRETS_KEY: sign in again and save the event"
)]
pub struct CannotOpen;

impl SecretBox {
    pub fn new(key: &SecretsKey) -> SecretBox {
        SecretBox(Aes256Gcm::new(&key.0.into()))
    }

    /// `secret`, sealed for the account `user` at the event `slug`: a
    /// random nonce, then the ciphertext and its tag.
    pub fn seal(&self, slug: &str, user: &str, secret: &str) -> Vec<u8> {
        let nonce: [u8; NONCE_BYTES] = rand::RngExt::random(&mut rand::rng());
        let aad = format!("{slug}\n{user}");
        let sealed = self
            .0
            .encrypt(Nonce::from_slice(&nonce), Payload { msg: secret.as_bytes(), aad: aad.as_bytes() })
            .expect("AES-GCM seals any message this short");
        [&nonce[..], &sealed].concat()
    }

    /// The secret `sealed` holds for `user` at `slug`.
    pub fn open(&self, slug: &str, user: &str, sealed: &[u8]) -> Result<String, CannotOpen> {
        if sealed.len() < NONCE_BYTES {
            return Err(CannotOpen);
        }
        let (nonce, ciphertext) = sealed.split_at(NONCE_BYTES);
        let aad = format!("{slug}\n{user}");
        let opened = self
            .0
            .decrypt(Nonce::from_slice(nonce), Payload { msg: ciphertext, aad: aad.as_bytes() })
            .map_err(|_| CannotOpen)?;
        String::from_utf8(opened).map_err(|_| CannotOpen)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_secret_opens_only_with_its_key_for_its_event_and_account() {
        let key: SecretsKey = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff".parse().unwrap();
        let other: SecretsKey = "ff112233445566778899aabbccddeeff00112233445566778899aabbccddeeff".parse().unwrap();
        let sealed = SecretBox::new(&key).seal("bangkok", "Ada@signup", "organiser0signup0botpassw0rd0001");
        assert!(!sealed.windows(8).any(|w| w == b"organise"), "the secret shows through");
        let opened = SecretBox::new(&key).open("bangkok", "Ada@signup", &sealed).unwrap();
        assert_eq!(opened, "organiser0signup0botpassw0rd0001");
        assert!(SecretBox::new(&other).open("bangkok", "Ada@signup", &sealed).is_err());
        assert!(SecretBox::new(&key).open("lagos", "Ada@signup", &sealed).is_err());
        assert!(SecretBox::new(&key).open("bangkok", "Eve@signup", &sealed).is_err());
        assert!(SecretBox::new(&key).open("bangkok", "Ada@signup", &sealed[..5]).is_err());
    }

    #[test]
    fn the_key_is_64_hex_digits_and_never_printed() {
        assert!("abc".parse::<SecretsKey>().is_err());
        assert!("zz112233445566778899aabbccddeeff00112233445566778899aabbccddeeff".parse::<SecretsKey>().is_err());
        let key: SecretsKey = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff".parse().unwrap();
        assert!(!format!("{key:?}").contains("0011"));
    }
}
