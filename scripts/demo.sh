#!/usr/bin/env bash
# The main job on the lab, as far as this version goes: start a real kcp and two kwok
# clusters, publish the TMC API, bind it in a team workspace, place a Deployment applied
# with kubectl on both clusters, drain one with no outage, run two controller replicas, and
# manage access: TMC roles, a grant, a least-privilege cluster token, one access matrix; then
# back team-a up (encrypted, with its Secrets) to the lab's S3 store, restore it into a new
# workspace, and let the controller take scheduled backups. The first controller sends its
# traces to the lab's Jaeger; one sync's trace is printed, the clusters' API servers in it.
# Trust: a foreign Deployment reported as a Conflict until taken over, a placement edited
# into something unreadable that moves nothing, and a cluster unregistered with its copies
# retained (reported as left behind) and registered again. Last, the day-to-day tools: status, doctor,
# kubectl tmc and the config file.
# Leaves the lab running (stop it with `lab/lab down`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ -t 2 && -z "${NO_COLOR:-}" ]]; then bold=$'\033[1m' plain=$'\033[0m'; else bold='' plain=''; fi
say() { printf '\n%s$ %s%s\n' "$bold" "$*" "$plain" >&2; }
run() { say "$*"; "$@"; }

lab/lab build
env_file=$(lab/lab up | tail -n 1)
# shellcheck disable=SC1090
source "$env_file"
cargo build --release --locked -q
target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
export PATH="$target_dir/release:$LAB_BIN:$PATH"
export KUBECONFIG="$KCP_KUBECONFIG"

run tmcctl version
run tmcctl install --bind root:team-a --create-workspaces
run tmcctl install --bind root:team-a
run kubectl --server "$KCP_URL/clusters/root:team-a" get clusterregistrations
export TMCCTL_WORKSPACE=root:team-a
run tmcctl cluster register pc1 --cluster-kubeconfig "$PC1_KUBECONFIG" --location eu-west --labels env=prod,tier=gold --capabilities gpu:true
run tmcctl cluster register pc2 --cluster-kubeconfig "$PC2_KUBECONFIG" --location us-east --labels env=prod --capabilities gpu:false
run tmcctl cluster list
run tmcctl controller run --once
run tmcctl cluster list -o wide
run tmcctl cluster status pc1
# Re-running the demo starts the placements afresh.
tmcctl placement delete web --yes >/dev/null 2>&1 || true
tmcctl placement delete gpu-jobs --yes >/dev/null 2>&1 || true
run tmcctl placement create web --strategy Spread --location-selector env=prod --replicas divided --yes
run tmcctl placement create gpu-jobs --strategy Affinity --capabilities gpu:true --yes
run tmcctl controller run --once
run tmcctl placement list
run tmcctl placement describe gpu-jobs
run tmcctl placement explain web --replicas 5
run tmcctl cluster cordon pc2
run tmcctl placement explain web --replicas 5
run tmcctl cluster uncordon pc2
say "an offline what-if: the same placement against a file of clusters, no server needed"
tmcctl cluster list -o yaml >/tmp/tmcctl-demo-clusters.yaml
tmcctl placement describe web -o yaml >/tmp/tmcctl-demo-placement.yaml
run tmcctl --kubeconfig /nonexistent placement simulate -f /tmp/tmcctl-demo-placement.yaml --clusters-from /tmp/tmcctl-demo-clusters.yaml --replicas 7
run tmcctl cluster list -o jsonpath='{range .items[*]}{.metadata.name} in {.spec.location}: health {.status.healthScore}{"\n"}{end}'

say "the workload loop: kubectl apply in the workspace, copies on both clusters, status summed back"
run tmcctl install --bind root:team-a --workload-apis
tmcctl --workspace root:team-a placement delete web --yes >/dev/null 2>&1 || true
tmcctl --workspace root:team-a placement delete gpu-jobs --yes >/dev/null 2>&1 || true
run tmcctl --workspace root:team-a placement create web --strategy Spread --location-selector env=prod --replicas divided --yes
kubectl_a() { kubectl --server "$KCP_URL/clusters/root:team-a" "$@"; }
kubectl_a delete deployment web -n default --ignore-not-found --wait=true >/dev/null 2>&1 || true
say "OTEL_SERVICE_NAME=tmcctl-demo tmcctl --workspace root:team-a controller run --metrics-addr 127.0.0.1:18090 --otlp-endpoint $OTLP_HTTP_URL &"
OTEL_SERVICE_NAME=tmcctl-demo tmcctl --workspace root:team-a controller run --metrics-addr 127.0.0.1:18090 --heartbeat-grace 10s \
  --otlp-endpoint "$OTLP_HTTP_URL" 2>/tmp/tmcctl-demo-controller.log &
controller=$!
trap 'kill "$controller" 2>/dev/null || true' EXIT
until curl -sf http://127.0.0.1:18090/readyz >/dev/null; do sleep 0.2; done
cat >/tmp/tmcctl-demo-web.yaml <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata: {name: web-settings, namespace: default}
data: {greeting: hello}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: default, labels: {app: web}}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: web:1
        envFrom: [{configMapRef: {name: web-settings}}]
YAML
run kubectl --server "$KCP_URL/clusters/root:team-a" apply -f /tmp/tmcctl-demo-web.yaml
run kubectl --server "$KCP_URL/clusters/root:team-a" rollout status deployment/web -n default --timeout 120s
run kubectl --server "$KCP_URL/clusters/root:team-a" get deployment web -n default
run tmcctl --workspace root:team-a workload status -A -o wide
run tmcctl --workspace root:team-a workload where deployment/web
ns=$(tmcctl --workspace root:team-a workload where deployment/web -o json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["downstreamNamespace"])')
run kubectl --kubeconfig "$PC1_KUBECONFIG" get deployments,configmaps -n "$ns"
run kubectl --kubeconfig "$PC2_KUBECONFIG" get deployments,configmaps -n "$ns"
say "the trace of that sync, read back from the lab's Jaeger: each cluster's API server continues it"
for _ in $(seq 1 20); do # spans leave in batches, every few seconds
  curl -s "$JAEGER_QUERY_URL/api/traces?service=tmcctl-demo&operation=workload-sync&limit=50&lookback=1h" >/tmp/tmcctl-demo-traces.json
  grep -q '"serviceName":"apiserver"' /tmp/tmcctl-demo-traces.json && break
  sleep 1
done
python3 - /tmp/tmcctl-demo-traces.json >&2 <<'PY'
import json, sys
traces = json.load(open(sys.argv[1]))["data"] or []
shown = ("controller", "key", "workload.name", "placement.strategy", "placement.clusters.count",
         "placement.reason", "workload.type", "cluster.name", "sync.step")
def service(trace, span):
    return trace["processes"][span["processID"]]["serviceName"]
trace = next((t for t in traces if any(service(t, s) == "apiserver" for s in t["spans"])), None)
if trace is None:
    sys.exit("no trace of tmcctl-demo with an API server span in Jaeger yet")
spans = {s["spanID"]: s for s in trace["spans"]}
def parent(span):
    return next((r["spanID"] for r in span["references"] if r["refType"] == "CHILD_OF"), None)
def show(span, depth):
    tags = " ".join("%s=%s" % (t["key"], t["value"]) for t in span["tags"] if t["key"] in shown)
    print("%s%s: %s (%.1f ms) %s" % ("  " * depth, service(trace, span), span["operationName"], span["duration"] / 1000, tags))
    if service(trace, span) == "apiserver":
        return  # the request itself; its inner spans (audit, etcd, ...) are Jaeger's to show
    children = [c for c in spans.values() if parent(c) == span["spanID"]]
    for child in sorted(children, key=lambda c: c["startTime"]):
        show(child, depth + 1)
for root in (s for s in spans.values() if parent(s) not in spans):
    show(root, 0)
PY
say "drain pc1: the copy on pc2 takes all 3 replicas first, then pc1's copy goes; the ready count never drops"
run tmcctl --workspace root:team-a cluster drain pc1 --wait --timeout 120s
run tmcctl --workspace root:team-a workload status -o wide
run kubectl --kubeconfig "$PC2_KUBECONFIG" get deployment web -n "$ns"
run tmcctl --workspace root:team-a cluster uncordon pc1
# The placement takes pc1 back at its next decision; then wait for the copy there.
until [[ "$(tmcctl --workspace root:team-a placement list -o jsonpath='{range .items[*].status.decisions[*]}{.cluster} {end}')" == *pc1* ]]; do sleep 0.5; done
run tmcctl --workspace root:team-a workload wait deployment/web --timeout 120s
run tmcctl --workspace root:team-a workload status -o wide

say "trust: someone else's Deployment stands where a copy would go on pc1; it is left alone and reported, until the placement takes it over"
kubectl_a delete deployment api -n default --ignore-not-found --wait=true >/dev/null 2>&1 || true
kubectl_a patch workloadplacement web --type merge -p '{"spec":{"takeover":null}}' >/dev/null
kubectl --kubeconfig "$PC1_KUBECONFIG" delete deployment api -n "$ns" --ignore-not-found --wait=true >/dev/null
run kubectl --kubeconfig "$PC1_KUBECONFIG" create deployment api -n "$ns" --image someone-else:1
sed -e 's/name: web, namespace/name: api, namespace/' -e 's/app: web/app: api/g' -e 's/image: web:1/image: api:1/' \
  -e 's/name: web$/name: api/' /tmp/tmcctl-demo-web.yaml >/tmp/tmcctl-demo-api.yaml
run kubectl --server "$KCP_URL/clusters/root:team-a" apply -f /tmp/tmcctl-demo-api.yaml
until tmcctl --workspace root:team-a workload where deployment/api 2>/dev/null | grep -q Conflict; do sleep 0.5; done
run tmcctl --workspace root:team-a workload where deployment/api
run tmcctl --workspace root:team-a status || echo "(exit $?)" >&2
run kubectl --server "$KCP_URL/clusters/root:team-a" patch workloadplacement web --type merge -p '{"spec":{"takeover":"Always"}}'
until [[ "$(kubectl --kubeconfig "$PC1_KUBECONFIG" get deployment api -n "$ns" -o jsonpath='{.spec.template.spec.containers[0].image}')" == api:1 ]]; do sleep 0.5; done
run tmcctl --workspace root:team-a workload where deployment/api
say "a placement edited into something the controller cannot read (operator: in): it says Invalid, and nothing moves"
run kubectl --server "$KCP_URL/clusters/root:team-a" patch workloadplacement web --type merge -p '{"spec":{"namespaceSelector":{"matchExpressions":[{"key":"team","operator":"in","values":["a"]}]}}}'
until tmcctl --workspace root:team-a placement describe web | grep -q 'Invalid *True'; do sleep 0.5; done
run tmcctl --workspace root:team-a placement describe web
run tmcctl --workspace root:team-a workload where deployment/web
run kubectl --server "$KCP_URL/clusters/root:team-a" patch workloadplacement web --type merge -p '{"spec":{"namespaceSelector":null,"takeover":null}}'
say "unregister pc2 with its copies retained (the default policy): they keep running there, and each workload says it left them behind"
run tmcctl --workspace root:team-a cluster unregister pc2 --force --yes
until tmcctl --workspace root:team-a workload where deployment/web 2>/dev/null | grep -q LeftBehind; do sleep 0.5; done
run tmcctl --workspace root:team-a workload where deployment/web
run kubectl --kubeconfig "$PC2_KUBECONFIG" get deployment web -n "$ns"
say "registered again, with deletion policy Delete: tmcctl manages the same copies again (and would remove them before letting pc2 go)"
run tmcctl cluster register pc2 --cluster-kubeconfig "$PC2_KUBECONFIG" --location us-east --labels env=prod --capabilities gpu:false --deletion-policy Delete
until tmcctl --workspace root:team-a workload where deployment/web 2>/dev/null | grep pc2 | grep -q Available; do sleep 0.5; done
run tmcctl --workspace root:team-a workload where deployment/web
kill -TERM "$controller"; wait "$controller" || true
trap - EXIT

say "one controller for every bound workspace: a second team, two replicas, one leader"
run tmcctl install --bind root:team-b --create-workspaces
run tmcctl --workspace root:team-b cluster register pc2 --cluster-kubeconfig "$PC2_KUBECONFIG" --location us-east --labels env=prod
tmcctl --workspace root:team-b placement delete web --yes >/dev/null 2>&1 || true
run tmcctl --workspace root:team-b placement create web --location-selector env=prod --yes
unset TMCCTL_WORKSPACE
leader_of() { curl -s "http://127.0.0.1:$1/metrics" | awk '$1 == "tmc_controller_leader" {print $2}'; }
say "tmcctl controller run --metrics-addr 127.0.0.1:18091 &   # and a second replica on :18092"
tmcctl controller run --metrics-addr 127.0.0.1:18091 2>/tmp/tmcctl-demo-replica-1.log &
first=$!
disown "$first" # it is killed on purpose below; no job report for it
until [[ "$(leader_of 18091)" == 1 ]]; do sleep 0.2; done
tmcctl controller run --metrics-addr 127.0.0.1:18092 2>/tmp/tmcctl-demo-replica-2.log &
second=$!
trap 'kill "$first" "$second" 2>/dev/null || true' EXIT
until curl -sf http://127.0.0.1:18092/readyz >/dev/null; do sleep 0.2; done
echo "replica 1 leads: $(leader_of 18091), replica 2 stands by: $(leader_of 18092)" >&2
tmcctl --workspace root:team-b placement delete api --yes >/dev/null 2>&1 || true
run tmcctl --workspace root:team-b placement create api --location-selector env=prod --yes
sleep 1
run tmcctl --workspace root:team-a placement list
run tmcctl --workspace root:team-b placement list
say "kill -KILL the leader; the standby takes over when the lease runs out (15 s + 2 s)"
kill -KILL "$first"
start=$SECONDS
until [[ "$(leader_of 18092)" == 1 ]]; do sleep 0.2; done
echo "replica 2 leads after $((SECONDS - start)) s" >&2
kill -TERM "$second"; wait "$second" || true
say "RBAC: the TMC roles in both team workspaces (a second run changes nothing), and a viewer"
run tmcctl rbac setup root:team-a root:team-b
tmcctl rbac setup root:team-a root:team-b | awk 'NR > 1 && NF == 0 {exit} NR > 1 {n[$4]++} END {for (r in n) printf "second run: %d objects %s\n", n[r], r}' >&2
run tmcctl --workspace root:team-a rbac grant viewer --user alice
run tmcctl --workspace root:team-a rbac list
say "least privilege on the clusters: pc1 registered in team-b with a ServiceAccount token of its own"
run tmcctl --workspace root:team-b cluster register pc1 --cluster-kubeconfig "$PC1_KUBECONFIG" --location eu-west --labels env=prod --create-service-account
say "one matrix: may tmcctl's stored credentials do this, in the workspace and on every cluster?"
run tmcctl --workspace root:team-b rbac check get,list,patch deployments.apps -n default --as-me
run tmcctl --workspace root:team-b rbac check get secrets -n kube-system --as-me || echo "(exit $?: pc1's token may not read Secrets)" >&2
say "backup: team-a with its Secrets, encrypted, to the lab's S3 store; verified without kcp"
# The lab's S3 store, as a user sets it: the usual AWS variables.
export AWS_ENDPOINT_URL AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_REGION
backups="s3://$S3_BUCKET/demo"
printf 'demo passphrase\n' >/tmp/tmcctl-demo-passphrase
run tmcctl --workspace root:team-a backup create demo --include-secrets --passphrase-file /tmp/tmcctl-demo-passphrase --to "$backups"
run tmcctl backup list --from "$backups"
run tmcctl backup verify demo --from "$backups" --passphrase-file /tmp/tmcctl-demo-passphrase
say "restore it into a new workspace: the plan first (writes nothing), then for real; restore creates the workspace and binds the TMC API itself"
run tmcctl restore demo --from "$backups" --passphrase-file /tmp/tmcctl-demo-passphrase --workspace-mapping root:team-a=root:team-a-restored --plan
run tmcctl restore demo --from "$backups" --passphrase-file /tmp/tmcctl-demo-passphrase --workspace-mapping root:team-a=root:team-a-restored
run tmcctl --workspace root:team-a-restored placement list
say "a backup schedule, run by the controller's leader: every hour, the newest 3 kept"
tmcctl backup schedule delete hourly --yes >/dev/null 2>&1 || true
run tmcctl backup schedule create hourly --every 1h --keep 3 --to "$backups"
tmcctl controller run --metrics-addr 127.0.0.1:18093 2>/tmp/tmcctl-demo-schedule.log &
scheduler=$!
trap 'kill "$scheduler" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  tmcctl backup schedule list -o json 2>/dev/null | grep -q 'hourly-2' && break
  sleep 1
done
run tmcctl backup schedule list
curl -s http://127.0.0.1:18093/metrics | grep '^tmc_backup_last_success_timestamp_seconds' >&2 || true
say "day to day: the fleet on one screen (exit 11 when degraded), every part checked with its fix"
run tmcctl --workspace root:team-a status || echo "(exit $?)" >&2
run tmcctl --workspace root:team-a doctor || echo "(exit $?)" >&2
say "kubectl tmc: the plugin follows the workspace of the current context, as kubectl ws leaves it"
plugins=$(mktemp -d)
run tmcctl plugin install --dir "$plugins"
cp "$KCP_KUBECONFIG" /tmp/tmcctl-demo-team-b.kubeconfig
kubectl --kubeconfig /tmp/tmcctl-demo-team-b.kubeconfig config set-cluster root --server "$KCP_URL/clusters/root:team-b" >/dev/null
PATH="$plugins:$PATH" KUBECONFIG=/tmp/tmcctl-demo-team-b.kubeconfig run kubectl tmc cluster list
printf 'requestTimeout: 20s\noutput: wide\n' >/tmp/tmcctl-demo-config.yaml
TMCCTL_CONFIG=/tmp/tmcctl-demo-config.yaml run tmcctl --workspace root:team-b config view --no-headers -o table
kill -TERM "$scheduler"; wait "$scheduler" || true
run tmcctl backup list --from "$backups"
say "the lab keeps running; stop it with lab/lab down"
