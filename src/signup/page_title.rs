use std::fmt;

/// A wiki page's title as an event site names it (`?returnto=...`): where
/// the wiki's log-in page sends the new account afterwards, as
/// Special:CreateAccount's own `returnto` does. Only well-formed: one line,
/// at most 255 bytes, none of the characters MediaWiki never allows in a
/// title. Whether the page exists is the wiki's business.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PageTitle(String);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PageTitleError {
    #[error("the page title is empty")]
    Empty,
    #[error("the page title is longer than 255 bytes")]
    TooLong,
    #[error("the page title holds a character no title may hold")]
    IllegalCharacter,
}

/// `#<>[]|{}` and control characters: never part of a MediaWiki title.
fn illegal(c: char) -> bool {
    "#<>[]|{}".contains(c) || c.is_control()
}

impl std::str::FromStr for PageTitle {
    type Err = PageTitleError;

    fn from_str(raw: &str) -> Result<PageTitle, PageTitleError> {
        PageTitle::parse(raw)
    }
}

impl PageTitle {
    pub fn parse(raw: &str) -> Result<PageTitle, PageTitleError> {
        let title = raw.trim();
        if title.is_empty() {
            return Err(PageTitleError::Empty);
        }
        if title.len() > 255 {
            return Err(PageTitleError::TooLong);
        }
        if title.chars().any(illegal) {
            return Err(PageTitleError::IllegalCharacter);
        }
        Ok(PageTitle(title.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for PageTitle {
    type Error = PageTitleError;
    fn try_from(raw: String) -> Result<Self, Self::Error> {
        PageTitle::parse(&raw)
    }
}

impl From<PageTitle> for String {
    fn from(title: PageTitle) -> String {
        title.0
    }
}

impl fmt::Display for PageTitle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_titles_with_namespaces_spaces_and_any_script() {
        assert_eq!(PageTitle::parse(" Wikipedia:Meetup/Paris 2026 ").unwrap().as_str(), "Wikipedia:Meetup/Paris 2026");
        assert!(PageTitle::parse("Projet:Éditathon/Café").is_ok());
    }

    #[test]
    fn refuses_empty_long_and_illegal_titles() {
        assert_eq!(PageTitle::parse(""), Err(PageTitleError::Empty));
        assert_eq!(PageTitle::parse(&"x".repeat(256)), Err(PageTitleError::TooLong));
        for bad in ["A#b", "<script>", "[[Link]]", "a|b", "{{T}}", "a\nb"] {
            assert_eq!(PageTitle::parse(bad), Err(PageTitleError::IllegalCharacter), "{bad}");
        }
    }
}
