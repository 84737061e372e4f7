#!/usr/bin/env bash
# The main job on the lab, as far as this version goes: start a real kcp and two kwok
# clusters, publish the TMC API, bind it in a team workspace, and use it from kubectl and
# tmcctl. Leaves the lab running (stop it with `lab/lab down`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { printf '\n\033[1m$ %s\033[0m\n' "$*" >&2; }
run() { say "$*"; "$@"; }

lab/lab build
env_file=$(lab/lab up | tail -n 1)
# shellcheck disable=SC1090
source "$env_file"
cargo build --release --locked -q
export PATH="$PWD/target/release:$LAB_BIN:$PATH"
export KUBECONFIG="$KCP_KUBECONFIG"

run tmcctl version
run tmcctl install --bind root:team-a --create-workspaces
run tmcctl install --bind root:team-a
run kubectl --server "$KCP_URL/clusters/root:team-a" get clusterregistrations
for pc in pc1 pc2; do
  location=$([[ $pc == pc1 ]] && echo eu-west || echo us-east)
  say "kubectl apply a ClusterRegistration for $pc"
  kubectl --server "$KCP_URL/clusters/root:team-a" apply -f - <<YAML
apiVersion: tmc.kcp.io/v1alpha1
kind: ClusterRegistration
metadata:
  name: $pc
  labels: {env: demo}
spec:
  location: $location
  capabilities: [{type: gpu, available: $([[ $pc == pc1 ]] && echo true || echo false)}]
YAML
done
run tmcctl --workspace root:team-a cluster list
run tmcctl --workspace root:team-a cluster list -o wide
run tmcctl --workspace root:team-a cluster list -o jsonpath='{range .items[*]}{.metadata.name} in {.spec.location}{"\n"}{end}'
