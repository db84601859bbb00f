#!/usr/bin/env bash
# Prints the raw, gzip -9 and brotli -q 11 size of every file a visitor downloads, and the total.
set -euo pipefail
cd "$(dirname "$0")/../www"
files=(index.html page.css favicon.svg estimator.js widget.html style.css form.js price-book.js language.js app.js pkg/amnion_estimator.js pkg/amnion_estimator_bg.wasm)
printf '%-32s %9s %9s %9s\n' file raw gzip brotli
total_raw=0 total_gz=0 total_br=0
for f in "${files[@]}"; do
  raw=$(wc -c < "$f"); gz=$(gzip -9 -c "$f" | wc -c); br=$(brotli -q 11 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + br))
  printf '%-32s %9d %9d %9d\n' "$f" "$raw" "$gz" "$br"
done
printf '%-32s %9d %9d %9d\n' total "$total_raw" "$total_gz" "$total_br"
