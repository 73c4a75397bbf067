//! One sign-up page's settings, checked together: the portal's own page
//! and each event's are read the same way, from [`PageArgs`].

use std::num::{NonZeroU32, NonZeroU64};
use std::time::Duration;

use super::declared::PageArgs;
use super::errors::{ConfigError, bad};
use super::values::{CaptchaWidgetSettings, FrameAncestors, OneLine, PublicUrl, is_loopback};
use crate::look::{Logo, Look};
use crate::records::ReportToken;
use crate::signup::{EventCode, LanguageCode, PageTitle, Slug, TimeZone, Window};
use crate::wiki::{OrganizerCredentials, WikiApiUrl};

/// The environment variables that hold the organiser's secrets: never
/// options, which every user of the machine could read.
pub(super) const ORGANIZER_PASSWORD_VAR: &str = "WIKISIGNUP_ORGANIZER_PASSWORD";
const ORGANIZER_OAUTH_TOKEN_VAR: &str = "WIKISIGNUP_ORGANIZER_OAUTH_TOKEN";

/// The settings of one sign-up page, parsed and checked.
#[derive(Debug, Clone)]
pub struct PageSettings {
    pub wiki_api: WikiApiUrl,
    pub contact: Option<OneLine>,
    pub language: LanguageCode,
    /// The languages of the page's language switch, as the wiki codes them.
    pub languages: Vec<LanguageCode>,
    pub upstream_timeout: Duration,
    pub upstream_concurrency: usize,
    pub submissions_per_minute: NonZeroU32,
    pub frame_ancestors: FrameAncestors,
    /// Organizer mode: sign-ups made by an event coordinator's account.
    pub organizer: Option<OrganizerSettings>,
    /// In organizer mode, the most submissions one client may send at once.
    pub organizer_burst: NonZeroU32,
    pub captcha_widgets: CaptchaWidgetSettings,
    pub event_code: Option<EventCode>,
    pub max_accounts: Option<NonZeroU64>,
    pub window: Window,
    pub forward_client_ip: bool,
    /// The page's look and who runs it.
    pub look: Look,
    /// The wiki page to go to after logging in, unless the link names one.
    pub returnto: Option<PageTitle>,
    /// The event's id on the wiki (Extension:CampaignEvents), if it is
    /// registered there.
    pub campaign_event_id: Option<NonZeroU64>,
    /// An event's report is shown to whoever has this.
    pub report_token: Option<ReportToken>,
    /// The event's clocks, for its report.
    pub time_zone: TimeZone,
}

/// Organizer mode: whose account makes the sign-ups, and how.
#[derive(Debug, Clone)]
pub struct OrganizerSettings {
    pub credentials: OrganizerCredentials,
    /// The reason in the wiki's log; by default one naming the public URL.
    pub reason: Option<String>,
    pub mail_password: bool,
}

impl PageSettings {
    /// The page settings `args`, checked together, for a portal reached at
    /// `public_url` (framing by other sites needs one that keeps `Secure`
    /// cookies).
    /// `event` is the event whose page it is (`None`: the portal's own),
    /// which says where its organiser's secret is.
    pub(super) fn checked(
        args: PageArgs,
        public_url: &PublicUrl,
        event: Option<&Slug>,
    ) -> Result<PageSettings, ConfigError> {
        if args.frame_ancestors.allows_other_sites() && !public_url.keeps_secure_cookies() {
            return Err(bad(
                "frame_ancestors",
                "framing by other sites needs an https:// public_url: browsers keep the session cookie in a \
                 cross-site frame only when it is Secure (http:// works on loopback addresses only)",
            ));
        }
        if let (Some(opens), Some(closes)) = (&args.opens, &args.closes)
            && opens.0 >= closes.0
        {
            return Err(bad("closes", "must be later than --opens"));
        }
        let organizer = organizer(&args, event, |var| std::env::var(var).ok().filter(|v| !v.is_empty()))?;
        let look = look(&args)?;
        if args.hcaptcha_script.scheme() != "https" && !is_loopback(&args.hcaptcha_script) {
            return Err(bad("hcaptcha_script", "must be an https:// URL"));
        }
        Ok(PageSettings {
            organizer,
            organizer_burst: args.organizer_burst,
            look,
            captcha_widgets: CaptchaWidgetSettings {
                enabled: args.captcha_widgets.0,
                hcaptcha_script: args.hcaptcha_script,
            },
            event_code: args.event_code,
            max_accounts: args.max_accounts,
            window: Window::new(args.opens.map(|m| m.0), args.closes.map(|m| m.0)),
            forward_client_ip: args.forward_client_ip,
            wiki_api: args.wiki_api,
            contact: args.contact,
            language: args.language,
            languages: args.languages.0,
            upstream_timeout: Duration::from_secs(args.upstream_timeout.0),
            upstream_concurrency: args.upstream_concurrency.0 as usize,
            submissions_per_minute: args.submissions_per_minute,
            frame_ancestors: args.frame_ancestors,
            returnto: args.returnto,
            campaign_event_id: args.campaign_event_id,
            report_token: args.report_token,
            time_zone: args.time_zone.unwrap_or_default(),
        })
    }

    /// A descriptive User-Agent with a way to reach the operator, as
    /// Wikimedia's User-Agent policy asks.
    pub fn user_agent(&self, public_url: &PublicUrl) -> String {
        let contact = self.contact.as_ref().map_or("contact not configured", |c| c.0.as_str());
        format!("wikisignup/{} ({}; {}) reqwest", env!("CARGO_PKG_VERSION"), public_url.as_str(), contact)
    }
}

/// The environment variable that holds one of a page's organiser secrets
/// (`base`): the portal's own, or an event's, named after its slug
/// (`WIKISIGNUP_ORGANIZER_PASSWORD_BANGKOK_2026` for `bangkok-2026`), so
/// each event's organiser is its own.
fn secret_var(base: &str, event: Option<&Slug>) -> String {
    match event {
        None => base.to_owned(),
        Some(slug) => format!("{base}_{}", slug.as_str().to_uppercase().replace('-', "_")),
    }
}

/// The organiser's credentials from the environment, if organizer mode is
/// asked for: a bot password for `user`, or an OAuth token, in the
/// variables of the portal's page or of `event`'s.
/// `secret` reads an environment variable.
pub(super) fn organizer(
    args: &PageArgs,
    event: Option<&Slug>,
    secret: impl Fn(&str) -> Option<String>,
) -> Result<Option<OrganizerSettings>, ConfigError> {
    let password_var = secret_var(ORGANIZER_PASSWORD_VAR, event);
    let token_var = secret_var(ORGANIZER_OAUTH_TOKEN_VAR, event);
    let credentials = match (&args.organizer_user, secret(&password_var), secret(&token_var)) {
        (_, _, Some(token)) => OrganizerCredentials::OAuth { token },
        (Some(user), Some(password), None) => {
            if !user.0.contains('@') {
                return Err(bad(
                    "organizer_user",
                    "must be a bot password's NAME@APP, as Special:BotPasswords shows it",
                ));
            }
            OrganizerCredentials::BotPassword { user: user.0.clone(), password }
        }
        (Some(_), None, None) => {
            return Err(bad("organizer_user", format!("needs its bot password in {password_var}")));
        }
        (None, Some(_), None) => {
            let user = if event.is_some() { "this event's organizer_user" } else { "--organizer-user" };
            return Err(bad(&password_var, format!("is set but {user} (NAME@APP) is not")));
        }
        (None, None, None) => return Ok(None),
    };
    if args.event_code.is_none() && args.max_accounts.is_none() {
        return Err(bad(
            "organizer_user",
            "organizer mode needs --event-code or --max-accounts: the wiki's CAPTCHA and per-address limit no longer \
             stand between the page and the wiki, so one of these must",
        ));
    }
    Ok(Some(OrganizerSettings {
        credentials,
        reason: args.organizer_reason.as_ref().map(|r| r.0.clone()),
        mail_password: args.organizer_mail_password,
    }))
}

/// The page's look and who runs it, checked: the logo read, links https.
fn look(args: &PageArgs) -> Result<Look, ConfigError> {
    let logo = match &args.logo {
        Some(path) => Some(Logo::read(path).map_err(|e| bad("logo", e))?),
        None => None,
    };
    for (setting, url) in [("operator_url", &args.operator_url), ("privacy_url", &args.privacy_url)] {
        if let Some(url) = url
            && url.scheme() != "https"
            && !is_loopback(url)
        {
            return Err(bad(setting, "must be an https:// URL"));
        }
    }
    let intro = args.intro.as_deref().map(Look::paragraphs).unwrap_or_default();
    let next_steps = args.next_steps.as_deref().map(Look::paragraphs).unwrap_or_default();
    for (setting, text) in [("intro", &intro), ("next_steps", &next_steps)] {
        if text.iter().map(String::len).sum::<usize>() > 2000 {
            return Err(bad(setting, "is longer than 2000 characters: a paragraph or two, please"));
        }
    }
    Ok(Look {
        title: args.title.as_ref().map(|t| t.0.clone()),
        intro,
        next_steps,
        logo,
        accent: args.accent_color,
        operator: args.operator.as_ref().map(|o| o.0.clone()),
        operator_url: args.operator_url.clone(),
        privacy_url: args.privacy_url.clone(),
    })
}
