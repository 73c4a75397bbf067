//! What handlers take from a request: the client's address, a verified
//! form, the visitor's language, the visitor's session.

pub mod client_ip;
pub mod csrf;
pub mod language;
pub mod organizer;
pub mod session;
