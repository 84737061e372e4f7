#!/usr/bin/env bash
# B4 (BENCHMARKS.md): CLI start-up of tmcctl against kubectl, interleaved in one run.
# Cases: --version, --help, and a request against a closed port (the error path).
# Writes bench/results/b4-startup.json (hyperfine's figures plus peak RSS and binary size)
# and prints the tmcctl/kubectl ratios. Needs the lab's kubectl (lab/lab build) and hyperfine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

command -v hyperfine >/dev/null || apt-get install -y hyperfine >/dev/null
command -v /usr/bin/time >/dev/null || apt-get install -y time >/dev/null
cargo build --locked --release >&2
tmcctl=target/release/tmcctl
kubectl="$(lab/lab build >/dev/null && source lab/versions.env && ls -d "${TMCCTL_LAB_CACHE:-$HOME/.cache/tmcctl-lab}"/*/bin/kubectl | head -n1)"
[[ -x "$kubectl" ]] || { echo "kubectl not found; run lab/lab build" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# The error case uses a real kubeconfig shape: the lab kcp's (with its CA data), pointed at a
# closed port. Without a CA in the kubeconfig both tools would load the system trust store.
if env_file=$(lab/lab env 2>/dev/null); then
  # shellcheck disable=SC1090
  source "$env_file"
  sed -E "s#server: https://127.0.0.1:[0-9]+#server: https://127.0.0.1:$port#" "$KCP_KUBECONFIG" >"$work/kubeconfig"
else
  echo "lab not up: using a kubeconfig without CA data for the closed-port case" >&2
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

# hyperfine runs the commands in the order given, alternating rounds between them.
hyperfine --warmup 5 --runs 60 -N -i --export-json "$work/hyperfine.json" \
  -n "tmcctl --version" "$tmcctl --version" \
  -n "kubectl version --client" "$kubectl version --client" \
  -n "tmcctl --help" "$tmcctl --help" \
  -n "kubectl --help" "$kubectl --help" \
  -n "tmcctl cluster list (closed port)" "$tmcctl cluster list" \
  -n "kubectl get ns (closed port)" "$kubectl get ns" >&2

rss() {  # peak resident set, KiB
 /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n1; }
python3 - "$work/hyperfine.json" "$(rss "$tmcctl" --version)" "$(rss "$kubectl" version --client)" \
  "$(rss "$tmcctl" cluster list)" "$(rss "$kubectl" get ns)" "$(stat -L -c %s "$tmcctl")" "$(stat -L -c %s "$kubectl")" \
  "$("$kubectl" version --client -o json | python3 -c 'import json,sys; print(json.load(sys.stdin)["clientVersion"]["gitVersion"])')" \
  "$(rss "$tmcctl" --help)" "$(rss "$kubectl" --help)" <<'PY'
import json, platform, subprocess, sys
data = json.load(open(sys.argv[1]))
rss = {"tmcctl --version": int(sys.argv[2]), "kubectl version --client": int(sys.argv[3]),
       "tmcctl cluster list (closed port)": int(sys.argv[4]), "kubectl get ns (closed port)": int(sys.argv[5]),
       "tmcctl --help": int(sys.argv[9]), "kubectl --help": int(sys.argv[10])}
results = {r["command"]: {"median_ms": r["median"] * 1e3, "mean_ms": r["mean"] * 1e3, "stddev_ms": r["stddev"] * 1e3,
                          "min_ms": r["min"] * 1e3, "max_ms": r["max"] * 1e3, "peak_rss_kib": rss.get(r["command"])}
           for r in data["results"]}
pairs = [("tmcctl --version", "kubectl version --client"), ("tmcctl --help", "kubectl --help"),
         ("tmcctl cluster list (closed port)", "kubectl get ns (closed port)")]
ratios = {f"{a} vs {b}": round(results[b]["median_ms"] / results[a]["median_ms"], 1) for a, b in pairs}
out = {"benchmark": "B4 CLI start-up", "machine": {"cpus": subprocess.check_output(["nproc"]).decode().strip(),
       "kernel": platform.release()}, "kubectl": sys.argv[8],
       "tmcctl": subprocess.check_output(["target/release/tmcctl", "--version"]).decode().strip(),
       "binary_bytes": {"tmcctl": int(sys.argv[6]), "kubectl": int(sys.argv[7])},
       "results": results, "speedup_kubectl_over_tmcctl": ratios,
       "targets": {"median_ms": 5, "peak_rss_kib": 15 * 1024, "binary_bytes": 25 * 1024 * 1024, "speedup": 10}}
json.dump(out, open("bench/results/b4-startup.json", "w"), indent=2)
for name, r in results.items():
    print(f"{name:40s} median {r['median_ms']:7.2f} ms   rss {r['peak_rss_kib'] or 0:7d} KiB")
for k, v in ratios.items():
    print(f"speed-up {k}: {v}x")
print(f"binary: tmcctl {int(sys.argv[6])/1e6:.1f} MB, kubectl {int(sys.argv[7])/1e6:.1f} MB")
PY
