#!/usr/bin/env bash
# The whole test suite, as CI runs it: formatting, lints, the lab (built once and cached by
# version, then started), a release build with a client smoke test, and every test (unit,
# property and end-to-end against the lab). A lab this script started is stopped at the end.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() { printf '\n==> %s\n' "$*" >&2; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy"
cargo clippy --locked --all-targets -- -D warnings

step "guides: mdBook (cached under ~/.cache/tmcctl-tools) builds docs/ into docs/book"
TMCCTL_MDBOOK=$(scripts/docs.sh | tail -n 1)
export TMCCTL_MDBOOK

step "lab build (cached by version under ~/.cache/tmcctl-lab)"
lab/lab build

started_lab=0
if ! lab/lab status >/dev/null 2>&1; then
  started_lab=1
fi
step "lab up"
env_file=$(lab/lab up | tail -n 1)
export TMCCTL_LAB_ENV="$env_file"
if [[ $started_lab == 1 && -z "${TMCCTL_KEEP_LAB:-}" ]]; then
  trap 'lab/lab down >/dev/null 2>&1 || true' EXIT
fi

step "release build and client smoke test (one rustls crypto provider)"
cargo build --locked --release
# shellcheck disable=SC1090
source "$env_file"
target/release/tmcctl --kubeconfig "$KCP_KUBECONFIG" version

step "cargo test (unit, property and lab end-to-end)"
log=$(mktemp)
set +e
# Lab tests mostly wait on servers, each in workspaces of its own: run more than the 2 cores.
RUST_TEST_THREADS=${RUST_TEST_THREADS:-4} cargo test --locked --no-fail-fast 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One closing line over every test binary.
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($i ~ /^passed/) p += $(i-1); if ($i ~ /^failed/) f += $(i-1) } }
     END { printf "all tests: %d passed, %d failed\n", p, f }' "$log"
rm -f "$log"
exit "$status"
