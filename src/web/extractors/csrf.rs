//! Cross-site request forgery: every form the portal shows carries a token
//! tied to the visitor's session, and every POST route takes its form
//! through the [`VerifiedForm`] extractor, which refuses the post unless
//! - it comes from a page of the portal's own origin (`Sec-Fetch-Site`,
//!   `Origin`: browsers send these on every POST, and a page of another
//!   site cannot forge them), and
//! - it carries the session's token.
//!
//! A handler cannot forget the check: it never sees a form that failed it.
//! The one exception is named: the sign-up form's own submission may refill
//! a fresh form from a [`StaleForm`] (same origin, old token: a tab left
//! open while its session expired), so that the visitor loses nothing. A
//! post from another site is never refilled: it could plant values (an
//! attacker's e-mail address) in a visitor's form.

use actix_web::http::header::{HeaderMap, ORIGIN, REFERER};
use actix_web::{FromRequest, HttpRequest, dev::Payload, web};
use futures_util::future::LocalBoxFuture;
use subtle::ConstantTimeEq;

use crate::signup::Submission;
use crate::web::errors::{CookieRefused, PageError, StaleForm};
use crate::web::extractors::session::{SESSION_COOKIE, VisitorSession};
use crate::web::pages::{COOKIE_CHECK_FIELD, CSRF_FIELD};
use crate::web::state::AppState;

/// More fields than any sign-up form has; a browser posting more is not
/// posting one of ours.
const MAX_FIELDS: usize = 200;

/// A form posted by a page of this session, without its CSRF field.
pub struct VerifiedForm(pub Submission);

impl FromRequest for VerifiedForm {
    type Error = PageError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let own_origin = req.app_data::<web::Data<AppState>>().map(|s| s.public_url.origin());
        let same_origin = own_origin.as_deref().is_some_and(|origin| from_origin(req.headers(), origin));
        let form = web::Form::<Vec<(String, String)>>::from_request(req, payload);
        let session = VisitorSession::of(req);
        let cookie_missing = req.cookie(SESSION_COOKIE).is_none().then(|| CookieRefused {
            framed: req.headers().get("sec-fetch-dest").is_some_and(|d| d == "iframe"),
            again: false,
            form_page: own_origin.as_deref().and_then(|origin| form_page(req.headers(), origin)).unwrap_or("/".into()),
        });
        Box::pin(async move {
            if !same_origin {
                tracing::info!("a POST from another site; nothing sent to the wiki");
                return Err(PageError::CrossSitePost);
            }
            let mut pairs = form.await.map_err(|e| PageError::BadForm(e.to_string().into()))?.into_inner();
            if pairs.len() > MAX_FIELDS {
                return Err(PageError::BadForm("too many fields".into()));
            }
            let posted = pairs.iter().find(|(k, _)| k == CSRF_FIELD).map(|(_, v)| v.clone());
            let checked = pairs.iter().any(|(k, _)| k == COOKIE_CHECK_FIELD);
            pairs.retain(|(k, _)| k != CSRF_FIELD && k != COOKIE_CHECK_FIELD);
            let cookie_missing = cookie_missing.map(|missing| CookieRefused { again: checked, ..missing });
            let genuine = match (posted, session.existing_csrf_token()) {
                (Some(posted), Some(expected)) => bool::from(posted.as_bytes().ct_eq(expected.as_bytes())),
                _ => false,
            };
            if !genuine {
                tracing::info!("a form without this session's CSRF token; nothing sent to the wiki");
                return Err(PageError::StaleForm(StaleForm { typed: Submission::new(pairs), cookie_missing }));
            }
            Ok(VerifiedForm(Submission::new(pairs)))
        })
    }
}

/// Whether a POST comes from a page of `own_origin`. Browsers say where a
/// request comes from (`Sec-Fetch-Site`, or at least `Origin`); a client
/// that says neither is no browser, so no other site's page can have made
/// it, and the token alone decides.
pub fn from_origin(headers: &HeaderMap, own_origin: &str) -> bool {
    let header = |name| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = header("sec-fetch-site") {
        return site == "same-origin";
    }
    match header(ORIGIN.as_str()) {
        Some(origin) => origin == own_origin,
        None => true,
    }
}

/// The path and query of the portal's page a form was posted from.
fn form_page(headers: &HeaderMap, own_origin: &str) -> Option<String> {
    let referer = url::Url::parse(headers.get(REFERER)?.to_str().ok()?).ok()?;
    if referer.origin().ascii_serialization() != own_origin {
        return None;
    }
    Some(match referer.query() {
        Some(query) => format!("{}?{query}", referer.path()),
        None => referer.path().to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::header::{HeaderName, HeaderValue};

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(HeaderName::from_static(k), HeaderValue::from_static(v));
        }
        map
    }

    const OWN: &str = "https://signup.example.org";

    #[test]
    fn a_post_from_the_portals_own_pages_passes() {
        assert!(from_origin(&headers(&[("sec-fetch-site", "same-origin"), ("origin", OWN)]), OWN));
        assert!(from_origin(&headers(&[("origin", OWN)]), OWN));
        // Not a browser: only the token guards it, as before.
        assert!(from_origin(&headers(&[]), OWN));
    }

    #[test]
    fn a_post_from_another_site_or_a_sibling_is_refused() {
        assert!(!from_origin(&headers(&[("sec-fetch-site", "cross-site")]), OWN));
        // Another subdomain of the same site is another origin.
        assert!(!from_origin(&headers(&[("sec-fetch-site", "same-site")]), OWN));
        assert!(!from_origin(&headers(&[("origin", "https://evil.example")]), OWN));
        assert!(!from_origin(&headers(&[("origin", "null")]), OWN));
        // Sec-Fetch-Site wins over an Origin that would pass.
        assert!(!from_origin(&headers(&[("sec-fetch-site", "cross-site"), ("origin", OWN)]), OWN));
    }

    #[test]
    fn the_form_page_comes_from_a_same_origin_referer_only() {
        let page = |referer: &'static str| form_page(&headers(&[("referer", referer)]), OWN);
        assert_eq!(page("https://signup.example.org/?returnto=Event").as_deref(), Some("/?returnto=Event"));
        assert_eq!(page("https://signup.example.org/").as_deref(), Some("/"));
        assert_eq!(page("https://evil.example/?returnto=Event"), None);
        assert_eq!(form_page(&headers(&[]), OWN), None);
    }
}
