#!/usr/bin/env bash
# Builds the guides (docs/) into docs/book with mdBook, installing mdBook first when it is not
# cached: `cargo install` of a pinned version, without its server and search features, under
# ~/.cache/tmcctl-tools (about 2 minutes the first time). Prints the mdbook path as its last
# line, so scripts/test.sh can hand it to the docs test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

MDBOOK_VERSION=0.5.4
root="${XDG_CACHE_HOME:-$HOME/.cache}/tmcctl-tools/mdbook-$MDBOOK_VERSION"
if [[ ! -x "$root/bin/mdbook" ]]; then
  echo "installing mdbook $MDBOOK_VERSION under $root" >&2
  cargo install mdbook --locked --no-default-features --version "$MDBOOK_VERSION" --root "$root" --quiet
fi
"$root/bin/mdbook" build docs >&2
echo "$root/bin/mdbook"
