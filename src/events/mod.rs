//! The events: each a slug and its sign-up page under `/e/SLUG/`. The
//! portal asks here for the event at a slug, or for all of them, and
//! nowhere else. They come from the settings file's `[[event]]` tables
//! (read at start-up, read-only in the console) and from the database,
//! where organisers make them in the console. Every instance sharing the
//! database looks there every two seconds ([`Events::refresh`]) and builds
//! anew the page of each event made or changed: an edit shows within
//! seconds, with no restart, and visitors' sessions (kept apart by the
//! event's path, not by its page) carry on across it.

pub mod admission;
pub mod draft;
mod secrets;

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use actix_web::web;

pub use secrets::SecretBox;

use crate::config::{ConfigError, OrganizerSettings, PageSettings, PublicUrl, Settings};
use crate::look::Logo;
use crate::records::{AccountRecords, StoredEvent};
use crate::signup::Slug;
use crate::web::state::{AppState, Commons};
use crate::wiki::OrganizerCredentials;

/// How often an instance looks for events made or changed elsewhere.
pub const REFRESH: Duration = Duration::from_secs(2);

/// Where an event was made.
pub enum Source {
    /// An `[[event]]` table of the settings file: the operator's.
    SettingsFile,
    /// The console: an organiser's, as the database keeps it.
    Console(Box<StoredEvent>),
}

/// One event's sign-up page.
pub struct EventPage {
    pub slug: Slug,
    pub state: web::Data<AppState>,
    /// Its CSP `frame-ancestors`.
    pub frame_ancestors: String,
    pub source: Source,
}

impl EventPage {
    /// The event as the console keeps it, if it was made there.
    pub fn stored(&self) -> Option<&StoredEvent> {
        match &self.source {
            Source::Console(stored) => Some(stored),
            Source::SettingsFile => None,
        }
    }
}

/// Why an event made in the console cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum EventError {
    #[error(transparent)]
    Setting(#[from] ConfigError),
    #[error("{0}")]
    Page(#[from] anyhow::Error),
}

/// Every event's page, kept up to date with the database.
pub struct Events {
    pages: RwLock<HashMap<Slug, Arc<EventPage>>>,
    commons: Commons,
    public_url: PublicUrl,
    secrets: Option<SecretBox>,
}

impl Events {
    /// The settings file's events and the database's, each with its page
    /// (at `public_url`'s `e/SLUG/`).
    pub async fn load(commons: Commons, public_url: PublicUrl) -> anyhow::Result<Events> {
        let secrets = commons.settings.console.secrets_key.as_ref().map(SecretBox::new);
        let events = Events { pages: RwLock::new(HashMap::new()), commons, public_url, secrets };
        for event in &events.commons.settings.events {
            let page = events.page(&event.slug, &event.page, Source::SettingsFile)?;
            events.pages.write().expect("events lock").insert(event.slug.clone(), Arc::new(page));
        }
        events.refresh().await?;
        Ok(events)
    }

    /// The event at `slug`, if there is one.
    pub fn get(&self, slug: &Slug) -> Option<Arc<EventPage>> {
        self.pages.read().expect("events lock").get(slug).cloned()
    }

    /// Every event, by slug.
    pub fn all(&self) -> Vec<Arc<EventPage>> {
        let mut all: Vec<_> = self.pages.read().expect("events lock").values().cloned().collect();
        all.sort_by(|a, b| a.slug.as_str().cmp(b.slug.as_str()));
        all
    }

    /// The database every page shares.
    pub fn records(&self) -> &AccountRecords {
        &self.commons.records
    }

    pub fn settings(&self) -> &Settings {
        &self.commons.settings
    }

    /// Seals organisers' secrets, if the operator gave a key.
    pub fn secrets(&self) -> Option<&SecretBox> {
        self.secrets.as_ref()
    }

    /// Where the event at `slug` is reached.
    pub fn url_of(&self, slug: &Slug) -> PublicUrl {
        let route = format!("e/{}/", slug.as_str());
        self.public_url.route(&route).as_str().parse().expect("the public URL extended")
    }

    /// Builds anew the page of each event made or changed in the database
    /// since the last look, and drops those gone from it.
    pub async fn refresh(&self) -> anyhow::Result<()> {
        let versions = self.records().event_versions().await?;
        let known: HashMap<Slug, i64> = self
            .pages
            .read()
            .expect("events lock")
            .iter()
            .filter_map(|(slug, page)| page.stored().map(|s| (slug.clone(), s.version)))
            .collect();
        for (slug, version) in &versions {
            let Ok(slug) = slug.parse::<Slug>() else { continue };
            if known.get(&slug) == Some(version) {
                continue;
            }
            let Some(stored) = self.records().stored_event(&slug).await? else { continue };
            self.install(stored)?;
        }
        let gone: Vec<&Slug> = known.keys().filter(|slug| !versions.iter().any(|(s, _)| s == slug.as_str())).collect();
        if !gone.is_empty() {
            let mut pages = self.pages.write().expect("events lock");
            gone.into_iter().for_each(|slug| drop(pages.remove(slug)));
        }
        Ok(())
    }

    /// Builds the page of `stored` and serves it from now on. A settings
    /// file's event of the same slug stays: it was there first.
    fn install(&self, stored: StoredEvent) -> Result<(), EventError> {
        if self.get(&stored.slug).is_some_and(|page| page.stored().is_none()) {
            tracing::warn!(event = stored.slug.as_str(), "an event of the database has a settings file event's slug");
            return Ok(());
        }
        let settings = self.console_settings(&stored).inspect_err(|e| {
            tracing::error!(event = stored.slug.as_str(), error = %e, "an event of the console cannot be served");
        })?;
        let slug = stored.slug.clone();
        let page = self.page(&slug, &settings, Source::Console(Box::new(stored)))?;
        self.pages.write().expect("events lock").insert(slug, Arc::new(page));
        Ok(())
    }

    /// The page settings of an event made in the console: its form's
    /// settings over the portal's, checked as a settings file's are; its
    /// logo, report token, closing and organiser as the console keeps them.
    pub fn console_settings(&self, stored: &StoredEvent) -> Result<PageSettings, EventError> {
        let mut page = self.settings().console_event(&stored.slug, &stored.settings, &self.url_of(&stored.slug))?;
        page.look.logo = stored.logo.as_deref().map(Logo::from_upload).transpose().map_err(|why| bad("logo", why))?;
        page.report_token = Some(stored.report_token.parse().map_err(|e| bad("report_token", e))?);
        if let Some(at) = stored.closed_at {
            let at = time::OffsetDateTime::from_unix_timestamp(at).unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
            page.window = page.window.closed_at(at);
        }
        page.organizer = stored.organizer.as_ref().map(|(user, sealed)| {
            let opened = match &self.secrets {
                Some(secrets) => secrets.open(stored.slug.as_str(), user, sealed).map_err(|e| e.to_string()),
                None => Err("WIKISIGNUP_SECRETS_KEY is not set: the organiser's bot password cannot be opened".into()),
            };
            let credentials = match opened {
                Ok(password) => OrganizerCredentials::BotPassword { user: user.clone(), password },
                Err(why) => OrganizerCredentials::Unavailable { user: user.clone(), why },
            };
            OrganizerSettings { credentials, reason: None, mail_password: false }
        });
        Ok(page)
    }

    fn page(&self, slug: &Slug, settings: &PageSettings, source: Source) -> anyhow::Result<EventPage> {
        let state = self.commons.page(settings, self.url_of(slug), Some(slug))?;
        let frame_ancestors = settings.frame_ancestors.as_str().to_owned();
        Ok(EventPage { slug: slug.clone(), state, frame_ancestors, source })
    }
}

fn bad(setting: &str, reason: impl ToString) -> EventError {
    EventError::Setting(ConfigError { setting: setting.to_owned(), reason: reason.to_string() })
}
