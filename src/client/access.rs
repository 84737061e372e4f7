//! Asking a server's authorizer: SelfSubjectAccessReview ("may I?") and SubjectAccessReview
//! ("may they?"). kcp answers both per workspace, a cluster for itself. The attributes
//! (`resourceAttributes` or `nonResourceAttributes`) come from the caller; the answer is the
//! review's `status` as the server gave it.

use serde_json::{json, Value};

use super::{ClientError, Connection, Resource};

fn reviews(kind: &str, plural: &str) -> Resource {
    Resource::new("authorization.k8s.io", "v1", kind, plural, false)
}

impl Connection {
    /// Whether this connection's own credentials may do what `attributes` say.
    pub async fn self_access_review(&self, attributes: &Value) -> Result<Value, ClientError> {
        let review = json!({
            "apiVersion": "authorization.k8s.io/v1",
            "kind": "SelfSubjectAccessReview",
            "spec": attributes,
        });
        let answer = self.create(&reviews("SelfSubjectAccessReview", "selfsubjectaccessreviews"), &review).await?;
        Ok(answer["status"].clone())
    }

    /// Whether `user` in `groups` may do what `attributes` say. Needs `create
    /// subjectaccessreviews` on the server.
    pub async fn subject_access_review(
        &self,
        user: Option<&str>,
        groups: &[String],
        attributes: &Value,
    ) -> Result<Value, ClientError> {
        let mut spec = attributes.clone();
        if let Some(user) = user {
            spec["user"] = json!(user);
        }
        if !groups.is_empty() {
            spec["groups"] = json!(groups);
        }
        let review = json!({"apiVersion": "authorization.k8s.io/v1", "kind": "SubjectAccessReview", "spec": spec});
        let answer = self.create(&reviews("SubjectAccessReview", "subjectaccessreviews"), &review).await?;
        Ok(answer["status"].clone())
    }
}
