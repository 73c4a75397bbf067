//! `GET /captcha/{generation}/{index}`: a CAPTCHA image of the visitor's
//! current form, fetched from the wiki with the visitor's own wiki session
//! (the wiki serves it to that session only) and sent back once checked
//! (`WikiClient::fetch_image`: an image type, at most 1 MiB).
//!
//! Not an open proxy: only links the wiki put in this visitor's form are
//! fetched, only on the wiki's own origin, only images, and only so much.

use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpResponse, web};

use crate::web::errors::PageError;
use crate::web::extractors::client_ip::ClientIp;
use crate::web::extractors::language::VisitorLanguage;
use crate::web::extractors::session::VisitorSession;
use crate::web::state::AppState;

/// The route of the images, as `routes` registers it.
pub const ROUTE: &str = "/captcha/{generation}/{index}";

/// The page's links (at `base`) to the images: image `index` of the form
/// of `generation`, as `signup::Flow` asks for them.
pub fn image_routes(base: &str) -> impl Fn(u32, usize) -> String + Copy + '_ {
    move |generation, index| format!("{base}captcha/{generation:08x}/{index}")
}

/// The route's parts, by name: an event's route has its slug besides.
#[derive(serde::Deserialize)]
pub struct ImagePath {
    generation: String,
    index: usize,
}

pub async fn image(
    state: web::Data<AppState>,
    session: VisitorSession,
    client: ClientIp,
    language: VisitorLanguage,
    path: web::Path<ImagePath>,
) -> Result<HttpResponse, PageError> {
    let ImagePath { generation, index } = path.into_inner();
    let flow = session.flow().ok_or(PageError::NotFound)?;
    client.take_turn(&state.limits.images)?;
    let asked = format!("{}captcha/{generation}/{index}", state.base);
    let route = image_routes(&state.base);
    let link = flow.image(index, route, &asked).ok_or(PageError::NotFound)?;
    let url = state.wiki.api().resolve_on_wiki(link).ok_or(PageError::NotFound)?;

    let image =
        session.with_wiki(&state, client, &language.0, async |wiki| state.wiki.fetch_image(wiki, &url).await).await??;
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, image.content_type))
        .insert_header((CACHE_CONTROL, "private, no-store"))
        // Opened on its own, the image is a document of the portal's
        // origin: it may run nothing, and is never read as anything else.
        .insert_header(("Content-Security-Policy", "sandbox"))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .body(image.bytes))
}
