//! The domain against real answers of MediaWiki 1.39 (tests/fixtures).

use url::Url;

use super::*;
use crate::wiki::types::{AuthRequest, CreateAccountResponse, QueryResponse};

fn base() -> Url {
    Url::parse("http://127.0.0.1:8080/").unwrap()
}

fn requests(fixture: &str) -> Vec<AuthRequest> {
    let response: QueryResponse = serde_json::from_str(fixture).unwrap();
    response.result.unwrap().authmanagerinfo.unwrap().requests.to_vec()
}

const PLAIN: &str = include_str!("../../tests/fixtures/plain-authmanagerinfo.json");
const CAPTCHA: &str = include_str!("../../tests/fixtures/captcha-authmanagerinfo.json");
const QUESTY: &str = include_str!("../../tests/fixtures/questy-authmanagerinfo.json");
const SSO: &str = include_str!("../../tests/fixtures/sso-authmanagerinfo.json");
const HCAPTCHA: &str = include_str!("../../tests/fixtures/hcaptcha-authmanagerinfo.json");

fn submission(pairs: &[(&str, &str)]) -> Submission {
    Submission::new(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
}

fn names(fields: &[FieldView]) -> Vec<&str> {
    fields.iter().map(|f| f.name.as_str()).collect()
}

#[test]
fn plain_wiki_form_shows_each_field_once_in_mediawiki_order() {
    let view = FormSpec::new(requests(PLAIN)).view(&Submission::default(), &base());
    assert_eq!(names(&view.fields), ["username", "password", "retype", "email", "realname"]);
    assert!(view.ways.is_empty() && view.challenges.is_empty());
    let required: Vec<bool> = view.fields.iter().map(|f| f.required).collect();
    assert_eq!(required, [true, true, true, false, false]);
    assert_eq!(view.fields[1].widget, Widget::Password);
    assert_eq!(view.fields[3].widget, Widget::Email);
    assert_eq!(view.fields[0].label.as_str(), "Username");
}

#[test]
fn fancy_captcha_is_a_challenge_with_an_image_shown_last() {
    let view = FormSpec::new(requests(CAPTCHA)).view(&Submission::default(), &base());
    assert_eq!(names(&view.fields), ["username", "password", "retype", "email", "realname"]);
    assert_eq!(names(&view.challenges), ["captchaId", "captchaInfo", "captchaWord"]);
    let Widget::Image { src: wiki_link } = &view.challenges[1].widget else {
        panic!("captchaInfo is not an image: {:?}", view.challenges[1].widget);
    };
    assert!(wiki_link.starts_with("/index.php?title=Special:Captcha/image&wpCaptchaId="));
    assert!(
        view.challenges[1].label.as_str().contains(r#"href="http://127.0.0.1:8080/index.php/Special:Captcha/help""#),
        "{}",
        view.challenges[1].label
    );
    assert_eq!(view.challenges[0].widget, Widget::Hidden);
    assert!(!view.challenges[0].value.is_empty());
}

#[test]
fn the_captcha_is_introduced_with_the_wikis_words_for_account_creation() {
    let index = Url::parse("http://127.0.0.1:8080/index.php").unwrap();
    let mut view = FormSpec::new(requests(CAPTCHA)).view(&Submission::default(), &base());
    // The API labels it with the instruction for edits.
    assert!(view.challenges[1].label.as_str().starts_with("To edit this page"));
    view.in_words(&crate::signup::Words::default(), &index);
    let instruction = view.challenges[1].label.as_str();
    assert!(instruction.starts_with("To protect the wiki against automated account creation"), "{instruction}");
    assert!(instruction.contains(r#"href="http://127.0.0.1:8080/index.php?title=Special%3ACaptcha%2Fhelp""#));
    assert!(view.challenges[1].help.is_empty(), "no API help as the image's description");
    assert_eq!(view.challenges[2].described_by, "captcha-instruction");
    assert!(view.challenges[2].help.is_empty());
}

#[test]
fn a_new_captcha_replaces_the_id_sent_back_and_the_image() {
    let mut spec = FormSpec::new(requests(CAPTCHA));
    let old = spec.requests()[0].fields["captchaId"].value.clone().unwrap();
    let (old_link, link) = spec.new_captcha("424242").unwrap();
    assert!(old_link.ends_with(&format!("wpCaptchaId={old}")));
    assert_eq!(link, "/index.php?title=Special:Captcha/image&wpCaptchaId=424242");
    let fields = create_params(&spec, &submission(&[("captchaWord", "x")])).fields;
    assert!(fields.contains(&("captchaId".into(), "424242".into())), "{old} is still sent");
    let view = spec.view(&Submission::default(), &base());
    assert_eq!(view.challenges[1].widget, Widget::Image { src: link });
    assert_eq!(FormSpec::new(requests(QUESTY)).new_captcha("1"), None, "only an image CAPTCHA is reloaded");
}

#[test]
fn question_captcha_shows_its_question_as_text() {
    let view = FormSpec::new(requests(QUESTY)).view(&Submission::default(), &base());
    let info = view.challenges.iter().find(|f| f.name == "captchaInfo").unwrap();
    let Widget::Info(question) = &info.widget else { panic!("{:?}", info.widget) };
    assert!(question.as_str().contains("portal"), "{question}");
}

#[test]
fn refill_keeps_typed_values_but_never_passwords_or_the_captcha_answer() {
    let typed = submission(&[
        ("username", "Zane"),
        ("password", "Secret-Pass-1"),
        ("retype", "Secret-Pass-1"),
        ("email", "zane@example.org"),
        ("captchaWord", "wikiwiki"),
    ]);
    let view = FormSpec::new(requests(CAPTCHA)).view(&typed, &base());
    let value = |name: &str| view.all_fields().find(|f| f.name == name).map(|f| f.value.clone()).unwrap();
    assert_eq!(value("username"), "Zane");
    assert_eq!(value("email"), "zane@example.org");
    assert_eq!(value("password"), "");
    assert_eq!(value("retype"), "");
    assert_eq!(value("captchaWord"), "");
}

#[test]
fn submission_sends_every_field_of_the_answered_requests_and_nothing_else() {
    let spec = FormSpec::new(requests(PLAIN));
    let posted = submission(&[
        ("username", "Zane"),
        ("password", "pw"),
        ("retype", "pw"),
        ("email", "zane@example.org"),
        ("action", "delete"),
        ("createtoken", "forged"),
    ]);
    let fields = create_params(&spec, &posted).fields;
    let expected: Vec<(String, String)> = [
        ("username", "Zane"),
        ("password", "pw"),
        ("retype", "pw"),
        ("email", "zane@example.org"),
        // Without realname the wiki would silently drop the email.
        ("realname", ""),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    assert_eq!(fields, expected);
}

#[test]
fn captcha_id_comes_from_the_wiki_not_from_the_browser() {
    let spec = FormSpec::new(requests(CAPTCHA));
    let wiki_id = spec.requests()[0].fields["captchaId"].value.clone().unwrap();
    let posted = submission(&[("username", "Zane"), ("captchaId", "12345"), ("captchaWord", "wikiwiki")]);
    let fields = create_params(&spec, &posted).fields;
    assert!(fields.contains(&("captchaId".into(), wiki_id)));
    assert!(fields.contains(&("captchaWord".into(), "wikiwiki".into())));
    assert!(!fields.iter().any(|(k, _)| k == "captchaInfo"));
}

#[test]
fn several_ways_are_shown_apart_and_only_the_chosen_one_is_sent() {
    let spec = FormSpec::new(requests(SSO));
    let view = spec.view(&Submission::default(), &base());
    assert_eq!(names(&view.fields), ["username", "email", "realname"]);
    assert_eq!(view.ways.len(), 2);
    assert_eq!(names(&view.ways[0].fields), ["password", "retype"]);
    assert!(view.ways[0].button.is_none());
    assert_eq!(view.ways[1].button.as_ref().unwrap().name, "testsso");
    assert!(view.ways[0].fields.iter().all(|f| !f.required), "a way's fields are not required by the browser");
    assert!(view.ways[0].fields.iter().all(|f| !f.optional), "nor said to be optional: the way needs them");
    assert!(view.fields.iter().find(|f| f.name == "email").unwrap().optional);

    let by_sso = submission(&[("username", "Zane"), ("password", "typed-by-mistake"), ("testsso", "")]);
    let sent = create_params(&spec, &by_sso).fields;
    assert!(sent.contains(&("testsso".into(), "1".into())));
    assert!(!sent.iter().any(|(k, _)| k == "password" || k == "retype"), "{sent:?}");

    let by_password = submission(&[
        ("username", "Zane"),
        ("password", "pw"),
        ("retype", "pw"),
        (WAY_BUTTON, "MediaWiki\\Auth\\PasswordAuthenticationRequest"),
    ]);
    let sent = create_params(&spec, &by_password).fields;
    assert!(sent.contains(&("password".into(), "pw".into())));
    assert!(!sent.iter().any(|(k, _)| k == "testsso"), "{sent:?}");
}

#[test]
fn optional_requests_are_sent_only_when_answered() {
    let answer: CreateAccountResponse =
        serde_json::from_str(include_str!("../../tests/fixtures/sso-continue-ui-2fa.json")).unwrap();
    let Outcome::NeedsMore { spec, message } = interpret(answer.result.unwrap(), &base()) else {
        panic!("UI is not a further step")
    };
    assert_eq!(message.as_str(), "Set up two-factor authentication");
    assert_eq!(
        create_params(&spec, &submission(&[("code", "123456")])).fields,
        [("code".to_string(), "123456".to_string())]
    );
    assert_eq!(
        create_params(&spec, &submission(&[("code", ""), ("skip2FASetup", "Skip")])).fields,
        [("skip2FASetup".to_string(), "1".to_string())]
    );
}

#[test]
fn pass_and_fail_answers_are_understood() {
    let pass: CreateAccountResponse =
        serde_json::from_str(include_str!("../../tests/fixtures/plain-create-pass.json")).unwrap();
    assert!(matches!(
        interpret(pass.result.unwrap(), &base()),
        Outcome::Created { username } if username.as_str() == "Zane"
    ));
    let fail: CreateAccountResponse =
        serde_json::from_str(include_str!("../../tests/fixtures/plain-fail-userexists.json")).unwrap();
    let Outcome::Rejected { message, code } = interpret(fail.result.unwrap(), &base()) else {
        panic!("FAIL is not a rejection")
    };
    assert_eq!(code, "userexists");
    assert!(message.as_str().starts_with("Username entered already in use."));
}

#[test]
fn redirect_must_target_an_absolute_http_url() {
    let redirect: CreateAccountResponse =
        serde_json::from_str(include_str!("../../tests/fixtures/sso-create-redirect.json")).unwrap();
    let mut result = redirect.result.unwrap();
    assert!(matches!(interpret(result.clone(), &base()), Outcome::Redirect { .. }));
    result.redirecttarget = Some("javascript:alert(1)".into());
    assert!(matches!(interpret(result.clone(), &base()), Outcome::Invalid { .. }));
    result.redirecttarget = Some("/relative".into());
    assert!(matches!(interpret(result, &base()), Outcome::Invalid { .. }));
}

#[test]
fn unknown_field_types_and_php_empty_arrays_parse() {
    let json = r#"{"id":"X","required":"optional","provider":"p","metadata":[],"fields":{
        "colour":{"type":"select","label":"Colour","options":{"r":"Red","g":"Green"}},
        "future":{"type":"datetime","label":"When"},
        "agree":{"type":"checkbox","label":"I agree","optional":true}}}"#;
    let request: AuthRequest = serde_json::from_str(json).unwrap();
    let view = FormSpec::new(vec![request]).view(&submission(&[("colour", "g")]), &base());
    let colour = &view.fields[0];
    assert_eq!(colour.widget, Widget::Select);
    assert_eq!(colour.choices.iter().filter(|c| c.selected).map(|c| c.value.as_str()).collect::<Vec<_>>(), ["g"]);
    assert_eq!(view.fields[1].widget, Widget::Text);
    assert_eq!(view.fields[2].widget, Widget::Checkbox);
}

#[test]
fn the_answered_requests_are_named_for_createrequests() {
    let spec = FormSpec::new(requests(SSO));
    let by_sso = submission(&[("username", "Zane"), ("testsso", ""), ("captchaWord", "w")]);
    let answer = create_params(&spec, &by_sso);
    assert_eq!(
        answer.requests,
        [
            "CaptchaAuthenticationRequest",
            "TestSSOStartRequest",
            "MediaWiki\\Auth\\UsernameAuthenticationRequest",
            "MediaWiki\\Auth\\UserDataAuthenticationRequest",
        ]
    );
}

fn two_factor_step() -> FormSpec {
    let answer: CreateAccountResponse =
        serde_json::from_str(include_str!("../../tests/fixtures/sso-continue-ui-2fa.json")).unwrap();
    match interpret(answer.result.unwrap(), &base()) {
        Outcome::NeedsMore { spec, .. } => spec,
        other => panic!("UI is not a further step: {other:?}"),
    }
}

#[test]
fn a_further_steps_metadata_is_shown_but_not_format_hints() {
    let details = two_factor_step().details();
    let labels: Vec<&str> = details.iter().map(|d| d.label.as_str()).collect();
    assert_eq!(labels, ["Account", "Secret"]);
    assert_eq!(details[0].value, "SsoUser1");
    // A CAPTCHA's metadata ({type, mime}) says nothing to a person.
    assert!(FormSpec::new(requests(CAPTCHA)).details().is_empty());
}

#[test]
fn buttons_that_are_not_ways_come_after_the_fields() {
    let view = two_factor_step().view(&Submission::default(), &base());
    assert_eq!(names(&view.buttons), ["skip2FASetup"]);
    assert!(!view.fields.iter().chain(&view.challenges).any(|f| f.widget == Widget::Button));
}

#[test]
fn only_plain_typed_values_are_kept_for_a_later_form() {
    let spec = FormSpec::new(requests(CAPTCHA));
    let typed = submission(&[
        ("username", "Zane"),
        ("password", "secret-1"),
        ("retype", "secret-1"),
        ("email", "z@example.org"),
        ("realname", ""),
        ("captchaId", "123"),
        ("captchaWord", "wikiwiki"),
        ("injected", "x"),
    ]);
    assert_eq!(
        spec.keepable(&typed),
        submission(&[("username", "Zane"), ("email", "z@example.org"), ("realname", "")])
    );
}

#[test]
fn restart_starts_over_with_the_wikis_message() {
    let json = r#"{"createaccount":{"status":"RESTART","message":"Start <b>again</b>","messagecode":"x"}}"#;
    let answer: CreateAccountResponse = serde_json::from_str(json).unwrap();
    let Outcome::Restart { message } = interpret(answer.result.unwrap(), &base()) else {
        panic!("RESTART is not a restart")
    };
    assert_eq!(message.as_str(), "Start <b>again</b>");
}

#[test]
fn metrics_count_fail_codes_the_portal_knows_and_other() {
    let rejected = |code: &str| Outcome::Rejected { message: SafeHtml::default(), code: code.into() };
    assert_eq!(rejected("userexists").metric_code(), "userexists");
    assert_eq!(rejected("captcha-createaccount-fail").metric_code(), "captcha-createaccount-fail");
    assert_eq!(rejected("x-made-up-by-a-hostile-wiki-1234").metric_code(), "other");
    assert_eq!(Outcome::Restart { message: SafeHtml::default() }.metric_code(), "");
}

#[test]
fn an_hcaptcha_is_a_script_captcha_whose_widget_response_is_sent_as_the_described_field() {
    let spec = FormSpec::new(requests(HCAPTCHA));
    let view = spec.view(&submission(&[("captchaWord", "old answer")]), &base());
    let captcha = view.script_captcha().expect("a script CAPTCHA");
    assert_eq!(captcha.service, Some(CaptchaService::HCaptcha));
    assert_eq!(captcha.site_key, "10000000-ffff-ffff-ffff-000000000001");
    let field = view.challenges.iter().find(|f| f.name == "captchaWord").unwrap();
    assert!(field.value.is_empty(), "a one-time answer was refilled");

    let typed = [("username", "Ada"), ("password", "p"), ("retype", "p")];
    let widget = create_params(&spec, &submission(&[&typed[..], &[("h-captcha-response", "token-1")]].concat()));
    assert!(widget.fields.contains(&("captchaWord".into(), "token-1".into())), "{widget:?}");
    assert!(!widget.fields.iter().any(|(k, _)| k == "h-captcha-response"), "the widget's own field reached the wiki");
    assert_eq!(spec.keepable(&submission(&[("captchaWord", "x"), ("username", "Ada")])).value("captchaWord"), None);
}

#[test]
fn a_captcha_of_a_service_the_portal_does_not_know_is_a_script_captcha_without_a_service() {
    let unknown = HCAPTCHA.replace("\"type\": \"hcaptcha\"", "\"type\": \"newcaptcha\"");
    let view = FormSpec::new(requests(&unknown)).view(&Submission::default(), &base());
    assert_eq!(view.script_captcha().map(|c| c.service), Some(None));
}

fn info(fixture: &str) -> crate::wiki::types::AuthManagerInfo {
    let response: QueryResponse = serde_json::from_str(fixture).unwrap();
    response.result.unwrap().authmanagerinfo.unwrap()
}

#[test]
fn two_captcha_answers_are_alike_but_for_their_id_and_image() {
    let first = info(CAPTCHA);
    let mut second = info(CAPTCHA);
    let new_id = "9988776655443322110";
    let mut spec = FormSpec::new(info(CAPTCHA).requests);
    spec.new_captcha(new_id).unwrap();
    second.requests = spec.requests.clone();
    assert_ne!(first.requests, second.requests);
    assert!(alike(&first, &second));
    let own: Vec<_> = spec.own_values().collect();
    assert_eq!(
        own,
        [
            OwnValue::Hidden(new_id),
            OwnValue::Image(&format!("/index.php?title=Special:Captcha/image&wpCaptchaId={new_id}"))
        ]
    );

    // Anything else that differs is another form: a label, a value the
    // page shows, another wiki's state.
    let mut relabelled = info(CAPTCHA);
    std::sync::Arc::make_mut(&mut relabelled.requests)[2].fields.get_mut("username").unwrap().label = "Name".into();
    assert!(!alike(&first, &relabelled));
    let mut preset = info(CAPTCHA);
    std::sync::Arc::make_mut(&mut preset.requests)[2].fields.get_mut("username").unwrap().value = Some("Kept".into());
    assert!(!alike(&first, &preset));
    let mut preserved = info(CAPTCHA);
    preserved.preservedusername = "Kept".into();
    assert!(!alike(&first, &preserved));
    assert!(!alike(&first, &info(PLAIN)));
}

#[test]
fn a_flows_own_values_are_its_captcha_id_and_its_own_image_route() {
    let (mut flow, _) = flow::fresh(&info(CAPTCHA), &Submission::default(), &EventRules::default(), None).unwrap();
    let route = |generation: u32, index: usize| format!("/captcha/{generation:08x}/{index}");
    let mut view = flow.spec.view(&Submission::default(), &base());
    flow.link_images(view.all_fields_mut(), route);
    let own = flow.own_values(route);
    assert_eq!(own[0], "1813520527175560282");
    let Widget::Image { src } = &view.challenges[1].widget else { panic!("no image") };
    assert_eq!(&own[1], src);
    assert!(src.starts_with("/captcha/") && src.ends_with("/0"), "{src}");
    assert_eq!(
        flow.image(0, route, src),
        Some("/index.php?title=Special:Captcha/image&wpCaptchaId=1813520527175560282")
    );
    // A new showing, a new route.
    flow.link_images(std::iter::empty(), route);
    assert_ne!(flow.own_values(route)[1], own[1]);
}
