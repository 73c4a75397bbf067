//! The embedded session store: in this process, bounded, expiring.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use actix_session::storage::{LoadError, SaveError, SessionKey, SessionStore, UpdateError};
use actix_web::cookie::time::Duration as CookieDuration;
use moka::sync::Cache;
use rand::RngExt;

type SessionState = HashMap<String, String>;

/// The embedded default: a bounded in-memory cache whose entries expire
/// after a time without use. Past `max_sessions`, or past `budget_bytes`
/// in all, the least used go first.
#[derive(Clone)]
pub struct MemorySessionStore {
    sessions: Cache<String, Arc<SessionState>>,
}

/// What a session entry costs beyond its keys and values: the map, the
/// cache's bookkeeping.
const ENTRY_OVERHEAD: u64 = 256;

impl MemorySessionStore {
    pub fn new(max_sessions: u64, budget_bytes: u64, idle_ttl: Duration) -> MemorySessionStore {
        // One weight bounds both: an entry weighs its bytes, and at least
        // an even share of the budget, so no more than `max_sessions` fit.
        let share = (budget_bytes / max_sessions).max(1);
        let weigh = move |key: &String, state: &Arc<SessionState>| {
            let bytes =
                key.len() as u64 + ENTRY_OVERHEAD + state.iter().map(|(k, v)| (k.len() + v.len()) as u64).sum::<u64>();
            u32::try_from(bytes.max(share)).unwrap_or(u32::MAX)
        };
        let sessions = Cache::builder()
            .weigher(weigh)
            .max_capacity(budget_bytes)
            .time_to_idle(idle_ttl)
            // Every new visitor is admitted, the least recently used going
            // first; moka's default (TinyLFU) would refuse new keys once a
            // flood of sessions had filled it.
            .eviction_policy(moka::policy::EvictionPolicy::lru())
            .build();
        MemorySessionStore { sessions }
    }

    /// Sessions held now (after pending expiries are applied).
    #[cfg(test)]
    fn held(&self) -> u64 {
        self.sessions.run_pending_tasks();
        self.sessions.entry_count()
    }

    /// The bytes the held sessions weigh.
    #[cfg(test)]
    fn weight(&self) -> u64 {
        self.sessions.run_pending_tasks();
        self.sessions.weighted_size()
    }
}

/// 64 random alphanumeric characters: 380 bits, unguessable.
pub(super) fn new_session_key() -> SessionKey {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn state(value: &str) -> SessionState {
        HashMap::from([("wiki".to_owned(), value.to_owned())])
    }

    #[tokio::test]
    async fn saves_loads_updates_and_deletes() {
        let store = MemorySessionStore::new(10, 1 << 20, Duration::from_secs(60));
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
        let store = MemorySessionStore::new(10, 1 << 20, Duration::from_secs(60));
        let ttl = CookieDuration::minutes(1);
        let a = store.save(state("a"), &ttl).await.unwrap();
        let b = store.save(state("b"), &ttl).await.unwrap();
        assert_ne!(a.as_ref(), b.as_ref());
        assert_eq!(store.load(&a).await.unwrap(), Some(state("a")));
        assert_eq!(store.load(&b).await.unwrap(), Some(state("b")));
    }

    #[tokio::test]
    async fn idle_sessions_expire_and_the_store_is_bounded() {
        let store = MemorySessionStore::new(100, 1 << 20, Duration::from_millis(50));
        let key = store.save(state("a"), &CookieDuration::minutes(1)).await.unwrap();
        tokio::time::sleep(Duration::from_millis(120)).await;
        assert_eq!(store.load(&key).await.unwrap(), None);

        let bounded = MemorySessionStore::new(5, 1 << 20, Duration::from_secs(60));
        for _ in 0..50 {
            bounded.save(state("x"), &CookieDuration::minutes(1)).await.unwrap();
        }
        assert!(bounded.held() <= 5, "{} sessions held", bounded.held());
    }

    #[tokio::test]
    async fn a_flood_of_large_sessions_stays_within_the_byte_budget() {
        // 1 MiB for up to 1,000 sessions; each hostile session holds 64 KB.
        let budget = 1 << 20;
        let store = MemorySessionStore::new(1000, budget, Duration::from_secs(60));
        let large = "x".repeat(64 * 1024);
        for _ in 0..200 {
            store.save(state(&large), &CookieDuration::minutes(1)).await.unwrap();
        }
        assert!(store.weight() <= budget, "{} bytes held", store.weight());
        assert!(store.held() <= 16, "{} sessions of 64 KB held in 1 MiB", store.held());
        // Small sessions still fit by the hundred.
        for _ in 0..500 {
            store.save(state("small"), &CookieDuration::minutes(1)).await.unwrap();
        }
        assert!(store.held() >= 400, "only {} small sessions held", store.held());
    }
}
