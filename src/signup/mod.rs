//! The sign-up domain: the wiki's field descriptions to a form, a
//! submission back to API parameters, what each answer means, the flow of
//! statuses (`flow.rs`: every decision on what comes next), and advice on
//! fields while they are filled in. Pure:
//! knows neither the web framework nor the HTTP client.

mod advice;
mod campaign;
pub mod catalogue;
mod event;
pub mod flow;
mod form;
mod html;
mod language;
mod outcome;
mod page_title;
mod params;
mod submission;
mod time_zone;
mod username;
mod words;

pub use advice::Advice;
pub use campaign::{Campaign, CampaignError};
pub use event::{
    Closed, CreatorForm, EVENT_CODE_FIELD, EventCode, EventCodeError, EventRules, Slug, SlugError, Window,
};
pub use flow::{Flow, Next, Notice, Stage, Submit, Visit};
pub use form::{
    CaptchaService, Choice, Detail, FieldView, FormSpec, FormView, OwnValue, ScriptCaptcha, WayView, Widget, alike,
};
pub use html::SafeHtml;
pub use language::{Asked, LanguageCode, LanguageCodeError};
pub use outcome::{Outcome, Refusal, interpret};
pub use page_title::{PageTitle, PageTitleError};
pub use params::{CreateParams, create_params};
pub use submission::{Submission, WAY_BUTTON};
pub use time_zone::{TimeZone, TimeZoneError};
pub use username::{Username, UsernameError};
pub use words::{INTERFACE_MESSAGES, Said, Words};

#[cfg(test)]
mod properties;
#[cfg(test)]
mod tests;
