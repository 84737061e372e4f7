#!/usr/bin/env bash
# B3 (controller memory), B7 (edit -> decision latency under churn), B9 (leader hand-over) and
# B11 (restart with 10k placements in 100 workspaces), against the lab's kcp with the release
# binary. Needs the lab up (lab/lab up). Writes bench/results/b3-controller-memory.json,
# b7-placement-latency.json, b9-leader-handover.json and b11-controller-restart.json.
# Smaller runs: BENCH_WORKSPACES=10 BENCH_PER_WORKSPACE=10 BENCH_EDIT_SECONDS=10 bash bench/controller.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo build --locked --release >&2
TMCCTL_LAB_ENV=$(lab/lab env)
TMCCTL_BIN="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/release/tmcctl"
export TMCCTL_LAB_ENV TMCCTL_BIN
cargo bench --locked --bench controller
