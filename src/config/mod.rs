//! The settings: declared once (`declared.rs`), layered from the command
//! line, the environment and the settings file (`layers.rs`), each value
//! parsed into its type as it is read (`values.rs`) and checked together
//! (`page.rs` for one sign-up page). An error names the setting
//! (`errors.rs`).

mod declared;
mod errors;
mod layers;
mod page;
mod values;

use std::net::SocketAddr;
use std::num::NonZeroU64;
use std::time::Duration;

use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches};

pub use declared::Command;
pub use errors::{ConfigError, LoadError};
pub use page::{OrganizerSettings, PageSettings};
pub use values::{
    CaptchaWidgetSettings, FrameAncestors, InRange, OneLine, PublicUrl, RedisPrefix, SecretsKey, SessionSecret,
    SessionStoreSetting, SettingError, TrustedProxies,
};

use crate::records::DatabaseUrl;
use crate::signup::Slug;
use crate::wiki::WikiApiUrl;
use declared::Declared;
use errors::bad;

/// The settings, parsed and checked.
#[derive(Debug, Clone)]
pub struct Settings {
    /// What to do besides serving (`wikisignup report ...`), if anything.
    pub command: Option<Command>,
    pub listen: SocketAddr,
    /// `listen` came from the environment's `PORT` (a hosting platform's).
    pub listen_from_port: bool,
    /// Given by the operator; without it, derived from the address the
    /// portal is bound to (see [`Settings::public_url`]).
    pub public_url: Option<PublicUrl>,
    pub session_ttl: Duration,
    pub max_sessions: NonZeroU64,
    /// The bytes sessions held in memory may take in all.
    pub session_memory_bytes: u64,
    pub session_store: SessionStoreSetting,
    /// Where the keys begin in a Redis session store.
    pub redis_prefix: Option<RedisPrefix>,
    pub log_json: bool,
    pub trusted_proxies: TrustedProxies,
    /// Where `/metrics` is served, if anywhere: never on the public listener.
    pub metrics_listen: Option<SocketAddr>,
    pub database: DatabaseUrl,
    /// How long the wiki's words and site information are kept per
    /// language, before they are asked again in the background.
    pub wiki_cache_ttl: Duration,
    /// Signs and encrypts the session cookie; from the environment only
    /// (`WIKISIGNUP_SESSION_SECRET`), so it stays out of files and process
    /// listings.
    pub session_secret: Option<SessionSecret>,
    /// The portal's own sign-up page, at `/`.
    pub page: PageSettings,
    /// The events of the settings file (`[[event]]`), each with its own page
    /// under `/e/SLUG/`.
    pub events: Vec<EventSettings>,
    /// The organisers' console (`/organize/`): who may sign in.
    pub console: ConsoleSettings,
    /// The page settings the portal was given, which an event made in the
    /// console takes unless it says otherwise.
    pub event_defaults: EventDefaults,
}

/// Who may sign in to the organisers' console, and what it keeps.
#[derive(Debug, Clone)]
pub struct ConsoleSettings {
    /// The wikis whose users may sign in (`organizer_wikis`): the portal's
    /// own wiki unless the operator names others.
    pub wikis: Vec<WikiApiUrl>,
    /// Their members may sign in (`organizer_groups`).
    pub groups: Vec<String>,
    /// They may sign in whatever their groups (`organizers`).
    pub organizers: Vec<String>,
    /// Seals organisers' bot passwords in the database
    /// (`WIKISIGNUP_SECRETS_KEY`); without it, the console offers no
    /// organizer mode.
    pub secrets_key: Option<SecretsKey>,
}

/// Page settings as the command line gives them, `(key, value)`; printed
/// by key only.
#[derive(Clone, Default)]
pub struct EventDefaults(Vec<(String, String)>);

impl std::fmt::Debug for EventDefaults {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.0.iter().map(|(key, _)| key)).finish()
    }
}

/// An event: its slug (its pages are at `/e/SLUG/`) and its page's
/// settings, wherever it was declared.
#[derive(Debug, Clone)]
pub struct EventSettings {
    pub slug: Slug,
    pub page: PageSettings,
}

/// The environment variable that holds the session secret.
const SESSION_SECRET_VAR: &str = "WIKISIGNUP_SESSION_SECRET";
/// The environment variable that holds the key of organisers' secrets.
const SECRETS_KEY_VAR: &str = "WIKISIGNUP_SECRETS_KEY";
/// Where hosting platforms (Toolforge, build packs, Cloud Run) say to
/// listen: `0.0.0.0:$PORT`, unless `--listen` says otherwise.
const PORT_VAR: &str = "PORT";
/// Where Toolforge names the Redis its tools share.
const TOOL_REDIS_VAR: &str = "TOOL_REDIS_URI";

impl Settings {
    /// Reads the command line, the environment and the file they name.
    /// `--help` and `--version` print and exit, as command-line tools do.
    pub fn load() -> Result<Settings, ConfigError> {
        Settings::from_args(std::env::args_os()).map_err(|e| e.or_exit())
    }

    /// Settings from arguments as on a command line (and the environment):
    /// what tests use to start the real application.
    pub fn from_args<I, T>(args: I) -> Result<Settings, LoadError>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        let mut args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
        let first = Declared::command().try_get_matches_from(&args).map_err(LoadError::from_clap)?;
        let mut event_tables = Vec::new();
        if let Some(path) = first.get_one::<std::path::PathBuf>("config") {
            let file = layers::read_file(path)?;
            args.extend(layers::file_arguments(path, &file.settings, &first)?.into_iter().map(Into::into));
            event_tables = file.events;
        }
        let matches = Declared::command().try_get_matches_from(&args).map_err(LoadError::from_clap)?;
        let mut declared = Declared::from_arg_matches(&matches).map_err(LoadError::from_clap)?;
        // Toolforge names its shared Redis in TOOL_REDIS_URI; --session-store wins.
        if matches.value_source("session_store") == Some(ValueSource::DefaultValue)
            && let Ok(url) = std::env::var(TOOL_REDIS_VAR)
        {
            declared.session_store = url.parse().map_err(|e| bad(TOOL_REDIS_VAR, e))?;
        }
        // Hosting platforms say where to listen in PORT; --listen wins.
        let port =
            std::env::var(PORT_VAR).ok().filter(|_| matches.value_source("listen") == Some(ValueSource::DefaultValue));
        if let Some(port) = &port {
            let port: u16 = port.trim().parse().map_err(|_| bad(PORT_VAR, "must be a port number, e.g. 8000"))?;
            declared.listen = SocketAddr::from(([0, 0, 0, 0], port));
        }
        let public_url = declared.public_url.clone().unwrap_or_else(|| bound_url(declared.listen));
        let inherited = layers::inherited_page_settings(&matches);
        let mut events: Vec<EventSettings> = Vec::new();
        for (i, table) in event_tables.into_iter().enumerate() {
            let layers::EventTable { slug, page, own_report_token } = layers::event_table(i + 1, table, &inherited)?;
            let named = |key: &str| format!("event {}: {key}", slug.as_str());
            if events.iter().any(|e| e.slug == slug) {
                return Err(bad(&named("slug"), "is the slug of an earlier event too").into());
            }
            if page.report_token.is_some() && !own_report_token {
                return Err(bad(
                    &named("report_token"),
                    "is the portal's, which every event without its own would share: give each [[event]] a \
                     report_token of its own (`wikisignup token` prints one)",
                )
                .into());
            }
            let page =
                PageSettings::checked(page, &public_url, Some(&slug)).map_err(|e| bad(&named(&e.setting), e.reason))?;
            if let Some(twin) =
                events.iter().find(|e| e.page.report_token.is_some() && e.page.report_token == page.report_token)
            {
                return Err(bad(
                    &named("report_token"),
                    format!("is event {}'s too: one token would open both reports; give each its own", twin.slug),
                )
                .into());
            }
            events.push(EventSettings { slug, page });
        }
        // An event made in the console has a report token of its own.
        let defaults = inherited.into_iter().filter(|(key, _)| key != "report_token").collect();
        Ok(Settings {
            events,
            listen_from_port: port.is_some(),
            event_defaults: EventDefaults(defaults),
            ..Settings::checked(declared, &public_url)?
        })
    }

    /// The settings of an event made in the console: `given` (its form's
    /// fields, named as the settings file names them) over the portal's
    /// defaults, checked as an `[[event]]` table is. A bad one is named by
    /// its key alone, as the form's field is.
    pub fn console_event(
        &self,
        slug: &Slug,
        given: &[(String, String)],
        public_url: &PublicUrl,
    ) -> Result<PageSettings, ConfigError> {
        let table: toml::Table =
            given.iter().map(|(key, value)| (key.clone(), toml::Value::String(value.clone()))).collect();
        let unnamed = |e: ConfigError| {
            let prefix = format!("event {}: ", slug.as_str());
            let setting = e.setting.strip_prefix(&prefix).unwrap_or(&e.setting).to_owned();
            ConfigError { setting, reason: e.reason }
        };
        let mut table = table;
        table.insert("slug".into(), toml::Value::String(slug.as_str().to_owned()));
        let event = layers::event_table(0, table, &self.event_defaults.0).map_err(unnamed)?;
        PageSettings::checked(event.page, public_url, Some(slug)).map_err(unnamed)
    }

    /// The portal's settings `declared`, checked together.
    fn checked(declared: Declared, public_url: &PublicUrl) -> Result<Settings, ConfigError> {
        let session_secret = match std::env::var(SESSION_SECRET_VAR) {
            Ok(secret) if !secret.is_empty() => {
                Some(secret.parse().map_err(|e: SettingError| bad(SESSION_SECRET_VAR, e))?)
            }
            _ => None,
        };
        let secrets_key = match std::env::var(SECRETS_KEY_VAR) {
            Ok(key) if !key.is_empty() => Some(key.parse().map_err(|e: SettingError| bad(SECRETS_KEY_VAR, e))?),
            _ => None,
        };
        let wikis = match declared.organizer_wikis.0.is_empty() {
            true => vec![declared.page.wiki_api.clone()],
            false => declared.organizer_wikis.0,
        };
        Ok(Settings {
            console: ConsoleSettings {
                wikis,
                groups: declared.organizer_groups.0,
                organizers: declared.organizers.0,
                secrets_key,
            },
            event_defaults: EventDefaults::default(),
            page: PageSettings::checked(declared.page, public_url, None)?,
            command: declared.command,
            listen: declared.listen,
            listen_from_port: false,
            public_url: declared.public_url,
            session_ttl: Duration::from_secs(declared.session_ttl.0 * 60),
            max_sessions: declared.max_sessions,
            session_memory_bytes: declared.session_memory.0 << 20,
            session_store: declared.session_store,
            redis_prefix: declared.redis_prefix,
            log_json: declared.log_json,
            trusted_proxies: declared.trusted_proxies,
            metrics_listen: declared.metrics_listen,
            database: declared.database,
            wiki_cache_ttl: Duration::from_secs(declared.wiki_cache_ttl.0),
            session_secret,
            events: Vec::new(),
        })
    }

    /// The portal's external base URL: the configured one, or that of the
    /// address it is bound to (`bound`: the real port when `listen` asked
    /// for port 0).
    pub fn public_url(&self, bound: SocketAddr) -> PublicUrl {
        self.public_url.clone().unwrap_or_else(|| bound_url(bound))
    }

    /// Whether any page (the portal's or an event's) may be framed by
    /// other sites.
    pub fn framed_by_other_sites(&self) -> bool {
        std::iter::once(&self.page)
            .chain(self.events.iter().map(|e| &e.page))
            .any(|p| p.frame_ancestors.allows_other_sites())
    }
}

/// The URL of a socket address the portal listens on.
fn bound_url(bound: SocketAddr) -> PublicUrl {
    format!("http://{bound}/").parse().expect("a socket address makes a valid URL")
}

#[cfg(test)]
mod tests;
