//! The queries of the events organisers make in the console, and of the
//! log of their changes (who, when, which setting). Every instance sharing
//! the database reads them from here (see `crate::events`).

use crate::signup::Slug;

use super::AccountRecords;
use super::stored_event::{EventChange, StoredEvent};

type Row =
    (String, String, String, String, Option<String>, String, Option<String>, Option<String>, String, Option<i64>, i64);

const COLUMNS: &str = "slug, owner, owner_wiki, settings, logo, co_organizers, organizer_user, organizer_secret, \
                       report_token, closed_at, version";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    (0..text.len()).step_by(2).map(|i| text.get(i..i + 2).and_then(|b| u8::from_str_radix(b, 16).ok())).collect()
}

fn from_row(row: Row) -> Option<StoredEvent> {
    let (slug, owner, owner_wiki, settings, logo, co, user, secret, report_token, closed_at, version) = row;
    Some(StoredEvent {
        slug: slug.parse().ok()?,
        owner,
        owner_wiki,
        settings: serde_json::from_str(&settings).ok()?,
        logo: logo.as_deref().and_then(unhex),
        co_organizers: co.lines().map(str::to_owned).collect(),
        organizer: user.zip(secret.as_deref().and_then(unhex)),
        report_token,
        closed_at,
        version,
    })
}

impl AccountRecords {
    /// Each stored event's slug and version: what instances compare to
    /// notice a change.
    pub async fn event_versions(&self) -> Result<Vec<(String, i64)>, sqlx::Error> {
        sqlx::query_as("SELECT slug, version FROM events").fetch_all(&self.pool).await
    }

    /// The stored event at `slug`, if there is one.
    pub async fn stored_event(&self, slug: &Slug) -> Result<Option<StoredEvent>, sqlx::Error> {
        let sql = self.dialect.sql_owned(format!("SELECT {COLUMNS} FROM events WHERE slug = $1"));
        let row: Option<Row> = sqlx::query_as(&sql).bind(slug.as_str()).fetch_optional(&self.pool).await?;
        Ok(row.and_then(from_row))
    }

    /// Every stored event.
    pub async fn stored_events(&self) -> Result<Vec<StoredEvent>, sqlx::Error> {
        let rows: Vec<Row> =
            sqlx::query_as(&format!("SELECT {COLUMNS} FROM events ORDER BY slug")).fetch_all(&self.pool).await?;
        Ok(rows.into_iter().filter_map(from_row).collect())
    }

    /// Saves `event` (a new one when `version` is 0: `false` if its slug is
    /// taken) as `who` changed `changed` settings, one line each in its log.
    pub async fn save_event(&self, event: &StoredEvent, who: &str, changed: &[String]) -> Result<bool, sqlx::Error> {
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let settings = serde_json::to_string(&event.settings).expect("strings serialise");
        let (user, secret) = match &event.organizer {
            Some((user, secret)) => (Some(user.clone()), Some(hex(secret))),
            None => (None, None),
        };
        let mut tx = self.pool.begin().await?;
        if event.version == 0 {
            let taken = self.dialect.sql("SELECT version FROM events WHERE slug = $1");
            let exists: Option<(i64,)> =
                sqlx::query_as(&taken).bind(event.slug.as_str()).fetch_optional(&mut *tx).await?;
            if exists.is_some() {
                return Ok(false);
            }
            let insert = self.dialect.sql(
                "INSERT INTO events (slug, owner, owner_wiki, settings, logo, co_organizers, organizer_user, \
                 organizer_secret, report_token, closed_at, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1)",
            );
            sqlx::query(&insert)
                .bind(event.slug.as_str())
                .bind(&event.owner)
                .bind(&event.owner_wiki)
                .bind(settings)
                .bind(event.logo.as_deref().map(hex))
                .bind(event.co_organizers.join("\n"))
                .bind(user)
                .bind(secret)
                .bind(&event.report_token)
                .bind(event.closed_at)
                .execute(&mut *tx)
                .await?;
        } else {
            let update = self.dialect.sql(
                "UPDATE events SET settings = $1, logo = $2, co_organizers = $3, organizer_user = $4, \
                 organizer_secret = $5, report_token = $6, closed_at = $7, version = version + 1 WHERE slug = $8",
            );
            sqlx::query(&update)
                .bind(settings)
                .bind(event.logo.as_deref().map(hex))
                .bind(event.co_organizers.join("\n"))
                .bind(user)
                .bind(secret)
                .bind(&event.report_token)
                .bind(event.closed_at)
                .bind(event.slug.as_str())
                .execute(&mut *tx)
                .await?;
        }
        let log = self.dialect.sql("INSERT INTO event_changes (slug, at, who, setting) VALUES ($1, $2, $3, $4)");
        for setting in changed {
            sqlx::query(&log).bind(event.slug.as_str()).bind(now).bind(who).bind(setting).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// The changes made to the event at `slug`, newest first.
    pub async fn event_changes(&self, slug: &Slug) -> Result<Vec<EventChange>, sqlx::Error> {
        let sql = self.dialect.sql("SELECT at, who, setting FROM event_changes WHERE slug = $1 ORDER BY at DESC");
        let rows: Vec<(i64, String, String)> = sqlx::query_as(&sql).bind(slug.as_str()).fetch_all(&self.pool).await?;
        Ok(rows.into_iter().map(|(at, who, setting)| EventChange { at, who, setting }).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::DatabaseUrl;

    fn event(slug: &str) -> StoredEvent {
        StoredEvent {
            slug: slug.parse().unwrap(),
            owner: "Ada".into(),
            owner_wiki: "https://wiki.example/w/api.php".into(),
            settings: vec![("title".into(), "Edit-a-thon".into())],
            logo: Some(vec![0x89, b'P', b'N', b'G']),
            co_organizers: vec!["Grace".into()],
            organizer: Some(("Ada@signup".into(), vec![1, 2, 255])),
            report_token: "t".repeat(32),
            closed_at: None,
            version: 0,
        }
    }

    #[tokio::test]
    async fn an_event_is_saved_changed_and_logged_and_its_slug_is_taken_once() {
        let path = std::env::temp_dir().join(format!("wikisignup-stored-{}.db", std::process::id()));
        let url: DatabaseUrl = format!("sqlite://{}", path.display()).parse().unwrap();
        let records = AccountRecords::open(&url).await.unwrap();
        let new = event("bangkok");
        assert!(records.save_event(&new, "Ada", &["title".into()]).await.unwrap());
        assert!(!records.save_event(&new, "Ada", &["title".into()]).await.unwrap(), "a slug is taken once");
        let mut stored = records.stored_event(&new.slug).await.unwrap().unwrap();
        assert_eq!(stored, StoredEvent { version: 1, ..new.clone() });
        stored.settings = vec![("title".into(), "Edit-a-thon 2".into())];
        stored.closed_at = Some(5);
        records.save_event(&stored, "Grace", &["title".into(), "closed".into()]).await.unwrap();
        let again = records.stored_event(&new.slug).await.unwrap().unwrap();
        assert_eq!((again.setting("title"), again.closed_at, again.version), ("Edit-a-thon 2", Some(5), 2));
        assert_eq!(records.event_versions().await.unwrap(), vec![("bangkok".to_owned(), 2)]);
        let changes = records.event_changes(&new.slug).await.unwrap();
        let who: Vec<_> = changes.iter().map(|c| (c.who.as_str(), c.setting.as_str())).collect();
        assert_eq!(who.len(), 3);
        assert!(who.contains(&("Grace", "closed")) && who.contains(&("Ada", "title")));
        assert!(again.is_run_by("Grace", "https://wiki.example/w/api.php"));
        assert!(!again.is_run_by("Grace", "https://other.example/w/api.php"));
        assert!(!again.is_run_by("Mallory", "https://wiki.example/w/api.php"));
        let _ = std::fs::remove_file(path);
    }
}
