//! One typed settings struct, layered: built-in defaults, then a TOML file
//! (`--config`), then `WIKISIGNUP_*` environment variables, then the command
//! line. Validated at start-up; an error names the setting.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;
use serde::Deserialize;
use url::Url;

use crate::wiki::WikiApiUrl;

pub const DEFAULT_WIKI_API: &str = "https://test.wikipedia.org/w/api.php";
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8000";

/// Command line and environment. Every option is optional here so that a
/// value given in neither place falls through to the file, then the default.
#[derive(Debug, Default, Parser)]
#[command(name = "wikisignup", version, about = "A custom sign-up page for a MediaWiki wiki")]
pub struct Cli {
    /// TOML file with any of the settings below (snake_case keys).
    #[arg(long, env = "WIKISIGNUP_CONFIG")]
    pub config: Option<PathBuf>,
    /// The wiki's api.php [default: https://test.wikipedia.org/w/api.php]
    #[arg(long, env = "WIKISIGNUP_WIKI_API")]
    pub wiki_api: Option<String>,
    /// Address and port to listen on [default: 127.0.0.1:8000]
    #[arg(long, env = "WIKISIGNUP_LISTEN")]
    pub listen: Option<String>,
    /// The portal's external base URL, e.g. https://signup.example.org/
    /// [default: http://LISTEN/]
    #[arg(long, env = "WIKISIGNUP_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Contact for the wiki's operators (email or URL), sent in the User-Agent.
    #[arg(long, env = "WIKISIGNUP_CONTACT")]
    pub contact: Option<String>,
    /// Language of the wiki's labels and messages (`uselang`) [default: content]
    #[arg(long, env = "WIKISIGNUP_LANGUAGE")]
    pub language: Option<String>,
    /// Seconds to wait for the wiki [default: 20]
    #[arg(long, env = "WIKISIGNUP_UPSTREAM_TIMEOUT")]
    pub upstream_timeout: Option<u64>,
    /// Minutes an idle visitor session lives [default: 60]
    #[arg(long, env = "WIKISIGNUP_SESSION_TTL")]
    pub session_ttl: Option<u64>,
    /// Most visitor sessions held in memory [default: 100000]
    #[arg(long, env = "WIKISIGNUP_MAX_SESSIONS")]
    pub max_sessions: Option<u64>,
    /// Where visitor sessions live: `memory`, or a Redis URL shared by
    /// several instances, e.g. redis://127.0.0.1:6379 [default: memory]
    #[arg(long, env = "WIKISIGNUP_SESSION_STORE")]
    pub session_store: Option<String>,
    /// Log as JSON lines instead of text.
    #[arg(long, env = "WIKISIGNUP_LOG_JSON")]
    pub log_json: Option<bool>,
    /// Sign-up submissions a client may make per minute, and six username or
    /// password checks for each [default: 10]
    #[arg(long, env = "WIKISIGNUP_SUBMISSIONS_PER_MINUTE")]
    pub submissions_per_minute: Option<u32>,
    /// Reverse proxies whose X-Forwarded-For is believed, comma-separated
    /// IP addresses [default: none]
    #[arg(long, env = "WIKISIGNUP_TRUSTED_PROXIES")]
    pub trusted_proxies: Option<String>,
    /// Sites that may embed the page in a frame (CSP frame-ancestors),
    /// space-separated [default: 'self']
    #[arg(long, env = "WIKISIGNUP_FRAME_ANCESTORS")]
    pub frame_ancestors: Option<String>,
    /// Most requests to the wiki in flight at once [default: 64]
    #[arg(long, env = "WIKISIGNUP_UPSTREAM_CONCURRENCY")]
    pub upstream_concurrency: Option<usize>,
}

/// Where visitor sessions live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionStoreSetting {
    /// In this process: bounded, expiring; sessions end with the process.
    Memory,
    /// A Redis server shared by several instances.
    Redis(String),
}

/// The settings file: the same names, snake_case.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    wiki_api: Option<String>,
    listen: Option<String>,
    public_url: Option<String>,
    contact: Option<String>,
    language: Option<String>,
    upstream_timeout: Option<u64>,
    session_ttl: Option<u64>,
    max_sessions: Option<u64>,
    session_store: Option<String>,
    log_json: Option<bool>,
    submissions_per_minute: Option<u32>,
    trusted_proxies: Option<String>,
    frame_ancestors: Option<String>,
    upstream_concurrency: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub wiki_api: WikiApiUrl,
    pub listen: SocketAddr,
    /// Given by the operator; without it, derived from the address the
    /// portal is bound to (see [`Settings::public_url`]).
    pub public_url: Option<PublicUrl>,
    pub contact: Option<String>,
    pub language: String,
    pub upstream_timeout: Duration,
    pub session_ttl: Duration,
    pub max_sessions: u64,
    pub session_store: SessionStoreSetting,
    pub log_json: bool,
    pub submissions_per_minute: u32,
    pub trusted_proxies: Vec<IpAddr>,
    pub frame_ancestors: String,
    pub upstream_concurrency: usize,
    /// Signs the session cookie; from `WIKISIGNUP_SESSION_SECRET` only, so
    /// it stays out of files and process listings.
    pub session_secret: Option<String>,
}

#[derive(Debug, thiserror::Error)]
#[error("invalid setting {setting}: {reason}")]
pub struct ConfigError {
    pub setting: &'static str,
    pub reason: String,
}

fn bad(setting: &'static str, reason: impl ToString) -> ConfigError {
    ConfigError { setting, reason: reason.to_string() }
}

/// The portal's own external base URL (scheme, host, optional path), ending
/// in `/`. The wiki sends browsers back to routes under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl(Url);

impl PublicUrl {
    pub fn parse(raw: &str) -> Result<PublicUrl, String> {
        let mut url = Url::parse(raw).map_err(|e| e.to_string())?;
        if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
            return Err("must be an absolute http:// or https:// URL".into());
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err("must not carry a query string or fragment".into());
        }
        if !url.path().ends_with('/') {
            let path = format!("{}/", url.path());
            url.set_path(&path);
        }
        Ok(PublicUrl(url))
    }

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

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl Settings {
    /// Reads the command line and environment, then the file they name.
    pub fn load() -> Result<Settings, ConfigError> {
        let cli = Cli::try_parse().map_err(|e| bad("command line", e.to_string().trim()))?;
        Settings::from_cli(cli)
    }

    /// Settings from arguments as on a command line (and the environment):
    /// what tests use to start the real application.
    pub fn from_args<I, T>(args: I) -> Result<Settings, ConfigError>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        let cli = Cli::try_parse_from(args).map_err(|e| bad("command line", e.to_string().trim()))?;
        Settings::from_cli(cli)
    }

    pub fn from_cli(cli: Cli) -> Result<Settings, ConfigError> {
        let file = match &cli.config {
            None => FileSettings::default(),
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| bad("config", format!("cannot read {}: {e}", path.display())))?;
                toml::from_str(&text).map_err(|e| bad("config", format!("{}: {}", path.display(), e.message())))?
            }
        };
        let wiki_api = cli.wiki_api.or(file.wiki_api).unwrap_or_else(|| DEFAULT_WIKI_API.into());
        let wiki_api: WikiApiUrl = wiki_api.parse().map_err(|e| bad("wiki_api", e))?;

        let listen = cli.listen.or(file.listen).unwrap_or_else(|| DEFAULT_LISTEN.into());
        let listen: SocketAddr =
            listen.parse().map_err(|_| bad("listen", format!("{listen:?} is not ADDRESS:PORT")))?;

        let public_url = match cli.public_url.or(file.public_url) {
            Some(url) => Some(PublicUrl::parse(&url).map_err(|e| bad("public_url", e))?),
            None => None,
        };

        let language = cli.language.or(file.language).unwrap_or_else(|| "content".into());
        let is_code = |c: char| c.is_ascii_alphanumeric() || c == '-';
        if language.is_empty() || language.len() > 35 || !language.chars().all(is_code) {
            return Err(bad("language", "must be a language code such as en, de or pt-br"));
        }

        let contact = cli.contact.or(file.contact).filter(|c| !c.trim().is_empty());
        if contact.as_deref().is_some_and(|c| c.chars().any(char::is_control)) {
            return Err(bad("contact", "must be one line"));
        }

        let upstream_timeout = cli.upstream_timeout.or(file.upstream_timeout).unwrap_or(20);
        if !(1..=300).contains(&upstream_timeout) {
            return Err(bad("upstream_timeout", "must be between 1 and 300 seconds"));
        }
        let session_ttl = cli.session_ttl.or(file.session_ttl).unwrap_or(60);
        if !(1..=24 * 60).contains(&session_ttl) {
            return Err(bad("session_ttl", "must be between 1 and 1440 minutes"));
        }
        let max_sessions = cli.max_sessions.or(file.max_sessions).unwrap_or(100_000);
        if max_sessions == 0 {
            return Err(bad("max_sessions", "must be at least 1"));
        }

        let session_store = match cli.session_store.or(file.session_store).as_deref() {
            None | Some("memory") => SessionStoreSetting::Memory,
            Some(url) if url.starts_with("redis://") && Url::parse(url).is_ok() => {
                SessionStoreSetting::Redis(url.to_owned())
            }
            Some(_) => return Err(bad("session_store", "must be memory or a redis:// URL")),
        };

        let submissions_per_minute = cli.submissions_per_minute.or(file.submissions_per_minute).unwrap_or(10);
        if submissions_per_minute == 0 {
            return Err(bad("submissions_per_minute", "must be at least 1"));
        }
        let trusted_proxies = cli
            .trusted_proxies
            .or(file.trusted_proxies)
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| p.parse().map_err(|_| bad("trusted_proxies", format!("{p:?} is not an IP address"))))
            .collect::<Result<Vec<IpAddr>, _>>()?;
        let frame_ancestors = cli.frame_ancestors.or(file.frame_ancestors).unwrap_or_else(|| "'self'".into());
        let source_ok = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_graphic() && c != ';' && c != ',');
        if !frame_ancestors.split_whitespace().all(source_ok) || frame_ancestors.trim().is_empty() {
            return Err(bad(
                "frame_ancestors",
                "must be CSP sources separated by spaces, e.g. 'self' https://event.example",
            ));
        }
        let upstream_concurrency = cli.upstream_concurrency.or(file.upstream_concurrency).unwrap_or(64);
        if !(1..=10_000).contains(&upstream_concurrency) {
            return Err(bad("upstream_concurrency", "must be between 1 and 10000"));
        }

        let session_secret = std::env::var("WIKISIGNUP_SESSION_SECRET").ok().filter(|s| !s.is_empty());
        if session_secret.as_ref().is_some_and(|s| s.len() < 32) {
            return Err(bad("WIKISIGNUP_SESSION_SECRET", "must be at least 32 bytes long"));
        }

        Ok(Settings {
            wiki_api,
            listen,
            public_url,
            contact,
            language,
            upstream_timeout: Duration::from_secs(upstream_timeout),
            session_ttl: Duration::from_secs(session_ttl * 60),
            max_sessions,
            session_store,
            log_json: cli.log_json.or(file.log_json).unwrap_or(false),
            submissions_per_minute,
            trusted_proxies,
            frame_ancestors: frame_ancestors.split_whitespace().collect::<Vec<_>>().join(" "),
            upstream_concurrency,
            session_secret,
        })
    }

    /// A descriptive User-Agent with a way to reach the operator, as
    /// Wikimedia's User-Agent policy asks.
    pub fn user_agent(&self, public_url: &PublicUrl) -> String {
        let contact = self.contact.as_deref().unwrap_or("contact not configured");
        format!("wikisignup/{} ({}; {}) reqwest", env!("CARGO_PKG_VERSION"), public_url.as_str(), contact)
    }

    /// The portal's external base URL: the configured one, or that of the
    /// address it is bound to (`bound`: the real port when `listen` asked
    /// for port 0).
    pub fn public_url(&self, bound: SocketAddr) -> PublicUrl {
        self.public_url.clone().unwrap_or_else(|| {
            PublicUrl::parse(&format!("http://{bound}/")).expect("a socket address makes a valid URL")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(args: &[&str]) -> Result<Settings, ConfigError> {
        Settings::from_args(std::iter::once("wikisignup").chain(args.iter().copied()))
    }

    #[test]
    fn defaults_point_at_test_wikipedia() {
        let s = settings(&[]).unwrap();
        assert_eq!(s.wiki_api.to_string(), DEFAULT_WIKI_API);
        assert_eq!(s.listen.to_string(), DEFAULT_LISTEN);
        let public_url = s.public_url(s.listen);
        assert_eq!(public_url.as_str(), "http://127.0.0.1:8000/");
        assert_eq!(public_url.route("return").as_str(), "http://127.0.0.1:8000/return");
    }

    #[test]
    fn a_bad_setting_is_named() {
        let err = settings(&["--wiki-api", "ftp://wiki/api.php"]).unwrap_err();
        assert_eq!(err.setting, "wiki_api");
        assert!(err.to_string().starts_with("invalid setting wiki_api:"), "{err}");
        assert_eq!(settings(&["--listen", "nowhere"]).unwrap_err().setting, "listen");
        assert_eq!(settings(&["--public-url", "signup.example"]).unwrap_err().setting, "public_url");
        assert_eq!(settings(&["--language", "en;drop"]).unwrap_err().setting, "language");
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
        assert_eq!(settings(&["--config", path]).unwrap_err().setting, "config");
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
        let s = settings(&["--trusted-proxies", "10.0.0.1, ::1", "--frame-ancestors", "'self'  https://event.example"])
            .unwrap();
        assert_eq!(s.trusted_proxies.len(), 2);
        assert_eq!(s.frame_ancestors, "'self' https://event.example");
        assert_eq!(settings(&["--trusted-proxies", "proxy.local"]).unwrap_err().setting, "trusted_proxies");
        assert_eq!(settings(&["--frame-ancestors", "'self'; script-src *"]).unwrap_err().setting, "frame_ancestors");
        assert_eq!(settings(&["--submissions-per-minute", "0"]).unwrap_err().setting, "submissions_per_minute");
    }

    #[test]
    fn the_example_file_is_valid_and_read() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/wikisignup.example.toml");
        let s = settings(&["--config", path]).unwrap();
        assert_eq!(s.contact.as_deref(), Some("events@example.org"));
        assert_eq!(s.frame_ancestors, "'self' https://event.example.org");
        assert_eq!(s.session_store, SessionStoreSetting::Memory);
        assert!(s.log_json);
        // The command line wins over the file.
        let s = settings(&["--config", path, "--session-store", "redis://cache:6379"]).unwrap();
        assert_eq!(s.session_store, SessionStoreSetting::Redis("redis://cache:6379".into()));
    }

    #[test]
    fn public_url_gets_a_trailing_slash() {
        let url = PublicUrl::parse("https://events.example/signup").unwrap();
        assert_eq!(url.route("return").as_str(), "https://events.example/signup/return");
        assert!(url.is_https());
    }
}
