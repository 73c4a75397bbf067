//! The checks the form's script makes while a field is typed, against the
//! real wiki: a username (`GET /check-username`, `usprop=cancreate`) and a
//! password (`POST /check-password`, `action=validatepassword`).

use crate::helpers::{PASSWORD, TestWiki, Visitor, spawn_app, unique_name};

/// What the portal says of `name`: its status and the problem, if any.
async fn check(visitor: &Visitor, name: &str) -> (u16, Option<String>) {
    let query = serde_urlencoded::to_string([("name", name)]).unwrap();
    let (status, kind, body) = visitor.fetch(&format!("/check-username?{query}")).await;
    if status != 200 {
        return (status, None);
    }
    assert!(kind.starts_with("application/json"), "{kind}");
    let answer: serde_json::Value = serde_json::from_slice(&body).unwrap();
    (status, answer["problem"].as_str().map(str::to_owned))
}

#[tokio::test]
async fn taken_and_refused_names_are_told_apart_from_free_ones_at_one_wiki_request_each() {
    let wiki = TestWiki::private("plain", &[]);
    let app = spawn_app(&wiki.api).await;
    let visitor = Visitor::new(&app);
    let taken = unique_name("Taken");
    let form = visitor.get("/").await;
    let done = visitor.submit(&form, &[("username", &taken), ("password", PASSWORD), ("retype", PASSWORD)]).await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);

    let before = wiki.requests().len();
    assert_eq!(check(&visitor, &unique_name("Free")).await, (200, None));
    let (status, problem) = check(&visitor, &taken).await;
    assert_eq!(status, 200);
    assert!(problem.as_deref().is_some_and(|p| p.contains("already in use")), "{problem:?}");
    // The wiki's own reason: '@' is not allowed in its usernames.
    let (_, problem) = check(&visitor, &format!("{}@example", unique_name("At"))).await;
    assert!(problem.as_deref().is_some_and(|p| p.contains("valid username")), "{problem:?}");
    // Not a name at all to the wiki (an IP address).
    let (_, problem) = check(&visitor, "127.0.0.1").await;
    assert_eq!(problem.as_deref(), Some("You have not specified a valid username."));
    // A `|` would split a multi-value parameter: still one name, refused.
    let (_, problem) = check(&visitor, "Bad|Name").await;
    assert_eq!(problem.as_deref(), Some("You have not specified a valid username."));
    let five_checks = wiki.requests()[before..].to_vec();
    assert_eq!(five_checks, ["GET /api.php query"; 5]);

    // Nothing typed yet: nothing to say, nothing asked.
    assert_eq!(check(&visitor, "  ").await, (200, None));
    assert_eq!(wiki.requests().len(), before + 5);
}

#[tokio::test]
async fn checks_are_rate_limited_per_client() {
    let wiki = TestWiki::shared("plain");
    // One submission a minute: six name checks a minute.
    let app = spawn_app(&wiki.api).args(&["--submissions-per-minute", "1"]).await;
    let visitor = Visitor::new(&app);
    for _ in 0..6 {
        assert_eq!(check(&visitor, &unique_name("Often")).await.0, 200);
    }
    assert_eq!(check(&visitor, &unique_name("Often")).await.0, 429);
    // A sign-up is still possible: checks have a quota of their own.
    let form = visitor.get("/").await;
    let name = unique_name("Still");
    let done = visitor.submit(&form, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD)]).await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);
}

/// What the portal says of `password` typed beside `name`, posted with
/// the CSRF token `csrf` as the form's script does.
async fn password_advice(visitor: &Visitor, csrf: &str, name: &str, password: &str) -> Option<String> {
    let pairs = [("wikisignup_csrf", csrf), ("username", name), ("password", password)];
    let page = visitor.post_form("/check-password", &pairs).await;
    assert_eq!(page.status, 200, "{}", page.html);
    let answer: serde_json::Value = serde_json::from_str(&page.html).unwrap();
    answer["problem"].as_str().map(str::to_owned)
}

#[tokio::test]
async fn the_wikis_password_policy_is_told_while_typing_at_one_wiki_request_each() {
    let wiki = TestWiki::private("plain", &[]);
    let app = spawn_app(&wiki.api).await;
    let visitor = Visitor::new(&app);
    let csrf = visitor.get("/").await.csrf();
    let name = unique_name("Policy");

    let before = wiki.requests().len();
    assert_eq!(password_advice(&visitor, &csrf, &name, PASSWORD).await, None);
    let common = password_advice(&visitor, &csrf, &name, "password").await;
    assert!(common.as_deref().is_some_and(|p| p.contains("commonly used")), "{common:?}");
    // The policy knows the name typed beside it.
    let same = password_advice(&visitor, &csrf, &name, &name).await;
    assert!(same.as_deref().is_some_and(|p| p.contains("username")), "{same:?}");
    assert_eq!(wiki.requests()[before..], ["POST /api.php validatepassword"; 3]);

    // Without this session's CSRF token: refused, like every POST; with
    // nothing typed: no advice. Neither asks the wiki.
    let forged = [("wikisignup_csrf", "forged"), ("username", name.as_str()), ("password", "password")];
    assert_eq!(visitor.post_form("/check-password", &forged).await.status, 403);
    assert_eq!(password_advice(&visitor, &csrf, &name, "").await, None);
    assert_eq!(wiki.requests().len(), before + 3);
}

#[tokio::test]
async fn a_name_reserved_for_temporary_accounts_is_refused_in_the_wikis_words_and_none_is_made() {
    let wiki = TestWiki::private("plain", &["temporary-accounts.php"]);
    let app = spawn_app(&wiki.api).await;
    let visitor = Visitor::new(&app);
    let reserved = "~2026-12345";
    let (_, problem) = check(&visitor, reserved).await;
    assert_eq!(problem.as_deref(), Some("You have not specified a valid username."));

    let form = visitor.get("/").await;
    let refused = visitor.submit(&form, &[("username", reserved), ("password", PASSWORD), ("retype", PASSWORD)]).await;
    assert!(refused.text(".notice.error").contains("not specified a valid username"), "{}", refused.html);
    assert_eq!(refused.input_value("username").as_deref(), Some(reserved));
    let name = unique_name("Permanent");
    let done = visitor.submit(&refused, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD)]).await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);

    // The portal's wiki sessions stayed anonymous: no temporary account.
    let temporary = wiki.query(&[("list", "allusers"), ("auprefix", "~")]).await;
    assert_eq!(temporary["query"]["allusers"], serde_json::json!([]), "{temporary}");
}
