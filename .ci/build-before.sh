#!/usr/bin/env bash
# Builds another revision's pages into target/bench-before/www, for `make bench BEFORE=<revision>`:
# the benchmark then measures that build and this one in the same run, so a before/after ratio
# comes from one run on one machine. The revision is cloned from this repository (committed work
# only) and built by its own `make build`, with its own tools.
set -euo pipefail
cd "$(dirname "$0")/.."
revision=$(git rev-parse "$1^{commit}")
dir=target/bench-before
if [ "$(git -C "$dir" rev-parse HEAD 2>/dev/null || true)" != "$revision" ]; then
  rm -rf "$dir"
  git clone -q . "$dir"
  git -C "$dir" checkout -q --detach "$revision"
fi
echo "bench: building $1 ($revision) in $dir" >&2
make -C "$dir" build >/dev/null
