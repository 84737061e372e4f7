#!/usr/bin/env bash
# B4 (BENCHMARKS.md): CLI start-up of tmcctl against kubectl, interleaved in one run: one run of
# tmcctl, then one of kubectl, then the next pair (A B A B ...), for each case in turn.
# Cases: --version, --help, and a request against a closed port (the error path).
# Wall time per run (process start to exit, stdout read through a pipe), peak RSS from separate
# interleaved runs under /usr/bin/time, binary sizes. Writes bench/results/b4-startup.json and
# prints the kubectl/tmcctl ratios of the medians. Needs the lab's kubectl (lab/lab build).
# B4_RUNS (default 60) timed rounds per case after 5 warm-up rounds.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

command -v /usr/bin/time >/dev/null || apt-get install -y time >/dev/null
cargo build --locked --release >&2
target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
kubectl="$(lab/lab build >/dev/null && source lab/versions.env && ls -d "${TMCCTL_LAB_CACHE:-$HOME/.cache/tmcctl-lab}"/*/bin/kubectl | head -n1)"
[[ -x "$kubectl" ]] || { echo "kubectl not found; run lab/lab build" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Benchmark a copy: the target directory may be shared, and a build elsewhere must not swap the
# binary in the middle of the run.
cp "$target_dir/release/tmcctl" "$work/tmcctl"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# The error case uses a real kubeconfig shape: the lab kcp's (with its CA data), pointed at a
# closed port. Without a CA in the kubeconfig both tools would load the system trust store.
if env_file=$(lab/lab env 2>/dev/null); then
  # shellcheck disable=SC1090
  source "$env_file"
  sed -E "s#server: https://127.0.0.1:[0-9]+#server: https://127.0.0.1:$port#" "$KCP_KUBECONFIG" >"$work/kubeconfig"
  closed_port_kubeconfig="the lab kcp's, with its CA data, pointed at a closed port"
else
  echo "lab not up: using a kubeconfig without CA data for the closed-port case" >&2
  closed_port_kubeconfig="no CA data (insecure-skip-tls-verify), pointed at a closed port"
  cat >"$work/kubeconfig" <<KC
apiVersion: v1
kind: Config
current-context: closed
clusters:
- name: closed
  cluster: {server: "https://127.0.0.1:$port", insecure-skip-tls-verify: true}
contexts:
- name: closed
  context: {cluster: closed, user: u}
users:
- name: u
  user: {token: t}
KC
fi
export KUBECONFIG="$work/kubeconfig" HOME="$work"

python3 - "$work/tmcctl" "$kubectl" "$closed_port_kubeconfig" "${B4_RUNS:-60}" "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src Cargo.toml Cargo.lock || echo -dirty)" <<'PY'
import json, os, subprocess, sys
sys.path.insert(0, "bench/lib")
from interleave import Command, machine, run_rounds

tmcctl, kubectl, closed_port_kubeconfig, runs, commit = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
pairs = [
    (Command("tmcctl --version", [tmcctl, "--version"]), Command("kubectl version --client", [kubectl, "version", "--client"])),
    (Command("tmcctl --help", [tmcctl, "--help"]), Command("kubectl --help", [kubectl, "--help"])),
    # Both fail (connection refused); the exit code is each tool's own.
    (Command("tmcctl cluster list (closed port)", [tmcctl, "cluster", "list"], ok_codes=range(1, 256)),
     Command("kubectl get ns (closed port)", [kubectl, "get", "ns"], ok_codes=range(1, 256))),
]
results = {}
for a, b in pairs:
    print(f"{a.name} / {b.name}: {runs} interleaved rounds", file=sys.stderr)
    results.update(run_rounds([a, b], runs, warmup=5, rss_rounds=7, log=lambda m: print(m, file=sys.stderr)))
ratios = {f"{a.name} vs {b.name}": round(results[b.name]["median_ms"] / results[a.name]["median_ms"], 1) for a, b in pairs}
kubectl_version = json.loads(subprocess.check_output([kubectl, "version", "--client", "-o", "json"]))["clientVersion"]["gitVersion"]
out = {
    "benchmark": "B4 CLI start-up",
    "method": "interleaved rounds per case pair (one tmcctl run, then one kubectl run, repeated), 5 warm-up rounds; "
              "wall time from spawn to exit with stdout read through a pipe, no shell; peak RSS: median of 7 "
              "interleaved runs under /usr/bin/time; ratios: kubectl median / tmcctl median",
    "machine": machine(), "tmcctl": subprocess.check_output([tmcctl, "--version"], text=True).strip(),
    "tmcctl_commit": commit, "kubectl": kubectl_version, "closed_port_kubeconfig": closed_port_kubeconfig,
    "binary_bytes": {"tmcctl": os.stat(tmcctl).st_size, "kubectl": os.stat(kubectl).st_size},
    "results": results, "speedup_kubectl_over_tmcctl": ratios,
    "targets": {"median_ms": 5, "peak_rss_kib": 15 * 1024, "binary_bytes": 25 * 1024 * 1024, "speedup": 10},
}
with open("bench/results/b4-startup.json", "w") as f:
    json.dump(out, f, indent=2)
    f.write("\n")
for name, r in results.items():
    print(f"{name:36s} median {r['median_ms']:7.2f} ms  p90 {r['p90_ms']:7.2f} ms  rss {r['peak_rss_kib_median']:7d} KiB")
for k, v in ratios.items():
    print(f"speed-up {k}: {v}x")
print(f"binary: tmcctl {out['binary_bytes']['tmcctl']/1e6:.1f} MB, kubectl {out['binary_bytes']['kubectl']/1e6:.1f} MB")
PY
