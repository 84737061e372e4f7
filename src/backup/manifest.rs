//! The manifest every archive starts with: what was captured, from where, when, at which
//! resourceVersion per kind, and the SHA-256 of every entry, so an archive can be verified
//! entry by entry without any server.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The archive format this tmcctl writes, and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;

/// One kind of one workspace, as read from a single LIST.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KindRecord {
    /// The workspace (path) it was read from.
    pub workspace: String,
    /// `group/version` or `v1`.
    pub api_version: String,
    /// The kind.
    pub kind: String,
    /// The LIST's resourceVersion: the kind is a snapshot at that point (kinds are not atomic
    /// with each other).
    pub resource_version: String,
    /// How many objects of it the archive holds.
    pub count: usize,
}

/// One entry of the archive, with its digest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EntryRecord {
    /// The path inside the archive.
    pub path: String,
    /// Lower-case hex SHA-256 of the entry's bytes.
    pub sha256: String,
    /// The entry's size in bytes.
    pub size: u64,
}

/// `manifest.json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    /// The archive format (see [`FORMAT_VERSION`]).
    pub format_version: u32,
    /// The tmcctl that wrote it.
    pub tmcctl_version: String,
    /// The server it was read from.
    pub source: String,
    /// When the capture started (RFC 3339).
    pub created_at: String,
    /// The workspaces captured.
    pub workspaces: Vec<String>,
    /// Per workspace and kind: resourceVersion and count.
    pub kinds: Vec<KindRecord>,
    /// Every object entry, with its digest.
    pub entries: Vec<EntryRecord>,
    /// How many objects in all.
    pub total_objects: usize,
    /// Whether Secrets are among them.
    pub includes_secrets: bool,
    /// Workspace → the name its objects carry downstream (its logical cluster's, or the one its
    /// registrations claim after an earlier restore); what `restore --adopt-downstream` claims
    /// for the restored workspace. Absent in archives of tmcctl before it was recorded.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub downstream_identities: BTreeMap<String, String>,
    /// Workspace → the TMC API it had bound, so restore can bind it (and publish the workload
    /// types) before putting objects back. Absent in archives of tmcctl before it was recorded.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub bound_apis: BTreeMap<String, BoundApi>,
}

/// The TMC API a workspace had bound when it was backed up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BoundApi {
    /// The provider workspace whose APIExport the binding named.
    pub provider: String,
    /// The workload types that export published.
    #[serde(default)]
    pub workload_types: Vec<TypeRecord>,
}

/// One workload type: how to address it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TypeRecord {
    /// The API group, empty for the core group.
    pub group: String,
    /// The version objects were read at.
    pub version: String,
    /// The kind.
    pub kind: String,
    /// The plural resource name.
    pub plural: String,
}

impl TypeRecord {
    /// `group/version`, or the version alone for the core group.
    pub fn api_version(&self) -> String {
        if self.group.is_empty() {
            self.version.clone()
        } else {
            format!("{}/{}", self.group, self.version)
        }
    }

    /// `plural.group`, or the plural alone: how `install --workload-apis` names it.
    pub fn name(&self) -> String {
        if self.group.is_empty() {
            self.plural.clone()
        } else {
            format!("{}.{}", self.plural, self.group)
        }
    }
}
