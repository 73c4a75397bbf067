//! The stylesheet and script, compiled into the binary so that the release
//! binary runs from any directory.

use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpResponse, web};

use super::errors::PageError;

const ASSETS: [(&str, &str, &str); 2] = [
    ("style.css", "text/css; charset=utf-8", include_str!("../../static/style.css")),
    ("signup.js", "text/javascript; charset=utf-8", include_str!("../../static/signup.js")),
];

pub async fn asset(name: web::Path<String>) -> Result<HttpResponse, PageError> {
    let (_, content_type, body) = ASSETS.iter().find(|(n, _, _)| *n == name.as_str()).ok_or(PageError::NotFound)?;
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, *content_type))
        .insert_header((CACHE_CONTROL, "public, max-age=3600"))
        .body(*body))
}
