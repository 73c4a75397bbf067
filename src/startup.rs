//! Builds the application from settings: used by `main` and by the tests,
//! which start the real application on a random port.

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use actix_session::SessionMiddleware;
use actix_session::config::{BrowserSession, CookieContentSecurity};
use actix_web::cookie::{Key, SameSite, time::Duration as CookieDuration};
use actix_web::dev::Server;
use actix_web::middleware::{Compress, Condition, from_fn};
use actix_web::{App, HttpServer, web};

use crate::config::{PublicUrl, SessionStoreSetting, Settings};
use crate::events::{self, Events};
use crate::metrics::Metrics;
use crate::preflight::{self, Finding};
use crate::records::AccountRecords;
use crate::session_store::{MemoryBounds, Sealer, VisitorSessionStore};
use crate::web::extractors::organizer::Console;
use crate::web::extractors::session::SESSION_COOKIE;
use crate::web::limits::ClientLimits;
use crate::web::middleware::{
    cookie_partition, error_pages, head_as_get, request_id, request_metrics, security_headers,
};
use crate::web::state::{AppState, Commons};
use crate::web::{self as routes, handlers};

/// How often the rate limiters forget clients gone quiet.
const LIMITER_PRUNING: Duration = Duration::from_secs(60);
/// The longest start-up waits for the wiki's words.
const WARM_UP: Duration = Duration::from_secs(5);
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

        let pages = Pages::build(&settings, &public_url).await?;
        // The pre-flight check, before serving (an organiser's login fails
        // or succeeds before the first visitor): logged, and shown by
        // /readyz. The portal serves either way.
        let findings = run_preflight(&pages.all(), &settings.session_store).await;
        // The words every visitor of a page's language shares, asked once
        // before the first visitor (a wiki that does not answer in time is
        // asked again by the first form page).
        let warm = pages.all().into_iter().map(|state| async move {
            let _ = tokio::time::timeout(WARM_UP, state.languages.keep_words(&state.wiki, &state.language)).await;
        });
        futures_util::future::join_all(warm).await;
        let Pages { portal: state, events, records, preflight, console } = pages;
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
        let (pruned_portal, pruned_events, pruned_console) = (state.clone(), events.clone(), console.clone());
        let refreshed = events.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(events::REFRESH);
            loop {
                every.tick().await;
                if let Err(e) = refreshed.refresh().await {
                    tracing::warn!(error = %e, "cannot read the console's events from the database");
                }
            }
        });
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
                all_pages(&pruned_portal, &pruned_events).iter().for_each(|state| state.prune_limiters());
                pruned_console.prune();
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
        // An event made in the console may be framed by other sites too,
        // which an https portal allows.
        let framed = settings.framed_by_other_sites() || public_url.is_https();
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
            app.app_data(state.clone())
                .app_data(web::Data::from(events.clone()))
                .app_data(web::Data::from(console.clone()))
                .configure(routes::routes)
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
    /// Each event's page, under `/e/SLUG/`.
    events: Arc<Events>,
    records: Arc<AccountRecords>,
    preflight: Arc<std::sync::RwLock<Vec<Finding>>>,
    /// The organisers' console.
    console: Arc<Console>,
}

impl Pages {
    /// The portal's page and each event's (under /e/SLUG/: its own wiki
    /// client, limits, look and words, and its own keys in the visitor's
    /// session), reached at `public_url`.
    async fn build(settings: &Settings, public_url: &PublicUrl) -> anyhow::Result<Pages> {
        let records = Arc::new(
            AccountRecords::open(&settings.database)
                .await
                .map_err(|e| anyhow::anyhow!("cannot open the database of sign-ups ({:?}): {e}", settings.database))?,
        );
        let preflight = Arc::new(std::sync::RwLock::new(Vec::new()));
        let commons = Commons {
            metrics: Metrics::new(),
            records: records.clone(),
            settings: Arc::new(settings.clone()),
            limits: Arc::new(ClientLimits::per_minute(settings.page.submissions_per_minute)),
            preflight: preflight.clone(),
        };
        let portal = commons.page(&settings.page, public_url.clone(), None)?;
        let wikis = settings
            .console
            .wikis
            .iter()
            .map(|api| commons.wiki_client(api.clone(), &settings.page, public_url))
            .collect::<anyhow::Result<_>>()?;
        let console = Arc::new(Console::new(wikis, public_url.is_https()));
        let events = Arc::new(Events::load(commons, public_url.clone()).await?);
        Ok(Pages { portal, events, records, preflight, console })
    }

    /// Every page: the portal's, then each event's.
    fn all(&self) -> Vec<web::Data<AppState>> {
        all_pages(&self.portal, &self.events)
    }
}

fn all_pages(portal: &web::Data<AppState>, events: &Events) -> Vec<web::Data<AppState>> {
    std::iter::once(portal.clone()).chain(events.all().iter().map(|page| page.state.clone())).collect()
}

/// `wikisignup check`: the pre-flight check of the portal `settings`
/// describe, without serving.
pub async fn check(settings: &Settings) -> anyhow::Result<Vec<Finding>> {
    let public_url = settings.public_url(settings.listen);
    let pages = Pages::build(settings, &public_url).await?;
    Ok(run_preflight(&pages.all(), &settings.session_store).await)
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
