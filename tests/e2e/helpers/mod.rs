//! What the end-to-end tests share, by what it helps with: the wiki
//! (`wiki.rs`: a real MediaWiki started by `tests/wiki/up`, or a stub for
//! faults), the app (`app.rs`: the portal started on a random port, its
//! database), and a visitor (`visitor.rs`: a browser's cookies, redirects
//! and forms).

mod app;
mod visitor;
mod wiki;

pub use app::*;
pub use visitor::*;
pub use wiki::*;
