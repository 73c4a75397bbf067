//! Where visitor sessions live: the wiki's cookies and token, the form a
//! visitor was shown. Behind actix-session's `SessionStore` seam: the
//! embedded in-memory store, or actix-session's own Redis store shared by
//! several instances, chosen by `--session-store`; no handler knows which.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use actix_session::storage::{LoadError, RedisSessionStore, SaveError, SessionKey, SessionStore, UpdateError};
use actix_web::cookie::time::Duration as CookieDuration;
use moka::sync::Cache;
use rand::RngExt;

use crate::config::SessionStoreSetting;

type SessionState = HashMap<String, String>;

/// The embedded default: a bounded in-memory cache whose entries expire
/// after a time without use. Past `max_sessions`, the least used go first.
#[derive(Clone)]
pub struct MemorySessionStore {
    sessions: Cache<String, Arc<SessionState>>,
}

impl MemorySessionStore {
    pub fn new(max_sessions: u64, idle_ttl: Duration) -> MemorySessionStore {
        let sessions = Cache::builder().max_capacity(max_sessions).time_to_idle(idle_ttl).build();
        MemorySessionStore { sessions }
    }

    /// Sessions held now (after pending expiries are applied).
    #[cfg(test)]
    fn held(&self) -> u64 {
        self.sessions.run_pending_tasks();
        self.sessions.entry_count()
    }
}

/// 64 random alphanumeric characters: 380 bits, unguessable.
fn new_session_key() -> SessionKey {
    let key: String = rand::rng().sample_iter(rand::distr::Alphanumeric).take(64).map(char::from).collect();
    SessionKey::try_from(key).expect("64 characters make a valid session key")
}

impl SessionStore for MemorySessionStore {
    async fn load(&self, key: &SessionKey) -> Result<Option<SessionState>, LoadError> {
        Ok(self.sessions.get(key.as_ref()).map(|state| (*state).clone()))
    }

    async fn save(&self, state: SessionState, _ttl: &CookieDuration) -> Result<SessionKey, SaveError> {
        let key = new_session_key();
        self.sessions.insert(key.as_ref().to_owned(), Arc::new(state));
        Ok(key)
    }

    async fn update(
        &self,
        key: SessionKey,
        state: SessionState,
        ttl: &CookieDuration,
    ) -> Result<SessionKey, UpdateError> {
        // A key that expired meanwhile is not revived: the visitor gets a new one.
        if self.sessions.contains_key(key.as_ref()) {
            self.sessions.insert(key.as_ref().to_owned(), Arc::new(state));
            Ok(key)
        } else {
            self.save(state, ttl).await.map_err(|e| UpdateError::Other(anyhow::anyhow!(e)))
        }
    }

    async fn update_ttl(&self, key: &SessionKey, _ttl: &CookieDuration) -> Result<(), anyhow::Error> {
        // Reading an entry resets its idle timer.
        self.sessions.get(key.as_ref());
        Ok(())
    }

    async fn delete(&self, key: &SessionKey) -> Result<(), anyhow::Error> {
        self.sessions.invalidate(key.as_ref());
        Ok(())
    }
}

/// The store `--session-store` chose.
#[derive(Clone)]
pub enum VisitorSessionStore {
    Memory(MemorySessionStore),
    Redis(RedisSessionStore),
}

impl VisitorSessionStore {
    pub async fn open(setting: &SessionStoreSetting, max_sessions: u64, idle_ttl: Duration) -> anyhow::Result<Self> {
        Ok(match setting {
            SessionStoreSetting::Memory => VisitorSessionStore::Memory(MemorySessionStore::new(max_sessions, idle_ttl)),
            SessionStoreSetting::Redis(url) => {
                let store = RedisSessionStore::builder(url.as_str())
                    // One Redis may serve other programs: keep to our keys.
                    .cache_keygen(|key| format!("wikisignup:session:{key}"))
                    .build()
                    .await
                    .map_err(|e| anyhow::anyhow!("cannot reach the session store {url}: {e}"))?;
                VisitorSessionStore::Redis(store)
            }
        })
    }
}

impl SessionStore for VisitorSessionStore {
    async fn load(&self, key: &SessionKey) -> Result<Option<SessionState>, LoadError> {
        match self {
            VisitorSessionStore::Memory(store) => store.load(key).await,
            VisitorSessionStore::Redis(store) => store.load(key).await,
        }
    }

    async fn save(&self, state: SessionState, ttl: &CookieDuration) -> Result<SessionKey, SaveError> {
        match self {
            VisitorSessionStore::Memory(store) => store.save(state, ttl).await,
            VisitorSessionStore::Redis(store) => store.save(state, ttl).await,
        }
    }

    async fn update(
        &self,
        key: SessionKey,
        state: SessionState,
        ttl: &CookieDuration,
    ) -> Result<SessionKey, UpdateError> {
        match self {
            VisitorSessionStore::Memory(store) => store.update(key, state, ttl).await,
            VisitorSessionStore::Redis(store) => store.update(key, state, ttl).await,
        }
    }

    async fn update_ttl(&self, key: &SessionKey, ttl: &CookieDuration) -> Result<(), anyhow::Error> {
        match self {
            VisitorSessionStore::Memory(store) => store.update_ttl(key, ttl).await,
            VisitorSessionStore::Redis(store) => store.update_ttl(key, ttl).await,
        }
    }

    async fn delete(&self, key: &SessionKey) -> Result<(), anyhow::Error> {
        match self {
            VisitorSessionStore::Memory(store) => store.delete(key).await,
            VisitorSessionStore::Redis(store) => store.delete(key).await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(value: &str) -> SessionState {
        HashMap::from([("wiki".to_owned(), value.to_owned())])
    }

    #[tokio::test]
    async fn saves_loads_updates_and_deletes() {
        let store = MemorySessionStore::new(10, Duration::from_secs(60));
        let ttl = CookieDuration::minutes(1);
        let key = store.save(state("a"), &ttl).await.unwrap();
        assert_eq!(store.load(&key).await.unwrap(), Some(state("a")));
        let key = store.update(key, state("b"), &ttl).await.unwrap();
        assert_eq!(store.load(&key).await.unwrap(), Some(state("b")));
        store.delete(&key).await.unwrap();
        assert_eq!(store.load(&key).await.unwrap(), None);
    }

    #[tokio::test]
    async fn keys_differ_and_do_not_see_each_other() {
        let store = MemorySessionStore::new(10, Duration::from_secs(60));
        let ttl = CookieDuration::minutes(1);
        let a = store.save(state("a"), &ttl).await.unwrap();
        let b = store.save(state("b"), &ttl).await.unwrap();
        assert_ne!(a.as_ref(), b.as_ref());
        assert_eq!(store.load(&a).await.unwrap(), Some(state("a")));
        assert_eq!(store.load(&b).await.unwrap(), Some(state("b")));
    }

    #[tokio::test]
    async fn idle_sessions_expire_and_the_store_is_bounded() {
        let store = MemorySessionStore::new(100, Duration::from_millis(50));
        let key = store.save(state("a"), &CookieDuration::minutes(1)).await.unwrap();
        tokio::time::sleep(Duration::from_millis(120)).await;
        assert_eq!(store.load(&key).await.unwrap(), None);

        let bounded = MemorySessionStore::new(5, Duration::from_secs(60));
        for _ in 0..50 {
            bounded.save(state("x"), &CookieDuration::minutes(1)).await.unwrap();
        }
        assert!(bounded.held() <= 5, "{} sessions held", bounded.held());
    }
}
