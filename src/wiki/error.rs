//! What can go wrong when asking the wiki: transport failures, HTTP errors,
//! answers that are not what the API promises, and the API's own error
//! codes that the portal acts on, each a variant of its own.

use super::types::{ApiAnswer, ApiMessage};

#[derive(Debug, thiserror::Error)]
pub enum WikiError {
    #[error("the wiki could not be reached")]
    Unreachable(#[source] reqwest::Error),
    #[error("the wiki did not answer in time")]
    Timeout,
    #[error("the wiki answered HTTP {0}")]
    HttpStatus(u16),
    #[error("the wiki's answer was not the expected JSON")]
    BadResponse(String),
    /// `readonly`: the wiki takes no changes for now, with its
    /// administrators' reason.
    #[error("the wiki is read-only")]
    ReadOnly { reason: String },
    /// `badtoken`: the token no longer matches the wiki session (it
    /// expired); renewed once by the client before this reaches anyone.
    #[error("the wiki rejected the token")]
    BadToken,
    /// `permissiondenied`: the wiki does not let anonymous visitors (or the
    /// portal's address) create accounts.
    #[error("the wiki denied permission")]
    PermissionDenied(ApiMessage),
    /// `ratelimited` and the like: too many actions from the portal's
    /// address for now.
    #[error("the wiki's rate limit was hit: {}", .0.code)]
    Throttled(ApiMessage),
    /// `assertuserfailed`: a call made as the organiser found the session
    /// logged out (it expired); the organiser logs in again.
    #[error("the wiki session is no longer logged in")]
    NotLoggedIn,
    /// `action=login` refused the organiser's credentials, with the wiki's
    /// reason.
    #[error("the organiser account could not log in: {0}")]
    LoginFailed(String),
    /// Any other error code of the API.
    #[error("the wiki refused: {}", .0.code)]
    Api(ApiMessage),
}

impl WikiError {
    pub(super) fn from_transport(e: reqwest::Error) -> Self {
        if e.is_timeout() { WikiError::Timeout } else { WikiError::Unreachable(e) }
    }

    /// The API's error `message`, as the variant for its code.
    pub(super) fn from_api(message: ApiMessage) -> Self {
        match message.code.as_str() {
            "readonly" => WikiError::ReadOnly { reason: message.readonly_reason().unwrap_or_default().to_owned() },
            "badtoken" => WikiError::BadToken,
            "assertuserfailed" | "assertnameduserfailed" => WikiError::NotLoggedIn,
            "permissiondenied" => WikiError::PermissionDenied(message),
            "ratelimited" | "actionthrottledtext" | "acct_creation_throttle_hit" => WikiError::Throttled(message),
            _ => WikiError::Api(message),
        }
    }

    /// The request may have reached the wiki and been acted on: the answer
    /// was lost (timeout, connection cut while reading), not the question.
    pub fn outcome_unknown(&self) -> bool {
        match self {
            WikiError::Timeout => true,
            WikiError::Unreachable(e) => !e.is_connect(),
            _ => false,
        }
    }

    /// The wiki's own words, when it gave any.
    pub fn wiki_says(&self) -> Option<&str> {
        match self {
            WikiError::PermissionDenied(m) | WikiError::Throttled(m) | WikiError::Api(m) => {
                Some(m.text.trim()).filter(|t| !t.is_empty())
            }
            _ => None,
        }
    }
}

/// The API's answer, or its first error.
pub(super) fn api_result<T>(answer: ApiAnswer<T>) -> Result<T, WikiError> {
    match answer.into_result() {
        Err(first) => Err(WikiError::from_api(first)),
        Ok(result) => result.ok_or_else(|| WikiError::BadResponse("neither a result nor an error".into())),
    }
}
