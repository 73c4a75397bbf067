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
use super::event::EventRules;
use super::form::{FieldView, FormSpec, TooLong, Widget};
use super::outcome::Outcome;
use super::submission::{CreateParams, Submission, create_params};
use super::username::Username;
use super::words::Said;
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
}

impl Notice {
    pub fn info(said: Said) -> Notice {
        Notice { error: false, title: None, said: vec![said], reference: None, offer_wiki_signup: false }
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
        }
    }

    /// Everything said, in one language, for a test to read.
    #[cfg(test)]
    fn in_english(&self) -> String {
        let words = super::Words::default();
        let title = self.title.iter().map(|t| words.say(t));
        title.chain(self.said.iter().map(|s| words.say(s))).collect::<Vec<_>>().join(" ")
    }
}

/// A visitor's sign-up under way: the form last shown and what goes with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flow {
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
    info: AuthManagerInfo,
    previous: &Submission,
    rules: &EventRules,
    campaign: Option<&Campaign>,
) -> Result<(Flow, Submission), SignupClosed> {
    if !info.cancreateaccounts {
        return Err(SignupClosed);
    }
    let mut spec = FormSpec::new(info.requests);
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
        Submission::new(vec![("username".into(), info.preservedusername)])
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
                return Submit::Correct { flow, notice: Notice::error(said) };
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
        Some(TooLong { label, max_bytes }) => {
            let label = label.trim_end_matches([':', ' ']);
            let said = Said::portal("notice-too-long").with("label", label).with("max", max_bytes);
            let notice = Notice::error(said);
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
    /// `fields` is kept here and replaced by the portal's route to it
    /// (`route(generation, index)`), under a new generation so that no
    /// browser shows an image of an earlier form.
    pub fn link_images<'a>(
        &mut self,
        fields: impl Iterator<Item = &'a mut FieldView>,
        route: impl Fn(u32, usize) -> String,
    ) {
        self.generation = rand::rng().random();
        self.images.clear();
        for field in fields {
            if let Widget::Image { src } = &mut field.widget {
                self.images.push(std::mem::take(src));
                *src = route(self.generation, self.images.len() - 1);
            }
        }
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
            return_key: random_key(),
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
            Outcome::Rejected { message, .. } => {
                self.stage = Stage::Begin;
                let mut notice = Notice::error(Said::Wiki(message));
                notice.said.splice(0..0, provider_said);
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

/// A key no one can guess: a flow's return key, a session's CSRF token.
pub fn random_key() -> String {
    use rand::RngExt;
    rand::rng().sample_iter(rand::distr::Alphanumeric).take(32).map(char::from).collect()
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
mod tests {
    use super::*;
    use crate::signup::interpret;
    use crate::wiki::types::{CreateAccountResponse, QueryResponse};

    fn base() -> Url {
        Url::parse("http://127.0.0.1:8080/").unwrap()
    }

    fn info(fixture: &str) -> AuthManagerInfo {
        let response: QueryResponse = serde_json::from_str(fixture).unwrap();
        response.result.unwrap().authmanagerinfo.unwrap()
    }

    /// The outcome the wiki's answer `fixture` (or a JSON result) means.
    fn outcome(result: &str) -> Outcome {
        let response: CreateAccountResponse = serde_json::from_str(result).unwrap();
        interpret(response.into_result().unwrap().unwrap(), &base())
    }

    const PLAIN: &str = include_str!("../../tests/fixtures/plain-authmanagerinfo.json");
    const SSO: &str = include_str!("../../tests/fixtures/sso-authmanagerinfo.json");
    const PASS: &str = include_str!("../../tests/fixtures/plain-create-pass.json");
    const USEREXISTS: &str = include_str!("../../tests/fixtures/plain-fail-userexists.json");
    const REDIRECT: &str = include_str!("../../tests/fixtures/sso-create-redirect.json");
    const UI_2FA: &str = include_str!("../../tests/fixtures/sso-continue-ui-2fa.json");
    const RESTART: &str = r#"{"createaccount":{"status":"RESTART","message":"Link your account."}}"#;
    const INVALID_PASS: &str = r#"{"createaccount":{"status":"PASS"}}"#;

    fn typed(pairs: &[(&str, &str)]) -> Submission {
        Submission::new(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }

    fn plain_flow() -> Flow {
        let (mut flow, _) = fresh(info(PLAIN), &Submission::default(), &EventRules::default(), None).unwrap();
        let submission = typed(&[("username", "Ada"), ("password", "secret-1"), ("email", "ada@example.org")]);
        flow.answered(&submission);
        flow
    }

    fn sent(flow: Flow) -> Flow {
        match submit(Some(flow), &typed(&[("username", "Ada")]), &EventRules::default()) {
            Submit::Send { flow, .. } => flow,
            other => panic!("nothing sent: {other:?}"),
        }
    }

    #[test]
    fn a_first_visit_asks_the_wiki_for_a_fresh_form() {
        assert_eq!(visit(None), Visit::Fresh { kept: Submission::default(), notice: None });
    }

    #[test]
    fn a_wiki_that_does_not_let_visitors_sign_up_is_closed() {
        let mut closed = info(PLAIN);
        closed.cancreateaccounts = false;
        assert_eq!(fresh(closed, &Submission::default(), &EventRules::default(), None).unwrap_err(), SignupClosed);
    }

    #[test]
    fn a_fresh_form_is_refilled_with_the_name_the_wiki_kept() {
        let mut kept = info(PLAIN);
        kept.preservedusername = "Ada".into();
        kept.haspreservedstate = true;
        let (flow, previous) = fresh(kept, &Submission::default(), &EventRules::default(), None).unwrap();
        assert_eq!(previous.value("username"), Some("Ada"));
        assert!(flow.preserve_state);
        assert_eq!(flow.stage, Stage::Begin);
        // What the visitor typed wins over the wiki's memory.
        let mut kept = info(PLAIN);
        kept.preservedusername = "Ada".into();
        let (_, previous) = fresh(kept, &typed(&[("username", "Grace")]), &EventRules::default(), None).unwrap();
        assert_eq!(previous.value("username"), Some("Grace"));
    }

    #[test]
    fn what_is_kept_never_holds_a_password() {
        let flow = plain_flow();
        assert_eq!(flow.kept.value("username"), Some("Ada"));
        assert_eq!(flow.kept.value("email"), Some("ada@example.org"));
        assert_eq!(flow.kept.value("password"), None);
    }

    #[test]
    fn a_value_longer_than_the_wiki_takes_is_refused_by_name_and_never_kept() {
        let long_name = "A".repeat(256);
        let submission = typed(&[("username", &long_name), ("password", "secret-1"), ("email", "ada@example.org")]);
        match submit(Some(plain_flow()), &submission, &EventRules::default()) {
            Submit::Correct { flow, notice } => {
                assert!(notice.error);
                assert!(notice.in_english().contains("at most 255 bytes"), "{notice:?}");
                assert_eq!(flow.stage, Stage::Begin);
            }
            other => panic!("sent or refilled: {other:?}"),
        }
        // 255 bytes of Thai (85 letters) is as far as a name goes.
        let thai = "ก".repeat(85);
        assert!(matches!(
            submit(Some(plain_flow()), &typed(&[("username", &thai)]), &EventRules::default()),
            Submit::Send { .. }
        ));
        // A refilled form keeps what fits and drops what does not.
        let long_email = typed(&[("username", &long_name), ("email", "ada@example.org")]);
        let (flow, _) = fresh(info(PLAIN), &long_email, &EventRules::default(), None).unwrap();
        assert_eq!(flow.kept.value("username"), None);
        assert_eq!(flow.kept.value("email"), Some("ada@example.org"));
        let too_long_password = "p".repeat(4097);
        assert!(matches!(
            submit(
                Some(plain_flow()),
                &typed(&[("username", "Ada"), ("password", &too_long_password)]),
                &EventRules::default()
            ),
            Submit::Correct { .. }
        ));
    }

    #[test]
    fn the_wikis_address_limit_is_told_truthfully_with_the_wikis_own_page_as_the_way_on() {
        let hit = r#"{"createaccount":{"status":"FAIL","messagecode":"acct_creation_throttle_hit",
            "message":"Visitors to this wiki using your IP address have created 1 account"}}"#;
        let Next::Form(flow) = sent(plain_flow()).follow(outcome(hit), None) else { panic!() };
        let notice = flow.notice.unwrap();
        assert!(notice.offer_wiki_signup && notice.error);
        assert!(notice.in_english().contains("This sign-up page has reached the wiki's limit"), "{notice:?}");
        assert!(!notice.in_english().contains("your IP address"));
    }

    #[test]
    fn pass_welcomes_the_new_account() {
        let next = sent(plain_flow()).follow(outcome(PASS), None);
        assert!(matches!(next, Next::Welcome(name) if !name.as_str().is_empty()));
    }

    #[test]
    fn fail_shows_a_fresh_form_with_the_wikis_reason_once() {
        let Next::Form(flow) = sent(plain_flow()).follow(outcome(USEREXISTS), None) else { panic!() };
        assert_eq!(flow.stage, Stage::Begin);
        let notice = flow.notice.clone().unwrap();
        assert!(notice.error);
        // The next visit: a fresh form, refilled, with the reason.
        let Visit::Fresh { kept, notice: shown } = visit(Some(flow)) else { panic!() };
        assert_eq!(kept.value("username"), Some("Ada"));
        assert_eq!(shown, Some(notice));
    }

    #[test]
    fn a_providers_error_goes_before_the_wikis_reason() {
        let said = provider_error(&typed(&[("error", "access_denied"), ("error_description", "No")]));
        let english = super::super::Words::default();
        assert_eq!(
            said.as_ref().map(|s| english.say(s)).as_deref(),
            Some("The sign-in provider answered: access_denied (No).")
        );
        let Next::Form(flow) = sent(plain_flow()).follow(outcome(USEREXISTS), said) else { panic!() };
        assert!(flow.notice.unwrap().in_english().starts_with("The sign-in provider answered: access_denied"));
        assert_eq!(provider_error(&typed(&[("code", "abc")])), None);
    }

    #[test]
    fn ui_is_a_further_step_shown_again_until_answered() {
        assert_eq!(plain_flow().account_maybe_made(), None, "a first form made nothing yet");
        let Next::Form(flow) = sent(plain_flow()).follow(outcome(UI_2FA), None) else { panic!() };
        assert_eq!(flow.stage, Stage::Continue);
        assert!(!flow.away);
        // A two-factor set-up comes after the account is made: ask the wiki.
        assert_eq!(flow.account_maybe_made(), Some("Ada"));
        assert!(!flow.notice.as_ref().unwrap().error, "a step's instructions are no error");
        // The same step again: the answer was not taken.
        let Next::Form(again) = flow.clone().follow(outcome(UI_2FA), None) else { panic!() };
        assert!(again.notice.unwrap().error);
        // Every visit shows the same step, its instructions included,
        // without asking the wiki.
        let Visit::Step { flow: shown, notice } = visit(Some(flow.clone())) else { panic!() };
        assert_eq!(notice, flow.notice);
        assert_eq!(*shown, flow);
        // Its answer continues the wiki's flow.
        let Submit::Send { flow, .. } = submit(Some(flow), &typed(&[("code", "123456")]), &EventRules::default())
        else {
            panic!()
        };
        assert_eq!(flow.stage, Stage::Continue);
    }

    #[test]
    fn redirect_sends_the_browser_away_and_only_its_own_return_comes_back() {
        let (flow, _) = fresh(info(SSO), &Submission::default(), &EventRules::default(), None).unwrap();
        let key = flow.return_key.clone();
        let Next::Provider { flow, target } = sent(flow).follow(outcome(REDIRECT), None) else { panic!() };
        assert!(matches!(target.scheme(), "http" | "https"));
        assert!(flow.away);
        assert_eq!(flow.stage, Stage::Continue);

        // A stray return (no key, another key) finds nothing.
        assert_eq!(returned(Some(flow.clone()), None), None);
        assert_eq!(returned(Some(flow.clone()), Some("guess")), None);
        assert_eq!(returned(None, Some(&key)), None);
        // Its own return continues, once: a replay finds nothing.
        let back = returned(Some(flow.clone()), Some(&key)).unwrap();
        assert!(!back.away);
        assert_eq!(returned(Some(back), Some(&key)), None);
    }

    #[test]
    fn coming_back_without_the_provider_offers_the_choice_again() {
        let (flow, _) = fresh(info(SSO), &Submission::default(), &EventRules::default(), None).unwrap();
        let Next::Provider { flow, .. } = sent(flow).follow(outcome(REDIRECT), None) else { panic!() };
        let Visit::Fresh { notice, .. } = visit(Some(flow.clone())) else { panic!() };
        assert!(notice.unwrap().in_english().contains("came back"));
        // A form posted meanwhile is not sent: the flow is at the provider.
        assert!(matches!(submit(Some(flow.clone()), &typed(&[]), &EventRules::default()), Submit::Refill { .. }));
        assert_eq!(form_to_show_again(Some(flow)), None);
    }

    #[test]
    fn restart_starts_again_from_a_fresh_form_with_the_wikis_words() {
        let Next::Form(flow) = sent(plain_flow()).follow(outcome(RESTART), None) else { panic!() };
        assert_eq!(flow.stage, Stage::Begin);
        let notice = flow.notice.unwrap();
        assert!(!notice.error);
        assert!(notice.in_english().contains("Link your account."));
    }

    #[test]
    fn an_answer_that_makes_no_sense_ends_the_flow() {
        assert!(matches!(sent(plain_flow()).follow(outcome(INVALID_PASS), None), Next::Invalid(_)));
    }

    #[test]
    fn a_submission_without_a_flow_is_refilled_not_sent() {
        let Submit::Refill { notice } = submit(None, &typed(&[("username", "Ada")]), &EventRules::default()) else {
            panic!()
        };
        assert!(notice.in_english().contains("nothing was sent"));
    }

    #[test]
    fn a_lost_answer_is_checked_when_the_name_is_then_taken() {
        let mut flow = sent(plain_flow());
        flow.answer_lost(&typed(&[("username", "Ada")]));
        let taken = outcome(USEREXISTS);
        // Other outcomes do not use up the check.
        assert_eq!(flow.name_to_check(&outcome(RESTART)), None);
        assert_eq!(flow.name_to_check(&taken).as_deref(), Some("Ada"));
        assert_eq!(flow.name_to_check(&taken), None, "checked once");
        // Made moments ago: this visitor's account.
        assert!(matches!(settle_lost_answer(taken.clone(), Some("Ada".into())), Outcome::Created { .. }));
        // Not made recently: someone else's, as the wiki said.
        assert_eq!(settle_lost_answer(taken.clone(), None), taken);
    }

    #[test]
    fn a_lost_answer_of_a_further_step_is_not_a_lost_account() {
        let Next::Form(mut flow) = sent(plain_flow()).follow(outcome(UI_2FA), None) else { panic!() };
        flow.answer_lost(&typed(&[("username", "Ada")]));
        assert_eq!(flow.unsure_username, None);
    }

    #[test]
    fn a_broken_continuation_starts_again_with_the_reason() {
        let Next::Form(mut flow) = sent(plain_flow()).follow(outcome(UI_2FA), None) else { panic!() };
        flow.broken(Notice::trouble(
            Said::portal("error-wiki-slow"),
            vec![Said::portal("notice-start-again")],
            "r1".into(),
        ));
        assert_eq!(flow.stage, Stage::Begin);
        let Visit::Fresh { notice, .. } = visit(Some(flow)) else { panic!() };
        assert_eq!(notice.unwrap().reference.as_deref(), Some("r1"));
    }
}
