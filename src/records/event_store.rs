//! The queries of the events organisers make in the console, and of the
//! log of their changes (who, when, which setting). Every instance sharing
//! the database reads them from here (see `crate::events`).

use sqlx::Row;
use sqlx::any::AnyRow;

use crate::signup::Slug;

use super::AccountRecords;
use super::stored_event::{EventChange, StoredEvent};

const COLUMNS: &str = "slug, owner, owner_wiki, settings, logo, co_organizers, organizer_user, organizer_secret, \
                       report_token, closed_at, version";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    (0..text.len()).step_by(2).map(|i| text.get(i..i + 2).and_then(|b| u8::from_str_radix(b, 16).ok())).collect()
}

/// A text column: MariaDB gives its `TEXT` columns as bytes.
fn text(row: &AnyRow, column: &str) -> Result<Option<String>, sqlx::Error> {
    match row.try_get::<Option<String>, _>(column) {
        Ok(text) => Ok(text),
        Err(_) => Ok(row.try_get::<Option<Vec<u8>>, _>(column)?.map(|b| String::from_utf8_lossy(&b).into_owned())),
    }
}

fn from_row(row: &AnyRow) -> Result<Option<StoredEvent>, sqlx::Error> {
    let required = |column: &str| text(row, column).map(Option::unwrap_or_default);
    let Ok(slug) = required("slug")?.parse() else { return Ok(None) };
    let Ok(settings) = serde_json::from_str(&required("settings")?) else { return Ok(None) };
    Ok(Some(StoredEvent {
        slug,
        owner: required("owner")?,
        owner_wiki: required("owner_wiki")?,
        settings,
        logo: text(row, "logo")?.as_deref().and_then(unhex),
        co_organizers: required("co_organizers")?.lines().map(str::to_owned).collect(),
        organizer: text(row, "organizer_user")?.zip(text(row, "organizer_secret")?.as_deref().and_then(unhex)),
        report_token: required("report_token")?,
        closed_at: row.try_get("closed_at")?,
        version: row.try_get("version")?,
    }))
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
        let row = sqlx::query(&sql).bind(slug.as_str()).fetch_optional(&self.pool).await?;
        Ok(row.as_ref().map(from_row).transpose()?.flatten())
    }

    /// Every stored event.
    pub async fn stored_events(&self) -> Result<Vec<StoredEvent>, sqlx::Error> {
        let rows = sqlx::query(&format!("SELECT {COLUMNS} FROM events ORDER BY slug")).fetch_all(&self.pool).await?;
        Ok(rows.iter().map(from_row).collect::<Result<Vec<_>, _>>()?.into_iter().flatten().collect())
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
        }
        // The same columns either way, in the same order; a new event also
        // has its owner.
        let statement = match event.version {
            0 => self.dialect.sql(
                "INSERT INTO events (settings, logo, co_organizers, organizer_user, organizer_secret, report_token, \
                 closed_at, slug, owner, owner_wiki, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1)",
            ),
            _ => self.dialect.sql(
                "UPDATE events SET settings = $1, logo = $2, co_organizers = $3, organizer_user = $4, \
                 organizer_secret = $5, report_token = $6, closed_at = $7, version = version + 1 WHERE slug = $8",
            ),
        };
        let query = sqlx::query(&statement)
            .bind(settings)
            .bind(event.logo.as_deref().map(hex))
            .bind(event.co_organizers.join("\n"))
            .bind(user)
            .bind(secret)
            .bind(&event.report_token)
            .bind(event.closed_at)
            .bind(event.slug.as_str());
        let query = if event.version == 0 { query.bind(&event.owner).bind(&event.owner_wiki) } else { query };
        query.execute(&mut *tx).await?;
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
