//! A page's account maximum, exact and durable: a slot is taken in the
//! database, atomically, before each `createaccount` call, and given back
//! when the call makes no account. Every instance sharing the database
//! counts into the one number, and a restart changes nothing. The first
//! count of an event starts from its records.
//!
//! Atomic in every database: one `UPDATE ... WHERE taken < max` on one
//! row; SQLite runs one write at a time, and PostgreSQL and MariaDB,
//! holding the row's lock, check the condition against the row as the
//! writer before left it.

use super::AccountRecords;
use crate::signup::Slug;

/// Whose slots: an event's, or the portal's own page's (`/`).
fn page_key(event: Option<&Slug>) -> &str {
    event.map_or("/", Slug::as_str)
}

impl AccountRecords {
    /// Takes one of the page's `max` slots: `false` when all are taken.
    pub async fn take_slot(&self, event: Option<&Slug>, max: u64) -> Result<bool, sqlx::Error> {
        let page = page_key(event);
        self.start_count(page).await?;
        let sql = self.dialect.sql("UPDATE account_slots SET taken = taken + 1 WHERE page = $1 AND taken < $2");
        let taken =
            sqlx::query(&sql).bind(page).bind(i64::try_from(max).unwrap_or(i64::MAX)).execute(&self.pool).await?;
        Ok(taken.rows_affected() == 1)
    }

    /// Gives back a slot whose `createaccount` made no account.
    pub async fn give_back_slot(&self, event: Option<&Slug>) -> Result<(), sqlx::Error> {
        let sql = self.dialect.sql("UPDATE account_slots SET taken = taken - 1 WHERE page = $1 AND taken > 0");
        sqlx::query(&sql).bind(page_key(event)).execute(&self.pool).await?;
        Ok(())
    }

    /// The page's slots taken: accounts made, and being made.
    pub async fn slots_taken(&self, event: Option<&Slug>) -> Result<u64, sqlx::Error> {
        let page = page_key(event);
        self.start_count(page).await?;
        let sql = self.dialect.sql("SELECT taken FROM account_slots WHERE page = $1");
        let (taken,): (i64,) = sqlx::query_as(&sql).bind(page).fetch_one(&self.pool).await?;
        Ok(u64::try_from(taken).unwrap_or(0))
    }

    /// The page's row, made on first use with the accounts recorded for it.
    async fn start_count(&self, page: &str) -> Result<(), sqlx::Error> {
        let sql = self.dialect.choose(
            "INSERT INTO account_slots (page, taken) SELECT $1, COUNT(*) FROM signups WHERE event = $2 \
             ON CONFLICT (page) DO NOTHING",
            "INSERT IGNORE INTO account_slots (page, taken) SELECT ?, COUNT(*) FROM signups WHERE event = ?",
        );
        sqlx::query(&sql).bind(page).bind(page).execute(&self.pool).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::{AccountRecord, DatabaseUrl, Via};

    async fn scratch() -> (AccountRecords, DatabaseUrl, std::path::PathBuf) {
        let path = std::env::temp_dir().join(format!("wikisignup-slots-{}-{}.db", std::process::id(), rand_suffix()));
        let url: DatabaseUrl = format!("sqlite://{}", path.display()).parse().unwrap();
        (AccountRecords::open(&url).await.unwrap(), url, path)
    }

    fn rand_suffix() -> u64 {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64
    }

    #[tokio::test]
    async fn concurrent_takers_get_exactly_the_maximum_and_a_reopening_keeps_the_count() {
        let (records, url, path) = scratch().await;
        let records = std::sync::Arc::new(records);
        let event: Slug = "walk".parse().unwrap();
        let takers = (0..50).map(|_| {
            let (records, event) = (records.clone(), event.clone());
            tokio::spawn(async move { records.take_slot(Some(&event), 5).await.unwrap() })
        });
        let taken = futures_util::future::join_all(takers).await.into_iter().filter(|t| *t.as_ref().unwrap()).count();
        assert_eq!(taken, 5);
        records.give_back_slot(Some(&event)).await.unwrap();
        assert_eq!(records.slots_taken(Some(&event)).await.unwrap(), 4);
        drop(records);
        let again = AccountRecords::open(&url).await.unwrap();
        assert_eq!(again.slots_taken(Some(&event)).await.unwrap(), 4, "a reopening forgot the count");
        assert!(again.take_slot(Some(&event), 5).await.unwrap());
        assert!(!again.take_slot(Some(&event), 5).await.unwrap());
        assert_eq!(again.slots_taken(None).await.unwrap(), 0, "the portal's own page counts apart");
        std::fs::remove_file(path).unwrap();
    }

    #[tokio::test]
    async fn an_events_first_count_starts_from_its_records() {
        let (records, _, path) = scratch().await;
        let event: Slug = "bangkok".parse().unwrap();
        for name in ["Ada", "Grace"] {
            let made = AccountRecord {
                event: event.clone(),
                username: name.into(),
                wiki: "https://th.wikipedia.org/w/api.php".into(),
                created_at: 1_700_000_000,
                via: Via::Direct,
            };
            records.record(&made).await.unwrap();
        }
        assert_eq!(records.slots_taken(Some(&event)).await.unwrap(), 2);
        assert!(records.take_slot(Some(&event), 3).await.unwrap());
        assert!(!records.take_slot(Some(&event), 3).await.unwrap());
        std::fs::remove_file(path).unwrap();
    }
}
