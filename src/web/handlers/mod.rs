//! The handlers: thin, each calls the domain or the wiki and renders a page.

pub mod assets;
pub mod captcha;
pub mod console;
pub mod console_events;
pub mod embed;
pub mod field_check;
pub mod form;
pub mod operations;
pub mod report;
pub mod script_captcha;
