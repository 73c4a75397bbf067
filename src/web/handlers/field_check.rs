//! Advice on fields while the form is filled in, asked by the form's script
//! as the wiki's own sign-up page asks: `GET /check-username?name=...`
//! (taken, not valid, refused) and `POST /check-password` (the wiki's
//! password policy). Advisory only: the form works without them, and the
//! wiki decides when the form is sent. Neither uses the visitor's wiki
//! session; both answer JSON `{"problem": text or null}`.

use actix_web::http::header::CACHE_CONTROL;
use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};

use crate::signup::Advice;
use crate::web::errors::PageError;
use crate::web::extractors::client_ip::ClientIp;
use crate::web::extractors::csrf::VerifiedForm;
use crate::web::extractors::language::VisitorLanguage;
use crate::web::state::AppState;
use crate::wiki::{UpstreamSession, WikiError};

#[derive(Deserialize)]
pub struct NameQuery {
    #[serde(default)]
    name: String,
}

pub async fn check_username(
    state: web::Data<AppState>,
    client: ClientIp,
    language: VisitorLanguage,
    query: web::Query<NameQuery>,
) -> Result<HttpResponse, PageError> {
    let name = match Advice::username_to_ask(&query.name) {
        Ok(name) => name,
        Err(advice) => return Ok(answer(&state, &language, &advice)),
    };
    client.take_turn(&state.limits.field_checks)?;
    let user = state.wiki.username_availability(&mut asking(&state, client, &language), name.as_str()).await?;
    Ok(answer(&state, &language, &Advice::for_username(&user)))
}

/// A POST, and with the form's CSRF token like every POST: the password
/// never travels in a URL, and no other site can make the portal ask.
pub async fn check_password(
    state: web::Data<AppState>,
    client: ClientIp,
    language: VisitorLanguage,
    VerifiedForm(typed): VerifiedForm,
) -> Result<HttpResponse, PageError> {
    let password = typed.value("password").unwrap_or_default();
    if password.is_empty() {
        return Ok(answer(&state, &language, &Advice::Fine));
    }
    client.take_turn(&state.limits.field_checks)?;
    let (username, email) = (typed.value("username").unwrap_or_default(), typed.value("email").unwrap_or_default());
    let mut asking = asking(&state, client, &language);
    match state.wiki.password_validity(&mut asking, password, username.trim(), email.trim()).await {
        Ok(validity) => Ok(answer(&state, &language, &Advice::for_password(&validity))),
        // The name is taken (`userexists`) or not valid: the username
        // check says so; nothing to say of the password.
        Err(WikiError::Api(_) | WikiError::PermissionDenied(_)) => Ok(answer(&state, &language, &Advice::Fine)),
        Err(e) => Err(e.into()),
    }
}

/// A wiki session of no one, for a check made for this visitor.
fn asking(state: &AppState, client: ClientIp, language: &VisitorLanguage) -> UpstreamSession {
    let mut session = UpstreamSession::default();
    state.made_for(client.0, &language.0, &mut session);
    session
}

/// The script's answer: what to say under the field, if anything, in
/// the visitor's language.
fn answer(state: &AppState, language: &VisitorLanguage, advice: &Advice) -> HttpResponse {
    #[derive(Serialize)]
    struct Answer {
        problem: Option<String>,
    }
    let words = state.languages.words(&language.0);
    let problem = advice.problem().map(|said| words.say(said));
    HttpResponse::Ok().insert_header((CACHE_CONTROL, "no-store")).json(Answer { problem })
}
