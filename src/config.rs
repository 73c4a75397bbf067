//! The settings. Each is declared once, in [`Declared`]: its flag, its
//! environment variable, its key in the TOML file (`--config`), its type,
//! its default and its help. Layered: the command line and environment win
//! over the file, the file over the default. Every value is parsed into its
//! type as it is read; an error names the setting.

use std::error::Error as _;
use std::fmt;
use std::net::{IpAddr, SocketAddr};
use std::num::{NonZeroU32, NonZeroU64};
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches, Parser};
use ipnet::IpNet;
use url::Url;

use crate::look::{AccentColor, Logo, Look};
use crate::signup::{CaptchaService, EventCode, PageTitle, Window};
use crate::signups::{DatabaseUrl, ReportToken};
use crate::wiki::{OrganizerCredentials, WikiApiUrl};

/// Every setting as it is given (command line, environment, file).
#[derive(Debug, Parser)]
#[command(name = "wikisignup", version, about = "A custom sign-up page for a MediaWiki wiki")]
struct Declared {
    /// TOML file with any of the settings below (snake_case keys)
    #[arg(long, env = "WIKISIGNUP_CONFIG")]
    config: Option<PathBuf>,
    /// The wiki's api.php
    #[arg(long, env = "WIKISIGNUP_WIKI_API", default_value = "https://test.wikipedia.org/w/api.php")]
    wiki_api: WikiApiUrl,
    /// Address and port to listen on
    #[arg(long, env = "WIKISIGNUP_LISTEN", default_value = "127.0.0.1:8000")]
    listen: SocketAddr,
    /// The portal's external address (behind a proxy: its https URL) [default: http://LISTEN/]
    #[arg(long, env = "WIKISIGNUP_PUBLIC_URL")]
    public_url: Option<PublicUrl>,
    /// Your e-mail or URL, sent to the wiki in the User-Agent
    #[arg(long, env = "WIKISIGNUP_CONTACT")]
    contact: Option<OneLine>,
    /// Language of the wiki's labels and messages (uselang); content is the wiki's own
    #[arg(long, env = "WIKISIGNUP_LANGUAGE", default_value = "content")]
    language: Language,
    /// Languages offered in a switch on the page, e.g. th,en for a bilingual event [default: none]
    #[arg(long, env = "WIKISIGNUP_LANGUAGES", default_value = "")]
    languages: LanguageList,
    /// Seconds to wait for the wiki
    #[arg(long, env = "WIKISIGNUP_UPSTREAM_TIMEOUT", default_value = "20")]
    upstream_timeout: InRange<1, 300>,
    /// Minutes an idle visitor session lives
    #[arg(long, env = "WIKISIGNUP_SESSION_TTL", default_value = "60")]
    session_ttl: InRange<1, 1440>,
    /// Most visitor sessions held in memory; the least recently used go first
    #[arg(long, env = "WIKISIGNUP_MAX_SESSIONS", default_value = "100000")]
    max_sessions: NonZeroU64,
    /// Megabytes the sessions held in memory may take in all; the least recently used go first
    #[arg(long, env = "WIKISIGNUP_SESSION_MEMORY", default_value = "256")]
    session_memory: InRange<1, 65536>,
    /// Where visitor sessions live: memory, or a redis:// URL shared by several instances
    #[arg(long, env = "WIKISIGNUP_SESSION_STORE", default_value = "memory")]
    session_store: SessionStoreSetting,
    /// Log JSON lines instead of text
    #[arg(long, env = "WIKISIGNUP_LOG_JSON", default_value = "false", action = clap::ArgAction::Set)]
    log_json: bool,
    /// Sign-up submissions one client may make per minute (and six username or password checks for each)
    #[arg(long, env = "WIKISIGNUP_SUBMISSIONS_PER_MINUTE", default_value = "10")]
    submissions_per_minute: NonZeroU32,
    /// Comma-separated addresses or CIDR ranges of reverse proxies whose X-Forwarded-For is believed
    #[arg(long, env = "WIKISIGNUP_TRUSTED_PROXIES", default_value = "")]
    trusted_proxies: TrustedProxies,
    /// Sites that may embed the page in a frame (CSP frame-ancestors), separated by spaces
    #[arg(long, env = "WIKISIGNUP_FRAME_ANCESTORS", default_value = "'self'")]
    frame_ancestors: FrameAncestors,
    /// Address and port for Prometheus /metrics, apart from the public pages (e.g. 127.0.0.1:9100) [default: off]
    #[arg(long, env = "WIKISIGNUP_METRICS_LISTEN")]
    metrics_listen: Option<SocketAddr>,
    /// Most requests to the wiki in flight at once
    #[arg(long, env = "WIKISIGNUP_UPSTREAM_CONCURRENCY", default_value = "64")]
    upstream_concurrency: InRange<1, 10000>,
    /// Script CAPTCHAs whose site key allows this portal's host, shown as widgets: hcaptcha, turnstile [default: none]
    #[arg(long, env = "WIKISIGNUP_CAPTCHA_WIDGETS", default_value = "")]
    captcha_widgets: CaptchaWidgetList,
    /// hCaptcha's script (another for hCaptcha Enterprise's own asset host)
    #[arg(long, env = "WIKISIGNUP_HCAPTCHA_SCRIPT", default_value = "https://js.hcaptcha.com/1/api.js")]
    hcaptcha_script: Url,
    /// Organizer mode: the bot password's NAME@APP (secret in WIKISIGNUP_ORGANIZER_PASSWORD) [default: off]
    #[arg(long, env = "WIKISIGNUP_ORGANIZER_USER")]
    organizer_user: Option<OneLine>,
    /// The reason the wiki logs with each account made in organizer mode [default: names the public URL]
    #[arg(long, env = "WIKISIGNUP_ORGANIZER_REASON")]
    organizer_reason: Option<OneLine>,
    /// In organizer mode, the wiki e-mails each visitor a temporary password instead of asking for one
    #[arg(long, env = "WIKISIGNUP_ORGANIZER_MAIL_PASSWORD", default_value = "false", action = clap::ArgAction::Set)]
    organizer_mail_password: bool,
    /// A word announced at the event that visitors must type to sign up [default: none asked]
    #[arg(long, env = "WIKISIGNUP_EVENT_CODE")]
    event_code: Option<EventCode>,
    /// Most accounts made through this portal, counted in the session store [default: no maximum]
    #[arg(long, env = "WIKISIGNUP_MAX_ACCOUNTS")]
    max_accounts: Option<NonZeroU64>,
    /// When sign-up opens (RFC 3339, e.g. 2026-03-07T09:00:00+01:00) [default: open]
    #[arg(long, env = "WIKISIGNUP_OPENS")]
    opens: Option<Moment>,
    /// When sign-up closes (RFC 3339) [default: never]
    #[arg(long, env = "WIKISIGNUP_CLOSES")]
    closes: Option<Moment>,
    /// Send each visitor's address to the wiki in X-Forwarded-For (for wikis that trust the portal)
    #[arg(long, env = "WIKISIGNUP_FORWARD_CLIENT_IP", default_value = "false", action = clap::ArgAction::Set)]
    forward_client_ip: bool,
    /// The event's name, shown above the form [default: none]
    #[arg(long, env = "WIKISIGNUP_TITLE")]
    title: Option<OneLine>,
    /// A paragraph or two of plain text above the form (blank lines between paragraphs) [default: none]
    #[arg(long, env = "WIKISIGNUP_INTRO")]
    intro: Option<String>,
    /// A PNG, JPEG, GIF, WebP or SVG file (at most 512 KiB) shown above the form [default: none]
    #[arg(long, env = "WIKISIGNUP_LOGO")]
    logo: Option<PathBuf>,
    /// The colour of buttons, links and the header, as #rrggbb; text on it stays readable [default: #3366cc]
    #[arg(long, env = "WIKISIGNUP_ACCENT_COLOR")]
    accent_color: Option<AccentColor>,
    /// Who runs this page, named in every page's footer [default: none]
    #[arg(long, env = "WIKISIGNUP_OPERATOR")]
    operator: Option<OneLine>,
    /// A page about whoever runs this page (https://), linked from the footer [default: none]
    #[arg(long, env = "WIKISIGNUP_OPERATOR_URL")]
    operator_url: Option<Url>,
    /// The privacy notice of this page (https://), linked from the footer [default: none]
    #[arg(long, env = "WIKISIGNUP_PRIVACY_URL")]
    privacy_url: Option<Url>,
    /// The wiki page visitors go to after logging in, when the link names none (?returnto=) [default: none]
    #[arg(long, env = "WIKISIGNUP_RETURNTO")]
    returnto: Option<PageTitle>,
    /// Where the events' sign-ups are recorded: sqlite://PATH or postgres://...
    #[arg(long, env = "WIKISIGNUP_DATABASE", default_value = "sqlite://wikisignup.db")]
    database: DatabaseUrl,
    /// The secret of an event's report link (/e/SLUG/report?token=...), 32 characters or more [default: no report]
    #[arg(long, env = "WIKISIGNUP_REPORT_TOKEN")]
    report_token: Option<ReportToken>,
}

/// The settings, parsed and checked.
#[derive(Debug, Clone)]
pub struct Settings {
    pub wiki_api: WikiApiUrl,
    pub listen: SocketAddr,
    /// Given by the operator; without it, derived from the address the
    /// portal is bound to (see [`Settings::public_url`]).
    pub public_url: Option<PublicUrl>,
    pub contact: Option<OneLine>,
    pub language: Language,
    /// The languages of the page's language switch, as the wiki codes them.
    pub languages: Vec<String>,
    pub upstream_timeout: Duration,
    pub session_ttl: Duration,
    pub max_sessions: NonZeroU64,
    /// The bytes sessions held in memory may take in all.
    pub session_memory_bytes: u64,
    pub session_store: SessionStoreSetting,
    pub log_json: bool,
    pub submissions_per_minute: NonZeroU32,
    pub trusted_proxies: TrustedProxies,
    pub frame_ancestors: FrameAncestors,
    pub upstream_concurrency: usize,
    /// Where `/metrics` is served, if anywhere: never on the public listener.
    pub metrics_listen: Option<SocketAddr>,
    /// Organizer mode: sign-ups made by an event coordinator's account.
    pub organizer: Option<OrganizerSettings>,
    pub captcha_widgets: CaptchaWidgetSettings,
    pub event_code: Option<EventCode>,
    pub max_accounts: Option<NonZeroU64>,
    pub window: Window,
    pub forward_client_ip: bool,
    /// The page's look and who runs it.
    pub look: Look,
    pub database: DatabaseUrl,
    /// The wiki page to go to after logging in, unless the link names one.
    pub returnto: Option<PageTitle>,
    /// An event's report is shown to whoever has this.
    pub report_token: Option<ReportToken>,
    /// The events of the settings file (`[[event]]`), each with its own page
    /// under `/e/SLUG/`.
    pub events: Vec<EventSettings>,
    /// Signs and encrypts the session cookie; from the environment only
    /// (`WIKISIGNUP_SESSION_SECRET`), so it stays out of files and process
    /// listings.
    pub session_secret: Option<SessionSecret>,
}

/// A setting that could not be read, named as the file names it.
#[derive(Debug, thiserror::Error)]
#[error("invalid setting {setting}: {reason}")]
pub struct ConfigError {
    pub setting: String,
    pub reason: String,
}

fn bad(setting: &str, reason: impl ToString) -> ConfigError {
    ConfigError { setting: setting.to_owned(), reason: reason.to_string() }
}

/// The environment variable that holds the session secret.
const SESSION_SECRET_VAR: &str = "WIKISIGNUP_SESSION_SECRET";
/// The environment variables that hold the organiser's secrets: never
/// options, which every user of the machine could read.
const ORGANIZER_PASSWORD_VAR: &str = "WIKISIGNUP_ORGANIZER_PASSWORD";
const ORGANIZER_OAUTH_TOKEN_VAR: &str = "WIKISIGNUP_ORGANIZER_OAUTH_TOKEN";

/// Organizer mode: whose account makes the sign-ups, and how.
#[derive(Debug, Clone)]
pub struct OrganizerSettings {
    pub credentials: OrganizerCredentials,
    /// The reason in the wiki's log; by default one naming the public URL.
    pub reason: Option<String>,
    pub mail_password: bool,
}

/// The organiser's credentials from the environment, if organizer mode is
/// asked for: a bot password for `user`, or an OAuth token.
/// `secret` reads an environment variable.
fn organizer(
    declared: &Declared,
    secret: impl Fn(&str) -> Option<String>,
) -> Result<Option<OrganizerSettings>, ConfigError> {
    let credentials =
        match (&declared.organizer_user, secret(ORGANIZER_PASSWORD_VAR), secret(ORGANIZER_OAUTH_TOKEN_VAR)) {
            (_, _, Some(token)) => OrganizerCredentials::OAuth { token },
            (Some(user), Some(password), None) => {
                if !user.0.contains('@') {
                    return Err(bad(
                        "organizer_user",
                        "must be a bot password's NAME@APP, as Special:BotPasswords shows it",
                    ));
                }
                OrganizerCredentials::BotPassword { user: user.0.clone(), password }
            }
            (Some(_), None, None) => {
                return Err(bad("organizer_user", format!("needs its bot password in {ORGANIZER_PASSWORD_VAR}")));
            }
            (None, Some(_), None) => {
                return Err(bad(ORGANIZER_PASSWORD_VAR, "is set but --organizer-user (NAME@APP) is not"));
            }
            (None, None, None) => return Ok(None),
        };
    if declared.event_code.is_none() && declared.max_accounts.is_none() {
        return Err(bad(
            "organizer_user",
            "organizer mode needs --event-code or --max-accounts: the wiki's CAPTCHA and per-address limit no longer \
             stand between the page and the wiki, so one of these must",
        ));
    }
    Ok(Some(OrganizerSettings {
        credentials,
        reason: declared.organizer_reason.as_ref().map(|r| r.0.clone()),
        mail_password: declared.organizer_mail_password,
    }))
}

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
        if let Some(path) = first.get_one::<PathBuf>("config") {
            // What the file says is read as if given on the command line,
            // for each setting the command line and environment left at
            // its default: one parser, one set of types and errors.
            let file = read_file(path)?;
            args.extend(file_arguments(path, &file.settings, &first)?.into_iter().map(Into::into));
            event_tables = file.events;
        }
        let matches = Declared::command().try_get_matches_from(&args).map_err(LoadError::from_clap)?;
        let declared = Declared::from_arg_matches(&matches).map_err(LoadError::from_clap)?;
        let mut settings = Settings::checked(declared)?;
        settings.events = events(&matches, event_tables)?;
        Ok(settings)
    }

    /// The settings `declared`, checked together.
    fn checked(declared: Declared) -> Result<Settings, ConfigError> {
        let session_secret = match std::env::var(SESSION_SECRET_VAR) {
            Ok(secret) if !secret.is_empty() => {
                Some(secret.parse().map_err(|e: SettingError| bad(SESSION_SECRET_VAR, e))?)
            }
            _ => None,
        };
        if declared.frame_ancestors.allows_other_sites() {
            let public_url = declared.public_url.clone().unwrap_or_else(|| bound_url(declared.listen));
            if !public_url.keeps_secure_cookies() {
                return Err(bad(
                    "frame_ancestors",
                    "framing by other sites needs an https:// public_url: browsers keep the session cookie in a \
                     cross-site frame only when it is Secure (http:// works on loopback addresses only)",
                ));
            }
        }
        if let (Some(opens), Some(closes)) = (&declared.opens, &declared.closes)
            && opens.0 >= closes.0
        {
            return Err(bad("closes", "must be later than --opens"));
        }
        let organizer = organizer(&declared, |var| std::env::var(var).ok().filter(|v| !v.is_empty()))?;
        let look = look(&declared)?;
        if declared.hcaptcha_script.scheme() != "https" && !is_loopback(&declared.hcaptcha_script) {
            return Err(bad("hcaptcha_script", "must be an https:// URL"));
        }
        Ok(Settings {
            organizer,
            captcha_widgets: CaptchaWidgetSettings {
                enabled: declared.captcha_widgets.0,
                hcaptcha_script: declared.hcaptcha_script,
            },
            event_code: declared.event_code,
            max_accounts: declared.max_accounts,
            window: Window { opens: declared.opens.map(|m| m.0), closes: declared.closes.map(|m| m.0) },
            forward_client_ip: declared.forward_client_ip,
            wiki_api: declared.wiki_api,
            listen: declared.listen,
            public_url: declared.public_url,
            contact: declared.contact,
            language: declared.language,
            languages: declared.languages.0.into_iter().map(|l| l.0.to_lowercase()).collect(),
            upstream_timeout: Duration::from_secs(declared.upstream_timeout.0),
            session_ttl: Duration::from_secs(declared.session_ttl.0 * 60),
            max_sessions: declared.max_sessions,
            session_memory_bytes: declared.session_memory.0 << 20,
            session_store: declared.session_store,
            log_json: declared.log_json,
            submissions_per_minute: declared.submissions_per_minute,
            trusted_proxies: declared.trusted_proxies,
            frame_ancestors: declared.frame_ancestors,
            upstream_concurrency: declared.upstream_concurrency.0 as usize,
            metrics_listen: declared.metrics_listen,
            look,
            database: declared.database,
            returnto: declared.returnto,
            report_token: declared.report_token,
            session_secret,
            events: Vec::new(),
        })
    }

    /// A descriptive User-Agent with a way to reach the operator, as
    /// Wikimedia's User-Agent policy asks.
    pub fn user_agent(&self, public_url: &PublicUrl) -> String {
        let contact = self.contact.as_ref().map_or("contact not configured", |c| c.0.as_str());
        format!("wikisignup/{} ({}; {}) reqwest", env!("CARGO_PKG_VERSION"), public_url.as_str(), contact)
    }

    /// The portal's external base URL: the configured one, or that of the
    /// address it is bound to (`bound`: the real port when `listen` asked
    /// for port 0).
    pub fn public_url(&self, bound: SocketAddr) -> PublicUrl {
        self.public_url.clone().unwrap_or_else(|| bound_url(bound))
    }
}

/// The URL of a socket address the portal listens on.
fn bound_url(bound: SocketAddr) -> PublicUrl {
    format!("http://{bound}/").parse().expect("a socket address makes a valid URL")
}

/// Why settings could not be loaded: a bad setting, or a request for help
/// or the version, which is no error.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error(transparent)]
    Invalid(#[from] ConfigError),
    #[error("{0}")]
    Informational(clap::Error),
}

impl LoadError {
    fn from_clap(e: clap::Error) -> LoadError {
        if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
            return LoadError::Informational(e);
        }
        // "--listen <LISTEN>" names the setting `listen`.
        let setting = match e.get(ContextKind::InvalidArg) {
            Some(ContextValue::String(arg)) => {
                arg.trim_start_matches('-').split([' ', '=']).next().unwrap_or_default().replace('-', "_")
            }
            _ => "command line".to_owned(),
        };
        let reason = match e.get(ContextKind::InvalidValue) {
            Some(ContextValue::String(value)) => {
                let why = e.source().map(|s| s.to_string()).unwrap_or_default();
                format!("{value:?}: {why}")
            }
            _ => e.to_string().lines().next().unwrap_or_default().trim_start_matches("error: ").to_owned(),
        };
        LoadError::Invalid(bad(&setting, reason))
    }

    /// The bad setting, or, for `--help` and `--version`, the text printed
    /// and a successful exit.
    fn or_exit(self) -> ConfigError {
        match self {
            LoadError::Invalid(e) => e,
            LoadError::Informational(e) => e.exit(),
        }
    }

    /// The bad setting (tests).
    pub fn setting(&self) -> &str {
        match self {
            LoadError::Invalid(e) => &e.setting,
            LoadError::Informational(_) => "",
        }
    }
}

/// A settings file: its top-level settings and its `[[event]]` tables.
struct SettingsFile {
    settings: toml::Table,
    events: Vec<toml::Table>,
}

fn read_file(path: &PathBuf) -> Result<SettingsFile, ConfigError> {
    let text =
        std::fs::read_to_string(path).map_err(|e| bad("config", format!("cannot read {}: {e}", path.display())))?;
    let mut settings: toml::Table =
        text.parse().map_err(|e: toml::de::Error| bad("config", format!("{}: {}", path.display(), e.message())))?;
    let events = match settings.remove("event") {
        None => Vec::new(),
        Some(toml::Value::Array(tables)) => tables
            .into_iter()
            .map(|t| match t {
                toml::Value::Table(table) => Ok(table),
                _ => Err(bad("event", "must be [[event]] tables")),
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(bad("event", "must be [[event]] tables")),
    };
    Ok(SettingsFile { settings, events })
}

/// A setting's value in a file, as the command line would give it.
fn file_value(key: &str, value: &toml::Value, path: &std::path::Path) -> Result<String, ConfigError> {
    match value {
        toml::Value::String(s) => Ok(s.clone()),
        toml::Value::Integer(i) => Ok(i.to_string()),
        toml::Value::Boolean(b) => Ok(b.to_string()),
        _ => Err(bad(key, format!("must be a string, a number or true/false (in {})", path.display()))),
    }
}

/// The file's settings as arguments, for each setting that the command line
/// and environment left at its default.
fn file_arguments(
    path: &std::path::Path,
    table: &toml::Table,
    given: &clap::ArgMatches,
) -> Result<Vec<String>, ConfigError> {
    let command = Declared::command();
    let mut args = Vec::new();
    for (key, value) in table {
        if key == "config" || !command.get_arguments().any(|a| a.get_id() == key.as_str()) {
            return Err(bad(key, format!("no such setting (in {})", path.display())));
        }
        if !matches!(given.value_source(key), None | Some(ValueSource::DefaultValue)) {
            continue;
        }
        args.push(format!("--{}={}", key.replace('_', "-"), file_value(key, value, path)?));
    }
    Ok(args)
}

/// An event of the settings file: its own page at `/e/SLUG/`, with the
/// portal's settings and those its table gives.
#[derive(Debug, Clone)]
pub struct EventSettings {
    pub slug: Slug,
    pub settings: Settings,
}

/// The settings an `[[event]]` table may give: those of one sign-up page.
/// The others (where to listen, the session store...) are the portal's.
const PER_EVENT: [&str; 27] = [
    "report_token",
    "returnto",
    "wiki_api",
    "language",
    "languages",
    "frame_ancestors",
    "captcha_widgets",
    "hcaptcha_script",
    "organizer_user",
    "organizer_reason",
    "organizer_mail_password",
    "event_code",
    "max_accounts",
    "opens",
    "closes",
    "forward_client_ip",
    "title",
    "intro",
    "logo",
    "accent_color",
    "operator",
    "operator_url",
    "privacy_url",
    "contact",
    "submissions_per_minute",
    "upstream_timeout",
    "upstream_concurrency",
];

/// Each `[[event]]` table's settings: the portal's (`portal`: as given on
/// the command line, in the environment and in the file), with what the
/// table says instead. A bad one is named by its event and key.
fn events(portal: &clap::ArgMatches, tables: Vec<toml::Table>) -> Result<Vec<EventSettings>, ConfigError> {
    let mut events: Vec<EventSettings> = Vec::new();
    for (i, mut table) in tables.into_iter().enumerate() {
        let slug = match table.remove("slug") {
            Some(toml::Value::String(s)) => s.parse::<Slug>().map_err(|e| bad(&format!("event {}: slug", i + 1), e))?,
            _ => return Err(bad(&format!("event {}: slug", i + 1), "is missing: each event needs a slug")),
        };
        let named = |key: &str| format!("event {}: {key}", slug.as_str());
        if events.iter().any(|e| e.slug == slug) {
            return Err(bad(&named("slug"), "is the slug of an earlier event too"));
        }
        let path = std::path::Path::new("the settings file");
        let mut given: Vec<(String, String)> = Vec::new();
        let arguments: Vec<String> = Declared::command().get_arguments().map(|a| a.get_id().to_string()).collect();
        for id in arguments {
            if id == "config" || portal.value_source(&id) != Some(ValueSource::CommandLine) || table.contains_key(&id) {
                continue;
            }
            for raw in portal.get_raw(&id).into_iter().flatten() {
                given.push((id.clone(), raw.to_string_lossy().into_owned()));
            }
        }
        for (key, value) in &table {
            if !PER_EVENT.contains(&key.as_str()) {
                let known = Declared::command().get_arguments().any(|a| a.get_id() == key.as_str());
                let why = if known { "is the portal's, not an event's" } else { "is no setting of an event" };
                return Err(bad(&named(key), why));
            }
            given.push((key.clone(), file_value(key, value, path).map_err(|e| bad(&named(key), e.reason))?));
        }
        let args = std::iter::once("wikisignup".to_owned())
            .chain(given.iter().map(|(key, value)| format!("--{}={value}", key.replace('_', "-"))));
        let matches = Declared::command().try_get_matches_from(args).map_err(|e| match LoadError::from_clap(e) {
            LoadError::Invalid(e) => bad(&named(&e.setting), e.reason),
            LoadError::Informational(e) => bad(&named("?"), e),
        })?;
        let declared = Declared::from_arg_matches(&matches).map_err(|e| bad(&named("?"), e))?;
        let settings = Settings::checked(declared).map_err(|e| bad(&named(&e.setting), e.reason))?;
        events.push(EventSettings { slug, settings });
    }
    Ok(events)
}

/// An event's name in its pages' addresses (`/e/SLUG/`): lowercase letters,
/// digits and hyphens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slug(String);

impl FromStr for Slug {
    type Err = SettingError;

    fn from_str(s: &str) -> Result<Slug, SettingError> {
        let fine = (1..=40).contains(&s.len())
            && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !s.starts_with('-');
        if fine { Ok(Slug(s.to_owned())) } else { Err(SettingError::NotASlug) }
    }
}

impl Slug {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Why a value is not a valid setting.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingError {
    #[error("must be between {0} and {1}")]
    OutOfRange(u64, u64),
    #[error("must be a whole number")]
    NotANumber,
    #[error("must be an absolute http:// or https:// URL without a query string or fragment")]
    NotABaseUrl,
    #[error("must be a language code such as en, de or pt-br")]
    NotALanguage,
    #[error("must be one line, not empty")]
    NotOneLine,
    #[error("must be memory or a redis:// URL")]
    NotAStore,
    #[error("must be a time as RFC 3339 writes it, e.g. 2026-03-07T09:00:00+01:00")]
    NotATime,
    #[error("{0:?} is not a CAPTCHA service the portal can show: hcaptcha or turnstile")]
    NotACaptchaService(String),
    #[error("{0:?} is not an IP address or CIDR range (such as 10.0.0.0/8)")]
    NotAnAddress(String),
    #[error("must be CSP sources separated by spaces, e.g. 'self' https://event.example")]
    NotFrameSources,
    #[error("must be at least 32 bytes long")]
    TooShort,
    #[error("must be 1 to 40 lowercase letters, digits and hyphens, e.g. bangkok-2026")]
    NotASlug,
}

/// A whole number from `MIN` to `MAX`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InRange<const MIN: u64, const MAX: u64>(pub u64);

impl<const MIN: u64, const MAX: u64> FromStr for InRange<MIN, MAX> {
    type Err = SettingError;

    fn from_str(s: &str) -> Result<Self, SettingError> {
        let n: u64 = s.trim().parse().map_err(|_| SettingError::NotANumber)?;
        if (MIN..=MAX).contains(&n) { Ok(InRange(n)) } else { Err(SettingError::OutOfRange(MIN, MAX)) }
    }
}

/// The portal's own external base URL (scheme, host, optional path), ending
/// in `/`. The wiki sends browsers back to routes under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl(Url);

impl FromStr for PublicUrl {
    type Err = SettingError;

    fn from_str(raw: &str) -> Result<PublicUrl, SettingError> {
        let mut url = Url::parse(raw).map_err(|_| SettingError::NotABaseUrl)?;
        let is_base = matches!(url.scheme(), "http" | "https") && url.host().is_some();
        if !is_base || url.query().is_some() || url.fragment().is_some() {
            return Err(SettingError::NotABaseUrl);
        }
        if !url.path().ends_with('/') {
            let path = format!("{}/", url.path());
            url.set_path(&path);
        }
        Ok(PublicUrl(url))
    }
}

impl PublicUrl {
    /// A route of the portal, e.g. `return`.
    pub fn route(&self, route: &str) -> Url {
        self.0.join(route).expect("a relative route joins onto a base URL")
    }

    /// The portal's origin as browsers send it in `Origin`.
    pub fn origin(&self) -> String {
        self.0.origin().ascii_serialization()
    }

    pub fn is_https(&self) -> bool {
        self.0.scheme() == "https"
    }

    /// Whether browsers keep `Secure` cookies of this address: https, or
    /// http on a loopback address (a secure context for browsers).
    pub fn keeps_secure_cookies(&self) -> bool {
        let loopback = match self.0.host() {
            Some(url::Host::Domain(name)) => name == "localhost" || name.ends_with(".localhost"),
            Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
            Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
            None => false,
        };
        self.is_https() || loopback
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

/// A language code for `uselang`, or `content` (the wiki's own language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language(String);

impl FromStr for Language {
    type Err = SettingError;

    fn from_str(s: &str) -> Result<Language, SettingError> {
        let is_code = |c: char| c.is_ascii_alphanumeric() || c == '-';
        if s.is_empty() || s.len() > 35 || !s.chars().all(is_code) {
            return Err(SettingError::NotALanguage);
        }
        Ok(Language(s.to_owned()))
    }
}

impl Language {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A setting that lists values separated by commas, each read by `item`;
/// spaces around them and empty entries are ignored.
fn comma_separated<T>(s: &str, item: impl Fn(&str) -> Result<T, SettingError>) -> Result<Vec<T>, SettingError> {
    s.split(',').map(str::trim).filter(|v| !v.is_empty()).map(item).collect()
}

/// Language codes separated by commas.
#[derive(Debug, Clone)]
struct LanguageList(Vec<Language>);

impl FromStr for LanguageList {
    type Err = SettingError;

    fn from_str(s: &str) -> Result<Self, SettingError> {
        comma_separated(s, str::parse).map(LanguageList)
    }
}

/// One line of text, not empty: the operator's contact, the organiser's account or reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OneLine(String);

impl FromStr for OneLine {
    type Err = SettingError;

    fn from_str(s: &str) -> Result<OneLine, SettingError> {
        if s.trim().is_empty() || s.chars().any(char::is_control) {
            return Err(SettingError::NotOneLine);
        }
        Ok(OneLine(s.trim().to_owned()))
    }
}

/// Where visitor sessions live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionStoreSetting {
    /// In this process: bounded, expiring; sessions end with the process.
    Memory,
    /// A Redis server shared by several instances.
    Redis(String),
}

impl FromStr for SessionStoreSetting {
    type Err = SettingError;

    fn from_str(s: &str) -> Result<Self, SettingError> {
        match s {
            "memory" => Ok(SessionStoreSetting::Memory),
            url if url.starts_with("redis://") && Url::parse(url).is_ok() => Ok(SessionStoreSetting::Redis(url.into())),
            _ => Err(SettingError::NotAStore),
        }
    }
}

/// Reverse proxies whose `X-Forwarded-For` is believed.
/// Reverse proxies whose `X-Forwarded-For` is believed: addresses or CIDR
/// ranges.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// Whether `ip` is one of the proxies (`::ffff:a.b.c.d` is `a.b.c.d`).
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = ip.to_canonical();
        self.0.iter().any(|net| net.contains(&ip))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromStr for TrustedProxies {
    type Err = SettingError;

    /// Addresses or ranges, as MediaWiki's `$wgCdnServersNoPurge` takes them.
    fn from_str(s: &str) -> Result<Self, SettingError> {
        let proxy = |p: &str| {
            p.parse::<IpNet>()
                .map(|net| net.trunc())
                .or_else(|_| p.parse::<IpAddr>().map(|ip| IpNet::from(ip.to_canonical())))
                .map_err(|_| SettingError::NotAnAddress(p.to_owned()))
        };
        comma_separated(s, proxy).map(TrustedProxies)
    }
}

/// Which script CAPTCHAs are shown as widgets, and where hCaptcha's script is.
#[derive(Debug, Clone)]
pub struct CaptchaWidgetSettings {
    pub enabled: Vec<CaptchaService>,
    pub hcaptcha_script: Url,
}

#[derive(Debug, Clone)]
struct CaptchaWidgetList(Vec<CaptchaService>);

impl FromStr for CaptchaWidgetList {
    type Err = SettingError;

    fn from_str(s: &str) -> Result<Self, SettingError> {
        let service =
            |n: &str| CaptchaService::from_name(n).ok_or_else(|| SettingError::NotACaptchaService(n.to_owned()));
        comma_separated(s, service).map(CaptchaWidgetList)
    }
}

/// The page's look and who runs it, checked: the logo read, links https.
fn look(declared: &Declared) -> Result<Look, ConfigError> {
    let logo = match &declared.logo {
        Some(path) => Some(Logo::read(path).map_err(|e| bad("logo", e))?),
        None => None,
    };
    for (setting, url) in [("operator_url", &declared.operator_url), ("privacy_url", &declared.privacy_url)] {
        if let Some(url) = url
            && url.scheme() != "https"
            && !is_loopback(url)
        {
            return Err(bad(setting, "must be an https:// URL"));
        }
    }
    let intro = declared.intro.as_deref().map(Look::paragraphs).unwrap_or_default();
    if intro.iter().map(String::len).sum::<usize>() > 2000 {
        return Err(bad("intro", "is longer than 2000 characters: a paragraph or two, please"));
    }
    Ok(Look {
        title: declared.title.as_ref().map(|t| t.0.clone()),
        intro,
        logo,
        accent: declared.accent_color,
        operator: declared.operator.as_ref().map(|o| o.0.clone()),
        operator_url: declared.operator_url.clone(),
        privacy_url: declared.privacy_url.clone(),
    })
}

/// An http:// URL to the machine itself (tests, a local stand-in).
fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(name)) => name == "localhost",
        None => false,
    }
}

/// A point in time, written as RFC 3339 (`2026-03-07T09:00:00+01:00`).
#[derive(Debug, Clone, Copy)]
struct Moment(time::OffsetDateTime);

impl FromStr for Moment {
    type Err = SettingError;

    fn from_str(s: &str) -> Result<Self, SettingError> {
        time::OffsetDateTime::parse(s.trim(), &time::format_description::well_known::Rfc3339)
            .map(Moment)
            .map_err(|_| SettingError::NotATime)
    }
}

/// CSP `frame-ancestors` sources, normalised to single spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameAncestors(String);

impl FromStr for FrameAncestors {
    type Err = SettingError;

    fn from_str(s: &str) -> Result<Self, SettingError> {
        let source_ok = |s: &str| s.chars().all(|c| c.is_ascii_graphic() && c != ';' && c != ',');
        let sources: Vec<&str> = s.split_whitespace().collect();
        if sources.is_empty() || !sources.iter().all(|s| source_ok(s)) {
            return Err(SettingError::NotFrameSources);
        }
        Ok(FrameAncestors(sources.join(" ")))
    }
}

impl FrameAncestors {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether pages of other sites may frame the portal: any source but
    /// `'self'` and `'none'`. The session cookie must then live in a
    /// cross-site frame (`SameSite=None; Secure; Partitioned`).
    pub fn allows_other_sites(&self) -> bool {
        self.0.split(' ').any(|source| source != "'self'" && source != "'none'")
    }
}

/// The session secret: at least 32 bytes, never printed.
#[derive(Clone)]
pub struct SessionSecret(String);

impl FromStr for SessionSecret {
    type Err = SettingError;

    fn from_str(s: &str) -> Result<Self, SettingError> {
        if s.len() < 32 { Err(SettingError::TooShort) } else { Ok(SessionSecret(s.to_owned())) }
    }
}

impl SessionSecret {
    pub fn expose(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

impl fmt::Debug for SessionSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SessionSecret(redacted)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(args: &[&str]) -> Result<Settings, LoadError> {
        Settings::from_args(std::iter::once("wikisignup").chain(args.iter().copied()))
    }

    #[test]
    fn defaults_point_at_test_wikipedia() {
        let s = settings(&[]).unwrap();
        assert_eq!(s.wiki_api.to_string(), "https://test.wikipedia.org/w/api.php");
        assert_eq!(s.listen.to_string(), "127.0.0.1:8000");
        let public_url = s.public_url(s.listen);
        assert_eq!(public_url.as_str(), "http://127.0.0.1:8000/");
        assert_eq!(public_url.route("return").as_str(), "http://127.0.0.1:8000/return");
        assert_eq!(s.upstream_timeout, Duration::from_secs(20));
        assert_eq!(s.session_ttl, Duration::from_secs(3600));
        assert!(!s.log_json);
        assert!(s.trusted_proxies.is_empty());
    }

    #[test]
    fn a_bad_setting_is_named() {
        let err = settings(&["--wiki-api", "ftp://wiki/api.php"]).unwrap_err();
        assert_eq!(err.setting(), "wiki_api");
        assert!(err.to_string().starts_with("invalid setting wiki_api:"), "{err}");
        assert_eq!(settings(&["--listen", "nowhere"]).unwrap_err().setting(), "listen");
        assert_eq!(settings(&["--public-url", "signup.example"]).unwrap_err().setting(), "public_url");
        assert_eq!(settings(&["--language", "en;drop"]).unwrap_err().setting(), "language");
        let err = settings(&["--upstream-timeout", "0"]).unwrap_err();
        assert_eq!(err.setting(), "upstream_timeout");
        assert!(err.to_string().contains("must be between 1 and 300"), "{err}");
        assert_eq!(settings(&["--log-json", "maybe"]).unwrap_err().setting(), "log_json");
    }

    #[test]
    fn the_pages_look_is_checked_and_named() {
        let logo = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/logo.png");
        let s = settings(&["--title", "Edit-a-thon", "--logo", logo, "--accent-color", "#900", "--operator", "WMTH"])
            .unwrap();
        assert_eq!(s.look.title.as_deref(), Some("Edit-a-thon"));
        assert_eq!(s.look.logo.as_ref().unwrap().content_type, "image/png");
        assert_eq!(s.look.accent.unwrap().to_string(), "#990000");
        assert_eq!(settings(&["--accent-color", "crimson"]).unwrap_err().setting(), "accent_color");
        let missing = settings(&["--logo", "/nonexistent/logo.png"]).unwrap_err();
        assert_eq!(missing.setting(), "logo");
        assert!(missing.to_string().contains("cannot read /nonexistent/logo.png"), "{missing}");
        let readme = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
        assert!(settings(&["--logo", readme]).unwrap_err().to_string().contains("not a PNG"));
        assert_eq!(settings(&["--privacy-url", "http://example.org/p"]).unwrap_err().setting(), "privacy_url");
        assert_eq!(settings(&["--operator-url", "not a url"]).unwrap_err().setting(), "operator_url");
        assert_eq!(settings(&["--intro", &"word ".repeat(500)]).unwrap_err().setting(), "intro");
    }

    fn with_file(name: &str, text: &str, args: &[&str]) -> Result<Settings, LoadError> {
        let file = std::env::temp_dir().join(format!("wikisignup-{name}-{}.toml", std::process::id()));
        std::fs::write(&file, text).unwrap();
        let mut all = vec!["--config", file.to_str().unwrap()];
        all.extend(args);
        let loaded = settings(&all);
        std::fs::remove_file(file).unwrap();
        loaded
    }

    #[test]
    fn events_take_the_portals_settings_with_their_own_instead() {
        let text = r##"
            operator = "Wikimedia Thailand"
            event_code = "portal"
            [[event]]
            slug = "bangkok-2026"
            title = "Bangkok Edit-a-thon"
            wiki_api = "http://127.0.0.1:9/api.php"
            language = "th"
            [[event]]
            slug = "commons-walk"
            max_accounts = 40
            accent_color = "#006699"
        "##;
        let s = with_file("events", text, &["--wiki-api", "http://127.0.0.1:8/api.php"]).unwrap();
        assert_eq!(s.events.len(), 2);
        let (bangkok, walk) = (&s.events[0].settings, &s.events[1].settings);
        assert_eq!(s.events[0].slug.as_str(), "bangkok-2026");
        // Its own wiki, though the command line named another for the portal.
        assert_eq!(bangkok.wiki_api.to_string(), "http://127.0.0.1:9/api.php");
        assert_eq!(walk.wiki_api.to_string(), "http://127.0.0.1:8/api.php");
        assert_eq!((bangkok.language.as_str(), bangkok.look.title.as_deref()), ("th", Some("Bangkok Edit-a-thon")));
        assert_eq!(walk.max_accounts.map(|m| m.get()), Some(40));
        assert!(walk.event_code.is_some() && walk.look.operator.as_deref() == Some("Wikimedia Thailand"));
        assert!(s.look.title.is_none() && s.max_accounts.is_none(), "the portal's own page keeps its settings");
    }

    #[test]
    fn a_bad_event_is_named_with_its_key() {
        let event = |body: &str| format!("[[event]]\nslug = \"one\"\n{body}\n");
        let err = |text: &str| with_file("bad-event", text, &[]).unwrap_err().to_string();
        assert_eq!(
            err(&event("accent_color = \"red\"")),
            "invalid setting event one: accent_color: \"red\": must be a colour written #rgb or #rrggbb, e.g. #990000"
        );
        assert!(err(&event("colour = \"#900\"")).contains("event one: colour: is no setting of an event"));
        assert!(err(&event("listen = \"0.0.0.0:80\"")).contains("event one: listen: is the portal's"));
        assert!(err(&event("logo = \"/nonexistent.png\"")).contains("event one: logo: cannot read"));
        let twice = format!("{}{}", event(""), event(""));
        assert!(err(&twice).contains("event one: slug: is the slug of an earlier event too"), "{}", err(&twice));
        assert!(err("[[event]]\ntitle = \"x\"\n").contains("event 1: slug: is missing"));
        assert!(err("[[event]]\nslug = \"Big Event\"\n").contains("event 1: slug: must be 1 to 40 lowercase"));
    }

    #[test]
    fn help_and_version_are_not_errors() {
        assert!(matches!(settings(&["--help"]), Err(LoadError::Informational(_))));
        assert!(matches!(settings(&["--version"]), Err(LoadError::Informational(_))));
    }

    #[test]
    fn the_file_is_read_and_the_command_line_wins() {
        let dir = std::env::temp_dir().join(format!("wikisignup-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("settings.toml");
        std::fs::write(&file, "wiki_api = \"http://127.0.0.1:9/api.php\"\ncontact = \"ops@example.org\"\n").unwrap();
        let path = file.to_str().unwrap();
        let s = settings(&["--config", path]).unwrap();
        assert_eq!(s.wiki_api.to_string(), "http://127.0.0.1:9/api.php");
        assert!(s.user_agent(&s.public_url(s.listen)).contains("ops@example.org"));
        let s = settings(&["--config", path, "--wiki-api", "http://127.0.0.1:10/w/api.php"]).unwrap();
        assert_eq!(s.wiki_api.to_string(), "http://127.0.0.1:10/w/api.php");

        std::fs::write(&file, "wiki = 1\n").unwrap();
        assert_eq!(settings(&["--config", path]).unwrap_err().setting(), "wiki");
        std::fs::write(&file, "session_ttl = 0\n").unwrap();
        assert_eq!(settings(&["--config", path]).unwrap_err().setting(), "session_ttl");
        std::fs::write(&file, "listen = [1]\n").unwrap();
        assert_eq!(settings(&["--config", path]).unwrap_err().setting(), "listen");
        std::fs::write(&file, "listen = \n").unwrap();
        assert_eq!(settings(&["--config", path]).unwrap_err().setting(), "config");
    }

    #[test]
    fn public_url_follows_the_bound_port_unless_given() {
        let bound: SocketAddr = "127.0.0.1:41234".parse().unwrap();
        let derived = settings(&["--listen", "127.0.0.1:0"]).unwrap();
        assert_eq!(derived.public_url(bound).as_str(), "http://127.0.0.1:41234/");
        let given = settings(&["--listen", "127.0.0.1:0", "--public-url", "https://signup.example/"]).unwrap();
        assert_eq!(given.public_url(bound).as_str(), "https://signup.example/");
    }

    #[test]
    fn hardening_settings_are_checked() {
        let s = settings(&[
            "--trusted-proxies",
            "10.0.0.1, ::1, 172.16.0.0/12, 2001:db8::/32",
            "--frame-ancestors",
            "'self'  https://event.example",
        ])
        .unwrap();
        for proxy in ["10.0.0.1", "::1", "::ffff:10.0.0.1", "172.31.255.254", "2001:db8:ffff::1"] {
            assert!(s.trusted_proxies.contains(proxy.parse().unwrap()), "{proxy}");
        }
        for client in ["10.0.0.2", "172.32.0.1", "2001:db9::1", "::2"] {
            assert!(!s.trusted_proxies.contains(client.parse().unwrap()), "{client}");
        }
        assert_eq!(settings(&["--trusted-proxies", "10.0.0.0/33"]).unwrap_err().setting(), "trusted_proxies");
        assert_eq!(s.frame_ancestors.as_str(), "'self' https://event.example");
        assert_eq!(settings(&["--trusted-proxies", "proxy.local"]).unwrap_err().setting(), "trusted_proxies");
        assert_eq!(settings(&["--frame-ancestors", "'self'; script-src *"]).unwrap_err().setting(), "frame_ancestors");
        assert_eq!(settings(&["--submissions-per-minute", "0"]).unwrap_err().setting(), "submissions_per_minute");
    }

    #[test]
    fn the_example_file_is_valid_and_read() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/wikisignup.example.toml");
        let s = settings(&["--config", path]).unwrap();
        assert_eq!(s.contact, Some(OneLine("events@example.org".into())));
        assert_eq!(s.frame_ancestors.as_str(), "'self' https://event.example.org");
        assert_eq!(s.session_store, SessionStoreSetting::Memory);
        assert!(s.log_json);
        // The command line wins over the file.
        let s = settings(&["--config", path, "--session-store", "redis://cache:6379"]).unwrap();
        assert_eq!(s.session_store, SessionStoreSetting::Redis("redis://cache:6379".into()));
    }

    #[test]
    fn framing_by_other_sites_needs_a_public_url_that_keeps_secure_cookies() {
        let framed = ["--frame-ancestors", "'self' https://event.example"];
        let err = settings(&[&framed[..], &["--public-url", "http://signup.example/"]].concat()).unwrap_err();
        assert_eq!(err.setting(), "frame_ancestors");
        assert!(err.to_string().contains("https://"), "{err}");
        // Listening on every address without a public URL: not loopback.
        assert_eq!(
            settings(&[&framed[..], &["--listen", "0.0.0.0:8000"]].concat()).unwrap_err().setting(),
            "frame_ancestors"
        );
        // https, and loopback addresses, are fine; so is framing by 'self' only.
        assert!(settings(&[&framed[..], &["--public-url", "https://signup.example/"]].concat()).is_ok());
        assert!(settings(&framed).is_ok());
        assert!(settings(&[&framed[..], &["--public-url", "http://localhost:8000/"]].concat()).is_ok());
        assert!(settings(&["--public-url", "http://signup.example/", "--frame-ancestors", "'self'"]).is_ok());
        let s = settings(&framed).unwrap();
        assert!(s.frame_ancestors.allows_other_sites());
        assert!(!settings(&[]).unwrap().frame_ancestors.allows_other_sites());
    }

    #[test]
    fn public_url_gets_a_trailing_slash() {
        let url: PublicUrl = "https://events.example/signup".parse().unwrap();
        assert_eq!(url.route("return").as_str(), "https://events.example/signup/return");
        assert_eq!(url.origin(), "https://events.example");
        assert!(url.is_https());
    }

    #[test]
    fn the_secret_is_never_printed() {
        let secret: SessionSecret = "0123456789abcdef0123456789abcdef".parse().unwrap();
        assert!(!format!("{secret:?}").contains("0123"));
        assert_eq!("short".parse::<SessionSecret>().unwrap_err(), SettingError::TooShort);
    }

    #[test]
    fn organizer_mode_needs_its_secret_and_an_event_code_or_a_maximum() {
        let declared = |args: &[&str]| Declared::parse_from(std::iter::once("wikisignup").chain(args.iter().copied()));
        let password = |var: &str| (var == ORGANIZER_PASSWORD_VAR).then(|| "abc0123".to_owned());
        let none = |_: &str| None;
        let with_code = declared(&["--organizer-user", "Ada@signup", "--event-code", "quokka"]);
        let mode = organizer(&with_code, password).unwrap().unwrap();
        assert!(matches!(mode.credentials, OrganizerCredentials::BotPassword { ref user, .. } if user == "Ada@signup"));
        assert!(!format!("{mode:?}").contains("abc0123"), "the secret is printed");
        assert_eq!(organizer(&with_code, none).unwrap_err().setting, "organizer_user");
        let unguarded = declared(&["--organizer-user", "Ada@signup"]);
        assert!(organizer(&unguarded, password).unwrap_err().reason.contains("--event-code or --max-accounts"));
        assert_eq!(
            organizer(&declared(&["--max-accounts", "5"]), password).unwrap_err().setting,
            ORGANIZER_PASSWORD_VAR
        );
        assert_eq!(
            organizer(&declared(&["--organizer-user", "Ada", "--max-accounts", "5"]), password).unwrap_err().setting,
            "organizer_user"
        );
        assert!(organizer(&declared(&[]), none).unwrap().is_none());
    }

    #[test]
    fn the_time_window_is_rfc_3339_and_closes_after_it_opens() {
        assert_eq!(settings(&["--opens", "tomorrow"]).unwrap_err().setting(), "opens");
        let backwards = ["--opens", "2026-03-07T18:00:00Z", "--closes", "2026-03-07T09:00:00Z"];
        assert_eq!(settings(&backwards).unwrap_err().setting(), "closes");
        let s = settings(&["--opens", "2026-03-07T09:00:00+01:00"]).unwrap();
        assert_eq!(s.window.opens.unwrap().unix_timestamp(), 1772870400);
    }

    /// The README's table of settings says what `--help` says: every flag,
    /// its environment variable and its default.
    #[test]
    fn the_readme_lists_every_setting_as_help_does() {
        let readme = include_str!("../README.md");
        let command = Declared::command();
        for arg in command.get_arguments().filter(|a| a.get_long().is_some_and(|l| l != "help" && l != "version")) {
            let flag = format!("`--{}", arg.get_long().unwrap());
            let row = readme
                .lines()
                .find(|l| l.starts_with("| ") && l.contains(&flag))
                .unwrap_or_else(|| panic!("README has no row for {flag}"));
            let env = arg.get_env().unwrap().to_str().unwrap();
            assert!(row.contains(&format!("`{env}`")), "README's row for {flag} lacks {env}: {row}");
            for default in arg.get_default_values() {
                let default = default.to_str().unwrap();
                let shown = if default.is_empty() { "none".to_owned() } else { format!("`{default}`") };
                assert!(row.contains(&shown), "README's row for {flag} lacks the default {shown}: {row}");
            }
        }
    }
}
