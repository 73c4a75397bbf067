//! One visitor's session on the wiki: its cookies and its create-account token.
//!
//! The portal shares one HTTP client among all visitors, so cookies are not
//! kept by the client: each visitor's jar travels with that visitor's portal
//! session and is applied to, and updated from, each upstream exchange.

use cookie_store::{Cookie, CookieStore, RawCookie};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use url::Url;

#[derive(Default, Clone, Serialize, Deserialize)]
pub struct UpstreamSession {
    #[serde(with = "jar")]
    cookies: CookieStore,
    token: Option<String>,
    /// How calls in this session are made; set per request, never stored.
    #[serde(skip)]
    pub(super) manner: Manner,
}

/// How the calls of a session are made, beside its cookies.
#[derive(Default, Clone)]
pub(super) struct Manner {
    /// The organiser's session: every API call asserts it is still logged
    /// in (`assert=user`), so a lost login is an error, not an anonymous
    /// sign-up.
    pub as_user: bool,
    /// An OAuth 2 access token, sent as `Authorization: Bearer`.
    pub bearer: Option<String>,
    /// The visitor's address, sent as `X-Forwarded-For` to a wiki that
    /// trusts the portal.
    pub forwarded_for: Option<std::net::IpAddr>,
    /// The visitor's language (`uselang`), if not the portal's default.
    pub language: Option<String>,
}

impl std::fmt::Debug for UpstreamSession {
    // Cookies and tokens are secrets: never printed, not even in debug logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UpstreamSession")
            .field("cookies", &self.cookies.iter_unexpired().count())
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .field("as_user", &self.manner.as_user)
            .finish()
    }
}

impl UpstreamSession {
    /// The `Cookie` request header for `url`, if any cookie matches.
    pub fn cookie_header(&self, url: &Url) -> Option<String> {
        let pairs: Vec<String> =
            self.cookies.get_request_values(url).map(|(name, value)| format!("{name}={value}")).collect();
        (!pairs.is_empty()).then(|| pairs.join("; "))
    }

    /// Takes the `Set-Cookie` headers of a response from `url`.
    pub fn store_set_cookies<'a>(&mut self, headers: impl Iterator<Item = &'a str>, url: &Url) {
        let cookies = headers.filter_map(|h| RawCookie::parse(h.to_owned()).ok());
        self.cookies.store_response_cookies(cookies, url);
    }

    pub fn token(&self) -> Option<&str> {
        self.token.as_deref()
    }

    pub fn set_token(&mut self, token: String) {
        self.token = Some(token);
    }

    /// The calls of this session are made for a visitor at `address`: a
    /// wiki that trusts the portal applies its limits and blocks to them.
    pub fn forward_for(&mut self, address: std::net::IpAddr) {
        self.manner.forwarded_for = Some(address);
    }

    /// The calls of this session are made in `language` (`uselang`): the
    /// wiki's labels, help and refusals come back in it.
    pub fn speak(&mut self, language: &str) {
        self.manner.language = Some(language.to_owned());
    }

    pub fn has_cookies(&self) -> bool {
        self.cookies.iter_unexpired().next().is_some()
    }
}

/// The jar is stored with its session cookies: MediaWiki's own session
/// cookie has no expiry, and is the one that matters most.
mod jar {
    use super::*;

    pub fn serialize<S: Serializer>(store: &CookieStore, s: S) -> Result<S::Ok, S::Error> {
        let cookies: Vec<&Cookie<'static>> = store.iter_unexpired().collect();
        cookies.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<CookieStore, D::Error> {
        let cookies = Vec::<Cookie<'static>>::deserialize(d)?;
        CookieStore::from_cookies(cookies.into_iter().map(Ok::<_, D::Error>), false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wiki() -> Url {
        Url::parse("http://127.0.0.1:8080/api.php").unwrap()
    }

    #[test]
    fn session_cookie_survives_a_round_trip_through_json() {
        let mut session = UpstreamSession::default();
        session.store_set_cookies(["wiki8080_session=abc123; path=/; HttpOnly"].into_iter(), &wiki());
        session.set_token("tok+\\".into());
        let json = serde_json::to_string(&session).unwrap();
        let back: UpstreamSession = serde_json::from_str(&json).unwrap();
        assert_eq!(back.cookie_header(&wiki()).as_deref(), Some("wiki8080_session=abc123"));
        assert_eq!(back.token(), Some("tok+\\"));
    }

    #[test]
    fn cookies_are_sent_only_to_their_own_host() {
        let mut session = UpstreamSession::default();
        session.store_set_cookies(["a=1; path=/"].into_iter(), &wiki());
        let other = Url::parse("http://example.org/api.php").unwrap();
        assert_eq!(session.cookie_header(&other), None);
    }

    #[test]
    fn an_expiring_cookie_replaces_the_old_one() {
        let mut session = UpstreamSession::default();
        session.store_set_cookies(["a=1; path=/"].into_iter(), &wiki());
        session.store_set_cookies(["a=deleted; path=/; expires=Thu, 01 Jan 1970 00:00:01 GMT"].into_iter(), &wiki());
        assert_eq!(session.cookie_header(&wiki()), None);
        assert!(!session.has_cookies());
    }

    #[test]
    fn debug_output_hides_cookies_and_token() {
        let mut session = UpstreamSession::default();
        session.store_set_cookies(["s=secretcookie"].into_iter(), &wiki());
        session.set_token("secrettoken".into());
        let shown = format!("{session:?}");
        assert!(!shown.contains("secretcookie") && !shown.contains("secrettoken"), "{shown}");
    }
}
