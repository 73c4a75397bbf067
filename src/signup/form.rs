//! From the wiki's field descriptions to a form a person can fill in.
//!
//! The reference is MediaWiki's own mapping,
//! `AuthManagerSpecialPage::fieldInfoToFormDescriptor`: a field shared by
//! several requests appears once; `null` fields are information; `button`
//! fields are submit buttons; `hidden` fields carry the wiki's value.

use std::sync::Arc;

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::value::RawValue;
use url::Url;

use super::html::SafeHtml;
use super::submission::Submission;
use crate::wiki::types::{AuthManagerInfo, AuthRequest, FieldInfo, FieldKind, RequestRequirement};

/// The requests a visitor was shown, kept in their portal session so that a
/// submission maps back to exactly these requests and no other parameter.
/// The default has none: a flow read without its form, until it is given.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct FormSpec {
    /// Copied only when changed: a fresh form's are the wiki's answer's.
    pub(super) requests: Arc<Vec<AuthRequest>>,
    /// These requests as JSON, written before for a kept page
    /// (`web::form_pages`): a session is saved with them as they are.
    #[serde(skip)]
    written: Option<Arc<RawValue>>,
}

impl PartialEq for FormSpec {
    fn eq(&self, other: &Self) -> bool {
        self.requests == other.requests
    }
}

impl Serialize for FormSpec {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if let Some(written) = &self.written {
            return written.serialize(serializer);
        }
        let mut spec = serializer.serialize_struct("FormSpec", 1)?;
        spec.serialize_field("requests", &self.requests)?;
        spec.end()
    }
}

/// How a field is shown.
#[derive(Debug, Clone, PartialEq)]
pub enum Widget {
    Text,
    Email,
    Password,
    Hidden,
    Checkbox,
    Select,
    Multiselect,
    /// A submit button that answers the request it belongs to.
    Button,
    /// Display only: text from the wiki.
    Info(SafeHtml),
    /// A CAPTCHA only its service's script can show (hCaptcha, Turnstile);
    /// the field takes the response the service's widget gives.
    ScriptCaptcha(ScriptCaptcha),
    /// Display only: an image the wiki serves, e.g. a FancyCaptcha. `src`
    /// is the link as the wiki sent it; the web layer replaces it with a
    /// route of its own, since the image loads only with the visitor's wiki
    /// session.
    Image {
        src: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// One field as shown, with what the visitor typed before (secrets never).
#[derive(Debug, Clone, PartialEq)]
pub struct FieldView {
    pub name: String,
    pub widget: Widget,
    pub label: SafeHtml,
    pub help: SafeHtml,
    pub required: bool,
    pub value: String,
    pub checked: bool,
    pub choices: Vec<Choice>,
    pub autocomplete: &'static str,
    /// What the empty box says, in the visitor's language (see `words`).
    pub placeholder: String,
    /// The keyboard a phone shows (`numeric` for a two-factor code).
    pub inputmode: &'static str,
    /// The id of what else describes the field (a CAPTCHA's instruction).
    pub described_by: String,
    /// Marked "(optional)": it may be left empty. Not said of a field of
    /// one of several ways (a password), needed when that way is chosen.
    pub optional: bool,
    /// What the notice above the form is about: marked invalid, described
    /// by the notice, and focused.
    pub in_error: bool,
}

/// One way of creating an account when the wiki offers several (a password,
/// a third-party provider): its own fields and its own submit button.
#[derive(Debug, Clone, PartialEq)]
pub struct WayView {
    pub title: String,
    pub request_id: String,
    pub fields: Vec<FieldView>,
    /// The request's own button field, e.g. "Sign up with ExampleSSO";
    /// without one, a plain "Create account" button names the way.
    pub button: Option<FieldView>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct FormView {
    /// Fields answered whatever the way: username, email, real name...
    pub fields: Vec<FieldView>,
    /// Several ways to choose from; empty when there is just one, whose
    /// fields are then in `fields`.
    pub ways: Vec<WayView>,
    /// One-time challenges (a CAPTCHA): shown last, never refilled.
    pub challenges: Vec<FieldView>,
    /// Buttons of requests that are not ways, e.g. "Skip": shown after the
    /// main button, so that Enter in a text box never presses them.
    pub buttons: Vec<FieldView>,
}

/// Something the wiki tells the visitor in a request's metadata, e.g. the
/// secret key of a two-factor set-up.
#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    pub label: String,
    pub value: String,
}

impl FormSpec {
    pub fn new(requests: impl Into<Arc<Vec<AuthRequest>>>) -> FormSpec {
        FormSpec { requests: requests.into(), written: None }
    }

    /// This spec as JSON, to be saved again as it is.
    pub fn written(&self) -> Result<Arc<RawValue>, serde_json::Error> {
        serde_json::value::to_raw_value(self).map(Arc::from)
    }

    /// Saves this spec as `written`, which [`FormSpec::written`] gave for
    /// a spec made the same way. Only just before saving: nothing changes
    /// the spec between the two.
    pub fn save_as(&mut self, written: Arc<RawValue>) {
        debug_assert_eq!(self.written().map(|w| w.get().to_owned()).ok().as_deref(), Some(written.get()));
        self.written = Some(written);
    }

    pub fn requests(&self) -> &[AuthRequest] {
        &self.requests
    }

    /// The form without its primary ways: the wiki kept an earlier
    /// attempt's primary step (`hasprimarypreservedstate`).
    pub fn without_primaries(mut self) -> FormSpec {
        Arc::make_mut(&mut self.requests).retain(|r| r.required != RequestRequirement::PrimaryRequired);
        self
    }

    pub(crate) fn primaries(&self) -> impl Iterator<Item = &AuthRequest> {
        self.requests.iter().filter(|r| r.required == RequestRequirement::PrimaryRequired)
    }

    /// The form as shown, refilled from `previous` (the visitor's last
    /// submission) except for secrets and one-time challenges.
    pub fn view(&self, previous: &Submission, wiki_base: &Url) -> FormView {
        let several_ways = self.primaries().count() > 1;
        let mut view = FormView::default();
        let mut seen: Vec<&str> = Vec::new();
        let shared: Vec<&str> = self
            .requests
            .iter()
            .filter(|r| r.required != RequestRequirement::PrimaryRequired)
            .flat_map(|r| r.fields.keys().map(String::as_str))
            .collect();

        // Primary requests first, as MediaWiki orders its form: username
        // and password, then the rest; challenges come last of all.
        let mut ordered: Vec<&AuthRequest> = self.requests.iter().collect();
        ordered.sort_by_key(|r| (r.required != RequestRequirement::PrimaryRequired, is_challenge(r)));

        for request in ordered {
            let primary = request.required == RequestRequirement::PrimaryRequired;
            let challenge = is_challenge(request);
            let mut way = WayView {
                title: request.provider.clone(),
                request_id: request.id.clone(),
                fields: Vec::new(),
                button: None,
            };
            for (name, info) in &request.fields {
                if primary && several_ways && shared.contains(&name.as_str()) {
                    continue; // shown once, with the request that shares it
                }
                if seen.contains(&name.as_str()) {
                    continue;
                }
                seen.push(name);
                let required = !info.optional
                    && match request.required {
                        RequestRequirement::Required => true,
                        RequestRequirement::PrimaryRequired => !several_ways,
                        RequestRequirement::Optional => false,
                    };
                let keep_typed = !info.sensitive && !challenge;
                let mut field =
                    field_view(name, info, required, keep_typed, shows_images(request), previous, wiki_base);
                if let Some(captcha) = script_captcha(request).filter(|_| field.widget == Widget::Text) {
                    field.widget = Widget::ScriptCaptcha(captcha);
                }
                if primary && several_ways {
                    field.optional = info.optional;
                    if field.widget == Widget::Button && way.button.is_none() {
                        way.button = Some(field);
                    } else {
                        way.fields.push(field);
                    }
                } else if challenge {
                    view.challenges.push(field);
                } else if field.widget == Widget::Button {
                    view.buttons.push(field);
                } else {
                    view.fields.push(field);
                }
            }
            if primary && several_ways {
                view.ways.push(way);
            }
        }
        view
    }
}

impl FormSpec {
    /// Puts the new image CAPTCHA `id` (FancyCaptcha's reload) in place of
    /// the one asked: the id sent back, and the image's link. Returns the
    /// image's old link and its new one; `None` when the form has no image
    /// CAPTCHA.
    pub fn new_captcha(&mut self, id: &str) -> Option<(String, String)> {
        let request = Arc::make_mut(&mut self.requests).iter_mut().find(|r| shows_images(r))?;
        let hidden = request.fields.values_mut().find(|f| f.kind == FieldKind::Hidden)?;
        let old = hidden.value.replace(id.to_owned()).unwrap_or_default();
        let image = request.fields.values_mut().find(|f| f.kind == FieldKind::Null)?;
        let old_link = image.value.clone()?;
        let link = old_link.replace(&format!("wpCaptchaId={old}"), &format!("wpCaptchaId={id}"));
        image.value = Some(link.clone());
        Some((old_link, link))
    }
}

impl FormSpec {
    /// The metadata a further step carries for the person (a two-factor
    /// secret, the account it is for). Only text values; `type` and `mime`
    /// describe a field's format, not something to read.
    pub fn details(&self) -> Vec<Detail> {
        self.requests
            .iter()
            .flat_map(|r| r.metadata.iter())
            .filter(|(key, _)| !matches!(key.as_str(), "type" | "mime"))
            .filter_map(|(key, value)| {
                let value = match value {
                    serde_json::Value::String(s) => s.clone(),
                    serde_json::Value::Number(n) => n.to_string(),
                    _ => return None,
                };
                let mut label: Vec<char> = key.replace(['_', '-'], " ").chars().collect();
                if let Some(first) = label.first_mut() {
                    *first = first.to_ascii_uppercase();
                }
                Some(Detail { label: label.into_iter().collect(), value })
            })
            .collect()
    }

    /// What of `submission` may be kept to refill a later form: values of
    /// this form's fields that are neither secret, nor one-time answers,
    /// nor the wiki's own (hidden fields, buttons).
    pub fn keepable(&self, submission: &Submission) -> Submission {
        let keep: Vec<(&str, usize)> = self
            .requests
            .iter()
            .filter(|r| !is_challenge(r))
            .flat_map(|r| r.fields.iter())
            .filter(|(_, f)| {
                !f.sensitive
                    && !matches!(f.kind, FieldKind::Password | FieldKind::Hidden | FieldKind::Button | FieldKind::Null)
            })
            .map(|(name, f)| (name.as_str(), max_bytes(name, f.kind)))
            .collect();
        // A value longer than its field takes is refused, and not kept.
        submission.filter(|name, value| keep.iter().any(|&(kept, max)| kept == name && value.len() <= max))
    }

    /// The field `name`, where the wiki describes it, filled in by the
    /// portal with `value`: hidden from the visitor, always sent, whatever
    /// the browser posts.
    pub fn preset(mut self, name: &str, value: &str) -> FormSpec {
        if !self.requests.iter().any(|r| r.fields.contains_key(name)) {
            return self;
        }
        for request in Arc::make_mut(&mut self.requests) {
            if let Some(field) = request.fields.get_mut(name) {
                field.kind = FieldKind::Hidden;
                field.value = Some(value.to_owned());
                request.required = RequestRequirement::Required;
            }
        }
        self
    }

    /// Whether a field asks for a password (which a refused form never
    /// brings back).
    pub fn asks_password(&self) -> bool {
        self.requests.iter().any(|r| r.fields.iter().any(|(_, f)| f.kind == FieldKind::Password))
    }

    /// The field a refusal of the wiki is about (its message code), where
    /// the form has that field.
    pub fn field_refused_by(&self, code: &str) -> Option<&'static str> {
        let field = match code {
            "userexists" | "noname" | "invaliduser" | "usernamehasherror" => "username",
            c if c.starts_with("antispoof") || c.starts_with("titleblacklist") => "username",
            "badretype" => "retype",
            c if c.starts_with("password") => "password",
            "invalidemailaddress" | "noemailtitle" | "noemailcreate" => "email",
            c if c.starts_with("captcha") => "captchaWord",
            _ => return None,
        };
        self.requests.iter().any(|r| r.fields.iter().any(|(name, _)| name == field)).then_some(field)
    }

    /// The first value of `submission` longer than its field takes, if any:
    /// such a form is refused with a word on which field, never cut short.
    pub fn too_long(&self, submission: &Submission) -> Option<TooLong> {
        self.requests.iter().flat_map(|r| r.fields.iter()).find_map(|(name, info)| {
            let max_bytes = max_bytes(name, info.kind);
            let longest = submission.values(name).map(str::len).max()?;
            (longest > max_bytes).then(|| TooLong { name: name.clone(), label: info.label.clone(), max_bytes })
        })
    }
}

/// A value longer than its field takes.
#[derive(Debug, Clone, PartialEq)]
pub struct TooLong {
    /// The field's name.
    pub name: String,
    /// The field's label, as the wiki wrote it.
    pub label: String,
    pub max_bytes: usize,
}

/// The most bytes a field's value may have. The username, e-mail address
/// and real name are at most 255 bytes in MediaWiki's `user` table, and
/// passwords at most 4096 (`PasswordPolicy`'s `MaximalPasswordLength`);
/// fields of other providers (a two-factor code, an identifier) are short.
/// These caps also bound what a session keeps, in memory or in Redis.
fn max_bytes(name: &str, kind: FieldKind) -> usize {
    match (name, kind) {
        (_, FieldKind::Password) => 4096,
        ("username" | "email" | "realname", _) => 255,
        _ => 1024,
    }
}

/// A request whose display-only fields are images (FancyCaptcha's).
fn shows_images(request: &AuthRequest) -> bool {
    request.metadata.get("mime").and_then(|m| m.as_str()).is_some_and(|m| m.starts_with("image/"))
}

/// A value in a form that is each visitor's own: a hidden field's (a
/// CAPTCHA's id, which the wiki wants back) or an image's link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OwnValue<'a> {
    Hidden(&'a str),
    Image(&'a str),
}

fn own_value<'a>(request: &AuthRequest, field: &'a FieldInfo) -> Option<OwnValue<'a>> {
    let value = field.value.as_deref().unwrap_or_default();
    match field.kind {
        FieldKind::Hidden => Some(OwnValue::Hidden(value)),
        FieldKind::Null if shows_images(request) && !value.is_empty() => Some(OwnValue::Image(value)),
        _ => None,
    }
}

impl FormSpec {
    /// The form's own values ([`OwnValue`]), in its order.
    pub fn own_values(&self) -> impl Iterator<Item = OwnValue<'_>> {
        self.requests.iter().flat_map(|r| r.fields.values().filter_map(|f| own_value(r, f)))
    }
}

/// Two descriptions of the form that differ at most in their own values
/// ([`OwnValue`]): every visitor gets one page for both but for those (a
/// CAPTCHA wiki gives each visitor an id and an image of their own).
pub fn alike(a: &AuthManagerInfo, b: &AuthManagerInfo) -> bool {
    let same_field = |request: &AuthRequest, (a_name, a): (&String, &FieldInfo), (b_name, b): (&String, &FieldInfo)| {
        a_name == b_name
            && a.kind == b.kind
            && a.label == b.label
            && a.help == b.help
            && a.optional == b.optional
            && a.sensitive == b.sensitive
            && a.options == b.options
            && (a.value == b.value || own_value(request, a).is_some() && own_value(request, b).is_some())
    };
    let same_request = |a: &AuthRequest, b: &AuthRequest| {
        a.id == b.id
            && a.required == b.required
            && a.provider == b.provider
            && a.metadata == b.metadata
            && a.fields.len() == b.fields.len()
            && a.fields.iter().zip(&b.fields).all(|(fa, fb)| same_field(a, fa, fb))
    };
    a.cancreateaccounts == b.cancreateaccounts
        && a.haspreservedstate == b.haspreservedstate
        && a.hasprimarypreservedstate == b.hasprimarypreservedstate
        && a.preservedusername == b.preservedusername
        && a.requests.len() == b.requests.len()
        && a.requests.iter().zip(b.requests.iter()).all(|(ra, rb)| same_request(ra, rb))
}

/// A request that carries provider metadata and a display-only field is a
/// one-time challenge (FancyCaptcha, QuestyCaptcha...), as is a script
/// CAPTCHA: a fresh one comes with every form, so what was typed for the
/// old one is not refilled.
fn is_challenge(request: &AuthRequest) -> bool {
    !request.metadata.is_empty() && request.fields.values().any(|f| f.kind == FieldKind::Null)
        || script_captcha(request).is_some()
}

/// The services whose CAPTCHA widgets the portal knows how to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaptchaService {
    HCaptcha,
    Turnstile,
}

impl CaptchaService {
    /// As ConfirmEdit's metadata `type` and the `--captcha-widgets` setting
    /// name it.
    pub fn from_name(name: &str) -> Option<CaptchaService> {
        match name {
            "hcaptcha" => Some(CaptchaService::HCaptcha),
            "turnstile" => Some(CaptchaService::Turnstile),
            _ => None,
        }
    }

    /// The form field the service's widget fills in with its response.
    pub fn response_field(self) -> &'static str {
        match self {
            CaptchaService::HCaptcha => "h-captcha-response",
            CaptchaService::Turnstile => "cf-turnstile-response",
        }
    }
}

/// A CAPTCHA that only a script of its service can show: ConfirmEdit
/// describes it with one text field and metadata naming the service
/// (`type`), `mime` `application/javascript` and the site key (`key`).
#[derive(Debug, Clone, PartialEq)]
pub struct ScriptCaptcha {
    /// `None`: a service the portal has no widget for.
    pub service: Option<CaptchaService>,
    pub site_key: String,
}

/// The script CAPTCHA `request` describes, if it is one.
pub(super) fn script_captcha(request: &AuthRequest) -> Option<ScriptCaptcha> {
    let meta = |key: &str| request.metadata.get(key).and_then(|v| v.as_str());
    (meta("mime") == Some("application/javascript")).then(|| ScriptCaptcha {
        service: meta("type").and_then(CaptchaService::from_name),
        site_key: meta("key").unwrap_or_default().to_owned(),
    })
}

fn field_view(
    name: &str,
    info: &FieldInfo,
    required: bool,
    keep_typed: bool,
    shows_image: bool,
    previous: &Submission,
    wiki_base: &Url,
) -> FieldView {
    let typed = previous.value(name).filter(|_| keep_typed);
    let wiki_value = info.value.clone().unwrap_or_default();
    let value = typed.map(str::to_owned).unwrap_or_else(|| wiki_value.clone());
    let widget = match info.kind {
        FieldKind::String | FieldKind::Unknown if name == "email" => Widget::Email,
        FieldKind::String | FieldKind::Unknown => Widget::Text,
        FieldKind::Password => Widget::Password,
        FieldKind::Hidden => Widget::Hidden,
        FieldKind::Checkbox => Widget::Checkbox,
        FieldKind::Select => Widget::Select,
        FieldKind::Multiselect => Widget::Multiselect,
        FieldKind::Button => Widget::Button,
        FieldKind::Null if shows_image && !wiki_value.is_empty() => Widget::Image { src: wiki_value.clone() },
        FieldKind::Null => Widget::Info(SafeHtml::sanitize(&wiki_value, wiki_base)),
    };
    let picked: Vec<&str> = if keep_typed { previous.values(name).collect() } else { Vec::new() };
    let choices = info
        .options
        .iter()
        .map(|(value, label)| Choice {
            value: value.clone(),
            label: label.clone(),
            selected: picked.contains(&value.as_str()) || (picked.is_empty() && *value == wiki_value),
        })
        .collect();
    FieldView {
        name: name.to_owned(),
        widget,
        label: SafeHtml::sanitize(&info.label, wiki_base),
        help: SafeHtml::sanitize(&info.help, wiki_base),
        required,
        checked: typed.is_some_and(|v| !v.is_empty()),
        value: if info.kind == FieldKind::Password { String::new() } else { value },
        choices,
        autocomplete: autocomplete(name, info.kind),
        placeholder: String::new(),
        inputmode: if is_one_time_code(name) { "numeric" } else { "" },
        described_by: String::new(),
        optional: !required,
        in_error: false,
    }
}

/// Hints for password managers and phone keyboards, as Special:CreateAccount
/// gives them.
fn autocomplete(name: &str, kind: FieldKind) -> &'static str {
    match (name, kind) {
        ("username", _) => "username",
        (_, FieldKind::Password) => "new-password",
        ("email", _) => "email",
        ("realname", _) => "name",
        _ if is_one_time_code(name) => "one-time-code",
        _ => "off",
    }
}

/// A two-factor code (OATHAuth's `OATHToken`, or a provider's `code`):
/// phones offer the code just received and a keypad for it.
fn is_one_time_code(name: &str) -> bool {
    matches!(name, "OATHToken" | "code" | "token")
}

impl FormView {
    /// Whether the form shows an image CAPTCHA (with its Refresh button).
    pub fn has_image_captcha(&self) -> bool {
        self.challenges.iter().any(|f| matches!(f.widget, Widget::Image { .. }))
    }

    /// The script CAPTCHA this form asks for, if any.
    pub fn script_captcha(&self) -> Option<&ScriptCaptcha> {
        self.challenges.iter().find_map(|f| match &f.widget {
            Widget::ScriptCaptcha(captcha) => Some(captcha),
            _ => None,
        })
    }

    /// Marks the field `name`, if the form has it, as the one a notice is
    /// about.
    pub fn mark_in_error(&mut self, name: &str) {
        if let Some(field) = self.all_fields_mut().find(|f| f.name == name) {
            field.in_error = true;
        }
    }

    pub fn all_fields_mut(&mut self) -> impl Iterator<Item = &mut FieldView> {
        self.fields
            .iter_mut()
            .chain(self.challenges.iter_mut())
            .chain(self.buttons.iter_mut())
            .chain(self.ways.iter_mut().flat_map(|w| w.fields.iter_mut().chain(w.button.iter_mut())))
    }

    #[cfg(test)]
    pub fn all_fields(&self) -> impl Iterator<Item = &FieldView> {
        self.fields
            .iter()
            .chain(self.challenges.iter())
            .chain(self.buttons.iter())
            .chain(self.ways.iter().flat_map(|w| w.fields.iter().chain(w.button.iter())))
    }
}
