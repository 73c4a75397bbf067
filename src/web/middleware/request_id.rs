//! A request id for every request: in the log span, in the `X-Request-Id`
//! response header and on every error page, so a visitor's report can be
//! matched with the log.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use rand::RngExt;
use tracing::Instrument;

tokio::task_local! {
    static REQUEST_ID: String;
}

/// The id of the request being handled, or "-" outside one.
pub fn current() -> String {
    REQUEST_ID.try_with(Clone::clone).unwrap_or_else(|_| "-".to_owned())
}

pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let id = format!("{:016x}", rand::rng().random::<u64>());
    // The path only: query strings may carry what a visitor typed.
    let span = tracing::info_span!("request", request_id = %id, method = %req.method(), path = %req.path());
    let started = std::time::Instant::now();
    let result = REQUEST_ID.scope(id.clone(), next.call(req)).instrument(span.clone()).await;
    let _entered = span.enter();
    match result {
        Ok(mut response) => {
            let status = response.status().as_u16();
            let elapsed_ms = started.elapsed().as_millis() as u64;
            // Pages read without trouble (every visitor's form page, the
            // assets) are the bulk of requests and the reverse proxy logs
            // them: at debug, since a line each cost a twentieth of a form
            // page. Whatever is sent, and every refusal or failure, at info.
            if response.request().method() == Method::GET && status < 400 {
                tracing::debug!(status, elapsed_ms, "request done");
            } else {
                tracing::info!(status, elapsed_ms, "request done");
            }
            if let Ok(value) = HeaderValue::from_str(&id) {
                response.headers_mut().insert(HeaderName::from_static("x-request-id"), value);
            }
            Ok(response)
        }
        Err(e) => {
            tracing::warn!(error = %e, "request failed");
            Err(e)
        }
    }
}
