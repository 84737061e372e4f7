#!/usr/bin/env bash
# B6 end to end (BENCHMARKS.md): `tmcctl backup create` of a workspace holding N objects
# (ConfigMaps and ServiceAccounts in 10 namespaces) against the lab's kcp, beside kubectl reading
# the same kinds (`get -A -o json`), and `tmcctl restore` of that backup into a fresh workspace,
# beside kubectl creating the same objects into another fresh workspace (a plain client's rate).
# Interleaved: backup, read, backup, read, ...; then restore, create, restore, create, ...
# Every restore is counted: exactly N objects, none lost or twice.
# Needs the lab up (lab/lab up). Writes bench/results/b6-backup-e2e.json.
# B6_OBJECTS (default 10000), B6_ROUNDS (default 3).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

cargo build --locked --release >&2
target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
env_file=$(lab/lab env)
# shellcheck disable=SC1090
source "$env_file"
kubectl="$LAB_BIN/kubectl"
export KUBECONFIG="$KCP_KUBECONFIG"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tmcctl="$work/tmcctl"
cp "$target_dir/release/tmcctl" "$tmcctl"
n="${B6_OBJECTS:-10000}"
rounds="${B6_ROUNDS:-3}"
tag="$RANDOM"
provider="root:bench-b6-provider-$tag"
source_ws="root:bench-b6-$tag"
targets=()
for i in $(seq 1 $((2 * rounds))); do targets+=("root:bench-b6-$tag-t$i"); done
binds=()
for ws in "$source_ws" "${targets[@]}"; do binds+=(--bind "$ws"); done
"$tmcctl" install --provider-workspace "$provider" "${binds[@]}" --create-workspaces >&2

echo "creating $n objects in $source_ws" >&2
python3 - "$n" "$work/objects" <<'PY'
import json, os, sys
n, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(out, exist_ok=True)
namespaces = [f"bench-{i}" for i in range(10)]
json.dump({"apiVersion": "v1", "kind": "List", "items": [
    {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns}} for ns in namespaces]},
    open(f"{out}/000-namespaces.json", "w"))
objects = []
for i in range(n - len(namespaces)):
    ns = namespaces[i % len(namespaces)]
    if i % 5 == 4:
        objects.append({"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": f"sa-{i:05d}", "namespace": ns}})
    else:
        objects.append({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": f"cm-{i:05d}", "namespace": ns,
                        "labels": {"app": f"app-{i % 50}"}}, "data": {"setting": f"value-{i}", "mode": "on"}})
for start in range(0, len(objects), 500):
    json.dump({"apiVersion": "v1", "kind": "List", "items": objects[start:start + 500]},
              open(f"{out}/{start + 1:06d}.json", "w"))
PY
"$kubectl" --server "$KCP_URL/clusters/$source_ws" create -f "$work/objects/000-namespaces.json" -o name >/dev/null
ls "$work/objects"/0*.json | grep -v 000-namespaces | xargs -P 4 -n 1 "$kubectl" --server "$KCP_URL/clusters/$source_ws" create -o name -f >/dev/null
# One file for the anchor's creates: the same objects, namespaces first.
python3 - "$work/objects" "$work/all.json" <<'PY'
import glob, json, sys
items = []
for f in sorted(glob.glob(f"{sys.argv[1]}/*.json")):
    items += json.load(open(f))["items"]
json.dump({"apiVersion": "v1", "kind": "List", "items": items}, open(sys.argv[2], "w"))
PY

python3 - "$tmcctl" "$kubectl" "$KCP_URL" "$n" "$rounds" "$work" "$source_ws" \
  "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src Cargo.toml Cargo.lock || echo -dirty)" "${targets[@]}" <<'PY'
import json, subprocess, sys, time
sys.path.insert(0, "bench/lib")
from interleave import Command, InProcess, machine, run_rounds

tmcctl, kubectl, kcp_url, n, rounds, work, source, commit = sys.argv[1:9]
n, rounds, targets = int(n), int(rounds), sys.argv[9:]
backups = f"{work}/backups"

def count(ws):
    """The benchmark's objects in `ws` (not what the server makes itself)."""
    out = subprocess.check_output([kubectl, "--server", f"{kcp_url}/clusters/{ws}", "get",
                                   "configmaps,serviceaccounts,namespaces", "-A", "-o", "name"], text=True)
    return sum(1 for line in out.splitlines()
               if line.startswith(("configmap/cm-", "serviceaccount/sa-", "namespace/bench-")))

have = count(source)
if have != n:
    sys.exit(f"expected {n} objects in {source}, found {have}")

backup = Command("tmcctl backup create", [tmcctl, "--workspace", source, "backup", "create", "b6", "--to", backups])
read = Command("kubectl get -A -o json (the same kinds)",
               [kubectl, "--server", f"{kcp_url}/clusters/{source}", "get", "namespaces,configmaps,serviceaccounts", "-A", "-o", "json"])
print(f"backup: {rounds} interleaved rounds", file=sys.stderr)
b = run_rounds([backup, read], rounds, warmup=1)

free = iter(targets)
checked = []
def restore():
    target = next(free)
    subprocess.run([tmcctl, "restore", "b6", "--from", backups, "--workspace-mapping", f"{source}={target}", "-o", "name"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    checked.append(("tmcctl restore", target))
def create():
    target = next(free)
    subprocess.run([kubectl, "--server", f"{kcp_url}/clusters/{target}", "create", "-f", f"{work}/all.json", "-o", "name"],
                   check=True, stdout=subprocess.DEVNULL)
    checked.append(("kubectl create", target))
print(f"restore: {rounds} interleaved rounds", file=sys.stderr)
r = run_rounds([InProcess("tmcctl restore", restore), InProcess("kubectl create -f (the same objects)", create)], rounds)
counts = {f"{who} -> {ws}": count(ws) for who, ws in checked}
bad = {k: v for k, v in counts.items() if v != n}
per_s = lambda result: round(n / (result["median_ms"] / 1000), 1)
out = {
    "benchmark": "B6 backup and restore end to end against the lab's kcp",
    "machine": machine(), "tmcctl": subprocess.check_output([tmcctl, "--version"], text=True).strip(), "tmcctl_commit": commit,
    "objects": n, "rounds": rounds,
    "method": "a workspace of N objects (10 namespaces, ConfigMaps and every fifth a ServiceAccount); backup: tmcctl backup "
              "create (plain, to a local directory) interleaved with kubectl get of the same kinds as JSON, after one "
              "warm-up round; restore: tmcctl restore into a fresh workspace interleaved with kubectl create -f of the same "
              "objects into another fresh workspace (one request per object, as tmcctl); every target counted afterwards",
    "backup": {"tmcctl": b["tmcctl backup create"], "kubectl_read": b["kubectl get -A -o json (the same kinds)"],
               "tmcctl_objects_per_second": per_s(b["tmcctl backup create"]),
               "kubectl_read_objects_per_second": per_s(b["kubectl get -A -o json (the same kinds)"])},
    "restore": {"tmcctl": r["tmcctl restore"], "kubectl_create": r["kubectl create -f (the same objects)"],
                "tmcctl_objects_per_second": per_s(r["tmcctl restore"]),
                "kubectl_create_objects_per_second": per_s(r["kubectl create -f (the same objects)"])},
    "targets_counted": counts, "lost_or_duplicated": bad,
    "targets": {"backup_objects_per_second": 2000, "restore_vs_client_rate": 0.9},
}
out["restore"]["vs_kubectl"] = round(out["restore"]["tmcctl_objects_per_second"] / out["restore"]["kubectl_create_objects_per_second"], 2)
json.dump(out, open("bench/results/b6-backup-e2e.json", "w"), indent=2, sort_keys=True)
print(json.dumps({k: out[k] for k in ("backup", "restore", "lost_or_duplicated")}, indent=2), file=sys.stderr)
print("wrote bench/results/b6-backup-e2e.json", file=sys.stderr)
if bad:
    sys.exit(f"lost or duplicated objects: {bad}")
PY
