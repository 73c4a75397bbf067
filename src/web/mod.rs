//! HTTP: routes, thin handlers, session access, error pages.

mod assets;
mod captcha;
pub mod errors;
mod pages;
pub mod request_id;
mod session;
mod signup;

use actix_web::web;

use crate::config::PublicUrl;
use crate::wiki::WikiClient;

/// What every handler shares.
pub struct AppState {
    pub wiki: WikiClient,
    pub public_url: PublicUrl,
    /// The wiki's host (and port), as shown to visitors: "on test.wikipedia.org".
    pub wiki_host: String,
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(signup::show_form))
        .route("/", web::post().to(signup::submit))
        .route("/return", web::get().to(signup::provider_return))
        .route("/start-over", web::post().to(signup::start_over))
        .route("/welcome", web::get().to(signup::welcome))
        .route("/captcha/{generation}/{index}", web::get().to(captcha::image))
        .route("/static/{name}", web::get().to(assets::asset))
        .route("/healthz", web::get().to(|| async { "ok" }))
        .default_service(web::to(|| async { Err::<actix_web::HttpResponse, _>(errors::PageError::NotFound) }));
}
