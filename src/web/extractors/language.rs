//! The language a request is served in: what the visitor asked for
//! (`?uselang=`, kept for the visit; `Accept-Language`), chosen by
//! [`Asked::choose`] among the languages the wiki speaks.

use actix_web::{FromRequest, HttpMessage, HttpRequest, dev::Payload, web};
use futures_util::future::LocalBoxFuture;

use crate::signup::{Asked, LanguageCode};
use crate::web::errors::PageError;
use crate::web::extractors::client_ip::ClientIp;
use crate::web::extractors::session::VisitorSession;
use crate::web::state::AppState;

/// The language a request is served in (a `uselang` code, or the page's
/// default).
#[derive(Clone)]
pub struct VisitorLanguage(pub LanguageCode);

/// What `req` asks (`?uselang=`, `Accept-Language`), with the language
/// asked `earlier` in the visit, if any.
pub fn asked(req: &HttpRequest, earlier: Option<String>) -> Asked {
    let query = web::Query::<Vec<(String, String)>>::from_query(req.query_string()).ok();
    let uselang = query.and_then(|q| q.into_inner().into_iter().find(|(k, _)| k == "uselang").map(|(_, v)| v));
    let accept_language = req.headers().get("accept-language").and_then(|v| v.to_str().ok()).map(str::to_owned);
    Asked { uselang, earlier, accept_language }
}

/// What `req` asks, with the language kept in `session`.
fn asked_by(req: &HttpRequest, session: &VisitorSession) -> Asked {
    asked(req, session.language())
}

/// The language `req` was served in, for its error page: as chosen by
/// [`VisitorLanguage`], or, where that never ran (a page that does not
/// exist), chosen the same way from what is known already, with no
/// question to the wiki.
pub fn of_request(req: &HttpRequest, state: &AppState) -> LanguageCode {
    if let Some(VisitorLanguage(chosen)) = req.extensions().get::<VisitorLanguage>() {
        return chosen.clone();
    }
    asked_by(req, &VisitorSession::of(req)).choose(|code| state.languages.speaks(code), &state.language)
}

impl FromRequest for VisitorLanguage {
    type Error = PageError;
    type Future = LocalBoxFuture<'static, Result<Self, PageError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let session = VisitorSession::from_request(&req, payload);
        let client = ClientIp::from_request(&req, payload);
        Box::pin(async move {
            let client = client.await.map_err(|_| PageError::NotFound)?;
            let state = req.app_data::<web::Data<AppState>>().cloned().ok_or(PageError::NotFound)?;
            let session = session.await.map_err(|_| PageError::NotFound)?;
            let chosen = choose(&req, &state, &session, client).await?;
            // Kept for the request's error page, if it comes to one.
            req.extensions_mut().insert(chosen.clone());
            Ok(chosen)
        })
    }
}

async fn choose(
    req: &HttpRequest,
    state: &AppState,
    session: &VisitorSession,
    client: ClientIp,
) -> Result<VisitorLanguage, PageError> {
    let asked = asked_by(req, session);
    if asked.is_empty() && state.language_switch.is_empty() {
        return Ok(VisitorLanguage(state.language.clone()));
    }
    let languages = &state.languages;
    // One question for the codes named and those of the switch, when the
    // client still has a turn for it; else the languages known already.
    let mut codes = asked.candidates();
    codes.extend(state.language_switch.iter().cloned());
    let unasked = languages.unasked(&state.wiki, &codes).await;
    if !unasked.is_empty() && client.take_turn(&state.limits.form_pages).is_ok() {
        languages.learn_about(&state.wiki, &unasked).await;
    }
    let chosen = asked.choose(|code| languages.speaks(code), &state.language);
    if let Some(now) = asked.now().filter(|code| languages.speaks(code)) {
        session.set_language(&now)?;
    }
    Ok(VisitorLanguage(chosen))
}
