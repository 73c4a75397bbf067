//! `GET /check-username?name=...`: whether the wiki would take a name, asked
//! by the form's script while the visitor types, as the wiki's own sign-up
//! page does. Advisory only: the form works without it, and the wiki decides
//! when the form is sent.

use std::num::NonZeroU32;

use actix_web::http::header::CACHE_CONTROL;
use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};

use super::AppState;
use super::client_ip::ClientIp;
use super::errors::PageError;
use crate::signup::NameCheck;

/// Name checks a client may make for each sign-up submission it may make:
/// a visitor typing a name asks several times, debounced by the script.
pub const NAME_CHECKS_PER_SUBMISSION: NonZeroU32 = NonZeroU32::new(6).unwrap();

#[derive(Deserialize)]
pub struct NameQuery {
    #[serde(default)]
    name: String,
}

/// The script's answer: what to say under the field, if anything.
#[derive(Serialize)]
struct NameAnswer<'a> {
    problem: Option<&'a str>,
}

pub async fn check_username(
    state: web::Data<AppState>,
    client: ClientIp,
    query: web::Query<NameQuery>,
) -> Result<HttpResponse, PageError> {
    let check = match NameCheck::before_asking(&query.name) {
        Some(check) => check,
        None => {
            client.take_turn(&state.name_checks)?;
            NameCheck::from_wiki(&state.wiki.username_availability(query.name.trim()).await?)
        }
    };
    Ok(HttpResponse::Ok()
        .insert_header((CACHE_CONTROL, "no-store"))
        .json(NameAnswer { problem: check.problem() }))
}
