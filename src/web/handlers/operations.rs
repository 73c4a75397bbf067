//! For operators: `/healthz` (the process serves), `/readyz` (the wiki
//! answers, checked at most every few seconds, and the database, with the
//! records waiting for it, then what the pre-flight check found at
//! start-up), `/metrics` (Prometheus, on its own listener:
//! see [`metrics_routes`]).

use actix_web::http::header::ContentType;
use actix_web::{HttpResponse, web};

use crate::metrics::Metrics;
use crate::preflight;
use crate::web::state::AppState;

pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().content_type(ContentType::plaintext()).body("ok\n")
}

pub async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    let ready = match state.readiness.recent() {
        Some(ready) => ready,
        None => {
            // In organizer mode, also whether its account is logged in and
            // may create accounts.
            let organizer_ready = async {
                match &state.event.organizer {
                    Some(organizer) => organizer.rights(&state.wiki).await.is_ok(),
                    None => true,
                }
            };
            let ready = state.wiki.ping().await.is_ok() && organizer_ready.await;
            state.readiness.set(ready);
            ready
        }
    };
    let database = state.records.answers().await;
    let waiting = match state.records.pending(None) {
        0 => String::new(),
        n => format!("; {n} records of accounts made wait to be written"),
    };
    let database_line = format!("database: {}{waiting}\n", if database { "answers" } else { "does not answer" });
    // The pre-flight check's findings at start-up, for whoever reads on.
    let database_line = database_line + &preflight::lines(&state.preflight.read().expect("pre-flight lock"));
    if ready && database {
        HttpResponse::Ok().content_type(ContentType::plaintext()).body(format!("ready\n{database_line}"))
    } else {
        HttpResponse::ServiceUnavailable().content_type(ContentType::plaintext()).body(format!(
            "not ready: the wiki does not answer, the organiser's account cannot create accounts, or the database \
             does not answer\n{database_line}"
        ))
    }
}

/// The routes of the metrics listener (`--metrics-listen`): kept off the
/// public address, where anyone could read the portal's traffic.
pub fn metrics_routes(config: &mut web::ServiceConfig) {
    config.route("/metrics", web::get().to(metrics));
}

async fn metrics(metrics: web::Data<Metrics>) -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain; version=0.0.4").body(metrics.render())
}
