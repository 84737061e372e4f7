//! RBAC as tmcctl manages it: the role sets, who is bound to them, and what access reviews
//! answered. Pure: the commands read and write RBAC objects and ask the reviews through
//! `client`, and hand plain values here.
//!
//! ```text
//! roles (TmcRole, controller_role, cluster_agent_role) ─► ClusterRole objects   (rbac setup, register)
//! Subject + role ─► bindings::grant_binding (deterministic name) ─► ClusterRoleBinding   (rbac grant/revoke)
//! ClusterRoleBindings ─► bindings::grants_in ─► Grant rows                       (rbac list)
//! SubjectAccessReview answers ─► matrix::AccessMatrix (all_allowed → exit 0)     (rbac check)
//! RBAC objects ─► who_can::who_can ─► Holder rows                                (rbac who-can)
//! ```

pub mod bindings;
pub mod matrix;
pub mod roles;
pub mod rules;
pub mod who_can;

pub use bindings::{access_binding, binding_name, grant_binding, grants_in, Grant, Subject, SubjectKind};
pub use matrix::{AccessMatrix, MatrixRow, Place, Verdict};
pub use roles::{
    cluster_agent_role, controller_role, controller_role_on_plain_kubernetes, workspace_access_role,
    ControllerFootprint, Permission, RoleDefinition, SyncedType, TmcRole, UnknownRole,
};
pub use rules::Rule;
pub use who_can::{who_can, Holder, Question, RbacObjects};
