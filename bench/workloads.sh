#!/usr/bin/env bash
# B2 (placement -> every workload's copy created and Available upstream, 100 and 1,000
# Deployments on the two kwok clusters), the hub footprint after the 1,000, B7 on the workload
# path (pod-template edits at 10 and 50/s) and, only when asked, B8 (stops pc2: Unknown,
# re-placed, Ready elsewhere), against the lab's kcp with the release binary. Needs the lab up
# (lab/lab up). Writes bench/results/b2-workload-sync.json, hub-footprint.json,
# b7-workload-latency.json and b8-eviction.json.
# Parts and sizes: BENCH_PARTS=b2,footprint,b7 (default; add b8 to stop a cluster, b11 to restart
# the controller of the largest fleet: b11-workload-restart.json; b7traces: B7 without traces and
# with traces sampled at 100 % and 1 %, b7-tracing-overhead.json),
# BENCH_WORKLOADS=100,1000 BENCH_EDIT_RATES=10,50 BENCH_EDIT_SECONDS=30 bash bench/workloads.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo build --locked --release >&2
TMCCTL_LAB_ENV=$(lab/lab env)
TMCCTL_BIN="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/release/tmcctl"
export TMCCTL_LAB_ENV TMCCTL_BIN
cargo bench --locked --bench workloads
