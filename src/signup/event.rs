//! What an event puts before the wiki: the code announced in the room, the
//! time sign-up is open, and, for an organiser's account, the form as a
//! logged-in creator is shown it. In organizer mode the wiki's own CAPTCHA
//! and per-address limit no longer protect it, so these do.

use std::sync::Arc;

use subtle::ConstantTimeEq;
use time::OffsetDateTime;

use super::form::{FieldView, FormSpec, FormView, Widget};
use super::html::SafeHtml;
use super::submission::Submission;
use super::words::{Said, Words};
use crate::wiki::types::{FieldKind, RequestRequirement};

/// The form field of the event code: the portal's own, never sent to the wiki.
pub const EVENT_CODE_FIELD: &str = "wikisignup_event_code";

/// The word announced at the event that visitors type to sign up.
#[derive(Clone, PartialEq, Eq)]
pub struct EventCode(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the event code must be one line, not empty")]
pub struct EventCodeError;

impl std::str::FromStr for EventCode {
    type Err = EventCodeError;

    fn from_str(s: &str) -> Result<Self, EventCodeError> {
        let code = s.trim();
        if code.is_empty() || code.chars().any(char::is_control) {
            return Err(EventCodeError);
        }
        Ok(EventCode(code.to_owned()))
    }
}

impl std::fmt::Debug for EventCode {
    // Whoever reads the log was not necessarily in the room.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EventCode(redacted)")
    }
}

impl EventCode {
    /// Whether `submission` carries the code: compared in constant time,
    /// ignoring case and spaces around it, as people type a word they heard.
    pub fn admits(&self, submission: &Submission) -> Result<(), Said> {
        let typed = submission.value(EVENT_CODE_FIELD).map(str::trim).unwrap_or_default();
        if typed.is_empty() {
            return Err(Said::portal("event-code-missing"));
        }
        let (typed, code) = (typed.to_lowercase(), self.0.to_lowercase());
        if bool::from(typed.as_bytes().ct_eq(code.as_bytes())) { Ok(()) } else { Err(Said::portal("event-code-wrong")) }
    }

    /// The field that asks for it, refilled with what was typed.
    pub fn field(submission: &Submission, words: &Words) -> FieldView {
        FieldView {
            name: EVENT_CODE_FIELD.to_owned(),
            widget: Widget::Text,
            label: SafeHtml::from_text(&words.get("event-code-label")),
            help: SafeHtml::from_text(&words.get("event-code-help")),
            required: true,
            value: submission.value(EVENT_CODE_FIELD).unwrap_or_default().to_owned(),
            checked: false,
            choices: Vec::new(),
            autocomplete: "off",
            placeholder: String::new(),
            inputmode: "",
            described_by: String::new(),
            optional: false,
            in_error: false,
        }
    }
}

/// An event's name in its pages' addresses (`/e/SLUG/`) and in its records:
/// lowercase letters, digits and hyphens.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

impl TryFrom<String> for Slug {
    type Error = SlugError;

    fn try_from(s: String) -> Result<Slug, SlugError> {
        s.parse()
    }
}

impl From<Slug> for String {
    fn from(slug: Slug) -> String {
        slug.0
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("must be 1 to 40 lowercase letters, digits and hyphens, e.g. bangkok-2026")]
pub struct SlugError;

impl std::str::FromStr for Slug {
    type Err = SlugError;

    fn from_str(s: &str) -> Result<Slug, SlugError> {
        let fine = (1..=40).contains(&s.len())
            && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !s.starts_with('-');
        if fine { Ok(Slug(s.to_owned())) } else { Err(SlugError) }
    }
}

impl Slug {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Slug {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// When sign-up is open: from `opens`, until `closes`, either unset.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Window {
    opens: Option<OffsetDateTime>,
    closes: Option<OffsetDateTime>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowState {
    NotYet(OffsetDateTime),
    Open,
    Over(OffsetDateTime),
}

impl Window {
    pub fn new(opens: Option<OffsetDateTime>, closes: Option<OffsetDateTime>) -> Window {
        Window { opens, closes }
    }

    pub fn opens(&self) -> Option<OffsetDateTime> {
        self.opens
    }

    /// The window, closed at `at` if it was open longer.
    pub fn closed_at(self, at: OffsetDateTime) -> Window {
        Window { closes: Some(self.closes.map_or(at, |closes| closes.min(at))), ..self }
    }

    pub fn at(&self, now: OffsetDateTime) -> WindowState {
        match (self.opens, self.closes) {
            (Some(opens), _) if now < opens => WindowState::NotYet(opens),
            (_, Some(closes)) if now >= closes => WindowState::Over(closes),
            _ => WindowState::Open,
        }
    }
}

/// What an event's settings add to every sign-up at it: the organiser's
/// form, the code announced in the room, when sign-up is open, and how
/// many accounts it may make.
#[derive(Debug, Default)]
pub struct EventRules {
    /// Sign-ups go through an organiser's account, whose form this is.
    creator: Option<CreatorForm>,
    /// The word announced in the room, asked before anything is sent.
    event_code: Option<EventCode>,
    window: Window,
    max_accounts: Option<u64>,
}

/// Why an event takes no sign-up now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closed {
    NotYet(OffsetDateTime),
    Over(OffsetDateTime),
    /// Its maximum of accounts is made.
    Full,
}

impl EventRules {
    pub fn new(
        creator: Option<CreatorForm>,
        event_code: Option<EventCode>,
        window: Window,
        max_accounts: Option<u64>,
    ) -> EventRules {
        EventRules { creator, event_code, window, max_accounts }
    }

    pub fn creator(&self) -> Option<&CreatorForm> {
        self.creator.as_ref()
    }

    /// The wiki e-mails each new account a temporary password.
    pub fn passwords_mailed(&self) -> bool {
        self.creator.as_ref().is_some_and(|c| c.mail_password)
    }

    /// Whether `submission` may begin a sign-up: it carries the event
    /// code, where the event has one.
    pub fn admits_code(&self, submission: &Submission) -> Result<(), Said> {
        self.event_code.as_ref().map_or(Ok(()), |code| code.admits(submission))
    }

    /// Whether the accounts made must be counted (the event has a maximum).
    pub fn counts_accounts(&self) -> bool {
        self.max_accounts.is_some()
    }

    /// The event code, for its organisers' poster.
    pub fn event_code(&self) -> Option<&str> {
        self.event_code.as_ref().map(|code| code.0.as_str())
    }

    /// The most accounts the event may make.
    pub fn max_accounts(&self) -> Option<u64> {
        self.max_accounts
    }

    /// Whether sign-up is open at `now`, with `made` accounts made so far
    /// (counted where [`EventRules::counts_accounts`]).
    pub fn open_at(&self, now: OffsetDateTime, made: Option<u64>) -> Result<(), Closed> {
        match self.window.at(now) {
            WindowState::NotYet(opens) => return Err(Closed::NotYet(opens)),
            WindowState::Over(closed) => return Err(Closed::Over(closed)),
            WindowState::Open => {}
        }
        match (self.max_accounts, made) {
            (Some(max), Some(made)) if made >= max => Err(Closed::Full),
            _ => Ok(()),
        }
    }

    /// The event's own fields on a first step's form: the event code's
    /// box, first, refilled from `previous`.
    pub fn add_fields(&self, view: &mut FormView, previous: &Submission, words: &Words) {
        if self.event_code.is_some() {
            view.fields.insert(0, EventCode::field(previous, words));
        }
    }
}

/// How the form looks to a logged-in creator (the organiser's account), and
/// what the portal fills in itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreatorForm {
    /// The reason in the wiki's public log of new accounts.
    pub reason: String,
    /// The wiki e-mails a temporary password instead of the visitor
    /// choosing one.
    pub mail_password: bool,
}

impl FormSpec {
    /// The form a logged-in creator is described, as a visitor fills it in:
    /// the reason is the portal's (a hidden field with the wiki's value,
    /// always sent), and either the password way or the temporary password
    /// sent by e-mail, never a choice between them.
    pub fn for_creator(mut self, creator: &CreatorForm) -> FormSpec {
        let mails_password = |r: &crate::wiki::types::AuthRequest| r.fields.contains_key("mailpassword");
        let offers_mail = self.requests.iter().any(mails_password);
        Arc::make_mut(&mut self.requests).retain(|r| {
            let chooses_password = r.fields.values().any(|f| f.kind == FieldKind::Password);
            match r.required {
                RequestRequirement::PrimaryRequired if creator.mail_password && offers_mail => !chooses_password,
                RequestRequirement::PrimaryRequired => !mails_password(r),
                _ => true,
            }
        });
        self = self.preset("reason", &creator.reason).preset("mailpassword", "1");
        if creator.mail_password && offers_mail {
            // The password goes to this address: it cannot be left out.
            for email in Arc::make_mut(&mut self.requests).iter_mut().filter_map(|r| r.fields.get_mut("email")) {
                email.optional = false;
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signup::create_params;
    use crate::wiki::types::QueryResponse;

    const ORGANIZER: &str = include_str!("../../tests/fixtures/organizer-authmanagerinfo.json");

    fn creator_spec(mail_password: bool) -> FormSpec {
        let answer: QueryResponse = serde_json::from_str(ORGANIZER).unwrap();
        let info = answer.into_result().unwrap().unwrap().authmanagerinfo.unwrap();
        let creator = CreatorForm { reason: "Edit-a-thon, Paris".into(), mail_password };
        FormSpec::new(info.requests).for_creator(&creator)
    }

    fn typed(pairs: &[(&str, &str)]) -> Submission {
        Submission::new(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }

    #[test]
    fn a_creators_form_asks_for_a_password_and_sends_the_portals_reason() {
        let spec = creator_spec(false);
        let shown: Vec<&str> = spec.requests.iter().flat_map(|r| r.fields.keys()).map(String::as_str).collect();
        assert!(!shown.contains(&"mailpassword"), "{shown:?}");
        let sent = create_params(&spec, &typed(&[("username", "Ada"), ("password", "p"), ("retype", "p")]));
        assert!(sent.fields.contains(&("reason".into(), "Edit-a-thon, Paris".into())), "{sent:?}");
        assert!(sent.fields.contains(&("password".into(), "p".into())));
        // Whatever the browser posts as the reason, the portal's is sent.
        let forged = create_params(&spec, &typed(&[("username", "Ada"), ("reason", "spam")]));
        assert!(forged.fields.contains(&("reason".into(), "Edit-a-thon, Paris".into())));
        assert!(!forged.fields.contains(&("reason".into(), "spam".into())));
    }

    #[test]
    fn with_a_mailed_password_the_form_asks_for_an_address_and_no_password() {
        let spec = creator_spec(true);
        let sent = create_params(&spec, &typed(&[("username", "Ada"), ("email", "ada@example.org")]));
        assert!(sent.fields.contains(&("mailpassword".into(), "1".into())), "{sent:?}");
        assert!(!sent.fields.iter().any(|(k, _)| k == "password"), "{sent:?}");
        let email = spec.requests.iter().find_map(|r| r.fields.get("email")).unwrap();
        assert!(!email.optional);
    }

    #[test]
    fn the_event_code_is_asked_for_and_checked() {
        let code: EventCode = " Wiki-Loves-Paris ".parse().unwrap();
        assert_eq!(code.admits(&typed(&[])), Err(Said::portal("event-code-missing")));
        assert_eq!(
            code.admits(&typed(&[(EVENT_CODE_FIELD, "wiki-loves-pari")])),
            Err(Said::portal("event-code-wrong"))
        );
        assert_eq!(code.admits(&typed(&[(EVENT_CODE_FIELD, " wiki-loves-paris")])), Ok(()));
        assert_eq!(format!("{code:?}"), "EventCode(redacted)");
        assert!("  ".parse::<EventCode>().is_err());
    }

    #[test]
    fn the_window_says_when_sign_up_opens_and_closes() {
        let at = |s: &str| OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).unwrap();
        let window = Window::new(Some(at("2026-03-07T09:00:00Z")), Some(at("2026-03-07T18:00:00+01:00")));
        assert_eq!(window.at(at("2026-03-07T08:59:59Z")), WindowState::NotYet(at("2026-03-07T09:00:00Z")));
        assert_eq!(window.at(at("2026-03-07T12:00:00Z")), WindowState::Open);
        assert_eq!(window.at(at("2026-03-07T17:00:00Z")), WindowState::Over(at("2026-03-07T17:00:00Z")));
        assert_eq!(Window::default().at(at("2026-03-07T12:00:00Z")), WindowState::Open);
    }

    #[test]
    fn an_event_is_open_inside_its_window_until_its_maximum_is_made() {
        let at = |s: &str| OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).unwrap();
        let window = Window::new(Some(at("2026-03-07T09:00:00Z")), Some(at("2026-03-07T18:00:00Z")));
        let rules = EventRules::new(None, None, window, Some(40));
        assert!(rules.counts_accounts());
        assert_eq!(rules.open_at(at("2026-03-07T08:00:00Z"), Some(0)), Err(Closed::NotYet(at("2026-03-07T09:00:00Z"))));
        assert_eq!(rules.open_at(at("2026-03-07T12:00:00Z"), Some(39)), Ok(()));
        assert_eq!(rules.open_at(at("2026-03-07T12:00:00Z"), Some(40)), Err(Closed::Full));
        assert_eq!(rules.open_at(at("2026-03-07T19:00:00Z"), Some(0)), Err(Closed::Over(at("2026-03-07T18:00:00Z"))));
        let unlimited = EventRules::default();
        assert!(!unlimited.counts_accounts() && !unlimited.passwords_mailed());
        assert_eq!(unlimited.open_at(at("2026-03-07T12:00:00Z"), None), Ok(()));
        assert!(unlimited.admits_code(&Submission::default()).is_ok());
        let coded = EventRules::new(None, Some("quokka".parse().unwrap()), Window::default(), None);
        assert!(coded.admits_code(&Submission::default()).is_err());
    }
}
