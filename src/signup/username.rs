use std::fmt;

use crate::wiki::types::UserInfo;

/// A wiki username as the wiki confirmed it (e.g. in a PASS answer): not
/// empty, one line, at most 255 bytes, as MediaWiki's `user_name` column.
/// The wiki alone decides which names may be created; this type only keeps
/// what the portal shows and links to well-formed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Username(String);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum UsernameError {
    #[error("the username is empty")]
    Empty,
    #[error("the username is longer than 255 bytes")]
    TooLong,
    #[error("the username contains a control character")]
    ControlCharacter,
}

impl Username {
    pub fn parse(raw: &str) -> Result<Username, UsernameError> {
        let name = raw.trim();
        if name.is_empty() {
            return Err(UsernameError::Empty);
        }
        if name.len() > 255 {
            return Err(UsernameError::TooLong);
        }
        if name.chars().any(char::is_control) {
            return Err(UsernameError::ControlCharacter);
        }
        Ok(Username(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Username {
    type Error = UsernameError;
    fn try_from(raw: String) -> Result<Self, Self::Error> {
        Username::parse(&raw)
    }
}

impl From<Username> for String {
    fn from(name: Username) -> String {
        name.0
    }
}

impl fmt::Display for Username {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a visitor is told of a name typed into the form, before the form is
/// sent. Advisory: the wiki decides when the form is sent.
#[derive(Debug, PartialEq, Eq)]
pub enum NameCheck {
    /// Nothing to say: the name is free, or there is no name yet.
    Fine,
    /// What is wrong with it, in words for the visitor.
    Problem(String),
}

impl NameCheck {
    /// A name that cannot be asked about: empty (nothing to say yet), or
    /// not a name at all; `None` when only the wiki can tell.
    pub fn before_asking(raw: &str) -> Option<NameCheck> {
        match Username::parse(raw) {
            Ok(_) => None,
            Err(UsernameError::Empty) => Some(NameCheck::Fine),
            Err(UsernameError::TooLong | UsernameError::ControlCharacter) => Some(not_valid()),
        }
    }

    /// The wiki's answer to `list=users&usprop=cancreate` for the name.
    pub fn from_wiki(user: &UserInfo) -> NameCheck {
        if user.invalid {
            not_valid()
        } else if !user.missing {
            NameCheck::Problem("This username is already taken. Please choose another one.".into())
        } else if user.cancreate == Some(false) {
            let reason = user.cancreateerror.iter().map(|e| e.text.trim()).find(|t| !t.is_empty());
            NameCheck::Problem(reason.unwrap_or("The wiki does not accept this username.").to_owned())
        } else {
            NameCheck::Fine
        }
    }

    pub fn problem(&self) -> Option<&str> {
        match self {
            NameCheck::Fine => None,
            NameCheck::Problem(text) => Some(text),
        }
    }
}

fn not_valid() -> NameCheck {
    NameCheck::Problem("This is not a valid username.".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `users[0]` of real answers of MediaWiki 1.39 to
    /// `list=users&usprop=cancreate&formatversion=2&errorformat=plaintext`.
    fn wiki_says(json: &str) -> NameCheck {
        NameCheck::from_wiki(&serde_json::from_str(json).unwrap())
    }

    #[test]
    fn a_free_name_is_fine() {
        assert_eq!(wiki_says(r#"{"name":"Nobody here 123","missing":true,"cancreate":true}"#), NameCheck::Fine);
    }

    #[test]
    fn a_taken_name_is_a_problem() {
        let check = wiki_says(r#"{"userid":1,"name":"Admin"}"#);
        assert!(check.problem().unwrap().contains("already taken"), "{check:?}");
    }

    #[test]
    fn the_wikis_reason_for_refusing_a_name_is_shown() {
        let json = r#"{"name":"A@b","missing":true,"cancreate":false,
            "cancreateerror":[{"code":"invaliduser","text":"You have not specified a valid username."}]}"#;
        assert_eq!(wiki_says(json).problem(), Some("You have not specified a valid username."));
    }

    #[test]
    fn an_invalid_name_is_a_problem() {
        assert_eq!(wiki_says(r#"{"name":"127.0.0.1","invalid":true}"#), not_valid());
    }

    #[test]
    fn empty_and_malformed_names_are_answered_without_the_wiki() {
        assert_eq!(NameCheck::before_asking("  "), Some(NameCheck::Fine));
        assert_eq!(NameCheck::before_asking(&"x".repeat(256)), Some(not_valid()));
        assert_eq!(NameCheck::before_asking("Ada"), None);
    }

    #[test]
    fn parses_and_trims() {
        assert_eq!(Username::parse("  Zane Doe ").unwrap().as_str(), "Zane Doe");
    }

    #[test]
    fn rejects_empty_long_and_control_characters() {
        assert_eq!(Username::parse(" "), Err(UsernameError::Empty));
        assert_eq!(Username::parse(&"x".repeat(256)), Err(UsernameError::TooLong));
        assert_eq!(Username::parse("a\nb"), Err(UsernameError::ControlCharacter));
    }
}
