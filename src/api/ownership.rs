//! Labels and annotations that tie objects to each other and to tmcctl: one home, so that two
//! different meanings never share a name and the writer and the readers agree.

/// On a cluster's credentials Secret: the ClusterRegistration it belongs to. The controller
/// watches only Secrets with this label.
pub const CREDENTIALS_CLUSTER_LABEL: &str = "tmc.kcp.io/cluster";
