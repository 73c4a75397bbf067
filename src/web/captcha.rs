//! `GET /captcha/{generation}/{index}`: a CAPTCHA image of the visitor's
//! current form, fetched from the wiki with the visitor's own wiki session
//! (the wiki serves it to that session only) and streamed back.
//!
//! Not an open proxy: only links the wiki put in this visitor's form are
//! fetched, only on the wiki's own origin, only images, and only so much.

use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpResponse, web};
use futures_util::StreamExt;

use super::AppState;
use super::errors::PageError;
use super::session::VisitorSession;
use crate::wiki::WikiError;

/// The route of the images, as `routes` registers it.
pub const ROUTE: &str = "/captcha/{generation}/{index}";

/// The portal's link to image `index` of the form of `generation`.
pub fn image_route(generation: u32, index: usize) -> String {
    format!("/captcha/{generation:08x}/{index}")
}

/// More than any CAPTCHA image; a wiki sending more is not sending one.
const MAX_IMAGE_BYTES: usize = 1024 * 1024;

pub async fn image(
    state: web::Data<AppState>,
    session: VisitorSession,
    path: web::Path<(String, usize)>,
) -> Result<HttpResponse, PageError> {
    let (generation, index) = path.into_inner();
    let flow = session.flow().ok_or(PageError::NotFound)?;
    if image_route(flow.generation, index) != format!("/captcha/{generation}/{index}") {
        return Err(PageError::NotFound);
    }
    let link = flow.images.get(index).ok_or(PageError::NotFound)?;
    let url = state.wiki.api().resolve_on_wiki(link).ok_or(PageError::NotFound)?;

    let response = session.with_wiki(async |wiki| state.wiki.fetch_image(wiki, &url).await).await??;

    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .filter(|v| v.starts_with("image/"))
        .map(str::to_owned)
        .ok_or_else(|| PageError::Wiki(WikiError::BadResponse("the CAPTCHA is not an image".into())))?;
    if response.content_length().is_some_and(|len| len as usize > MAX_IMAGE_BYTES) {
        return Err(PageError::Wiki(WikiError::BadResponse("the CAPTCHA image is too large".into())));
    }
    let mut sent = 0usize;
    let body = response.bytes_stream().map(move |chunk| {
        let chunk = chunk.map_err(|e| std::io::Error::other(e.to_string()))?;
        sent += chunk.len();
        if sent > MAX_IMAGE_BYTES {
            return Err(std::io::Error::other("the CAPTCHA image is too large"));
        }
        Ok::<_, std::io::Error>(chunk)
    });
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, content_type))
        .insert_header((CACHE_CONTROL, "private, no-store"))
        .streaming(body))
}
