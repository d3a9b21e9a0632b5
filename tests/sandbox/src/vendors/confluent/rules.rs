//! The server's own checks of a create, test or update body, as 422 problems that point at
//! the property they are about. Independent of the console's checks, so the console's
//! handling of a vendor 422 can be tested for real.

use serde_json::Value;
use url::Url;

use super::failure::Problem;

/// A create or test body: everything required.
pub fn check_new(body: &Value) -> Vec<Problem> {
    let mut problems = Vec::new();
    match body.get("display_name") {
        None | Some(Value::Null) => {
            problems.push(Problem::at("/display_name", "display_name is required"))
        }
        Some(name) => problems.extend(check_name(name)),
    }
    problems.extend(body.get("description").and_then(check_description));
    match body.get("target") {
        None | Some(Value::Null) => problems.push(Problem::at("/target", "target is required")),
        Some(target) => problems.extend(check_target(target)),
    }
    problems
}

/// An update body: only what is present is checked, but a target is checked whole.
pub fn check_patch(body: &Value) -> Vec<Problem> {
    let mut problems = Vec::new();
    problems.extend(body.get("display_name").and_then(check_name));
    problems.extend(body.get("description").and_then(check_description));
    if let Some(target) = body.get("target") {
        problems.extend(check_target(target));
    }
    problems
}

fn check_name(name: &Value) -> Option<Problem> {
    match name.as_str() {
        Some(text) if text.trim().is_empty() => Some(Problem::at(
            "/display_name",
            "display_name must not be empty",
        )),
        Some(text) if text.chars().count() > 64 => Some(Problem::at(
            "/display_name",
            "display_name must be at most 64 characters",
        )),
        Some(_) => None,
        None => Some(Problem::at(
            "/display_name",
            "display_name must be a string",
        )),
    }
}

fn check_description(description: &Value) -> Option<Problem> {
    match description.as_str() {
        Some(text) if text.chars().count() > 128 => Some(Problem::at(
            "/description",
            "description must be at most 128 characters",
        )),
        Some(_) => None,
        None => Some(Problem::at("/description", "description must be a string")),
    }
}

fn check_target(target: &Value) -> Vec<Problem> {
    let kind = target.get("kind").and_then(Value::as_str).unwrap_or("");
    let field = match kind {
        "Webhook" => "url",
        "Slack" | "MsTeams" => "webhook_url",
        "RoleEmail" | "UserEmail" => {
            return vec![Problem::at(
                "/target/kind",
                format!("integrations of kind {kind} are managed by Confluent and cannot be created or changed"),
            )]
        }
        "" => return vec![Problem::at("/target/kind", "target.kind is required")],
        other => return vec![Problem::at("/target/kind", format!("unknown target kind '{other}'"))],
    };
    let pointer = format!("/target/{field}");
    match target.get(field).and_then(Value::as_str) {
        None => vec![Problem::at(
            &pointer,
            format!("target.{field} is required for {kind}"),
        )],
        Some(text) if !is_web_uri(text) => vec![Problem::at(
            &pointer,
            format!("target.{field} is not a valid http(s) URI"),
        )],
        Some(_) => Vec::new(),
    }
}

fn is_web_uri(text: &str) -> bool {
    Url::parse(text).is_ok_and(|u| {
        matches!(u.scheme(), "http" | "https") && u.host_str().is_some_and(|h| !h.is_empty())
    })
}
