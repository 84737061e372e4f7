# shellcheck shell=bash
# `lab smoke`: proves a running lab works end to end (what lab/README.md promises).
#   kcp: /version answers; a Workspace created in root becomes Ready and serves namespaces.
#   each cluster: all nodes Ready; a 2-replica Deployment becomes Available (kwok fakes the pods).
# Creates `lab-smoke-<random>` objects and deletes them again.

lab_smoke() {
  local env_file name c kc url
  env_file="$(lab_env)"
  set -a
  # shellcheck disable=SC1090
  source "$env_file"
  set +a
  local kubectl="$LAB_BIN/kubectl"
  name="lab-smoke-$RANDOM"

  log "kcp: GET /version"
  "$kubectl" --kubeconfig "$KCP_KUBECONFIG" get --raw /version | grep '"gitVersion"' >&2

  log "kcp: workspace root:$name"
  "$kubectl" --kubeconfig "$KCP_KUBECONFIG" create -f - >&2 <<EOF
apiVersion: tenancy.kcp.io/v1alpha1
kind: Workspace
metadata:
  name: $name
EOF
  "$kubectl" --kubeconfig "$KCP_KUBECONFIG" wait --for=jsonpath='{.status.phase}'=Ready "workspace/$name" --timeout=120s >&2
  url="$("$kubectl" --kubeconfig "$KCP_KUBECONFIG" get workspace "$name" -o jsonpath='{.spec.URL}')"
  "$kubectl" --kubeconfig "$KCP_KUBECONFIG" --server "$url" get namespace default >&2
  "$kubectl" --kubeconfig "$KCP_KUBECONFIG" delete workspace "$name" --wait=false >&2

  for c in $LAB_CLUSTERS; do
    kc="$(upper "$c")_KUBECONFIG"; kc="${!kc}"
    log "$c: nodes, and Deployment $name with 2 replicas"
    "$kubectl" --kubeconfig "$kc" wait --for=condition=Ready node --all --timeout=60s >&2
    "$kubectl" --kubeconfig "$kc" create deployment "$name" --image=registry.k8s.io/pause:3.10 --replicas=2 >&2
    "$kubectl" --kubeconfig "$kc" rollout status "deployment/$name" --timeout=120s >&2
    "$kubectl" --kubeconfig "$kc" delete deployment "$name" --wait=false >&2
  done
  log "smoke: all good"
}
