//! The record of accounts made: who signed up through each event (the
//! event, the username, the wiki, the time, and how: directly or through an
//! organiser's account; never a password, an e-mail address or an IP
//! address), and each page's account slots (`slots.rs`). Kept in a real
//! database through sqlx: an SQLite file by default, PostgreSQL for several
//! instances; the same migrations for both.

use sqlx::AnyPool;
use sqlx::any::AnyPoolOptions;

use crate::signup::{Slug, TimeZone};

mod database;
mod event_store;
mod pending;
mod refusals;
mod report_token;
mod slots;
mod stored_event;

pub use database::{DatabaseUrl, DatabaseUrlError};
pub use report_token::{ReportToken, ReportTokenError};
pub use stored_event::{EventChange, StoredEvent};

use database::Dialect;

/// How an account was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Via {
    /// In the visitor's own wiki session.
    Direct,
    /// By the organiser's account (organizer mode).
    Organizer,
}

impl Via {
    fn as_str(self) -> &'static str {
        match self {
            Via::Direct => "direct",
            Via::Organizer => "organizer",
        }
    }
}

/// One account made through an event.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AccountRecord {
    pub event: Slug,
    pub username: String,
    /// The wiki's api.php.
    pub wiki: String,
    /// Seconds since 1970 (UTC).
    pub created_at: i64,
    pub via: Via,
}

impl AccountRecord {
    /// The time, as people and spreadsheets read it: `2026-03-07 09:00:00 UTC`.
    pub fn when(&self) -> String {
        AccountRecord::time_of(self.created_at)
    }

    /// A time in seconds since 1970, as [`AccountRecord::when`] writes it.
    pub fn time_of(at: i64) -> String {
        let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second] UTC");
        time::OffsetDateTime::from_unix_timestamp(at).ok().and_then(|t| t.format(&format).ok()).unwrap_or_default()
    }

    pub fn via(&self) -> &'static str {
        self.via.as_str()
    }
}

/// The record of sign-ups, shared by every page of the portal.
pub struct AccountRecords {
    pool: AnyPool,
    /// How this database writes SQL.
    dialect: Dialect,
    /// Records the database refused, waiting for it.
    pending: pending::Pending,
}

impl AccountRecords {
    /// Opens the database and brings its tables up to date; records left
    /// waiting by an earlier run are taken up again.
    pub async fn open(url: &DatabaseUrl) -> Result<AccountRecords, sqlx::Error> {
        sqlx::any::install_default_drivers();
        let pool = AnyPoolOptions::new().max_connections(4).connect(&url.to_open()).await?;
        let dialect = url.dialect();
        database::migrate(&pool, dialect).await?;
        Ok(AccountRecords { pool, dialect, pending: pending::Pending::open(url.pending_file()) })
    }

    /// Records an account made: in the database, or, when it refuses,
    /// waiting for it (see [`AccountRecords::write_pending`]). The account
    /// exists either way: the error is logged with what the organiser
    /// needs to rebuild the list (all public on the wiki's log). `false`
    /// when the record waits.
    pub async fn keep(&self, signup: AccountRecord) -> bool {
        match self.record(&signup).await {
            Ok(()) => true,
            Err(e) => {
                tracing::error!(
                    error = %e,
                    event = signup.event.as_str(),
                    username = signup.username,
                    wiki = signup.wiki,
                    "an account was made but the database refused its record: it waits to be written"
                );
                self.pending.push(signup);
                false
            }
        }
    }

    /// Writes the records waiting for the database, as many as it takes;
    /// the others wait on. The records still waiting.
    pub async fn write_pending(&self) -> usize {
        // Nothing waits (the usual case): no file to bring up to date.
        if self.pending.count(None) == 0 {
            return 0;
        }
        let mut waiting = Vec::new();
        for signup in self.pending.take_all() {
            if !waiting.is_empty() || self.record(&signup).await.is_err() {
                waiting.push(signup);
            }
        }
        self.pending.put_back(waiting)
    }

    /// The records of `event` waiting for the database (`None`: all).
    pub fn pending(&self, event: Option<&Slug>) -> usize {
        self.pending.count(event)
    }

    /// Whether the database answers.
    pub async fn answers(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }

    /// Whether the database takes a write: one made and taken back.
    pub async fn writable(&self) -> Result<(), sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let sql = self.dialect.sql("INSERT INTO account_slots (page, taken) VALUES ($1, 0)");
        sqlx::query(&sql).bind("~pre-flight check").execute(&mut *tx).await?;
        tx.rollback().await
    }

    pub async fn record(&self, signup: &AccountRecord) -> Result<(), sqlx::Error> {
        let sql = self
            .dialect
            .sql("INSERT INTO signups (event, username, wiki, created_at, via) VALUES ($1, $2, $3, $4, $5)");
        sqlx::query(&sql)
            .bind(signup.event.as_str())
            .bind(&signup.username)
            .bind(&signup.wiki)
            .bind(signup.created_at)
            .bind(signup.via.as_str())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The sign-ups of `event`, newest first.
    pub async fn of_event(&self, event: &Slug) -> Result<Vec<AccountRecord>, sqlx::Error> {
        let sql = self.dialect.sql(
            "SELECT event, username, wiki, created_at, via FROM signups WHERE event = $1 \
             ORDER BY created_at DESC, username DESC",
        );
        let rows: Vec<(String, String, String, i64, String)> =
            sqlx::query_as(&sql).bind(event.as_str()).fetch_all(&self.pool).await?;
        Ok(rows
            .into_iter()
            .map(|(_, username, wiki, created_at, via)| AccountRecord {
                event: event.clone(),
                username,
                wiki,
                created_at,
                via: if via == "organizer" { Via::Organizer } else { Via::Direct },
            })
            .collect())
    }
}

/// `wikisignup report SLUG [--csv]`: the event's sign-ups on standard
/// output, as the report page shows them (or as its CSV).
/// `in_settings_file`: the time zone of the settings file's event, if the
/// file has it (else the database must, and times are in UTC).
/// Times are on `time_zone`'s clocks (the settings file's event's).
pub async fn print_report(
    database: &DatabaseUrl,
    slug: &Slug,
    in_settings_file: Option<&TimeZone>,
    as_csv: bool,
) -> anyhow::Result<()> {
    let record = AccountRecords::open(database)
        .await
        .map_err(|e| anyhow::anyhow!("cannot open the database of sign-ups ({database:?}): {e}"))?;
    if in_settings_file.is_none() && record.stored_event(slug).await?.is_none() {
        anyhow::bail!("no event \"{slug}\" in the settings file or the database (give --config FILE)");
    }
    let signups = record.of_event(slug).await?;
    if as_csv {
        print!("{}", csv(&signups, in_settings_file.unwrap_or(&TimeZone::default())));
    } else {
        println!("{slug}: {} account{}", signups.len(), if signups.len() == 1 { "" } else { "s" });
        for signup in &signups {
            println!("{}  {}  ({})", signup.when(), signup.username, signup.via());
        }
    }
    Ok(())
}

/// The sign-ups as CSV, with a header row; fields quoted where needed;
/// each time in UTC and on the event's clocks (`time_zone`).
pub fn csv(signups: &[AccountRecord], time_zone: &TimeZone) -> String {
    let field = |value: &str| {
        // A leading = + - @ would be a formula to a spreadsheet.
        let value = if value.starts_with(['=', '+', '-', '@']) { format!("'{value}") } else { value.to_owned() };
        if value.contains([',', '"', '\n', '\r']) { format!("\"{}\"", value.replace('"', "\"\"")) } else { value }
    };
    let mut out = format!("time,local_time ({}),username,wiki,how\r\n", time_zone.name());
    for signup in signups {
        let row = [
            signup.when(),
            time_zone.local(signup.created_at),
            signup.username.clone(),
            signup.wiki.clone(),
            signup.via().to_owned(),
        ];
        out.push_str(&row.iter().map(|v| field(v)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signup(username: &str, created_at: i64) -> AccountRecord {
        AccountRecord {
            event: "bangkok".parse().unwrap(),
            username: username.into(),
            wiki: "https://th.wikipedia.org/w/api.php".into(),
            created_at,
            via: Via::Direct,
        }
    }

    #[tokio::test]
    async fn an_sqlite_file_keeps_the_sign_ups_newest_first_across_openings() {
        let path = std::env::temp_dir().join(format!("wikisignup-record-{}.db", std::process::id()));
        let url: DatabaseUrl = format!("sqlite://{}", path.display()).parse().unwrap();
        let record = AccountRecords::open(&url).await.unwrap();
        record.record(&signup("Ada", 1_700_000_000)).await.unwrap();
        record.record(&signup("Grace", 1_700_000_100)).await.unwrap();
        record
            .record(&AccountRecord { event: "other".parse().unwrap(), ..signup("Linus", 1_700_000_200) })
            .await
            .unwrap();
        drop(record);
        // Opened again (a restart): the migrations are not applied twice.
        let again = AccountRecords::open(&url).await.unwrap();
        let names: Vec<String> =
            again.of_event(&"bangkok".parse().unwrap()).await.unwrap().into_iter().map(|s| s.username).collect();
        assert_eq!(names, ["Grace", "Ada"]);
        std::fs::remove_file(path).unwrap();
    }

    #[test]
    fn the_csv_has_a_header_and_quotes_what_needs_it() {
        let rows = [signup("Ada, Countess", 1_700_000_000), signup("=cmd", 0)];
        let csv = csv(&rows, &"Asia/Bangkok".parse().unwrap());
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], "time,local_time (Asia/Bangkok),username,wiki,how");
        assert_eq!(
            lines[1],
            "2023-11-14 22:13:20 UTC,2023-11-15 05:13:20,\"Ada, Countess\",https://th.wikipedia.org/w/api.php,direct"
        );
        assert!(lines[2].contains(",'=cmd,"), "{}", lines[2]);
    }
}
