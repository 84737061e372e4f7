//! The TMC API, `tmc.kcp.io/v1alpha1`: the Rust types behind the two cluster-scoped resources
//! a platform team and an application team write, and the CRDs generated from them.
//!
//! Types here are plain data with their OpenAPI schema; nothing in this module talks to a server.
//! `install` turns the CRDs into kcp APIResourceSchemas, `client` reads and writes the objects,
//! `manifest` reads them from files given on the command line.

mod cluster_registration;
mod common;
pub mod input;
pub mod manifest;
pub mod names;
pub mod ownership;
pub mod quantity;
mod workload_placement;

pub use cluster_registration::*;
pub use common::*;
pub use workload_placement::*;

use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
use kube::CustomResourceExt;

/// The API group every TMC resource belongs to.
pub const GROUP: &str = "tmc.kcp.io";
/// The one served version of the TMC API.
pub const VERSION: &str = "v1alpha1";

/// The CRDs of the TMC API, in the order they should be installed.
pub fn crds() -> Vec<CustomResourceDefinition> {
    vec![ClusterRegistration::crd(), WorkloadPlacement::crd()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crds_are_cluster_scoped_in_the_tmc_group() {
        for crd in crds() {
            assert_eq!(crd.spec.group, GROUP);
            assert_eq!(crd.spec.scope, "Cluster");
            assert_eq!(crd.spec.versions.len(), 1);
            assert_eq!(crd.spec.versions[0].name, VERSION);
            let status = crd.spec.versions[0].subresources.as_ref().and_then(|s| s.status.as_ref());
            assert!(status.is_some(), "{} must have a status subresource", crd.spec.names.plural);
        }
    }

    #[test]
    fn strategy_enum_is_in_the_schema() {
        let crd = WorkloadPlacement::crd();
        let schema = serde_json::to_string(&crd.spec.versions[0].schema).unwrap();
        for strategy in ["RoundRobin", "Spread", "Affinity"] {
            assert!(schema.contains(strategy), "schema lacks {strategy}");
        }
    }
}
