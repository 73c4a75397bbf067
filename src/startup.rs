//! Builds the application from settings: used by `main` and by the tests,
//! which start the real application on a random port.

use std::net::TcpListener;
use std::time::Duration;

use actix_session::SessionMiddleware;
use actix_session::config::{BrowserSession, CookieContentSecurity};
use actix_web::cookie::{Key, SameSite, time::Duration as CookieDuration};
use actix_web::dev::Server;
use actix_web::middleware::{Compress, Condition, from_fn};
use actix_web::{App, HttpServer, web};

use std::num::NonZeroU64;

use crate::config::{PageSettings, PublicUrl, SessionStoreSetting, Settings};
use crate::events::Events;
use crate::metrics::Metrics;
use crate::preflight::{self, Finding};
use crate::records::AccountRecords;
use crate::session_store::{MemoryBounds, Sealer, VisitorSessionStore};
use crate::signup::{CreatorForm, EventRules, Slug};
use crate::web::extractors::session::SESSION_COOKIE;
use crate::web::limits::{self, ClientLimits};
use crate::web::middleware::{
    cookie_partition, error_pages, head_as_get, request_id, request_metrics, security_headers,
};
use crate::web::state::{AppState, EventSetup};
use crate::web::{self as routes, handlers};
use crate::wiki::{ClientOptions, Organizer, TransportOptions, WikiClient};

/// How often the rate limiters forget clients gone quiet.
const LIMITER_PRUNING: Duration = Duration::from_secs(60);
/// How often records the database refused are offered to it again.
const PENDING_RETRY: Duration = Duration::from_secs(5);

pub struct Application {
    port: u16,
    server: Server,
    /// `/metrics`, on its own address when one is set.
    metrics_server: Option<(u16, Server)>,
}

impl Application {
    pub async fn build(settings: Settings) -> anyhow::Result<Application> {
        let listener = TcpListener::bind(settings.listen)
            .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", settings.listen))?;
        let bound = listener.local_addr()?;
        let port = bound.port();
        let public_url = settings.public_url(bound);

        let Pages { portal: state, events, records, preflight } = Pages::build(&settings, &public_url).await?;
        // The pre-flight check, before serving (an organiser's login fails
        // or succeeds before the first visitor): logged, and shown by
        // /readyz. The portal serves either way.
        let findings = run_preflight(&Pages::all(&state, &events), &settings.session_store).await;
        for finding in &findings {
            if finding.trouble {
                tracing::warn!("pre-flight check: {}", finding.sentence);
            } else {
                tracing::info!("pre-flight check: {}", finding.sentence);
            }
        }
        *preflight.write().expect("pre-flight lock") = findings;
        let metrics_server = match settings.metrics_listen {
            Some(address) => Some(serve_metrics(address, state.metrics.clone())?),
            None => None,
        };
        let frame_ancestors = settings.page.frame_ancestors.as_str().to_owned();
        let pruned = Pages::all(&state, &events);
        let waiting = records.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(PENDING_RETRY);
            loop {
                every.tick().await;
                waiting.write_pending().await;
            }
        });
        tokio::spawn(async move {
            let mut every = tokio::time::interval(LIMITER_PRUNING);
            loop {
                every.tick().await;
                pruned.iter().for_each(|state| state.prune_limiters());
            }
        });

        let secret: Vec<u8> = match &settings.session_secret {
            Some(secret) => secret.expose().to_vec(),
            None => {
                tracing::warn!(
                    "WIKISIGNUP_SESSION_SECRET is not set: using a random key, so sessions end when the process does"
                );
                rand::RngExt::random::<[u8; 64]>(&mut rand::rng()).to_vec()
            }
        };
        let key = Key::derive_from(&secret);
        let bounds = MemoryBounds {
            max_sessions: settings.max_sessions.get(),
            budget_bytes: settings.session_memory_bytes,
            idle_ttl: settings.session_ttl,
        };
        let sealer = Sealer::new(&secret, settings.redis_prefix.as_ref().map(|p| p.as_str()));
        let store = VisitorSessionStore::open(&settings.session_store, bounds, sealer).await?;
        // Framed by other sites, the cookie must be sent inside a cross-site
        // frame (SameSite=None, which browsers take only when Secure), kept
        // apart per embedding site (Partitioned, added by `partition_cookie`).
        // Framed by other sites anywhere (the portal's page or an event's).
        let framed = settings.framed_by_other_sites();
        let (same_site, secure) = if framed { (SameSite::None, true) } else { (SameSite::Lax, public_url.is_https()) };
        let ttl = CookieDuration::seconds(settings.session_ttl.as_secs() as i64);

        let server = HttpServer::new(move || {
            let app = App::new()
                .wrap(from_fn(error_pages::in_visitor_language))
                .wrap(
                    SessionMiddleware::builder(store.clone(), key.clone())
                        .cookie_name(SESSION_COOKIE.to_owned())
                        .cookie_http_only(true)
                        .cookie_secure(secure)
                        .cookie_same_site(same_site)
                        .cookie_content_security(CookieContentSecurity::Private)
                        .session_lifecycle(BrowserSession::default().state_ttl(ttl))
                        .build(),
                )
                .wrap(Condition::new(framed, from_fn(cookie_partition::partition_cookie)))
                .wrap(security_headers::security_headers(&frame_ancestors))
                .wrap(Compress::default())
                .wrap(from_fn(request_metrics::count_requests))
                .wrap(from_fn(request_id::middleware))
                .wrap(from_fn(head_as_get::head_as_get));
            // An event's headers first: the portal's do not replace them.
            let app = events.iter().fold(app, |app, (scope, event_state, frame_ancestors)| {
                app.service(
                    web::scope(scope)
                        .wrap(security_headers::security_headers(frame_ancestors))
                        .app_data(event_state.clone())
                        .configure(routes::page_routes),
                )
            });
            app.app_data(state.clone()).configure(routes::routes)
        })
        // Slow or idle clients cannot hold connections for long.
        .client_request_timeout(Duration::from_secs(10))
        .client_disconnect_timeout(Duration::from_secs(2))
        .keep_alive(Duration::from_secs(30))
        // On SIGTERM or SIGINT: stop accepting, let sign-ups under way
        // finish (up to the wiki's own time limit), then exit.
        .shutdown_timeout(settings.page.upstream_timeout.as_secs() * 2 + 5)
        .listen(listener)?
        .run();
        Ok(Application { port, server, metrics_server })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The port `/metrics` is served on, if `--metrics-listen` is set.
    pub fn metrics_port(&self) -> Option<u16> {
        self.metrics_server.as_ref().map(|(port, _)| *port)
    }

    /// Stops the server (gracefully: requests under way finish).
    pub fn handle(&self) -> actix_web::dev::ServerHandle {
        self.server.handle()
    }

    /// Serves until the public server stops; the metrics server stops with it.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let Some((_, metrics)) = self.metrics_server else {
            return self.server.await;
        };
        let metrics_handle = metrics.handle();
        let public = async {
            let served = self.server.await;
            metrics_handle.stop(false).await;
            served
        };
        let (served, _) = futures_util::future::join(public, metrics).await;
        served
    }
}

/// Every sign-up page of the portal, and what they share.
struct Pages {
    /// The portal's own page, at `/`.
    portal: web::Data<AppState>,
    /// Each event's page: its scope (`/e/SLUG`), state and frame ancestors.
    events: Vec<(String, web::Data<AppState>, String)>,
    records: std::sync::Arc<AccountRecords>,
    preflight: std::sync::Arc<std::sync::RwLock<Vec<Finding>>>,
}

impl Pages {
    /// The portal's page and each event's (under /e/SLUG/: its own wiki
    /// client, limits, look and words, and its own keys in the visitor's
    /// session), reached at `public_url`.
    async fn build(settings: &Settings, public_url: &PublicUrl) -> anyhow::Result<Pages> {
        let records = std::sync::Arc::new(
            AccountRecords::open(&settings.database)
                .await
                .map_err(|e| anyhow::anyhow!("cannot open the database of sign-ups ({:?}): {e}", settings.database))?,
        );
        let limits = std::sync::Arc::new(ClientLimits::per_minute(settings.page.submissions_per_minute));
        let preflight = std::sync::Arc::new(std::sync::RwLock::new(Vec::new()));
        let shared = Shared {
            metrics: Metrics::new(),
            records: records.clone(),
            settings,
            limits,
            preflight: preflight.clone(),
        };
        let portal = web::Data::new(page_state(&settings.page, public_url.clone(), None, &shared).await?);
        let mut events = Vec::new();
        for event in Events::from_settings(settings).all() {
            let route = format!("e/{}/", event.slug.as_str());
            let url: PublicUrl = public_url.route(&route).as_str().parse().expect("the public URL extended");
            let event_state = page_state(&event.page, url, Some(&event.slug), &shared).await?;
            let frame_ancestors = event.page.frame_ancestors.as_str().to_owned();
            events.push((format!("/e/{}", event.slug.as_str()), web::Data::new(event_state), frame_ancestors));
        }
        Ok(Pages { portal, events, records, preflight })
    }

    fn all(portal: &web::Data<AppState>, events: &[(String, web::Data<AppState>, String)]) -> Vec<web::Data<AppState>> {
        std::iter::once(portal.clone()).chain(events.iter().map(|(_, state, _)| state.clone())).collect()
    }
}

/// `wikisignup check`: the pre-flight check of the portal `settings`
/// describe, without serving.
pub async fn check(settings: &Settings) -> anyhow::Result<Vec<Finding>> {
    let public_url = settings.public_url(settings.listen);
    let pages = Pages::build(settings, &public_url).await?;
    Ok(run_preflight(&Pages::all(&pages.portal, &pages.events), &settings.session_store).await)
}

/// The pre-flight check of `pages` (which share one database).
async fn run_preflight(pages: &[web::Data<AppState>], store: &SessionStoreSetting) -> Vec<Finding> {
    let checked: Vec<preflight::Page<'_>> = pages
        .iter()
        .map(|state| preflight::Page {
            name: state.slug.as_ref().map_or_else(|| "the portal's page".to_owned(), |slug| format!("event {slug}")),
            wiki: &state.wiki,
            organizer: state.event.organizer.as_ref(),
        })
        .collect();
    preflight::check(&checked, &pages[0].records, store).await
}

/// What every page of the portal shares.
struct Shared<'a> {
    metrics: Metrics,
    records: std::sync::Arc<AccountRecords>,
    /// The portal's own settings (sessions, proxies).
    settings: &'a Settings,
    /// One budget of turns per client for every page.
    limits: std::sync::Arc<ClientLimits>,
    /// What the pre-flight check found, once it has run.
    preflight: std::sync::Arc<std::sync::RwLock<Vec<Finding>>>,
}

/// One sign-up page's state: the portal's own (`slug` `None`, at `/`) or
/// an event's (at `/e/SLUG/`), reached at `public_url`, with `settings`.
async fn page_state(
    settings: &PageSettings,
    public_url: PublicUrl,
    slug: Option<&Slug>,
    shared: &Shared<'_>,
) -> anyhow::Result<AppState> {
    let metrics = shared.metrics.clone();
    let wiki = WikiClient::new(
        settings.wiki_api.clone(),
        ClientOptions {
            transport: TransportOptions {
                user_agent: settings.user_agent(&public_url),
                connect_timeout: settings.upstream_timeout.min(Duration::from_secs(5)),
                concurrency: settings.upstream_concurrency,
                metrics: metrics.upstream.clone(),
                timeout: settings.upstream_timeout,
                language: settings.language.as_str().to_owned(),
            },
            interface_messages: &crate::signup::INTERFACE_MESSAGES,
        },
    )?;
    let wiki_host = settings.wiki_api.host();
    let event = event_setup(settings, &public_url);
    let frame_origins = settings.frame_ancestors.origins(&public_url.origin()).join(" ");
    let state = AppState {
        frame_origins,
        wiki,
        public_url,
        base: slug.map_or_else(|| "/".to_owned(), |slug| format!("/e/{slug}/")),
        slug: slug.cloned(),
        report_token: settings.report_token.clone(),
        records: shared.records.clone(),
        wiki_host,
        limits: shared.limits.clone(),
        own_submissions: limits::page_submissions(
            settings.submissions_per_minute,
            shared.settings.page.submissions_per_minute,
            settings.organizer.as_ref().map(|_| settings.organizer_burst),
        ),
        trusted_proxies: shared.settings.trusted_proxies.clone(),
        frame_ancestors: settings.frame_ancestors.clone(),
        metrics,
        readiness: Default::default(),
        preflight: shared.preflight.clone(),
        event,
        captcha_widgets: settings.captcha_widgets.clone(),
        language: settings.language.clone(),
        languages: Default::default(),
        language_switch: settings.languages.clone(),
        session_ttl: shared.settings.session_ttl,
        look: settings.look.clone(),
        returnto: settings.returnto.clone(),
        campaign_event: settings.campaign_event_id,
    };
    Ok(state)
}

/// What the event settings add: organizer mode, the event code, the time
/// window, the account maximum, forwarding visitors' addresses.
fn event_setup(settings: &PageSettings, public_url: &PublicUrl) -> EventSetup {
    let creator = settings.organizer.as_ref().map(|o| CreatorForm {
        reason: o
            .reason
            .clone()
            .unwrap_or_else(|| format!("Account created at an event through {}", public_url.as_str())),
        mail_password: o.mail_password,
    });
    EventSetup {
        rules: EventRules::new(
            creator,
            settings.event_code.clone(),
            settings.window,
            settings.max_accounts.map(NonZeroU64::get),
        ),
        organizer: settings.organizer.as_ref().map(|o| Organizer::new(o.credentials.clone())),
        forward_client_ip: settings.forward_client_ip,
    }
}

/// A small server of its own for `/metrics`: one worker, nothing else on it.
fn serve_metrics(address: std::net::SocketAddr, metrics: Metrics) -> anyhow::Result<(u16, Server)> {
    let listener =
        TcpListener::bind(address).map_err(|e| anyhow::anyhow!("cannot listen for metrics on {address}: {e}"))?;
    let port = listener.local_addr()?.port();
    let metrics = web::Data::new(metrics);
    let server =
        HttpServer::new(move || App::new().app_data(metrics.clone()).configure(handlers::operations::metrics_routes))
            .workers(1)
            .disable_signals()
            .listen(listener)?
            .run();
    Ok((port, server))
}
