//! The stylesheet and script, compiled into the binary so that the release
//! binary runs from any directory.

use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpResponse, web};

use crate::web::errors::PageError;
use crate::web::state::AppState;

const ASSETS: [(&str, &str, &str); 2] = [
    ("style.css", "text/css; charset=utf-8", include_str!("../../../static/style.css")),
    ("signup.js", "text/javascript; charset=utf-8", include_str!("../../../static/signup.js")),
];

pub async fn asset(name: web::Path<String>) -> Result<HttpResponse, PageError> {
    let (_, content_type, body) = ASSETS.iter().find(|(n, _, _)| *n == name.as_str()).ok_or(PageError::NotFound)?;
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, *content_type))
        .insert_header((CACHE_CONTROL, "public, max-age=3600"))
        .body(*body))
}

/// `GET /theme.css`: the accent colour (`--accent-color`), as variables the
/// stylesheet uses; empty without one.
pub async fn theme(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header((CACHE_CONTROL, "public, max-age=300"))
        .body(state.look.theme_css())
}

/// `GET /logo`: the logo file (`--logo`), read at start-up.
pub async fn logo(state: web::Data<AppState>) -> Result<HttpResponse, PageError> {
    let logo = state.look.logo.as_ref().ok_or(PageError::NotFound)?;
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, logo.content_type))
        .insert_header((CACHE_CONTROL, "public, max-age=300"))
        // An SVG opened on its own may run nothing.
        .insert_header(("Content-Security-Policy", "sandbox"))
        .body(logo.bytes.clone()))
}
