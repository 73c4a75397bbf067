//! The form page's answer (`meta=authmanagerinfo|tokens`), read once per
//! distinct text. On a wiki without a CAPTCHA every visitor of a language
//! gets the same field descriptions and only the token differs, and
//! parsing the descriptions took a sixth of a form page's time. So the
//! answer less its token is the key to the descriptions parsed before;
//! anything unusual is parsed in full, as it always was.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use super::error::{WikiError, api_result};
use super::transport::parse_json;
use super::types::{AuthManagerInfo, QueryResponse};

/// What a form page needs of the wiki, from its one request.
#[derive(Debug)]
pub struct FormPageInfo {
    /// Shared by every visitor the wiki sent the same description.
    pub form: Arc<AuthManagerInfo>,
    pub token: Option<String>,
}

/// Descriptions kept. A CAPTCHA makes every answer differ: those fill the
/// places and are forgotten together, so this is a bound, not a target.
const KEPT: usize = 64;

/// The token's key. Inside a JSON string a quote is escaped, so these
/// bytes are a key, never part of a text.
const TOKEN_KEY: &[u8] = br#""createaccounttoken""#;

/// The wiki's answer less its token.
type AnswerText = Vec<u8>;

#[derive(Default)]
pub struct FormAnswers {
    /// Answers are the wiki's and the keys are not chosen by visitors: a
    /// fast hasher is safe.
    kept: Mutex<HashMap<AnswerText, Arc<AuthManagerInfo>, foldhash::fast::RandomState>>,
}

impl FormAnswers {
    /// Reads the wiki's answer `body`.
    pub fn read(&self, body: &[u8]) -> Result<FormPageInfo, WikiError> {
        let Some((text, token)) = without_token(body) else {
            return parse(body);
        };
        if let Some(form) = self.lock().get(&text) {
            return Ok(FormPageInfo { form: form.clone(), token: Some(token) });
        }
        let info = parse(body)?;
        // Kept only where the token found is the token the API gave.
        if info.token.as_deref() == Some(token.as_str()) {
            let mut kept = self.lock();
            if kept.len() >= KEPT {
                kept.clear();
            }
            kept.insert(text, info.form.clone());
        }
        Ok(info)
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<AnswerText, Arc<AuthManagerInfo>, foldhash::fast::RandomState>> {
        // Holds nothing a panic could leave half-changed.
        self.kept.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    #[cfg(test)]
    fn held(&self) -> usize {
        self.lock().len()
    }
}

fn parse(body: &[u8]) -> Result<FormPageInfo, WikiError> {
    let query = api_result(parse_json::<QueryResponse>(body)?)?;
    let form =
        query.authmanagerinfo.ok_or_else(|| WikiError::BadResponse("no authmanagerinfo in the answer".into()))?;
    Ok(FormPageInfo { form: Arc::new(form), token: query.tokens.and_then(|t| t.createaccounttoken) })
}

/// `body` without the token's value, and the token. The token comes last
/// in the answer (`meta=authmanagerinfo|tokens`), hence the last match.
fn without_token(body: &[u8]) -> Option<(AnswerText, String)> {
    let after_key = memchr::memmem::rfind(body, TOKEN_KEY)? + TOKEN_KEY.len();
    // `: "`, with or without white space.
    let rest = &body[after_key..];
    let colon = rest.iter().position(|b| !b.is_ascii_whitespace()).filter(|&i| rest[i] == b':')?;
    let quote = colon + 1 + rest[colon + 1..].iter().position(|b| !b.is_ascii_whitespace())?;
    if rest[quote] != b'"' {
        return None;
    }
    let start = after_key + quote + 1;
    let mut end = start;
    loop {
        match body.get(end)? {
            b'\\' => end += 2,
            b'"' => break,
            _ => end += 1,
        }
    }
    let token: String = serde_json::from_slice(&body[start - 1..=end]).ok()?;
    let mut text = Vec::with_capacity(body.len() - (end - start));
    text.extend_from_slice(&body[..start]);
    text.extend_from_slice(&body[end..]);
    Some((text, token))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(label: &str, token: &str) -> Vec<u8> {
        serde_json::json!({
            "batchcomplete": true,
            "query": {
                "authmanagerinfo": {
                    "cancreateaccounts": true,
                    "requests": [{ "id": "Password", "fields": { "username": { "type": "string", "label": label } } }]
                },
                "tokens": { "createaccounttoken": token }
            }
        })
        .to_string()
        .into_bytes()
    }

    #[test]
    fn the_same_description_is_parsed_once_and_each_token_is_its_own() {
        let answers = FormAnswers::default();
        let first = answers.read(&answer("Username", "aaa+\\")).unwrap();
        let second = answers.read(&answer("Username", "bbb+\\")).unwrap();
        assert!(Arc::ptr_eq(&first.form, &second.form));
        assert_eq!(first.token.as_deref(), Some("aaa+\\"));
        assert_eq!(second.token.as_deref(), Some("bbb+\\"));

        let other = answers.read(&answer("Nom d'utilisateur", "ccc+\\")).unwrap();
        assert!(!Arc::ptr_eq(&first.form, &other.form));
        assert_eq!(other.form.requests[0].fields["username"].label, "Nom d'utilisateur");
        assert_eq!(other.token.as_deref(), Some("ccc+\\"));
    }

    #[test]
    fn white_space_around_the_token_is_read_too() {
        let answers = FormAnswers::default();
        let pretty = |token: &str| {
            let value: serde_json::Value = serde_json::from_slice(&answer("Username", token)).unwrap();
            serde_json::to_vec_pretty(&value).unwrap()
        };
        let first = answers.read(&pretty("aaa+\\")).unwrap();
        let second = answers.read(&pretty("bbb+\\")).unwrap();
        assert!(Arc::ptr_eq(&first.form, &second.form));
        assert_eq!(second.token.as_deref(), Some("bbb+\\"));
    }

    #[test]
    fn errors_and_answers_without_a_token_are_read_in_full_and_not_kept() {
        let answers = FormAnswers::default();
        let error = br#"{"errors":[{"code":"readonly","text":"The wiki is read-only."}]}"#;
        assert!(matches!(answers.read(error), Err(WikiError::ReadOnly { .. })));
        let tokenless = br#"{"query":{"authmanagerinfo":{"cancreateaccounts":true,"requests":[]}}}"#;
        assert_eq!(answers.read(tokenless).unwrap().token, None);
        assert!(answers.read(b"{\"query\":").is_err());
        assert_eq!(answers.held(), 0);
    }

    #[test]
    fn differing_answers_are_bounded() {
        let answers = FormAnswers::default();
        for n in 0..(3 * KEPT) {
            answers.read(&answer(&format!("CAPTCHA {n}"), "t+\\")).unwrap();
        }
        assert!(answers.held() <= KEPT);
    }
}
