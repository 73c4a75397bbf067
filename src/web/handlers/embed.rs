//! For event sites that embed the form: `GET /embed.js`, the one-line
//! embed script, and `GET /embed`, a page with the snippet to copy.

use actix_web::http::StatusCode;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpResponse, web};
use askama::Template;

use crate::config::PublicUrl;
use crate::signup::Words;
use crate::web::pages;
use crate::web::state::AppState;

#[derive(Template)]
#[template(path = "embed.html")]
struct EmbedPage<'a> {
    snippet: String,
    plain: String,
    frame_ancestors: &'a str,
    framed_by_others: bool,
    /// For organisers setting up their page: the portal's own English.
    words: Words,
    site: crate::web::pages::Site<'a>,
}

pub async fn script() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/javascript; charset=utf-8"))
        .insert_header((CACHE_CONTROL, "public, max-age=3600"))
        .body(include_str!("../../../static/embed.js"))
}

/// The two lines that embed the sign-up page at `public_url` in another
/// site's page.
pub fn snippet(public_url: &PublicUrl) -> String {
    let script = public_url.route("embed.js");
    format!(
        "<div data-wikisignup data-returnto=\"Project:Your event page\"></div>\n<script src=\"{script}\" async></script>"
    )
}

pub async fn help(state: web::Data<AppState>) -> HttpResponse {
    let form = state.public_url.route("");
    let page = EmbedPage {
        snippet: snippet(&state.public_url),
        plain: format!(
            "<iframe src=\"{form}\" title=\"Create an account\" style=\"width:100%;height:46rem;border:0\"></iframe>"
        ),
        frame_ancestors: state.frame_ancestors.as_str(),
        framed_by_others: state.frame_ancestors.allows_other_sites(),
        words: Words::default(),
        site: state.site(),
    };
    pages::render(StatusCode::OK, &page)
}
