//! Every failure a visitor can meet, mapped to a status and a page in one
//! place ([`PageError::describe`]). A page says what happened in plain words
//! and gives the request id; details go to the log only.

use actix_web::http::StatusCode;
use actix_web::http::header::RETRY_AFTER;
use actix_web::{HttpResponse, ResponseError};

use super::csrf::{CookieRefused, StaleForm};
use super::pages;
use super::pages::Action;
use crate::wiki::WikiError;

/// A cause the portal cannot read, kept as the error's source for the log.
type Cause = Box<dyn std::error::Error + Send + Sync>;

#[derive(Debug, thiserror::Error)]
pub enum PageError {
    #[error(transparent)]
    Wiki(#[from] WikiError),
    #[error("the wiki does not let visitors create accounts")]
    SignupClosed,
    #[error("the wiki's answer made no sense: {0}")]
    Nonsense(String),
    #[error("the session store failed")]
    Session(#[from] actix_session::SessionInsertError),
    #[error("a provider's return that matches no sign-up under way in this session")]
    StrayReturn,
    #[error("a request the portal cannot read")]
    BadForm(#[source] Cause),
    #[error("a POST from a page of another site")]
    CrossSitePost,
    #[error("a form without this session's CSRF token")]
    StaleForm(StaleForm),
    #[error("a form posted without the session cookie its page set")]
    CookieRefused(CookieRefused),
    #[error("too many requests from one client")]
    RateLimited { retry_after_secs: u64 },
    #[error("no such page")]
    NotFound,
    #[error("sign-up has not opened yet")]
    NotOpenYet(time::OffsetDateTime),
    #[error("sign-up is over")]
    Over(time::OffsetDateTime),
    #[error("the event's account maximum is reached")]
    AllAccountsMade { wiki_signup: String },
    #[error("the account count could not be read or written")]
    Counter(#[source] redis::RedisError),
}

/// A moment as visitors read it: `7 March 2026, 09:00 (UTC+01:00)`.
fn when(moment: &time::OffsetDateTime) -> String {
    let format = time::macros::format_description!(
        "[day padding:none] [month repr:long] [year], [hour]:[minute] (UTC[offset_hour sign:mandatory]:[offset_minute])"
    );
    moment.format(&format).unwrap_or_else(|_| moment.to_string())
}

/// What a visitor is told of an error: the status, a headline, and what
/// they can do about it.
pub struct Description {
    pub status: StatusCode,
    pub title: &'static str,
    pub text: String,
    /// The way on that the page offers; back to the form unless said.
    pub action: Action,
}

const TRY_AGAIN: &str = "This is usually temporary: please try again in a moment.";

impl PageError {
    /// The one place where an error becomes words for the visitor.
    pub fn describe(&self) -> Description {
        let says = |status, title, text: &str| Description {
            status,
            title,
            text: text.to_owned(),
            action: Action::BackToForm,
        };
        match self {
            PageError::Wiki(WikiError::ReadOnly { reason }) => {
                let reason = if reason.trim().is_empty() { "no reason given." } else { reason.trim() };
                Description {
                    status: StatusCode::SERVICE_UNAVAILABLE,
                    title: "The wiki is read-only right now",
                    text: format!(
                        "New accounts cannot be created while it is. The wiki's administrators say: {reason}"
                    ),
                    action: Action::BackToForm,
                }
            }
            PageError::Wiki(WikiError::PermissionDenied(m)) => Description {
                status: StatusCode::FORBIDDEN,
                title: "This wiki does not allow creating accounts here",
                text: format!("The wiki said: {} Please try again later.", m.text.trim()),
                action: Action::BackToForm,
            },
            PageError::Wiki(WikiError::Throttled(m)) => Description {
                status: StatusCode::SERVICE_UNAVAILABLE,
                title: "The wiki is limiting new accounts right now",
                text: format!("The wiki said: {} Please try again later.", m.text.trim()),
                action: Action::BackToForm,
            },
            PageError::Wiki(WikiError::LoginFailed(_)) => says(
                StatusCode::SERVICE_UNAVAILABLE,
                "This sign-up page cannot create accounts right now",
                "It creates accounts through the organisers' account on the wiki, which could not log in. The \
                 organisers can see why in the page's log. Please try again later.",
            ),
            PageError::Wiki(WikiError::Timeout) => says(
                StatusCode::GATEWAY_TIMEOUT,
                "The wiki is taking too long to answer",
                "Please try again in a moment.",
            ),
            PageError::Wiki(e @ WikiError::Api(_)) if e.wiki_says().is_some() => Description {
                status: StatusCode::BAD_GATEWAY,
                title: "The wiki could not be reached properly",
                text: format!("The wiki said: {} Please try again later.", e.wiki_says().unwrap_or_default()),
                action: Action::BackToForm,
            },
            PageError::Wiki(WikiError::HttpStatus(503)) => {
                says(StatusCode::SERVICE_UNAVAILABLE, "The wiki could not be reached properly", TRY_AGAIN)
            }
            PageError::Wiki(_) | PageError::Nonsense(_) => {
                says(StatusCode::BAD_GATEWAY, "The wiki could not be reached properly", TRY_AGAIN)
            }
            PageError::SignupClosed => says(
                StatusCode::FORBIDDEN,
                "This wiki does not allow creating accounts here",
                "The wiki says that new accounts cannot be created from here at the moment.",
            ),
            PageError::Session(_) => {
                says(StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong on our side", TRY_AGAIN)
            }
            PageError::StrayReturn => says(
                StatusCode::BAD_REQUEST,
                "This sign-in link is not part of a sign-up in this browser",
                "It was used already, or it was opened in another browser than the one that started the sign-up. \
                 Nothing was sent to the wiki. Please start from the sign-up form.",
            ),
            PageError::BadForm(_) => says(
                StatusCode::BAD_REQUEST,
                "The form could not be read",
                "What the browser sent is not a sign-up form of this site. Please go back to the form and try again.",
            ),
            PageError::CrossSitePost => says(
                StatusCode::FORBIDDEN,
                "This form did not come from this site",
                "For your safety nothing was sent: the form was posted by a page of another site. \
                 Please open the sign-up form itself and fill it in there.",
            ),
            PageError::StaleForm(_) => says(
                StatusCode::FORBIDDEN,
                "This form is too old",
                "For your safety nothing was sent: the form was too old. Please reload the page and try again.",
            ),
            PageError::CookieRefused(CookieRefused { framed: true, form_page, .. }) => Description {
                status: StatusCode::FORBIDDEN,
                title: "Please open the sign-up in a tab of its own",
                text: "This sign-up form is shown inside another site's page, and your browser does not let it keep \
                       the one cookie it needs there to remember your form between steps. Nothing was sent. In a \
                       tab of its own the same form works."
                    .to_owned(),
                action: Action::NewTab(form_page.clone()),
            },
            PageError::CookieRefused(CookieRefused { framed: false, .. }) => says(
                StatusCode::FORBIDDEN,
                "Your browser did not keep this site's cookie",
                "The sign-up needs one cookie to remember your form between steps, and your browser refused it. \
                 Nothing was sent. Please allow cookies for this site, then fill in the form again.",
            ),
            PageError::RateLimited { retry_after_secs } => Description {
                status: StatusCode::TOO_MANY_REQUESTS,
                title: "Too many attempts",
                text: format!(
                    "Too many sign-up attempts came from your network in a short time. \
                     Please wait {retry_after_secs} seconds, then try again."
                ),
                action: Action::BackToForm,
            },
            PageError::NotFound => says(StatusCode::NOT_FOUND, "Page not found", "There is nothing at this address."),
            PageError::NotOpenYet(opens) => Description {
                status: StatusCode::FORBIDDEN,
                title: "Sign-up has not opened yet",
                text: format!("This sign-up page opens on {}. Please come back then.", when(opens)),
                action: Action::Nothing,
            },
            PageError::Over(closed) => Description {
                status: StatusCode::FORBIDDEN,
                title: "Sign-up is over",
                text: format!(
                    "This sign-up page closed on {}. You can still create an account on the wiki itself.",
                    when(closed)
                ),
                action: Action::Nothing,
            },
            PageError::AllAccountsMade { wiki_signup } => Description {
                status: StatusCode::FORBIDDEN,
                title: "This sign-up page has made all the accounts it may",
                text: "The organisers set a number of accounts for this event, and it has been reached. You can \
                       still create an account on the wiki itself."
                    .to_owned(),
                action: Action::WikiSignup(wiki_signup.clone()),
            },
            PageError::Counter(_) => {
                says(StatusCode::SERVICE_UNAVAILABLE, "Something went wrong on our side", TRY_AGAIN)
            }
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
}

impl ResponseError for PageError {
    fn status_code(&self) -> StatusCode {
        self.describe().status
    }

    fn error_response(&self) -> HttpResponse {
        self.log();
        let Description { status, title, text, action } = self.describe();
        let mut page = pages::message(status, title, &text, &action);
        self.add_retry_after(&mut page);
        page
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wiki::types::ApiMessage;

    fn api(code: &str, text: &str) -> PageError {
        let message: ApiMessage = serde_json::from_value(serde_json::json!({ "code": code, "text": text })).unwrap();
        PageError::Wiki(match code {
            "permissiondenied" => WikiError::PermissionDenied(message),
            "ratelimited" => WikiError::Throttled(message),
            _ => WikiError::Api(message),
        })
    }

    #[test]
    fn each_error_has_one_status_and_a_title_and_text() {
        let cases = [
            (PageError::Wiki(WikiError::Timeout), 504),
            (PageError::Wiki(WikiError::HttpStatus(503)), 503),
            (PageError::Wiki(WikiError::HttpStatus(500)), 502),
            (PageError::Wiki(WikiError::ReadOnly { reason: "Upgrade".into() }), 503),
            (api("permissiondenied", "You may not."), 403),
            (api("internal_api_error", "Oops."), 502),
            (api("ratelimited", "Slow down."), 503),
            (PageError::SignupClosed, 403),
            (PageError::StrayReturn, 400),
            (PageError::CrossSitePost, 403),
            (PageError::RateLimited { retry_after_secs: 7 }, 429),
            (PageError::NotFound, 404),
        ];
        for (error, status) in cases {
            let description = error.describe();
            assert_eq!(description.status.as_u16(), status, "{error:?}");
            assert_eq!(error.status_code(), description.status);
            assert!(!description.title.is_empty() && !description.text.is_empty());
        }
    }

    #[test]
    fn the_wikis_words_are_passed_on() {
        assert!(api("permissiondenied", "Only admins.").describe().text.contains("Only admins."));
        let read_only = PageError::Wiki(WikiError::ReadOnly { reason: "Upgrading the database".into() });
        assert!(read_only.describe().text.ends_with("Upgrading the database"));
        assert!(PageError::RateLimited { retry_after_secs: 7 }.describe().text.contains("7 seconds"));
    }
}
