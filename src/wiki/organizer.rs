//! Organizer mode: sign-ups made in the session of an event coordinator's
//! account, which may create more accounts than the wiki's per-address
//! limit (`noratelimit`) and usually skips CAPTCHAs (`skipcaptcha`).
//!
//! The organiser's wiki session lives in this process only (never in the
//! session store: several instances each log in on their own, and never
//! trip over each other). Each call works on a copy of it and gives back
//! what the wiki changed; a session found logged out (`assertuserfailed`)
//! logs in again once, invisibly. A failed login is not tried again at
//! once: the next try waits, longer each time, so a wrong password never
//! becomes a stream of failing logins.

use std::time::{Duration, Instant};

use tokio::sync::Mutex;

use super::client::WikiClient;
use super::error::WikiError;
use super::session::UpstreamSession;

/// How the organiser's account proves itself.
#[derive(Clone)]
pub enum OrganizerCredentials {
    /// A bot password (Special:BotPasswords): `NAME@APP` and its secret,
    /// used with `action=login`.
    BotPassword { user: String, password: String },
    /// An owner-only OAuth 2 access token, sent as `Authorization: Bearer`.
    OAuth { token: String },
    /// None the portal can use (a sealed secret it cannot open): each
    /// login fails with this reason, and sign-ups wait.
    Unavailable { user: String, why: String },
}

impl std::fmt::Debug for OrganizerCredentials {
    // The secret is never printed.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OrganizerCredentials::BotPassword { user, .. } => write!(f, "BotPassword({user}, <redacted>)"),
            OrganizerCredentials::OAuth { .. } => write!(f, "OAuth(<redacted>)"),
            OrganizerCredentials::Unavailable { user, why } => write!(f, "Unavailable({user}: {why})"),
        }
    }
}

/// What the organiser's account may do, as the wiki says of its session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganizerRights {
    pub name: String,
    pub create_accounts: bool,
    /// `noratelimit`: exempt from the wiki's accounts-per-address limit.
    pub exempt_from_limits: bool,
    /// `skipcaptcha`: sign-ups show no CAPTCHA.
    pub skips_captcha: bool,
}

/// The first wait after a failed login; it doubles up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_secs(10);
const MAX_BACKOFF: Duration = Duration::from_secs(600);

pub struct Organizer {
    credentials: OrganizerCredentials,
    state: Mutex<LoginState>,
}

#[derive(Default)]
struct LoginState {
    /// The logged-in session, once there is one.
    session: Option<UpstreamSession>,
    /// What it may do, asked when it logged in.
    rights: Option<OrganizerRights>,
    /// The last failed login: when, why, and how long to wait after it.
    failed: Option<(Instant, String, Duration)>,
}

impl Organizer {
    pub fn new(credentials: OrganizerCredentials) -> Organizer {
        Organizer { credentials, state: Mutex::new(LoginState::default()) }
    }

    /// The account's name, as the settings give it.
    pub fn name(&self) -> &str {
        match &self.credentials {
            OrganizerCredentials::BotPassword { user, .. } | OrganizerCredentials::Unavailable { user, .. } => user,
            OrganizerCredentials::OAuth { .. } => "the OAuth token's owner",
        }
    }

    /// Runs `call` in the organiser's session, logging in first if need be,
    /// and once more if the wiki says the session was logged out.
    pub async fn with_session<T>(
        &self,
        wiki: &WikiClient,
        call: impl AsyncFn(&mut UpstreamSession) -> Result<T, WikiError>,
    ) -> Result<T, WikiError> {
        let mut session = self.session(wiki).await?;
        let result = match call(&mut session).await {
            Err(WikiError::NotLoggedIn) => {
                tracing::info!("the organiser's wiki session was logged out; logging in again");
                self.forget().await;
                session = self.session(wiki).await?;
                call(&mut session).await
            }
            other => other,
        };
        self.keep(session).await;
        result
    }

    /// What the account may do, as the wiki said when it logged in (logging
    /// in if need be): what start-up and `/readyz` check.
    pub async fn rights(&self, wiki: &WikiClient) -> Result<OrganizerRights, WikiError> {
        self.session(wiki).await?;
        let state = self.state.lock().await;
        state.rights.clone().ok_or_else(|| WikiError::LoginFailed("not logged in".into()))
    }

    /// A copy of the logged-in session, logging in if there is none (unless
    /// a failed login is too recent: then its reason, at once).
    async fn session(&self, wiki: &WikiClient) -> Result<UpstreamSession, WikiError> {
        let mut state = self.state.lock().await;
        if let Some(session) = &state.session {
            return Ok(session.clone());
        }
        if let Some((at, reason, wait)) = &state.failed
            && at.elapsed() < *wait
        {
            return Err(WikiError::LoginFailed(reason.clone()));
        }
        // Logging in under the lock: visitors arriving meanwhile wait for
        // this one login instead of each starting their own.
        let mut session = UpstreamSession::default();
        match self.log_in(wiki, &mut session).await {
            Ok(rights) => {
                tracing::info!(
                    organizer = %rights.name,
                    may_skip_captcha = rights.skips_captcha,
                    exempt_from_address_limit = rights.exempt_from_limits,
                    "the organiser's account logged in to the wiki"
                );
                state.failed = None;
                state.rights = Some(rights);
                state.session = Some(session.clone());
                Ok(session)
            }
            Err(e) => {
                let wait = match &state.failed {
                    Some((_, _, wait)) => (*wait * 2).min(MAX_BACKOFF),
                    None => FIRST_BACKOFF,
                };
                tracing::error!(
                    organizer = self.name(),
                    error = %e,
                    retry_in_secs = wait.as_secs(),
                    "the organiser's account could not log in to the wiki: sign-ups wait until it can"
                );
                state.failed = Some((Instant::now(), e.to_string(), wait));
                Err(e)
            }
        }
    }

    /// Logs `session` in and asks what it may do: an account that may not
    /// create accounts is as good as a wrong password.
    async fn log_in(&self, wiki: &WikiClient, session: &mut UpstreamSession) -> Result<OrganizerRights, WikiError> {
        let user = match &self.credentials {
            OrganizerCredentials::BotPassword { user, password } => wiki.sign_in(session, user, password).await?,
            OrganizerCredentials::OAuth { token } => {
                session.manner.bearer = Some(token.clone());
                session.manner.as_user = true;
                wiki.current_user(session).await?
            }
            OrganizerCredentials::Unavailable { why, .. } => return Err(WikiError::LoginFailed(why.clone())),
        };
        let has = |right: &str| user.rights.iter().any(|r| r == right);
        let rights = OrganizerRights {
            name: user.name.clone(),
            create_accounts: has("createaccount"),
            exempt_from_limits: has("noratelimit"),
            skips_captcha: has("skipcaptcha"),
        };
        if !rights.create_accounts {
            return Err(WikiError::LoginFailed(format!(
                "{} may not create accounts on this wiki (no createaccount right; the bot password needs the \
                 grant \"Create accounts\")",
                rights.name
            )));
        }
        Ok(rights)
    }

    /// Keeps what the wiki changed in the session (cookies, token), not how
    /// the call was made for one visitor (their address, their language).
    async fn keep(&self, mut session: UpstreamSession) {
        let mut state = self.state.lock().await;
        if let Some(own) = state.session.as_mut() {
            session.manner = own.manner.clone();
            *own = session;
        }
    }

    async fn forget(&self) {
        self.state.lock().await.session = None;
    }
}
