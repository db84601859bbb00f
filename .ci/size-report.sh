#!/usr/bin/env bash
# Prints the raw, gzip -9 and brotli -q 11 size of every file a visitor downloads, and the total;
# then the same for a page whose widget is in Spanish (its own markup and module), then for the
# staff page as a clinic copies it (www/dist-staff), with its own, larger module.
set -euo pipefail
cd "$(dirname "$0")/../www"

brotli_bytes() { brotli -q 11 -c "$1" | wc -c; }

report() {
  local title=$1; shift
  printf '%-32s %9s %9s %9s\n' "$title" raw gzip brotli
  local total_raw=0 total_gz=0 total_br=0 f raw gz br
  for f in "$@"; do
    raw=$(wc -c < "$f"); gz=$(gzip -9 -c "$f" | wc -c); br=$(brotli_bytes "$f")
    total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + br))
    printf '%-32s %9d %9d %9d\n' "$f" "$raw" "$gz" "$br"
  done
  printf '%-32s %9d %9d %9d\n' total "$total_raw" "$total_gz" "$total_br"
  TOTAL_BROTLI=$total_br
}

visitor=(index.html page.css favicon.svg dist/estimator.js dist/widget.html dist/style.css
  dist/amnion_estimator_bg.wasm dist/sample-price-book.json)
report 'visitor page' "${visitor[@]}"
sample=$(brotli_bytes dist/sample-price-book.json)
echo "before the first estimate: $TOTAL_BROTLI brotli, all of the visitor page above (the module"
echo 'renders the first estimate; nothing loads afterwards); in all: the same'
echo "with a clinic's own price book in place of the sample: $((TOTAL_BROTLI - sample)) brotli, plus that book,"
echo 'before the first estimate and in all'
echo
# The same page with its widget in Spanish: the Spanish markup and module in place of the English.
report 'visitor page, in Spanish' index.html page.css favicon.svg dist/estimator.js dist/widget-es.html \
  dist/style.css dist/amnion_estimator_es_bg.wasm dist/sample-price-book.json
echo
report 'staff page' dist-staff/staff.html dist-staff/favicon.svg dist-staff/style.css \
  dist-staff/staff.css dist-staff/staff.js dist-staff/amnion_estimator_bg.wasm
