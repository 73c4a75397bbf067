//! Error pages in the visitor's language: an error cannot see the request
//! it answers, so its page is drawn again here, where the request is known.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::web;

use crate::web::errors::PageError;
use crate::web::extractors::language;
use crate::web::state::AppState;

/// Draws an error's page again in the visitor's language (an error
/// cannot see the request it answers; this can). Innermost, so the page
/// gets every header the other layers add.
pub async fn in_visitor_language(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let response = next.call(req).await?;
    let redrawn = match (response.response().error(), response.request().app_data::<web::Data<AppState>>()) {
        (Some(error), Some(state)) => error.as_error::<PageError>().map(|error| {
            let request = response.request();
            let words = state.languages.words(&language::of_request(request, state));
            let first_visit = request.method() == Method::GET && request.path() == state.base;
            error.page(state.site(), &words, first_visit)
        }),
        _ => None,
    };
    Ok(match redrawn {
        Some(page) => response.into_response(page.map_into_right_body()),
        None => response.map_into_left_body(),
    })
}
