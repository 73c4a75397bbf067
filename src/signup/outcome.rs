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
    /// UI: the wiki asks for more (a CAPTCHA again, a two-factor code...)
    /// in the same flow.
    NeedsMore { message: SafeHtml, spec: FormSpec },
    /// RESTART: the flow is over but the wiki may have kept state worth
    /// preserving (`createpreservestate`); the visitor starts again from
    /// a fresh form, as the API documentation allows.
    Restart { message: SafeHtml },
    /// REDIRECT: the browser goes to a third-party provider, which sends it
    /// back to the portal's return URL.
    Redirect { target: Url, spec: FormSpec },
    /// An answer that does not make sense (a PASS without a username, a
    /// REDIRECT to a non-http URL...).
    Invalid { reason: String },
}

impl Outcome {
    /// The API status this stands for, as logs and metrics name it.
    pub fn status(&self) -> &'static str {
        match self {
            Outcome::Created { .. } => "PASS",
            Outcome::Rejected { .. } => "FAIL",
            Outcome::NeedsMore { .. } => "UI",
            Outcome::Restart { .. } => "RESTART",
            Outcome::Redirect { .. } => "REDIRECT",
            Outcome::Invalid { .. } => "INVALID",
        }
    }

    /// The wiki's message code of a FAIL; empty otherwise.
    pub fn code(&self) -> &str {
        match self {
            Outcome::Rejected { code, .. } => code,
            _ => "",
        }
    }

    /// Why the wiki refused the sign-up, if it did (a FAIL).
    pub fn refusal(&self) -> Option<Refusal> {
        match self {
            Outcome::Rejected { code, .. } => Some(Refusal::of_code(code)),
            _ => None,
        }
    }

    /// The FAIL code as metrics count it: one the portal knows, or `other`,
    /// so that a wiki cannot grow the metrics without bound.
    pub fn metric_code(&self) -> &'static str {
        match self {
            Outcome::Rejected { code, .. } => KNOWN_FAIL_CODES.iter().find(|k| *k == code).copied().unwrap_or("other"),
            _ => "",
        }
    }
}

/// Why an event's sign-up was refused, as its report counts them so that
/// the organiser sees what went wrong in the room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The event code was missing or wrong (nothing reached the wiki).
    EventCode,
    /// The CAPTCHA's answer was wrong.
    Captcha,
    /// The username was taken.
    UsernameTaken,
    /// The wiki's limit of accounts per address was hit.
    WikiLimit,
    /// Anything else the wiki refused.
    Other,
}

impl Refusal {
    pub const ALL: [Refusal; 5] =
        [Refusal::EventCode, Refusal::Captcha, Refusal::UsernameTaken, Refusal::WikiLimit, Refusal::Other];

    /// The refusal a FAIL code of the wiki stands for.
    pub fn of_code(code: &str) -> Refusal {
        match code {
            "captcha-createaccount-fail" => Refusal::Captcha,
            "userexists" | "createaccount-username-exists" => Refusal::UsernameTaken,
            "acct_creation_throttle_hit" => Refusal::WikiLimit,
            _ => Refusal::Other,
        }
    }

    /// Its name in the database and the CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            Refusal::EventCode => "event-code",
            Refusal::Captcha => "captcha",
            Refusal::UsernameTaken => "username-taken",
            Refusal::WikiLimit => "wiki-limit",
            Refusal::Other => "other",
        }
    }
}

/// The refusals a sign-up commonly meets, from MediaWiki core and the
/// extensions that sit in account creation (ConfirmEdit, AntiSpoof,
/// TitleBlacklist, AbuseFilter...).
const KNOWN_FAIL_CODES: [&str; 22] = [
    "userexists",
    "noname",
    "badretype",
    "passwordtooshort",
    "passwordtoolong",
    "password-name-match",
    "password-login-forbidden",
    "passwordincommonlist",
    "invalidemailaddress",
    "noemailtitle",
    "captcha-createaccount-fail",
    "createaccount-hook-aborted",
    "acct_creation_throttle_hit",
    "cantcreateaccount-text",
    "cantcreateaccount-range-text",
    "authmanager-create-no-primary",
    "authmanager-authn-no-primary",
    "antispoof-conflict-top",
    "antispoof-name-illegal",
    "titleblacklist-forbidden-new-account",
    "abusefilter-disallowed",
    "unknown",
];

pub fn interpret(result: CreateAccountResult, wiki_base: &Url) -> Outcome {
    let message = SafeHtml::sanitize(result.message.as_deref().unwrap_or_default(), wiki_base);
    match result.status {
        CreateAccountStatus::Pass => match result.username.as_deref().map(Username::parse) {
            Some(Ok(username)) => Outcome::Created { username },
            _ => Outcome::Invalid { reason: "PASS without a valid username".into() },
        },
        CreateAccountStatus::Fail => {
            Outcome::Rejected { message, code: result.messagecode.unwrap_or_else(|| "unknown".into()) }
        }
        CreateAccountStatus::Ui if result.requests.is_empty() => {
            Outcome::Invalid { reason: "a further step without any field".into() }
        }
        CreateAccountStatus::Ui => Outcome::NeedsMore { message, spec: FormSpec::new(result.requests) },
        CreateAccountStatus::Restart => Outcome::Restart { message },
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

#[cfg(test)]
mod refusal_tests {
    use super::*;

    #[test]
    fn the_wikis_codes_are_the_reports_reasons() {
        assert_eq!(Refusal::of_code("captcha-createaccount-fail"), Refusal::Captcha);
        assert_eq!(Refusal::of_code("userexists"), Refusal::UsernameTaken);
        assert_eq!(Refusal::of_code("acct_creation_throttle_hit"), Refusal::WikiLimit);
        assert_eq!(Refusal::of_code("passwordtooshort"), Refusal::Other);
        let fail = Outcome::Rejected { message: SafeHtml::from_text("Taken"), code: "userexists".into() };
        assert_eq!(fail.refusal(), Some(Refusal::UsernameTaken));
        assert_eq!(Outcome::Invalid { reason: "x".into() }.refusal(), None);
    }
}
