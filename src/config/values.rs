//! The settings' own types: each parses its text (command line,
//! environment or file) into a value, or says why it cannot.

use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

use ipnet::IpNet;
use url::Url;

use crate::signup::{CaptchaService, LanguageCode};
use crate::wiki::{WikiApiUrl, WikiApiUrlError};

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
    #[error("must be 1 to 64 printable characters without spaces, e.g. wikisignup-bangkok:")]
    NotAPrefix,
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
    #[error("{0:?} is not a wiki's api.php URL: {1}")]
    NotAWiki(String, String),
    #[error("must be names separated by commas, each one line")]
    NotNames,
    #[error("must be 32 random bytes written as 64 hex digits (openssl rand -hex 32)")]
    NotAKey,
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

/// A setting that lists values separated by commas, each read by `item`;
/// spaces around them and empty entries are ignored.
fn comma_separated<T>(s: &str, item: impl Fn(&str) -> Result<T, SettingError>) -> Result<Vec<T>, SettingError> {
    s.split(',').map(str::trim).filter(|v| !v.is_empty()).map(item).collect()
}

/// Wikis' api.php URLs separated by commas.
#[derive(Debug, Clone, Default)]
pub struct WikiList(pub Vec<WikiApiUrl>);

impl FromStr for WikiList {
    type Err = SettingError;

    fn from_str(s: &str) -> Result<Self, SettingError> {
        comma_separated(s, |url| {
            url.parse().map_err(|e: WikiApiUrlError| SettingError::NotAWiki(url.into(), e.to_string()))
        })
        .map(WikiList)
    }
}

/// Names separated by commas (wiki usernames, user groups), each as the
/// wiki writes it: the first letter of a username capitalised, `_` as a space.
#[derive(Debug, Clone, Default)]
pub struct NameList(pub Vec<String>);

impl FromStr for NameList {
    type Err = SettingError;

    fn from_str(s: &str) -> Result<Self, SettingError> {
        comma_separated(s, |name| {
            if name.chars().any(char::is_control) {
                return Err(SettingError::NotNames);
            }
            Ok(name.replace('_', " "))
        })
        .map(NameList)
    }
}

/// The key that seals the organisers' bot passwords in the database:
/// 32 bytes, from the environment only, never printed.
#[derive(Clone)]
pub struct SecretsKey(pub [u8; 32]);

impl FromStr for SecretsKey {
    type Err = SettingError;

    fn from_str(s: &str) -> Result<Self, SettingError> {
        let s = s.trim();
        if s.len() != 64 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(SettingError::NotAKey);
        }
        let mut key = [0u8; 32];
        for (i, byte) in key.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).map_err(|_| SettingError::NotAKey)?;
        }
        Ok(SecretsKey(key))
    }
}

impl fmt::Debug for SecretsKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretsKey(redacted)")
    }
}

/// Language codes separated by commas.
#[derive(Debug, Clone)]
pub struct LanguageList(pub Vec<LanguageCode>);

impl FromStr for LanguageList {
    type Err = SettingError;

    fn from_str(s: &str) -> Result<Self, SettingError> {
        comma_separated(s, |code| code.parse().map_err(|_| SettingError::NotALanguage)).map(LanguageList)
    }
}

/// One line of text, not empty: the operator's contact, the organiser's account or reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OneLine(pub String);

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

/// Where the portal's keys begin in a Redis it may share with other
/// programs: printable, no spaces, at most 64 bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedisPrefix(String);

impl FromStr for RedisPrefix {
    type Err = SettingError;

    fn from_str(s: &str) -> Result<Self, SettingError> {
        if s.is_empty() || s.len() > 64 || !s.chars().all(|c| c.is_ascii_graphic()) {
            return Err(SettingError::NotAPrefix);
        }
        Ok(RedisPrefix(s.to_owned()))
    }
}

impl RedisPrefix {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

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
pub struct CaptchaWidgetList(pub Vec<CaptchaService>);

impl FromStr for CaptchaWidgetList {
    type Err = SettingError;

    fn from_str(s: &str) -> Result<Self, SettingError> {
        let service =
            |n: &str| CaptchaService::from_name(n).ok_or_else(|| SettingError::NotACaptchaService(n.to_owned()));
        comma_separated(s, service).map(CaptchaWidgetList)
    }
}

/// An http:// URL to the machine itself (tests, a local stand-in).
pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(name)) => name == "localhost",
        None => false,
    }
}

/// A point in time, written as RFC 3339 (`2026-03-07T09:00:00+01:00`).
#[derive(Debug, Clone, Copy)]
pub struct Moment(pub time::OffsetDateTime);

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

    /// The origins that may frame the pages, written out (`'self'` as
    /// `own`, the portal's origin): where the pages' script may send its
    /// messages when the browser does not name the framing page. Sources
    /// that are no one origin (`https:`, `https://*.example.org`) are left
    /// out: a message is never sent to `*`.
    pub fn origins(&self, own: &str) -> Vec<String> {
        self.0
            .split(' ')
            .filter_map(|source| match source {
                "'self'" => Some(own.to_owned()),
                _ if source.contains('*') || source.starts_with('\'') => None,
                _ => Url::parse(source)
                    .ok()
                    .filter(|url| matches!(url.scheme(), "http" | "https") && url.host().is_some())
                    .map(|url| url.origin().ascii_serialization()),
            })
            .collect()
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
