//! From a visitor's submission back to `action=createaccount` parameters.
//!
//! MediaWiki loads a request only if *all* its non-null fields are present
//! (`AuthenticationRequest::loadFromSubmission`): `email` sent without
//! `realname` silently drops the email. So every field of every request
//! being answered is sent, empty when the visitor left it empty, and no
//! field of any other request: nothing the browser posts beyond the fields
//! the wiki described reaches the wiki.

use super::form::{FormSpec, script_captcha};
use super::submission::{Submission, WAY_BUTTON};
use crate::wiki::types::{AuthRequest, FieldKind, RequestRequirement};

/// The requests this submission answers: all required ones, optional ones
/// the visitor filled in, and the one primary way chosen.
fn answered<'a>(spec: &'a FormSpec, submission: &Submission) -> Vec<&'a AuthRequest> {
    let primaries: Vec<&AuthRequest> = spec.primaries().collect();
    let chosen: Option<&AuthRequest> = if primaries.len() == 1 {
        Some(primaries[0])
    } else {
        // The way whose own button was pressed, or the one the portal's
        // "Create account" button names.
        primaries
            .iter()
            .copied()
            .find(|r| r.fields.iter().any(|(name, f)| f.kind == FieldKind::Button && submission.pressed(name)))
            .or_else(|| {
                let named = submission.value(WAY_BUTTON)?;
                primaries.iter().copied().find(|r| r.id == named)
            })
    };
    spec.requests()
        .iter()
        .filter(|r| match r.required {
            RequestRequirement::Required => true,
            RequestRequirement::PrimaryRequired => chosen.is_some_and(|c| std::ptr::eq(c, *r)),
            RequestRequirement::Optional => {
                r.fields.keys().any(|name| submission.value(name).is_some_and(|v| !v.is_empty()))
            }
        })
        .collect()
}

/// What a submission answers: the ids of the requests (sent as
/// `createrequests`, so the wiki loads these and no other) and their fields.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CreateParams {
    pub requests: Vec<String>,
    pub fields: Vec<(String, String)>,
}

/// The `createaccount` parameters for `submission` against the form `spec`.
pub fn create_params(spec: &FormSpec, submission: &Submission) -> CreateParams {
    let answered = answered(spec, submission);
    let requests = answered.iter().map(|r| r.id.clone()).collect();
    CreateParams { requests, fields: api_fields(&answered, submission) }
}

fn api_fields(answered: &[&AuthRequest], submission: &Submission) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut done: Vec<&str> = Vec::new();
    for request in answered {
        for (name, info) in &request.fields {
            // Display-only fields are not sent; a field shared by two
            // requests (username) is sent once.
            if info.kind == FieldKind::Null || done.contains(&name.as_str()) {
                continue;
            }
            done.push(name);
            match info.kind {
                // The wiki's value, not the browser's: it binds the answer
                // to the challenge the wiki issued.
                FieldKind::Hidden => {
                    let value = info.value.clone().or_else(|| submission.value(name).map(str::to_owned));
                    out.push((name.clone(), value.unwrap_or_default()));
                }
                // Absent means unchecked / not pressed, as in HTML forms.
                FieldKind::Checkbox | FieldKind::Button => {
                    if submission.pressed(name) {
                        out.push((name.clone(), "1".to_owned()));
                    }
                }
                // PHP reads `name[]` as a list.
                FieldKind::Multiselect => {
                    for value in submission.values(name) {
                        out.push((format!("{name}[]"), value.to_owned()));
                    }
                }
                _ => {
                    let typed = submission.value(name).filter(|v| !v.is_empty());
                    // A script CAPTCHA's widget posts its response in a
                    // field of its own; the wiki takes it in the one it
                    // described.
                    let widget_response = || {
                        let service = script_captcha(request)?.service?;
                        submission.value(service.response_field())
                    };
                    let value = typed.or_else(widget_response).unwrap_or_default();
                    out.push((name.clone(), value.to_owned()));
                }
            }
        }
    }
    out
}
