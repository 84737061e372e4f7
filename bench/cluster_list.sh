#!/usr/bin/env bash
# B5 (BENCHMARKS.md): `tmcctl cluster list` of 1k and 10k ClusterRegistrations against the
# lab's kcp, table to a pipe, side by side with `kubectl get clusterregistrations`, interleaved.
# Needs the lab up (lab/lab up). Writes bench/results/b5-cluster-list.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

command -v hyperfine >/dev/null || apt-get install -y hyperfine >/dev/null
cargo build --locked --release >&2
env_file=$(lab/lab env)
# shellcheck disable=SC1090
source "$env_file"
tmcctl="$PWD/target/release/tmcctl"
kubectl="$LAB_BIN/kubectl"
export KUBECONFIG="$KCP_KUBECONFIG"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sizes="${B5_SIZES:-1000 10000}"
results=()
for n in $sizes; do
  ws="root:bench-list-$n-$RANDOM"
  "$tmcctl" install --provider-workspace "root:bench-provider-$n-$RANDOM" --bind "$ws" --create-workspaces >&2
  server="$KCP_URL/clusters/$ws"
  echo "creating $n ClusterRegistrations in $ws" >&2
  python3 - "$n" "$work/objects" <<'PY'
import json, os, sys
n, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(out, exist_ok=True)
batch = 500
for start in range(0, n, batch):
    items = [{"apiVersion": "tmc.kcp.io/v1alpha1", "kind": "ClusterRegistration",
              "metadata": {"name": f"c{i:05d}", "labels": {"env": ["prod", "dev"][i % 2], "zone": f"z{i % 7}"}},
              "spec": {"location": f"region-{i % 13}", "capabilities": [{"type": "gpu", "available": i % 3 == 0}]}}
             for i in range(start, min(n, start + batch))]
    json.dump({"apiVersion": "v1", "kind": "List", "items": items}, open(f"{out}/{start:06d}.json", "w"))
PY
  ls "$work/objects"/*.json | xargs -P 4 -n 1 "$kubectl" --server "$server" create -o name -f >/dev/null
  rm -rf "$work/objects"
  count=$("$tmcctl" --workspace "$ws" cluster list --no-headers | wc -l)
  [[ "$count" == "$n" ]] || { echo "expected $n objects, listed $count" >&2; exit 1; }
  # Cold: the first call of each, before any warm-up.
  cold_tmcctl=$( { /usr/bin/time -f '%e' "$tmcctl" --workspace "$ws" cluster list >/dev/null; } 2>&1 | tail -n1)
  cold_kubectl=$( { /usr/bin/time -f '%e' "$kubectl" --server "$server" get clusterregistrations.tmc.kcp.io >/dev/null; } 2>&1 | tail -n1)
  hyperfine --warmup 2 --runs "${B5_RUNS:-10}" -N --export-json "$work/b5-$n.json" \
    -n "tmcctl cluster list ($n)" "$tmcctl --workspace $ws cluster list" \
    -n "kubectl get clusterregistrations ($n)" "$kubectl --server $server get clusterregistrations.tmc.kcp.io" >&2
  # The server's own share: fetching every page of 500 with curl, no client work at all.
  token=$(awk '/token:/ {print $2; exit}' "$KCP_KUBECONFIG")
  floor=$(python3 - "$server" "$token" <<'PY2'
import json, ssl, sys, time, urllib.request
server, token = sys.argv[1], sys.argv[2]
ctx = ssl._create_unverified_context()  # loopback timing only; nothing is trusted from it
best = None
for _ in range(5):
    start, cont = time.perf_counter(), ""
    while True:
        url = f"{server}/apis/tmc.kcp.io/v1alpha1/clusterregistrations?limit=500" + (f"&continue={cont}" if cont else "")
        req = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
        body = json.load(urllib.request.urlopen(req, context=ctx))
        cont = body["metadata"].get("continue", "")
        if not cont:
            break
    elapsed = (time.perf_counter() - start) * 1e3
    best = elapsed if best is None else min(best, elapsed)
print(f"{best:.1f}")
PY2
)
  results+=("$work/b5-$n.json:$n:$cold_tmcctl:$cold_kubectl:$floor")
done
python3 - "${results[@]}" <<'PY'
import json, subprocess, sys
out = {"benchmark": "B5 cluster list vs kubectl get", "machine": {"cpus": subprocess.check_output(["nproc"]).decode().strip()},
       "note": "table output to a pipe; kubectl with its default client settings; warm = hyperfine median after 2 warm-up runs; server_floor_ms = best of 5 fetches of every 500-object page with no client work (what no client can beat)",
       "sizes": {}}
for arg in sys.argv[1:]:
    path, n, cold_t, cold_k, floor = arg.split(":")
    data = json.load(open(path))["results"]
    t, k = data[0], data[1]
    out["sizes"][n] = {"tmcctl_median_ms": t["median"] * 1e3, "kubectl_median_ms": k["median"] * 1e3,
                       "tmcctl_cold_ms": float(cold_t) * 1e3, "kubectl_cold_ms": float(cold_k) * 1e3,
                       "speedup_warm": round(k["median"] / t["median"], 2),
                       "server_floor_ms": float(floor)}
    print(f"{n:>6} objects: tmcctl {t['median']*1e3:8.1f} ms, kubectl {k['median']*1e3:8.1f} ms, "
          f"speed-up {k['median']/t['median']:.2f}x (cold: {float(cold_t)*1e3:.0f} vs {float(cold_k)*1e3:.0f} ms; "
          f"kcp alone, all pages: {float(floor):.0f} ms)")
json.dump(out, open("bench/results/b5-cluster-list.json", "w"), indent=2)
PY
