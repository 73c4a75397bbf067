//! The sign-up flow: every decision about what a visitor meets next is made
//! here, from the flow kept in their session and what the wiki answered.
//! The web layer loads the flow, calls the wiki when told to, stores the
//! flow again, and renders or redirects as told.
//!
//! The states, as `action=createaccount` defines them:
//! - no flow: a fresh form from the wiki's field descriptions;
//! - [`Stage::Begin`]: a form shown, its submission begins a flow upstream;
//! - [`Stage::Continue`]: the wiki keeps a flow in its session (after UI or
//!   REDIRECT) and the next answer continues it (`createcontinue`);
//! - `away`: the browser is at a third-party provider (REDIRECT) and comes
//!   back through the return route, once, in this session only.

use rand::RngExt;
use serde::{Deserialize, Serialize};
use url::Url;

use super::campaign::Campaign;
use super::event::{EVENT_CODE_FIELD, EventRules};
use super::form::{FieldView, FormSpec, OwnValue, TooLong, Widget};
use super::outcome::Outcome;
use super::params::{CreateParams, create_params};
use super::submission::Submission;
use super::username::Username;
use super::words::Said;
use crate::keys::random_key;
use crate::wiki::types::AuthManagerInfo;

/// Whether the next `createaccount` begins a flow or continues one the wiki
/// keeps in its session (after UI or REDIRECT).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    Begin,
    Continue,
}

/// A message above the form: the wiki's reason for a FAIL, the
/// instructions of a further step, or trouble reaching the wiki.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    pub error: bool,
    /// A headline for trouble, shown before what is said.
    pub title: Option<Said>,
    pub said: Vec<Said>,
    /// The request id, for trouble a visitor may report.
    pub reference: Option<String>,
    /// The way on is the wiki's own sign-up page (a limit of the wiki's
    /// that this page cannot pass).
    #[serde(default)]
    pub offer_wiki_signup: bool,
    /// The field the notice is about, if one is: marked and focused.
    #[serde(default)]
    pub field: Option<String>,
}

impl Notice {
    pub fn info(said: Said) -> Notice {
        Notice { error: false, title: None, said: vec![said], reference: None, offer_wiki_signup: false, field: None }
    }

    pub fn error(said: Said) -> Notice {
        Notice { error: true, ..Notice::info(said) }
    }

    /// Trouble (the wiki down, a limit reached), shown above the form the
    /// visitor filled in, with the reference of the request that met it.
    pub fn trouble(title: Said, explanation: Vec<Said>, reference: String) -> Notice {
        Notice {
            error: true,
            title: Some(title),
            said: explanation,
            reference: Some(reference),
            offer_wiki_signup: false,
            field: None,
        }
    }

    /// The notice is about `field`.
    fn about(mut self, field: Option<&str>) -> Notice {
        self.field = field.map(str::to_owned);
        self
    }

    /// Everything said, in one language, for a test to read.
    #[cfg(test)]
    fn in_english(&self) -> String {
        let words = super::words::Words::default();
        let title = self.title.iter().map(|t| words.say(t));
        title.chain(self.said.iter().map(|s| words.say(s))).collect::<Vec<_>>().join(" ")
    }
}

/// A visitor's sign-up under way: the form last shown and what goes with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flow {
    /// Saved apart from the rest (`web::extractors::session`): visitors of
    /// one answer share it word for word.
    #[serde(skip)]
    pub spec: FormSpec,
    pub stage: Stage,
    /// Changes with every form shown, so image URLs of an old form are not
    /// served from the browser's cache for a new one.
    generation: u32,
    /// Wiki links of the images the form shows, served by the portal's
    /// image route: the portal fetches these and nothing else.
    images: Vec<String>,
    /// What the visitor typed that may be shown again (never a secret), to
    /// refill a new form when this flow ends without an account.
    pub kept: Submission,
    /// Carried by the return URL given to the wiki: a provider's return is
    /// accepted only in the browser session that set out.
    pub return_key: String,
    /// The browser was sent to a third-party provider and has not returned.
    pub away: bool,
    /// Shown by the next visit of the form (post/redirect/get): once above
    /// a fresh form, or with every showing of a further step.
    pub notice: Option<Notice>,
    /// The wiki kept state from an earlier attempt (`haspreservedstate`).
    pub preserve_state: bool,
    /// The username of a first submission whose answer was lost (timeout):
    /// the account may exist. A later `userexists` for it is checked.
    pub unsure_username: Option<String>,
}

/// What a visit of the form page shows.
#[derive(Debug, PartialEq)]
pub enum Visit {
    /// A further step (after UI), again as it was, its instructions
    /// included; the wiki is not asked anything.
    Step { flow: Box<Flow>, notice: Option<Notice> },
    /// A fresh form from the wiki's field descriptions, refilled from
    /// `kept`, with `notice` above it.
    Fresh { kept: Submission, notice: Option<Notice> },
}

/// What a genuine submission of the form does.
#[derive(Debug, PartialEq)]
pub enum Submit {
    /// One `createaccount` call with `params`, in the stage of `flow`.
    Send { flow: Flow, params: CreateParams },
    /// Nothing is sent: a fresh form, refilled with what was typed, with a
    /// word on why.
    Refill { notice: Notice },
    /// Nothing is sent: the same form again, as typed, with what to
    /// correct.
    Correct { flow: Flow, notice: Notice },
}

/// What follows the wiki's answer to a `createaccount` call.
#[derive(Debug, PartialEq)]
pub enum Next {
    /// The account exists: the flow ends, the welcome page follows.
    Welcome(Username),
    /// The form page shows `flow` next (a further step, or a fresh form
    /// with the wiki's reason).
    Form(Flow),
    /// The browser goes to a third-party provider.
    Provider { flow: Flow, target: Url },
    /// The answer made no sense: the flow is dropped.
    Invalid(String),
}

/// The FAIL code of the wiki's limit of new accounts per address
/// (`$wgAccountCreationThrottle`).
pub const ADDRESS_LIMIT_CODE: &str = "acct_creation_throttle_hit";

/// The wiki does not let anonymous visitors create accounts.
#[derive(Debug, PartialEq)]
pub struct SignupClosed;

/// A fresh form from the wiki's `authmanagerinfo` answer, refilled from
/// `previous` (or with the username the wiki kept from an earlier try),
/// and what to refill it with.
pub fn fresh(
    info: &AuthManagerInfo,
    previous: &Submission,
    rules: &EventRules,
    campaign: Option<&Campaign>,
) -> Result<(Flow, Submission), SignupClosed> {
    if !info.cancreateaccounts {
        return Err(SignupClosed);
    }
    let mut spec = FormSpec::new(info.requests.clone());
    if let Some(creator) = rules.creator() {
        spec = spec.for_creator(creator);
    }
    // The campaign the link named, where the wiki takes one; never a box
    // for the visitor to fill in.
    spec = spec.preset("campaign", campaign.map_or("", Campaign::as_str));
    // State kept from an earlier attempt already answers the primary step.
    if info.hasprimarypreservedstate {
        spec = spec.without_primaries();
    }
    let previous = if previous.value("username").is_none() && !info.preservedusername.is_empty() {
        Submission::new(vec![("username".into(), info.preservedusername.clone())])
    } else {
        previous.clone()
    };
    let kept = spec.keepable(&previous);
    Ok((Flow::begin(spec, kept, info.haspreservedstate), previous))
}

/// What the form page shows for the flow in the session, if any.
pub fn visit(flow: Option<Flow>) -> Visit {
    match flow {
        None => Visit::Fresh { kept: Submission::default(), notice: None },
        // Back from a provider without finishing there: choose again.
        Some(flow) if flow.away => Visit::Fresh { kept: flow.kept, notice: Some(came_back()) },
        Some(flow) if flow.stage == Stage::Continue => {
            let notice = flow.notice.clone();
            Visit::Step { flow: Box::new(flow), notice }
        }
        // After a FAIL or a RESTART: a fresh form, refilled, with the
        // reason, said once.
        Some(flow) => Visit::Fresh { kept: flow.kept, notice: flow.notice },
    }
}

/// What a genuine submission does with the flow in the session, if any.
pub fn submit(flow: Option<Flow>, submission: &Submission, rules: &EventRules) -> Submit {
    match flow {
        Some(flow) if !flow.away => {
            // The event code opens the first step; nothing reaches the wiki
            // without it.
            if flow.stage == Stage::Begin
                && let Err(said) = rules.admits_code(submission)
            {
                return Submit::Correct { flow, notice: Notice::error(said).about(Some(EVENT_CODE_FIELD)) };
            }
            send_unless_too_long(flow, submission)
        }
        Some(_) => Submit::Refill { notice: came_back() },
        // No form of ours is under way (it ended in another tab, or the
        // session expired): nothing is sent.
        None => Submit::Refill { notice: Notice::info(Said::portal("notice-session-expired")) },
    }
}

/// The flow's call with `submission`, unless a value is longer than its
/// field takes: then the same form, with which one.
fn send_unless_too_long(flow: Flow, submission: &Submission) -> Submit {
    match flow.spec.too_long(submission) {
        Some(TooLong { name, label, max_bytes }) => {
            let label = label.trim_end_matches([':', ' ']);
            let said = Said::portal("notice-too-long").with("label", label).with("max", max_bytes);
            let notice = Notice::error(said).about(Some(&name));
            Submit::Correct { flow, notice }
        }
        None => {
            let params = create_params(&flow.spec, submission);
            Submit::Send { flow, params }
        }
    }
}

/// The flow a refusal made before anything was sent (a rate limit) shows
/// again, filled in as the visitor typed it: the form under way, if any.
pub fn form_to_show_again(flow: Option<Flow>) -> Option<Flow> {
    flow.filter(|f| !f.away)
}

/// The flow a provider's return continues: the one in this session that
/// went away with `key`. A stray or replayed return finds none.
pub fn returned(flow: Option<Flow>, key: Option<&str>) -> Option<Flow> {
    let mut flow = flow.filter(|f| f.away && Some(f.return_key.as_str()) == key)?;
    // Marked as returned before the wiki is asked: a replay finds nothing.
    flow.away = false;
    Some(flow)
}

/// What a provider reported with its return (an OAuth-style `error`, maybe
/// with `error_description`), to show beside the wiki's own message.
pub fn provider_error(returned: &Submission) -> Option<Said> {
    let error = returned.value("error").filter(|e| !e.is_empty())?;
    let description = returned.value("error_description").filter(|d| !d.is_empty());
    Some(match description {
        Some(description) => {
            Said::portal("notice-provider-said-why").with("error", error).with("description", description)
        }
        None => Said::portal("notice-provider-said").with("error", error),
    })
}

impl Flow {
    /// The form's CAPTCHA images as the page links them: each wiki link in
    /// the form is kept here, under a new generation so that no browser
    /// shows an image of an earlier form, and each of the page's `fields`
    /// (none, for a page kept whole) that shows one gets the portal's
    /// route to it instead (`route(generation, index)`).
    pub fn link_images<'a>(
        &mut self,
        fields: impl Iterator<Item = &'a mut FieldView>,
        route: impl Fn(u32, usize) -> String,
    ) {
        self.generation = rand::rng().random();
        self.images.clear();
        let links = self.spec.own_values().filter_map(|own| match own {
            OwnValue::Image(link) => Some(link.to_owned()),
            OwnValue::Hidden(_) => None,
        });
        self.images.extend(links);
        for field in fields {
            if let Widget::Image { src } = &mut field.widget {
                *src = self.image_route(src, &route).unwrap_or_default();
            }
        }
    }

    fn image_route(&self, link: &str, route: impl Fn(u32, usize) -> String) -> Option<String> {
        self.images.iter().position(|kept| kept == link).map(|index| route(self.generation, index))
    }

    /// The form's own values ([`OwnValue`]) as its page shows them, in its
    /// order: a hidden field's value, an image's route.
    pub fn own_values(&self, route: impl Fn(u32, usize) -> String) -> Vec<String> {
        self.spec
            .own_values()
            .map(|own| match own {
                OwnValue::Hidden(value) => value.to_owned(),
                OwnValue::Image(link) => self.image_route(link, &route).unwrap_or_default(),
            })
            .collect()
    }

    /// The wiki's link of image `index`, if `route` (as [`Flow::link_images`]
    /// made it) is this form's.
    pub fn image(&self, index: usize, route: impl Fn(u32, usize) -> String, asked: &str) -> Option<&str> {
        (route(self.generation, index) == asked).then(|| self.images.get(index).map(String::as_str)).flatten()
    }

    /// A new image replaces `old` (the CAPTCHA's Refresh): the page's other
    /// images stay, every link gets a new generation. The new route.
    pub fn replace_image(&mut self, old: &str, new: String, route: impl Fn(u32, usize) -> String) -> Option<String> {
        let index = self.images.iter().position(|shown| shown == old)?;
        self.images[index] = new;
        self.generation = rand::rng().random();
        Some(route(self.generation, index))
    }

    /// A new sign-up, on the form `spec`.
    pub fn begin(spec: FormSpec, kept: Submission, preserve_state: bool) -> Flow {
        Flow {
            spec,
            stage: Stage::Begin,
            generation: 0,
            images: Vec::new(),
            kept,
            return_key: random_key::<32>(),
            away: false,
            notice: None,
            preserve_state,
            unsure_username: None,
        }
    }

    /// `submission` was sent and the wiki answered: what it typed in a first
    /// step is kept to refill a later form.
    pub fn answered(&mut self, submission: &Submission) {
        if self.stage == Stage::Begin {
            self.kept = self.spec.keepable(submission);
        }
    }

    /// `submission` was sent but its answer was lost: a first step may have
    /// created the account, which a later try will meet as "taken".
    pub fn answer_lost(&mut self, submission: &Submission) {
        if self.stage == Stage::Begin {
            self.unsure_username = submission.value("username").map(str::to_owned);
        }
    }

    /// The name to look up before acting on `outcome`: "taken" for a name
    /// whose first try's answer was lost may mean "taken by that very try".
    pub fn name_to_check(&mut self, outcome: &Outcome) -> Option<String> {
        match outcome {
            Outcome::Rejected { code, .. } if code == "userexists" => self.unsure_username.take(),
            _ => None,
        }
    }

    /// The name of the account a flow may have made already: a further
    /// step comes after the wiki created the account when it is a
    /// secondary provider's (two-factor set-up). The wiki is the one to ask.
    pub fn account_maybe_made(&self) -> Option<&str> {
        (self.stage == Stage::Continue && !self.away).then(|| self.kept.value("username")).flatten()
    }

    /// A continued flow could not be finished (the wiki's answer to a
    /// provider's return was lost): the next form starts again, refilled,
    /// with `notice`.
    pub fn broken(&mut self, notice: Notice) {
        self.stage = Stage::Begin;
        self.notice = Some(notice);
    }

    /// Acts on the wiki's answer; `provider_said` is what a provider
    /// reported on its return, if anything.
    pub fn follow(mut self, outcome: Outcome, provider_said: Option<Said>) -> Next {
        match outcome {
            Outcome::Created { username } => Next::Welcome(username),
            // The wiki's flow is over: a fresh form (and a fresh CAPTCHA)
            // comes next, with the wiki's reason.
            // The wiki counts every sign-up through the portal as coming
            // from the portal's address: its words ("your IP address has
            // created...") are untrue for the visitor.
            Outcome::Rejected { code, .. } if code == ADDRESS_LIMIT_CODE => {
                self.stage = Stage::Begin;
                let mut notice = Notice::error(Said::portal("notice-address-limit"));
                notice.offer_wiki_signup = true;
                self.notice = Some(notice);
                Next::Form(self)
            }
            Outcome::Rejected { message, code } => {
                self.stage = Stage::Begin;
                let mut notice = Notice::error(Said::Wiki(message)).about(self.spec.field_refused_by(&code));
                notice.said.splice(0..0, provider_said);
                // The form comes back without the passwords: say so.
                if self.spec.asks_password() {
                    notice.said.push(Said::portal("notice-answers-kept"));
                }
                self.notice = Some(notice);
                Next::Form(self)
            }
            Outcome::NeedsMore { message, spec } => {
                // The same step asked for again: its answer was not taken
                // (a wrong two-factor code), and the wiki's words say why.
                let again = self.stage == Stage::Continue && same_requests(&self.spec, &spec);
                self.spec = spec;
                self.stage = Stage::Continue;
                self.notice = (!message.is_empty()).then(|| {
                    let said = Said::Wiki(message);
                    if again { Notice::error(said) } else { Notice::info(said) }
                });
                Next::Form(self)
            }
            Outcome::Restart { message } => {
                self.stage = Stage::Begin;
                self.notice = Some(Notice::info(Said::Wiki(message)));
                Next::Form(self)
            }
            Outcome::Redirect { target, spec } => {
                self.spec = spec;
                self.stage = Stage::Continue;
                self.away = true;
                Next::Provider { flow: self, target }
            }
            Outcome::Invalid { reason } => Next::Invalid(reason),
        }
    }
}

fn same_requests(a: &FormSpec, b: &FormSpec) -> bool {
    a.requests().iter().map(|r| &r.id).eq(b.requests().iter().map(|r| &r.id))
}

fn came_back() -> Notice {
    Notice::info(Said::portal("notice-provider-cancelled"))
}

/// The outcome once the name of a lost try was looked up: an account of
/// that name that the wiki made moments ago (`recently_made`) is this
/// visitor's, not someone else's.
pub fn settle_lost_answer(outcome: Outcome, recently_made: Option<String>) -> Outcome {
    match recently_made.map(|name| Username::parse(&name)) {
        Some(Ok(username)) => Outcome::Created { username },
        _ => outcome,
    }
}

#[cfg(test)]
mod tests;
