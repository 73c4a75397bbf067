//! The outreach campaign a sign-up link names (`?campaign=...`), as
//! Special:CreateAccount takes it for Extension:Campaigns: kept for the
//! visit, given to the wiki when it describes a `campaign` field, and
//! carried on the links to the wiki's own sign-up page.

/// A campaign's name: one line, 1 to 255 bytes.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Campaign(String);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("a campaign is one line of at most 255 bytes")]
pub struct CampaignError;

impl Campaign {
    pub fn parse(raw: &str) -> Result<Campaign, CampaignError> {
        let name = raw.trim();
        if name.is_empty() || name.len() > 255 || name.chars().any(char::is_control) {
            return Err(CampaignError);
        }
        Ok(Campaign(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Campaign {
    type Error = CampaignError;
    fn try_from(raw: String) -> Result<Self, Self::Error> {
        Campaign::parse(&raw)
    }
}

impl From<Campaign> for String {
    fn from(campaign: Campaign) -> String {
        campaign.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_campaign_is_one_line_of_at_most_255_bytes() {
        assert_eq!(Campaign::parse(" edit-a-thon-2026 ").unwrap().as_str(), "edit-a-thon-2026");
        assert!(Campaign::parse("").is_err());
        assert!(Campaign::parse("a\nb").is_err());
        assert!(Campaign::parse(&"c".repeat(256)).is_err());
    }
}
