//! What a visitor is told of a field while filling in the form, before it
//! is sent: a username taken or refused, a password the wiki's policy
//! rejects. From the same API answers the wiki's own sign-up page uses.
//! Advisory only: the wiki decides when the form is sent.

use super::username::{Username, UsernameError};
use super::words::Said;
use crate::wiki::types::{ApiMessage, PasswordValidity, UserInfo, Validity};

#[derive(Debug, PartialEq)]
pub enum Advice {
    /// Nothing to say: the value is fine, or there is none yet.
    Fine,
    /// What is wrong with it, in words for the visitor.
    Problem(Said),
}

impl Advice {
    pub fn problem(&self) -> Option<&Said> {
        match self {
            Advice::Fine => None,
            Advice::Problem(said) => Some(said),
        }
    }

    /// The name to ask the wiki about, or the advice that needs no asking:
    /// nothing typed yet (nothing to say), or not a name at all.
    pub fn username_to_ask(raw: &str) -> Result<Username, Advice> {
        Username::parse(raw).map_err(|e| match e {
            UsernameError::Empty => Advice::Fine,
            UsernameError::TooLong | UsernameError::ControlCharacter => not_a_valid_username(),
        })
    }

    /// The wiki's answer to `list=users&usprop=cancreate` for the name.
    pub fn for_username(user: &UserInfo) -> Advice {
        if user.invalid {
            not_a_valid_username()
        } else if !user.missing {
            // MediaWiki's words for it.
            Advice::Problem(Said::portal("userexists"))
        } else if user.cancreate == Some(false) {
            first_text(&user.cancreateerror, "check-username-refused")
        } else {
            Advice::Fine
        }
    }

    /// The wiki's answer to `action=validatepassword`: its policy's words
    /// for a password it would not take as it is.
    pub fn for_password(answer: &PasswordValidity) -> Advice {
        match answer.validity {
            Validity::Good => Advice::Fine,
            Validity::Change | Validity::Invalid => first_text(&answer.validitymessages, "check-password-refused"),
        }
    }
}

fn not_a_valid_username() -> Advice {
    Advice::Problem(Said::portal("noname"))
}

/// The first of the wiki's messages, or the portal's sentence `otherwise`
/// when it gave none.
fn first_text(messages: &[ApiMessage], otherwise: &str) -> Advice {
    let text = messages.iter().map(|m| m.text.trim()).find(|t| !t.is_empty());
    Advice::Problem(text.map_or_else(|| Said::portal(otherwise), Said::wiki_text))
}

#[cfg(test)]
mod tests {
    use super::*;

    // The JSON below is from real answers of MediaWiki 1.39, asked with
    // `formatversion=2&errorformat=plaintext`.

    fn username_answer(json: &str) -> Advice {
        Advice::for_username(&serde_json::from_str(json).unwrap())
    }

    fn password_answer(json: &str) -> Advice {
        Advice::for_password(&serde_json::from_str(json).unwrap())
    }

    /// What the visitor reads, in English.
    fn read(advice: &Advice) -> Option<String> {
        advice.problem().map(|said| super::super::Words::default().say(said))
    }

    #[test]
    fn a_free_name_is_fine() {
        assert_eq!(username_answer(r#"{"name":"Nobody here 123","missing":true,"cancreate":true}"#), Advice::Fine);
    }

    #[test]
    fn a_taken_name_is_a_problem() {
        let advice = username_answer(r#"{"userid":1,"name":"Admin"}"#);
        assert!(read(&advice).unwrap().contains("already in use"), "{advice:?}");
    }

    #[test]
    fn the_wikis_reason_for_refusing_a_name_is_shown() {
        let json = r#"{"name":"A@b","missing":true,"cancreate":false,
            "cancreateerror":[{"code":"invaliduser","text":"You have not specified a valid username."}]}"#;
        assert_eq!(read(&username_answer(json)).as_deref(), Some("You have not specified a valid username."));
    }

    #[test]
    fn an_invalid_name_is_a_problem() {
        assert_eq!(username_answer(r#"{"name":"127.0.0.1","invalid":true}"#), not_a_valid_username());
    }

    #[test]
    fn empty_and_malformed_names_are_answered_without_the_wiki() {
        assert_eq!(Advice::username_to_ask("  ").unwrap_err(), Advice::Fine);
        assert_eq!(Advice::username_to_ask(&"x".repeat(256)).unwrap_err(), not_a_valid_username());
        assert_eq!(Advice::username_to_ask(" Ada ").unwrap().as_str(), "Ada");
    }

    #[test]
    fn a_good_password_is_fine() {
        assert_eq!(password_answer(r#"{"validity":"Good"}"#), Advice::Fine);
    }

    #[test]
    fn the_password_policys_words_are_shown() {
        let json = r#"{"validity":"Change","validitymessages":[{"code":"password-substring-username-match",
            "text":"Your password must not appear within your username."}]}"#;
        let said = read(&password_answer(json));
        assert_eq!(said.as_deref(), Some("Your password must not appear within your username."));
        let bare = password_answer(r#"{"validity":"Invalid"}"#);
        assert_eq!(read(&bare).as_deref(), Some("The wiki does not accept this password."));
    }
}
