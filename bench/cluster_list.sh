#!/usr/bin/env bash
# B5 (BENCHMARKS.md): `tmcctl cluster list` of 1k and 10k ClusterRegistrations against the
# lab's kcp, table to a pipe, side by side with `kubectl get clusterregistrations` and with kcp's
# own time to serve the same pages (the floor, fetched two ways), interleaved: one tmcctl run, one
# kubectl run, one fetch of each floor, then the next round (A B C D A B C D ...).
# Needs the lab up (lab/lab up). Writes bench/results/b5-cluster-list.json.
# B5_SIZES (default "1000 10000"), B5_RUNS (default 10) timed rounds after 2 warm-up rounds.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

command -v /usr/bin/time >/dev/null || apt-get install -y time >/dev/null
cargo build --locked --release >&2
target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
env_file=$(lab/lab env)
# shellcheck disable=SC1090
source "$env_file"
kubectl="$LAB_BIN/kubectl"
export KUBECONFIG="$KCP_KUBECONFIG"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Benchmark a copy: the target directory may be shared, and a build elsewhere must not swap the
# binary in the middle of the run.
tmcctl="$work/tmcctl"
cp "$target_dir/release/tmcctl" "$tmcctl"
sizes="${B5_SIZES:-1000 10000}"
workspaces=()
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
  workspaces+=("$n=$ws")
done
token=$(awk '/token:/ {print $2; exit}' "$KCP_KUBECONFIG")

python3 - "$tmcctl" "$kubectl" "$KCP_URL" "$token" "${B5_RUNS:-10}" \
  "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src Cargo.toml Cargo.lock || echo -dirty)" "${workspaces[@]}" <<'PY'
import http.client, json, re, ssl, subprocess, sys, urllib.parse, urllib.request
sys.path.insert(0, "bench/lib")
from interleave import Command, InProcess, machine, run_rounds

tmcctl, kubectl, kcp_url, token, runs, commit = sys.argv[1:7]
runs = int(runs)
ctx = ssl._create_unverified_context()  # loopback timing only; nothing is trusted from it


def page_url(path, cont):
    return f"{path}/apis/tmc.kcp.io/v1alpha1/clusterregistrations?limit=500" + (f"&continue={cont}" if cont else "")


def floor(server):
    """kcp serving every page of 500 as this benchmark has always fetched them: a new connection
    per page, each body parsed for its continue token."""
    def fetch_all_pages():
        cont, size = "", 0
        while True:
            req = urllib.request.Request(page_url(server, cont), headers={"Authorization": f"Bearer {token}"})
            raw = urllib.request.urlopen(req, context=ctx).read()
            size += len(raw)
            cont = json.loads(raw)["metadata"].get("continue", "")
            if not cont:
                return size
    return fetch_all_pages


CONTINUE = re.compile(rb'"continue":\s*"([^"]*)"')


def list_metadata(raw):
    """Where the list's own metadata is in a list body: before the items, or after them when
    the keys come sorted (as kcp writes lists of custom resources)."""
    items, metadata = raw.find(b'"items"'), raw.find(b'"metadata"')
    return (metadata, items) if metadata < items else (raw.rfind(b'"metadata"'), len(raw))


def floor_one_connection(server):
    """The same pages over one kept-alive connection, each body only read and searched for the
    continue token in the list's metadata: closer to what no client can beat."""
    parts = urllib.parse.urlsplit(server)
    def fetch_all_pages():
        conn = http.client.HTTPSConnection(parts.hostname, parts.port, context=ctx)
        cont, size = "", 0
        try:
            while True:
                conn.request("GET", page_url(parts.path, cont), headers={"Authorization": f"Bearer {token}"})
                response = conn.getresponse()
                raw = response.read()
                if response.status != 200:
                    raise RuntimeError(f"floor: HTTP {response.status}: {raw[:200]!r}")
                size += len(raw)
                found = CONTINUE.search(raw, *list_metadata(raw))
                cont = found.group(1).decode() if found else ""
                if not cont:
                    return size
        finally:
            conn.close()
    return fetch_all_pages


out = {"benchmark": "B5 cluster list vs kubectl get", "machine": machine(),
       "tmcctl": subprocess.check_output([tmcctl, "--version"], text=True).strip(), "tmcctl_commit": commit,
       "kubectl": json.loads(subprocess.check_output([kubectl, "version", "--client", "-o", "json"]))["clientVersion"]["gitVersion"],
       "kcp": json.loads(subprocess.check_output([kubectl, "version", "-o", "json"]))["serverVersion"]["gitVersion"],
       "method": f"per size, {runs} interleaved rounds after 2 warm-up rounds, each round one tmcctl run, one kubectl "
                 "run, one fetch of each floor, in that order; table output read through a pipe; kubectl with its default "
                 "client settings; cold = the first run of each, before any warm-up; server_floor = every 500-object "
                 "page fetched by this script with a new connection per page, each body parsed for its continue token "
                 "(as before); server_floor_ms = its best round (as before), its median beside it; "
                 "server_floor_one_connection = the same pages over one kept-alive connection, bodies only read "
                 "(no client can beat it); "
                 "peak RSS: median of 3 interleaved runs under /usr/bin/time; speedup_warm = kubectl median / tmcctl median",
       "sizes": {}}
for arg in sys.argv[7:]:
    n, ws = arg.split("=", 1)
    server = f"{kcp_url}/clusters/{ws}"
    cases = [Command(f"tmcctl cluster list ({n})", [tmcctl, "--workspace", ws, "cluster", "list"]),
             Command(f"kubectl get clusterregistrations ({n})", [kubectl, "--server", server, "get", "clusterregistrations.tmc.kcp.io"]),
             InProcess(f"kcp floor, all pages ({n})", floor(server)),
             InProcess(f"kcp floor, all pages, one connection ({n})", floor_one_connection(server))]
    cold = {case.name: case.once()[0] / 1e6 for case in cases[:2]}
    print(f"{n} objects: {runs} interleaved rounds", file=sys.stderr)
    r = run_rounds(cases, runs, warmup=2, rss_rounds=3, log=lambda m: print(m, file=sys.stderr))
    t, k, f, f1 = (r[case.name] for case in cases)
    # The same pages (resource versions inside them may differ by a digit as kcp moves on).
    if abs(f["output_bytes"] - f1["output_bytes"]) > f["output_bytes"] // 100:
        raise RuntimeError(f"the two floors read different bodies: {f['output_bytes']} vs {f1['output_bytes']} bytes")
    out["sizes"][n] = {
        "workspace": ws,
        "tmcctl_median_ms": t["median_ms"], "kubectl_median_ms": k["median_ms"],
        "tmcctl_p90_ms": t["p90_ms"], "kubectl_p90_ms": k["p90_ms"],
        "tmcctl_cold_ms": round(cold[cases[0].name], 1), "kubectl_cold_ms": round(cold[cases[1].name], 1),
        "speedup_warm": round(k["median_ms"] / t["median_ms"], 2),
        "server_floor_ms": round(f["min_ms"], 1), "server_floor_median_ms": f["median_ms"],
        "server_floor_one_connection_median_ms": f1["median_ms"],
        "tmcctl_median_over_floor_median": round(t["median_ms"] / f["median_ms"], 2),
        "tmcctl_median_over_one_connection_floor_median": round(t["median_ms"] / f1["median_ms"], 2),
        "tmcctl_peak_rss_kib": t["peak_rss_kib_median"], "kubectl_peak_rss_kib": k["peak_rss_kib_median"],
        "cases": r,
    }
    s = out["sizes"][n]
    print(f"{n:>6} objects: tmcctl {s['tmcctl_median_ms']:8.1f} ms (p90 {s['tmcctl_p90_ms']:.1f}), "
          f"kubectl {s['kubectl_median_ms']:8.1f} ms (p90 {s['kubectl_p90_ms']:.1f}), speed-up {s['speedup_warm']:.2f}x; "
          f"kcp alone, all pages: median {s['server_floor_median_ms']:.0f} ms, best {s['server_floor_ms']:.0f} ms, "
          f"one connection {s['server_floor_one_connection_median_ms']:.0f} ms; "
          f"cold {s['tmcctl_cold_ms']:.0f} vs {s['kubectl_cold_ms']:.0f} ms; "
          f"RSS {s['tmcctl_peak_rss_kib']} vs {s['kubectl_peak_rss_kib']} KiB")
with open("bench/results/b5-cluster-list.json", "w") as fh:
    json.dump(out, fh, indent=2)
    fh.write("\n")
PY
