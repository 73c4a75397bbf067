//! Organisers' bot passwords as the database keeps them: sealed
//! (`crate::sealed`) under the operator's key (`WIKISIGNUP_SECRETS_KEY`),
//! each bound to its event and account, so a sealed secret copied to
//! another row does not open.

use crate::config::SecretsKey;
use crate::sealed::Seal;

/// Seals and opens organisers' secrets.
pub struct SecretBox(Seal);

#[derive(Debug, thiserror::Error)]
#[error(
    "the organiser's bot password cannot be opened with this WIKISIGNUP_SECRETS_KEY: sign in again and save the event"
)]
pub struct CannotOpen;

impl SecretBox {
    pub fn new(key: &SecretsKey) -> SecretBox {
        SecretBox(Seal::new(&key.0))
    }

    /// `secret`, sealed for the account `user` at the event `slug`.
    pub fn seal(&self, slug: &str, user: &str, secret: &str) -> Vec<u8> {
        self.0.seal(format!("{slug}\n{user}").as_bytes(), secret.as_bytes())
    }

    /// The secret `sealed` holds for `user` at `slug`.
    pub fn open(&self, slug: &str, user: &str, sealed: &[u8]) -> Result<String, CannotOpen> {
        let opened = self.0.open(format!("{slug}\n{user}").as_bytes(), sealed).ok_or(CannotOpen)?;
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
