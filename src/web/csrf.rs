//! Cross-site request forgery: every form the portal shows carries a token
//! tied to the visitor's session, and every POST is checked here, in one
//! place, by the [`PostedForm`] extractor. A POST from a page of another
//! site (or an old page of an ended session) is never sent to the wiki.

use actix_session::SessionExt;
use actix_web::{FromRequest, HttpRequest, dev::Payload, web};
use futures_util::future::LocalBoxFuture;
use subtle::ConstantTimeEq;

use super::errors::PageError;
use super::session::VisitorSession;

/// The hidden field every portal form carries.
pub const CSRF_FIELD: &str = "wikisignup_csrf";

/// More fields than any sign-up form has; a browser posting more is not
/// posting one of ours.
const MAX_FIELDS: usize = 200;

/// A form as posted, without the CSRF field, and whether the CSRF token
/// matched the session's.
pub struct PostedForm {
    pub pairs: Vec<(String, String)>,
    pub genuine: bool,
}

impl FromRequest for PostedForm {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let form = web::Form::<Vec<(String, String)>>::from_request(req, payload);
        let session = VisitorSession::new(req.get_session());
        Box::pin(async move {
            let mut pairs = form.await?.into_inner();
            if pairs.len() > MAX_FIELDS {
                return Err(PageError::BadForm("too many fields".into()).into());
            }
            let posted = pairs.iter().find(|(k, _)| k == CSRF_FIELD).map(|(_, v)| v.clone());
            pairs.retain(|(k, _)| k != CSRF_FIELD);
            let expected = session.existing_csrf_token();
            let genuine = match (posted, expected) {
                (Some(posted), Some(expected)) => bool::from(posted.as_bytes().ct_eq(expected.as_bytes())),
                _ => false,
            };
            if !genuine {
                tracing::info!("a form without this session's CSRF token; nothing sent to the wiki");
            }
            Ok(PostedForm { pairs, genuine })
        })
    }
}
