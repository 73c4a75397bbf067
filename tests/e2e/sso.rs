//! The API docs' Example 3 on the test-bed's sso wiki: FancyCaptcha, a
//! "Sign up with TestSSO" way that REDIRECTs to an identity provider, and a
//! two-factor set-up step (UI) after the account is created.

use crate::helpers::{PASSWORD, Page, TestApp, TestWiki, Visitor, spawn_app, unique_name};

const CAPTCHA: &str = "wikiwiki";
const TWO_FACTOR_CODE: &str = "123456";

async fn sso_portal() -> (&'static TestWiki, TestApp) {
    let wiki = TestWiki::shared("sso");
    let app = spawn_app(&wiki.api).await;
    (wiki, app)
}

/// Chooses "Sign up with TestSSO" on a fresh form.
async fn choose_sso(visitor: &Visitor, name: &str) -> Page {
    let form = visitor.get("/").await;
    assert_eq!(form.status, 200, "{}", form.html);
    visitor
        .submit(
            &form,
            &[("username", name), ("email", ""), ("realname", ""), ("captchaWord", CAPTCHA), ("testsso", "1")],
        )
        .await
}

/// A stepwise visitor's way to the provider and back: the URL the provider
/// sends the browser back to.
async fn return_url(visitor: &Visitor, name: &str) -> String {
    let to_provider = choose_sso(visitor, name).await;
    assert_eq!(to_provider.status, 303, "{}", to_provider.html);
    let provider = visitor.open(to_provider.location.as_deref().unwrap()).await;
    assert_eq!(provider.status, 302, "the provider did not send the browser back");
    provider.location.unwrap()
}

fn assert_two_factor_step(page: &Page, name: &str) {
    assert_eq!(page.status, 200, "{}", page.html);
    assert!(page.url.ends_with('/'), "{}", page.url);
    assert!(page.text(".actions button.primary").contains("Continue account creation"), "{}", page.html);
    assert!(page.text(".notice").contains("Set up two-factor authentication"), "{}", page.html);
    let details = page.text("dl.details");
    assert!(details.contains("Account") && details.contains(name), "{details}");
    assert!(details.contains("Secret"), "the two-factor secret is not shown: {details}");
    assert!(page.input_value("code").is_some());
    // A phone offers the code just received, on a keypad.
    assert_eq!(page.attr("input[name=code]", "autocomplete").as_deref(), Some("one-time-code"));
    assert_eq!(page.attr("input[name=code]", "inputmode").as_deref(), Some("numeric"));
}

#[tokio::test]
async fn sso_sign_up_with_a_two_factor_code_passes() {
    let (wiki, app) = sso_portal().await;
    let visitor = Visitor::new(&app);
    let name = unique_name("Sso");

    // To the provider and back (the visitor follows every redirect).
    let step = choose_sso(&visitor, &name).await;
    assert_two_factor_step(&step, &name);
    // The account exists once the provider step passes.
    assert!(wiki.user(&name).await.is_some());

    let during = visitor.session_cookie();
    let done = visitor.submit(&step, &[("code", TWO_FACTOR_CODE)]).await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);
    assert!(done.text("h1").contains(&name));
    // The session id changes when the sign-up ends, too.
    assert_ne!(visitor.session_cookie(), during);
}

#[tokio::test]
async fn the_two_factor_step_can_be_skipped() {
    let (_, app) = sso_portal().await;
    let visitor = Visitor::new(&app);
    let name = unique_name("Skip");
    let step = choose_sso(&visitor, &name).await;
    assert_two_factor_step(&step, &name);
    let done = visitor.submit(&step, &[("code", ""), ("skip2FASetup", "1")]).await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);
}

#[tokio::test]
async fn a_wrong_two_factor_code_asks_again() {
    let (_, app) = sso_portal().await;
    let visitor = Visitor::new(&app);
    let name = unique_name("Wrong2fa");
    let step = choose_sso(&visitor, &name).await;

    let again = visitor.submit(&step, &[("code", "000000")]).await;
    assert_eq!(again.status, 200);
    assert!(again.text(".actions button.primary").contains("Continue account creation"), "{}", again.html);
    assert!(again.text(".notice.error").contains("not right"), "{}", again.html);
    assert_eq!(again.input_value("code").as_deref(), Some(""));

    let done = visitor.submit(&again, &[("code", "123 456")]).await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);
}

#[tokio::test]
async fn reloading_a_further_step_sends_nothing_to_the_wiki() {
    let wiki = TestWiki::private("sso", &[]);
    let app = spawn_app(&wiki.api).await;
    let visitor = Visitor::new(&app);
    let name = unique_name("Reload");
    let step = choose_sso(&visitor, &name).await;
    assert_two_factor_step(&step, &name);

    let before = wiki.requests().len();
    let reloaded = visitor.get("/").await;
    assert_two_factor_step(&reloaded, &name);
    assert_eq!(wiki.requests().len(), before, "a reload reached the wiki");
    let done = visitor.submit(&reloaded, &[("code", TWO_FACTOR_CODE)]).await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);
}

#[tokio::test]
async fn a_provider_refusal_is_shown_with_the_form_refilled() {
    let (wiki, app) = sso_portal().await;
    let visitor = Visitor::stepwise(&app);
    let name = unique_name("Refused");
    let to_provider = choose_sso(&visitor, &name).await;
    let refused = format!("{}&idp_error=access_denied", to_provider.location.unwrap());

    let page = visitor.follow(visitor.open(&refused).await).await;
    assert_eq!(page.status, 200, "{}", page.html);
    let notice = page.text(".notice.error");
    assert!(notice.contains("access_denied"), "{notice}");
    assert!(notice.contains("did not sign you in"), "the wiki's message is missing: {notice}");
    assert_eq!(page.input_value("username").as_deref(), Some(name.as_str()));
    assert!(page.text("h1").contains("Create account"));
    assert!(wiki.user(&name).await.is_none());
}

#[tokio::test]
async fn a_tampered_state_is_refused_by_the_wiki() {
    let (wiki, app) = sso_portal().await;
    let visitor = Visitor::stepwise(&app);
    let name = unique_name("Tampered");
    let back = return_url(&visitor, &name).await;
    let mut url = reqwest::Url::parse(&back).unwrap();
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .map(|(k, v)| {
            let v = if k == "state" { "forged".to_owned() } else { v.into_owned() };
            (k.into_owned(), v)
        })
        .collect();
    url.query_pairs_mut().clear().extend_pairs(pairs);

    let page = visitor.follow(visitor.open(url.as_str()).await).await;
    assert_eq!(page.status, 200, "{}", page.html);
    assert!(page.text(".notice.error").contains("does not belong to this sign-up"), "{}", page.html);
    assert_eq!(page.input_value("username").as_deref(), Some(name.as_str()));
    assert!(wiki.user(&name).await.is_none());
}

#[tokio::test]
async fn a_return_opened_in_another_browser_is_refused_without_harm() {
    let (wiki, app) = sso_portal().await;
    let visitor = Visitor::stepwise(&app);
    let name = unique_name("Elsewhere");
    let back = return_url(&visitor, &name).await;

    let stranger = Visitor::stepwise(&app);
    let page = stranger.open(&back).await;
    assert_eq!(page.status, 400, "{}", page.html);
    assert!(page.text("h1").contains("not part of a sign-up in this browser"), "{}", page.html);
    assert!(wiki.user(&name).await.is_none(), "the stranger's visit reached the wiki");

    // The right browser still completes its sign-up.
    let step = visitor.follow(visitor.open(&back).await).await;
    assert_two_factor_step(&step, &name);
}

#[tokio::test]
async fn a_replayed_return_is_refused_and_the_flow_goes_on() {
    let (_, app) = sso_portal().await;
    let visitor = Visitor::stepwise(&app);
    let name = unique_name("Replay");
    let back = return_url(&visitor, &name).await;
    let step = visitor.follow(visitor.open(&back).await).await;
    assert_two_factor_step(&step, &name);

    let replay = visitor.open(&back).await;
    assert_eq!(replay.status, 400, "{}", replay.html);
    assert!(replay.html.contains("used already"), "{}", replay.html);

    let done = visitor.follow(visitor.submit(&step, &[("code", TWO_FACTOR_CODE)]).await).await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);
}

#[tokio::test]
async fn the_password_way_works_on_the_same_wiki() {
    let (wiki, app) = sso_portal().await;
    let visitor = Visitor::new(&app);
    let name = unique_name("Pw");
    let form = visitor.get("/").await;
    assert!(form.html.contains("Sign up with TestSSO"), "{}", form.html);
    let ways = form.text("fieldset.way");
    assert!(ways.contains("Password") && ways.contains("Sign up with TestSSO"), "{ways}");

    let step = visitor
        .submit(
            &form,
            &[
                ("username", &name),
                ("email", ""),
                ("realname", ""),
                ("captchaWord", CAPTCHA),
                ("password", PASSWORD),
                ("retype", PASSWORD),
                ("wikisignup-way", "MediaWiki\\Auth\\PasswordAuthenticationRequest"),
            ],
        )
        .await;
    assert_two_factor_step(&step, &name);
    let done = visitor.submit(&step, &[("skip2FASetup", "1")]).await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);
    assert!(wiki.user(&name).await.is_some());
}

#[tokio::test]
async fn start_over_after_the_account_was_made_says_so_and_where_to_log_in() {
    let (wiki, app) = sso_portal().await;
    let visitor = Visitor::new(&app);
    let name = unique_name("Over");
    let step = choose_sso(&visitor, &name).await;
    assert_two_factor_step(&step, &name);
    // The two-factor set-up comes after the wiki made the account: a fresh
    // form would meet the name as taken. The page says what is true.
    assert!(wiki.user(&name).await.is_some());
    let page = visitor.post_form("/start-over", &[("wikisignup_csrf", &step.csrf())]).await;
    assert_eq!(page.text("h1"), "Account created", "{}", page.html);
    assert!(page.text("main").contains(&format!("Your account {name} was already created")), "{}", page.html);
    let login = page.attr("a.button.primary", "href").unwrap();
    assert!(login.contains("Special%3AUserLogin") && login.contains("wpName=Over"), "{login}");
    // The sign-up is over for this session: the next visit is a fresh form.
    let fresh = visitor.get("/").await;
    assert!(fresh.text("h1").contains("Create account"), "{}", fresh.html);
    assert!(fresh.input_value("captchaId").is_some());
}
