//! CAPTCHAs only their service's script can show (hCaptcha, Cloudflare
//! Turnstile). Their site keys are bound to host names: the widget is shown
//! only for services the operator has confirmed allow the portal's host
//! (`--captcha-widgets`); for any other, the visitor is sent to the wiki's
//! own sign-up page, which can show it.

use crate::config::CaptchaWidgetSettings;
use crate::signup::{CaptchaService, ScriptCaptcha};

/// What a form page with a widget needs: the service's script, the element
/// the script fills in, and the page's wider CSP.
#[derive(Debug, Clone, PartialEq)]
pub struct WidgetView {
    pub script: String,
    /// The class the script looks for: `h-captcha`, `cf-turnstile`.
    pub class: &'static str,
    pub site_key: String,
    /// The origins the widget loads from, talks to and frames.
    pub origins: String,
}

/// The widget for `captcha`, if the operator enabled its service; `None`:
/// only the wiki's own page can show it.
pub fn widget(settings: &CaptchaWidgetSettings, captcha: &ScriptCaptcha) -> Option<WidgetView> {
    let service = captcha.service.filter(|s| settings.enabled.contains(s))?;
    let (script, class, origins) = match service {
        CaptchaService::HCaptcha => {
            let script = settings.hcaptcha_script.as_str();
            let own = settings.hcaptcha_script.origin().ascii_serialization();
            (script, "h-captcha", format!("{own} https://hcaptcha.com https://*.hcaptcha.com"))
        }
        CaptchaService::Turnstile => (
            "https://challenges.cloudflare.com/turnstile/v0/api.js",
            "cf-turnstile",
            "https://challenges.cloudflare.com".to_owned(),
        ),
    };
    Some(WidgetView { script: script.to_owned(), class, site_key: captcha.site_key.clone(), origins })
}
