//! What a browser posted: the visitor's submission, as typed.

/// The name of the portal's own "Create account" button when the wiki offers
/// several ways: its value is the id of the request chosen.
pub const WAY_BUTTON: &str = "wikisignup-way";

/// What a browser posted, in order, repeated names kept (multiselect).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Submission(Vec<(String, String)>);

impl Submission {
    pub fn new(pairs: Vec<(String, String)>) -> Submission {
        Submission(pairs)
    }

    /// Only the pairs `keep` accepts, by name and value.
    pub fn filter(&self, keep: impl Fn(&str, &str) -> bool) -> Submission {
        Submission(self.0.iter().filter(|(k, v)| keep(k, v)).cloned().collect())
    }

    /// The first value posted under `name`.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    pub fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + use<'a> {
        self.0.iter().filter(move |(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// Nothing was typed.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub(super) fn pressed(&self, name: &str) -> bool {
        self.value(name).is_some()
    }
}
