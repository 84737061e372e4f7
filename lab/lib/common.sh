# shellcheck shell=bash
# Shared settings and helpers for lab/lab. Sourced, not executed.

LAB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../versions.env
source "$LAB_DIR/versions.env"

LAB_CACHE="${TMCCTL_LAB_CACHE:-${HOME:?HOME is not set}/.cache/tmcctl-lab}"
LAB_STATE="${TMCCTL_LAB_STATE:-${HOME:?HOME is not set}/.local/state/tmcctl-lab}"
LAB_ENV_FILE="$LAB_STATE/lab.env"

# Ports. kcp: secure port + embedded etcd. kwokctl picks its own ports from 32767 downwards.
KCP_PORT="${TMCCTL_LAB_KCP_PORT:-6443}"
KCP_ETCD_CLIENT_PORT="${TMCCTL_LAB_KCP_ETCD_CLIENT_PORT:-2379}"
KCP_ETCD_PEER_PORT="${TMCCTL_LAB_KCP_ETCD_PEER_PORT:-2380}"
# The S3-compatible store (versitygw) backups are tested against.
S3_PORT="${TMCCTL_LAB_S3_PORT:-7070}"
# The trace receiver (Jaeger): OTLP over gRPC (the clusters' API servers) and HTTP (tmcctl),
# and its query API.
OTLP_GRPC_PORT="${TMCCTL_LAB_OTLP_GRPC_PORT:-4317}"
OTLP_HTTP_PORT="${TMCCTL_LAB_OTLP_HTTP_PORT:-4318}"
JAEGER_QUERY_PORT="${TMCCTL_LAB_JAEGER_QUERY_PORT:-16686}"
# Physical clusters and their simulated node count.
LAB_CLUSTERS="${TMCCTL_LAB_CLUSTERS:-pc1 pc2}"
LAB_NODES="${TMCCTL_LAB_NODES:-3}"

log() { printf '[lab %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

short_hash() { sha256sum | cut -c1-12; }

# Cache key of the whole pinned set: versions.env plus the build recipe itself.
versions_hash() {
  cat "$LAB_DIR/versions.env" "$LAB_DIR/lib/build.sh" | short_hash
}

# Directory with every binary of the pinned set (symlinks into per-component dirs).
lab_bin_dir() { echo "$LAB_CACHE/$(versions_hash)/bin"; }

LAB_BINARIES=(kcp kube-apiserver kube-controller-manager kube-scheduler kubectl etcd kwok kwokctl versitygw helm jaeger)

lab_bin_complete() {
  local bin b
  bin="$(lab_bin_dir)"
  for b in "${LAB_BINARIES[@]}"; do [[ -x "$bin/$b" ]] || return 1; done
}
