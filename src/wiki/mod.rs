//! The MediaWiki Action API: HTTP and JSON, nothing about HTML.

mod api_url;
mod client;
mod error;
mod form_answers;
mod organizer;
mod session;
mod transport;
pub mod types;

pub use api_url::{WikiApiUrl, WikiApiUrlError};
pub use client::{
    ClientOptions, CreateAccount, CreateStep, FormPageInfo, MAX_IMAGE_BYTES, SiteWords, WikiClient, WikiImage,
};
pub use error::WikiError;
pub use organizer::{Organizer, OrganizerCredentials, OrganizerRights};
pub use session::UpstreamSession;
pub use transport::TransportOptions;

#[cfg(test)]
mod tests;
