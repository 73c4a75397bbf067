//! A wiki without CAPTCHA: the API docs' Example 1.

use crate::helpers::{PASSWORD, TestWiki, Visitor, spawn_app, unique_name};

#[tokio::test]
async fn a_visitor_signs_up_and_the_account_exists_on_the_wiki() {
    let wiki = TestWiki::shared("plain");
    let app = spawn_app(&wiki.api).await;
    let visitor = Visitor::new(&app);
    let name = unique_name("Plain");

    let form = visitor.get("/").await;
    assert_eq!(form.status, 200, "{}", form.html);
    for field in ["username", "password", "retype", "email", "realname"] {
        assert!(form.input_value(field).is_some(), "no {field} field in {}", form.html);
    }

    let before = visitor.session_cookie().expect("a session cookie");
    let done = visitor
        .submit(
            &form,
            &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD), ("email", ""), ("realname", "")],
        )
        .await;
    assert_eq!(done.status, 200, "{}", done.html);
    assert_ne!(visitor.session_cookie().as_ref(), Some(&before), "the session id did not change");
    assert!(done.url.ends_with("/welcome"), "landed on {}", done.url);
    assert!(done.text("h1").contains(&name), "{}", done.html);
    assert!(wiki.user(&name).await.is_some(), "{name} is not on the wiki");
    let login = done.attr("a.button", "href").unwrap_or_else(|| panic!("no log-in link: {}", done.html));
    let login_form = visitor.open(&login).await;
    assert_eq!(login_form.status, 200, "{login}");
    assert_eq!(login_form.input_value("wpName").as_deref(), Some(name.as_str()), "{}", login_form.html);
}

#[tokio::test]
async fn the_form_links_to_the_wikis_log_in_page_for_those_with_an_account() {
    let wiki = TestWiki::shared("plain");
    let app = spawn_app(&wiki.api).await;
    let visitor = Visitor::new(&app);

    let form = visitor.get("/").await;
    let login = form.attr("p.login a", "href").unwrap_or_else(|| panic!("no log-in link: {}", form.html));
    let login_form = visitor.open(&login).await;
    assert_eq!(login_form.status, 200, "{login}");
    assert!(login_form.input_value("wpName").is_some(), "not the wiki's log-in form: {}", login_form.html);
    assert!(login_form.input_value("wpPassword").is_some(), "not the wiki's log-in form: {}", login_form.html);
}

#[tokio::test]
async fn an_event_sites_returnto_is_where_the_wikis_log_in_leads() {
    let wiki = TestWiki::shared("plain");
    let app = spawn_app(&wiki.api).await;
    let visitor = Visitor::new(&app);
    let name = unique_name("Returning");

    let form = visitor.get("/?returnto=Project:Edit-a-thon%202026").await;
    let login = form.attr("p.login a", "href").unwrap_or_else(|| panic!("no log-in link: {}", form.html));
    assert!(login.contains("returnto=Project%3AEdit-a-thon+2026"), "{login}");
    // Kept through the sign-up (its redirects drop the query).
    let done = visitor.submit(&form, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD)]).await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);
    let login = done.attr("a.button", "href").unwrap();
    // The wiki's own log-in form sends the visitor on to the page.
    let login_form = visitor.open(&login).await;
    let action = login_form.attr("form[name=userlogin]", "action").unwrap_or_else(|| panic!("{}", login_form.html));
    // (1.39 writes the colon as it is, 1.43 percent-encodes it.)
    let action = reqwest::Url::parse(&login_form.url).unwrap().join(&action.replace("&amp;", "&")).unwrap();
    let returnto = action.query_pairs().find(|(k, _)| k == "returnto").map(|(_, v)| v.into_owned());
    assert_eq!(returnto.as_deref(), Some("Project:Edit-a-thon 2026"), "{action}");

    // Markup is no title: left out, and the form is shown all the same.
    let other = Visitor::new(&app);
    let form = other.get("/?returnto=%5B%5BLink%5D%5D").await;
    assert_eq!(form.status, 200, "{}", form.html);
    assert!(!form.attr("p.login a", "href").unwrap().contains("returnto"), "{}", form.html);
}

#[tokio::test]
async fn a_plain_sign_up_costs_exactly_two_wiki_requests() {
    let wiki = TestWiki::private("plain", &[]);
    let app = spawn_app(&wiki.api).await;
    let visitor = Visitor::new(&app);
    let before = wiki.requests().len();

    let form = visitor.get("/").await;
    let name = unique_name("Counted");
    let done = visitor.submit(&form, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD)]).await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);

    let requests = wiki.requests()[before..].to_vec();
    assert_eq!(requests, ["GET /api.php query authmanagerinfo|tokens", "POST /api.php createaccount"]);
}

#[tokio::test]
async fn mismatched_passwords_keep_what_was_typed_except_passwords() {
    let wiki = TestWiki::shared("plain");
    let app = spawn_app(&wiki.api).await;
    let visitor = Visitor::new(&app);
    let name = unique_name("Mismatch");

    let form = visitor.get("/").await;
    let again = visitor
        .submit(
            &form,
            &[
                ("username", &name),
                ("password", PASSWORD),
                ("retype", "Something-else-42"),
                ("email", "m@example.org"),
                ("realname", "Ada"),
            ],
        )
        .await;
    assert_eq!(again.status, 200);
    assert!(again.text(".notice.error").contains("do not match"), "{}", again.html);
    assert_eq!(again.input_value("username").as_deref(), Some(name.as_str()));
    assert_eq!(again.input_value("email").as_deref(), Some("m@example.org"));
    assert_eq!(again.input_value("realname").as_deref(), Some("Ada"));
    assert_eq!(again.input_value("password").as_deref(), Some(""));
    assert_eq!(again.input_value("retype").as_deref(), Some(""));
    assert!(!again.html.contains(PASSWORD));
    assert!(wiki.user(&name).await.is_none());

    // Corrected, the same form goes through.
    let done = visitor.submit(&again, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD)]).await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);
}

#[tokio::test]
async fn an_existing_username_is_refused_with_the_wikis_words() {
    let wiki = TestWiki::shared("plain");
    let app = spawn_app(&wiki.api).await;
    let name = unique_name("Taken");
    let first = Visitor::new(&app);
    let form = first.get("/").await;
    let done = first.submit(&form, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD)]).await;
    assert!(done.url.ends_with("/welcome"));

    let second = Visitor::new(&app);
    let form = second.get("/").await;
    let again = second.submit(&form, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD)]).await;
    assert_eq!(again.status, 200);
    assert!(again.text(".notice.error").contains("already in use"), "{}", again.html);
    assert_eq!(again.input_value("username").as_deref(), Some(name.as_str()));
}

#[tokio::test]
async fn an_invalid_username_is_refused_and_kept_for_correction() {
    let wiki = TestWiki::shared("plain");
    let app = spawn_app(&wiki.api).await;
    let visitor = Visitor::new(&app);
    let name = format!("{}|pipe", unique_name("Bad"));

    let form = visitor.get("/").await;
    let again = visitor.submit(&form, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD)]).await;
    assert_eq!(again.status, 200);
    assert!(!again.text(".notice.error").is_empty(), "no error shown: {}", again.html);
    assert_eq!(again.input_value("username").as_deref(), Some(name.as_str()));
    assert!(wiki.user(&name).await.is_none());
}

#[tokio::test]
async fn the_email_given_reaches_the_wiki() {
    let wiki = TestWiki::shared("plain");
    let app = spawn_app(&wiki.api).await;
    let visitor = Visitor::new(&app);
    let name = unique_name("Mail");
    let email = format!("{}@example.org", name.replace(' ', "."));

    let form = visitor.get("/").await;
    let done = visitor
        .submit(
            &form,
            &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD), ("email", &email), ("realname", "")],
        )
        .await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);
    // The wiki asks the new address to confirm itself.
    assert!(wiki.mail().contains(&email), "no mail to {email}");
}

#[tokio::test]
async fn an_expired_wiki_session_is_renewed_invisibly() {
    let wiki = TestWiki::private("plain", &[]);
    let app = spawn_app(&wiki.api).await;
    let visitor = Visitor::new(&app);
    let name = unique_name("Renewed");

    let form = visitor.get("/").await;
    wiki.drop_sessions();
    let before = wiki.requests().len();
    let done = visitor.submit(&form, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD)]).await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);
    // The first try met `badtoken`: a fresh token, then the same try again.
    assert_eq!(
        wiki.requests()[before..],
        ["POST /api.php createaccount", "GET /api.php query tokens", "POST /api.php createaccount"]
    );
    assert!(wiki.user(&name).await.is_some());
}

#[tokio::test]
async fn a_read_only_wiki_is_said_up_front_with_its_reason() {
    let wiki = TestWiki::private("plain", &["readonly.php"]);
    let app = spawn_app(&wiki.api).await;

    let page = Visitor::new(&app).get("/").await;
    assert_eq!(page.status, 503, "{}", page.html);
    assert!(page.text("h1").contains("Database locked"), "the wiki's own title for it: {}", page.html);
    assert!(page.text("main").contains("being upgraded"), "the wiki's reason is missing: {}", page.html);
    assert!(!page.html.contains("<form"), "a dead form is shown");
}

#[tokio::test]
async fn the_welcome_page_survives_a_reload_until_a_new_sign_up_begins() {
    let wiki = TestWiki::shared("plain");
    let app = spawn_app(&wiki.api).args(&["--next-steps", "Now join us in room 3.", "--campaign-event-id", "42"]).await;
    let visitor = Visitor::new(&app);
    let name = unique_name("Welcomed");
    let form = visitor.get("/").await;
    let done = visitor.submit(&form, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD)]).await;
    assert!(done.url.ends_with("/welcome") && done.html.contains(&name), "{}", done.html);
    assert!(done.html.contains(&format!("<bdi>{name}</bdi>")), "the name is not isolated: {}", done.html);
    assert_eq!(done.text("p.next-steps"), "Now join us in room 3.");
    // The way on: the wiki's log-in page, the name filled in, then joining
    // the wiki's own event (Extension:CampaignEvents).
    let login = done.attr("a.button.primary", "href").unwrap();
    let login = url::Url::parse(&login).unwrap();
    let params: std::collections::HashMap<String, String> = login.query_pairs().into_owned().collect();
    assert_eq!(params.get("title").map(String::as_str), Some("Special:UserLogin"), "{login}");
    assert_eq!(params.get("wpName"), Some(&name));
    assert_eq!(params.get("returnto").map(String::as_str), Some("Special:RegisterForEvent/42"));
    assert!(done.attr("a.button.primary", "target").is_none(), "outside a frame the link stays in the tab");
    // Reloaded: the same page, not a blank form.
    let again = visitor.get("/welcome").await;
    assert!(again.url.ends_with("/welcome") && again.html.contains(&name), "{}", again.html);
    // A new sign-up begins: the last one's account is no longer shown.
    let fresh = visitor.get("/").await;
    assert!(!fresh.html.contains(&name), "{}", fresh.html);
    let after = visitor.get("/welcome").await;
    assert!(!after.url.ends_with("/welcome") && !after.html.contains(&name), "{}", after.html);
}

#[tokio::test]
async fn pages_name_the_wiki_by_its_name_not_its_host() {
    let wiki = TestWiki::shared("plain");
    let app = spawn_app(&wiki.api).await;
    let visitor = Visitor::new(&app);
    let form = visitor.get("/").await;
    // install.php named the test wiki "TestWiki"; the form's one request
    // to the wiki says so (siteinfo), at no extra cost.
    assert_eq!(form.text("p.subtitle strong"), "TestWiki", "{}", form.html);
    assert!(form.text("title").ends_with("– TestWiki"), "{}", form.html);
    let name = unique_name("Named");
    let done = visitor.submit(&form, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD)]).await;
    assert!(done.text("p").contains("has been created on TestWiki"), "{}", done.html);
}
