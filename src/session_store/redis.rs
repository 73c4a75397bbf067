//! Sessions in a Redis that may be shared with strangers (Toolforge gives
//! every tool one Redis, without passwords or access control, evicting keys
//! when full): every key under the portal's own prefix and with an expiry,
//! every value sealed (AES-256-GCM, the key derived from the session
//! secret, the Redis key bound in as associated data), so that no one else
//! on that Redis can read or plant a visitor's wiki session. A Redis that
//! evicts a key or drops the connection costs the visitor a restarted form,
//! never an error page.

use std::collections::HashMap;

use actix_session::storage::{LoadError, SaveError, SessionKey, SessionStore, UpdateError};
use actix_web::cookie::time::Duration as CookieDuration;
use hkdf::Hkdf;
use redis::aio::ConnectionManager;
use sha2::Sha256;

use super::memory::new_session_key;
use crate::sealed::Seal;

type SessionState = HashMap<String, String>;

/// What seals and opens the values, and the keys' prefix, all derived from
/// the session secret: the same for every instance of one portal, another
/// for any other portal.
#[derive(Clone)]
pub struct Sealer {
    /// Shared by every clone (an AES key schedule is a kilobyte).
    seal: std::sync::Arc<Seal>,
    prefix: String,
}

impl Sealer {
    /// From the session secret; `prefix` as the operator set it, or one
    /// derived from the secret (`wikisignup:` and 32 hex digits).
    pub fn new(secret: &[u8], prefix: Option<&str>) -> Sealer {
        let derived = Hkdf::<Sha256>::new(Some(b"wikisignup redis"), secret);
        let mut key = [0u8; 32];
        derived.expand(b"session values", &mut key).expect("32 bytes is a valid HKDF length");
        let mut tag = [0u8; 16];
        derived.expand(b"key prefix", &mut tag).expect("16 bytes is a valid HKDF length");
        let prefix = prefix.map_or_else(
            || format!("wikisignup:{}:", tag.iter().map(|b| format!("{b:02x}")).collect::<String>()),
            str::to_owned,
        );
        Sealer { seal: std::sync::Arc::new(Seal::new(&key)), prefix }
    }

    /// The Redis key of a session.
    pub fn key(&self, session: &str) -> String {
        format!("{}{session}", self.prefix)
    }

    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    fn seal(&self, redis_key: &str, state: &SessionState) -> Vec<u8> {
        let plain = serde_json::to_vec(state).expect("a map of strings serialises");
        self.seal.seal(redis_key.as_bytes(), &plain)
    }

    /// The state sealed in `bytes` under `redis_key`: `None` for anything
    /// this portal did not seal there.
    pub fn open(&self, redis_key: &str, bytes: &[u8]) -> Option<SessionState> {
        let plain = self.seal.open(redis_key.as_bytes(), bytes)?;
        serde_json::from_slice(&plain).ok()
    }
}

/// How long a Redis command may take before the visitor goes on without it.
const REDIS_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(2);

#[derive(Clone)]
pub struct SharedRedisStore {
    connection: ConnectionManager,
    sealer: Sealer,
}

impl SharedRedisStore {
    pub async fn connect(url: &str, sealer: Sealer) -> anyhow::Result<SharedRedisStore> {
        let client = redis::Client::open(url)?;
        let config = redis::aio::ConnectionManagerConfig::new()
            .set_connection_timeout(REDIS_TIMEOUT)
            .set_response_timeout(REDIS_TIMEOUT)
            .set_number_of_retries(2);
        let connection = client.get_connection_manager_with_config(config).await?;
        Ok(SharedRedisStore { connection, sealer })
    }

    /// Runs `command`, giving up after [`REDIS_TIMEOUT`] whatever the
    /// connection is doing (reconnecting to a Redis gone away).
    async fn run<T: redis::FromRedisValue>(&self, command: &redis::Cmd) -> redis::RedisResult<T> {
        let mut connection = self.connection.clone();
        match tokio::time::timeout(REDIS_TIMEOUT, command.query_async(&mut connection)).await {
            Ok(answer) => answer,
            Err(_) => Err(redis::RedisError::from(std::io::Error::from(std::io::ErrorKind::TimedOut))),
        }
    }

    /// Stores `state` under `session` for `ttl`; `only` is `NX` (a new key)
    /// or `XX` (an existing one). Whether it was stored.
    async fn set(&self, session: &str, state: &SessionState, ttl: &CookieDuration, only: &str) -> bool {
        let key = self.sealer.key(session);
        let value = self.sealer.seal(&key, state);
        let seconds = ttl.whole_seconds().max(1);
        let set: redis::RedisResult<Option<String>> =
            self.run(redis::cmd("SET").arg(&key).arg(value).arg("EX").arg(seconds).arg(only)).await;
        match set {
            Ok(answer) => answer.is_some(),
            Err(e) => {
                tracing::warn!(error = %e, "the session store did not keep a session: the visitor starts again");
                false
            }
        }
    }
}

impl SessionStore for SharedRedisStore {
    async fn load(&self, session: &SessionKey) -> Result<Option<SessionState>, LoadError> {
        let key = self.sealer.key(session.as_ref());
        let got: redis::RedisResult<Option<Vec<u8>>> = self.run(redis::cmd("GET").arg(&key)).await;
        match got {
            Ok(bytes) => Ok(bytes.and_then(|bytes| self.sealer.open(&key, &bytes))),
            Err(e) => {
                tracing::warn!(error = %e, "the session store did not answer: the visitor starts again");
                Ok(None)
            }
        }
    }

    async fn save(&self, state: SessionState, ttl: &CookieDuration) -> Result<SessionKey, SaveError> {
        let session = new_session_key();
        self.set(session.as_ref(), &state, ttl, "NX").await;
        Ok(session)
    }

    async fn update(
        &self,
        session: SessionKey,
        state: SessionState,
        ttl: &CookieDuration,
    ) -> Result<SessionKey, UpdateError> {
        if self.set(session.as_ref(), &state, ttl, "XX").await {
            return Ok(session);
        }
        // Evicted or expired meanwhile: stored anew, under a new key.
        let renewed = new_session_key();
        self.set(renewed.as_ref(), &state, ttl, "NX").await;
        Ok(renewed)
    }

    async fn update_ttl(&self, session: &SessionKey, ttl: &CookieDuration) -> Result<(), anyhow::Error> {
        let expire: redis::RedisResult<i64> =
            self.run(redis::cmd("EXPIRE").arg(self.sealer.key(session.as_ref())).arg(ttl.whole_seconds().max(1))).await;
        if let Err(e) = expire {
            tracing::warn!(error = %e, "the session store did not extend a session");
        }
        Ok(())
    }

    async fn delete(&self, session: &SessionKey) -> Result<(), anyhow::Error> {
        let deleted: redis::RedisResult<i64> = self.run(redis::cmd("DEL").arg(self.sealer.key(session.as_ref()))).await;
        if let Err(e) = deleted {
            tracing::warn!(error = %e, "the session store did not forget a session; it expires by itself");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_session_opens_only_under_its_key_with_its_secret() {
        let sealer = Sealer::new(b"a secret of more than thirty-two bytes, for tests", None);
        let state = HashMap::from([("wiki".to_owned(), "{\"cookies\":\"enwikiSession=abc\"}".to_owned())]);
        let key = sealer.key("visitor");
        let sealed = sealer.seal(&key, &state);
        assert!(!String::from_utf8_lossy(&sealed).contains("enwikiSession"), "the value is readable");
        assert_eq!(sealer.open(&key, &sealed), Some(state.clone()));
        assert_eq!(sealer.open(&sealer.key("another"), &sealed), None, "a value moved to another key opens");
        let stranger = Sealer::new(b"another secret of more than thirty-two bytes", None);
        assert_eq!(stranger.open(&key, &sealed), None);
        assert_eq!(sealer.open(&key, b"short"), None);
    }

    #[test]
    fn the_prefix_is_the_secrets_own_unless_set() {
        let (a, b) = (Sealer::new(b"secret one, long enough to be a secret", None), Sealer::new(b"secret two", None));
        assert!(a.prefix().starts_with("wikisignup:") && a.prefix().len() == "wikisignup:".len() + 33);
        assert_ne!(a.prefix(), b.prefix(), "two portals share a prefix");
        assert_eq!(a.prefix(), Sealer::new(b"secret one, long enough to be a secret", None).prefix());
        assert_eq!(Sealer::new(b"x", Some("tool-abc:")).key("k"), "tool-abc:k");
    }
}
