//! Who may sign in to the organisers' console, and the one true sentence
//! for each refusal: the operator's policy (`organizer_groups`,
//! `organizers`) applied to what the wiki says of the account.

/// What the wiki says of an account that logged in with a bot password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub name: String,
    pub groups: Vec<String>,
    /// Its rights in the bot password's session: the user's, limited to
    /// the bot password's grants.
    pub rights: Vec<String>,
}

impl Account {
    pub fn has(&self, right: &str) -> bool {
        self.rights.iter().any(|r| r == right)
    }
}

/// Why an organiser was not let in: each a sentence of the catalogue
/// ([`Refusal::sentence`]) with what fills it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The name is not a bot password's `Name@App`.
    NotABotPassword,
    /// The wiki refused the name and password.
    WrongPassword,
    /// The bot password lacks a grant the console needs: its name on
    /// Special:BotPasswords.
    LacksGrant(&'static str),
    /// The account is in no group the operator allows.
    NotInGroup { name: String, groups: String },
    /// The wiki could not be reached.
    Unreachable { wiki: String },
    /// Too many attempts from this address or for this name.
    TooManyAttempts,
}

impl Refusal {
    /// The catalogue's id of the sentence, and its arguments.
    pub fn sentence(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            Refusal::NotABotPassword => ("console-refused-not-bot-password", vec![]),
            Refusal::WrongPassword => ("console-refused-wrong-password", vec![]),
            Refusal::LacksGrant(grant) => ("console-refused-grant", vec![("grant", (*grant).to_owned())]),
            Refusal::NotInGroup { name, groups } => {
                ("console-refused-group", vec![("name", name.clone()), ("groups", groups.clone())])
            }
            Refusal::Unreachable { wiki } => ("console-refused-unreachable", vec![("wiki", wiki.clone())]),
            Refusal::TooManyAttempts => ("console-refused-too-many", vec![]),
        }
    }
}

/// Whether `account` may run events: a named organiser, or a member of an
/// allowed group, whose bot password may create accounts (the console's
/// events are sign-up pages; organizer mode makes accounts in its name).
pub fn admit(account: &Account, groups: &[String], organizers: &[String]) -> Result<(), Refusal> {
    let named = organizers.iter().any(|o| o == &account.name);
    if !named && !account.groups.iter().any(|g| groups.contains(g)) {
        return Err(Refusal::NotInGroup { name: account.name.clone(), groups: groups.join(", ") });
    }
    if !account.has("createaccount") {
        return Err(Refusal::LacksGrant("Create accounts"));
    }
    Ok(())
}

/// A name as a bot password's: `Name@App`, both parts present.
pub fn is_bot_password_name(name: &str) -> bool {
    name.split_once('@').is_some_and(|(user, app)| !user.trim().is_empty() && !app.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(name: &str, groups: &[&str], rights: &[&str]) -> Account {
        Account {
            name: name.into(),
            groups: groups.iter().map(|g| g.to_string()).collect(),
            rights: rights.iter().map(|r| r.to_string()).collect(),
        }
    }

    #[test]
    fn a_member_of_an_allowed_group_or_a_named_organiser_is_let_in() {
        let groups = vec!["sysop".to_owned(), "eventcoordinator".to_owned()];
        let coordinator = account("Ada", &["*", "user", "eventcoordinator"], &["createaccount", "read"]);
        assert_eq!(admit(&coordinator, &groups, &[]), Ok(()));
        let plain = account("Grace", &["*", "user"], &["createaccount"]);
        assert_eq!(
            admit(&plain, &groups, &[]),
            Err(Refusal::NotInGroup { name: "Grace".into(), groups: "sysop, eventcoordinator".into() })
        );
        assert_eq!(admit(&plain, &groups, &["Grace".to_owned()]), Ok(()));
    }

    #[test]
    fn a_bot_password_without_the_create_accounts_grant_is_named_as_such() {
        let groups = vec!["eventcoordinator".to_owned()];
        let ungranted = account("Ada", &["eventcoordinator"], &["read"]);
        assert_eq!(admit(&ungranted, &groups, &[]), Err(Refusal::LacksGrant("Create accounts")));
        let (id, args) = Refusal::LacksGrant("Create accounts").sentence();
        assert_eq!((id, args[0].1.as_str()), ("console-refused-grant", "Create accounts"));
    }

    #[test]
    fn a_bot_passwords_name_has_both_parts() {
        assert!(is_bot_password_name("Ada@signup"));
        assert!(!is_bot_password_name("Ada"));
        assert!(!is_bot_password_name("@signup"));
        assert!(!is_bot_password_name("Ada@"));
    }
}
