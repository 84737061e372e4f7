//! What a server serves, as needed to import a type from it: discovery of a resource's
//! versions, kind and scope, and the OpenAPI document of one group version.
//!
//! ```text
//! /apis/<group> (or /api) ─► versions, preferred first ─► /apis/<group>/<version> ─► ServedResource
//! /openapi/v3/apis/<group>/<version> (or /openapi/v3/api/v1; /openapi/v2 when v3 is missing)
//! ```

use k8s_openapi::apimachinery::pkg::apis::meta::v1::{APIGroup, APIResourceList, APIVersions};
use serde_json::Value;

use super::{ClientError, Connection};

/// One version of a resource as discovery describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServedResource {
    /// The version.
    pub version: String,
    /// The kind.
    pub kind: String,
    /// The singular name; empty when the server does not say.
    pub singular: String,
    /// Whether objects live in namespaces.
    pub namespaced: bool,
    /// Short names (`deploy`).
    pub short_names: Vec<String>,
    /// Categories (`all`).
    pub categories: Vec<String>,
}

impl Connection {
    /// Every version in which the server serves `plural` of `group` (empty for the core
    /// group), the preferred version first; empty when it serves none.
    pub async fn served_versions(&self, group: &str, plural: &str) -> Result<Vec<ServedResource>, ClientError> {
        let versions: Vec<String> = if group.is_empty() {
            match self.get_path::<APIVersions>("/api").await {
                Ok(api) => api.versions,
                Err(ClientError::NotFound { .. }) => return Ok(Vec::new()),
                Err(e) => return Err(e),
            }
        } else {
            match self.get_path::<APIGroup>(&format!("/apis/{group}")).await {
                Ok(api_group) => {
                    let preferred = api_group.preferred_version.map(|p| p.version);
                    let mut versions: Vec<String> = api_group.versions.into_iter().map(|v| v.version).collect();
                    if let Some(position) = preferred.and_then(|p| versions.iter().position(|v| *v == p)) {
                        let preferred = versions.remove(position);
                        versions.insert(0, preferred);
                    }
                    versions
                }
                Err(ClientError::NotFound { .. }) => return Ok(Vec::new()),
                Err(e) => return Err(e),
            }
        };
        let mut served = Vec::new();
        for version in versions {
            let path = if group.is_empty() { format!("/api/{version}") } else { format!("/apis/{group}/{version}") };
            let list: APIResourceList = match self.get_path(&path).await {
                Ok(list) => list,
                Err(ClientError::NotFound { .. }) => continue,
                Err(e) => return Err(e),
            };
            if let Some(found) = list.resources.into_iter().find(|r| r.name == plural) {
                served.push(ServedResource {
                    version,
                    kind: found.kind,
                    singular: found.singular_name,
                    namespaced: found.namespaced,
                    short_names: found.short_names.unwrap_or_default(),
                    categories: found.categories.unwrap_or_default(),
                });
            }
        }
        Ok(served)
    }

    /// The OpenAPI document describing `group`/`version` (empty group: the core group): the
    /// v3 document of that group version, or the whole v2 document where v3 is not served.
    pub async fn openapi_document(&self, group: &str, version: &str) -> Result<Value, ClientError> {
        let v3 = if group.is_empty() {
            format!("/openapi/v3/api/{version}")
        } else {
            format!("/openapi/v3/apis/{group}/{version}")
        };
        match self.get_path(&v3).await {
            Err(ClientError::NotFound { .. }) => self.get_path("/openapi/v2").await,
            found => found,
        }
    }
}
