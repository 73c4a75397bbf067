//! Sealing with AES-256-GCM: a random nonce before each sealed message, and
//! what the message belongs to bound in as associated data, so a sealed
//! value copied anywhere else does not open. Visitors' sessions in a shared
//! Redis and organisers' bot passwords in the database are sealed this way.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use rand::RngExt;

/// The bytes of a nonce, stored before each sealed message.
const NONCE_BYTES: usize = 12;

pub struct Seal(Aes256Gcm);

impl Seal {
    pub fn new(key: &[u8; 32]) -> Seal {
        Seal(Aes256Gcm::new(key.into()))
    }

    /// `message`, sealed as belonging to `owner`.
    pub fn seal(&self, owner: &[u8], message: &[u8]) -> Vec<u8> {
        let nonce: [u8; NONCE_BYTES] = rand::rng().random();
        let sealed = self
            .0
            .encrypt(Nonce::from_slice(&nonce), Payload { msg: message, aad: owner })
            .expect("AES-GCM seals any message of this size");
        [&nonce[..], &sealed].concat()
    }

    /// The message `sealed` holds for `owner`: `None` for anything not
    /// sealed with this key for this owner.
    pub fn open(&self, owner: &[u8], sealed: &[u8]) -> Option<Vec<u8>> {
        let (nonce, ciphertext) = sealed.split_at_checked(NONCE_BYTES)?;
        self.0.decrypt(Nonce::from_slice(nonce), Payload { msg: ciphertext, aad: owner }).ok()
    }
}
