//! The database: where it is (`DatabaseUrl`), how it writes SQL
//! (`Dialect`), and the schema, one step at a time (`migrate`).

use std::borrow::Cow;
use std::fmt;

use sqlx::AnyPool;

/// Where the database is: `sqlite://PATH`, `postgres://...` or
/// `mysql://...` (MariaDB or MySQL). Never printed whole: a server's URL may
/// carry a password.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl(String);

#[derive(Debug, thiserror::Error)]
#[error("must be sqlite://PATH, postgres://USER@HOST/DATABASE or mysql://USER@HOST/DATABASE")]
pub struct DatabaseUrlError;

impl std::str::FromStr for DatabaseUrl {
    type Err = DatabaseUrlError;

    fn from_str(raw: &str) -> Result<DatabaseUrl, DatabaseUrlError> {
        let known =
            ["sqlite:", "postgres://", "postgresql://", "mysql://", "mariadb://"].iter().any(|s| raw.starts_with(s));
        if known && raw.len() > "sqlite:".len() { Ok(DatabaseUrl(raw.to_owned())) } else { Err(DatabaseUrlError) }
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scheme = self.0.split(':').next().unwrap_or_default();
        write!(f, "DatabaseUrl({scheme}:...)")
    }
}

impl DatabaseUrl {
    /// Where records the database refuses wait for it: beside an SQLite
    /// file (`PATH-pending.jsonl`); in memory only for a server.
    pub(super) fn pending_file(&self) -> Option<std::path::PathBuf> {
        let path = self.0.strip_prefix("sqlite://").or_else(|| self.0.strip_prefix("sqlite:"))?;
        let path = path.split('?').next().unwrap_or_default();
        (!path.is_empty() && path != ":memory:").then(|| format!("{path}-pending.jsonl").into())
    }

    pub(super) fn dialect(&self) -> Dialect {
        if self.0.starts_with("mysql:") || self.0.starts_with("mariadb:") { Dialect::MySql } else { Dialect::Portable }
    }

    /// The URL sqlx opens: an SQLite file is created when missing; a
    /// MariaDB URL without a user takes Toolforge's credentials
    /// (`TOOL_TOOLSDB_USER`, `TOOL_TOOLSDB_PASSWORD`) where they are set.
    pub(super) fn to_open(&self) -> String {
        self.to_open_with(|name| std::env::var(name).ok())
    }

    fn to_open_with(&self, env: impl Fn(&str) -> Option<String>) -> String {
        if self.0.starts_with("sqlite:") && !self.0.contains('?') {
            return format!("{}?mode=rwc", self.0);
        }
        let mariadb = self.0.strip_prefix("mariadb://").map(|rest| format!("mysql://{rest}"));
        let url = mariadb.unwrap_or_else(|| self.0.clone());
        if let Some(rest) = url.strip_prefix("mysql://")
            && !rest.split('/').next().unwrap_or_default().contains('@')
            && let Some(user) = env(TOOLSDB_USER_VAR)
        {
            let password = env(TOOLSDB_PASSWORD_VAR).unwrap_or_default();
            let encode = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
            return format!("mysql://{}:{}@{rest}", encode(&user), encode(&password));
        }
        url
    }
}

/// Toolforge's credentials for its database of tools (ToolsDB).
const TOOLSDB_USER_VAR: &str = "TOOL_TOOLSDB_USER";
const TOOLSDB_PASSWORD_VAR: &str = "TOOL_TOOLSDB_PASSWORD";

/// How a database writes SQL: SQLite and PostgreSQL take the same (`$1`
/// parameters, `ON CONFLICT`), MariaDB and MySQL their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Dialect {
    Portable,
    MySql,
}

impl Dialect {
    /// `portable` as this database takes it: `?` for each `$N` parameter in
    /// MariaDB (each `$N` used once, in order).
    pub fn sql(self, portable: &'static str) -> Cow<'static, str> {
        match self {
            Dialect::Portable => Cow::Borrowed(portable),
            Dialect::MySql => Cow::Owned(question_marks(portable)),
        }
    }

    /// A statement built at run time, as this database takes it.
    pub fn sql_owned(self, portable: String) -> String {
        match self {
            Dialect::Portable => portable,
            Dialect::MySql => question_marks(&portable),
        }
    }

    /// One of two statements, by dialect.
    pub fn choose(self, portable: &'static str, mysql: &'static str) -> Cow<'static, str> {
        match self {
            Dialect::Portable => Cow::Borrowed(portable),
            Dialect::MySql => Cow::Borrowed(mysql),
        }
    }
}

/// `portable` with `?` for each `$N` parameter.
fn question_marks(portable: &str) -> String {
    let mut out = String::with_capacity(portable.len());
    let mut chars = portable.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' && chars.peek().is_some_and(char::is_ascii_digit) {
            while chars.peek().is_some_and(char::is_ascii_digit) {
                chars.next();
            }
            out.push('?');
        } else {
            out.push(c);
        }
    }
    out
}

/// One step of the schema: for SQLite and PostgreSQL, and for MariaDB,
/// whose indexed text must have a length.
struct Migration {
    version: i64,
    portable: &'static str,
    mysql: &'static str,
}

/// The schema, one step at a time; each is applied once, in order, and
/// recorded in `schema_migrations`.
const MIGRATIONS: [Migration; 6] = [
    Migration {
        version: 1,
        portable: "CREATE TABLE signups (event TEXT NOT NULL, username TEXT NOT NULL, wiki TEXT NOT NULL, \
                   created_at BIGINT NOT NULL, via TEXT NOT NULL)",
        mysql: "CREATE TABLE IF NOT EXISTS signups (event VARCHAR(64) NOT NULL, username VARCHAR(255) NOT NULL, \
                wiki VARCHAR(2048) NOT NULL, created_at BIGINT NOT NULL, via VARCHAR(16) NOT NULL) \
                CHARACTER SET utf8mb4",
    },
    Migration {
        version: 2,
        portable: "CREATE INDEX signups_by_event ON signups (event, created_at)",
        mysql: "CREATE INDEX IF NOT EXISTS signups_by_event ON signups (event, created_at)",
    },
    // A page's accounts made or being made, against its maximum: `page` is
    // an event's slug, or `/` for the portal's own page.
    Migration {
        version: 3,
        portable: "CREATE TABLE account_slots (page TEXT PRIMARY KEY, taken BIGINT NOT NULL)",
        mysql: "CREATE TABLE IF NOT EXISTS account_slots (page VARCHAR(64) PRIMARY KEY, taken BIGINT NOT NULL) \
                CHARACTER SET utf8mb4",
    },
    // The events organisers make in the console (`stored_events.rs`).
    Migration {
        version: 4,
        portable: "CREATE TABLE events (slug TEXT PRIMARY KEY, owner TEXT NOT NULL, owner_wiki TEXT NOT NULL, \
                   settings TEXT NOT NULL, logo TEXT, co_organizers TEXT NOT NULL, organizer_user TEXT, \
                   organizer_secret TEXT, report_token TEXT NOT NULL, closed_at BIGINT, version BIGINT NOT NULL)",
        mysql: "CREATE TABLE IF NOT EXISTS events (slug VARCHAR(64) PRIMARY KEY, owner VARCHAR(255) NOT NULL, \
                owner_wiki VARCHAR(2048) NOT NULL, settings MEDIUMTEXT NOT NULL, logo MEDIUMTEXT, \
                co_organizers TEXT NOT NULL, organizer_user VARCHAR(255), organizer_secret TEXT, \
                report_token VARCHAR(255) NOT NULL, closed_at BIGINT, version BIGINT NOT NULL) CHARACTER SET utf8mb4",
    },
    Migration {
        version: 5,
        portable: "CREATE TABLE event_changes (slug TEXT NOT NULL, at BIGINT NOT NULL, who TEXT NOT NULL, \
                   setting TEXT NOT NULL)",
        mysql: "CREATE TABLE IF NOT EXISTS event_changes (slug VARCHAR(64) NOT NULL, at BIGINT NOT NULL, \
                who VARCHAR(255) NOT NULL, setting VARCHAR(64) NOT NULL, INDEX (slug)) CHARACTER SET utf8mb4",
    },
    // Each event's refusals, counted by reason (`refusals.rs`).
    Migration {
        version: 6,
        portable: "CREATE TABLE refusals (event TEXT NOT NULL, reason TEXT NOT NULL, count BIGINT NOT NULL, \
                   PRIMARY KEY (event, reason))",
        mysql: "CREATE TABLE IF NOT EXISTS refusals (event VARCHAR(64) NOT NULL, reason VARCHAR(32) NOT NULL, \
                count BIGINT NOT NULL, PRIMARY KEY (event, reason)) CHARACTER SET utf8mb4",
    },
];

/// Applies the migrations not applied yet, each with its record, in one
/// transaction (two instances starting at once apply each step once; in
/// MariaDB, whose schema changes commit by themselves, each step is
/// written so that it may run twice).
pub(super) async fn migrate(pool: &AnyPool, dialect: Dialect) -> Result<(), sqlx::Error> {
    sqlx::query("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY)").execute(pool).await?;
    let applied = dialect.sql("SELECT version FROM schema_migrations WHERE version = $1");
    let record = dialect.sql("INSERT INTO schema_migrations (version) VALUES ($1)");
    for migration in MIGRATIONS {
        let mut tx = pool.begin().await?;
        let done: Option<(i64,)> = sqlx::query_as(&applied).bind(migration.version).fetch_optional(&mut *tx).await?;
        if done.is_some() {
            continue;
        }
        sqlx::query(&dialect.choose(migration.portable, migration.mysql)).execute(&mut *tx).await?;
        sqlx::query(&record).bind(migration.version).execute(&mut *tx).await?;
        tx.commit().await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_urls_are_checked_and_never_printed_whole() {
        assert!("sqlite://signups.db".parse::<DatabaseUrl>().is_ok());
        let pg: DatabaseUrl = "postgres://app:secret@db/wikisignup".parse().unwrap();
        assert_eq!(format!("{pg:?}"), "DatabaseUrl(postgres:...)");
        assert!("redis://db".parse::<DatabaseUrl>().is_err() && "sqlite:".parse::<DatabaseUrl>().is_err());
        let maria: DatabaseUrl = "mysql://tool:secret@tools.db.svc/s1234__signup".parse().unwrap();
        assert_eq!(format!("{maria:?}"), "DatabaseUrl(mysql:...)");
        assert_eq!(maria.dialect(), Dialect::MySql);
    }

    #[test]
    fn mariadb_takes_question_marks_for_parameters() {
        assert_eq!(
            Dialect::MySql.sql("UPDATE t SET a = $1 WHERE b = $2 AND c < $10"),
            "UPDATE t SET a = ? WHERE b = ? AND c < ?"
        );
        assert_eq!(Dialect::Portable.sql("SELECT $1"), "SELECT $1");
    }

    #[test]
    fn a_mariadb_url_without_a_user_takes_toolforges_credentials() {
        let env = |name: &str| match name {
            TOOLSDB_USER_VAR => Some("s54321".to_owned()),
            TOOLSDB_PASSWORD_VAR => Some("p@ss/word".to_owned()),
            _ => None,
        };
        let bare: DatabaseUrl = "mysql://tools.db.svc.wikimedia.cloud/s54321__signup".parse().unwrap();
        assert_eq!(bare.to_open_with(env), "mysql://s54321:p%40ss%2Fword@tools.db.svc.wikimedia.cloud/s54321__signup");
        let given: DatabaseUrl = "mariadb://app:pw@127.0.0.1:3306/x".parse().unwrap();
        assert_eq!(given.to_open_with(env), "mysql://app:pw@127.0.0.1:3306/x");
        assert_eq!(bare.to_open_with(|_| None), "mysql://tools.db.svc.wikimedia.cloud/s54321__signup");
    }
}
