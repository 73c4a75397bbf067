//! HTTP: the route table. Handlers (`handlers/`) are thin and call the
//! domain; extractors (`extractors/`) give them the client, the form, the
//! language and the session; middleware (`middleware/`) wraps every
//! request; `state.rs` is what a page's handlers share; `errors.rs` maps
//! every failure to a page in one place; `pages.rs` renders the templates;
//! `form_pages.rs` keeps fresh form pages rendered once.

pub mod errors;
pub mod extractors;
pub mod form_pages;
pub mod handlers;
pub mod languages;
pub mod limits;
pub mod middleware;
pub mod pages;
pub mod state;

use actix_web::web;

use errors::PageError;
use handlers::{assets, captcha, console, console_events, embed, field_check, form, operations, report};

/// The portal's routes: its own sign-up page at `/`, its assets and
/// operations routes.
pub fn routes(cfg: &mut web::ServiceConfig) {
    page_routes(cfg);
    cfg.service(
        web::scope("/e/{slug}")
            .wrap(actix_web::middleware::from_fn(middleware::event_pages::event_page))
            .configure(page_routes),
    );
    cfg.service(console_routes());
    cfg.route("/organize", web::get().to(console::to_console));
    cfg.route("/static/{name}", web::get().to(assets::asset))
        .route("/healthz", web::get().to(operations::healthz))
        .route("/readyz", web::get().to(operations::readyz))
        .default_service(web::to(|| async { Err::<actix_web::HttpResponse, _>(PageError::NotFound) }));
}

/// The organisers' console, under `/organize/`: never framed, never
/// cached, never sending a referrer.
fn console_routes() -> actix_web::Scope<
    impl actix_web::dev::ServiceFactory<
        actix_web::dev::ServiceRequest,
        Config = (),
        Response = actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let unreadable = |e: &dyn std::fmt::Display| PageError::BadForm(e.to_string().into()).into();
    web::scope("/organize")
        .wrap(
            actix_web::middleware::DefaultHeaders::new()
                .add(("Content-Security-Policy", middleware::security_headers::content_security_policy("'none'", None)))
                .add(("Cache-Control", "no-store"))
                .add(("Referrer-Policy", "no-referrer"))
                .add(("X-Robots-Tag", "noindex")),
        )
        .app_data(web::FormConfig::default().limit(16 * 1024).error_handler(move |e, _| unreadable(&e)))
        .app_data(web::PathConfig::default().error_handler(|_, _| PageError::NotFound.into()))
        .route("/", web::get().to(console::home))
        .route("/sign-in", web::post().to(console::sign_in))
        .route("/sign-out", web::post().to(console::sign_out))
        .route("/new", web::get().to(console_events::new_event))
        .route("/new", web::post().to(console_events::create_event))
        .route("/e/{slug}", web::get().to(console_events::event))
        .route("/e/{slug}/edit", web::get().to(console_events::edit_event))
        .route("/e/{slug}/edit", web::post().to(console_events::update_event))
        .route("/e/{slug}/report.csv", web::get().to(console_events::report_csv))
        .route("/e/{slug}/{action}", web::post().to(console_events::act))
}

/// The routes of one sign-up page: the portal's own at `/`, and each
/// event's under `/e/SLUG/` with the event's state.
pub fn page_routes(cfg: &mut web::ServiceConfig) {
    // What the browser sent cannot be read: our page, not the framework's.
    let unreadable = |e: &dyn std::fmt::Display| PageError::BadForm(e.to_string().into()).into();
    cfg.app_data(web::FormConfig::default().limit(64 * 1024).error_handler(move |e, _| unreadable(&e)))
        .app_data(web::QueryConfig::default().error_handler(move |e, _| unreadable(&e)))
        .app_data(web::PathConfig::default().error_handler(|_, _| PageError::NotFound.into()))
        .route("/", web::get().to(form::show_form))
        .route("/", web::post().to(form::submit))
        .route("/return", web::get().to(form::provider_return))
        .route("/start-over", web::post().to(form::start_over))
        .route("/welcome", web::get().to(form::welcome))
        .route("/check-username", web::get().to(field_check::check_username))
        .route("/check-password", web::post().to(field_check::check_password))
        .route(captcha::ROUTE, web::get().to(captcha::image))
        .route("/captcha/refresh", web::post().to(form::refresh_captcha))
        .route("/theme.css", web::get().to(assets::theme))
        .route("/logo", web::get().to(assets::logo))
        .route("/embed.js", web::get().to(embed::script))
        .route("/embed", web::get().to(embed::help))
        .route("/report", web::get().to(report::report))
        .route("/screen", web::get().to(report::screen))
        .route("/poster", web::get().to(report::poster))
        .route("/qr.svg", web::get().to(report::qr_code));
}
