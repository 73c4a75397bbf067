//! HTTP: routes, thin handlers, session access, error pages.

mod assets;
mod captcha;
mod client_ip;
mod csrf;
mod embed;
pub mod errors;
mod field_check;
mod language;
pub mod operations;
mod pages;
mod report;
pub mod request_id;
mod script_captcha;
mod session;
mod signup;

use actix_web::middleware::DefaultHeaders;
use actix_web::web;

use crate::config::{FrameAncestors, PublicUrl};
use crate::wiki::WikiClient;

pub use field_check::CHECKS_PER_SUBMISSION;
pub use session::{SESSION_COOKIE, partition_cookie};
pub use signup::FORM_PAGES_PER_SUBMISSION;

/// What every handler shares.
pub struct AppState {
    pub wiki: WikiClient,
    /// Where this page is reached: the portal's address, or an event's
    /// (`.../e/SLUG/`).
    pub public_url: PublicUrl,
    /// This page's path on the portal, ending in `/`: `/`, or `/e/SLUG/`.
    /// Every link and redirect of the page starts with it, and its keys in
    /// the visitor's session are kept apart by it.
    pub base: String,
    /// The event this page is for (`None` for the portal's own page).
    pub slug: Option<String>,
    /// The event's report is shown to whoever has this (none without it).
    pub report_token: Option<crate::signups::ReportToken>,
    /// Who signed up through each event; shared by every page.
    pub signups: std::sync::Arc<crate::signups::SignupRecord>,
    /// The sites that may frame the pages (CSP `frame-ancestors`).
    pub frame_ancestors: FrameAncestors,
    /// The wiki's host (and port), as shown to visitors: "on test.wikipedia.org".
    pub wiki_host: String,
    /// Sign-up submissions per client address.
    pub submissions: governor::DefaultKeyedRateLimiter<std::net::IpAddr>,
    /// Username and password checks (`field_check`) per client address.
    pub field_checks: governor::DefaultKeyedRateLimiter<std::net::IpAddr>,
    /// Fresh forms (each costs the wiki a request) per client address.
    pub form_pages: governor::DefaultKeyedRateLimiter<std::net::IpAddr>,
    pub trusted_proxies: crate::config::TrustedProxies,
    pub metrics: crate::metrics::Metrics,
    pub readiness: operations::Readiness,
    pub event: EventSetup,
    pub captcha_widgets: crate::config::CaptchaWidgetSettings,
    /// The visitors' languages and the pages' words in each.
    pub languages: language::Languages,
    /// The languages of the page's switch (`--languages`).
    pub language_switch: Vec<String>,
    /// How long a visitor's session, and so a sign-up under way, lasts.
    pub session_ttl: std::time::Duration,
    /// The page's look and who runs it.
    pub look: crate::look::Look,
    /// The wiki page to go to after logging in, unless the link names one.
    pub returnto: Option<crate::signup::PageTitle>,
}

/// What an event adds to the sign-up; all of it off by default.
pub struct EventSetup {
    /// The organiser's form and the event code, as the domain applies them.
    pub rules: crate::signup::flow::EventRules,
    /// Organizer mode: sign-ups made in this account's wiki session.
    pub organizer: Option<crate::wiki::Organizer>,
    pub window: crate::signup::Window,
    pub max_accounts: Option<u64>,
    pub accounts: crate::session_store::AccountCount,
    /// Send each visitor's address to the wiki (`X-Forwarded-For`).
    pub forward_client_ip: bool,
}

impl AppState {
    /// Whose the pages are: for their header and footer.
    pub fn site(&self) -> pages::Site<'_> {
        pages::Site { look: &self.look, base: &self.base, wiki_name: self.wiki_name() }
    }

    /// How pages name the wiki: its own name (`sitename`), or its host
    /// until the wiki has said its name.
    pub fn wiki_name(&self) -> String {
        self.wiki.sitename().unwrap_or_else(|| self.wiki_host.clone())
    }

    /// Forgets the clients whose turns have all come back, and gives the
    /// memory back: without it every address ever seen stays.
    pub fn prune_limiters(&self) {
        for limiter in [&self.submissions, &self.field_checks, &self.form_pages] {
            client_ip::forget_quiet_clients(limiter);
        }
    }
}

/// The portal's routes: its own sign-up page at `/`, its assets and
/// operations routes.
pub fn routes(cfg: &mut web::ServiceConfig) {
    page_routes(cfg);
    cfg.route("/static/{name}", web::get().to(assets::asset))
        .route("/healthz", web::get().to(operations::healthz))
        .route("/readyz", web::get().to(operations::readyz))
        .default_service(web::to(|| async { Err::<actix_web::HttpResponse, _>(errors::PageError::NotFound) }));
}

/// The routes of one sign-up page: the portal's own at `/`, and each
/// event's under `/e/SLUG/` with the event's state.
pub fn page_routes(cfg: &mut web::ServiceConfig) {
    // What the browser sent cannot be read: our page, not the framework's.
    let unreadable = |e: &dyn std::fmt::Display| errors::PageError::BadForm(e.to_string().into()).into();
    cfg.app_data(web::FormConfig::default().limit(64 * 1024).error_handler(move |e, _| unreadable(&e)))
        .app_data(web::QueryConfig::default().error_handler(move |e, _| unreadable(&e)))
        .app_data(web::PathConfig::default().error_handler(|_, _| errors::PageError::NotFound.into()))
        .route("/", web::get().to(signup::show_form))
        .route("/", web::post().to(signup::submit))
        .route("/return", web::get().to(signup::provider_return))
        .route("/start-over", web::post().to(signup::start_over))
        .route("/welcome", web::get().to(signup::welcome))
        .route("/check-username", web::get().to(field_check::check_username))
        .route("/check-password", web::post().to(field_check::check_password))
        .route(captcha::ROUTE, web::get().to(captcha::image))
        .route("/captcha/refresh", web::post().to(signup::refresh_captcha))
        .route("/theme.css", web::get().to(assets::theme))
        .route("/logo", web::get().to(assets::logo))
        .route("/embed.js", web::get().to(embed::script))
        .route("/embed", web::get().to(embed::help))
        .route("/report", web::get().to(report::report))
        .route("/qr.svg", web::get().to(report::qr_code));
}

/// `HEAD` is answered wherever `GET` is (HEAD-based monitors, link
/// checkers): routed as a GET; the server sends the headers only.
pub async fn head_as_get(
    mut req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody>,
) -> Result<actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>, actix_web::Error> {
    if req.method() == actix_web::http::Method::HEAD {
        req.head_mut().method = actix_web::http::Method::GET;
    }
    next.call(req).await
}

/// The pages' CSP: the portal's own script, styles and images only; a page
/// with a CAPTCHA widget also lets that widget's `origins` load, connect
/// and frame, and nothing else.
pub fn content_security_policy(frame_ancestors: &str, widget_origins: Option<&str>) -> String {
    match widget_origins {
        None => format!(
            "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; \
             base-uri 'none'; object-src 'none'; frame-ancestors {frame_ancestors}"
        ),
        Some(o) => format!(
            "default-src 'none'; script-src 'self' {o}; connect-src 'self' {o}; style-src 'self' {o}; \
             img-src 'self' {o}; frame-src {o}; base-uri 'none'; object-src 'none'; frame-ancestors {frame_ancestors}"
        ),
    }
}

/// Headers on every response. The pages load only the portal's own script,
/// style sheet and images (CAPTCHA images included: they come through the
/// portal), and the script asks only the portal (the field checks);
/// `frame-ancestors` names the sites that may embed the page.
/// No `form-action`: a sign-up form's answer may redirect the browser to a
/// third-party provider, whose origin is not known in advance.
pub fn security_headers(frame_ancestors: &str) -> DefaultHeaders {
    DefaultHeaders::new()
        .add(("Content-Security-Policy", content_security_policy(frame_ancestors, None)))
        .add(("X-Content-Type-Options", "nosniff"))
        // The return URL's query (a provider's code) never leaves the site.
        .add(("Referrer-Policy", "same-origin"))
}
