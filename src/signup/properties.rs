//! Property tests (proptest): the wiki's JSON, however mangled, and a
//! browser's submission, whatever it holds, never make the portal panic or
//! send what the wiki did not describe; a form kept in a session reads back
//! the same; sanitized HTML never carries script.

use proptest::prelude::*;
use url::Url;

use super::*;
use crate::wiki::types::{CreateAccountResponse, QueryResponse};

const FIXTURES: [&str; 6] = [
    include_str!("../../tests/fixtures/plain-authmanagerinfo.json"),
    include_str!("../../tests/fixtures/captcha-authmanagerinfo.json"),
    include_str!("../../tests/fixtures/questy-authmanagerinfo.json"),
    include_str!("../../tests/fixtures/sso-authmanagerinfo.json"),
    include_str!("../../tests/fixtures/sso-continue-ui-2fa.json"),
    include_str!("../../tests/fixtures/sso-create-redirect.json"),
];

fn base() -> Url {
    Url::parse("http://wiki.example/").unwrap()
}

/// A fixture with bytes overwritten, removed or inserted at random places.
fn mangled_fixture() -> impl Strategy<Value = String> {
    let edit = (any::<prop::sample::Index>(), 0u8..3, any::<u8>());
    (0..FIXTURES.len(), prop::collection::vec(edit, 1..8)).prop_map(|(which, edits)| {
        let mut bytes = FIXTURES[which].as_bytes().to_vec();
        for (at, kind, byte) in edits {
            let i = at.index(bytes.len().max(1)).min(bytes.len().saturating_sub(1));
            match kind {
                0 if !bytes.is_empty() => bytes[i] = byte,
                1 if !bytes.is_empty() => {
                    bytes.remove(i);
                }
                _ => bytes.insert(i, byte),
            }
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

fn requests_of(json: &str) -> Option<Vec<crate::wiki::types::AuthRequest>> {
    let response: QueryResponse = serde_json::from_str(json).ok()?;
    Some(response.result?.authmanagerinfo?.requests.to_vec())
}

fn submission_pairs() -> impl Strategy<Value = Vec<(String, String)>> {
    let names = prop::sample::select(vec![
        "username",
        "password",
        "retype",
        "email",
        "realname",
        "captchaId",
        "captchaWord",
        "testsso",
        "code",
        "state",
        "skip2FASetup",
        "wikisignup-way",
        "createtoken",
        "action",
        "x",
    ]);
    prop::collection::vec((names.prop_map(str::to_owned), ".{0,12}"), 0..20)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn mangled_answers_parse_or_fail_cleanly(json in mangled_fixture()) {
        if let Some(requests) = requests_of(&json) {
            let spec = FormSpec::new(requests);
            let _ = spec.view(&Submission::default(), &base());
            let _ = spec.details();
            // Kept in a session and read back, it is the same form.
            let kept = serde_json::to_string(&spec).unwrap();
            prop_assert_eq!(serde_json::from_str::<FormSpec>(&kept).unwrap(), spec);
        }
        if let Ok(answer) = serde_json::from_str::<CreateAccountResponse>(&json)
            && let Some(result) = answer.result
        {
            let _ = interpret(result, &base());
        }
    }

    #[test]
    fn only_described_fields_are_sent(which in 0..4usize, pairs in submission_pairs()) {
        let spec = FormSpec::new(requests_of(FIXTURES[which]).unwrap());
        let described: Vec<&String> = spec.requests().iter().flat_map(|r| r.fields.keys()).collect();
        let ids: Vec<&String> = spec.requests().iter().map(|r| &r.id).collect();
        let answer = create_params(&spec, &Submission::new(pairs));
        for (name, _) in &answer.fields {
            prop_assert!(described.contains(&name), "{name} was sent but not described");
        }
        for id in &answer.requests {
            prop_assert!(ids.contains(&id));
        }
        // The wiki's own hidden values, never the browser's.
        for request in spec.requests() {
            for (name, info) in &request.fields {
                if let Some(value) = info.value.as_ref().filter(|_| info.kind == crate::wiki::types::FieldKind::Hidden)
                    && let Some((_, sent)) = answer.fields.iter().find(|(n, _)| n == name)
                {
                    prop_assert_eq!(sent, value);
                }
            }
        }
    }

    #[test]
    fn sanitized_html_carries_no_script(
        parts in prop::collection::vec(prop::sample::select(vec![
            "<script>", "</script>", "<a href=\"", "javascript:", "\">", "<img src=x ", "onerror=", "alert(1)",
            "<b>", "</b>", "&lt;", "<svg/onload=", "<iframe ", "<style>", "data:text/html,", "'", "\"", " ", "x",
        ]), 0..24)
    ) {
        let html = SafeHtml::sanitize(&parts.concat(), &base());
        // Words may survive as text; what matters is what a browser would
        // run: elements, handlers and link targets.
        let fragment = scraper::Html::parse_fragment(html.as_str());
        for element in fragment.root_element().descendants().filter_map(scraper::ElementRef::wrap) {
            let name = element.value().name();
            prop_assert!(!["script", "style", "iframe", "svg", "img", "object"].contains(&name), "<{}> in {}", name, html.as_str());
            for (attribute, value) in element.value().attrs() {
                prop_assert!(!attribute.to_ascii_lowercase().starts_with("on"), "{} in {}", attribute, html.as_str());
                if attribute == "href" {
                    prop_assert!(value.starts_with("http://") || value.starts_with("https://") || value.starts_with("mailto:"),
                        "href={} in {}", value, html.as_str());
                }
            }
        }
    }
}
