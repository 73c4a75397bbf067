//! The organisers' console session: who signed in, kept in this process
//! under a random id in a cookie of its own (`HttpOnly`, `SameSite=Strict`,
//! for `/organize/` only), forgotten after half an hour idle. It holds the
//! bot password the organiser signed in with, in memory only, to seal into
//! an event they put in organizer mode; and the token every console form
//! carries.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use actix_web::cookie::{Cookie, SameSite};
use actix_web::{FromRequest, HttpRequest, dev::Payload, web};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use subtle::ConstantTimeEq;

use super::csrf::from_origin;
use crate::events::Events;
use crate::events::admission::Account;
use crate::web::errors::{CONSOLE_PATH, PageError};
use crate::web::state::AppState;
use crate::wiki::{WikiApiUrl, WikiClient};

pub const CONSOLE_COOKIE: &str = "wikisignup_organizer";
/// How long a console session lasts without use.
const IDLE: Duration = Duration::from_secs(30 * 60);
/// Sign-in attempts per address, and per name, per minute.
const SIGN_INS_PER_MINUTE: NonZeroU32 = NonZeroU32::new(5).unwrap();

/// A signed-in organiser.
pub struct Organiser {
    pub account: Account,
    /// The wiki they signed in to.
    pub wiki: WikiApiUrl,
    /// The bot password's `Name@App`.
    pub bot_user: String,
    bot_password: String,
    /// The token each console form carries.
    pub csrf: String,
}

impl Organiser {
    /// The bot password they signed in with: sealed into an event in
    /// organizer mode, never shown.
    pub fn bot_password(&self) -> &str {
        &self.bot_password
    }

    pub fn name(&self) -> &str {
        &self.account.name
    }
}

/// The console's state: its sessions, its wikis, its sign-in limits.
pub struct Console {
    sessions: moka::sync::Cache<String, Arc<Organiser>>,
    /// A client for each wiki organisers may sign in to.
    pub wikis: Vec<WikiClient>,
    by_client: DefaultKeyedRateLimiter<IpAddr>,
    by_name: DefaultKeyedRateLimiter<String>,
    /// The console's cookie is `Secure` (an https portal).
    secure: bool,
}

impl Console {
    pub fn new(wikis: Vec<WikiClient>, secure: bool) -> Console {
        Console {
            sessions: moka::sync::Cache::builder().max_capacity(10_000).time_to_idle(IDLE).build(),
            wikis,
            by_client: RateLimiter::keyed(Quota::per_minute(SIGN_INS_PER_MINUTE)),
            by_name: RateLimiter::keyed(Quota::per_minute(SIGN_INS_PER_MINUTE)),
            secure,
        }
    }

    /// The client of the wiki at `api`, if organisers may sign in there.
    pub fn wiki(&self, api: &str) -> Option<&WikiClient> {
        self.wikis.iter().find(|w| w.api().as_str() == api)
    }

    /// Takes a sign-in attempt for `client` and `name`; too many of either
    /// within a minute are refused.
    pub fn take_attempt(&self, client: IpAddr, name: &str) -> bool {
        let name = name.trim().to_lowercase();
        self.by_client.check_key(&client).is_ok() && self.by_name.check_key(&name).is_ok()
    }

    /// Starts a session for the organiser: the cookie that names it.
    pub fn start(&self, account: Account, wiki: WikiApiUrl, bot_user: String, bot_password: String) -> Cookie<'static> {
        let id = random_hex();
        let organiser = Organiser { account, wiki, bot_user, bot_password, csrf: random_hex() };
        self.sessions.insert(id.clone(), Arc::new(organiser));
        self.cookie(id, false)
    }

    /// Ends the session `req` names: the cookie that removes it.
    pub fn end(&self, req: &HttpRequest) -> Cookie<'static> {
        if let Some(cookie) = req.cookie(CONSOLE_COOKIE) {
            self.sessions.invalidate(cookie.value());
        }
        self.cookie(String::new(), true)
    }

    fn cookie(&self, value: String, removal: bool) -> Cookie<'static> {
        let mut cookie = Cookie::build(CONSOLE_COOKIE, value)
            .path(CONSOLE_PATH)
            .http_only(true)
            .secure(self.secure)
            .same_site(SameSite::Strict)
            .finish();
        if removal {
            cookie.make_removal();
        }
        cookie
    }

    /// The organiser signed in with `req`'s cookie, if any.
    pub fn organiser(&self, req: &HttpRequest) -> Option<Arc<Organiser>> {
        self.sessions.get(req.cookie(CONSOLE_COOKIE)?.value())
    }

    /// Forgets the clients and names whose attempts have all come back.
    pub fn prune(&self) {
        self.by_client.retain_recent();
        self.by_name.retain_recent();
    }
}

fn random_hex() -> String {
    let bytes: [u8; 24] = rand::RngExt::random(&mut rand::rng());
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What a console page works with: the request, the portal's own page
/// (its look and languages), the console, the events, and the organiser
/// signed in (without one, the request is sent to sign in).
pub struct Desk {
    pub req: HttpRequest,
    pub portal: web::Data<AppState>,
    pub console: web::Data<Console>,
    pub events: web::Data<Events>,
    pub organiser: Arc<Organiser>,
}

impl FromRequest for Desk {
    type Error = PageError;
    type Future = std::future::Ready<Result<Self, PageError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let console = req.app_data::<web::Data<Console>>();
        let desk = || {
            let organiser = console.and_then(|console| console.organiser(req)).ok_or(PageError::SignInFirst)?;
            Ok(Desk {
                req: req.clone(),
                portal: req.app_data::<web::Data<AppState>>().cloned().ok_or(PageError::NotFound)?,
                console: console.cloned().ok_or(PageError::NotFound)?,
                events: req.app_data::<web::Data<Events>>().cloned().ok_or(PageError::NotFound)?,
                organiser,
            })
        };
        std::future::ready(desk())
    }
}

impl Desk {
    /// Whether the form was posted by a page of the portal with the organiser's token.
    pub fn genuine_post(&self, posted: &str) -> bool {
        genuine_post(&self.req, &self.portal.public_url.origin(), posted, Some(&self.organiser))
    }
}

/// Whether a console form was posted by a page of the portal's own origin
/// (`own_origin`), with the organiser's token when one is signed in.
pub fn genuine_post(req: &HttpRequest, own_origin: &str, posted: &str, organiser: Option<&Organiser>) -> bool {
    from_origin(req.headers(), own_origin)
        && organiser.is_none_or(|o| bool::from(posted.as_bytes().ct_eq(o.csrf.as_bytes())))
}
