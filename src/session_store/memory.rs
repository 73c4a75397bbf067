//! The embedded session store: in this process, bounded, expiring.
//!
//! Every first visit makes a session, so saving one must cost little: the
//! store is a few shards, each a pair of plain maps ("generations"). New
//! and used sessions go into the current generation; when it is full it
//! becomes the previous one and the previous one is dropped whole: the
//! sessions nobody used for a whole generation, the least recently used.
//! Every half lifetime the current generation retires too, and only the
//! previous one's sessions used within the lifetime stay. An entry read
//! from the previous generation moves back into the current one. A
//! general-purpose cache (access-order lists, frequency sketches, timer
//! wheels) cost a tenth of a form page's time here.
//!
//! A session's largest value is its form, which every visitor of one answer
//! of the wiki has word for word: a shard keeps one copy of each such
//! value for all its sessions.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use actix_session::storage::{LoadError, SaveError, SessionKey, SessionStore, UpdateError};
use actix_web::cookie::time::Duration as CookieDuration;

use crate::keys::random_key;

type SessionState = HashMap<String, String>;

/// A session as held: its values from the shard's shared copies where
/// they are long.
type HeldState = Vec<(String, Arc<str>)>;

/// A value this long is held once per shard for all the sessions that
/// have it.
const SHARED_FROM: usize = 256;

/// Session keys are minted here and arrive in signed cookies, so nobody
/// chooses them: a fast hasher is safe.
type Map = HashMap<String, Entry, foldhash::fast::RandomState>;

/// Shards, so that workers seldom wait for each other's lock; fewer for a
/// store of fewer sessions, so that each holds a fair number of them.
const SHARDS: u64 = 16;
const SESSIONS_PER_SHARD: u64 = 64;

/// The embedded default: a bounded in-memory store whose entries expire
/// after a time without use. Past `max_sessions`, or past `budget_bytes`
/// in all, the least recently used go first: a shard's older generation,
/// so it holds at least half of either bound.
#[derive(Clone)]
pub struct MemorySessionStore {
    shards: Arc<[Mutex<Shard>]>,
    /// Each shard's bound in weighed bytes.
    shard_budget: u64,
    /// The least an entry weighs: an even share of the budget, so that no
    /// more than `max_sessions` fit.
    share: u64,
    idle_ttl: Duration,
}

struct Entry {
    state: Arc<HeldState>,
    weight: u64,
    last_used: Instant,
}

struct Shard {
    current: Map,
    current_bytes: u64,
    previous: Map,
    previous_bytes: u64,
    /// When `current` began.
    since: Instant,
    /// The long values the sessions hold, one copy each.
    shared: HashSet<Arc<str>, foldhash::fast::RandomState>,
    /// `shared` is swept of values no session holds when it grows past this.
    sweep_at: usize,
}

/// The fewest shared values a shard sweeps.
const SWEEP_FROM: usize = 64;

/// What a session entry costs beyond its keys and values: the maps, the
/// bookkeeping.
const ENTRY_OVERHEAD: u64 = 128;

impl MemorySessionStore {
    pub fn new(max_sessions: u64, budget_bytes: u64, idle_ttl: Duration) -> MemorySessionStore {
        let shard_count = (max_sessions / SESSIONS_PER_SHARD).clamp(1, SHARDS);
        let shards = (0..shard_count)
            .map(|_| {
                Mutex::new(Shard {
                    current: Map::default(),
                    current_bytes: 0,
                    previous: Map::default(),
                    previous_bytes: 0,
                    since: Instant::now(),
                    shared: HashSet::default(),
                    sweep_at: SWEEP_FROM,
                })
            })
            .collect();
        MemorySessionStore {
            shards,
            shard_budget: (budget_bytes / shard_count).max(1),
            share: (budget_bytes / max_sessions).max(1),
            idle_ttl,
        }
    }

    fn shard(&self, key: &str) -> MutexGuard<'_, Shard> {
        // Keys are random letters: their last byte spreads them.
        let index = key.as_bytes().last().map_or(0, |&b| b as usize % self.shards.len());
        // A panic while holding the lock cannot leave a map half-changed in
        // a way that matters here: keep serving.
        self.shards[index].lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn weigh(&self, key: &str, state: &SessionState) -> u64 {
        let bytes =
            key.len() as u64 + ENTRY_OVERHEAD + state.iter().map(|(k, v)| (k.len() + v.len()) as u64).sum::<u64>();
        bytes.max(self.share)
    }

    /// The live entry under `key`, moved into the current generation and
    /// marked used; `None` if absent or idle too long.
    fn touch(&self, key: &str) -> Option<Arc<HeldState>> {
        let now = Instant::now();
        let mut guard = self.shard(key);
        let shard = &mut *guard;
        let dropped = shard.age(now, self.idle_ttl);
        if !shard.current.contains_key(key)
            && let Some((key, entry)) = shard.take_previous(key)
        {
            shard.current.insert(key, entry);
        }
        let entry = shard.current.get_mut(key)?;
        let state = if now.duration_since(entry.last_used) < self.idle_ttl {
            entry.last_used = now;
            Some(entry.state.clone())
        } else {
            shard.remove(key);
            None
        };
        drop(guard);
        // Freed outside the lock.
        drop(dropped);
        state
    }

    fn put(&self, key: String, state: SessionState) {
        let now = Instant::now();
        let weight = self.weigh(&key, &state);
        let mut shard = self.shard(&key);
        let held = state.into_iter().map(|(name, value)| (name, shard.share(value))).collect();
        let entry = Entry { state: Arc::new(held), weight, last_used: now };
        let mut dropped = shard.age(now, self.idle_ttl);
        shard.remove(&key);
        // The current generation holds half the shard's budget, both
        // together all of it.
        if shard.current_bytes + weight > self.shard_budget / 2
            || shard.previous_bytes + shard.current_bytes + weight > self.shard_budget
        {
            dropped.push(shard.rotate(now));
        }
        // An entry larger than the rest of the budget displaces all others.
        if shard.previous_bytes + weight > self.shard_budget {
            dropped.push(shard.rotate(now));
        }
        shard.current_bytes += weight;
        shard.current.insert(key, entry);
        drop(shard);
        // Freed outside the lock.
        drop(dropped);
    }

    /// Sessions held now.
    #[cfg(test)]
    fn held(&self) -> u64 {
        self.shards.iter().map(|s| s.lock().unwrap()).map(|s| (s.current.len() + s.previous.len()) as u64).sum()
    }

    /// The bytes the held sessions weigh.
    #[cfg(test)]
    fn weight(&self) -> u64 {
        self.shards.iter().map(|s| s.lock().unwrap()).map(|s| s.current_bytes + s.previous_bytes).sum()
    }
}

impl Shard {
    /// `value`, as the shard's one copy of it if it is long.
    fn share(&mut self, value: String) -> Arc<str> {
        if value.len() < SHARED_FROM {
            return value.into();
        }
        if let Some(shared) = self.shared.get(value.as_str()) {
            return shared.clone();
        }
        // The sessions of dropped generations were freed outside the lock
        // since: what only this set holds now goes.
        if self.shared.len() >= self.sweep_at {
            self.shared.retain(|shared| Arc::strong_count(shared) > 1);
            self.sweep_at = (2 * self.shared.len()).max(SWEEP_FROM);
        }
        let shared: Arc<str> = value.into();
        self.shared.insert(shared.clone());
        shared
    }

    /// Starts a new generation and hands back the dropped one, to be
    /// freed once the lock is let go.
    fn rotate(&mut self, now: Instant) -> Map {
        // Sized for as many sessions as the last generation took in: a
        // busy generation fills without growing its table step by step,
        // each step moving every entry.
        let next = Map::with_capacity_and_hasher(self.current.len(), Default::default());
        let dropped = std::mem::replace(&mut self.previous, std::mem::replace(&mut self.current, next));
        self.previous_bytes = std::mem::replace(&mut self.current_bytes, 0);
        self.since = now;
        dropped
    }

    /// Every half lifetime the current generation retires, and of the
    /// previous one only the sessions used within the lifetime stay: an
    /// idle session leaves memory at most half a lifetime late.
    fn age(&mut self, now: Instant, idle_ttl: Duration) -> Vec<Map> {
        let mut dropped = Vec::new();
        let step = idle_ttl / 2;
        while now.duration_since(self.since) >= step && !(self.current.is_empty() && self.previous.is_empty()) {
            let mut older = self.rotate(self.since + step);
            for (key, entry) in older.extract_if(|_, entry| now.duration_since(entry.last_used) < idle_ttl) {
                self.previous_bytes += entry.weight;
                self.previous.insert(key, entry);
            }
            // What is left has been idle too long: freed outside the lock.
            dropped.push(older);
        }
        if self.current.is_empty() && self.previous.is_empty() {
            self.since = now;
        }
        dropped
    }

    fn take_previous(&mut self, key: &str) -> Option<(String, Entry)> {
        let (key, entry) = self.previous.remove_entry(key)?;
        self.previous_bytes -= entry.weight;
        self.current_bytes += entry.weight;
        Some((key, entry))
    }

    fn remove(&mut self, key: &str) {
        if let Some(entry) = self.current.remove(key) {
            self.current_bytes -= entry.weight;
        } else if let Some(entry) = self.previous.remove(key) {
            self.previous_bytes -= entry.weight;
        }
    }
}

/// 64 random letters: 384 bits, unguessable.
pub(super) fn new_session_key() -> SessionKey {
    SessionKey::try_from(random_key::<64>()).expect("64 characters make a valid session key")
}

impl SessionStore for MemorySessionStore {
    async fn load(&self, key: &SessionKey) -> Result<Option<SessionState>, LoadError> {
        let held = self.touch(key.as_ref());
        Ok(held.map(|held| held.iter().map(|(name, value)| (name.clone(), value.to_string())).collect()))
    }

    async fn save(&self, state: SessionState, _ttl: &CookieDuration) -> Result<SessionKey, SaveError> {
        let key = new_session_key();
        self.put(key.as_ref().to_owned(), state);
        Ok(key)
    }

    async fn update(
        &self,
        key: SessionKey,
        state: SessionState,
        ttl: &CookieDuration,
    ) -> Result<SessionKey, UpdateError> {
        // A key that expired meanwhile is not revived: the visitor gets a new one.
        if self.touch(key.as_ref()).is_some() {
            self.put(key.as_ref().to_owned(), state);
            Ok(key)
        } else {
            self.save(state, ttl).await.map_err(|e| UpdateError::Other(anyhow::anyhow!(e)))
        }
    }

    async fn update_ttl(&self, key: &SessionKey, _ttl: &CookieDuration) -> Result<(), anyhow::Error> {
        self.touch(key.as_ref());
        Ok(())
    }

    async fn delete(&self, key: &SessionKey) -> Result<(), anyhow::Error> {
        self.shard(key.as_ref()).remove(key.as_ref());
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
    async fn sessions_with_the_same_long_value_hold_one_copy_of_it() {
        // One shard, so that every session lands in it.
        let store = MemorySessionStore::new(10, 1 << 20, Duration::from_secs(60));
        let ttl = CookieDuration::minutes(1);
        let form = "f".repeat(SHARED_FROM);
        let mut keys = Vec::new();
        for short in ["a", "b"] {
            let state = HashMap::from([("form".to_owned(), form.clone()), ("csrf".to_owned(), short.to_owned())]);
            keys.push(store.save(state.clone(), &ttl).await.unwrap());
            assert_eq!(store.load(keys.last().unwrap()).await.unwrap(), Some(state));
        }
        let held: Vec<Arc<HeldState>> = keys.iter().map(|k| store.touch(k.as_ref()).unwrap()).collect();
        let value = |state: &HeldState, name: &str| state.iter().find(|(n, _)| n == name).unwrap().1.clone();
        assert!(Arc::ptr_eq(&value(&held[0], "form"), &value(&held[1], "form")));
        assert!(!Arc::ptr_eq(&value(&held[0], "csrf"), &value(&held[1], "csrf")));
    }

    #[test]
    fn a_shared_value_no_session_holds_is_swept() {
        let store = MemorySessionStore::new(10, 1 << 30, Duration::from_secs(60));
        for i in 0..(4 * SWEEP_FROM) {
            // Each replaces the last under one key: the earlier values are held by no one.
            store.put("key".to_owned(), HashMap::from([("form".to_owned(), format!("{i:0>SHARED_FROM$}"))]));
        }
        let shared = store.shards[0].lock().unwrap().shared.len();
        assert!(shared <= 2 * SWEEP_FROM, "{shared} values kept");
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
    async fn idle_sessions_leave_memory_within_half_a_lifetime_and_used_ones_stay() {
        let ttl = CookieDuration::minutes(1);
        let store = MemorySessionStore::new(100, 1 << 20, Duration::from_millis(200));
        let used = store.save(state("used"), &ttl).await.unwrap();
        let idle = store.save(state("idle"), &ttl).await.unwrap();
        for _ in 0..3 {
            tokio::time::sleep(Duration::from_millis(120)).await;
            assert_eq!(store.load(&used).await.unwrap(), Some(state("used")));
        }
        // 360 ms after its last use, the idle one is gone from memory, not
        // only refused.
        assert_eq!(store.held(), 1);
        assert_eq!(store.load(&idle).await.unwrap(), None);
    }

    #[tokio::test]
    async fn a_flood_of_large_sessions_stays_within_the_byte_budget() {
        // 1 MiB for up to 1,000 sessions; each hostile session holds 60 KB.
        let budget = 1 << 20;
        let store = MemorySessionStore::new(1000, budget, Duration::from_secs(60));
        let large = "x".repeat(60 * 1024);
        for _ in 0..200 {
            store.save(state(&large), &CookieDuration::minutes(1)).await.unwrap();
        }
        assert!(store.weight() <= budget, "{} bytes held", store.weight());
        assert!(store.held() <= 16, "{} sessions of 60 KB held in 1 MiB", store.held());
        // Small sessions still fit by the hundred.
        for _ in 0..500 {
            store.save(state("small"), &CookieDuration::minutes(1)).await.unwrap();
        }
        assert!(store.held() >= 400, "only {} small sessions held", store.held());
    }
}
