//! Why a reconcile failed: one enum for every loop, whose [`ReconcileError::metric_label`] is
//! the `error_type` of `tmc_controller_errors_total`.

use thiserror::Error;

use crate::client::ClientError;

/// A reconcile that did not finish; its key is retried after a back-off.
#[derive(Debug, Error)]
pub enum ReconcileError {
    /// Reading from or writing to kcp (or a cluster) failed.
    #[error("{0}")]
    Client(#[from] ClientError),
    /// This replica no longer leads (its lease was not renewed in time): it writes nothing.
    #[error("not the leader: not writing")]
    NotLeader,
    /// A workload's step failed on some clusters (their names): the rest was done and its
    /// status written, and the whole is tried again so the failed copies catch up.
    #[error("syncing to cluster(s) {0} failed")]
    ClusterSteps(String),
    /// The reconcile panicked (a bug): what the panic said. Its key is retried like any other
    /// failure, and the worker goes on.
    #[error("the reconcile panicked: {0}")]
    Panicked(String),
}

impl ReconcileError {
    /// A short, bounded label for metrics.
    pub fn metric_label(&self) -> &'static str {
        match self {
            ReconcileError::NotLeader => "not_leader",
            ReconcileError::ClusterSteps(_) => "cluster_step",
            ReconcileError::Panicked(_) => "panic",
            ReconcileError::Client(e) => match e {
                ClientError::Unreachable { .. } | ClientError::Timeout { .. } => "unavailable",
                ClientError::Conflict { .. } => "conflict",
                ClientError::Forbidden { .. } | ClientError::Unauthorized { .. } => "forbidden",
                ClientError::NotFound { .. } => "not_found",
                ClientError::Invalid { .. } => "invalid",
                ClientError::Server { code: 429, .. } => "throttled",
                ClientError::Server { .. } => "server",
                ClientError::Tls { .. } => "tls",
                _ => "other",
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_few_and_fixed() {
        let unreachable = ClientError::Unreachable { url: "u".into(), context: "c".into(), cause: "refused".into() };
        assert_eq!(ReconcileError::from(unreachable).metric_label(), "unavailable");
        assert_eq!(ReconcileError::from(ClientError::Conflict { message: "m".into() }).metric_label(), "conflict");
        assert_eq!(ReconcileError::NotLeader.metric_label(), "not_leader");
        assert_eq!(ReconcileError::ClusterSteps("pc1".into()).metric_label(), "cluster_step");
    }
}
