//! Serde types for the parts of the Action API the portal reads, asked for
//! with `formatversion=2` and `errorformat=plaintext`.

use indexmap::IndexMap;
use std::fmt;
use std::sync::Arc;

use serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor, value::MapAccessDeserializer};
use serde::{Deserialize, Deserializer, Serialize};

/// One error of `{"errors":[{"code","text","module"}]}`.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct ApiMessage {
    pub code: String,
    #[serde(default)]
    pub text: String,
    /// Details some errors carry, e.g. `readonlyreason` for `readonly`.
    #[serde(default)]
    pub data: Option<serde_json::Value>,
}

impl ApiMessage {
    /// The administrators' reason when the wiki is read-only.
    pub fn readonly_reason(&self) -> Option<&str> {
        self.data.as_ref()?.get("readonlyreason")?.as_str()
    }
}

/// An Action API answer: the module's result under the module's name
/// (`query`, `createaccount`, `validatepassword`, `login`), or errors in either shape: `errors` (asked
/// for with `errorformat`), or `error` from wikis older than 1.29, which
/// ignore it. Spelled out rather than shared through `#[serde(flatten)]`,
/// which would buffer the whole answer before parsing it.
#[derive(Debug, Deserialize)]
pub struct ApiAnswer<T> {
    #[serde(default)]
    errors: Vec<ApiMessage>,
    #[serde(default)]
    error: Option<LegacyError>,
    #[serde(
        rename = "query",
        alias = "createaccount",
        alias = "validatepassword",
        alias = "login",
        alias = "fancycaptchareload"
    )]
    pub result: Option<T>,
}

#[derive(Debug, Deserialize)]
struct LegacyError {
    code: String,
    #[serde(default)]
    info: String,
}

impl<T> ApiAnswer<T> {
    /// The result, or the answer's first error.
    pub fn into_result(self) -> Result<Option<T>, ApiMessage> {
        let legacy = self.error.map(|e| ApiMessage { code: e.code, text: e.info, data: None });
        match self.errors.into_iter().next().or(legacy) {
            Some(first) => Err(first),
            None => Ok(self.result),
        }
    }
}

/// `action=query&meta=authmanagerinfo|tokens|siteinfo`, `list=users`.
pub type QueryResponse = ApiAnswer<QueryResult>;

#[derive(Debug, Deserialize)]
pub struct QueryResult {
    pub authmanagerinfo: Option<AuthManagerInfo>,
    pub tokens: Option<Tokens>,
    pub general: Option<SiteGeneral>,
    #[serde(default)]
    pub users: Vec<UserInfo>,
    /// `meta=userinfo&uiprop=rights`: who the session is, and may do.
    pub userinfo: Option<CurrentUser>,
    /// `meta=allmessages`: interface messages, in the request's language.
    #[serde(default)]
    pub allmessages: Vec<InterfaceMessage>,
    /// `meta=languageinfo`, by language code.
    #[serde(default)]
    pub languageinfo: std::collections::HashMap<String, LanguageInfo>,
    /// `meta=siteinfo&siprop=languages`: every language the wiki speaks.
    #[serde(default)]
    pub languages: Vec<SiteLanguage>,
}

/// One language of the wiki's list (`siprop=languages`).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct SiteLanguage {
    pub code: String,
}

/// One interface message; `content` is absent for one the wiki lacks.
#[derive(Debug, Deserialize)]
pub struct InterfaceMessage {
    pub name: String,
    pub content: Option<String>,
}

/// A language the wiki speaks.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct LanguageInfo {
    pub code: String,
    #[serde(default)]
    pub bcp47: String,
    #[serde(default)]
    pub dir: String,
    #[serde(default)]
    pub autonym: String,
}

/// The user a wiki session belongs to (`meta=userinfo`), with its rights.
#[derive(Debug, Deserialize)]
pub struct CurrentUser {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub anon: bool,
    #[serde(default)]
    pub rights: Vec<String>,
    /// The user's groups (`*` and `user` included).
    #[serde(default)]
    pub groups: Vec<String>,
    /// `uiprop=blockinfo`: a block on the user or the address, if any.
    #[serde(default)]
    pub blockid: Option<u64>,
    /// The block stops account creation.
    #[serde(default)]
    pub blocknocreate: bool,
    #[serde(default)]
    pub blockreason: String,
}

/// `action=login`: `Success`, or `Failed` with the wiki's reason.
pub type LoginResponse = ApiAnswer<LoginResult>;

/// `action=fancycaptchareload`: the id of a new CAPTCHA image.
#[derive(Debug, Deserialize)]
pub struct CaptchaReload {
    pub index: String,
}

#[derive(Debug, Deserialize)]
pub struct LoginResult {
    pub result: String,
    #[serde(default)]
    pub reason: Option<LoginReason>,
}

/// Why a login failed: a message (`code`, `text`) where `errorformat` is
/// asked for, as the portal asks; plain text from wikis that ignore it.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum LoginReason {
    Message(ApiMessage),
    Text(String),
}

impl LoginReason {
    pub fn text(&self) -> &str {
        match self {
            LoginReason::Message(message) => &message.text,
            LoginReason::Text(text) => text,
        }
    }
}

/// `list=users`: one user, `missing`, or `invalid` (not a name the wiki
/// could ever give an account).
#[derive(Debug, Deserialize)]
pub struct UserInfo {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub missing: bool,
    #[serde(default)]
    pub invalid: bool,
    /// `usprop=registration`: ISO 8601, e.g. `2026-11-25T18:16:59Z`.
    pub registration: Option<String>,
    /// `usprop=cancreate`, for a missing user: whether an account of this
    /// name could be created now, and if not, why.
    pub cancreate: Option<bool>,
    #[serde(default)]
    pub cancreateerror: Vec<ApiMessage>,
}

/// `action=validatepassword`: whether the wiki's password policy takes a
/// password for a new account, and if not, its words.
#[derive(Debug, Deserialize)]
pub struct PasswordValidity {
    pub validity: Validity,
    #[serde(default)]
    pub validitymessages: Vec<ApiMessage>,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
pub enum Validity {
    Good,
    /// Allowed, but the policy asks for another.
    Change,
    Invalid,
}

/// `meta=siteinfo&siprop=general`, of which the portal reads only whether
/// the wiki is read-only: the sign-up form would be a dead end then.
#[derive(Debug, Deserialize)]
pub struct SiteGeneral {
    /// The wiki's name (`$wgSitename`).
    #[serde(default)]
    pub sitename: String,
    /// The content language's code, and whether it is written right to left.
    #[serde(default)]
    pub lang: String,
    #[serde(default)]
    pub rtl: bool,
    #[serde(default)]
    pub readonly: bool,
    #[serde(default)]
    pub readonlyreason: String,
}

#[derive(Debug, Deserialize)]
pub struct Tokens {
    pub createaccounttoken: Option<String>,
    pub logintoken: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct AuthManagerInfo {
    #[serde(default)]
    pub cancreateaccounts: bool,
    #[serde(default)]
    pub haspreservedstate: bool,
    #[serde(default)]
    pub hasprimarypreservedstate: bool,
    #[serde(default)]
    pub preservedusername: String,
    /// Shared with the form each visitor of this answer starts from: most
    /// never change it.
    #[serde(default)]
    pub requests: Arc<Vec<AuthRequest>>,
}

/// One `AuthenticationRequest` as the API describes it. Serialized (into a
/// visitor's session) without empty and default values: thousands of
/// sessions each hold a form.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct AuthRequest {
    pub id: String,
    #[serde(default = "RequestRequirement::default_required")]
    pub required: RequestRequirement,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub provider: String,
    /// Free-form provider data, e.g. `{type: image, mime: image/png}` for a
    /// FancyCaptcha. PHP sends an empty one as `[]`, hence the lenient parse.
    #[serde(default, deserialize_with = "object_or_empty", skip_serializing_if = "serde_json::Map::is_empty")]
    pub metadata: serde_json::Map<String, serde_json::Value>,
    #[serde(default, deserialize_with = "fields_or_empty", skip_serializing_if = "IndexMap::is_empty")]
    pub fields: IndexMap<String, FieldInfo>,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum RequestRequirement {
    /// Must be answered.
    Required,
    /// One of the primary-required requests must be answered: the ways of
    /// creating an account (a password, a third-party provider...).
    PrimaryRequired,
    Optional,
}

impl RequestRequirement {
    fn default_required() -> Self {
        RequestRequirement::Required
    }
}

/// A field of a request, from `AuthenticationRequest::getFieldInfo()`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct FieldInfo {
    #[serde(rename = "type")]
    pub kind: FieldKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub help: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub optional: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub sensitive: bool,
    #[serde(default, deserialize_with = "lenient_string", skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// `select`/`multiselect`: value → label, in the wiki's order.
    #[serde(default, deserialize_with = "options_or_empty", skip_serializing_if = "IndexMap::is_empty")]
    pub options: IndexMap<String, String>,
}

/// The field types of `AuthenticationRequest::getFieldInfo()`.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    String,
    Password,
    Hidden,
    /// Display only: information text, a CAPTCHA image URL or question.
    Null,
    Checkbox,
    Select,
    Multiselect,
    Button,
    /// A type newer than this portal: shown as a text box, which is what
    /// HTMLForm falls back to as well.
    #[serde(other)]
    Unknown,
}

/// `action=createaccount`.
pub type CreateAccountResponse = ApiAnswer<CreateAccountResult>;

#[derive(Debug, Clone, Deserialize)]
pub struct CreateAccountResult {
    pub status: CreateAccountStatus,
    #[serde(default)]
    pub username: Option<String>,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub messagecode: Option<String>,
    #[serde(default)]
    pub redirecttarget: Option<String>,
    #[serde(default)]
    pub requests: Vec<AuthRequest>,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
pub enum CreateAccountStatus {
    #[serde(rename = "PASS")]
    Pass,
    #[serde(rename = "FAIL")]
    Fail,
    #[serde(rename = "UI")]
    Ui,
    #[serde(rename = "REDIRECT")]
    Redirect,
    #[serde(rename = "RESTART")]
    Restart,
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn object_or_empty<'de, D: Deserializer<'de>>(d: D) -> Result<serde_json::Map<String, serde_json::Value>, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::Object(map) => map,
        _ => serde_json::Map::new(),
    })
}

fn fields_or_empty<'de, D: Deserializer<'de>>(d: D) -> Result<IndexMap<String, FieldInfo>, D::Error> {
    /// Parses in place: an untagged enum would buffer the fields first.
    struct FieldsVisitor;
    impl<'de> Visitor<'de> for FieldsVisitor {
        type Value = IndexMap<String, FieldInfo>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object of fields")
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            IndexMap::deserialize(MapAccessDeserializer::new(map))
        }
        // PHP encodes an empty associative array as `[]`.
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Ok(IndexMap::new())
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(IndexMap::new())
        }
    }
    d.deserialize_any(FieldsVisitor)
}

fn options_or_empty<'de, D: Deserializer<'de>>(d: D) -> Result<IndexMap<String, String>, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    Ok(match value {
        serde_json::Value::Object(map) => {
            map.into_iter().map(|(k, v)| (k, scalar_to_string(v).unwrap_or_default())).collect()
        }
        // A PHP list: its values are both the option and its label.
        serde_json::Value::Array(items) => {
            items.into_iter().filter_map(scalar_to_string).map(|v| (v.clone(), v)).collect()
        }
        _ => IndexMap::new(),
    })
}

fn lenient_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(scalar_to_string(serde_json::Value::deserialize(d)?))
}

fn scalar_to_string(value: serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(if b { "1".into() } else { String::new() }),
        _ => None,
    }
}
