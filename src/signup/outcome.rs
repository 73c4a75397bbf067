//! What a `createaccount` answer means for the visitor.

use url::Url;

use super::form::FormSpec;
use super::html::SafeHtml;
use super::username::Username;
use crate::wiki::types::{CreateAccountResult, CreateAccountStatus};

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// PASS: the account exists.
    Created { username: Username },
    /// FAIL: the form again, with the wiki's reason.
    Rejected { message: SafeHtml, code: String },
    /// UI, or RESTART treated as UI as the API documentation allows: the
    /// wiki asks for more (a CAPTCHA again, a two-factor code...).
    NeedsMore { message: SafeHtml, spec: FormSpec },
    /// REDIRECT: the browser goes to a third-party provider, which sends it
    /// back to the portal's return URL.
    Redirect { target: Url, spec: FormSpec },
    /// An answer that does not make sense (a PASS without a username, a
    /// REDIRECT to a non-http URL...).
    Invalid { reason: String },
}

pub fn interpret(result: CreateAccountResult, wiki_base: &Url) -> Outcome {
    let message = SafeHtml::sanitize(result.message.as_deref().unwrap_or_default(), wiki_base);
    match result.status {
        CreateAccountStatus::Pass => match result.username.as_deref().map(Username::parse) {
            Some(Ok(username)) => Outcome::Created { username },
            _ => Outcome::Invalid { reason: "PASS without a valid username".into() },
        },
        CreateAccountStatus::Fail => Outcome::Rejected {
            message,
            code: result.messagecode.unwrap_or_else(|| "unknown".into()),
        },
        CreateAccountStatus::Ui | CreateAccountStatus::Restart if result.requests.is_empty() => {
            Outcome::Invalid { reason: "a further step without any field".into() }
        }
        CreateAccountStatus::Ui | CreateAccountStatus::Restart => {
            Outcome::NeedsMore { message, spec: FormSpec::new(result.requests) }
        }
        CreateAccountStatus::Redirect => {
            let target = result.redirecttarget.as_deref().and_then(|t| Url::parse(t).ok());
            match target {
                Some(target) if matches!(target.scheme(), "http" | "https") => {
                    Outcome::Redirect { target, spec: FormSpec::new(result.requests) }
                }
                _ => Outcome::Invalid { reason: "a REDIRECT without an absolute http(s) target".into() },
            }
        }
    }
}
