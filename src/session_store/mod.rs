//! Where visitor sessions live: the wiki's cookies and token, the form a
//! visitor was shown. Behind actix-session's `SessionStore` seam: the
//! embedded in-memory store (`memory.rs`), or a Redis shared by several
//! instances, and maybe with strangers (`redis.rs`: prefixed, expiring,
//! sealed), chosen by `--session-store`; no handler knows which.

mod memory;
mod redis;

use std::collections::HashMap;
use std::time::Duration;

use actix_session::storage::{LoadError, SaveError, SessionKey, SessionStore, UpdateError};
use actix_web::cookie::time::Duration as CookieDuration;

pub use memory::MemorySessionStore;
pub use redis::{Sealer, SharedRedisStore};

use crate::config::SessionStoreSetting;

type SessionState = HashMap<String, String>;

/// The store `--session-store` chose.
#[derive(Clone)]
pub enum VisitorSessionStore {
    Memory(MemorySessionStore),
    Redis(SharedRedisStore),
}

/// How the in-memory store is bounded.
pub struct MemoryBounds {
    pub max_sessions: u64,
    pub budget_bytes: u64,
    pub idle_ttl: Duration,
}

impl VisitorSessionStore {
    /// The store `setting` names; a Redis store's keys and values are
    /// `sealer`'s.
    pub async fn open(setting: &SessionStoreSetting, bounds: MemoryBounds, sealer: Sealer) -> anyhow::Result<Self> {
        Ok(match setting {
            SessionStoreSetting::Memory => VisitorSessionStore::Memory(MemorySessionStore::new(
                bounds.max_sessions,
                bounds.budget_bytes,
                bounds.idle_ttl,
            )),
            SessionStoreSetting::Redis(url) => VisitorSessionStore::Redis(
                SharedRedisStore::connect(url, sealer)
                    .await
                    .map_err(|e| anyhow::anyhow!("cannot reach the session store {url}: {e}"))?,
            ),
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
