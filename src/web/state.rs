//! What every handler of one sign-up page shares: the portal's own page
//! at `/` or an event's at `/e/SLUG/`.

use std::net::IpAddr;
use std::num::NonZeroU64;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use actix_web::web;

use super::errors::PageError;
use super::form_pages::FormPages;
use super::languages::Languages;
use super::limits::{self, ClientLimits, Limiter};
use super::pages::Site;
use crate::config::{CaptchaWidgetSettings, FrameAncestors, PageSettings, PublicUrl, Settings, TrustedProxies};
use crate::look::Look;
use crate::metrics::Metrics;
use crate::preflight::Finding;
use crate::records::{AccountRecords, ReportToken};
use crate::signup::{CreatorForm, EventRules, LanguageCode, PageTitle, Slug, TimeZone};
use crate::wiki::{ClientOptions, Organizer, TransportOptions, UpstreamSession, WikiClient};

pub struct AppState {
    pub wiki: WikiClient,
    /// Where this page is reached: the portal's address, or an event's
    /// (`.../e/SLUG/`).
    pub public_url: PublicUrl,
    /// This page's path on the portal, ending in `/`: `/`, or `/e/SLUG/`.
    /// Every link and redirect of the page starts with it, and its keys in
    /// the visitor's session are kept apart by it.
    pub base: String,
    /// The event this page is for (`None` for the portal's own page).
    pub slug: Option<Slug>,
    /// The event's report is shown to whoever has this (none without it).
    pub report_token: Option<ReportToken>,
    /// Who signed up through each event; shared by every page.
    pub records: Arc<AccountRecords>,
    /// The sites that may frame the pages (CSP `frame-ancestors`).
    pub frame_ancestors: FrameAncestors,
    /// Their origins written out, space-separated (see [`FrameAncestors::origins`]).
    pub frame_origins: String,
    /// The wiki's host (and port), as shown to visitors: "on test.wikipedia.org".
    pub wiki_host: String,
    /// How often each client may make the portal call the wiki: one
    /// budget for every page of the portal.
    pub limits: Arc<ClientLimits>,
    /// This page's own limit on submissions, besides the portal's, if it
    /// has one (see [`limits::page_submissions`]).
    pub own_submissions: Option<Limiter>,
    pub trusted_proxies: TrustedProxies,
    pub metrics: Metrics,
    pub readiness: Readiness,
    /// What the pre-flight check found at start-up (empty until it ran).
    pub preflight: Arc<std::sync::RwLock<Vec<Finding>>>,
    pub event: EventSetup,
    pub captcha_widgets: CaptchaWidgetSettings,
    /// The page's own language (`--language`), for visitors who ask none.
    pub language: LanguageCode,
    /// The visitors' languages and the pages' words in each.
    pub languages: Languages,
    /// The languages of the page's switch (`--languages`).
    pub language_switch: Vec<LanguageCode>,
    /// How long a visitor's session, and so a sign-up under way, lasts.
    pub session_ttl: Duration,
    /// The page's look and who runs it.
    pub look: Look,
    /// The wiki page to go to after logging in, unless the link names one.
    pub returnto: Option<PageTitle>,
    /// The event's id on the wiki (Extension:CampaignEvents), if it is
    /// registered there.
    pub campaign_event: Option<std::num::NonZeroU64>,
    /// The event's clocks, for its report.
    pub time_zone: TimeZone,
    /// Fresh form pages rendered once (`form_pages.rs`).
    pub form_pages: FormPages,
}

/// What an event adds to the sign-up; all of it off by default.
pub struct EventSetup {
    /// The organiser's form, the event code, the window and the maximum,
    /// as the domain applies them.
    pub rules: EventRules,
    /// Organizer mode: sign-ups made in this account's wiki session.
    pub organizer: Option<Organizer>,
    /// Send each visitor's address to the wiki (`X-Forwarded-For`).
    pub forward_client_ip: bool,
}

/// How long a readiness answer is reused: probes every second do not each
/// cost the wiki a request.
const READINESS_TTL: Duration = Duration::from_secs(5);

/// The last readiness check: when, and whether the wiki answered.
#[derive(Default)]
pub struct Readiness(Mutex<Option<(Instant, bool)>>);

impl Readiness {
    /// The last answer, while it is fresh.
    pub fn recent(&self) -> Option<bool> {
        match *self.0.lock().expect("readiness lock") {
            Some((at, ready)) if at.elapsed() < READINESS_TTL => Some(ready),
            _ => None,
        }
    }

    pub fn set(&self, ready: bool) {
        *self.0.lock().expect("readiness lock") = Some((Instant::now(), ready));
    }
}

impl AppState {
    /// Whose the pages are: for their header and footer.
    pub fn site(&self) -> Site<'_> {
        Site { look: &self.look, base: &self.base, wiki_name: self.wiki_name(), frame_origins: &self.frame_origins }
    }

    /// How pages name the wiki: its own name (`sitename`), or its host
    /// until the wiki has said its name.
    pub fn wiki_name(&self) -> String {
        self.wiki.sitename().unwrap_or_else(|| self.wiki_host.clone())
    }

    /// Takes one of `client`'s submission turns: the page's own, if it has
    /// a limit of its own, and the portal's.
    pub fn take_submission_turn(&self, client: IpAddr) -> Result<(), PageError> {
        if let Some(own) = &self.own_submissions {
            limits::take_turn(own, client)?;
        }
        limits::take_turn(&self.limits.submissions, client)
    }

    /// Forgets the clients whose turns have all come back.
    pub fn prune_limiters(&self) {
        self.limits.prune();
        if let Some(own) = &self.own_submissions {
            limits::forget_quiet_clients(own);
        }
    }

    /// Makes the calls of `wiki` calls for this visitor: in their
    /// `language`, and from their address (`client`) where the wiki trusts
    /// the portal (`--forward-client-ip`).
    pub fn made_for(&self, client: IpAddr, language: &LanguageCode, wiki: &mut UpstreamSession) {
        if self.event.forward_client_ip {
            wiki.forward_for(client);
        }
        wiki.speak(language.as_str());
    }
}

/// What every page of the portal shares: the metrics, the database, one
/// budget of turns per client, the pre-flight findings, and the portal's
/// own settings (sessions, proxies). Each page's state is built from it.
#[derive(Clone)]
pub struct Commons {
    pub metrics: Metrics,
    pub records: Arc<AccountRecords>,
    pub settings: Arc<Settings>,
    pub limits: Arc<ClientLimits>,
    pub preflight: Arc<std::sync::RwLock<Vec<Finding>>>,
}

impl Commons {
    /// A client of the wiki at `api`, as a page with `settings` reached at
    /// `public_url` calls it.
    pub fn wiki_client(
        &self,
        api: crate::wiki::WikiApiUrl,
        settings: &PageSettings,
        public_url: &PublicUrl,
    ) -> anyhow::Result<WikiClient> {
        Ok(WikiClient::new(
            api,
            ClientOptions {
                transport: TransportOptions {
                    user_agent: settings.user_agent(public_url),
                    connect_timeout: settings.upstream_timeout.min(Duration::from_secs(5)),
                    concurrency: settings.upstream_concurrency,
                    metrics: self.metrics.upstream.clone(),
                    timeout: settings.upstream_timeout,
                    language: settings.language.as_str().to_owned(),
                },
                interface_messages: &crate::signup::INTERFACE_MESSAGES,
            },
        )?)
    }

    /// One sign-up page's state: the portal's own (`slug` `None`, at `/`)
    /// or an event's (at `/e/SLUG/`), reached at `public_url`, with
    /// `settings`.
    pub fn page(
        &self,
        settings: &PageSettings,
        public_url: PublicUrl,
        slug: Option<&Slug>,
    ) -> anyhow::Result<web::Data<AppState>> {
        let metrics = self.metrics.clone();
        let wiki = self.wiki_client(settings.wiki_api.clone(), settings, &public_url)?;
        let wiki_host = settings.wiki_api.host();
        let event = event_setup(settings, &public_url);
        let frame_origins = settings.frame_ancestors.origins(&public_url.origin()).join(" ");
        Ok(web::Data::new(AppState {
            frame_origins,
            wiki,
            public_url,
            base: slug.map_or_else(|| "/".to_owned(), |slug| format!("/e/{slug}/")),
            slug: slug.cloned(),
            report_token: settings.report_token.clone(),
            records: self.records.clone(),
            wiki_host,
            limits: self.limits.clone(),
            own_submissions: limits::page_submissions(
                settings.submissions_per_minute,
                self.settings.page.submissions_per_minute,
                settings.organizer.as_ref().map(|_| settings.organizer_burst),
            ),
            trusted_proxies: self.settings.trusted_proxies.clone(),
            frame_ancestors: settings.frame_ancestors.clone(),
            metrics,
            readiness: Default::default(),
            preflight: self.preflight.clone(),
            event,
            captcha_widgets: settings.captcha_widgets.clone(),
            language: settings.language.clone(),
            languages: Languages::new(self.settings.wiki_cache_ttl),
            language_switch: settings.languages.clone(),
            session_ttl: self.settings.session_ttl,
            look: settings.look.clone(),
            returnto: settings.returnto.clone(),
            campaign_event: settings.campaign_event_id,
            time_zone: settings.time_zone.clone(),
            form_pages: FormPages::default(),
        }))
    }
}

/// What the event settings add: organizer mode, the event code, the time
/// window, the account maximum, forwarding visitors' addresses.
fn event_setup(settings: &PageSettings, public_url: &PublicUrl) -> EventSetup {
    let creator = settings.organizer.as_ref().map(|o| CreatorForm {
        reason: o
            .reason
            .clone()
            .unwrap_or_else(|| format!("Account created at an event through {}", public_url.as_str())),
        mail_password: o.mail_password,
    });
    EventSetup {
        rules: EventRules::new(
            creator,
            settings.event_code.clone(),
            settings.window,
            settings.max_accounts.map(NonZeroU64::get),
        ),
        organizer: settings.organizer.as_ref().map(|o| Organizer::new(o.credentials.clone())),
        forward_client_ip: settings.forward_client_ip,
    }
}
