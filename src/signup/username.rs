use std::fmt;

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

#[cfg(test)]
mod tests {
    use super::*;

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
