//! The events' pages, under `/e/SLUG/`: the event at the slug gives the
//! request its page's state (what `web::Data<AppState>` then finds) and its
//! `frame-ancestors`; a slug of no event is not found. Events come and go
//! while the portal runs (see `crate::events`), so this is looked up for
//! each request rather than fixed in the route table.

use std::rc::Rc;

use actix_web::body::MessageBody;
use actix_web::dev::{Extensions, ServiceRequest, ServiceResponse};
use actix_web::http::header::{CONTENT_SECURITY_POLICY, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, web};

use super::security_headers::content_security_policy;
use crate::events::Events;
use crate::signup::Slug;
use crate::web::errors::PageError;

pub async fn event_page(
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let slug = req.match_info().get("slug").and_then(|s| s.parse::<Slug>().ok());
    let events = req.app_data::<web::Data<Events>>();
    let Some(page) = slug.zip(events).and_then(|(slug, events)| events.get(&slug)) else {
        return Err(PageError::NotFound.into());
    };
    let mut data = Extensions::new();
    data.insert(page.state.clone());
    req.add_data_container(Rc::new(data));
    let mut response = next.call(req).await?;
    // The event's sites may frame it; a page with its own policy (a
    // CAPTCHA widget's) keeps it.
    if !response.headers().contains_key(CONTENT_SECURITY_POLICY) {
        let policy = content_security_policy(&page.frame_ancestors, None);
        if let Ok(value) = HeaderValue::from_str(&policy) {
            response.headers_mut().insert(CONTENT_SECURITY_POLICY, value);
        }
    }
    Ok(response)
}
