//! The flow's every transition, exhaustively.

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

const PLAIN: &str = include_str!("../../../tests/fixtures/plain-authmanagerinfo.json");
const SSO: &str = include_str!("../../../tests/fixtures/sso-authmanagerinfo.json");
const PASS: &str = include_str!("../../../tests/fixtures/plain-create-pass.json");
const USEREXISTS: &str = include_str!("../../../tests/fixtures/plain-fail-userexists.json");
const REDIRECT: &str = include_str!("../../../tests/fixtures/sso-create-redirect.json");
const UI_2FA: &str = include_str!("../../../tests/fixtures/sso-continue-ui-2fa.json");
const RESTART: &str = r#"{"createaccount":{"status":"RESTART","message":"Link your account."}}"#;
const INVALID_PASS: &str = r#"{"createaccount":{"status":"PASS"}}"#;

fn typed(pairs: &[(&str, &str)]) -> Submission {
    Submission::new(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
}

fn plain_flow() -> Flow {
    let (mut flow, _) = fresh(&info(PLAIN), &Submission::default(), &EventRules::default(), None).unwrap();
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
    assert_eq!(fresh(&closed, &Submission::default(), &EventRules::default(), None).unwrap_err(), SignupClosed);
}

#[test]
fn a_fresh_form_is_refilled_with_the_name_the_wiki_kept() {
    let mut kept = info(PLAIN);
    kept.preservedusername = "Ada".into();
    kept.haspreservedstate = true;
    let (flow, previous) = fresh(&kept, &Submission::default(), &EventRules::default(), None).unwrap();
    assert_eq!(previous.value("username"), Some("Ada"));
    assert!(flow.preserve_state);
    assert_eq!(flow.stage, Stage::Begin);
    // What the visitor typed wins over the wiki's memory.
    let mut kept = info(PLAIN);
    kept.preservedusername = "Ada".into();
    let (_, previous) = fresh(&kept, &typed(&[("username", "Grace")]), &EventRules::default(), None).unwrap();
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
    let (flow, _) = fresh(&info(PLAIN), &long_email, &EventRules::default(), None).unwrap();
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
fn a_refusal_names_its_field_and_says_the_passwords_were_cleared() {
    let Next::Form(flow) = sent(plain_flow()).follow(outcome(USEREXISTS), None) else { panic!() };
    let notice = flow.notice.unwrap();
    assert_eq!(notice.field.as_deref(), Some("username"));
    assert!(notice.said.contains(&Said::portal("notice-answers-kept")), "{notice:?}");
    let spec = plain_flow().spec;
    assert_eq!(spec.field_refused_by("passwordtooshort"), Some("password"));
    assert_eq!(spec.field_refused_by("badretype"), Some("retype"));
    assert_eq!(spec.field_refused_by("captcha-createaccount-fail"), None, "no CAPTCHA on this form");
    assert_eq!(spec.field_refused_by("acct_creation_throttle_hit"), None);
}

#[test]
fn a_providers_error_goes_before_the_wikis_reason() {
    let said = provider_error(&typed(&[("error", "access_denied"), ("error_description", "No")]));
    let english = crate::signup::Words::default();
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
    let Submit::Send { flow, .. } = submit(Some(flow), &typed(&[("code", "123456")]), &EventRules::default()) else {
        panic!()
    };
    assert_eq!(flow.stage, Stage::Continue);
}

#[test]
fn redirect_sends_the_browser_away_and_only_its_own_return_comes_back() {
    let (flow, _) = fresh(&info(SSO), &Submission::default(), &EventRules::default(), None).unwrap();
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
    let (flow, _) = fresh(&info(SSO), &Submission::default(), &EventRules::default(), None).unwrap();
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
