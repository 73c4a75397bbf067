//! Typed access to a visitor's portal session. Only here are session keys
//! named. Secrets typed by the visitor (passwords) are never stored.

use std::borrow::Cow;

use actix_session::Session;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use serde::Serialize;

use crate::keys::random_key;
use crate::signup::{Campaign, Flow, LanguageCode, PageTitle, Username};
use crate::web::errors::PageError;
use crate::web::extractors::client_ip::ClientIp;
use crate::web::state::AppState;
use crate::wiki::{UpstreamSession, WikiError};

const WIKI: &str = "wiki";
const FLOW: &str = "flow";
/// The flow's form, apart from the rest of it: the form is most of a
/// session's size, and the same for every visitor of one answer, so the
/// in-memory store keeps one copy of it for all of them.
const FORM: &str = "form";
const CREATED: &str = "created";
const CSRF: &str = "csrf";
const RETURN_TO: &str = "returnto";
const CAMPAIGN: &str = "campaign";
const LANGUAGE: &str = "uselang";

/// The one cookie the portal sets.
pub const SESSION_COOKIE: &str = "wikisignup";

pub struct VisitorSession {
    session: Session,
    /// What this page's keys begin with: nothing for the portal's own page,
    /// `/e/SLUG/` for an event's. One browser can sign up at two events,
    /// and a form of one (its CSRF token, its flow) never acts on another.
    prefix: String,
}

impl VisitorSession {
    /// The session of `req`, for the page (portal's or event's) it is for.
    pub fn of(req: &HttpRequest) -> VisitorSession {
        let base = req.app_data::<actix_web::web::Data<AppState>>().map(|state| state.base.as_str());
        let prefix = base.filter(|base| *base != "/").unwrap_or_default().to_owned();
        VisitorSession { session: actix_session::SessionExt::get_session(req), prefix }
    }

    /// `name` under this page's prefix: on the portal's own page (every
    /// form page's several reads) no new string.
    fn key<'a>(&self, name: &'a str) -> Cow<'a, str> {
        if self.prefix.is_empty() { Cow::Borrowed(name) } else { Cow::Owned([self.prefix.as_str(), name].concat()) }
    }
}

impl FromRequest for VisitorSession {
    type Error = actix_web::Error;
    type Future = std::future::Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(Ok(VisitorSession::of(req)))
    }
}

impl VisitorSession {
    /// The token the session's forms carry (see `csrf`), made on first use.
    pub fn csrf_token(&self) -> Result<String, PageError> {
        if let Some(token) = self.existing_csrf_token() {
            return Ok(token);
        }
        let token = random_key::<32>();
        self.set(CSRF, &token)?;
        Ok(token)
    }

    pub fn existing_csrf_token(&self) -> Option<String> {
        self.get(CSRF)
    }

    /// A sign-up begins upstream: a new session id, so that an id seen
    /// before (e.g. planted in the visitor's browser) is worth nothing.
    pub fn renew_id(&self) {
        self.session.renew();
        // Whoever knew the old id may know the old token: a new one too.
        self.session.remove(&self.key(CSRF));
    }
    /// The visitor's wiki session; a new one on the first visit.
    pub fn wiki(&self) -> UpstreamSession {
        self.get(WIKI).unwrap_or_default()
    }

    pub fn set_wiki(&self, wiki: &UpstreamSession) -> Result<(), PageError> {
        self.set(WIKI, wiki)
    }

    /// Runs `call` in the wiki session sign-ups go through: the organiser's
    /// in organizer mode, else the visitor's own, kept with what the wiki
    /// changed in it (cookies, token) whether the call succeeded or not.
    /// With `--forward-client-ip` the call is made for `client`'s address;
    /// always in the visitor's `language`.
    pub async fn with_wiki<T>(
        &self,
        state: &AppState,
        client: ClientIp,
        language: &LanguageCode,
        call: impl AsyncFn(&mut UpstreamSession) -> Result<T, WikiError>,
    ) -> Result<Result<T, WikiError>, PageError> {
        let forwarded = async |wiki: &mut UpstreamSession| {
            state.made_for(client.0, language, wiki);
            call(wiki).await
        };
        if let Some(organizer) = &state.event.organizer {
            return Ok(organizer.with_session(&state.wiki, forwarded).await);
        }
        let mut wiki = self.wiki();
        let result = forwarded(&mut wiki).await;
        self.set_wiki(&wiki)?;
        Ok(result)
    }

    pub fn flow(&self) -> Option<Flow> {
        let mut flow: Flow = self.get(FLOW)?;
        flow.spec = self.get(FORM)?;
        Some(flow)
    }

    pub fn set_flow(&self, flow: &Flow) -> Result<(), PageError> {
        self.set(FORM, &flow.spec)?;
        self.set(FLOW, flow)
    }

    /// The visitor chose to start over.
    pub fn drop_flow(&self) {
        self.session.remove(&self.key(FLOW));
        self.session.remove(&self.key(FORM));
    }

    /// A flow ended: the form, and the wiki session that went with it, are
    /// forgotten, and the visitor gets a new session id.
    pub fn end_flow(&self, created: &Username) -> Result<(), PageError> {
        self.drop_flow();
        self.session.remove(&self.key(WIKI));
        self.renew_id();
        self.set(CREATED, created)
    }

    /// The account a sign-up of this visit made: the welcome page shows it
    /// again on a reload, until the session ends or a new sign-up begins.
    pub fn created(&self) -> Option<Username> {
        self.get(CREATED)
    }

    /// A new sign-up begins: the last one's account is no longer shown.
    pub fn forget_created(&self) {
        self.session.remove(&self.key(CREATED));
    }

    /// The wiki page the event site asked to send the visitor to after
    /// logging in; kept for the whole visit, whatever the flow does.
    pub fn return_to(&self) -> Option<PageTitle> {
        self.get(RETURN_TO)
    }

    pub fn set_return_to(&self, page: &PageTitle) -> Result<(), PageError> {
        self.set(RETURN_TO, page)
    }

    /// The outreach campaign the link named, kept for the visit.
    pub fn campaign(&self) -> Option<Campaign> {
        self.get(CAMPAIGN)
    }

    pub fn set_campaign(&self, campaign: &Campaign) -> Result<(), PageError> {
        self.set(CAMPAIGN, campaign)
    }

    /// The language asked for with `?uselang=`, kept for the visit.
    pub fn language(&self) -> Option<String> {
        self.get(LANGUAGE)
    }

    pub fn set_language(&self, code: &LanguageCode) -> Result<(), PageError> {
        self.set(LANGUAGE, &code.as_str())
    }

    fn get<T: serde::de::DeserializeOwned>(&self, key: &str) -> Option<T> {
        // A value that no longer parses (e.g. written by an older version)
        // is as good as absent: the visitor starts afresh.
        self.session.get(&self.key(key)).unwrap_or_else(|e| {
            tracing::warn!(key, error = %e, "unreadable session value dropped");
            None
        })
    }

    fn set<T: Serialize>(&self, key: &str, value: &T) -> Result<(), PageError> {
        self.session.insert(self.key(key).into_owned(), value).map_err(PageError::Session)
    }
}
