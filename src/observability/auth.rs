//! `--authn-authz` for `/metrics`, as secure Kubernetes metrics endpoints do it: the scraper is
//! authenticated by its bearer token (a TokenReview) or its verified client certificate (common
//! name and organizations), then authorized for `get` on the non-resource URL `/metrics` (a
//! SubjectAccessReview), both asked of an API server. `/healthz` and `/readyz` stay open.
//!
//! ```text
//! request ─► bearer token? ─► TokenReview ─► user, groups ─┐
//!         └► client certificate (verified by TLS) ─► CN, O ─┴─► SubjectAccessReview get /metrics
//!   ─► 200 │ 401 (no identity, or a token the server does not accept) │ 403 (not allowed)
//! ```
//!
//! Tokens are never logged; a review that cannot be made answers 503 rather than letting anyone in.

use serde_json::{json, Value};

use crate::client::{ClientError, Connection, Resource};

/// What a request may do.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Authenticated and allowed.
    Allowed,
    /// No identity, or one the server does not accept (401).
    Unauthenticated(String),
    /// Authenticated, not allowed (403).
    Forbidden(String),
}

/// Who a request comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Identity {
    pub user: String,
    pub uid: Option<String>,
    pub groups: Vec<String>,
    pub extra: Value,
}

/// Asks an API server who a scraper is and whether it may read `path`.
#[derive(Clone)]
pub struct Authorizer {
    connection: Connection,
}

impl Authorizer {
    /// Reviews go to `connection`'s server.
    pub fn new(connection: Connection) -> Self {
        Self { connection }
    }

    /// Judges a request for `path` with its bearer token and its verified client certificate's
    /// user.
    pub async fn check(
        &self,
        path: &str,
        bearer: Option<&str>,
        certificate: Option<&(String, Vec<String>)>,
    ) -> Result<Verdict, ClientError> {
        let identity = match (bearer, certificate) {
            (Some(token), _) => match self.authenticate(token).await? {
                Some(identity) => identity,
                None => return Ok(Verdict::Unauthenticated("the bearer token was not accepted".into())),
            },
            (None, Some((user, groups))) => {
                Identity { user: user.clone(), groups: groups.clone(), ..Identity::default() }
            }
            (None, None) => {
                return Ok(Verdict::Unauthenticated("no bearer token or client certificate".into()));
            }
        };
        if self.authorize(&identity, path).await? {
            Ok(Verdict::Allowed)
        } else {
            Ok(Verdict::Forbidden(format!("user \"{}\" may not get {path}", identity.user)))
        }
    }

    async fn authenticate(&self, token: &str) -> Result<Option<Identity>, ClientError> {
        let reviews = Resource::new("authentication.k8s.io", "v1", "TokenReview", "tokenreviews", false);
        let review = json!({"apiVersion": "authentication.k8s.io/v1", "kind": "TokenReview", "spec": {"token": token}});
        let answer = self.connection.create(&reviews, &review).await?;
        Ok(identity_of(&answer))
    }

    async fn authorize(&self, identity: &Identity, path: &str) -> Result<bool, ClientError> {
        let reviews = Resource::new("authorization.k8s.io", "v1", "SubjectAccessReview", "subjectaccessreviews", false);
        let answer = self.connection.create(&reviews, &access_review(identity, path)).await?;
        Ok(answer["status"]["allowed"].as_bool() == Some(true))
    }
}

/// The user a TokenReview's answer names, when it authenticated the token.
fn identity_of(review: &Value) -> Option<Identity> {
    let status = &review["status"];
    if status["authenticated"].as_bool() != Some(true) {
        return None;
    }
    let user = &status["user"];
    Some(Identity {
        user: user["username"].as_str()?.to_string(),
        uid: user["uid"].as_str().map(str::to_string),
        groups: user["groups"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|g| g.as_str().map(str::to_string))
            .collect(),
        extra: user["extra"].clone(),
    })
}

/// A SubjectAccessReview of `get path` for `identity`.
fn access_review(identity: &Identity, path: &str) -> Value {
    let mut spec = json!({
        "user": identity.user,
        "groups": identity.groups,
        "nonResourceAttributes": {"path": path, "verb": "get"},
    });
    if let Some(uid) = &identity.uid {
        spec["uid"] = json!(uid);
    }
    if identity.extra.is_object() {
        spec["extra"] = identity.extra.clone();
    }
    json!({"apiVersion": "authorization.k8s.io/v1", "kind": "SubjectAccessReview", "spec": spec})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_authenticated_review_gives_the_user_its_groups_and_extra() {
        let review = json!({"status": {"authenticated": true, "user": {"username": "system:serviceaccount:monitoring:prometheus",
            "uid": "u-1", "groups": ["system:serviceaccounts", "system:authenticated"],
            "extra": {"authentication.kubernetes.io/pod-name": ["prometheus-0"]}}}});
        let who = identity_of(&review).unwrap();
        assert_eq!(who.user, "system:serviceaccount:monitoring:prometheus");
        assert_eq!(who.groups.len(), 2);
        let sar = access_review(&who, "/metrics");
        assert_eq!(sar["spec"]["nonResourceAttributes"], json!({"path": "/metrics", "verb": "get"}));
        assert_eq!(sar["spec"]["uid"], "u-1");
        assert_eq!(sar["spec"]["extra"]["authentication.kubernetes.io/pod-name"][0], "prometheus-0");
    }

    #[test]
    fn an_unauthenticated_review_is_no_one() {
        assert_eq!(identity_of(&json!({"status": {"authenticated": false, "error": "invalid bearer token"}})), None);
        assert_eq!(identity_of(&json!({"status": {}})), None);
    }

    #[test]
    fn a_certificate_user_without_extra_sends_none() {
        let who = Identity { user: "scraper".into(), groups: vec!["monitoring".into()], ..Identity::default() };
        let sar = access_review(&who, "/metrics");
        assert!(sar["spec"].get("extra").is_none() && sar["spec"].get("uid").is_none(), "{sar}");
        assert_eq!(sar["spec"]["groups"], json!(["monitoring"]));
    }
}
