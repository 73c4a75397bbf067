//! An event made in the console as the database keeps it, and one change
//! to it; the queries are `event_store.rs`.

use crate::signup::Slug;

/// An event made in the console.
#[derive(Clone, PartialEq, Eq)]
pub struct StoredEvent {
    pub slug: Slug,
    /// The organiser who made it, by wiki username.
    pub owner: String,
    /// The wiki (api.php) its organisers signed in to.
    pub owner_wiki: String,
    /// Its settings as the console's form gave them, named as the settings
    /// file names them (`title`, `event_code`, ...).
    pub settings: Vec<(String, String)>,
    /// Its logo, as uploaded.
    pub logo: Option<Vec<u8>>,
    /// Who may edit it and read its report besides its owner.
    pub co_organizers: Vec<String>,
    /// Organizer mode: the bot password's `NAME@APP` and its secret, sealed
    /// (see `crate::events::secrets`).
    pub organizer: Option<(String, Vec<u8>)>,
    /// The secret of its report link.
    pub report_token: String,
    /// Closed by its organiser at this time (seconds since 1970).
    pub closed_at: Option<i64>,
    /// Raised by each change: how instances notice one.
    pub version: i64,
}

impl std::fmt::Debug for StoredEvent {
    // Neither the sealed secret nor the report token is printed.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoredEvent").field("slug", &self.slug).field("version", &self.version).finish_non_exhaustive()
    }
}

impl StoredEvent {
    /// A setting's value as the form gave it, or "".
    pub fn setting(&self, key: &str) -> &str {
        self.settings.iter().find(|(k, _)| k == key).map_or("", |(_, v)| v.as_str())
    }

    /// Whether `user` (of `wiki`) may see and change it.
    pub fn is_run_by(&self, user: &str, wiki: &str) -> bool {
        wiki == self.owner_wiki && (user == self.owner || self.co_organizers.iter().any(|c| c == user))
    }
}

/// One change to an event: who made it, when, to which setting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventChange {
    pub at: i64,
    pub who: String,
    pub setting: String,
}
