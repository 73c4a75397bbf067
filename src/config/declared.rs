//! Every setting as it is given (command line, environment, file): its
//! flag, its environment variable, its key in the TOML file (the field's
//! name), its type, its default and its help, declared once here. The
//! settings of one sign-up page ([`PageArgs`]) are those an `[[event]]`
//! table may give; the rest are the portal's. Every flag is global, so that
//! `wikisignup report SLUG` takes the same settings as the server.

use std::net::SocketAddr;
use std::num::{NonZeroU32, NonZeroU64};
use std::path::PathBuf;

use url::Url;

use super::values::{
    CaptchaWidgetList, FrameAncestors, InRange, LanguageList, Moment, NameList, OneLine, PublicUrl, RedisPrefix,
    SessionStoreSetting, TrustedProxies, WikiList,
};
use crate::look::AccentColor;
use crate::records::{DatabaseUrl, ReportToken};
use crate::signup::{EventCode, LanguageCode, PageTitle, Slug, TimeZone};
use crate::wiki::WikiApiUrl;

/// The command line: what to do, and the settings.
#[derive(Debug, clap::Parser)]
#[command(name = "wikisignup", version, about = "A custom sign-up page for a MediaWiki wiki")]
pub struct Declared {
    /// What to do; without one, serve the sign-up pages.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// TOML file with any of the settings below (snake_case keys)
    #[arg(long, global = true, env = "WIKISIGNUP_CONFIG")]
    pub config: Option<PathBuf>,
    /// Address and port to listen on
    #[arg(long, global = true, env = "WIKISIGNUP_LISTEN", default_value = "127.0.0.1:8000")]
    pub listen: SocketAddr,
    /// The portal's external address (behind a proxy: its https URL) [default: http://LISTEN/]
    #[arg(long, global = true, env = "WIKISIGNUP_PUBLIC_URL")]
    pub public_url: Option<PublicUrl>,
    /// Minutes an idle visitor session lives
    #[arg(long, global = true, env = "WIKISIGNUP_SESSION_TTL", default_value = "60")]
    pub session_ttl: InRange<1, 1440>,
    /// Most visitor sessions held in memory; the least recently used go first
    #[arg(long, global = true, env = "WIKISIGNUP_MAX_SESSIONS", default_value = "100000")]
    pub max_sessions: NonZeroU64,
    /// Megabytes the sessions held in memory may take in all; the least recently used go first
    #[arg(long, global = true, env = "WIKISIGNUP_SESSION_MEMORY", default_value = "256")]
    pub session_memory: InRange<1, 65536>,
    /// Where visitor sessions live: memory, or a redis:// URL shared by several instances
    #[arg(long, global = true, env = "WIKISIGNUP_SESSION_STORE", default_value = "memory")]
    pub session_store: SessionStoreSetting,
    /// Where keys begin in a Redis session store shared with others [default: derived from the session secret]
    #[arg(long, global = true, env = "WIKISIGNUP_REDIS_PREFIX")]
    pub redis_prefix: Option<RedisPrefix>,
    /// Log JSON lines instead of text
    #[arg(long, global = true, env = "WIKISIGNUP_LOG_JSON", default_value = "false", action = clap::ArgAction::Set)]
    pub log_json: bool,
    /// Comma-separated addresses or CIDR ranges of reverse proxies whose X-Forwarded-For is believed
    #[arg(long, global = true, env = "WIKISIGNUP_TRUSTED_PROXIES", default_value = "")]
    pub trusted_proxies: TrustedProxies,
    /// Address and port for Prometheus /metrics, apart from the public pages (e.g. 127.0.0.1:9100) [default: off]
    #[arg(long, global = true, env = "WIKISIGNUP_METRICS_LISTEN")]
    pub metrics_listen: Option<SocketAddr>,
    /// Where the events' sign-ups are recorded: sqlite://PATH or postgres://...
    #[arg(long, global = true, env = "WIKISIGNUP_DATABASE", default_value = "sqlite://wikisignup.db")]
    pub database: DatabaseUrl,
    /// Seconds the wiki's words and site information are kept per language (a change on the wiki shows within this time)
    #[arg(long, global = true, env = "WIKISIGNUP_WIKI_CACHE_TTL", default_value = "600")]
    pub wiki_cache_ttl: InRange<1, 86400>,
    /// Wikis whose users may sign in to the organisers' console (/organize/), comma-separated api.php URLs [default: --wiki-api]
    #[arg(long, global = true, env = "WIKISIGNUP_ORGANIZER_WIKIS", default_value = "")]
    pub organizer_wikis: WikiList,
    /// User groups whose members may sign in to the organisers' console, comma-separated
    #[arg(long, global = true, env = "WIKISIGNUP_ORGANIZER_GROUPS", default_value = "sysop,eventcoordinator")]
    pub organizer_groups: NameList,
    /// Wiki usernames who may sign in to the organisers' console whatever their groups, comma-separated [default: none]
    #[arg(long, global = true, env = "WIKISIGNUP_ORGANIZERS", default_value = "")]
    pub organizers: NameList,
    #[command(flatten)]
    pub page: PageArgs,
}

/// What the portal is asked to do besides serving.
#[derive(Debug, Clone, clap::Subcommand)]
pub enum Command {
    /// Print an event's sign-ups (as its report page lists them)
    Report {
        /// The event's slug, as in its address /e/SLUG/
        slug: Slug,
        /// As CSV, as the report page's download
        #[arg(long)]
        csv: bool,
    },
    /// Check, before the event, that sign-ups can work: each wiki from this address, each organiser's login, the database, the session store
    Check,
    /// Print a fresh report token (24 random bytes as hex) for an event's report_token
    Token,
}

/// The settings of one sign-up page: the portal's own at `/`, and each
/// event's, which an `[[event]]` table gives over the portal's.
#[derive(Debug, Clone, clap::Args)]
pub struct PageArgs {
    /// The wiki's api.php
    #[arg(long, global = true, env = "WIKISIGNUP_WIKI_API", default_value = "https://test.wikipedia.org/w/api.php")]
    pub wiki_api: WikiApiUrl,
    /// Your e-mail or URL, sent to the wiki in the User-Agent
    #[arg(long, global = true, env = "WIKISIGNUP_CONTACT")]
    pub contact: Option<OneLine>,
    /// Language of the wiki's labels and messages (uselang); content is the wiki's own
    #[arg(long, global = true, env = "WIKISIGNUP_LANGUAGE", default_value = "content")]
    pub language: LanguageCode,
    /// Languages offered in a switch on the page, e.g. th,en for a bilingual event [default: none]
    #[arg(long, global = true, env = "WIKISIGNUP_LANGUAGES", default_value = "")]
    pub languages: LanguageList,
    /// Seconds to wait for the wiki
    #[arg(long, global = true, env = "WIKISIGNUP_UPSTREAM_TIMEOUT", default_value = "20")]
    pub upstream_timeout: InRange<1, 300>,
    /// Sign-up submissions one client may make per minute (and six username or password checks for each)
    #[arg(long, global = true, env = "WIKISIGNUP_SUBMISSIONS_PER_MINUTE", default_value = "10")]
    pub submissions_per_minute: NonZeroU32,
    /// Sites that may embed the page in a frame (CSP frame-ancestors), separated by spaces
    #[arg(long, global = true, env = "WIKISIGNUP_FRAME_ANCESTORS", default_value = "'self'")]
    pub frame_ancestors: FrameAncestors,
    /// Most requests to the wiki in flight at once
    #[arg(long, global = true, env = "WIKISIGNUP_UPSTREAM_CONCURRENCY", default_value = "64")]
    pub upstream_concurrency: InRange<1, 10000>,
    /// Script CAPTCHAs whose site key allows this portal's host, shown as widgets: hcaptcha, turnstile [default: none]
    #[arg(long, global = true, env = "WIKISIGNUP_CAPTCHA_WIDGETS", default_value = "")]
    pub captcha_widgets: CaptchaWidgetList,
    /// hCaptcha's script (another for hCaptcha Enterprise's own asset host)
    #[arg(long, global = true, env = "WIKISIGNUP_HCAPTCHA_SCRIPT", default_value = "https://js.hcaptcha.com/1/api.js")]
    pub hcaptcha_script: Url,
    /// Organizer mode: the bot password's NAME@APP (secret in WIKISIGNUP_ORGANIZER_PASSWORD) [default: off]
    #[arg(long, global = true, env = "WIKISIGNUP_ORGANIZER_USER")]
    pub organizer_user: Option<OneLine>,
    /// In organizer mode, the most sign-ups one client may send in a burst (no CAPTCHA slows a script down)
    #[arg(long, global = true, env = "WIKISIGNUP_ORGANIZER_BURST", default_value = "5")]
    pub organizer_burst: NonZeroU32,
    /// The reason the wiki logs with each account made in organizer mode [default: names the public URL]
    #[arg(long, global = true, env = "WIKISIGNUP_ORGANIZER_REASON")]
    pub organizer_reason: Option<OneLine>,
    /// In organizer mode, the wiki e-mails each visitor a temporary password instead of asking for one
    #[arg(long, global = true, env = "WIKISIGNUP_ORGANIZER_MAIL_PASSWORD", default_value = "false", action = clap::ArgAction::Set)]
    pub organizer_mail_password: bool,
    /// A word announced at the event that visitors must type to sign up [default: none asked]
    #[arg(long, global = true, env = "WIKISIGNUP_EVENT_CODE")]
    pub event_code: Option<EventCode>,
    /// Most accounts made through this page, counted exactly in the database [default: no maximum]
    #[arg(long, global = true, env = "WIKISIGNUP_MAX_ACCOUNTS")]
    pub max_accounts: Option<NonZeroU64>,
    /// When sign-up opens (RFC 3339, e.g. 2026-03-07T09:00:00+01:00) [default: open]
    #[arg(long, global = true, env = "WIKISIGNUP_OPENS")]
    pub opens: Option<Moment>,
    /// When sign-up closes (RFC 3339) [default: never]
    #[arg(long, global = true, env = "WIKISIGNUP_CLOSES")]
    pub closes: Option<Moment>,
    /// Send each visitor's address to the wiki in X-Forwarded-For (for wikis that trust the portal)
    #[arg(long, global = true, env = "WIKISIGNUP_FORWARD_CLIENT_IP", default_value = "false", action = clap::ArgAction::Set)]
    pub forward_client_ip: bool,
    /// The event's name, shown above the form [default: none]
    #[arg(long, global = true, env = "WIKISIGNUP_TITLE")]
    pub title: Option<OneLine>,
    /// A paragraph or two of plain text above the form (blank lines between paragraphs) [default: none]
    #[arg(long, global = true, env = "WIKISIGNUP_INTRO")]
    pub intro: Option<String>,
    /// A PNG, JPEG, GIF, WebP or SVG file (at most 512 KiB) shown above the form [default: none]
    #[arg(long, global = true, env = "WIKISIGNUP_LOGO")]
    pub logo: Option<PathBuf>,
    /// The colour of buttons, links and the header, as #rrggbb; text on it stays readable [default: #3366cc]
    #[arg(long, global = true, env = "WIKISIGNUP_ACCENT_COLOR")]
    pub accent_color: Option<AccentColor>,
    /// Who runs this page, named in every page's footer [default: none]
    #[arg(long, global = true, env = "WIKISIGNUP_OPERATOR")]
    pub operator: Option<OneLine>,
    /// A page about whoever runs this page (https://), linked from the footer [default: none]
    #[arg(long, global = true, env = "WIKISIGNUP_OPERATOR_URL")]
    pub operator_url: Option<Url>,
    /// The privacy notice of this page (https://), linked from the footer [default: none]
    #[arg(long, global = true, env = "WIKISIGNUP_PRIVACY_URL")]
    pub privacy_url: Option<Url>,
    /// What to do next, shown on the welcome page after the account is made (blank lines between paragraphs) [default: the intro]
    #[arg(long, global = true, env = "WIKISIGNUP_NEXT_STEPS")]
    pub next_steps: Option<String>,
    /// The event's id on the wiki (Extension:CampaignEvents): the welcome page's log-in leads to registering for it [default: none]
    #[arg(long, global = true, env = "WIKISIGNUP_CAMPAIGN_EVENT_ID")]
    pub campaign_event_id: Option<NonZeroU64>,
    /// The wiki page visitors go to after logging in, when the link names none (?returnto=) [default: none]
    #[arg(long, global = true, env = "WIKISIGNUP_RETURNTO")]
    pub returnto: Option<PageTitle>,
    /// The event's time zone, an IANA name such as Asia/Bangkok: its report and CSV give times on its clocks [default: UTC]
    #[arg(long, global = true, env = "WIKISIGNUP_TIME_ZONE")]
    pub time_zone: Option<TimeZone>,
    /// The secret of an event's report link (/e/SLUG/report?token=...), 32 characters or more [default: no report]
    #[arg(long, global = true, env = "WIKISIGNUP_REPORT_TOKEN")]
    pub report_token: Option<ReportToken>,
}
