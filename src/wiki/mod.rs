//! The MediaWiki Action API: HTTP and JSON, nothing about HTML.

mod api_url;
mod client;
mod session;
pub mod types;

pub use api_url::{WikiApiUrl, WikiApiUrlError};
pub use client::{ClientOptions, CreateAccount, CreateStep, WikiClient, WikiError};
pub use session::UpstreamSession;
