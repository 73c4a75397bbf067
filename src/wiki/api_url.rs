use std::fmt;
use std::str::FromStr;

use url::Url;

/// The wiki's `api.php` endpoint: an absolute http(s) URL without query or
/// fragment. Everything the portal fetches from the wiki is on its origin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WikiApiUrl {
    api: Url,
    /// Derived once: every form page needs them.
    index: Url,
    base: Url,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum WikiApiUrlError {
    #[error("not a URL: {0}")]
    NotAUrl(String),
    #[error("must start with http:// or https://")]
    NotHttp,
    #[error("must not carry a query string or fragment")]
    HasQuery,
    #[error("must name the wiki's api.php, e.g. https://test.wikipedia.org/w/api.php")]
    NotApiPhp,
}

impl FromStr for WikiApiUrl {
    type Err = WikiApiUrlError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let url = Url::parse(s.trim()).map_err(|e| WikiApiUrlError::NotAUrl(e.to_string()))?;
        if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
            return Err(WikiApiUrlError::NotHttp);
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(WikiApiUrlError::HasQuery);
        }
        if !url.path().ends_with("/api.php") {
            return Err(WikiApiUrlError::NotApiPhp);
        }
        let index = url.join("index.php").map_err(|e| WikiApiUrlError::NotAUrl(e.to_string()))?;
        let base = url.join("/").map_err(|e| WikiApiUrlError::NotAUrl(e.to_string()))?;
        Ok(WikiApiUrl { api: url, index, base })
    }
}

impl fmt::Display for WikiApiUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.api.fmt(f)
    }
}

impl WikiApiUrl {
    /// The wiki's host (and port), as pages and sentences name it:
    /// `test.wikipedia.org`.
    pub fn host(&self) -> String {
        let host = self.api.host_str().unwrap_or_default();
        match self.api.port() {
            Some(port) => format!("{host}:{port}"),
            None => host.to_owned(),
        }
    }

    pub fn as_url(&self) -> &Url {
        &self.api
    }

    pub fn as_str(&self) -> &str {
        self.api.as_str()
    }

    /// The wiki's `index.php`, beside `api.php`.
    pub fn index_url(&self) -> Url {
        self.index.clone()
    }

    /// The wiki's own log-in page, with the username filled in when known,
    /// sending the visitor on to the page `returnto` once logged in.
    pub fn login_url(&self, username: Option<&str>, returnto: Option<&str>) -> Url {
        let mut url = self.index_url();
        url.query_pairs_mut().append_pair("title", "Special:UserLogin");
        if let Some(name) = username {
            url.query_pairs_mut().append_pair("wpName", name);
        }
        if let Some(page) = returnto {
            url.query_pairs_mut().append_pair("returnto", page);
        }
        url
    }

    /// The wiki's own sign-up page with what the visit carries (each
    /// `(parameter, value)` given: `returnto`, `campaign`, `uselang`).
    pub fn create_account_url<'a>(&self, carried: impl IntoIterator<Item = (&'a str, &'a str)>) -> Url {
        let mut url = self.index_url();
        url.query_pairs_mut().append_pair("title", "Special:CreateAccount").extend_pairs(carried);
        url
    }

    /// The wiki's origin as a base for wiki-relative links such as
    /// `/index.php/Special:Captcha/help`.
    pub fn base(&self) -> &Url {
        &self.base
    }

    /// Resolves a link the wiki sent (absolute, protocol-relative or
    /// wiki-relative) and keeps it only when it stays on the wiki's own
    /// origin (scheme, host and port).
    pub fn resolve_on_wiki(&self, link: &str) -> Option<Url> {
        // `..` has no business in a link the wiki generates; refusing it
        // keeps a crafted one from climbing out of the wiki's paths.
        // Segments are read as the URL parser will normalise them (`.%2e`
        // is `..`), so no spelling of a dot segment slips through.
        let path = link.split(['?', '#']).next().unwrap_or_default();
        let dot_segment =
            |segment: &str| matches!(segment.to_ascii_lowercase().replace("%2e", ".").as_str(), "." | "..");
        if path.split(['/', '\\']).any(dot_segment) {
            return None;
        }
        let url = self.api.join(link).ok()?;
        (url.origin() == self.api.origin()).then_some(url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_an_api_php_url() {
        let api: WikiApiUrl = "https://test.wikipedia.org/w/api.php".parse().unwrap();
        assert_eq!(api.index_url().as_str(), "https://test.wikipedia.org/w/index.php");
        assert_eq!(api.base().as_str(), "https://test.wikipedia.org/");
        assert_eq!(
            api.login_url(Some("Ada Lovelace"), Some("Event:Paris")).as_str(),
            "https://test.wikipedia.org/w/index.php?title=Special%3AUserLogin&wpName=Ada+Lovelace&returnto=Event%3AParis"
        );
    }

    #[test]
    fn rejects_what_is_not_an_api_endpoint() {
        assert_eq!("ftp://x/api.php".parse::<WikiApiUrl>(), Err(WikiApiUrlError::NotHttp));
        assert_eq!("https://x/w/api.php?action=query".parse::<WikiApiUrl>(), Err(WikiApiUrlError::HasQuery));
        assert_eq!("https://x/w/index.php".parse::<WikiApiUrl>(), Err(WikiApiUrlError::NotApiPhp));
        assert!(matches!("api.php".parse::<WikiApiUrl>(), Err(WikiApiUrlError::NotAUrl(_))));
    }

    #[test]
    fn resolves_only_links_on_the_wiki_origin() {
        let api: WikiApiUrl = "http://127.0.0.1:8080/api.php".parse().unwrap();
        let captcha = "/index.php?title=Special:Captcha/image&wpCaptchaId=42";
        assert_eq!(
            api.resolve_on_wiki(captcha).unwrap().as_str(),
            "http://127.0.0.1:8080/index.php?title=Special:Captcha/image&wpCaptchaId=42"
        );
        assert_eq!(api.resolve_on_wiki("http://127.0.0.1:8081/index.php"), None);
        assert_eq!(api.resolve_on_wiki("//evil.example/x.png"), None);
        assert_eq!(api.resolve_on_wiki("https://127.0.0.1:8080/x.png"), None);
        assert_eq!(api.resolve_on_wiki("/w/../../etc/passwd"), None);
        assert_eq!(api.resolve_on_wiki("/w/%2E%2E/secret"), None);
        assert_eq!(api.resolve_on_wiki("/w/.%2e/.%2e/img.svg"), None);
        assert_eq!(api.resolve_on_wiki("/w/%2e./x.png"), None);
        assert_eq!(api.resolve_on_wiki("/w/./x.png"), None);
        assert_eq!(api.resolve_on_wiki("javascript:alert(1)"), None);
    }
}
