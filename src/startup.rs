//! Builds the application from settings: used by `main` and by the tests,
//! which start the real application on a random port.

use std::net::TcpListener;

use actix_session::SessionMiddleware;
use actix_session::config::{BrowserSession, CookieContentSecurity};
use actix_web::cookie::{Key, SameSite, time::Duration as CookieDuration};
use actix_web::dev::Server;
use actix_web::middleware::from_fn;
use actix_web::{App, HttpServer, web};

use crate::config::Settings;
use crate::session_store::MemorySessionStore;
use crate::web::{self as routes, AppState};
use crate::wiki::{ClientOptions, WikiClient};

pub struct Application {
    port: u16,
    server: Server,
}

impl Application {
    pub fn build(settings: Settings) -> anyhow::Result<Application> {
        let listener = TcpListener::bind(settings.listen)
            .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", settings.listen))?;
        let bound = listener.local_addr()?;
        let port = bound.port();
        let public_url = settings.public_url(bound);

        let wiki = WikiClient::new(
            settings.wiki_api.clone(),
            ClientOptions {
                user_agent: settings.user_agent(&public_url),
                connect_timeout: settings.upstream_timeout.min(std::time::Duration::from_secs(5)),
                timeout: settings.upstream_timeout,
                language: settings.language.clone(),
            },
        )?;
        let wiki_host = match settings.wiki_api.as_url().port() {
            Some(port) => format!("{}:{port}", settings.wiki_api.as_url().host_str().unwrap_or_default()),
            None => settings.wiki_api.as_url().host_str().unwrap_or_default().to_owned(),
        };
        let state = web::Data::new(AppState { wiki, public_url: public_url.clone(), wiki_host });

        let key = match &settings.session_secret {
            Some(secret) => Key::derive_from(secret.as_bytes()),
            None => {
                tracing::warn!(
                    "WIKISIGNUP_SESSION_SECRET is not set: using a random key, so sessions end when the process does"
                );
                Key::generate()
            }
        };
        let store = MemorySessionStore::new(settings.max_sessions, settings.session_ttl);
        let secure = public_url.is_https();
        let ttl = CookieDuration::seconds(settings.session_ttl.as_secs() as i64);

        let server = HttpServer::new(move || {
            App::new()
                .wrap(
                    SessionMiddleware::builder(store.clone(), key.clone())
                        .cookie_name("wikisignup".to_owned())
                        .cookie_http_only(true)
                        .cookie_secure(secure)
                        .cookie_same_site(SameSite::Lax)
                        .cookie_content_security(CookieContentSecurity::Private)
                        .session_lifecycle(BrowserSession::default().state_ttl(ttl))
                        .build(),
                )
                .wrap(from_fn(routes::request_id::middleware))
                .app_data(state.clone())
                .app_data(actix_web::web::FormConfig::default().limit(64 * 1024))
                .configure(routes::routes)
        })
        .listen(listener)?
        .run();
        Ok(Application { port, server })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}
