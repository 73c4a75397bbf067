//! Every failure a visitor can meet, mapped to a status and a page in one
//! place ([`PageError::describe`]). A page says what happened in plain words
//! and gives the request id; details go to the log only.

use actix_web::http::StatusCode;
use actix_web::http::header::{LOCATION, RETRY_AFTER};
use actix_web::{HttpResponse, ResponseError};

use crate::signup::Submission;
use crate::signup::{Said, Words};
use crate::web::pages;
use crate::web::pages::Action;
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
    #[error("a report asked for without its token")]
    ReportRefused,
    #[error("the record of sign-ups could not be read or written")]
    Record(#[source] sqlx::Error),
    #[error("a page of the organisers' console, asked for without signing in")]
    SignInFirst,
}

/// The organisers' console's path, where signing in starts.
pub const CONSOLE_PATH: &str = "/organize/";

/// A form posted from the portal's own origin whose token is not the
/// session's (the session expired or ended in another tab). Nothing of it
/// is sent anywhere; only the sign-up form shows it again, as typed.
#[derive(Debug)]
pub struct StaleForm {
    pub typed: Submission,
    /// The browser sent no session cookie at all: it was cleared, or the
    /// browser refused the one the form's page set (cookies blocked, or
    /// third-party cookies blocked in a frame).
    pub cookie_missing: Option<CookieRefused>,
}

/// A post without the session cookie, and where the browser can sign up if
/// it refuses the cookie.
#[derive(Debug)]
pub struct CookieRefused {
    /// The post came from inside a frame (`Sec-Fetch-Dest: iframe`): in a
    /// tab of its own the portal is first-party, and its cookie is kept.
    pub framed: bool,
    /// The form was shown after an earlier post without the cookie.
    pub again: bool,
    /// The page the form was on (its query: `returnto`...), from the
    /// same-origin `Referer`; `/` when unknown.
    pub form_page: String,
}

impl CookieRefused {
    /// Whether the browser surely refuses the cookie, rather than having
    /// cleared it: it came without one again, or a frame (where blocking
    /// is common) sent none.
    pub fn surely(&self) -> bool {
        self.framed || self.again
    }
}

/// A moment as visitors of any language read it: `2026-03-07 09:00 (UTC+01:00)`.
fn when(moment: &time::OffsetDateTime) -> String {
    let format = time::macros::format_description!(
        "[year]-[month]-[day] [hour]:[minute] (UTC[offset_hour sign:mandatory]:[offset_minute])"
    );
    moment.format(&format).unwrap_or_else(|_| moment.to_string())
}

/// What a visitor is told of an error: the status, a headline, and what
/// they can do about it, put in their language when the page is drawn.
pub struct Description {
    pub status: StatusCode,
    pub title: Said,
    pub text: Vec<Said>,
    /// The way on that the page offers; back to the form unless said.
    pub action: Action,
}

impl PageError {
    /// The one place where an error becomes words for the visitor.
    pub fn describe(&self) -> Description {
        let says = |status, title: &str, text: &[&str]| Description {
            status,
            title: Said::portal(title),
            text: text.iter().map(|id| Said::portal(id)).collect(),
            action: Action::BackToForm,
        };
        // The wiki's own words, which came in the visitor's language.
        let wiki_said = |status, title: &str, said: &str| Description {
            status,
            title: Said::portal(title),
            text: vec![Said::portal("error-wiki-said").with("said", said.trim()), Said::portal("error-try-later")],
            action: Action::BackToForm,
        };
        match self {
            PageError::Wiki(WikiError::ReadOnly { reason }) => Description {
                status: StatusCode::SERVICE_UNAVAILABLE,
                title: Said::portal("readonly"),
                text: vec![Said::portal("readonlytext").with("1", reason.trim())],
                action: Action::BackToForm,
            },
            PageError::Wiki(WikiError::PermissionDenied(m)) => {
                wiki_said(StatusCode::FORBIDDEN, "error-permission", &m.text)
            }
            PageError::Wiki(WikiError::Throttled(m)) => {
                wiki_said(StatusCode::SERVICE_UNAVAILABLE, "error-throttled", &m.text)
            }
            PageError::Wiki(WikiError::LoginFailed(_)) => {
                says(StatusCode::SERVICE_UNAVAILABLE, "error-organizer-title", &["error-organizer"])
            }
            PageError::Wiki(WikiError::Timeout) => {
                says(StatusCode::GATEWAY_TIMEOUT, "error-wiki-slow", &["error-try-again"])
            }
            PageError::Wiki(e @ WikiError::Api(_)) if e.wiki_says().is_some() => {
                wiki_said(StatusCode::BAD_GATEWAY, "error-wiki-unreachable", e.wiki_says().unwrap_or_default())
            }
            PageError::Wiki(WikiError::HttpStatus(503)) => {
                says(StatusCode::SERVICE_UNAVAILABLE, "error-wiki-unreachable", &["error-try-again"])
            }
            PageError::Wiki(_) | PageError::Nonsense(_) => {
                says(StatusCode::BAD_GATEWAY, "error-wiki-unreachable", &["error-try-again"])
            }
            PageError::SignupClosed => {
                says(StatusCode::FORBIDDEN, "createacct-error", &["authmanager-create-disabled"])
            }
            PageError::ReportRefused => {
                says(StatusCode::FORBIDDEN, "error-report-refused-title", &["error-report-refused"])
            }
            PageError::Session(_) | PageError::Record(_) => {
                let status = if matches!(self, PageError::Record(_)) {
                    StatusCode::SERVICE_UNAVAILABLE
                } else {
                    StatusCode::INTERNAL_SERVER_ERROR
                };
                says(status, "error-our-side", &["error-try-again"])
            }
            PageError::StrayReturn => {
                says(StatusCode::BAD_REQUEST, "error-stray-return-title", &["error-stray-return"])
            }
            PageError::BadForm(_) => says(StatusCode::BAD_REQUEST, "error-bad-form-title", &["error-bad-form"]),
            PageError::CrossSitePost => says(StatusCode::FORBIDDEN, "error-cross-site-title", &["error-cross-site"]),
            // MediaWiki's words for the same refusal.
            PageError::StaleForm(_) => says(StatusCode::FORBIDDEN, "sessionfailure-title", &["sessionfailure"]),
            PageError::CookieRefused(CookieRefused { framed: true, form_page, .. }) => Description {
                action: Action::NewTab(form_page.clone()),
                ..says(StatusCode::FORBIDDEN, "error-framed-cookie-title", &["error-framed-cookie"])
            },
            PageError::CookieRefused(CookieRefused { framed: false, .. }) => {
                says(StatusCode::FORBIDDEN, "error-cookie-title", &["error-cookie"])
            }
            PageError::RateLimited { retry_after_secs } => Description {
                status: StatusCode::TOO_MANY_REQUESTS,
                title: Said::portal("error-rate-limited-title"),
                text: vec![Said::portal("error-rate-limited").with("seconds", retry_after_secs)],
                action: Action::BackToForm,
            },
            PageError::NotFound => says(StatusCode::NOT_FOUND, "error-not-found-title", &["error-not-found"]),
            PageError::SignInFirst => says(StatusCode::SEE_OTHER, "console-sign-in-title", &["console-sign-in-intro"]),
            PageError::NotOpenYet(opens) => Description {
                status: StatusCode::FORBIDDEN,
                title: Said::portal("error-not-open-title"),
                text: vec![Said::portal("error-not-open").with("opens", when(opens))],
                action: Action::Nothing,
            },
            PageError::Over(closed) => Description {
                status: StatusCode::FORBIDDEN,
                title: Said::portal("error-over-title"),
                text: vec![Said::portal("error-over").with("closed", when(closed))],
                action: Action::Nothing,
            },
            PageError::AllAccountsMade { wiki_signup } => Description {
                action: Action::WikiSignup(wiki_signup.clone()),
                ..says(StatusCode::FORBIDDEN, "error-all-accounts-title", &["error-all-accounts"])
            },
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

    /// The error's page in `words`; `first_visit` when the form page itself
    /// failed, where going "back to the form" would only show this again.
    pub fn page(&self, site: pages::Site, words: &Words, first_visit: bool) -> HttpResponse {
        // The console's pages send whoever has not signed in to sign in.
        if let PageError::SignInFirst = self {
            return HttpResponse::SeeOther().insert_header((LOCATION, CONSOLE_PATH)).finish();
        }
        let Description { status, title, text, mut action } = self.describe();
        if first_visit && action == Action::BackToForm {
            action = Action::TryAgain;
        }
        let mut page = pages::message(status, site, words, &title, &text, &action);
        self.add_retry_after(&mut page);
        page
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

    /// The page in English; [`in_visitor_language`] draws it again in the
    /// visitor's language where it knows it.
    fn error_response(&self) -> HttpResponse {
        self.log();
        let plain = crate::look::Look::default();
        self.page(
            pages::Site { look: &plain, base: "/", wiki_name: String::new(), frame_origins: "" },
            &Words::default(),
            false,
        )
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
        let thai = Words::new("th", "th", false, Vec::new());
        for (error, status) in cases {
            let description = error.describe();
            assert_eq!(description.status.as_u16(), status, "{error:?}");
            assert_eq!(error.status_code(), description.status);
            // Every id is a sentence someone wrote, not echoed back.
            for said in std::iter::once(&description.title).chain(&description.text) {
                let Said::Portal { id, .. } = said else { continue };
                assert_ne!(&Words::default().say(said), id, "{error:?}");
                assert_ne!(&thai.say(said), id, "{error:?}");
            }
        }
    }

    /// The page's title and text, in English.
    fn read(error: &PageError) -> (String, String) {
        let (english, description) = (Words::default(), error.describe());
        (english.say(&description.title), english.html(&description.text).to_string())
    }

    #[test]
    fn the_wikis_words_are_passed_on() {
        assert!(read(&api("permissiondenied", "Only admins.")).1.contains("Only admins."));
        let read_only = PageError::Wiki(WikiError::ReadOnly { reason: "Upgrading the database".into() });
        assert!(read(&read_only).1.ends_with("Upgrading the database"));
        assert!(read(&PageError::RateLimited { retry_after_secs: 7 }).1.contains("7 seconds"));
        assert_eq!(read(&PageError::NotFound).0, "Page not found");
    }
}
