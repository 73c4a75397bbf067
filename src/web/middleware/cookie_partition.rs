//! The session cookie in a frame of another site: partitioned (CHIPS).

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderValue, SET_COOKIE};
use actix_web::middleware::Next;

use crate::web::extractors::session::SESSION_COOKIE;

/// Marks the session cookie `Partitioned` (CHIPS): in a frame of another
/// site, the browser keeps it for that embedding site only, never shared
/// with the same portal framed elsewhere. (actix-web's cookie type has no
/// such attribute yet.)
pub async fn partition_cookie(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let mut response = next.call(req).await?;
    let headers = response.headers_mut();
    let cookies: Vec<HeaderValue> = headers.get_all(SET_COOKIE).cloned().collect();
    headers.remove(SET_COOKIE);
    for cookie in cookies {
        let ours = cookie.as_bytes().starts_with(format!("{SESSION_COOKIE}=").as_bytes());
        let cookie = match cookie.to_str() {
            Ok(text) if ours => HeaderValue::try_from(format!("{text}; Partitioned")).unwrap_or(cookie),
            _ => cookie,
        };
        headers.append(SET_COOKIE, cookie);
    }
    Ok(response)
}
