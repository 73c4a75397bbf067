//! For operators: `/healthz` (the process serves), `/readyz` (the wiki
//! answers, checked at most every few seconds), `/metrics` (Prometheus, on
//! its own listener: see [`metrics_routes`]), and the middleware counting
//! requests.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::ContentType;
use actix_web::middleware::Next;
use actix_web::{HttpResponse, web};

use super::AppState;
use crate::metrics::Metrics;

/// How long a readiness answer is reused: probes every second do not each
/// cost the wiki a request.
const READINESS_TTL: Duration = Duration::from_secs(5);

/// The last readiness check: when, and whether the wiki answered.
#[derive(Default)]
pub struct Readiness(Mutex<Option<(Instant, bool)>>);

pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().content_type(ContentType::plaintext()).body("ok\n")
}

pub async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    let cached = *state.readiness.0.lock().expect("readiness lock");
    let ready = match cached {
        Some((at, ready)) if at.elapsed() < READINESS_TTL => ready,
        _ => {
            // In organizer mode, also whether its account is logged in and
            // may create accounts.
            let organizer_ready = async {
                match &state.event.organizer {
                    Some(organizer) => organizer.rights(&state.wiki).await.is_ok(),
                    None => true,
                }
            };
            let ready = state.wiki.ping().await.is_ok() && organizer_ready.await;
            *state.readiness.0.lock().expect("readiness lock") = Some((Instant::now(), ready));
            ready
        }
    };
    if ready {
        HttpResponse::Ok().content_type(ContentType::plaintext()).body("ready\n")
    } else {
        HttpResponse::ServiceUnavailable()
            .content_type(ContentType::plaintext())
            .body("the wiki does not answer, or the organiser's account cannot create accounts\n")
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

/// Counts every request by its route pattern and status.
pub async fn count_requests(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let response = next.call(req).await?;
    if let Some(state) = state {
        let route = response.request().match_pattern().unwrap_or_else(|| "unmatched".to_owned());
        let status = response.status().as_u16().to_string();
        state.metrics.requests.with_label_values(&[route.as_str(), status.as_str()]).inc();
    }
    Ok(response)
}
