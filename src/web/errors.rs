//! Every failure a visitor can meet, mapped to a status and a page in one
//! place. A page says what happened in plain words and gives the request id;
//! details go to the log only.

use actix_web::http::StatusCode;
use actix_web::http::header::RETRY_AFTER;
use actix_web::{HttpResponse, ResponseError};

use super::pages;
use crate::wiki::WikiError;

#[derive(Debug, thiserror::Error)]
pub enum PageError {
    #[error(transparent)]
    Wiki(#[from] WikiError),
    #[error("the wiki does not let visitors create accounts")]
    CannotCreate,
    #[error("the wiki's answer made no sense: {0}")]
    Nonsense(String),
    #[error("the session store failed: {0}")]
    Session(String),
    #[error("a provider's return that matches no sign-up under way in this session")]
    StrayReturn,
    #[error("a request the portal cannot read: {0}")]
    BadForm(String),
    #[error("too many requests from one client")]
    RateLimited { retry_after_secs: u64 },
    #[error("no such page")]
    NotFound,
}

impl PageError {
    /// A headline for the visitor.
    pub fn title(&self) -> &'static str {
        match self {
            PageError::Wiki(WikiError::ReadOnly { .. }) => "The wiki is read-only right now",
            PageError::Wiki(WikiError::Api(m)) if m.code == "permissiondenied" => {
                "This wiki does not allow creating accounts here"
            }
            PageError::Wiki(WikiError::Timeout) => "The wiki is taking too long to answer",
            PageError::Wiki(_) | PageError::Nonsense(_) => "The wiki could not be reached properly",
            PageError::CannotCreate => "This wiki does not allow creating accounts here",
            PageError::Session(_) => "Something went wrong on our side",
            PageError::StrayReturn => "This sign-in link is not part of a sign-up in this browser",
            PageError::BadForm(_) => "The form could not be read",
            PageError::RateLimited { .. } => "Too many attempts",
            PageError::NotFound => "Page not found",
        }
    }

    /// Server-side trouble as errors, refusals as information. Never a
    /// secret: errors carry codes and transport messages, not requests.
    pub fn log(&self) {
        if self.status_code().is_server_error() {
            let source = std::error::Error::source(self).map(|s| s.to_string());
            tracing::error!(error = %self, source, "request failed");
        } else {
            tracing::info!(error = %self, "request refused");
        }
    }

    /// A rate limit says when to come back (`Retry-After`), whatever page
    /// shows it.
    pub fn add_retry_after(&self, page: &mut HttpResponse) {
        if let PageError::RateLimited { retry_after_secs } = self {
            page.headers_mut().insert(RETRY_AFTER, (*retry_after_secs).into());
        }
    }

    /// What the visitor can do about it, in plain words.
    pub fn explanation(&self) -> String {
        match self {
            PageError::Wiki(WikiError::ReadOnly { reason }) => {
                let reason = if reason.trim().is_empty() { "no reason given." } else { reason.trim() };
                format!("New accounts cannot be created while it is. The wiki's administrators say: {reason}")
            }
            PageError::Wiki(WikiError::Api(m)) if !m.text.is_empty() => {
                format!("The wiki said: {} Please try again later.", m.text.trim())
            }
            PageError::Wiki(WikiError::Timeout) => "Nothing was lost: please try again in a moment.".to_owned(),
            PageError::Wiki(_) | PageError::Nonsense(_) | PageError::Session(_) => {
                "This is usually temporary. Nothing you typed was lost: please try again in a moment.".to_owned()
            }
            PageError::CannotCreate => {
                "The wiki says that new accounts cannot be created from here at the moment.".to_owned()
            }
            PageError::StrayReturn => "It was used already, or it was opened in another browser than the one that \
                started the sign-up. Nothing was sent to the wiki. Please start from the sign-up form."
                .to_owned(),
            PageError::BadForm(_) => "What the browser sent is not a sign-up form of this site. \
                Please go back to the form and try again."
                .to_owned(),
            PageError::RateLimited { retry_after_secs } => format!(
                "Too many sign-up attempts came from your network in a short time. \
                 Please wait {retry_after_secs} seconds, then try again."
            ),
            PageError::NotFound => "There is nothing at this address.".to_owned(),
        }
    }
}

impl ResponseError for PageError {
    fn status_code(&self) -> StatusCode {
        match self {
            PageError::Wiki(WikiError::Timeout) => StatusCode::GATEWAY_TIMEOUT,
            PageError::Wiki(WikiError::HttpStatus(503)) => StatusCode::SERVICE_UNAVAILABLE,
            PageError::Wiki(WikiError::ReadOnly { .. }) => StatusCode::SERVICE_UNAVAILABLE,
            PageError::Wiki(WikiError::Api(m)) if m.code == "permissiondenied" => StatusCode::FORBIDDEN,
            PageError::Wiki(_) | PageError::Nonsense(_) => StatusCode::BAD_GATEWAY,
            PageError::CannotCreate => StatusCode::FORBIDDEN,
            PageError::Session(_) => StatusCode::INTERNAL_SERVER_ERROR,
            PageError::StrayReturn => StatusCode::BAD_REQUEST,
            PageError::BadForm(_) => StatusCode::BAD_REQUEST,
            PageError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            PageError::NotFound => StatusCode::NOT_FOUND,
        }
    }

    fn error_response(&self) -> HttpResponse {
        self.log();
        let mut page = pages::message(self.status_code(), self.title(), &self.explanation());
        self.add_retry_after(&mut page);
        page
    }
}
